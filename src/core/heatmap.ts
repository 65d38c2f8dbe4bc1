/**
 * Exact means and medians for the summary's R × F heat map of mean M and the per-segment medians of
 * R, F and M (docs/lists.md, "Heat map"). Sums are BigInt decimals (src/core/decimal.ts); a mean is
 * that exact sum divided once, a median of an even count the exact half of two values — no float
 * sums anywhere, so a mean or median exactly at a rounding boundary shows as the user would work it out.
 */
import { add, decimalOfNumber, mul, toNumber, type Decimal } from './decimal';
import type { Lang } from '../i18n';
import { segmentKey } from './segmentMaps';
import type { SegmentResult } from './segments';
import type { ScoreResult } from './types';

/** Digits kept after the point beyond the sum's own when dividing: far more than a double holds. */
const EXTRA_DIGITS = 24;

/** The quotient sum / count as a decimal truncated to `digits` places (count > 0). */
function divide(sum: Decimal, count: number, digits: number): Decimal {
  // sum = int / 10^scale, so sum / count = int·10^(digits−scale) / count at scale `digits`.
  const shift = digits - sum.scale;
  const num = shift >= 0 ? sum.int * 10n ** BigInt(shift) : sum.int / 10n ** BigInt(-shift);
  return { int: num / BigInt(count), scale: digits };
}

/** The mean sum / count as the nearest JS number; NaN when count is 0. */
export function exactMean(sum: Decimal, count: number): number {
  if (!count) return NaN;
  return toNumber(divide(sum, count, sum.scale + EXTRA_DIGITS + String(count).length));
}

/**
 * The mean sum / count rounded half up (away from zero) to `places` decimals, as text ("12.35");
 * '' when count is 0. The rounding is decided on the exact quotient.
 */
export function roundedMeanText(sum: Decimal, count: number, places = 2): string {
  if (!count) return '';
  const neg = sum.int < 0n;
  const abs: Decimal = { int: neg ? -sum.int : sum.int, scale: sum.scale };
  // twice the quotient at `places`, truncated: its last bit says whether the remainder is ≥ half.
  const shift = places - abs.scale;
  const scaled = shift >= 0 ? abs.int * 10n ** BigInt(shift) : abs.int;
  const den = BigInt(count) * (shift >= 0 ? 1n : 10n ** BigInt(-shift));
  const twice = (2n * scaled) / den;
  const q = (twice + 1n) / 2n;
  let s = q.toString().padStart(places + 1, '0');
  if (places > 0) s = `${s.slice(0, -places)}.${s.slice(-places)}`;
  return neg && q !== 0n ? `-${s}` : s;
}

/** The exact sum of numbers (each taken as its shortest decimal text). */
export function exactSum(values: Iterable<number>): Decimal {
  let sum: Decimal = { int: 0n, scale: 0 };
  for (const v of values) sum = add(sum, decimalOfNumber(v));
  return sum;
}

const HALF: Decimal = { int: 5n, scale: 1 };

/** The median of `values` (any order; not modified): the middle value, or the exact half of the two middle ones. NaN when empty. */
export function exactMedian(values: ArrayLike<number>): number {
  const n = values.length;
  if (!n) return NaN;
  const sorted = Float64Array.from(values).sort();
  if (n % 2 === 1) return sorted[(n - 1) / 2];
  const a = sorted[n / 2 - 1];
  const b = sorted[n / 2];
  if (a === b) return a;
  return toNumber(mul(add(decimalOfNumber(a), decimalOfNumber(b)), HALF));
}

export interface SegmentMedians {
  /** The summary's key of the segment (the built-in id, `rule1` …, `others`; docs/segments.md). */
  segment: string;
  /** Its name in both languages. */
  names: Record<Lang, string>;
  count: number;
  /** Medians of the R, F and M values (not scores) of the segment's customers; NaN when it has none. */
  medianR: number;
  medianF: number;
  medianM: number;
}

/** Per segment, in the segment order: the median R, F and M value of its customers. */
export function segmentMedians(result: ScoreResult, segments: SegmentResult): SegmentMedians[] {
  const rows: number[][] = segments.counts.map(() => []);
  for (let row = 0; row < result.rows; row++) {
    const s = segments.segment[row];
    if (s >= 0 && result.grade[row] >= 0) rows[s].push(row);
  }
  const pick = (list: number[], column: Float64Array) => list.map((row) => column[row]);
  return rows.map((_, i) => ({
    ...segmentKey(segments.map, i),
    count: rows[i].length,
    medianR: exactMedian(pick(rows[i], result.values.r)),
    medianF: exactMedian(pick(rows[i], result.values.f)),
    medianM: exactMedian(pick(rows[i], result.values.m)),
  }));
}
