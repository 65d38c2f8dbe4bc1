/** Suggested thresholds from the composite's quantiles (src/core/suggest.ts). */
import { createGrader, parseGradesText, preset, scoreRows, suggestThresholds, type Scheme } from '../../src/core';

/** n customers: R and M spread, F a raw count that is mostly large (as in the Maoming data). */
function table(n: number): (string | number)[][] {
  const rows: (string | number)[][] = [['R', 'F', 'M']];
  for (let i = 0; i < n; i++) rows.push([1 + ((i * 7) % 97), 3 + ((i * 5) % 11), 100 + ((i * 13) % 89) * 10]);
  return rows;
}

/** The grade counts a run with `grades` gives, by the engine itself. */
function gradeCounts(rows: (string | number)[][], scheme: Scheme): number[] {
  return scoreRows(rows, { header: 'yes' }, scheme, 'en').result.gradeCounts;
}

describe('suggestThresholds', () => {
  test('Maoming as registered puts everyone in A; the suggestion spreads them, and a run agrees', () => {
    const rows = table(200);
    const maoming = preset('maoming');
    const scored = scoreRows(rows, { header: 'yes' }, maoming, 'en');
    expect(scored.result.gradeCounts[0]).toBe(200); // A ≥ 4 with F ≥ 3: no one below
    const s = suggestThresholds(scored.result, maoming)!;
    expect(s.grades.map((g) => g.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(s.grades[3].min).toBeNull();
    // every grade has customers, none more than half
    for (const c of s.counts) {
      expect(c).toBeGreaterThan(0);
      expect(c).toBeLessThanOrEqual(100);
    }
    expect(s.counts.reduce((a, b) => a + b, 0)).toBe(200);
    // the distribution shown is exactly what a run with these thresholds gives
    expect(gradeCounts(rows, { ...maoming, grades: s.grades })).toEqual(s.counts);
  });

  test('thresholds are composites that occur, strictly descending', () => {
    const rows = table(57);
    const scheme = preset('shanghai');
    const scored = scoreRows(rows, { header: 'yes' }, scheme, 'en');
    const s = suggestThresholds(scored.result, scheme)!;
    const mins = s.grades.slice(0, -1).map((g) => Number(g.min));
    expect([...mins].sort((a, b) => b - a)).toEqual(mins);
    expect(new Set(mins).size).toBe(mins.length);
    const grader = createGrader(scheme);
    const seen = new Set<number>();
    for (let i = 0; i < scored.result.grade.length; i++) seen.add(Number(grader.grade(scored.result.scores.r[i], scored.result.scores.f[i], scored.result.scores.m[i]).composite));
    for (const m of mins) expect(seen.has(m)).toBe(true);
    expect(gradeCounts(rows, { ...scheme, grades: s.grades })).toEqual(s.counts);
  });

  test('given shares are followed', () => {
    const rows = table(100);
    const scheme = { ...preset('maoming'), grades: parseGradesText('A:4,B:3,D') };
    const scored = scoreRows(rows, { header: 'yes' }, scheme, 'en');
    const s = suggestThresholds(scored.result, scheme, [0.2, 0.3, 0.5])!;
    expect(s.counts[0]).toBeGreaterThanOrEqual(15);
    expect(s.counts[0]).toBeLessThanOrEqual(25);
  });

  test('too few distinct composites for the grades: no suggestion', () => {
    const rows = [['R', 'F', 'M'], [1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1]];
    const scheme = preset('shanghai');
    expect(suggestThresholds(scoreRows(rows, { header: 'yes' }, scheme, 'en').result, scheme)).toBeUndefined();
  });
});
