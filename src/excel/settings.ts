/**
 * The pane's choices saved in the workbook (document settings, one JSON value under one key) and
 * restored when it reopens. A missing, corrupt or foreign value reads as "nothing saved".
 */
import { parseSegmentMap, validateScheme, type GradeRule, type LayoutOptions, type MetricMethod, type Scheme, type SegmentMap } from '../core';
import type { Lang } from '../i18n';
import type { ExcelApi, SavedSettings } from './types';

export const SETTINGS_KEY = 'rfmGrader.settings';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function method(v: unknown): MetricMethod | undefined {
  if (!isObject(v)) return undefined;
  if (v.kind === 'quintile' || v.kind === 'raw') return { kind: v.kind };
  if (v.kind === 'breaks' && Array.isArray(v.cutoffs) && v.cutoffs.every((x) => typeof x === 'number')) {
    return { kind: 'breaks', cutoffs: [...(v.cutoffs as number[])] };
  }
  return undefined;
}

function scheme(v: unknown): Scheme | undefined {
  if (!isObject(v) || !isObject(v.methods)) return undefined;
  const { weights, grades } = v;
  if (!Array.isArray(weights) || weights.length !== 3 || !weights.every((w) => typeof w === 'string')) return undefined;
  if (!Array.isArray(grades)) return undefined;
  const rules: GradeRule[] = [];
  for (const g of grades) {
    if (!isObject(g) || typeof g.label !== 'string' || !(g.min === null || typeof g.min === 'string')) return undefined;
    rules.push({ label: g.label, min: g.min });
  }
  const r = method(v.methods.r);
  const f = method(v.methods.f);
  const m = method(v.methods.m);
  if (!r || !f || !m || typeof v.bins !== 'number') return undefined;
  const s = {
    variant: v.variant,
    weights: [...weights] as [string, string, string],
    methods: { r, f, m },
    bins: v.bins,
    ties: v.ties,
    grades: rules,
  } as Scheme;
  // Nested binning (docs/binning.md); absent is independent, as in settings saved before it existed.
  if (v.binning !== undefined) s.binning = v.binning as Scheme['binning'];
  try {
    return validateScheme(s);
  } catch {
    return undefined;
  }
}

function layout(v: unknown): LayoutOptions | undefined {
  if (!isObject(v)) return undefined;
  const out: LayoutOptions = {};
  if (v.header !== undefined) {
    if (v.header !== 'auto' && v.header !== 'yes' && v.header !== 'no') return undefined;
    out.header = v.header;
  }
  for (const key of ['r', 'f', 'm', 'id'] as const) {
    const ref = v[key];
    if (ref === undefined || ref === null) continue;
    if (typeof ref === 'string' || (typeof ref === 'number' && Number.isInteger(ref) && ref >= 0)) out[key] = ref;
    else return undefined;
  }
  return out;
}

const bool = (v: unknown, fallback: boolean): boolean => (typeof v === 'boolean' ? v : fallback);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const oneOf = <T extends string>(v: unknown, values: readonly T[], fallback: T): T => (values.includes(v as T) ? (v as T) : fallback);

/** The Segment / Follow-up choices; a missing or odd part takes its default. */
function insight(v: unknown): SavedSettings['insight'] {
  if (!isObject(v)) return undefined;
  return {
    segments: bool(v.segments, false),
    reference: oneOf(v.reference, ['mean', 'median'] as const, 'mean'),
    basis: oneOf(v.basis, ['scores', 'values'] as const, 'scores'),
    followUp: bool(v.followUp, false),
    labels: Array.isArray(v.labels) ? v.labels.map(text) : [],
    ...savedMap(v.map),
  };
}

/** The edited segment map (docs/segments.md), validated like a map file; an unreadable one is not restored. */
function savedMap(v: unknown): { map?: SegmentMap } {
  if (v === undefined) return {};
  try {
    return { map: parseSegmentMap(v, 'settings') };
  } catch {
    return {};
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The sales-records form: column indexes that are whole numbers ≥ 0, dates as YYYY-MM-DD. */
function tx(v: unknown): SavedSettings['tx'] {
  if (!isObject(v)) return undefined;
  const columns: NonNullable<SavedSettings['tx']>['columns'] = {};
  if (isObject(v.columns)) {
    for (const role of ['customer', 'date', 'amount', 'order'] as const) {
      const c = v.columns[role];
      if (typeof c === 'number' && Number.isInteger(c) && c >= 0) columns[role] = c;
    }
  }
  const day = (x: unknown) => (typeof x === 'string' && DAY.test(x) ? x : '');
  return { header: bool(v.header, true), columns, since: day(v.since), asOf: day(v.asOf) };
}

function periods(v: unknown): SavedSettings['periods'] {
  if (!isObject(v)) return undefined;
  return { scale: bool(v.scale, false), scaleFrom: text(v.scaleFrom), previous: bool(v.previous, false), previousFrom: text(v.previousFrom) };
}

/**
 * Checks a value read from the workbook; undefined when it is not settings this version understands.
 * The scheme and the layout are required (version 1 had only those, the language and the preset); the
 * later fields are optional, and a missing or unreadable one is left out rather than failing the rest.
 */
export function parseSettings(value: unknown): SavedSettings | undefined {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v) as unknown;
    } catch {
      return undefined;
    }
  }
  if (!isObject(v) || v.version !== 1) return undefined;
  const s = scheme(v.scheme);
  const l = layout(v.layout);
  if (!s || !l) return undefined;
  const out: SavedSettings = { version: 1, scheme: s, layout: l };
  if (v.lang === 'en' || v.lang === 'zh') out.lang = v.lang as Lang;
  if (typeof v.preset === 'string') out.preset = v.preset;
  const i = insight(v.insight);
  if (i) out.insight = i;
  if (v.output === 'values' || v.output === 'formulas') out.output = v.output;
  if (v.mode === 'table' || v.mode === 'transactions') out.mode = v.mode;
  const x = tx(v.tx);
  if (x) out.tx = x;
  const p = periods(v.periods);
  if (p) out.periods = p;
  return out;
}

export async function loadSettings(excel: ExcelApi): Promise<SavedSettings | undefined> {
  return excel.run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
    item.load('value');
    await context.sync();
    if (item.isNullObject) return undefined;
    return parseSettings(item.value);
  });
}

export async function saveSettings(excel: ExcelApi, s: SavedSettings): Promise<void> {
  await excel.run(async (context) => {
    context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(s));
    await context.sync();
  });
}
