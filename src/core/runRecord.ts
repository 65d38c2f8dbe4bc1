/**
 * Period over period (docs/periods.md): the parameters sheet written with every result — a record of the run that a person can read
 * (in the run's language) and the product can read back (a key/value block with stable keys, whatever
 * the language). Pure: the command line writes the cells with exceljs, the task pane with Office.js.
 *
 * One parameters sheet per scored sheet ("RFM parameters" / "RFM参数"). In formula mode the live
 * parameter block of src/core/formulas.ts comes first (its formulas refer to those cells), the run
 * record follows below it. The machine block is the last section: keys in column A (`rfm.format`,
 * `rfm.scheme`, `rfm.cuts.r` …), values in column B (text or JSON). See docs/periods.md.
 */
import { t, type Lang, type MessageKey } from '../i18n';
import { itemSep, joinClauses, joinList, paren } from '../i18n/format';
import { cellAddress, columnIndex, columnLetter } from './address';
import type { ColumnRole } from './columns';
import { RfmError } from './errors';
import type { FormulaColumnKey, ParamCell } from './formulas';
import { outputHeader } from './output';
import { gradesText, lowerIsBetter, metricName, validateScheme } from './scheme';
import { scaleOf, validateScale, type MetricScale, type Scale, type ScoreBand } from './scale';
import { boxText, checkSegmentMap, displayName, mapDomain, isDefaultSegmentMap, othersName, parseSegmentMap, ruleBoxes } from './segmentMaps';
import type { SegmentOptions } from './segments';
import type { ScoredSheet } from './table';
import { METRICS, type CellValue, type Metric, type OutsideCounts, type Scheme } from './types';

/** Version of the machine block's layout; a reader refuses a newer one. */
export const RECORD_FORMAT = 1;

export const PRODUCT_NAME = 'RFM Grader';

const ROLES: readonly ColumnRole[] = ['r', 'f', 'm', 'id'];

/** Another run a record refers to (the frozen scale's source, the previous period). */
export interface RunRef {
  file?: string;
  sheet?: string;
  /** That run's time (ISO 8601). */
  time?: string;
}

/** Everything a later run needs to know about this one. Positions are 0-based sheet positions. */
export interface RunRecord {
  format: number;
  /** Product version that wrote it. */
  version: string;
  /** `rfm-score` or `add-in`. */
  tool: string;
  /** ISO 8601 with the local offset (`2025-11-04T10:22:03+08:00`). */
  time: string;
  lang: Lang;
  input: { file?: string; sheet?: string; range?: string };
  output: {
    sheet: string;
    /** Sheet row of the header, -1 when the table has none. */
    headerRow: number;
    firstDataRow: number;
    lastDataRow: number;
    /** Sheet column of the first output column. */
    startColumn: number;
    /** The output block's columns, left to right (formula mode: Check and the helper columns too). */
    columns: FormulaColumnKey[];
  };
  layout: {
    header: boolean;
    /** Sheet columns of R, F, M and the optional customer ID. */
    columns: Partial<Record<ColumnRole, number>> & Record<Metric, number>;
    /** Their header texts (when the table has a header row). */
    headers: Partial<Record<ColumnRole, string>>;
  };
  scheme: Scheme;
  options: { segments: SegmentOptions | false; followUp: boolean | string[]; formulas: boolean };
  /** The cut values used for each metric (frozen runs: the frozen bands, with this run's counts). */
  scale: Scale;
  /** Frozen-scale runs: whose scale it was. */
  scaleFrom?: RunRef;
  /** Frozen-scale runs: values beyond the old extremes per metric. */
  outside?: Record<Metric, OutsideCounts>;
  /** Runs compared with a previous period. */
  previous?: RunRef;
  counts: { rows: number; valid: number; invalidRows: number; invalidCells: number; grades: number[] };
}

/** The header of an output block column in `lang` (formula mode's helper columns included). */
export function blockHeader(key: FormulaColumnKey, lang: Lang): string {
  if (key === 'valueR' || key === 'valueF' || key === 'valueM') return t(lang, 'formula.helper', { metric: key.slice(5) });
  return outputHeader(key, lang);
}

/** `2025-11-04T10:22:03+08:00`: local time with its offset. */
export function localIsoTime(date: Date): string {
  const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
  const off = -date.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.trunc(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`
  );
}

/** `2025-11-04 10:22:03 (UTC+08:00)` from the ISO text (no time-zone conversion). */
export function displayTime(iso: string | undefined, lang: Lang = 'en'): string {
  if (!iso) return '';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${m[1]} ${m[2]}${paren(lang, `UTC${m[3] === 'Z' ? '' : m[3]}`)}`;
}

export interface RecordInput {
  sheet: ScoredSheet;
  scheme: Scheme;
  lang: Lang;
  version: string;
  tool: string;
  /** When the run happened (default now). */
  now?: Date;
  input: { file?: string; sheet?: string; range?: string };
  /** Name of the sheet holding the table and its output. */
  outputSheet: string;
  /** The output block's columns when they are not the ScoredSheet's (formula mode: `formulaSheet(…).columns` keys). */
  outputColumns?: FormulaColumnKey[];
  /** Sheet position of the table's first cell when the ScoredSheet's indexes are table-relative (pane). */
  origin?: { row: number; column: number };
  segments?: SegmentOptions | boolean;
  followUp?: boolean | string[];
  formulas?: boolean;
  /** The frozen scale the run was scored on, and where it came from. */
  frozen?: { scale: Scale; from: RunRef };
  previous?: RunRef;
}

/** The `A1:F682` range a table covers: from its first row and column A to the last data row and the column before the output. */
export function tableRange(sheet: ScoredSheet, origin = { row: 0, column: 0 }): string {
  const first = sheet.headerRow >= 0 ? sheet.headerRow : (sheet.dataRows[0] ?? 0);
  const last = sheet.dataRows[sheet.dataRows.length - 1] ?? first;
  return `${cellAddress(origin.column, origin.row + first + 1)}:${cellAddress(origin.column + Math.max(0, sheet.startColumn - 1), origin.row + last + 1)}`;
}

function headerText(v: CellValue | undefined): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** The record of a scored sheet. */
export function buildRunRecord(x: RecordInput): RunRecord {
  const { sheet, scheme } = x;
  const o = x.origin ?? { row: 0, column: 0 };
  const { result, layout } = sheet;
  const columns = {
    r: o.column + layout.columns.r,
    f: o.column + layout.columns.f,
    m: o.column + layout.columns.m,
  } as RunRecord['layout']['columns'];
  if (layout.id !== undefined) columns.id = o.column + layout.id;
  const headers: RunRecord['layout']['headers'] = {};
  if (sheet.headerRow >= 0) {
    for (const role of ROLES) {
      const c = role === 'id' ? layout.id : layout.columns[role];
      const text = c === undefined ? undefined : headerText(sheet.headerCells[c]);
      if (text !== undefined) headers[role] = text;
    }
  }
  const segments: SegmentOptions | false = x.segments ? (x.segments === true ? {} : { ...x.segments }) : false;
  // The default map is not written, so a run without a map records exactly what it did before (docs/segments.md).
  if (segments && isDefaultSegmentMap(segments.map)) delete segments.map;
  return {
    format: RECORD_FORMAT,
    version: x.version,
    tool: x.tool,
    time: localIsoTime(x.now ?? new Date()),
    lang: x.lang,
    input: x.input,
    output: {
      sheet: x.outputSheet,
      headerRow: sheet.headerRow >= 0 ? o.row + sheet.headerRow : -1,
      firstDataRow: o.row + (sheet.dataRows[0] ?? 0),
      lastDataRow: o.row + (sheet.dataRows[sheet.dataRows.length - 1] ?? 0),
      startColumn: o.column + sheet.startColumn,
      columns: [...(x.outputColumns ?? sheet.output.columns)],
    },
    layout: { header: sheet.headerRow >= 0, columns, headers },
    scheme,
    options: { segments, followUp: x.followUp ?? false, formulas: x.formulas === true },
    scale: scaleOf(result, scheme, x.frozen?.scale),
    scaleFrom: x.frozen?.from,
    outside: result.frozen?.outside,
    previous: x.previous,
    counts: {
      rows: result.rows,
      valid: result.n,
      invalidRows: new Set(result.invalid.map((c) => c.row)).size,
      invalidCells: result.invalid.length,
      grades: [...result.gradeCounts],
    },
  };
}

// ---------- the machine block ----------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function refJson(ref: RunRef | undefined): Json {
  return ref ? { file: ref.file ?? null, sheet: ref.sheet ?? null, time: ref.time ?? null } : null;
}

/** The key/value pairs of the machine block, in order. Values are text; structured ones JSON. */
export function recordEntries(record: RunRecord): Array<[string, string]> {
  const letter = (c: number | undefined) => (c === undefined ? null : columnLetter(c));
  const role = (r: ColumnRole): Json => {
    const c = record.layout.columns[r];
    return c === undefined ? null : { column: letter(c), header: record.layout.headers[r] ?? null };
  };
  const entries: Array<[string, Json]> = [
    ['rfm.format', String(record.format)],
    ['rfm.version', record.version],
    ['rfm.tool', record.tool],
    ['rfm.time', record.time],
    ['rfm.lang', record.lang],
    ['rfm.input', { file: record.input.file ?? null, sheet: record.input.sheet ?? null, range: record.input.range ?? null }],
    [
      'rfm.output',
      {
        sheet: record.output.sheet,
        headerRow: record.output.headerRow >= 0 ? record.output.headerRow + 1 : null,
        rows: `${record.output.firstDataRow + 1}:${record.output.lastDataRow + 1}`,
        startColumn: columnLetter(record.output.startColumn),
        columns: record.output.columns,
      },
    ],
    ['rfm.columns', { header: record.layout.header, r: role('r'), f: role('f'), m: role('m'), id: role('id') }],
    ['rfm.scheme', record.scheme as unknown as Json],
    ['rfm.options', record.options as unknown as Json],
    ['rfm.cuts.r', record.scale.r as unknown as Json],
    ['rfm.cuts.f', record.scale.f as unknown as Json],
    ['rfm.cuts.m', record.scale.m as unknown as Json],
    ['rfm.counts', record.counts as unknown as Json],
  ];
  if (record.scaleFrom) entries.push(['rfm.scaleFrom', refJson(record.scaleFrom)]);
  if (record.outside) entries.push(['rfm.outside', record.outside as unknown as Json]);
  if (record.previous) entries.push(['rfm.previous', refJson(record.previous)]);
  return entries.map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]);
}

export type RecordReading =
  | { ok: true; record: RunRecord; /** 0-based position of the `rfm.format` key cell */ at: { row: number; column: number } }
  | { ok: false; reason: 'missing' }
  | { ok: false; reason: 'bad'; cell: string; detail: string };

function cellText(v: CellValue | undefined): string | undefined {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** Where the machine block starts (the `rfm.format` key), or undefined. */
export function findRecordBlock(rows: readonly (readonly CellValue[])[]): { row: number; column: number } | undefined {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    for (let c = 0; c < row.length; c++) if (cellText(row[c]) === 'rfm.format') return { row: r, column: c };
  }
  return undefined;
}

/**
 * Read a run record back from a parameters sheet's cells (rows from A1, as values). Language-independent:
 * only the machine block is read. `lang` is for the problem description.
 */
export function readRunRecord(rows: readonly (readonly CellValue[])[], lang: Lang = 'en'): RecordReading {
  const at = findRecordBlock(rows);
  if (!at) return { ok: false, reason: 'missing' };
  const values = new Map<string, { text: string; cell: string }>();
  for (let r = at.row; r < rows.length; r++) {
    const key = cellText(rows[r]?.[at.column]);
    if (!key || !key.startsWith('rfm.')) break;
    values.set(key, { text: cellText(rows[r]?.[at.column + 1]) ?? '', cell: cellAddress(at.column + 1, r + 1) });
  }
  let current = cellAddress(at.column + 1, at.row + 1);
  const fail = (detail: string): RecordReading => ({ ok: false, reason: 'bad', cell: current, detail });
  const get = (key: string): string => {
    const v = values.get(key);
    if (!v) throw new Error(t(lang, 'period.recordKeyMissing', { key }));
    current = v.cell;
    return v.text;
  };
  const json = <T>(key: string): T => {
    const text = get(key);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new Error(t(lang, 'period.recordNotJson', { key }));
    }
  };
  const optional = <T>(key: string): T | undefined => (values.has(key) ? (json<T>(key) ?? undefined) : undefined);
  try {
    const format = Number(get('rfm.format'));
    if (!Number.isInteger(format) || format < 1) throw new Error(t(lang, 'period.recordFormat', { format: String(format) }));
    if (format > RECORD_FORMAT) throw new Error(t(lang, 'period.recordNewer', { format: String(format) }));
    const index = (letter: unknown, what: string): number => {
      const i = typeof letter === 'string' ? columnIndex(letter) : undefined;
      if (i === undefined) throw new Error(t(lang, 'period.recordField', { field: what }));
      return i;
    };
    const out = json<{ sheet: string; headerRow: number | null; rows: string; startColumn: string; columns: FormulaColumnKey[] }>('rfm.output');
    const rowsMatch = /^(\d+):(\d+)$/.exec(String(out?.rows ?? ''));
    if (!out || typeof out.sheet !== 'string' || !rowsMatch || !Array.isArray(out.columns)) {
      throw new Error(t(lang, 'period.recordField', { field: 'rfm.output' }));
    }
    const cols = json<Record<string, unknown>>('rfm.columns');
    const columns = {} as RunRecord['layout']['columns'];
    const headers: RunRecord['layout']['headers'] = {};
    for (const role of ROLES) {
      const entry = cols?.[role] as { column?: unknown; header?: unknown } | null | undefined;
      if (!entry) {
        if (role !== 'id') throw new Error(t(lang, 'period.recordField', { field: `rfm.columns.${role}` }));
        continue;
      }
      columns[role] = index(entry.column, `rfm.columns.${role}`);
      if (typeof entry.header === 'string') headers[role] = entry.header;
    }
    const scheme = json<Scheme>('rfm.scheme');
    try {
      validateScheme(scheme);
    } catch (err) {
      throw new Error(err instanceof RfmError ? err.localized(lang) : String(err));
    }
    const scale = { r: json<MetricScale>('rfm.cuts.r'), f: json<MetricScale>('rfm.cuts.f'), m: json<MetricScale>('rfm.cuts.m') };
    try {
      validateScale(scheme, scale);
    } catch (err) {
      throw new Error(err instanceof RfmError ? err.localized(lang) : String(err));
    }
    const input = json<RunRecord['input']>('rfm.input') ?? {};
    const options = json<RunRecord['options']>('rfm.options');
    if (options?.segments && options.segments.map !== undefined) {
      try {
        options.segments.map = parseSegmentMap(options.segments.map, 'rfm.options');
      } catch (err) {
        throw new Error(err instanceof RfmError ? err.localized(lang) : String(err));
      }
    }
    const counts = json<RunRecord['counts']>('rfm.counts');
    const record: RunRecord = {
      format,
      version: get('rfm.version'),
      tool: values.get('rfm.tool')?.text ?? '',
      time: get('rfm.time'),
      lang: get('rfm.lang') === 'zh' ? 'zh' : 'en',
      input: { file: input.file ?? undefined, sheet: input.sheet ?? undefined, range: input.range ?? undefined },
      output: {
        sheet: out.sheet,
        headerRow: out.headerRow === null ? -1 : Number(out.headerRow) - 1,
        firstDataRow: Number(rowsMatch[1]) - 1,
        lastDataRow: Number(rowsMatch[2]) - 1,
        startColumn: index(out.startColumn, 'rfm.output.startColumn'),
        columns: out.columns,
      },
      layout: { header: cols.header === true, columns, headers },
      scheme,
      options: options ?? { segments: false, followUp: false, formulas: false },
      scale,
      scaleFrom: optional<RunRef>('rfm.scaleFrom'),
      outside: optional<Record<Metric, OutsideCounts>>('rfm.outside'),
      previous: optional<RunRef>('rfm.previous'),
      counts,
    };
    return { ok: true, record, at };
  } catch (err) {
    return fail((err as Error).message);
  }
}

// ---------- the sheet a person reads ----------

/** A cell of the parameters sheet (0-based position). `key`: the machine block (keys and values). */
export interface ParametersCell {
  row: number;
  column: number;
  value?: string | number;
  formula?: string;
  result?: string | number;
  role: ParamCell['role'] | 'key';
  /** Number format, when not General (shares). */
  numFmt?: string;
}

export interface ParametersSheet {
  cells: ParametersCell[];
  /** Columns used (for widths). */
  columns: number;
  /** 0-based row of the machine block's first key. */
  machineRow: number;
}

function num(x: number): string {
  return String(x);
}

/** The rule a band applies to later values (frozen scale): `≥ 5000`, `≥ 2000 and < 5000`, `< 800`. */
export function bandRule(metric: Metric, bands: readonly ScoreBand[], i: number, lang: Lang): string {
  const lower = lowerIsBetter(metric);
  const edge = (b: ScoreBand) => (lower ? b.max : b.min);
  const tr = (key: MessageKey, vars: Record<string, string | number>) => t(lang, key, vars);
  if (bands.length === 1) return tr('period.ruleAll', {});
  if (i === 0) return tr(lower ? 'period.ruleAtMost' : 'period.ruleAtLeast', { a: num(edge(bands[0])) });
  if (i === bands.length - 1) return tr(lower ? 'period.ruleAbove' : 'period.ruleBelow', { a: num(edge(bands[i - 1])) });
  // Smaller is better: above the better band's max, up to its own; larger: from its own min, below the better band's min.
  return lower
    ? tr('period.ruleBetweenSmaller', { a: num(edge(bands[i - 1])), b: num(edge(bands[i])) })
    : tr('period.ruleBetweenLarger', { a: num(edge(bands[i])), b: num(edge(bands[i - 1])) });
}

/** The rule of breaks score `score` (1 … cut-offs + 1). */
function breaksRule(metric: Metric, cutoffs: readonly number[], score: number, lang: Lang): string {
  const lower = lowerIsBetter(metric);
  const k = cutoffs.length + 1;
  // Larger is better: score s covers [t(s−1), t(s)); smaller is better: score s covers (t(k−s−1), t(k−s)].
  if (!lower) {
    if (score === 1) return t(lang, 'period.ruleBelow', { a: num(cutoffs[0]) });
    if (score === k) return t(lang, 'period.ruleAtLeast', { a: num(cutoffs[k - 2]) });
    return t(lang, 'period.ruleBetweenLarger', { a: num(cutoffs[score - 2]), b: num(cutoffs[score - 1]) });
  }
  if (score === k) return t(lang, 'period.ruleAtMost', { a: num(cutoffs[0]) });
  if (score === 1) return t(lang, 'period.ruleAbove', { a: num(cutoffs[k - 2]) });
  return t(lang, 'period.ruleBetweenSmaller', { a: num(cutoffs[k - score - 1]), b: num(cutoffs[k - score]) });
}

function methodText(scheme: Scheme, metric: Metric, lang: Lang): string {
  const m = scheme.methods[metric];
  if (m.kind === 'raw') return t(lang, 'period.methodRaw');
  if (m.kind === 'breaks') return t(lang, 'period.methodBreaks', { cutoffs: m.cutoffs.join(itemSep(lang)) });
  return t(lang, 'period.methodQuintile', { k: scheme.bins, ties: t(lang, `ties.${scheme.ties}`) });
}

function refText(ref: RunRef | undefined, lang: Lang): string {
  if (!ref) return '';
  const where = ref.sheet && ref.file ? t(lang, 'cli.report.sheet', { sheet: ref.sheet, file: ref.file }) : (ref.file ?? ref.sheet ?? '');
  return ref.time ? t(lang, 'period.refAt', { where, time: displayTime(ref.time, lang) }) : where;
}

/**
 * The parameters sheet's cells for a run record, in the record's language. With `formulaParams`
 * (formula mode) that block is placed first, as formulaSheet laid it out (its title, note and scored
 * sheet rows included), and the record follows as a snapshot; otherwise the sheet starts with the same
 * title / note / scored-sheet rows.
 */
export function parametersSheet(record: RunRecord, formulaParams?: readonly ParamCell[]): ParametersSheet {
  const lang = record.lang;
  const tr = (key: MessageKey, vars?: Record<string, string | number>) => t(lang, key, vars);
  const cells: ParametersCell[] = [];
  let columns = 2;
  const put = (row: number, column: number, value: string | number, role: ParametersCell['role'], numFmt?: string) => {
    cells.push(numFmt ? { row, column, value, role, numFmt } : { row, column, value, role });
    columns = Math.max(columns, column + 1);
  };
  let row = 0;
  if (formulaParams?.length) {
    for (const p of formulaParams) {
      cells.push({ ...p });
      columns = Math.max(columns, p.column + 1);
      row = Math.max(row, p.row + 1);
    }
    row++;
    put(row++, 0, tr('period.snapshot'), 'heading');
    put(row++, 0, tr('period.snapshotNote'), 'note');
  } else {
    put(row++, 0, tr('formula.title'), 'title');
    put(row++, 0, tr('period.note', { sheet: record.output.sheet }), 'note');
    put(row, 0, tr('formula.scoredSheet'), 'label');
    put(row++, 1, record.output.sheet, 'label');
  }
  row++;

  const labelled = (label: string, value: string | number) => {
    put(row, 0, label, 'label');
    put(row++, 1, value, 'label');
  };

  // This run.
  put(row++, 0, tr('period.run'), 'heading');
  labelled(tr('period.time'), displayTime(record.time, lang));
  labelled(tr('period.product'), `${PRODUCT_NAME} ${record.version} (${record.tool})`);
  if (record.input.file) labelled(tr('period.inputFile'), record.input.file);
  if (record.input.sheet) labelled(tr('period.inputSheet'), record.input.sheet);
  if (record.input.range) labelled(tr('period.inputRange'), record.input.range);
  const out = record.output;
  const outCols = `${columnLetter(out.startColumn)}:${columnLetter(out.startColumn + out.columns.length - 1)}`;
  labelled(
    tr('period.output'),
    tr('period.outputText', {
      sheet: out.sheet,
      columns: outCols,
      headers: joinList(lang, out.columns.map((c) => blockHeader(c, lang))),
    }),
  );
  labelled(tr('period.headerRow'), out.headerRow >= 0 ? tr('period.headerRowAt', { row: out.headerRow + 1 }) : tr('period.none'));
  labelled(tr('period.mode'), tr(record.options.formulas ? 'period.modeFormulas' : 'period.modeValues'));
  row++;

  // Column mapping.
  put(row++, 0, tr('period.mapping'), 'heading');
  put(row, 0, tr('period.role'), 'heading');
  put(row, 1, tr('period.column'), 'heading');
  put(row++, 2, tr('period.header'), 'heading');
  for (const role of ROLES) {
    const c = record.layout.columns[role];
    if (c === undefined) continue;
    put(row, 0, role === 'id' ? tr('period.roleId') : metricName(role), 'label');
    put(row, 1, columnLetter(c), 'label');
    const h = record.layout.headers[role];
    if (h !== undefined) put(row, 2, h, 'label');
    row++;
  }
  row++;

  // Customers.
  put(row++, 0, tr('period.customers'), 'heading');
  labelled(tr('period.rows'), record.counts.rows);
  labelled(tr('period.valid'), record.counts.valid);
  labelled(tr('period.invalid'), tr('period.invalidText', { rows: record.counts.invalidRows, cells: record.counts.invalidCells }));
  row++;

  // Scheme.
  const s = record.scheme;
  put(row++, 0, tr('period.scheme'), 'heading');
  labelled(
    tr('formula.composite'),
    s.variant === 'weighted'
      ? tr('period.weighted', { wr: s.weights[0], wf: s.weights[1], wm: s.weights[2] })
      : tr('period.additive'),
  );
  put(row, 0, tr('formula.metric'), 'heading');
  put(row, 1, tr('formula.better'), 'heading');
  put(row++, 2, tr('formula.method'), 'heading');
  for (const m of METRICS) {
    put(row, 0, metricName(m), 'label');
    put(row, 1, tr(lowerIsBetter(m) ? 'formula.smaller' : 'formula.larger'), 'label');
    put(row++, 2, methodText(s, m, lang), 'label');
  }
  // Nested binning (docs/binning.md): the line appears only for nested schemes, so other records are unchanged.
  if (s.binning === 'nested') labelled(tr('binning.label'), tr('binning.nested'));
  labelled(tr('period.gradesText'), gradesText(s.grades));
  // High/low against a reference: not what a score-range segment map does (docs/segments.md).
  if (record.options.segments && record.options.segments.map?.kind !== 'ranges') {
    labelled(
      tr('formula.segments'),
      tr('period.segmentsText', {
        reference: tr(record.options.segments.reference === 'median' ? 'formula.median' : 'formula.mean'),
        basis: tr(record.options.segments.basis === 'values' ? 'period.basisValues' : 'period.basisScores'),
      }),
    );
  }
  const segMap = record.options.segments ? record.options.segments.map : undefined;
  if (segMap) {
    // A segment map other than the eight segments: its rules, one per row, first match in order.
    const boxes = ruleBoxes(segMap);
    segMap.segments.forEach((seg, i) => {
      labelled(i === 0 ? tr('segmap.params') : '', tr('segmap.paramsRule', { name: displayName(seg.name, lang), rule: boxText(segMap, boxes[i], lang) }));
    });
    if (checkSegmentMap(segMap, mapDomain(segMap, record.scheme)).uncovered) {
      labelled('', tr('segmap.paramsRule', { name: othersName(segMap, lang), rule: tr('segmap.othersRule') }));
    }
  }
  if (record.options.followUp) labelled(tr('formula.followUp'), tr('period.yes'));
  row++;

  // Grades.
  put(row++, 0, tr('formula.grades'), 'heading');
  put(row, 0, tr('formula.gradeLabel'), 'heading');
  put(row, 1, tr('formula.gradeMin'), 'heading');
  put(row, 2, tr('period.count'), 'heading');
  put(row++, 3, tr('period.share'), 'heading');
  s.grades.forEach((g, i) => {
    put(row, 0, g.label, 'label');
    put(row, 1, g.min === null ? tr('formula.gradeOtherwise') : Number(g.min), 'label');
    put(row, 2, record.counts.grades[i] ?? 0, 'label');
    put(row++, 3, record.counts.valid ? (record.counts.grades[i] ?? 0) / record.counts.valid : 0, 'label', '0.0%');
  });
  row++;

  // Cut values.
  put(row++, 0, tr('period.cuts'), 'heading');
  labelled(tr('period.scale'), record.scaleFrom ? tr('period.scaleFrozen', { from: refText(record.scaleFrom, lang) }) : tr('period.scaleOwn'));
  put(row, 0, tr('formula.metric'), 'heading');
  put(row, 1, tr('period.score'), 'heading');
  put(row, 2, tr('period.from'), 'heading');
  put(row, 3, tr('period.to'), 'heading');
  put(row, 4, tr('period.count'), 'heading');
  put(row++, 5, tr('period.rule'), 'heading');
  for (const m of METRICS) {
    const sc = record.scale[m];
    if (sc.kind === 'raw') {
      put(row, 0, metricName(m), 'label');
      put(row++, 5, tr('period.methodRaw'), 'label');
    } else if (sc.kind === 'quintile') {
      sc.bands.forEach((b, i) => {
        put(row, 0, metricName(m), 'label');
        put(row, 1, b.score, 'label');
        put(row, 2, b.min, 'label');
        put(row, 3, b.max, 'label');
        put(row, 4, b.count, 'label');
        // Nested F and M (docs/binning.md) were ranked within each R bin: no one rule per score.
        put(row++, 5, s.binning === 'nested' && m !== 'r' ? tr('binning.rule') : bandRule(m, sc.bands, i, lang), 'label');
      });
    } else {
      for (let score = sc.cutoffs.length + 1; score >= 1; score--) {
        put(row, 0, metricName(m), 'label');
        put(row, 1, score, 'label');
        put(row++, 5, breaksRule(m, sc.cutoffs, score, lang), 'label');
      }
    }
  }
  if (record.outside) {
    const parts = METRICS.filter((m) => record.scale[m].kind === 'quintile').map((m) =>
      tr('period.outsideText', { metric: metricName(m), better: record.outside![m].better, worse: record.outside![m].worse }),
    );
    if (parts.length) labelled(tr('period.outside'), joinClauses(lang, parts));
  }
  row++;

  if (record.previous) {
    put(row++, 0, tr('period.compared'), 'heading');
    labelled(tr('period.previousRun'), refText(record.previous, lang));
    row++;
  }

  // The machine block.
  put(row++, 0, tr('period.machine'), 'heading');
  put(row++, 0, tr('period.machineNote'), 'note');
  const machineRow = row;
  for (const [k, v] of recordEntries(record)) {
    put(row, 0, k, 'key');
    put(row++, 1, v, 'key');
  }
  return { cells, columns, machineRow };
}
