/**
 * Period over period (docs/periods.md): the cut values a run actually used ("the scale"), and scoring a later period on that
 * frozen scale so that grades are comparable across periods (docs/periods.md).
 *
 * - quintile: per score, the lowest and highest value of the customers who got it (its band).
 *   A frozen band works like a fixed cut-off at its edge on the better side's neighbour: a new value
 *   gets the best score whose band it reaches — larger is better (F, M): value ≥ the band's min;
 *   smaller is better (R): value ≤ the band's max. A value between two bands therefore gets the
 *   worse of the two; a value beyond the old extremes gets the end score and is counted.
 * - breaks: the cut-offs themselves (already fixed).
 * - raw: nothing to freeze (the score is the value).
 *
 * With ties `average` or `min` equal values always share a score, so the bands don't overlap and
 * scoring the same data on its own frozen scale gives exactly the recomputed scores. With ties
 * `first` a tie group can be split over two scores; on a frozen scale the whole group gets the
 * better one (documented).
 */
import { RfmError } from './errors';
import { lowerIsBetter, metricName } from './scheme';
import { METRICS, type Metric, type OutsideCounts, type Scheme, type ScoreResult } from './types';

/** The values of the customers who got one score. */
export interface ScoreBand {
  score: number;
  min: number;
  max: number;
  /** Customers with this score in the run the scale describes. */
  count: number;
}

export type MetricScale =
  /** Bands best score first (only scores someone got). */
  | { kind: 'quintile'; bands: ScoreBand[] }
  | { kind: 'breaks'; cutoffs: number[] }
  | { kind: 'raw' };

export type Scale = Record<Metric, MetricScale>;

/** Per score (best first) the min, max and count of the values in `values`/`scores` (NaN rows skipped). */
export function bandsOf(values: Float64Array, scores: Float64Array): ScoreBand[] {
  const byScore = new Map<number, ScoreBand>();
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (Number.isNaN(s)) continue;
    const v = values[i];
    const band = byScore.get(s);
    if (!band) byScore.set(s, { score: s, min: v, max: v, count: 1 });
    else {
      if (v < band.min) band.min = v;
      if (v > band.max) band.max = v;
      band.count++;
    }
  }
  return [...byScore.values()].sort((a, b) => b.score - a.score);
}

/**
 * The scale a scored result used: computed bands for quintile metrics, or — when the run was scored
 * on a frozen scale — those frozen bands with this run's customer counts.
 */
export function scaleOf(result: ScoreResult, scheme: Scheme, frozen?: Scale): Scale {
  const scale = {} as Scale;
  for (const metric of METRICS) {
    const method = scheme.methods[metric];
    if (method.kind === 'breaks') scale[metric] = { kind: 'breaks', cutoffs: [...method.cutoffs] };
    else if (method.kind === 'raw') scale[metric] = { kind: 'raw' };
    else {
      const observed = bandsOf(result.values[metric], result.scores[metric]);
      const old = frozen?.[metric];
      if (old?.kind === 'quintile') {
        const counts = new Map(observed.map((b) => [b.score, b.count]));
        scale[metric] = { kind: 'quintile', bands: old.bands.map((b) => ({ ...b, count: counts.get(b.score) ?? 0 })) };
      } else {
        scale[metric] = { kind: 'quintile', bands: observed };
      }
    }
  }
  return scale;
}

export interface FrozenScoring {
  scores: Float64Array;
  outside: OutsideCounts;
}

/**
 * Score `values` on frozen quintile bands (best first). Larger is better: the best band whose min
 * the value reaches; smaller is better: the best band whose max the value does not exceed; neither:
 * the worst band. Values beyond the bands' extremes are counted in `outside`.
 */
export function frozenScores(values: Float64Array, lowerBetter: boolean, bands: readonly ScoreBand[]): FrozenScoring {
  const n = values.length;
  const scores = new Float64Array(n);
  const outside: OutsideCounts = { better: 0, worse: 0 };
  if (bands.length === 0) throw new Error('frozenScores: no bands');
  const k = bands.length;
  const worst = bands[k - 1].score;
  // Edges in best-first order: larger-better uses each band's min (descending), smaller-better its max (ascending).
  const edges = Float64Array.from(bands, (b) => (lowerBetter ? b.max : b.min));
  const bandScores = Float64Array.from(bands, (b) => b.score);
  const bestEnd = lowerBetter ? bands[0].min : bands[0].max;
  const worstEnd = lowerBetter ? bands[k - 1].max : bands[k - 1].min;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    // First band (best first) the value reaches: binary search over the monotone edges.
    let lo = 0;
    let hi = k;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const reaches = lowerBetter ? v <= edges[mid] : v >= edges[mid];
      if (reaches) hi = mid;
      else lo = mid + 1;
    }
    scores[i] = lo < k ? bandScores[lo] : worst;
    if (lowerBetter ? v < bestEnd : v > bestEnd) outside.better++;
    else if (lowerBetter ? v > worstEnd : v < worstEnd) outside.worse++;
  }
  return { scores, outside };
}

/**
 * Check that a scale read back from an earlier run fits its scheme: the same kind per metric,
 * quintile bands with whole scores from 1 to k, best first, ordered by value; breaks equal to the
 * scheme's cut-offs. Throws RfmError('period.badScale').
 */
export function validateScale(scheme: Scheme, scale: Scale): Scale {
  for (const metric of METRICS) {
    const method = scheme.methods[metric];
    const s = scale[metric];
    const bad = (detail: string): never => {
      throw new RfmError('period.badScale', { metric: metricName(metric), detail });
    };
    if (!s || s.kind !== method.kind) bad(`method ${s?.kind ?? 'missing'} ≠ ${method.kind}`);
    if (s.kind === 'breaks' && method.kind === 'breaks') {
      if (s.cutoffs.length !== method.cutoffs.length || s.cutoffs.some((c, i) => c !== method.cutoffs[i])) {
        bad(`cut-offs ${s.cutoffs.join(',')} ≠ ${method.cutoffs.join(',')}`);
      }
    }
    if (s.kind === 'quintile') {
      if (!Array.isArray(s.bands) || s.bands.length === 0) bad('no score bands');
      const lower = lowerIsBetter(metric);
      s.bands.forEach((b, i) => {
        const numbers = [b.score, b.min, b.max, b.count];
        if (!numbers.every((x) => typeof x === 'number' && Number.isFinite(x))) bad(`band ${i + 1} is not numbers`);
        if (!Number.isInteger(b.score) || b.score < 1 || b.score > scheme.bins) bad(`score ${b.score} outside 1–${scheme.bins}`);
        if (b.min > b.max) bad(`score ${b.score}: from ${b.min} > to ${b.max}`);
        if (i > 0) {
          const prev = s.bands[i - 1];
          if (!(b.score < prev.score)) bad('scores are not best first');
          // Nested F and M are ranked within each R bin (docs/binning.md): their bands over all customers overlap.
          if (nestedIn(scheme, metric)) return;
          // Best first: larger-better bands go down in value, smaller-better bands go up (touching allowed: ties "first").
          if (lower ? b.min < prev.max : b.max > prev.min) bad(`score ${b.score} overlaps score ${prev.score}`);
        }
      });
    }
  }
  return scale;
}

function nestedIn(scheme: Scheme, metric: Metric): boolean {
  return scheme.binning === 'nested' && metric !== 'r';
}

/** True when some metric has quintile bands (a scale that a later period can be scored on). */
export function hasQuintile(scheme: Scheme): boolean {
  return METRICS.some((m) => scheme.methods[m].kind === 'quintile');
}
