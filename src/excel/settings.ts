/**
 * The pane's choices saved in the workbook (document settings, one JSON value under one key) and
 * restored when it reopens. A missing, corrupt or foreign value reads as "nothing saved".
 */
import { validateScheme, type GradeRule, type LayoutOptions, type MetricMethod, type Scheme } from '../core';
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

/** Checks a value read from the workbook; undefined when it is not settings this version understands. */
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
