/**
 * SPEC.md 3–4: the composite RFM score and the grade, decided on exact decimals.
 *
 * Weights are decimals wᵢ = Wᵢ / 10^dw (integers Wᵢ). With integer scores sᵢ (quintile, breaks and
 * integer raw values) the composite is the integer ΣWᵢsᵢ over 10^dw: exact in plain JS numbers while
 * it stays below 2^53, which is checked. Otherwise (decimal raw values, huge numbers) the same sum
 * is taken in BigInt from each score's shortest decimal text. Thresholds are compared the same way,
 * so 0.35·2 + 0.35·2 + 0.3·2 is exactly 2.
 */
import { add, compare, decimalOfNumber, mul, parseDecimal, rescale, toNumber, type Decimal } from './decimal';
import type { Scheme } from './types';

export interface CompositeGrader {
  /** Composite (nearest JS number to the exact decimal) and the index of its grade. */
  grade(sr: number, sf: number, sm: number): { composite: number; grade: number };
  /** The exact composite as a decimal, for display and tests. */
  exact(sr: number, sf: number, sm: number): Decimal;
  /**
   * The columnar form (docs/engine.md): composite and grade of every row listed in `rows`, written
   * into `composite` and `grade`; returns the count per grade. With integer scores the composite is
   * taken as the integer ΣWᵢsᵢ (the composite × 10^dw) straight from the score columns, no object per
   * row; a row that needs more (decimal raw scores, sums beyond 2^53) goes through `grade`.
   */
  gradeColumns(
    sr: Float64Array,
    sf: Float64Array,
    sm: Float64Array,
    rows: Int32Array,
    composite: Float64Array,
    grade: Int16Array,
  ): number[];
}

export function weightDecimals(scheme: Scheme): [Decimal, Decimal, Decimal] {
  if (scheme.variant === 'additive') {
    const one = { int: 1n, scale: 0 };
    return [one, one, one];
  }
  return scheme.weights.map((w) => {
    const d = parseDecimal(w);
    if (!d) throw new Error(`weight is not a decimal: ${w}`);
    return d;
  }) as [Decimal, Decimal, Decimal];
}

export function thresholdDecimals(scheme: Scheme): Decimal[] {
  return scheme.grades.slice(0, -1).map((g) => {
    const d = parseDecimal(g.min ?? '');
    if (!d) throw new Error(`threshold is not a decimal: ${g.min}`);
    return d;
  });
}

export function createGrader(scheme: Scheme): CompositeGrader {
  const w = weightDecimals(scheme);
  const thresholds = thresholdDecimals(scheme);
  const dw = Math.max(...w.map((d) => d.scale));
  const W = w.map((d) => Number(rescale(d, dw)));
  const pow = 10 ** dw;
  // Thresholds as integers at scale dw when they have no more decimals than the weights.
  const fastThresholds = thresholds.every((t) => t.scale <= dw)
    ? thresholds.map((t) => Number(rescale(t, dw)))
    : undefined;
  const fastOk =
    dw <= 15 && W.every(Number.isSafeInteger) && (fastThresholds?.every(Number.isSafeInteger) ?? false);

  function exact(sr: number, sf: number, sm: number): Decimal {
    return [sr, sf, sm].map((s, i) => mul(w[i], decimalOfNumber(s))).reduce(add);
  }

  function gradeOfDecimal(c: Decimal): number {
    for (let g = 0; g < thresholds.length; g++) if (compare(c, thresholds[g]) >= 0) return g;
    return thresholds.length;
  }

  function grade(sr: number, sf: number, sm: number): { composite: number; grade: number } {
    if (fastOk && Number.isInteger(sr) && Number.isInteger(sf) && Number.isInteger(sm)) {
      const sum = W[0] * sr + W[1] * sf + W[2] * sm;
      if (Number.isSafeInteger(sum)) {
        let g = 0;
        while (g < fastThresholds!.length && sum < fastThresholds![g]) g++;
        return { composite: sum / pow, grade: g };
      }
    }
    const c = exact(sr, sf, sm);
    return { composite: toNumber(c), grade: gradeOfDecimal(c) };
  }

  function gradeColumns(
    sr: Float64Array,
    sf: Float64Array,
    sm: Float64Array,
    rows: Int32Array,
    composite: Float64Array,
    gradeOut: Int16Array,
  ): number[] {
    const counts = thresholds.map(() => 0);
    counts.push(0);
    const t = fastThresholds ?? [];
    const nt = t.length;
    const [w0, w1, w2] = W;
    for (let j = 0; j < rows.length; j++) {
      const row = rows[j];
      const a = sr[row];
      const b = sf[row];
      const c = sm[row];
      const sum = w0 * a + w1 * b + w2 * c;
      let g: number;
      if (fastOk && Number.isSafeInteger(sum) && Number.isInteger(a) && Number.isInteger(b) && Number.isInteger(c)) {
        g = 0;
        while (g < nt && sum < t[g]) g++;
        composite[row] = sum / pow;
      } else {
        const e = grade(a, b, c);
        g = e.grade;
        composite[row] = e.composite;
      }
      gradeOut[row] = g;
      counts[g]++;
    }
    return counts;
  }

  return { grade, exact, gradeColumns };
}
