/**
 * SPEC.md 2: the per-metric score — quintile (k bins, ties average/min/first), breaks, raw.
 * Inputs are the valid values only, in row order; outputs are scores in the same order.
 */
import { denseKeys, sortedOrder } from './rank';
import type { MetricMethod, TiePolicy } from './types';

/** A group of equal values larger than one band (n/k): the bands cannot be equal. */
export interface TieGroup {
  value: number;
  count: number;
}

export interface MetricScoring {
  scores: Float64Array;
  /** Quintile only: tie groups of 2+ rows holding more than n/k rows. */
  bigTies: TieGroup[];
}

/**
 * Quintile scores: rank the values best-first (ascending when lower is better, else descending),
 * tie groups by `ties`, then score = k − floor(k × (rank − 1) / n).
 * Ranks are handled doubled (2·rank) so average ranks (a+b)/2 stay integers and exact.
 */
export function quintileScoring(values: Float64Array, lowerBetter: boolean, k: number, ties: TiePolicy): MetricScoring {
  if (ties !== 'first') {
    const counted = countedScoring(values, lowerBetter, k, ties);
    if (counted) return counted;
  }
  const { order, sorted } = sortedOrder(values);
  return sortedScoring(order, sorted, lowerBetter, k, ties);
}

/**
 * Quintile scores from a stable ascending order of the values and the sorted values themselves
 * (tie groups are runs of equal sorted values; with ties `first` the order lists a group's rows in
 * row order).
 */
export function sortedScoring(order: ArrayLike<number>, sorted: ArrayLike<number>, lowerBetter: boolean, k: number, ties: TiePolicy): MetricScoring {
  const n = sorted.length;
  const scores = new Float64Array(n);
  const bigTies: TieGroup[] = [];
  const twoN = 2 * n;
  for (let start = 0; start < n; ) {
    const v = sorted[start];
    let end = start + 1;
    while (end < n && sorted[end] === v) end++;
    // Ascending positions start..end-1; best-first positions a..b (1-based) of this tie group.
    const a = lowerBetter ? start + 1 : n - end + 1;
    const b = lowerBetter ? end : n - start;
    if (ties === 'first') {
      // Earlier rows first: the stable order lists the group's rows in row order.
      for (let j = start; j < end; j++) scores[order[j]] = k - Math.floor((k * (2 * (a + j - start) - 2)) / twoN);
    } else {
      const twoRank = ties === 'average' ? a + b : 2 * a;
      const s = k - Math.floor((k * (twoRank - 2)) / twoN);
      for (let j = start; j < end; j++) scores[order[j]] = s;
    }
    const count = end - start;
    if (count >= 2 && count * k > n) bigTies.push({ value: v, count });
    start = end;
  }
  return { scores, bigTies };
}

/**
 * Ties average or min on values that are small scaled integers (days, counts, amounts in cents):
 * count each key, turn the counts into each key's tie group positions and score, then look every
 * row's score up — the same scores as sorting, with no sort (docs/engine.md). Undefined when the
 * values don't fit a table of about 8 entries per row.
 */
function countedScoring(values: Float64Array, lowerBetter: boolean, k: number, ties: TiePolicy): MetricScoring | undefined {
  const n = values.length;
  const dense = denseKeys(values, Math.min(Math.max(8 * n, 1 << 16), 1 << 25));
  if (!dense) return undefined;
  const { keys, size, scale } = dense;
  const table = new Int32Array(size);
  for (let i = 0; i < n; i++) table[keys[i]]++;
  const bigTies: TieGroup[] = [];
  const twoN = 2 * n;
  // Ascending: the tie group of key x holds positions start..start+count−1 (0-based).
  for (let x = 0, start = 0; x < size; x++) {
    const count = table[x];
    if (count === 0) continue;
    const end = start + count;
    const a = lowerBetter ? start + 1 : n - end + 1;
    const b = lowerBetter ? end : n - start;
    const twoRank = ties === 'average' ? a + b : 2 * a;
    table[x] = k - Math.floor((k * (twoRank - 2)) / twoN);
    if (count >= 2 && count * k > n) bigTies.push({ value: x / scale, count });
    start = end;
  }
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) scores[i] = table[keys[i]];
  return { scores, bigTies };
}

export function quintileScores(values: Float64Array, lowerBetter: boolean, k: number, ties: TiePolicy): Float64Array {
  return quintileScoring(values, lowerBetter, k, ties).scores;
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

export function metricScoring(
  values: Float64Array,
  lowerBetter: boolean,
  method: MetricMethod,
  k: number,
  ties: TiePolicy,
): MetricScoring {
  switch (method.kind) {
    case 'quintile':
      return quintileScoring(values, lowerBetter, k, ties);
    case 'breaks':
      return { scores: breaksScores(values, lowerBetter, method.cutoffs), bigTies: [] };
    case 'raw':
      return { scores: Float64Array.from(values), bigTies: [] };
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
