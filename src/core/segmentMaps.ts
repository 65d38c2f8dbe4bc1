/**
 * Segment maps (docs/segments.md): which segment a customer falls into, as an ordered list of named
 * segments, each with a rule, matched first-match in order.
 *
 * Two kinds of map:
 * - `highLow`: each rule says high / low / any per metric, where high / low is the comparison with the
 *   mean or median of SPEC.md 5 (src/core/segments.ts). The preset `china8` is the eight-segment model
 *   with its current names, so a run with it is byte-identical to a run without a map.
 * - `ranges`: each rule gives inclusive score ranges per metric (R 4–5, F 4–5, M 4–5 → Champions). The
 *   preset `rfm10` is R's `rfm` package's ten segments; combinations no rule covers go to "Others".
 *
 * Both kinds are checked the same way: a high/low map is a score-range map on two "scores" (1 = low,
 * 2 = high). The check lists the uncovered combinations as boxes of ranges, the overlapping pairs of
 * rules with one example, and the rules that never apply because earlier rules take all their
 * combinations. Everything here is pure and exact (small integers only).
 */
import { t, type Lang, type MessageKey } from '../i18n';
import { itemSep, joinClauses, quote } from '../i18n/format';
import { RfmError } from './errors';
import { SEGMENTS, type Segment } from './segments';
import { METRICS, type Metric, type Scheme } from './types';

/** A segment's displayed name per language; a missing language falls back to the other one. */
export type SegmentName = Partial<Record<Lang, string>>;
export type Level = 'high' | 'low' | 'any';
export type ScoreRange = [number, number];

export interface HighLowRule {
  name: SegmentName;
  r: Level;
  f: Level;
  m: Level;
  /** One of the eight built-in segments: its suggested action is shown in the summary. */
  id?: Segment;
}

export interface RangeRule {
  name: SegmentName;
  r: ScoreRange;
  f: ScoreRange;
  m: ScoreRange;
}

export type SegmentMap =
  | { kind: 'highLow'; segments: HighLowRule[]; others?: SegmentName }
  | { kind: 'ranges'; segments: RangeRule[]; others?: SegmentName };

export const SEGMENT_MAP_PRESETS = ['china8', 'rfm10'] as const;
export type SegmentMapPreset = (typeof SEGMENT_MAP_PRESETS)[number];

/** At most this many rules: the segment of a row is kept in an Int8Array, Others included. */
export const MAX_SEGMENTS = 100;
/** Longest segment name (a cell, a chart label). */
export const MAX_NAME_LENGTH = 60;

const both = (key: MessageKey): SegmentName => ({ en: t('en', key), zh: t('zh', key) });

/** SPEC.md 5's table as (R, F, M) levels, in SEGMENTS order. */
const CHINA8_LEVELS: Record<Segment, [Level, Level, Level]> = {
  importantValue: ['high', 'high', 'high'],
  importantDevelopment: ['high', 'low', 'high'],
  importantRetention: ['low', 'high', 'high'],
  importantWinBack: ['low', 'low', 'high'],
  generalValue: ['high', 'high', 'low'],
  generalDevelopment: ['high', 'low', 'low'],
  generalRetention: ['low', 'high', 'low'],
  generalWinBack: ['low', 'low', 'low'],
};

/**
 * R `rfm` (rsquaredacademy/rfm, `rfm_segment` examples and the vignettes): the ten segments and their
 * inclusive score ranges (lower, upper) for R, F, M, in the package's order.
 */
const RFM10: Array<[string, ScoreRange, ScoreRange, ScoreRange]> = [
  ['champions', [4, 5], [4, 5], [4, 5]],
  ['loyalCustomers', [2, 5], [3, 5], [3, 5]],
  ['potentialLoyalist', [3, 5], [1, 3], [1, 3]],
  ['newCustomers', [4, 5], [1, 1], [1, 1]],
  ['promising', [3, 4], [1, 1], [1, 1]],
  ['needAttention', [2, 3], [2, 3], [2, 3]],
  ['aboutToSleep', [2, 3], [1, 2], [1, 2]],
  ['atRisk', [1, 2], [2, 5], [2, 5]],
  ['cantLoseThem', [1, 1], [4, 5], [4, 5]],
  ['lost', [1, 2], [1, 2], [1, 2]],
];

export function segmentMapPreset(id: SegmentMapPreset): SegmentMap {
  if (id === 'china8') {
    return {
      kind: 'highLow',
      segments: SEGMENTS.map((s) => {
        const [r, f, m] = CHINA8_LEVELS[s];
        return { id: s, name: both(`seg.${s}` as MessageKey), r, f, m };
      }),
    };
  }
  return {
    kind: 'ranges',
    segments: RFM10.map(([key, r, f, m]) => ({ name: both(`segmap.rfm10.${key}` as MessageKey), r: [...r], f: [...f], m: [...m] })),
    others: both('segmap.others'),
  };
}

/** True when `map` is the `china8` preset exactly (then a run is the same as a run without a map). */
export function isDefaultSegmentMap(map: SegmentMap | undefined): boolean {
  return map === undefined || JSON.stringify(normalizeSegmentMap(map)) === JSON.stringify(segmentMapPreset('china8'));
}

/** The map in a canonical key order (so equal maps print and compare the same). */
export function normalizeSegmentMap(map: SegmentMap): SegmentMap {
  const name = (n: SegmentName): SegmentName => {
    const out: SegmentName = {};
    if (n.en !== undefined) out.en = n.en;
    if (n.zh !== undefined) out.zh = n.zh;
    return out;
  };
  if (map.kind === 'highLow') {
    const out: SegmentMap = {
      kind: 'highLow',
      segments: map.segments.map((s) => ({ ...(s.id ? { id: s.id } : {}), name: name(s.name), r: s.r, f: s.f, m: s.m })),
    };
    if (map.others) out.others = name(map.others);
    return out;
  }
  const out: SegmentMap = {
    kind: 'ranges',
    segments: map.segments.map((s) => ({ name: name(s.name), r: [...s.r], f: [...s.f], m: [...s.m] })),
  };
  if (map.others) out.others = name(map.others);
  return out;
}

/** The map as the JSON text of a segment map file (docs/segments.md). */
export function segmentMapJson(map: SegmentMap): string {
  const n = normalizeSegmentMap(map);
  // One rule per line: a map of ten rules stays readable and diffable.
  const lines = n.segments.map((s) => `    ${JSON.stringify(s)}`);
  const head = `{\n  "kind": ${JSON.stringify(n.kind)},\n  "segments": [\n${lines.join(',\n')}\n  ]`;
  return `${head}${n.others ? `,\n  "others": ${JSON.stringify(n.others)}` : ''}\n}\n`;
}

// ---------- names ----------

export function displayName(name: SegmentName | undefined, lang: Lang, fallback = ''): string {
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  return name?.[lang] || name?.[other] || fallback;
}

/** The Others segment's name: the map's own, or "Others" / “其他客户”. */
export function othersName(map: SegmentMap, lang: Lang): string {
  return displayName(map.others, lang, t(lang, 'segmap.others'));
}

/**
 * The displayed names of a map's segments in `lang`, in the order of a SegmentResult's indexes: the
 * rules in order, then Others last (always listed, so a list of customers can be asked for by it).
 */
export function segmentNames(map: SegmentMap, lang: Lang): string[] {
  return [...map.segments.map((s) => displayName(s.name, lang)), othersName(map, lang)];
}

/**
 * A stable key and both languages' names of segment `i` of a map (Others at `map.segments.length`):
 * the built-in segment's id, `rule1` …, or `others` — for the summary and its charts.
 */
export function segmentKey(map: SegmentMap, i: number): { segment: string; names: Record<Lang, string> } {
  const rule = map.segments[i];
  const id = rule && map.kind === 'highLow' ? map.segments[i].id : undefined;
  return {
    segment: id ?? (rule ? `rule${i + 1}` : 'others'),
    names: { en: segmentNames(map, 'en')[i], zh: segmentNames(map, 'zh')[i] },
  };
}

// ---------- reading a map (file, pane settings, parameters sheet) ----------

const LEVELS: readonly Level[] = ['high', 'low', 'any'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Read and validate a segment map from parsed JSON. A name is a string (the same in both languages) or
 * `{"en": …, "zh": …}`; a range is `[lower, upper]` or one whole number. `source` names the file in
 * the message of an RfmError (one line: the file, the place in it, the problem).
 */
export function parseSegmentMap(json: unknown, source: string): SegmentMap {
  const fail = (key: MessageKey, at: string, vars: Record<string, string | number> = {}): never => {
    throw new RfmError(key, { file: source, at, ...vars });
  };
  if (!isObject(json)) return fail('segmap.notMap', '');
  const kind = json.kind;
  if (kind !== 'highLow' && kind !== 'ranges') return fail('segmap.badKind', 'kind', { value: String(kind) });
  const list = json.segments;
  if (!Array.isArray(list) || list.length === 0) return fail('segmap.noSegments', 'segments');
  if (list.length > MAX_SEGMENTS - 1) return fail('segmap.tooMany', 'segments', { max: MAX_SEGMENTS - 1 });
  const nameOf = (v: unknown, at: string): SegmentName => {
    const check = (s: unknown, where: string): string => {
      if (typeof s !== 'string' || !s.trim()) return fail('segmap.badName', where);
      if (s.trim().length > MAX_NAME_LENGTH) return fail('segmap.longName', where, { max: MAX_NAME_LENGTH });
      return s.trim();
    };
    if (typeof v === 'string') {
      const s = check(v, at);
      return { en: s, zh: s };
    }
    if (!isObject(v) || (v.en === undefined && v.zh === undefined)) return fail('segmap.badName', at);
    const out: SegmentName = {};
    if (v.en !== undefined) out.en = check(v.en, `${at}.en`);
    if (v.zh !== undefined) out.zh = check(v.zh, `${at}.zh`);
    return out;
  };
  const rangeOf = (v: unknown, at: string): ScoreRange => {
    const whole = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= 100;
    if (whole(v)) return [v as number, v as number];
    if (!Array.isArray(v) || v.length !== 2 || !whole(v[0]) || !whole(v[1])) return fail('segmap.badRange', at);
    const [lo, hi] = v as [number, number];
    if (lo > hi) return fail('segmap.rangeOrder', at, { lo, hi });
    return [lo, hi];
  };
  const map: SegmentMap =
    kind === 'highLow'
      ? {
          kind,
          segments: list.map((s, i): HighLowRule => {
            const at = `segments[${i + 1}]`;
            if (!isObject(s)) return fail('segmap.notObject', at);
            const level = (metric: Metric): Level => {
              const v = s[metric];
              if (!LEVELS.includes(v as Level)) return fail('segmap.badLevel', `${at}.${metric}`, { value: String(v) });
              return v as Level;
            };
            const rule: HighLowRule = { name: nameOf(s.name, `${at}.name`), r: level('r'), f: level('f'), m: level('m') };
            if (s.id !== undefined) {
              if (!(SEGMENTS as readonly unknown[]).includes(s.id)) return fail('segmap.badId', `${at}.id`, { value: String(s.id) });
              rule.id = s.id as Segment;
            }
            return rule;
          }),
        }
      : {
          kind,
          segments: list.map((s, i): RangeRule => {
            const at = `segments[${i + 1}]`;
            if (!isObject(s)) return fail('segmap.notObject', at);
            return { name: nameOf(s.name, `${at}.name`), r: rangeOf(s.r, `${at}.r`), f: rangeOf(s.f, `${at}.f`), m: rangeOf(s.m, `${at}.m`) };
          }),
        };
  if (json.others !== undefined) map.others = nameOf(json.others, 'others');
  // Names must be unique per language: a list of customers is asked for by name (docs/lists.md).
  for (const lang of ['en', 'zh'] as Lang[]) {
    const seen = new Map<string, number>();
    segmentNames(map, lang).forEach((n, i) => {
      const before = seen.get(n);
      if (before !== undefined) {
        fail('segmap.duplicateName', i === map.segments.length ? 'others' : `segments[${i + 1}].name`, { name: n, other: before + 1 });
      }
      seen.set(n, i);
    });
  }
  return map;
}

/** JSON text → map (docs/segments.md); the parse error is one line naming the file. */
export function parseSegmentMapText(text: string, source: string): SegmentMap {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new RfmError('segmap.notJson', { file: source, detail: (err as Error).message });
  }
  return parseSegmentMap(json, source);
}

// ---------- the score domain and matching ----------

/** Highest score per metric a scheme gives (lowest is 1): its bins, or its cut-offs + 1. */
export type ScoreDomain = Record<Metric, number>;

const HIGH_LOW_DOMAIN: ScoreDomain = { r: 2, f: 2, m: 2 };

/** The score domain a map is matched on: 1 = low, 2 = high for a high/low map; the scheme's scores otherwise. */
export function mapDomain(map: SegmentMap, scheme?: Scheme): ScoreDomain {
  if (map.kind === 'highLow') return HIGH_LOW_DOMAIN;
  if (!scheme) throw new Error('mapDomain: a score-range map needs the scheme');
  const out = {} as ScoreDomain;
  for (const metric of METRICS) {
    const m = scheme.methods[metric];
    // Raw values are not scores on a small scale: a range rule on them has no fixed meaning.
    if (m.kind === 'raw') throw new RfmError('segmap.rawMethod', { metric: metric.toUpperCase() });
    out[metric] = m.kind === 'breaks' ? m.cutoffs.length + 1 : scheme.bins;
  }
  return out;
}

function levelRange(level: Level): ScoreRange {
  return level === 'high' ? [2, 2] : level === 'low' ? [1, 1] : [1, 2];
}

/** Each rule as inclusive ranges on the map's domain (high/low: 1 = low, 2 = high). */
export function ruleBoxes(map: SegmentMap): Box[] {
  if (map.kind === 'highLow') return map.segments.map((s) => ({ r: levelRange(s.r), f: levelRange(s.f), m: levelRange(s.m) }));
  return map.segments.map((s) => ({ r: s.r, f: s.f, m: s.m }));
}

/** A box of score combinations: inclusive ranges per metric. */
export interface Box {
  r: ScoreRange;
  f: ScoreRange;
  m: ScoreRange;
}

const inBox = (b: Box, r: number, f: number, m: number) =>
  r >= b.r[0] && r <= b.r[1] && f >= b.f[0] && f <= b.f[1] && m >= b.m[0] && m <= b.m[1];

/**
 * The segment index of every combination of the domain, first match in order; `boxes.length` (Others)
 * where no rule matches. Index (r−1)·kF·kM + (f−1)·kM + (m−1).
 */
export function matchTable(boxes: readonly Box[], domain: ScoreDomain): Int8Array {
  const table = new Int8Array(domain.r * domain.f * domain.m);
  let i = 0;
  for (let r = 1; r <= domain.r; r++) {
    for (let f = 1; f <= domain.f; f++) {
      for (let m = 1; m <= domain.m; m++) {
        const hit = boxes.findIndex((b) => inBox(b, r, f, m));
        table[i++] = hit < 0 ? boxes.length : hit;
      }
    }
  }
  return table;
}

// ---------- the check ----------

export interface MapOverlap {
  /** Rule indexes, a < b: rule a wins on the shared combinations (first match). */
  a: number;
  b: number;
  /** The shared combinations (within the domain). */
  box: Box;
  /** One shared combination: the lowest R, F and M of the box. */
  example: [number, number, number];
}

export interface MapCheck {
  domain: ScoreDomain;
  /** Number of combinations no rule covers (they go to Others). */
  uncovered: number;
  /** Those combinations as disjoint boxes (R outermost, M innermost). */
  gaps: Box[];
  overlaps: MapOverlap[];
  /** Rules that never apply: every combination they cover is taken by an earlier rule. */
  unreachable: number[];
  /** Rules that never apply because their ranges lie outside the scores (R 4–5 with three bins). */
  outside: number[];
}

function clip(range: ScoreRange, k: number): ScoreRange | undefined {
  const lo = Math.max(1, range[0]);
  const hi = Math.min(k, range[1]);
  return lo <= hi ? [lo, hi] : undefined;
}

/**
 * Gaps, overlaps and rules that never apply, exactly, for a map on a score domain (k scores per metric;
 * a high/low map always has 2: low and high). The gaps are summarised as boxes: walking the domain R,
 * then F, then M ascending, each uncovered combination not yet in a box starts one, grown along M, then
 * F, then R as long as every combination added is uncovered and not yet in a box.
 */
export function checkSegmentMap(map: SegmentMap, domain: ScoreDomain = mapDomain(map)): MapCheck {
  const boxes = ruleBoxes(map);
  const { r: kr, f: kf, m: km } = domain;
  const table = matchTable(boxes, domain);
  const at = (r: number, f: number, m: number) => (r - 1) * kf * km + (f - 1) * km + (m - 1);
  const free = new Uint8Array(table.length);
  let uncovered = 0;
  for (let i = 0; i < table.length; i++) {
    if (table[i] === boxes.length) {
      free[i] = 1;
      uncovered++;
    }
  }
  const gaps: Box[] = [];
  const allFree = (r0: number, r1: number, f0: number, f1: number, m0: number, m1: number) => {
    for (let r = r0; r <= r1; r++) for (let f = f0; f <= f1; f++) for (let m = m0; m <= m1; m++) if (!free[at(r, f, m)]) return false;
    return true;
  };
  for (let r = 1; r <= kr; r++) {
    for (let f = 1; f <= kf; f++) {
      for (let m = 1; m <= km; m++) {
        if (!free[at(r, f, m)]) continue;
        let m1 = m;
        while (m1 < km && free[at(r, f, m1 + 1)]) m1++;
        let f1 = f;
        while (f1 < kf && allFree(r, r, f1 + 1, f1 + 1, m, m1)) f1++;
        let r1 = r;
        while (r1 < kr && allFree(r1 + 1, r1 + 1, f, f1, m, m1)) r1++;
        for (let rr = r; rr <= r1; rr++) for (let ff = f; ff <= f1; ff++) for (let mm = m; mm <= m1; mm++) free[at(rr, ff, mm)] = 0;
        gaps.push({ r: [r, r1], f: [f, f1], m: [m, m1] });
      }
    }
  }
  const overlaps: MapOverlap[] = [];
  for (let a = 0; a < boxes.length; a++) {
    for (let b = a + 1; b < boxes.length; b++) {
      const r = clip([Math.max(boxes[a].r[0], boxes[b].r[0]), Math.min(boxes[a].r[1], boxes[b].r[1])], kr);
      const f = clip([Math.max(boxes[a].f[0], boxes[b].f[0]), Math.min(boxes[a].f[1], boxes[b].f[1])], kf);
      const m = clip([Math.max(boxes[a].m[0], boxes[b].m[0]), Math.min(boxes[a].m[1], boxes[b].m[1])], km);
      if (r && f && m) overlaps.push({ a, b, box: { r, f, m }, example: [r[0], f[0], m[0]] });
    }
  }
  const reached = new Set<number>(table);
  const isOutside = (b: Box) => !clip(b.r, kr) || !clip(b.f, kf) || !clip(b.m, km);
  const never = boxes.map((_, i) => i).filter((i) => !reached.has(i));
  const outside = never.filter((i) => isOutside(boxes[i]));
  const unreachable = never.filter((i) => !isOutside(boxes[i]));
  return { domain, uncovered, gaps, overlaps, unreachable, outside };
}

// ---------- the check as text ----------

function rangeText(range: ScoreRange, lang: Lang): string {
  return range[0] === range[1] ? String(range[0]) : t(lang, 'segmap.range', { lo: range[0], hi: range[1] });
}

function levelText(range: ScoreRange, lang: Lang): string {
  return t(lang, range[0] === range[1] ? (range[0] === 2 ? 'segmap.high' : 'segmap.low') : 'segmap.any');
}

/** "R 1–2, F 3, M 1–5" (a high/low map: "R high, F any, M low"). */
export function boxText(map: SegmentMap, box: Box, lang: Lang): string {
  return METRICS.map((metric) =>
    t(lang, 'segmap.metricIs', {
      metric: metric.toUpperCase(),
      value: map.kind === 'highLow' ? levelText(box[metric], lang) : rangeText(box[metric], lang),
    }),
  ).join(itemSep(lang));
}

/** Show at most this many gap boxes in one line; the rest are counted. */
export const GAP_LINES = 12;

/** The check as lines of warnings in `lang` (empty when the map has no gap, overlap or unused rule). */
export function describeMapCheck(map: SegmentMap, check: MapCheck, lang: Lang): string[] {
  const names = segmentNames(map, lang);
  const lines: string[] = [];
  if (check.uncovered) {
    const shown = check.gaps.slice(0, GAP_LINES).map((b) => boxText(map, b, lang));
    if (check.gaps.length > shown.length) shown.push(t(lang, 'segmap.moreGaps', { count: check.gaps.length - shown.length }));
    lines.push(t(lang, 'segmap.gaps', { count: check.uncovered, others: quote(lang, othersName(map, lang)), boxes: joinClauses(lang, shown) }));
  }
  for (const o of check.overlaps) {
    lines.push(
      t(lang, 'segmap.overlap', {
        a: quote(lang, names[o.a]),
        b: quote(lang, names[o.b]),
        box: boxText(map, o.box, lang),
        example: boxText(map, { r: [o.example[0], o.example[0]], f: [o.example[1], o.example[1]], m: [o.example[2], o.example[2]] }, lang),
      }),
    );
  }
  for (const i of check.unreachable) lines.push(t(lang, 'segmap.unreachable', { name: quote(lang, names[i]) }));
  for (const i of check.outside) {
    lines.push(t(lang, 'segmap.outside', { name: quote(lang, names[i]), r: check.domain.r, f: check.domain.f, m: check.domain.m }));
  }
  return lines;
}

/** True when the check found nothing to warn about. */
export function mapCheckClean(check: MapCheck): boolean {
  return !check.uncovered && !check.overlaps.length && !check.unreachable.length && !check.outside.length;
}

/** One line for a run's report: how many gaps, overlaps and unused rules (the details: the check). */
export function mapCheckSummary(map: SegmentMap, check: MapCheck, lang: Lang): string | undefined {
  if (mapCheckClean(check)) return undefined;
  return t(lang, 'segmap.summary', {
    others: quote(lang, othersName(map, lang)),
    uncovered: check.uncovered,
    overlaps: check.overlaps.length,
    never: check.unreachable.length + check.outside.length,
  });
}
