/**
 * Nested binning (docs/binning.md) worked out by hand: R over everyone, F within each R bin, M within
 * each R × F cell, with the usual quintile rule inside each group (SPEC.md 2). Also: ties inside a
 * group, groups smaller than k, invalid rows, breaks/raw unchanged, the scheme's text forms.
 */
import {
  describeWarning,
  parseBinningText,
  scoreTable,
  validateScheme,
  withBinning,
  type CellValue,
  type Scheme,
  type TiePolicy,
} from '../../src/core';
import { scaleOf } from '../../src/core/scale';
import { expectRfmError, schemeWith, scoresOf } from './helpers';
import { refScoreTable } from './reference';

/*
 * The table: 12 customers (rows 1–12 below; the table also holds one invalid row, see `cells`).
 *
 *   row   R    F   M
 *    1    5    1  100
 *    2   10    3  200
 *    3   20    2  150
 *    4   30    5  300
 *    5   40    1   50
 *    6   50    4  500
 *    7   60    2   80
 *    8   70    2  120
 *    9   80    6  400
 *   10   90    1   60
 *   11  100    3   90
 *   12  110    1   70
 *
 * k = 3. score = 3 − floor(3(rank − 1)/n); with doubled ranks 2r: 3 − floor(3(2r − 2)/(2n)).
 *
 * R over all n = 12 (smaller is better, no ties): rank = position ascending,
 *   3 − floor((rank − 1)/4): rows 1–4 → 3, rows 5–8 → 2, rows 9–12 → 1.
 *
 * F within R = 3 (rows 1–4, n = 4), F descending 5 (row 4), 3 (row 2), 2 (row 3), 1 (row 1):
 *   ranks 1, 2, 3, 4 → 3 − floor(0) = 3, 3 − floor(3/4) = 3, 3 − floor(6/4) = 2, 3 − floor(9/4) = 1.
 * F within R = 2 (rows 5–8, n = 4), F descending 4 (row 6), 2 (rows 7, 8 tied), 1 (row 5):
 *   average: row 6 rank 1 → 3; rows 7, 8 positions 2–3, rank 2.5 (2r = 5) → 3 − floor(9/8) = 2;
 *   row 5 rank 4 (2r = 8) → 3 − floor(18/8) = 1.
 *   first: row 7 rank 2 → 3 − floor(3/4) = 3; row 8 rank 3 → 3 − floor(6/4) = 2.
 * F within R = 1 (rows 9–12, n = 4), F descending 6 (row 9), 3 (row 11), 1 (rows 10, 12 tied):
 *   average: row 9 → 3; row 11 rank 2 → 3; rows 10, 12 rank 3.5 (2r = 7) → 3 − floor(15/8) = 2
 *   (a tie of 2 in a group of 4 is more than one band of 4/3: nobody in this R bin gets F = 1).
 *   first: row 10 rank 3 → 2; row 12 rank 4 → 1.
 *
 * M within each R × F cell (average):
 *   (3,3) rows 4 (300), 2 (200), n = 2: row 4 → 3; row 2 rank 2 → 3 − floor(3/2) = 2.
 *   (3,2) row 3 alone → 3.  (3,1) row 1 alone → 3.  (2,3) row 6 alone → 3.
 *   (2,2) rows 8 (120), 7 (80): row 8 → 3, row 7 → 2.  (2,1) row 5 alone → 3.
 *   (1,3) rows 9 (400), 11 (90): row 9 → 3, row 11 → 2.
 *   (1,2) rows 12 (70), 10 (60): row 12 → 3, row 10 → 2.
 * M within each cell (first): the cells change with F:
 *   (2,3) rows 6 (500), 7 (80): row 6 → 3, row 7 → 2.  (2,2) row 8 alone → 3.
 *   (1,2) row 10 alone → 3.  (1,1) row 12 alone → 3.  The other cells as above.
 */
const R = [5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110];
const F = [1, 3, 2, 5, 1, 4, 2, 2, 6, 1, 3, 1];
const M = [100, 200, 150, 300, 50, 500, 80, 120, 400, 60, 90, 70];

/** The table with an invalid row (M "n/a") inserted after row 6: it must not count in any group. */
function cells(): Record<'r' | 'f' | 'm', CellValue[]> {
  const insert = <T extends CellValue>(col: T[], bad: CellValue) => [...col.slice(0, 6), bad, ...col.slice(6)];
  return { r: insert(R, 55), f: insert(F, 2), m: insert(M, 'n/a') };
}

const nested = (over: Partial<Scheme> = {}) => schemeWith({ bins: 3, binning: 'nested', ...over });
/** Expected scores with null at the invalid row (position 6). */
const withGap = (scores: number[]) => [...scores.slice(0, 6), null, ...scores.slice(6)];

describe('nested binning, 12 customers by hand (k = 3)', () => {
  it('ties average: R over all, F within R bins, M within R × F cells', () => {
    const res = scoreTable(cells(), nested());
    expect(res.n).toBe(12);
    expect(scoresOf(res, 'r')).toEqual(withGap([3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1]));
    expect(scoresOf(res, 'f')).toEqual(withGap([1, 3, 2, 3, 1, 3, 2, 2, 3, 2, 3, 2]));
    expect(scoresOf(res, 'm')).toEqual(withGap([3, 2, 3, 3, 3, 3, 2, 3, 3, 2, 2, 3]));
    expect(res.grade[6]).toBe(-1);
  });

  it('ties first: tied rows in row order inside their R bin', () => {
    const res = scoreTable(cells(), nested({ ties: 'first' }));
    expect(scoresOf(res, 'r')).toEqual(withGap([3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1]));
    expect(scoresOf(res, 'f')).toEqual(withGap([1, 3, 2, 3, 1, 3, 3, 2, 3, 2, 3, 1]));
    expect(scoresOf(res, 'm')).toEqual(withGap([3, 2, 3, 3, 3, 3, 2, 3, 3, 3, 2, 3]));
  });

  it('independent binning on the same table differs (F over all 12)', () => {
    // F over all n = 12, descending: 6, 5, 4, 3, 3, 2, 2, 2, 1, 1, 1, 1.
    // F = 3 (rows 2, 11) positions 4–5, rank 4.5 (2r = 9): 3 − floor(3·7/24) = 3.
    // F = 2 (rows 3, 7, 8) positions 6–8, rank 7 (2r = 14): 3 − floor(36/24) = 2.
    // F = 1 (rows 1, 5, 10, 12) positions 9–12, rank 10.5 (2r = 21): 3 − floor(57/24) = 1.
    const res = scoreTable(cells(), schemeWith({ bins: 3 }));
    expect(scoresOf(res, 'f')).toEqual(withGap([1, 3, 2, 3, 1, 3, 2, 2, 3, 1, 3, 1]));
  });

  it('a tie inside a group too big for one band is warned about, counted over the groups', () => {
    // F: in R bin 2 the two rows with F = 2 (2 of 4 > 4/3), in R bin 1 the two with F = 1.
    const res = scoreTable(cells(), nested());
    const ties = res.warnings.filter((w) => w.kind === 'ties');
    expect(ties).toEqual([
      { kind: 'ties', metric: 'f', value: 1, count: 2, n: 12, emptyScores: [], byRowOrder: false },
      { kind: 'ties', metric: 'f', value: 2, count: 2, n: 12, emptyScores: [], byRowOrder: false },
    ]);
    expect(describeWarning(ties[0], 'en')).toContain('17%');
  });

  it('agrees with the reference implementation under every tie policy', () => {
    for (const ties of ['average', 'min', 'first'] as TiePolicy[]) {
      const scheme = nested({ ties });
      const res = scoreTable(cells(), scheme);
      const ref = refScoreTable(cells(), scheme);
      ref.rows.forEach((row, i) => expect([i, scoresOf(res, 'r')[i], scoresOf(res, 'f')[i], scoresOf(res, 'm')[i]]).toEqual([i, row.scores?.r ?? null, row.scores?.f ?? null, row.scores?.m ?? null]));
    }
  });
});

describe('groups smaller than k', () => {
  it('two customers, k = 5: R 5 and 3; alone in their R bin, each gets F 5 and M 5', () => {
    // R: n = 2, rank 1 → 5, rank 2 → 5 − floor(5·1/2) = 3. Each R bin holds one customer: rank 1 of 1 → 5.
    const res = scoreTable({ r: [10, 40], f: [1, 9], m: [5, 500] }, schemeWith({ binning: 'nested' }));
    expect(scoresOf(res, 'r')).toEqual([5, 3]);
    expect(scoresOf(res, 'f')).toEqual([5, 5]);
    expect(scoresOf(res, 'm')).toEqual([5, 5]);
  });

  it('a bin of 3 with k = 5 spreads its scores 5, 4, 2', () => {
    // All R equal: one R bin of n = 3 (average rank 2 → 5 − floor(5·1/3) = 4 for everyone).
    // F within it: ranks 1, 2, 3 → 5, 5 − floor(5/3) = 4, 5 − floor(10/3) = 2.
    const res = scoreTable({ r: [7, 7, 7], f: [3, 2, 1], m: [1, 1, 1] }, schemeWith({ binning: 'nested' }));
    expect(scoresOf(res, 'r')).toEqual([4, 4, 4]);
    expect(scoresOf(res, 'f')).toEqual([5, 4, 2]);
    // M: each (R, F) cell holds one customer → 5.
    expect(scoresOf(res, 'm')).toEqual([5, 5, 5]);
  });
});

describe('methods that do not depend on the group', () => {
  it('breaks and raw F/M score the same nested or not; quintile F is nested in the R cut-off bins', () => {
    // R breaks 30, 60: ≤ 30 → 3, 31–60 → 2, > 60 → 1 (rows 1–4 → 3, rows 5–7 → 2, rows 8–12 → 1).
    // F quintile (k = 3) within R bin 2 (rows 5, 6, 7; F 1, 4, 2; n = 3): ranks 3, 1, 2 → 1, 3, 2.
    // F within R bin 1 (rows 8–12; F 2, 6, 1, 3, 1; n = 5): descending 6 (row 9) rank 1 → 3;
    //   3 (row 11) rank 2 → 3 − floor(3/5) = 3; 2 (row 8) rank 3 → 3 − floor(6/5) = 2;
    //   1 (rows 10, 12) rank 4.5 (2r = 9) → 3 − floor(21/10) = 1.
    // F within R bin 3: as in the first table, 1, 3, 2, 3.
    const scheme = nested({ methods: { r: { kind: 'breaks', cutoffs: [30, 60] }, f: { kind: 'quintile' }, m: { kind: 'raw' } } });
    const res = scoreTable({ r: R, f: F, m: M }, scheme);
    expect(scoresOf(res, 'r')).toEqual([3, 3, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1]);
    expect(scoresOf(res, 'f')).toEqual([1, 3, 2, 3, 1, 3, 2, 2, 3, 1, 3, 1]);
    expect(scoresOf(res, 'm')).toEqual(M);

    const allFixed = nested({ methods: { r: { kind: 'breaks', cutoffs: [30, 60] }, f: { kind: 'breaks', cutoffs: [2, 4] }, m: { kind: 'raw' } } });
    const a = scoreTable({ r: R, f: F, m: M }, allFixed);
    const b = scoreTable({ r: R, f: F, m: M }, withBinning(allFixed, 'independent'));
    for (const m of ['r', 'f', 'm'] as const) expect(scoresOf(a, m)).toEqual(scoresOf(b, m));
  });

  it('raw R: every distinct R value is its own bin', () => {
    // R raw: bins {R=1: rows 1, 2}, {R=2: rows 3, 4}. F (k = 3) within each bin of 2: ranks 1, 2 → 3, 2.
    const res = scoreTable(
      { r: [1, 1, 2, 2], f: [5, 9, 9, 5], m: [1, 1, 1, 1] },
      nested({ methods: { r: { kind: 'raw' }, f: { kind: 'quintile' }, m: { kind: 'quintile' } } }),
    );
    expect(scoresOf(res, 'f')).toEqual([2, 3, 3, 2]);
  });
});

describe('large groups (counted and radix paths) agree with the reference', () => {
  it('3000 customers, five R bins of 600, every tie policy', () => {
    // A fixed pseudo-random table (no Math.random: the test must be repeatable).
    let x = 12345;
    const next = (mod: number) => ((x = (x * 1103515245 + 12345) % 2147483648), x % mod);
    const cols = { r: [] as number[], f: [] as number[], m: [] as number[] };
    for (let i = 0; i < 3000; i++) {
      cols.r.push(next(400));
      cols.f.push(next(12));
      cols.m.push(next(100000) / 100);
    }
    for (const ties of ['average', 'min', 'first'] as TiePolicy[]) {
      const scheme = schemeWith({ ties, binning: 'nested' });
      const res = scoreTable(cols, scheme);
      const ref = refScoreTable(cols, scheme);
      const mismatch = ref.rows.findIndex((row, i) => row.scores!.f !== res.scores.f[i] || row.scores!.m !== res.scores.m[i]);
      expect(mismatch).toBe(-1);
    }
  });
});

describe('the scheme field', () => {
  it('absent is independent; the text form; bad values are refused', () => {
    expect(parseBinningText('nested')).toBe('nested');
    expect(parseBinningText('independent')).toBe('independent');
    expectRfmError(() => parseBinningText('grouped'), 'scheme.badBinning');
    expectRfmError(() => validateScheme(schemeWith({ binning: 'x' as never })), 'scheme.badBinning');
    // Independent is written as no field, so saved schemes and records stay as they were.
    expect('binning' in withBinning(nested(), 'independent')).toBe(false);
    expect(withBinning(schemeWith(), 'nested').binning).toBe('nested');
  });

  it('a frozen scale cannot be used with nested binning', () => {
    const own = scoreTable({ r: R, f: F, m: M }, schemeWith());
    const scale = scaleOf(own, schemeWith());
    expectRfmError(() => scoreTable({ r: R, f: F, m: M }, nested(), { scale }), 'binning.frozen');
  });
});
