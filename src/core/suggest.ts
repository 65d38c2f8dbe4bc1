/**
 * Suggested grade thresholds from the composite's quantiles (docs/scoring.md, "Thresholds that fit
 * the scheme"). An additive scheme with raw values (the Maoming preset adds the raw F count) puts
 * nearly everyone above A's threshold; the dataset's thresholds stay as registered, and the pane
 * offers these instead, with the distribution they give.
 *
 * Exact: every threshold is a composite that occurs (an exact decimal), and the counts are taken by
 * comparing decimals, so they are what a run with these thresholds gives.
 */
import { compare, toText, type Decimal } from './decimal';
import { createGrader } from './grade';
import type { GradeRule, Scheme, ScoreResult } from './types';

export interface SuggestedGrades {
  /** The scheme's labels with new thresholds (the last grade stays "otherwise"). */
  grades: GradeRule[];
  /** Customers per grade with these thresholds, in the order of `grades`. */
  counts: number[];
}

/**
 * Thresholds that give each grade about the same share of the `n` valid rows (or `shares`, top grade
 * first, summing to 1). Undefined when the composites have fewer distinct values than grades.
 */
export function suggestThresholds(result: ScoreResult, scheme: Scheme, shares?: readonly number[]): SuggestedGrades | undefined {
  const G = scheme.grades.length;
  const want = shares ?? scheme.grades.map(() => 1 / G);
  const grader = createGrader(scheme);
  const composites: Decimal[] = [];
  for (let i = 0; i < result.grade.length; i++) {
    if (result.grade[i] < 0) continue;
    composites.push(grader.exact(result.scores.r[i], result.scores.f[i], result.scores.m[i]));
  }
  const n = composites.length;
  if (n === 0) return undefined;
  // highest first
  composites.sort((a, b) => compare(b, a));

  const thresholds: Decimal[] = [];
  let cumulative = 0;
  let from = 0; // first position (in the sorted list) not yet in a higher grade
  for (let g = 0; g < G - 1; g++) {
    cumulative += want[g];
    // the grade ends near this position; the threshold is the composite there, and its ties join it
    let at = Math.max(from, Math.min(n - 1, Math.round(cumulative * n) - 1));
    const previous = thresholds[g - 1];
    // strictly below the previous threshold
    while (at < n && previous && compare(composites[at], previous) >= 0) at++;
    if (at >= n) return undefined;
    const threshold = composites[at];
    thresholds.push(threshold);
    // everyone equal to the threshold is in this grade
    from = at;
    while (from < n && compare(composites[from], threshold) >= 0) from++;
    if (from >= n && g < G - 2) return undefined;
  }
  if (from >= n) return undefined; // the last grade would be empty

  const counts = new Array<number>(G).fill(0);
  for (const c of composites) {
    let g = 0;
    while (g < thresholds.length && compare(c, thresholds[g]) < 0) g++;
    counts[g]++;
  }
  const grades = scheme.grades.map((rule, g) => ({ label: rule.label, min: g < thresholds.length ? toText(thresholds[g]) : null }));
  return { grades, counts };
}
