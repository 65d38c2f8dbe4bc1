/**
 * SPEC.md 2: the per-metric score — quintile (k bins, ties average/min/first), breaks, raw.
 * Inputs are the valid values only, in row order; outputs are scores in the same order.
 */
import type { MetricMethod, TiePolicy } from './types';

/** Number of entries of the ascending array `sorted` that are < v (lower bound). */
function countBelow(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of entries of the ascending array `sorted` that are ≤ v (upper bound), searching from `from`. */
function countAtMost(sorted: Float64Array, v: number, from: number): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Quintile scores: rank the values best-first (ascending when lower is better, else descending),
 * tie groups by `ties`, then score = k − floor(k × (rank − 1) / n).
 * Ranks are handled as doubled integers so average ranks ((a+b)/2) stay exact.
 */
export function quintileScores(
  values: Float64Array,
  lowerBetter: boolean,
  k: number,
  ties: TiePolicy,
): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  const sorted = Float64Array.from(values).sort();
  // For 'first': how many earlier rows (in row order) shared each tie group, keyed by its lower bound.
  const seen = ties === 'first' ? new Int32Array(n) : undefined;
  const twoN = 2 * n;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const below = countBelow(sorted, v);
    const atMost = countAtMost(sorted, v, below);
    // Positions a..b (1-based) of the tie group in best-first order.
    const a = lowerBetter ? below + 1 : n - atMost + 1;
    const b = lowerBetter ? atMost : n - below;
    let twoRank: number;
    if (ties === 'average') twoRank = a + b;
    else if (ties === 'min') twoRank = 2 * a;
    else twoRank = 2 * (a + seen![below]++);
    out[i] = k - Math.floor((k * (twoRank - 2)) / twoN);
  }
  return out;
}

/**
 * Fixed cut-offs t1 < t2 < …: higher-is-better → 1 + #{t : v ≥ t}; lower-is-better → 1 + #{t : v ≤ t}.
 */
export function breaksScores(values: Float64Array, lowerBetter: boolean, cutoffs: readonly number[]): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let s = 1;
    for (const t of cutoffs) if (lowerBetter ? v <= t : v >= t) s++;
    out[i] = s;
  }
  return out;
}

export function metricScores(
  values: Float64Array,
  lowerBetter: boolean,
  method: MetricMethod,
  k: number,
  ties: TiePolicy,
): Float64Array {
  switch (method.kind) {
    case 'quintile':
      return quintileScores(values, lowerBetter, k, ties);
    case 'breaks':
      return breaksScores(values, lowerBetter, method.cutoffs);
    case 'raw':
      return Float64Array.from(values);
  }
}

/** The lowest and highest score a method can give (raw: the values' own range). */
export function scoreRange(values: Float64Array, method: MetricMethod, k: number): [number, number] {
  if (method.kind === 'quintile') return [1, k];
  if (method.kind === 'breaks') return [1, method.cutoffs.length + 1];
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return values.length ? [min, max] : [0, 0];
}
