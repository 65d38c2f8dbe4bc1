/**
 * Tie-collapse advice (docs/tie-advice.md): when a tie group leaves a quintile score empty (60% of
 * customers bought once, so F scores 1–3 collapse into one), the changes of scheme that would give
 * every score back, each with the score distribution it gives for that metric.
 *
 * The candidates are data: `TIE_FIX_RULES` lists one rule per kind of fix, each proposing a scheme
 * transform (or nothing when it cannot help here). A new kind of fix is one more entry there, one
 * description in src/i18n/tieFixes.ts, and — when the metric's scores depend on more than its own
 * values, as nested binning's do — `counts: engineCounts`.
 *
 * Cheap on a million rows: the metric's valid values are grouped into distinct values once (counted,
 * or one sort), and every independent candidate is scored per group, not per row (bench: "tie fixes").
 */
import { percent, t, type Lang, type MessageKey } from '../i18n';
import { clauseSep, itemSep } from '../i18n/format';
import { scoreColumns } from './engine';
import { denseKeys, sortedOrder } from './rank';
import { scoreRange } from './score';
import { lowerIsBetter, methodText, metricName } from './scheme';
import { METRICS, type Metric, type Scheme, type ScoreResult, type TiePolicy, type Warning } from './types';
import { unreachableGrades } from './warnings';

type TiesWarning = Extract<Warning, { kind: 'ties' }>;

/** The valid values of one metric as distinct values with their counts, ascending by value. */
export interface ValueGroups {
  values: Float64Array;
  counts: Float64Array;
  n: number;
}

export interface TieFixContext {
  result: ScoreResult;
  scheme: Scheme;
  metric: Metric;
  groups: ValueGroups;
}

export interface TieFixProposal {
  scheme: Scheme;
  /** Values for the description (`tieFix.<kind>` in src/i18n/tieFixes.ts). */
  params: Record<string, string | number>;
  /** The command-line option that makes this change ("--bins 3"). */
  cli: string;
}

export interface TieFixRule {
  kind: string;
  propose(ctx: TieFixContext): TieFixProposal | undefined;
  /** Scores per score 1..top for ctx.metric under `scheme`; default: the metric scored on its own values. */
  counts?(ctx: TieFixContext, scheme: Scheme): number[];
}

export interface TieFix extends TieFixProposal {
  kind: string;
  metric: Metric;
  /** Customers per score: counts[s − 1] for s = 1..counts.length (the highest score the fix gives). */
  counts: number[];
  /** Scores 1..counts.length that nobody gets with this fix. */
  emptyScores: number[];
  /** The one-line description's i18n key. */
  descriptionKey: string;
  /** Grades the scheme's thresholds can reach now but not with this fix (fewer bins lower the scale). */
  gradesLost: string[];
}

/** The metric's valid values as distinct values and counts (counted when they are small decimals, else sorted). */
export function groupValues(result: ScoreResult, metric: Metric): ValueGroups {
  const column = result.values[metric];
  const valid = new Float64Array(result.n);
  let j = 0;
  for (let i = 0; i < column.length && j < valid.length; i++) {
    const v = column[i];
    if (v === v) valid[j++] = v;
  }
  const values: number[] = [];
  const counts: number[] = [];
  // Small scaled integers (counts, days, cents): counting, no sort, as the engine ranks them.
  const dense = denseKeys(valid.subarray(0, j), Math.min(Math.max(8 * j, 1 << 16), 1 << 25));
  if (dense) {
    const table = new Int32Array(dense.size);
    for (let i = 0; i < j; i++) table[dense.keys[i]]++;
    for (let x = 0; x < dense.size; x++) {
      if (table[x] === 0) continue;
      values.push(x / dense.scale);
      counts.push(table[x]);
    }
    return { values: Float64Array.from(values), counts: Float64Array.from(counts), n: j };
  }
  const sorted = sortedOrder(valid.subarray(0, j)).sorted;
  for (let start = 0; start < j; ) {
    let end = start + 1;
    while (end < j && sorted[end] === sorted[start]) end++;
    values.push(sorted[start]);
    counts.push(end - start);
    start = end;
  }
  return { values: Float64Array.from(values), counts: Float64Array.from(counts), n: j };
}

/**
 * Customers per quintile score 1..k — the same formula as quintileScoring (src/core/score.ts), applied
 * once per tie group: the group holding ascending positions start..end−1 gets one score (average,
 * min); with `first` every position gets its own, so the counts do not depend on the values at all.
 */
export function quintileCounts(groups: ValueGroups, lowerBetter: boolean, k: number, ties: TiePolicy): number[] {
  const { n } = groups;
  const counts = new Array<number>(k).fill(0);
  const twoN = 2 * n;
  if (ties === 'first') {
    for (let p = 1; p <= n; p++) counts[k - Math.floor((k * (2 * p - 2)) / twoN) - 1]++;
    return counts;
  }
  for (let g = 0, start = 0; g < groups.values.length; g++) {
    const count = groups.counts[g];
    const end = start + count;
    const a = lowerBetter ? start + 1 : n - end + 1;
    const b = lowerBetter ? end : n - start;
    const twoRank = ties === 'average' ? a + b : 2 * a;
    counts[k - Math.floor((k * (twoRank - 2)) / twoN) - 1] += count;
    start = end;
  }
  return counts;
}

/** Customers per score 1..cutoffs+1 with fixed cut-offs (breaksScores, src/core/score.ts). */
export function breaksCounts(groups: ValueGroups, lowerBetter: boolean, cutoffs: readonly number[]): number[] {
  const counts = new Array<number>(cutoffs.length + 1).fill(0);
  for (let g = 0; g < groups.values.length; g++) {
    const v = groups.values[g];
    let s = 1;
    for (const t of cutoffs) if (lowerBetter ? v <= t : v >= t) s++;
    counts[s - 1] += groups.counts[g];
  }
  return counts;
}

/**
 * Cut-offs that leave no score empty, from the data's own distinct values. With at most k distinct
 * values each gets its own score (1..D). Otherwise k bands of consecutive distinct values, worst
 * first, each band ending where it comes closest to an even share of the customers not yet banded (a
 * tie group is never split, and every band keeps at least one distinct value). A cut-off is the first value of a band
 * in worst-first order: the lowest value of the band when higher is better (v ≥ t), the highest when
 * lower is better (v ≤ t, recency).
 */
export function proposeCutoffs(groups: ValueGroups, lowerBetter: boolean, k: number): number[] | undefined {
  const D = groups.values.length;
  if (D < 2) return undefined;
  // worst first: ascending values when higher is better, descending when lower is better
  const at = (i: number) => (lowerBetter ? D - 1 - i : i);
  const starts: number[] = [];
  if (D <= k) {
    for (let i = 1; i < D; i++) starts.push(i);
  } else {
    const cum = new Float64Array(D + 1); // customers in worst-first groups 0..i−1
    for (let i = 0; i < D; i++) cum[i + 1] = cum[i] + groups.counts[at(i)];
    let previous = 0;
    for (let j = 1; j < k; j++) {
      // the customers not yet banded, shared evenly by the bands still to make
      const target = cum[previous] + (groups.n - cum[previous]) / (k - j + 1);
      const lo = previous + 1;
      const hi = D - (k - j);
      let i = lo;
      while (i < hi && cum[i] < target) i++;
      if (i > lo && target - cum[i - 1] <= cum[i] - target) i--;
      starts.push(i);
      previous = i;
    }
  }
  const cutoffs = starts.map((i) => groups.values[at(i)]);
  return cutoffs.sort((a, b) => a - b);
}

function emptyOf(counts: readonly number[]): number[] {
  const empty: number[] = [];
  counts.forEach((c, i) => c === 0 && empty.push(i + 1));
  return empty;
}

/** The metric's scores under `scheme`, scored on its own values (independent binning). */
export function ownCounts(ctx: TieFixContext, scheme: Scheme): number[] {
  const method = scheme.methods[ctx.metric];
  const lower = lowerIsBetter(ctx.metric);
  if (method.kind === 'breaks') return breaksCounts(ctx.groups, lower, method.cutoffs);
  return quintileCounts(ctx.groups, lower, scheme.bins, scheme.ties);
}

/**
 * The metric's scores under `scheme` from the whole engine, for fixes whose scores depend on the other
 * metrics too (nested binning scores F within each R bin). Costs a full scoring.
 */
export function engineCounts(ctx: TieFixContext, scheme: Scheme): number[] {
  const { values } = ctx.result;
  const copy = { r: Float64Array.from(values.r), f: Float64Array.from(values.f), m: Float64Array.from(values.m) };
  const scored = scoreColumns(copy, [], scheme);
  const top = scheme.methods[ctx.metric].kind === 'breaks' ? (scheme.methods[ctx.metric] as { cutoffs: number[] }).cutoffs.length + 1 : scheme.bins;
  const counts = new Array<number>(top).fill(0);
  for (const d of scored.distributions[ctx.metric]) counts[d.score - 1] = d.count;
  return counts;
}

/** The kinds of fix, in the order they are offered. */
export const TIE_FIX_RULES: readonly TieFixRule[] = [
  {
    // Fewer bins: the largest k below the current one that leaves no score of this metric empty.
    kind: 'bins',
    propose(ctx) {
      const lower = lowerIsBetter(ctx.metric);
      for (let k = ctx.scheme.bins - 1; k >= 2; k--) {
        if (emptyOf(quintileCounts(ctx.groups, lower, k, ctx.scheme.ties)).length === 0) {
          return { scheme: { ...ctx.scheme, bins: k }, params: { bins: k, from: ctx.scheme.bins }, cli: `--bins ${k}` };
        }
      }
      return undefined;
    },
  },
  {
    // Fixed cut-offs for this metric, from its distinct values.
    kind: 'breaks',
    propose(ctx) {
      const cutoffs = proposeCutoffs(ctx.groups, lowerIsBetter(ctx.metric), ctx.scheme.bins);
      if (!cutoffs) return undefined;
      const method = { kind: 'breaks' as const, cutoffs };
      const scheme = { ...ctx.scheme, methods: { ...ctx.scheme.methods, [ctx.metric]: method } };
      return {
        scheme,
        params: { cutoffs: cutoffs.join(','), top: cutoffs.length + 1 },
        cli: `--${ctx.metric}-method ${methodText(method)}`,
      };
    },
  },
  {
    // Ties by row order: every score filled, but equal values get different scores.
    kind: 'first',
    propose(ctx) {
      if (ctx.scheme.ties === 'first') return undefined;
      return { scheme: { ...ctx.scheme, ties: 'first' }, params: {}, cli: '--ties first' };
    },
  },
];

/**
 * The fixes for a ties warning that leaves scores empty, each with the metric's distribution under it;
 * none when no score is empty (the bands are merely uneven) or the metric is not scored in quintiles.
 */
export function tieFixes(result: ScoreResult, scheme: Scheme, warning: TiesWarning, rules: readonly TieFixRule[] = TIE_FIX_RULES): TieFix[] {
  if (!warning.emptyScores.length || scheme.methods[warning.metric].kind !== 'quintile' || result.n === 0) return [];
  const ctx: TieFixContext = { result, scheme, metric: warning.metric, groups: groupValues(result, warning.metric) };
  const fixes: TieFix[] = [];
  const reachable = (s: Scheme) => {
    const ranges = {} as Record<Metric, [number, number]>;
    for (const m of METRICS) ranges[m] = scoreRange(result.values[m], s.methods[m], s.bins);
    const out = new Set(unreachableGrades(s, ranges).map((w) => w.label));
    return s.grades.map((g) => g.label).filter((label) => !out.has(label));
  };
  const before = reachable(scheme);
  for (const rule of rules) {
    const proposal = rule.propose(ctx);
    if (!proposal) continue;
    const counts = (rule.counts ?? ownCounts)(ctx, proposal.scheme);
    const after = reachable(proposal.scheme);
    fixes.push({
      ...proposal,
      kind: rule.kind,
      metric: warning.metric,
      counts,
      emptyScores: emptyOf(counts),
      descriptionKey: `tieFix.${rule.kind}`,
      gradesLost: before.filter((label) => !after.includes(label)),
    });
  }
  return fixes;
}

/** The fix's one-line description ("3 bins instead of 5 …"), with the scores it still leaves empty and the grades it puts out of reach. */
export function describeTieFix(fix: TieFix, lang: Lang): string {
  const parts = [t(lang, fix.descriptionKey as MessageKey, { ...fix.params, metric: metricName(fix.metric) })];
  if (fix.emptyScores.length) parts.push(t(lang, 'tieFix.emptyLeft', { scores: fix.emptyScores }));
  if (fix.gradesLost.length) parts.push(t(lang, 'tieFix.gradesLost', { labels: fix.gradesLost }));
  return parts.join(clauseSep(lang));
}

/** "F scores: 5 → 10 (10%), 4 → …" under the fix, highest score first as the ties warning shows it. */
export function describeTieFixCounts(fix: TieFix, lang: Lang): string {
  const n = fix.counts.reduce((a, b) => a + b, 0);
  const parts = fix.counts
    .map((count, i) => t(lang, 'fmt.scoreCount', { score: i + 1, count, share: percent(n ? count / n : 0) }))
    .reverse();
  return t(lang, 'warn.distribution', { metric: metricName(fix.metric), parts: parts.join(itemSep(lang)) });
}
