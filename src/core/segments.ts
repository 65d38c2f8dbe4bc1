/**
 * SPEC.md 5: the eight-segment model, and the follow-up cadence per grade (SPEC.md 4, Hohhot scheme).
 *
 * Each metric is high or low against a reference — the mean (default) or the median — of its scores
 * (default) or of its raw values (option): high when score ≥ reference. With raw values a smaller R is
 * better, so R is high when R ≤ reference. The comparison is exact (scaled integers / BigInt decimals):
 * a value exactly at the mean is high.
 */
import { add, compare, decimalOfNumber, mul, toNumber, type Decimal } from './decimal';
import { checkSegmentMap, mapDomain, matchTable, ruleBoxes, segmentMapPreset, type SegmentMap } from './segmentMaps';
import { METRICS, type Metric, type Scheme, type ScoreResult } from './types';

export type SegmentReference = 'mean' | 'median';
export type SegmentBasis = 'scores' | 'values';

export interface SegmentOptions {
  reference?: SegmentReference;
  basis?: SegmentBasis;
  /** The segment map (docs/segments.md); absent: the eight segments of SPEC.md 5 (the `china8` preset). */
  map?: SegmentMap;
}

/** The eight segments, in the order of SPEC.md 5's table. */
export const SEGMENTS = [
  'importantValue',
  'importantDevelopment',
  'importantRetention',
  'importantWinBack',
  'generalValue',
  'generalDevelopment',
  'generalRetention',
  'generalWinBack',
] as const;
export type Segment = (typeof SEGMENTS)[number];

/** SPEC.md 5 table: (R high, F high, M high) → segment. */
export function segmentOf(rHigh: boolean, fHigh: boolean, mHigh: boolean): Segment {
  if (mHigh) {
    if (rHigh) return fHigh ? 'importantValue' : 'importantDevelopment';
    return fHigh ? 'importantRetention' : 'importantWinBack';
  }
  if (rHigh) return fHigh ? 'generalValue' : 'generalDevelopment';
  return fHigh ? 'generalRetention' : 'generalWinBack';
}

export interface SegmentResult {
  reference: SegmentReference;
  basis: SegmentBasis;
  /** The reference per metric (nearest JS number; the comparison itself is exact). */
  thresholds: Record<Metric, number>;
  /** The map the rows were matched with (docs/segments.md; the `china8` preset when none was given). */
  map: SegmentMap;
  /** Index into map.segments per row (map.segments.length: Others); -1 on invalid rows. */
  segment: Int8Array;
  /** Count per segment in map order, then Others when the map leaves combinations uncovered. */
  counts: number[];
  /** True when some combination matches no rule: Others is a segment of this run. */
  others: boolean;
}

/** Exact reference as a fraction num/den of decimals, so "v ≥ reference" is "v·den ≥ num". */
interface Fraction {
  num: Decimal;
  den: Decimal;
}

function referenceOf(sorted: Float64Array, reference: SegmentReference): Fraction {
  const n = sorted.length;
  if (reference === 'median') {
    if (n % 2 === 1) return { num: decimalOfNumber(sorted[(n - 1) / 2]), den: { int: 1n, scale: 0 } };
    return {
      num: add(decimalOfNumber(sorted[n / 2 - 1]), decimalOfNumber(sorted[n / 2])),
      den: { int: 2n, scale: 0 },
    };
  }
  let sum: Decimal = { int: 0n, scale: 0 };
  let intSum = 0;
  let allInt = true;
  for (const v of sorted) {
    if (allInt && Number.isInteger(v) && Number.isSafeInteger(intSum + v)) intSum += v;
    else {
      if (allInt) sum = decimalOfNumber(intSum);
      allInt = false;
      sum = add(sum, decimalOfNumber(v));
    }
  }
  if (allInt) sum = decimalOfNumber(intSum);
  return { num: sum, den: { int: BigInt(n), scale: 0 } };
}

/**
 * The segment of every valid row. A high/low map compares with the reference (below); a score-range map
 * matches the scores, on the score domain of `scheme` (required for it).
 */
export function segmentTable(result: ScoreResult, options: SegmentOptions = {}, scheme?: Scheme): SegmentResult {
  const map = options.map ?? segmentMapPreset('china8');
  const domain = mapDomain(map, scheme);
  const reference = options.reference ?? 'mean';
  const basis = options.basis ?? 'scores';
  const rows = result.rows;
  const high = {} as Record<Metric, Uint8Array>;
  const thresholds = {} as Record<Metric, number>;
  for (const metric of METRICS) {
    const source = basis === 'scores' ? result.scores[metric] : result.values[metric];
    const valid = source.filter((v) => !Number.isNaN(v));
    const sorted = Float64Array.from(valid).sort();
    const h = new Uint8Array(rows);
    if (sorted.length) {
      const ref = referenceOf(sorted, reference);
      const lowerBetter = basis === 'values' && metric === 'r';
      // Decide per distinct value once: v·den vs num.
      const memo = new Map<number, boolean>();
      for (let row = 0; row < rows; row++) {
        const v = source[row];
        if (Number.isNaN(v)) continue;
        let isHigh = memo.get(v);
        if (isHigh === undefined) {
          const c = compare(mul(decimalOfNumber(v), ref.den), ref.num);
          isHigh = lowerBetter ? c <= 0 : c >= 0;
          memo.set(v, isHigh);
        }
        h[row] = isHigh ? 1 : 0;
      }
      thresholds[metric] = toNumber(ref.num) / toNumber(ref.den);
    } else {
      thresholds[metric] = NaN;
    }
    high[metric] = h;
  }
  // First match in map order, looked up per combination (docs/segments.md).
  const boxes = ruleBoxes(map);
  const table = matchTable(boxes, domain);
  let others = checkSegmentMap(map, domain).uncovered > 0;
  const segment = new Int8Array(rows).fill(-1);
  const counts = new Array<number>(boxes.length + (others ? 1 : 0)).fill(0);
  const { r: kr, f: kf, m: km } = domain;
  const level = (metric: Metric, row: number) =>
    map.kind === 'highLow' ? high[metric][row] + 1 : result.scores[metric][row];
  for (let row = 0; row < rows; row++) {
    if (result.grade[row] < 0) continue;
    const r = level('r', row);
    const f = level('f', row);
    const m = level('m', row);
    const inside = Number.isInteger(r) && Number.isInteger(f) && Number.isInteger(m) && r >= 1 && r <= kr && f >= 1 && f <= kf && m >= 1 && m <= km;
    const s = inside ? table[(r - 1) * kf * km + (f - 1) * km + (m - 1)] : boxes.length;
    segment[row] = s;
    if (s === counts.length) {
      // A score outside the scheme's domain (not expected from the engine): Others, never a lost row.
      counts.push(0);
      others = true;
    }
    counts[s]++;
  }
  return { reference, basis, thresholds, map, segment, counts, others };
}

/** Default follow-up cadence per grade position (Hohhot: A monthly, B quarterly, C half-yearly, D yearly). */
export const CADENCES = ['monthly', 'quarterly', 'halfYearly', 'yearly'] as const;
export type Cadence = (typeof CADENCES)[number];

/** Cadence of grade i of `count` grades: the first three by position, every later grade yearly. */
export function defaultCadence(gradeIndex: number): Cadence {
  return CADENCES[Math.min(gradeIndex, CADENCES.length - 1)];
}
