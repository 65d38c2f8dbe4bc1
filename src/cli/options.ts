/**
 * SPEC.md 7: the `rfm-score` arguments, parsed with Node's built-in util.parseArgs and turned into
 * an engine scheme. Every problem becomes an RfmError (exit code 2, one line).
 */
import { parseArgs } from 'node:util';
import {
  defaultScheme,
  preset,
  PRESET_IDS,
  type PresetId,
  parseBinningText,
  parseBinsText,
  parseGradesText,
  parseMethodText,
  parseTiesText,
  parseVariantText,
  parseWeightsText,
  RfmError,
  validateScheme,
  withBinning,
  type HeaderMode,
  type InsightOptions,
  type LayoutOptions,
  type Scheme,
  type TxOptions,
  parseIsoDay,
  mapDomain,
} from '../core';
import type { Lang } from '../i18n';
import { segmentMapOption } from './segmentMap';

export interface CliOptions {
  input: string;
  out: string;
  sheet?: string;
  layout: LayoutOptions;
  scheme: Scheme;
  lang: Lang;
  /** Segment and Follow-up columns (SPEC.md 5–6). */
  insight: InsightOptions;
  /** Add a summary sheet (xlsx output only). */
  summary: boolean;
  /** --list: customer lists by grade or segment name (docs/lists.md); --list-out: the file of the one list. */
  lists: string[];
  listOut?: string;
  /** --formulas: write live Excel formulas and a parameter sheet (xlsx output only; docs/formulas.md). */
  formulas: boolean;
  /** --transactions: the input is sales records to aggregate into R, F, M (docs/transactions.md). */
  transactions?: TxOptions;
  /** --scale-from: score on the cut values (and with the scheme) of an earlier result (docs/periods.md). */
  scaleFrom?: string;
  /** --previous: compare grades with an earlier result by customer ID (docs/periods.md). */
  previous?: string;
}

/** --transactions and its options (docs/transactions.md). */
function parseTransactions(
  v: Partial<Record<'customer' | 'date' | 'amount' | 'order' | 'since' | 'as-of' | 'r' | 'f' | 'm' | 'id', string>> & {
    transactions?: boolean;
  },
  header: HeaderMode,
): TxOptions | undefined {
  const txOnly = ['customer', 'date', 'amount', 'order', 'since', 'as-of'] as const;
  if (!v.transactions) {
    const used = txOnly.find((k) => v[k] !== undefined);
    if (used) throw new RfmError('tx.needsTransactions', { option: `--${used}` });
    return undefined;
  }
  const notTx = (['r', 'f', 'm', 'id'] as const).find((k) => v[k] !== undefined);
  if (notTx) throw new RfmError('tx.notWithTransactions', { option: `--${notTx}` });
  const day = (option: 'since' | 'as-of') => {
    const text = v[option];
    if (text === undefined) return undefined;
    const d = parseIsoDay(text);
    if (d === undefined) throw new RfmError('tx.badDate', { option: `--${option}`, value: text });
    return d;
  };
  const since = day('since');
  const asOf = day('as-of');
  if (since !== undefined && asOf !== undefined && asOf < since) {
    throw new RfmError('tx.asOfBeforeSince', { asOf: v['as-of']!, since: v.since! });
  }
  return { header, customer: v.customer, date: v.date, amount: v.amount, order: v.order, since, asOf };
}

export function parseInsight(v: {
  segments?: boolean;
  'segment-reference'?: string;
  'segment-basis'?: string;
  'segment-map'?: string;
  'follow-up'?: boolean;
  'follow-up-labels'?: string;
}, grades: number | undefined): InsightOptions {
  const reference = v['segment-reference'];
  if (reference !== undefined && reference !== 'mean' && reference !== 'median') {
    throw new RfmError('cli.badSegmentReference', { value: reference });
  }
  const basis = v['segment-basis'];
  if (basis !== undefined && basis !== 'scores' && basis !== 'values') {
    throw new RfmError('cli.badSegmentBasis', { value: basis });
  }
  let followUp: boolean | string[] = v['follow-up'] === true;
  if (v['follow-up-labels'] !== undefined) {
    const labels = v['follow-up-labels'].split(/[,，]/).map((l) => l.trim());
    // With --scale-from the grades come from the earlier run: the count is checked once it is read.
    if ((grades !== undefined && labels.length !== grades) || labels.some((l) => !l)) {
      throw new RfmError('cli.badFollowUpLabels', { count: labels.length, grades: grades ?? '?' });
    }
    followUp = labels;
  }
  // --segment-map (docs/segments.md): a preset or a map file; the eight segments are no map at all.
  const map = segmentMapOption(v['segment-map']);
  const segments = v.segments === true || reference !== undefined || basis !== undefined || v['segment-map'] !== undefined;
  return { segments: segments ? { reference, basis, ...(map ? { map } : {}) } : false, followUp };
}

const OPTIONS = {
  out: { type: 'string' },
  sheet: { type: 'string' },
  preset: { type: 'string' },
  header: { type: 'string' },
  r: { type: 'string' },
  f: { type: 'string' },
  m: { type: 'string' },
  id: { type: 'string' },
  variant: { type: 'string' },
  weights: { type: 'string' },
  'r-method': { type: 'string' },
  'f-method': { type: 'string' },
  'm-method': { type: 'string' },
  bins: { type: 'string' },
  ties: { type: 'string' },
  binning: { type: 'string' },
  grades: { type: 'string' },
  lang: { type: 'string' },
  segments: { type: 'boolean' },
  'segment-reference': { type: 'string' },
  'segment-basis': { type: 'string' },
  'segment-map': { type: 'string' },
  'check-segment-map': { type: 'string' },
  'print-segment-map': { type: 'string' },
  'follow-up': { type: 'boolean' },
  'follow-up-labels': { type: 'string' },
  summary: { type: 'boolean' },
  list: { type: 'string', multiple: true },
  'list-out': { type: 'string' },
  formulas: { type: 'boolean' },
  transactions: { type: 'boolean' },
  'scale-from': { type: 'string' },
  previous: { type: 'string' },
  customer: { type: 'string' },
  date: { type: 'string' },
  amount: { type: 'string' },
  order: { type: 'string' },
  since: { type: 'string' },
  'as-of': { type: 'string' },
  // The scheme as SQL (docs/sql.md, src/cli/sql.ts).
  sql: { type: 'string' },
  engine: { type: 'string' },
  table: { type: 'string' },
  'order-by': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

function parseArgv(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
}
export type ParsedArgs = ReturnType<typeof parseArgv>;

export type ParsedCommand =
  | { kind: 'help'; lang: Lang }
  | { kind: 'version' }
  | { kind: 'run'; options: CliOptions }
  /** --sql or --engine: read by src/cli/sql.ts. */
  | { kind: 'sql'; args: ParsedArgs }
  /** --print-segment-map or --check-segment-map: src/cli/segmentMap.ts. */
  | { kind: 'segmentMap'; lang: Lang; args: ParsedArgs };

export function parseLang(text: string | undefined): Lang {
  if (text === undefined || text === 'en') return 'en';
  if (text === 'zh') return 'zh';
  throw new RfmError('cli.badLang', { value: text });
}

/** Turn util.parseArgs' own errors into one translated line. */
function argsError(err: unknown): RfmError {
  const e = err as { code?: string; message?: string };
  const option = /'(-{1,2}[^'\s]+)/.exec(e.message ?? '')?.[1] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new RfmError('cli.unknownOption', { option });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new RfmError('cli.missingValue', { option });
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new RfmError('cli.extraArgument', { value: /'([^']*)'/.exec(e.message ?? '')?.[1] ?? '' });
    default:
      return new RfmError('cli.badArguments', { detail: e.message ?? String(err) });
  }
}

export function parseCommand(argv: string[]): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgv(argv);
  } catch (err) {
    throw argsError(err);
  }
  const v = parsed.values;
  const lang = parseLang(v.lang);
  if (v.help) return { kind: 'help', lang };
  if (v.version) return { kind: 'version' };
  if (v['print-segment-map'] !== undefined || v['check-segment-map'] !== undefined) return { kind: 'segmentMap', lang, args: parsed };
  if (v.sql !== undefined || v.engine !== undefined) return { kind: 'sql', args: parsed };
  const sqlOnly = (['table', 'order-by'] as const).find((k) => v[k] !== undefined);
  if (sqlOnly) throw new RfmError('sql.onlyWithSql', { option: `--${sqlOnly}` });
  if (parsed.positionals.length === 0) throw new RfmError('cli.noInput');
  if (parsed.positionals.length > 1) throw new RfmError('cli.extraArgument', { value: parsed.positionals[1] });
  if (!v.out) throw new RfmError('cli.noOut');

  let header: HeaderMode = 'auto';
  if (v.header !== undefined) {
    if (v.header !== 'auto' && v.header !== 'yes' && v.header !== 'no') {
      throw new RfmError('cli.badHeader', { value: v.header });
    }
    header = v.header;
  }

  const scaleFrom = v['scale-from'];
  const previous = v.previous;
  if (scaleFrom !== undefined) {
    // The scheme comes from the earlier run's parameters sheet: scheme options would contradict it.
    const schemeOptions = ['preset', 'variant', 'weights', 'r-method', 'f-method', 'm-method', 'bins', 'ties', 'binning', 'grades'] as const;
    const given = schemeOptions.find((k) => v[k] !== undefined);
    if (given) throw new RfmError('period.schemeWithScale', { option: `--${given}` });
  }
  if (v.formulas && (scaleFrom !== undefined || previous !== undefined)) {
    throw new RfmError('period.formulas', { option: scaleFrom !== undefined ? '--scale-from' : '--previous' });
  }

  const scheme = schemeOf(v);
  const insight = parseInsight(v, scaleFrom === undefined ? scheme.grades.length : undefined);
  const map = insight.segments && insight.segments !== true ? insight.segments.map : undefined;
  if (map?.kind === 'ranges') {
    // Score-range maps: refused early with formulas (they compare with the live mean) or raw scores.
    if (v.formulas) throw new RfmError('segmap.formulas', { name: `"${v['segment-map']}"` });
    if (scaleFrom === undefined) mapDomain(map, scheme);
  }
  const lists = v.list ?? [];
  if (v['list-out'] !== undefined && lists.length !== 1) {
    throw lists.length ? new RfmError('list.outWithMany', { count: lists.length }) : new RfmError('list.outNeedsList');
  }
  // Live formulas rank over all customers; nested F and M are ranked within groups (docs/binning.md).
  if (v.formulas && scheme.binning === 'nested') throw new RfmError('binning.formulas');

  return {
    kind: 'run',
    options: {
      input: parsed.positionals[0],
      out: v.out,
      sheet: v.sheet,
      layout: { header, r: v.r, f: v.f, m: v.m, id: v.id },
      scheme,
      lang,
      insight,
      summary: v.summary === true,
      lists,
      listOut: v['list-out'],
      formulas: v.formulas === true,
      transactions: parseTransactions(v, header),
      scaleFrom,
      previous,
    },
  };
}

/** The scheme options (--preset, --variant, --weights, --r/f/m-method, --bins, --ties, --binning, --grades), validated. */
export function schemeOf(v: ParsedArgs['values']): Scheme {
  let scheme = defaultScheme();
  if (v.preset !== undefined) {
    if (!(PRESET_IDS as readonly string[]).includes(v.preset)) {
      throw new RfmError('cli.badPreset', { value: v.preset, presets: [...PRESET_IDS] });
    }
    scheme = preset(v.preset as PresetId);
  }
  if (v.variant !== undefined) scheme.variant = parseVariantText(v.variant);
  if (v.weights !== undefined) {
    if (scheme.variant === 'additive') throw new RfmError('cli.weightsWithAdditive');
    scheme.weights = parseWeightsText(v.weights);
  }
  if (v['r-method'] !== undefined) scheme.methods.r = parseMethodText('r', v['r-method']);
  if (v['f-method'] !== undefined) scheme.methods.f = parseMethodText('f', v['f-method']);
  if (v['m-method'] !== undefined) scheme.methods.m = parseMethodText('m', v['m-method']);
  if (v.bins !== undefined) scheme.bins = parseBinsText(v.bins);
  if (v.ties !== undefined) scheme.ties = parseTiesText(v.ties);
  if (v.binning !== undefined) scheme = withBinning(scheme, parseBinningText(v.binning));
  if (v.grades !== undefined) scheme.grades = parseGradesText(v.grades);
  return validateScheme(scheme);
}
