/**
 * Warnings that the distribution is not what the scheme promises (SPEC.md 2 and 4):
 * tie groups too big for one band, grades nobody can reach, nearly everyone in one grade.
 */
import { createGrader, thresholdDecimals } from './grade';
import { compare, toNumber } from './decimal';
import type { TieGroup } from './score';
import { METRICS, type Metric, type Scheme, type ScoreResult, type Warning } from './types';

/** Share of customers in one grade from which we call it "nearly everyone". */
export const CONCENTRATION_SHARE = 0.8;
/** Below this many valid rows the concentration warning is noise. */
export const CONCENTRATION_MIN_N = 10;

export function findWarnings(
  result: ScoreResult,
  scheme: Scheme,
  ranges: Record<Metric, [number, number]>,
  bigTies: Record<Metric, TieGroup[]>,
): Warning[] {
  const warnings: Warning[] = [];
  const { n } = result;
  if (n === 0) return warnings;

  // Ties: a group of equal values bigger than one band (n/k) makes the bands impossible.
  for (const metric of METRICS) {
    if (!bigTies[metric].length) continue;
    const present = new Set(result.distributions[metric].map((d) => d.score));
    const emptyScores: number[] = [];
    for (let s = 1; s <= scheme.bins; s++) if (!present.has(s)) emptyScores.push(s);
    for (const group of bigTies[metric]) {
      warnings.push({
        kind: 'ties',
        metric,
        value: group.value,
        count: group.count,
        n,
        emptyScores,
        byRowOrder: scheme.ties === 'first',
      });
    }
  }

  warnings.push(...unreachableGrades(scheme, ranges));

  if (n >= CONCENTRATION_MIN_N) {
    result.gradeCounts.forEach((count, i) => {
      if (count >= CONCENTRATION_SHARE * n) {
        warnings.push({ kind: 'gradeConcentration', label: scheme.grades[i].label, count, n });
      }
    });
  }
  return warnings;
}

/**
 * Grades the composite's scale cannot reach (e.g. additive R+F+M is at least 3: C and D never occur),
 * given each metric's lowest and highest score. Also asked of a scheme a tie fix proposes
 * (docs/tie-advice.md): fewer bins lower the scale, and the thresholds may then be out of reach.
 */
export function unreachableGrades(scheme: Scheme, ranges: Record<Metric, [number, number]>): Extract<Warning, { kind: 'gradeUnreachable' }>[] {
  const out: Extract<Warning, { kind: 'gradeUnreachable' }>[] = [];
  const grader = createGrader(scheme);
  const lo = grader.exact(ranges.r[0], ranges.f[0], ranges.m[0]);
  const hi = grader.exact(ranges.r[1], ranges.f[1], ranges.m[1]);
  const thresholds = thresholdDecimals(scheme);
  scheme.grades.forEach((g, i) => {
    const bandLow = i < thresholds.length ? thresholds[i] : undefined;
    const bandHigh = i > 0 ? thresholds[i - 1] : undefined;
    const reachable = (!bandLow || compare(bandLow, hi) <= 0) && (!bandHigh || compare(bandHigh, lo) > 0);
    if (!reachable) {
      out.push({
        kind: 'gradeUnreachable',
        label: g.label,
        min: g.min ?? '',
        scaleMin: toNumber(lo),
        scaleMax: toNumber(hi),
      });
    }
  });
  return out;
}
