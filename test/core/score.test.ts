/**
 * SPEC.md 2: per-metric scores worked out by hand — quintile with ties average/min/first
 * (n = 10 and n = 7), the heavy-tie warning, breaks with the spec's cut-offs, raw.
 * Each hand-computed answer is checked on the engine and on the reference.
 */
import {
  breaksScores,
  describeDistribution,
  describeWarning,
  quintileScores,
  scoreTable,
  type MetricMethod,
  type TiePolicy,
  type Warning,
} from '../../src/core';
import { list, schemeWith, scoresOf } from './helpers';
import { refBreaks, refQuintile } from './reference';

function quintile(values: number[], lowerBetter: boolean, ties: TiePolicy, k = 5): number[] {
  const engine = list(quintileScores(Float64Array.from(values), lowerBetter, k, ties));
  expect(refQuintile(values, lowerBetter, k, ties)).toEqual(engine);
  return engine;
}

describe('quintile, n = 10, no ties', () => {
  // score = 5 − floor(5(rank−1)/10) = 5 − floor((rank−1)/2):
  // ranks 1,2 → 5; 3,4 → 4; 5,6 → 3; 7,8 → 2; 9,10 → 1 (exactly 20% each).
  it('F: larger is better', () => {
    const f = [3, 9, 1, 7, 10, 2, 5, 8, 4, 6];
    // ranks (descending): 10→1, 9→2, 8→3, 7→4, 6→5, 5→6, 4→7, 3→8, 2→9, 1→10
    expect(quintile(f, false, 'average')).toEqual([2, 5, 1, 4, 5, 1, 3, 4, 2, 3]);
  });

  it('R: smaller is better', () => {
    const r = [3, 9, 1, 7, 10, 2, 5, 8, 4, 6];
    // ranks (ascending): value v has rank v
    expect(quintile(r, true, 'average')).toEqual([4, 1, 5, 2, 1, 5, 3, 2, 4, 3]);
  });
});

describe('quintile, n = 10 with a tie group, each tie policy', () => {
  // R (smaller is better) = 10, 30, 10, 10, 50, 60, 40, 90, 5, 70
  // ascending: 5 (row 8) pos 1; 10 (rows 0, 2, 3) pos 2..4; 30 (row 1) pos 5; 40 (row 6) pos 6;
  //            50 (row 4) pos 7; 60 (row 5) pos 8; 70 (row 9) pos 9; 90 (row 7) pos 10.
  // score = 5 − floor((rank − 1)/2): pos1 → 5, pos5 → 3, pos6 → 3, pos7 → 2, pos8 → 2, pos9 → 1, pos10 → 1.
  const r = [10, 30, 10, 10, 50, 60, 40, 90, 5, 70];

  it('average: the group gets rank (2+4)/2 = 3 → 5 − floor(2/2) = 4', () => {
    expect(quintile(r, true, 'average')).toEqual([4, 3, 4, 4, 2, 2, 3, 1, 5, 1]);
  });

  it('min: the group gets rank 2 → 5 − floor(1/2) = 5', () => {
    expect(quintile(r, true, 'min')).toEqual([5, 3, 5, 5, 2, 2, 3, 1, 5, 1]);
  });

  it('first: rows 0, 2, 3 get positions 2, 3, 4 → 5, 4, 4', () => {
    expect(quintile(r, true, 'first')).toEqual([5, 3, 4, 4, 2, 2, 3, 1, 5, 1]);
  });

  it('average rank with a half: group at positions 5..6 → rank 5.5 → 5 − floor(4.5/2) = 3', () => {
    // F = 9, 8, 7, 6, 5, 5, 4, 3, 2, 1 (descending = row order)
    // average: rows 4, 5 rank 5.5 → 5 − floor(5·4.5/10) = 5 − 2 = 3; min: rank 5 → 5 − floor(2) = 3
    const f = [9, 8, 7, 6, 5, 5, 4, 3, 2, 1];
    expect(quintile(f, false, 'average')).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(quintile(f, false, 'min')).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('average rank that crosses a band: group at positions 6..7 → rank 6.5 → 5 − floor(5·5.5/10) = 3', () => {
    // min: rank 6 → 5 − floor(2.5) = 3; first: positions 6, 7 → 3, 5 − floor(3) = 2
    const f = [10, 9, 8, 7, 6, 4, 4, 3, 2, 1];
    expect(quintile(f, false, 'average')).toEqual([5, 5, 4, 4, 3, 3, 3, 2, 1, 1]);
    expect(quintile(f, false, 'min')).toEqual([5, 5, 4, 4, 3, 3, 3, 2, 1, 1]);
    expect(quintile(f, false, 'first')).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });
});

describe('quintile, n = 7 (not divisible by 5)', () => {
  // score = 5 − floor(5(rank−1)/7): rank 1 → 5 − 0 = 5; 2 → 5 − floor(0.71) = 5; 3 → 5 − floor(1.43) = 4;
  // 4 → 5 − floor(2.14) = 3; 5 → 5 − floor(2.86) = 3; 6 → 5 − floor(3.57) = 2; 7 → 5 − floor(4.29) = 1.
  it('distinct values: boundary rows go to the better score', () => {
    const m = [700, 100, 500, 300, 600, 200, 400]; // ranks (descending) 1, 7, 3, 5, 2, 6, 4
    expect(quintile(m, false, 'average')).toEqual([5, 1, 4, 3, 5, 2, 3]);
  });

  // F = 5, 3, 3, 8, 1, 3, 2: descending 8 (row 3) pos 1, 5 (row 0) pos 2, 3 (rows 1, 2, 5) pos 3..5,
  // 2 (row 6) pos 6, 1 (row 4) pos 7.
  const f = [5, 3, 3, 8, 1, 3, 2];

  it('average: the 3s get rank 4 → 3', () => {
    expect(quintile(f, false, 'average')).toEqual([5, 3, 3, 5, 1, 3, 2]);
  });

  it('min: the 3s get rank 3 → 4', () => {
    expect(quintile(f, false, 'min')).toEqual([5, 4, 4, 5, 1, 4, 2]);
  });

  it('first: rows 1, 2, 5 get positions 3, 4, 5 → 4, 3, 3', () => {
    expect(quintile(f, false, 'first')).toEqual([5, 4, 3, 5, 1, 3, 2]);
  });

  it('the ties warning names the group and the scores nobody can get', () => {
    // 3 of 7 share F = 3: 3·5 = 15 > 7, so the group is larger than a band. 3/7 = 42.9% → "43%".
    const other = [1, 2, 3, 4, 5, 6, 7];
    const byPolicy: Record<TiePolicy, string> = {
      average: 'F: 43% of customers share F = 3, so no one can score 4', // scores 5,3,3,5,1,3,2: no 4
      min: 'F: 43% of customers share F = 3, so no one can score 3', // scores 5,4,4,5,1,4,2: no 3
      // first splits the group by row order: the bands are equal, but the scores depend on row order.
      first: 'F: 43% of customers share F = 3; with ties "first" their scores depend on row order',
    };
    for (const ties of ['average', 'min', 'first'] as const) {
      const result = scoreTable({ r: other, f, m: other }, schemeWith({ ties }));
      const w = result.warnings.filter((x) => x.kind === 'ties');
      expect(w).toHaveLength(1);
      expect(describeWarning(w[0], 'en')).toBe(byPolicy[ties]);
    }
  });
});

describe('heavy tie: 60% of customers have F = 1', () => {
  // F = 1, 3, 1, 1, 5, 1, 2, 1, 4, 1 (n = 10): six 1s (rows 0, 2, 3, 5, 7, 9).
  // Descending: 5 (row 4) pos 1 → 5; 4 (row 8) pos 2 → 5; 3 (row 1) pos 3 → 4; 2 (row 6) pos 4 → 4;
  // the 1s occupy positions 5..10.
  const f = [1, 3, 1, 1, 5, 1, 2, 1, 4, 1];
  const other = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

  it('average: rank (5+10)/2 = 7.5 → 5 − floor(5·6.5/10) = 5 − 3 = 2: nobody scores 1 (nor 3)', () => {
    expect(quintile(f, false, 'average')).toEqual([2, 4, 2, 2, 5, 2, 4, 2, 5, 2]);
  });

  it('min: rank 5 → 5 − floor(5·4/10) = 3: nobody scores 1 or 2', () => {
    expect(quintile(f, false, 'min')).toEqual([3, 4, 3, 3, 5, 3, 4, 3, 5, 3]);
  });

  it('first: positions 5..10 in row order → 3, 3, 2, 2, 1, 1', () => {
    // pos 5 → 5 − floor(2) = 3, pos 6 → 5 − floor(2.5) = 3, pos 7 → 2, pos 8 → 2, pos 9 → 1, pos 10 → 1
    expect(quintile(f, false, 'first')).toEqual([3, 4, 3, 2, 5, 2, 4, 1, 5, 1]);
  });

  it('the user is told, with the actual distribution', () => {
    const result = scoreTable({ r: other, f, m: other }, schemeWith());
    const ties = result.warnings.filter((w): w is Extract<Warning, { kind: 'ties' }> => w.kind === 'ties');
    expect(ties).toEqual([
      { kind: 'ties', metric: 'f', value: 1, count: 6, n: 10, emptyScores: [1, 3], byRowOrder: false },
    ]);
    const text = describeWarning(ties[0], 'en');
    expect(text).toContain('F: 60% of customers share F = 1, so no one can score 1');
    // Scores 1 and 3 are both empty under ties average (see the arithmetic above).
    expect(text).toBe('F: 60% of customers share F = 1, so no one can score 1, 3');
    expect(describeWarning(ties[0], 'zh')).toBe('F值：60%的客户同为1，因此没有客户得1、3分');
    expect(result.distributions.f).toEqual([
      { score: 2, count: 6 },
      { score: 4, count: 2 },
      { score: 5, count: 2 },
    ]);
    expect(describeDistribution(result, 'f', 'en')).toBe('F scores: 5 → 2 (20%), 4 → 2 (20%), 2 → 6 (60%)');
    // R and M are distinct: no warning for them.
    expect(result.warnings.filter((w) => w.kind === 'ties' && w.metric !== 'f')).toEqual([]);
  });

  it('min: the warning lists 1 and 2', () => {
    const result = scoreTable({ r: other, f, m: other }, schemeWith({ ties: 'min' }));
    const w = result.warnings.find((x) => x.kind === 'ties');
    expect(w && describeWarning(w, 'en')).toBe('F: 60% of customers share F = 1, so no one can score 1, 2');
  });
});

describe('no ties warning when every tie group fits in one band', () => {
  it('n = 10, k = 5: groups of 2 (= n/k) are not reported', () => {
    // F = 5,5,4,4,3,3,2,2,1,1: each group has 2 rows, 2·5 = 10, not > 10
    const f = [5, 5, 4, 4, 3, 3, 2, 2, 1, 1];
    const r = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const result = scoreTable({ r, f, m: r }, schemeWith());
    expect(result.warnings).toEqual([]);
    // average ranks 1.5, 3.5, 5.5, 7.5, 9.5 → 5 − floor(5·0.5/10) = 5, 5 − floor(1.25) = 4, 3, 2, 1
    expect(scoresOf(result, 'f')).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('breaks and raw metrics never get a ties warning', () => {
    const f = [1, 1, 1, 1, 1, 1, 1, 1, 2, 3];
    const r = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const scheme = schemeWith({
      grades: [
        { label: 'A', min: '100' },
        { label: 'B', min: null },
      ],
    });
    const methods: MetricMethod[] = [{ kind: 'raw' }, { kind: 'breaks', cutoffs: [2, 3] }];
    for (const method of methods) {
      const result = scoreTable({ r, f, m: r }, { ...scheme, methods: { ...scheme.methods, f: method } });
      expect(result.warnings.filter((w) => w.kind === 'ties')).toEqual([]);
    }
  });
});

describe('quintile with k bins', () => {
  it('k = 3, n = 6: score = 3 − floor(3(rank−1)/6) → 3,3,2,2,1,1', () => {
    expect(quintile([60, 50, 40, 30, 20, 10], false, 'average', 3)).toEqual([3, 3, 2, 2, 1, 1]);
  });

  it('k = 10, n = 4: score = 10 − floor(10(rank−1)/4) → 10, 8, 5, 3', () => {
    // rank 2 → 10 − floor(2.5) = 8; rank 3 → 10 − 5 = 5; rank 4 → 10 − floor(7.5) = 3
    expect(quintile([1, 2, 3, 4], true, 'average', 10)).toEqual([10, 8, 5, 3]);
  });

  it('a single customer gets the top score; everyone tied gets the average rank', () => {
    expect(quintile([42], false, 'average')).toEqual([5]);
    // 4 equal values: rank 2.5 → 5 − floor(5·1.5/4) = 5 − 1 = 4; min: rank 1 → 5
    expect(quintile([7, 7, 7, 7], false, 'average')).toEqual([4, 4, 4, 4]);
    expect(quintile([7, 7, 7, 7], false, 'min')).toEqual([5, 5, 5, 5]);
  });
});

describe('breaks (SPEC.md 2 examples)', () => {
  it('F cut-offs 2,4,7,10: 1 → 1, 2–3 → 2, 4–6 → 3, 7–9 → 4, ≥10 → 5', () => {
    const f = [0, 1, 2, 3, 4, 6, 7, 9, 10, 25, 1.5, 9.99];
    const want = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 1, 4];
    expect(list(breaksScores(Float64Array.from(f), false, [2, 4, 7, 10]))).toEqual(want);
    expect(refBreaks(f, false, [2, 4, 7, 10])).toEqual(want);
  });

  it('R cut-offs 30,60,90,180: ≤30 → 5, 31–60 → 4, 61–90 → 3, 91–180 → 2, >180 → 1', () => {
    const r = [0, 30, 31, 60, 61, 90, 91, 180, 181, 365, 30.5];
    // 30.5: not ≤ 30, ≤ 60, 90, 180 → 1 + 3 = 4
    const want = [5, 5, 4, 4, 3, 3, 2, 2, 1, 1, 4];
    expect(list(breaksScores(Float64Array.from(r), true, [30, 60, 90, 180]))).toEqual(want);
    expect(refBreaks(r, true, [30, 60, 90, 180])).toEqual(want);
  });

  it('through scoreTable: values exactly at a cut-off, decimal cut-offs', () => {
    const scheme = schemeWith({
      methods: {
        r: { kind: 'breaks', cutoffs: [30, 60, 90, 180] },
        f: { kind: 'breaks', cutoffs: [2, 4, 7, 10] },
        m: { kind: 'breaks', cutoffs: [0.1, 0.3] },
      },
    });
    // M: 0.1 ≥ 0.1 → 2; 0.3 ≥ 0.3 → 3; 0.29 ≥ 0.1 only → 2
    const result = scoreTable({ r: [30, 60, '181'], f: [2, 10, '7'], m: ['0.1', 0.3, 0.29] }, scheme);
    expect(scoresOf(result, 'r')).toEqual([5, 4, 1]);
    expect(scoresOf(result, 'f')).toEqual([2, 5, 4]);
    expect(scoresOf(result, 'm')).toEqual([2, 3, 2]);
  });
});

describe('raw', () => {
  it('score = the value itself (Maoming: F score = visits in 30 days)', () => {
    const scheme = schemeWith({ variant: 'additive', methods: { r: { kind: 'raw' }, f: { kind: 'raw' }, m: { kind: 'raw' } } });
    const result = scoreTable({ r: [0, 3, '12.5'], f: [7, '1,000', 0.25], m: [1, 2, 3] }, scheme);
    expect(scoresOf(result, 'r')).toEqual([0, 3, 12.5]);
    expect(scoresOf(result, 'f')).toEqual([7, 1000, 0.25]);
    // additive: 0+7+1 = 8; 3+1000+2 = 1005; 12.5+0.25+3 = 15.75
    expect(Array.from(result.composite)).toEqual([8, 1005, 15.75]);
  });
});

describe('counting and sorting give the same scores (docs/engine.md)', () => {
  // Small integers are ranked by counting; the same values shifted by 2^30 are too far apart for a
  // table and go through the radix sort. Same order, same ties: the same scores and tie warnings.
  it.each(['average', 'min'] as const)('ties %s', (ties) => {
    const values: number[] = [];
    for (let i = 0; i < 5000; i++) values.push(Math.floor((i * 7919) % 1301) % 97, (i * 31) % 3);
    for (const lowerBetter of [true, false]) {
      const counted = quintileScores(Float64Array.from(values), lowerBetter, 5, ties);
      const sorted = quintileScores(Float64Array.from(values, (v) => v + 2 ** 30), lowerBetter, 5, ties);
      expect(list(counted)).toEqual(list(sorted));
      expect(list(counted)).toEqual(refQuintile(values, lowerBetter, 5, ties));
    }
  });
});
