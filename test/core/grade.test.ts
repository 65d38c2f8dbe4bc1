/**
 * SPEC.md 3–4: composite and grade on worked examples — weighted default, 0.35/0.35/0.30, exact
 * decimals on a threshold, additive (Maoming) with its warnings, custom grades — and SPEC.md 1's
 * invalid rows (excluded from n, never scored as 0).
 */
import {
  createGrader,
  describeWarning,
  parseGradesText,
  preset,
  scoreTable,
  type CellValue,
  type Scheme,
} from '../../src/core';
import { compositesOf, gradesOf, schemeWith, scoresOf } from './helpers';
import { qToNumber, refScoreTable } from './reference';

/*
 * The default worked table (n = 10, all values distinct). With n = 10, score = 5 − floor((rank − 1)/2).
 *
 * row  R    rank→score   F   rank→score   M        rank→score   (R,F,M)
 *  0    3   1 → 5        12  1 → 5        '5,000'  1 → 5        (5,5,5)
 *  1    8   2 → 5         8  3 → 4        1800     5 → 3        (5,4,3)
 *  2   15   3 → 4        10  2 → 5        3100     3 → 4        (4,5,4)
 *  3   20   4 → 4         6  5 → 3        '¥4,200' 2 → 5        (4,3,5)
 *  4   33   5 → 3         7  4 → 4        990      7 → 2        (3,4,2)
 *  5   41   6 → 3         4  7 → 2        2500     4 → 4        (3,2,4)
 *  6   60   7 → 2         3  8 → 2        800      8 → 2        (2,2,2)
 *  7   75   8 → 2         2  9 → 1        1500     6 → 3        (2,1,3)
 *  8  120   9 → 1         5  6 → 3        300      9 → 1        (1,3,1)
 *  9  200  10 → 1         1 10 → 1        '120.50' 10 → 1       (1,1,1)
 */
const R: CellValue[] = [3, 8, 15, 20, 33, 41, 60, 75, 120, 200];
const F: CellValue[] = [12, 8, 10, 6, 7, 4, 3, 2, 5, 1];
const M: CellValue[] = ['5,000', 1800, 3100, '¥4,200', 990, 2500, 800, 1500, 300, '120.50'];
const SR = [5, 5, 4, 4, 3, 3, 2, 2, 1, 1];
const SF = [5, 4, 5, 3, 4, 2, 2, 1, 3, 1];
const SM = [5, 3, 4, 5, 2, 4, 2, 3, 1, 1];

function scoreBoth(columns: { r: CellValue[]; f: CellValue[]; m: CellValue[] }, scheme: Scheme) {
  const result = scoreTable(columns, scheme);
  const ref = refScoreTable(columns, scheme);
  expect(compositesOf(result)).toEqual(ref.rows.map((r) => r.composite ?? null));
  expect(Array.from(result.grade)).toEqual(ref.rows.map((r) => r.grade ?? -1));
  return result;
}

describe('weighted (default 0.3 / 0.3 / 0.4)', () => {
  const scheme = schemeWith();
  const result = scoreBoth({ r: R, f: F, m: M }, scheme);

  it('scores', () => {
    expect(result.n).toBe(10);
    expect(scoresOf(result, 'r')).toEqual(SR);
    expect(scoresOf(result, 'f')).toEqual(SF);
    expect(scoresOf(result, 'm')).toEqual(SM);
  });

  it('composite: exact decimals written as numbers', () => {
    // 0: 1.5+1.5+2.0 = 5     1: 1.5+1.2+1.2 = 3.9   2: 1.2+1.5+1.6 = 4.3   3: 1.2+0.9+2.0 = 4.1
    // 4: 0.9+1.2+0.8 = 2.9   5: 0.9+0.6+1.6 = 3.1   6: 0.6+0.6+0.8 = 2.0   7: 0.6+0.3+1.2 = 2.1
    // 8: 0.3+0.9+0.4 = 1.6   9: 0.3+0.3+0.4 = 1.0
    // (in binary floats row 1 would be 0.3·5 + 0.3·4 + 0.4·3 = 3.9000000000000004)
    expect(compositesOf(result)).toEqual([5, 3.9, 4.3, 4.1, 2.9, 3.1, 2, 2.1, 1.6, 1]);
  });

  it('grades: A ≥ 4, B ≥ 3, C ≥ 2, otherwise D; 2.0 exactly is C', () => {
    expect(gradesOf(result, scheme)).toEqual(['A', 'B', 'A', 'A', 'C', 'B', 'C', 'C', 'D', 'D']);
    expect(result.gradeCounts).toEqual([3, 2, 3, 2]);
    expect(result.warnings).toEqual([]);
  });
});

describe('weighted 0.35 / 0.35 / 0.30', () => {
  const scheme = schemeWith({ weights: ['0.35', '0.35', '0.30'] });
  const result = scoreBoth({ r: R, f: F, m: M }, scheme);

  it('score 2 on every metric is exactly 2 → grade C', () => {
    // row 6: 0.35·2 + 0.35·2 + 0.30·2 = 0.70 + 0.70 + 0.60 = 2.00
    expect(result.composite[6]).toBe(2);
    expect(gradesOf(result, scheme)[6]).toBe('C');
  });

  it('every row', () => {
    // 1: 1.75+1.40+0.90 = 4.05  2: 1.40+1.75+1.20 = 4.35  3: 1.40+1.05+1.50 = 3.95  4: 1.05+1.40+0.60 = 3.05
    // 5: 1.05+0.70+1.20 = 2.95  7: 0.70+0.35+0.90 = 1.95  8: 0.35+1.05+0.30 = 1.70  9: 1.00
    expect(compositesOf(result)).toEqual([5, 4.05, 4.35, 3.95, 3.05, 2.95, 2, 1.95, 1.7, 1]);
    expect(gradesOf(result, scheme)).toEqual(['A', 'A', 'A', 'B', 'B', 'C', 'C', 'D', 'D', 'D']);
  });
});

describe('exact decimals where binary floats miss the threshold', () => {
  const raw = { r: { kind: 'raw' }, f: { kind: 'raw' }, m: { kind: 'raw' } } as const;
  it.each([
    // weights, scores, exact composite, grade; the float sum is shown for contrast
    [['0.35', '0.35', '0.3'], [3, 3, 3], 3, 'B'], // 0.35·3+0.35·3+0.3·3 = 3; floats: 2.9999999999999996
    [['0.35', '0.35', '0.3'], [2, 4, 3], 3, 'B'], // 0.7+1.4+0.9 = 3; floats: 2.9999999999999996
    [['0.7', '0.2', '0.1'], [2, 2, 2], 2, 'C'], // 1.4+0.4+0.2 = 2; floats: 1.9999999999999998
    [['0.7', '0.2', '0.1'], [4, 4, 4], 4, 'A'], // 2.8+0.8+0.4 = 4; floats: 3.9999999999999996
    [['0.01', '0.98', '0.01'], [5, 4, 3], 4, 'A'], // 0.05+3.92+0.03 = 4; floats: 3.9999999999999996
  ] as const)('weights %j, scores %j → %d, grade %s', (weights, scores, composite, grade) => {
    const scheme = schemeWith({ weights: [...weights], methods: raw });
    const result = scoreTable({ r: [scores[0]], f: [scores[1]], m: [scores[2]] }, scheme);
    expect(result.composite[0]).toBe(composite);
    expect(gradesOf(result, scheme)).toEqual([grade]);
    expect(createGrader(scheme).grade(scores[0], scores[1], scores[2])).toEqual({
      composite,
      grade: scheme.grades.findIndex((g) => g.label === grade),
    });
  });

  it('decimal raw scores are exact too: 0.3·1.1 + 0.3·1.2 + 0.4·1.3 = 0.33 + 0.36 + 0.52 = 1.21', () => {
    const scheme = schemeWith({ methods: raw, grades: parseGradesText('A:1.21,B') });
    const result = scoreBoth({ r: [1.1], f: [1.2], m: [1.3] }, scheme);
    expect(result.composite[0]).toBe(1.21);
    expect(gradesOf(result, scheme)).toEqual(['A']);
  });
});

describe('custom grade labels and thresholds', () => {
  it('four grades with decimal thresholds', () => {
    const scheme = schemeWith({ grades: parseGradesText('Gold:4.5,Silver:3.25,Bronze:2,Iron') });
    const result = scoreBoth({ r: R, f: F, m: M }, scheme);
    // composites 5, 3.9, 4.3, 4.1, 2.9, 3.1, 2, 2.1, 1.6, 1
    expect(gradesOf(result, scheme)).toEqual([
      'Gold', 'Silver', 'Silver', 'Silver', 'Bronze', 'Bronze', 'Bronze', 'Bronze', 'Iron', 'Iron',
    ]);
    expect(result.gradeCounts).toEqual([1, 3, 4, 2]);
  });

  it('three Chinese labels', () => {
    const scheme = schemeWith({ grades: parseGradesText('重要客户:4,一般客户:2.5,流失客户') });
    const result = scoreBoth({ r: R, f: F, m: M }, scheme);
    expect(gradesOf(result, scheme)).toEqual([
      '重要客户', '一般客户', '重要客户', '重要客户', '一般客户', '一般客户', '流失客户', '流失客户', '流失客户', '流失客户',
    ]);
  });

  it('a threshold equal to a composite is reached (≥): 2.1 and 3.9', () => {
    const scheme = schemeWith({ grades: parseGradesText('X:3.9,Y:2.1,Z') });
    const result = scoreBoth({ r: R, f: F, m: M }, scheme);
    expect(gradesOf(result, scheme)).toEqual(['X', 'X', 'X', 'X', 'Y', 'Y', 'Z', 'Y', 'Z', 'Z']);
  });
});

describe('additive (Maoming: R quintile + F raw + M quintile)', () => {
  /*
   * R = 10..100 ascending → 5,5,4,4,3,3,2,2,1,1
   * F raw = 1,1,2,3,1,2,4,1,1,2
   * M = 500,100,900,300,700,200,1000,400,800,600: descending ranks 6,10,2,8,4,9,1,7,3,5 → 3,1,5,2,4,1,5,2,4,3
   * R+F+M: 5+1+3 = 9, 5+1+1 = 7, 4+2+5 = 11, 4+3+2 = 9, 3+1+4 = 8, 3+2+1 = 6, 2+4+5 = 11, 2+1+2 = 5,
   *        1+1+4 = 6, 1+2+3 = 6
   * Scale: lowest 1 + min F (1) + 1 = 3, highest 5 + max F (4) + 5 = 14.
   */
  const r = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  const f = [1, 1, 2, 3, 1, 2, 4, 1, 1, 2];
  const m = [500, 100, 900, 300, 700, 200, 1000, 400, 800, 600];

  it('with the default grades everyone is A, C and D cannot occur, and the user is warned', () => {
    const scheme = preset('maoming');
    expect(scheme.variant).toBe('additive');
    const result = scoreBoth({ r, f, m }, scheme);
    expect(scoresOf(result, 'f')).toEqual(f);
    expect(scoresOf(result, 'm')).toEqual([3, 1, 5, 2, 4, 1, 5, 2, 4, 3]);
    expect(compositesOf(result)).toEqual([9, 7, 11, 9, 8, 6, 11, 5, 6, 6]);
    expect(gradesOf(result, scheme)).toEqual(Array(10).fill('A'));
    expect(result.warnings).toEqual([
      { kind: 'gradeUnreachable', label: 'C', min: '2', scaleMin: 3, scaleMax: 14 },
      { kind: 'gradeUnreachable', label: 'D', min: '', scaleMin: 3, scaleMax: 14 },
      { kind: 'gradeConcentration', label: 'A', count: 10, n: 10 },
    ]);
    expect(result.warnings.map((w) => describeWarning(w, 'en'))).toEqual([
      'Grade C cannot occur: RFM scores under this scheme range from 3 to 14',
      'Grade D cannot occur: RFM scores under this scheme range from 3 to 14',
      '100% of customers get grade A: the grade thresholds may not fit this scheme',
    ]);
  });

  it('thresholds that fit the 3..15 scale: no warning', () => {
    const scheme = { ...preset('maoming'), grades: parseGradesText('A:12,B:9,C:6,D') };
    const result = scoreBoth({ r, f, m }, scheme);
    // 9 B, 7 C, 11 B, 9 B, 8 C, 6 C, 11 B, 5 D, 6 C, 6 C
    expect(gradesOf(result, scheme)).toEqual(['B', 'C', 'B', 'B', 'C', 'C', 'B', 'D', 'C', 'C']);
    expect(result.warnings).toEqual([]);
  });

  it('weighted scheme with k = 3: grade A (≥ 4) cannot occur on a 1..3 scale', () => {
    const scheme = schemeWith({ bins: 3 });
    const result = scoreTable({ r, f: m, m }, scheme);
    expect(result.warnings).toContainEqual({ kind: 'gradeUnreachable', label: 'A', min: '4', scaleMin: 1, scaleMax: 3 });
  });
});

describe('invalid rows (SPEC.md 1): excluded from n, no scores, no grade, reported', () => {
  const scheme = schemeWith();
  const base = scoreTable({ r: R, f: F, m: M }, scheme);

  function insert<T>(xs: T[], at: number, x: T): T[] {
    return [...xs.slice(0, at), x, ...xs.slice(at)];
  }

  it('one invalid row: the others score exactly as if it were absent', () => {
    const result = scoreTable({ r: insert(R, 4, 1), f: insert(F, 4, 100), m: insert(M, 4, 'n/a') }, scheme);
    expect(result.rows).toBe(11);
    expect(result.n).toBe(10);
    for (const metric of ['r', 'f', 'm'] as const) {
      // A value 1 (best R) and 100 (best F) on the invalid row would shift every rank if counted.
      expect(scoresOf(result, metric)).toEqual(insert(scoresOf(base, metric), 4, null));
    }
    expect(compositesOf(result)).toEqual(insert(compositesOf(base), 4, null));
    expect(result.grade[4]).toBe(-1);
    expect(result.invalid).toEqual([{ row: 4, metric: 'm', reason: 'notNumber' }]);
    expect(result.gradeCounts).toEqual(base.gradeCounts);
  });

  it('several problems on several rows, with reasons', () => {
    const r2 = [...insert(R, 0, ''), 5];
    const f2 = [...insert(F, 0, -3), 5];
    const m2 = [...insert(M, 0, 100), true];
    const result = scoreTable({ r: r2, f: f2, m: m2 }, scheme);
    expect(result.n).toBe(10);
    expect(result.invalid).toEqual([
      { row: 0, metric: 'r', reason: 'empty' },
      { row: 0, metric: 'f', reason: 'negative' },
      { row: 11, metric: 'm', reason: 'boolean' },
    ]);
    expect(scoresOf(result, 'r')).toEqual([null, ...SR, null]);
    expect(Number.isNaN(result.values.f[0])).toBe(true); // never scored (nor kept) as 0
    expect(Number.isNaN(result.values.r[11])).toBe(true);
    const ref = refScoreTable({ r: r2, f: f2, m: m2 }, scheme);
    expect(ref.rows[0].problems).toEqual([
      { metric: 'r', reason: 'empty' },
      { metric: 'f', reason: 'negative' },
    ]);
    expect(ref.rows.map((x) => x.composite ?? null)).toEqual(compositesOf(result));
  });

  it('every row invalid: n = 0, nothing graded, no crash', () => {
    const result = scoreTable({ r: ['x', null], f: [1, 2], m: [1, NaN] }, scheme);
    expect(result.n).toBe(0);
    expect(Array.from(result.grade)).toEqual([-1, -1]);
    expect(result.gradeCounts).toEqual([0, 0, 0, 0]);
    expect(result.warnings).toEqual([]);
  });

  it('the reference agrees with the hand-computed composites', () => {
    const ref = refScoreTable({ r: R, f: F, m: M }, scheme);
    expect(ref.rows.map((x) => qToNumber(x.compositeExact!))).toEqual([5, 3.9, 4.3, 4.1, 2.9, 3.1, 2, 2.1, 1.6, 1]);
  });
});
