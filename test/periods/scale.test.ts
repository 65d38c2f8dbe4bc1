/**
 * Frozen scales (docs/periods.md): the cut values a run used, scoring a later period on them, and the rule
 * that scoring unchanged data on its own frozen scale gives exactly the recomputed scores (ties
 * average and min), checked by hand and as a property over tables with many ties.
 */
import fc from 'fast-check';
import {
  bandsOf,
  defaultScheme,
  frozenScores,
  preset,
  scaleOf,
  scoreTable,
  validateScale,
  type Scale,
  type Scheme,
  type TiePolicy,
} from '../../src/core';
import { expectRfmError, list } from '../core/helpers';
import { OCTOBER, NOVEMBER } from './fixtures';

const MAOMING: Scheme = { ...preset('maoming'), grades: [{ label: 'A', min: '12' }, { label: 'B', min: '9' }, { label: 'C', min: '6' }, { label: 'D', min: null }] };

function columns(rows: (readonly [string, number, number, number])[]) {
  return { r: rows.map((x) => x[1]), f: rows.map((x) => x[2]), m: rows.map((x) => x[3]) };
}

describe('the scale a run used', () => {
  test('quintile bands: per score the lowest and highest value of its customers, best first', () => {
    const result = scoreTable(columns(OCTOBER), MAOMING);
    const scale = scaleOf(result, MAOMING);
    expect(scale.r).toEqual({
      kind: 'quintile',
      bands: [
        { score: 5, min: 2, max: 5, count: 2 },
        { score: 4, min: 9, max: 14, count: 2 },
        { score: 3, min: 20, max: 27, count: 2 },
        { score: 2, min: 35, max: 44, count: 2 },
        { score: 1, min: 54, max: 65, count: 2 },
      ],
    });
    expect(scale.m.kind === 'quintile' && scale.m.bands.map((b) => [b.score, b.min, b.max])).toEqual([
      [5, 8000, 9000],
      [4, 6000, 7000],
      [3, 4000, 5000],
      [2, 2000, 3000],
      [1, 500, 1000],
    ]);
    expect(scale.f).toEqual({ kind: 'raw' });
  });

  test('breaks keep their cut-offs; a score nobody got has no band', () => {
    const scheme = preset('template');
    const result = scoreTable({ r: [10, 40], f: [1, 12], m: [500, 20000] }, scheme);
    expect(scaleOf(result, scheme).r).toEqual({ kind: 'breaks', cutoffs: [30, 60, 90, 180] });
    // 6 customers: F 9 and 7 rank 1 and 2 → 5 − floor(5·0/6) = 5 − floor(5·1/6) = 5; four share F = 1 at
    // ranks 3–6, average 4.5 → 5 − floor(5·3.5/6) = 3. Scores 4, 2 and 1 are empty: no bands.
    const f = Float64Array.of(9, 7, 1, 1, 1, 1);
    const s = scoreTable({ r: [1, 2, 3, 4, 5, 6], f: list(f), m: [1, 2, 3, 4, 5, 6] }, defaultScheme()).scores.f;
    expect(bandsOf(f, s).map((b) => [b.score, b.min, b.max, b.count])).toEqual([
      [5, 7, 9, 2],
      [3, 1, 1, 4],
    ]);
  });
});

describe('scoring on a frozen scale', () => {
  const bandsR = [
    { score: 5, min: 2, max: 5, count: 2 },
    { score: 4, min: 9, max: 14, count: 2 },
    { score: 3, min: 20, max: 27, count: 2 },
    { score: 2, min: 35, max: 44, count: 2 },
    { score: 1, min: 54, max: 65, count: 2 },
  ];
  const bandsM = [
    { score: 5, min: 8000, max: 9000, count: 2 },
    { score: 4, min: 6000, max: 7000, count: 2 },
    { score: 3, min: 4000, max: 5000, count: 2 },
    { score: 2, min: 2000, max: 3000, count: 2 },
    { score: 1, min: 500, max: 1000, count: 2 },
  ];

  test('smaller is better (R): the best score whose highest value is not exceeded; gaps take the worse score', () => {
    const v = Float64Array.of(1, 2, 5, 6, 9, 14, 15, 27, 30, 44, 50, 54, 65, 66, 1000);
    const f = frozenScores(v, true, bandsR);
    expect(list(f.scores)).toEqual([5, 5, 5, 4, 4, 4, 3, 3, 2, 2, 1, 1, 1, 1, 1]);
    expect(f.outside).toEqual({ better: 1, worse: 2 });
  });

  test('larger is better (M): the best score whose lowest value is reached; gaps take the worse score', () => {
    const v = Float64Array.of(20000, 9000, 8000, 7999, 7000, 6000, 5500, 4000, 3000, 1000, 999, 500, 499, 0);
    const f = frozenScores(v, false, bandsM);
    expect(list(f.scores)).toEqual([5, 5, 5, 4, 4, 4, 3, 3, 2, 1, 1, 1, 1, 1]);
    expect(f.outside).toEqual({ better: 1, worse: 2 });
  });

  test('November on October’s scale, through the engine (the hand-worked fixture)', () => {
    const october = scoreTable(columns(OCTOBER), MAOMING);
    const scale = scaleOf(october, MAOMING);
    const november = scoreTable(columns(NOVEMBER), MAOMING, { scale });
    expect(list(november.scores.r)).toEqual([1, 5, 2, 4, 4, 5, 3, 1, 2, 1, 5]);
    expect(list(november.scores.m)).toEqual([1, 5, 2, 3, 4, 5, 3, 2, 2, 1, 5]);
    expect(list(november.composite)).toEqual([2, 16, 6, 9, 12, 14, 9, 5, 6, 3, 17]);
    expect(november.frozen?.outside).toEqual({ r: { better: 1, worse: 1 }, f: { better: 0, worse: 0 }, m: { better: 1, worse: 1 } });
    // No ties warning on a frozen scale: the bands are not this period's quintiles.
    expect(november.warnings.filter((w) => w.kind === 'ties')).toEqual([]);
    // The record of the frozen run keeps October's bands, with November's counts.
    const kept = scaleOf(november, MAOMING, scale);
    expect(kept.r.kind === 'quintile' && kept.r.bands.map((b) => [b.min, b.max, b.count])).toEqual([
      [2, 5, 3],
      [9, 14, 2],
      [20, 27, 1],
      [35, 44, 2],
      [54, 65, 3],
    ]);
  });
});

describe('frozen scoring of unchanged data equals recomputed scoring', () => {
  test.each(['average', 'min'] as TiePolicy[])('ties %s, hand-made ties on every metric, k = 5 and 3', (ties) => {
    for (const bins of [5, 3]) {
      const scheme: Scheme = { ...defaultScheme(), ties, bins };
      const cols = {
        r: [3, 3, 3, 7, 7, 15, 30, 30, 30, 30, 60, 90, 1],
        f: [1, 1, 1, 1, 1, 1, 1, 2, 2, 5, 9, 9, 12],
        m: [100, 100, 250, 250, 250, 250, 999.5, 1000, 1000, 5000, 5000, 5000, 0],
      };
      const own = scoreTable(cols, scheme);
      const frozen = scoreTable(cols, scheme, { scale: scaleOf(own, scheme) });
      for (const m of ['r', 'f', 'm'] as const) expect([m, list(frozen.scores[m])]).toEqual([m, list(own.scores[m])]);
      expect(list(frozen.grade)).toEqual(list(own.grade));
      expect(frozen.frozen?.outside).toEqual({ r: { better: 0, worse: 0 }, f: { better: 0, worse: 0 }, m: { better: 0, worse: 0 } });
    }
  });

  test('property: any table with ties, any k, ties average or min', () => {
    const value = fc.integer({ min: 0, max: 12 }).map((x) => x * 2.5);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, value, value), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 2, max: 10 }),
        fc.constantFrom<TiePolicy>('average', 'min'),
        (rows, bins, ties) => {
          const scheme: Scheme = { ...defaultScheme(), bins, ties };
          const cols = { r: rows.map((x) => x[0]), f: rows.map((x) => x[1]), m: rows.map((x) => x[2]) };
          const own = scoreTable(cols, scheme);
          const scale = scaleOf(own, scheme);
          validateScale(scheme, scale);
          const frozen = scoreTable(cols, scheme, { scale });
          for (const m of ['r', 'f', 'm'] as const) {
            if (list(frozen.scores[m]).join() !== list(own.scores[m]).join()) return false;
          }
          return list(frozen.composite).join() === list(own.composite).join();
        },
      ),
      { numRuns: 300 },
    );
  });

  test('ties "first": a tie group split over two scores gets the better one on a frozen scale (documented)', () => {
    const scheme: Scheme = { ...defaultScheme(), ties: 'first' };
    // Five customers, F = 9, 5, 5, 5, 1: "first" gives the 5s scores 4, 3, 2 in row order.
    const cols = { r: [1, 2, 3, 4, 5], f: [9, 5, 5, 5, 1], m: [5, 4, 3, 2, 1] };
    const own = scoreTable(cols, scheme);
    expect(list(own.scores.f)).toEqual([5, 4, 3, 2, 1]);
    const frozen = scoreTable(cols, scheme, { scale: scaleOf(own, scheme) });
    expect(list(frozen.scores.f)).toEqual([5, 4, 4, 4, 1]);
  });
});

describe('a scale read back must fit its scheme', () => {
  const scheme = defaultScheme();
  const good = (): Scale => scaleOf(scoreTable({ r: [1, 2, 3], f: [3, 2, 1], m: [3, 2, 1] }, scheme), scheme);

  test('the scale of a run fits', () => {
    expect(() => validateScale(scheme, good())).not.toThrow();
  });

  test.each<[string, (s: Scale) => void]>([
    ['another method', (s) => (s.r = { kind: 'raw' })],
    ['no bands', (s) => (s.f = { kind: 'quintile', bands: [] })],
    ['a score above k', (s) => s.m.kind === 'quintile' && (s.m.bands[0].score = 6)],
    ['scores not best first', (s) => s.m.kind === 'quintile' && s.m.bands.reverse()],
    ['overlapping bands', (s) => s.r.kind === 'quintile' && (s.r.bands[0].max = 2.5)],
    ['min above max', (s) => s.m.kind === 'quintile' && (s.m.bands[1].min = 99)],
    ['a value that is not a number', (s) => s.m.kind === 'quintile' && ((s.m.bands[1] as { min: unknown }).min = '2')],
  ])('%s is refused', (_, spoil) => {
    const s = good();
    spoil(s);
    expectRfmError(() => validateScale(scheme, s), 'period.badScale');
  });

  test('breaks must be the scheme’s cut-offs', () => {
    const t = preset('template');
    const s = scaleOf(scoreTable({ r: [1], f: [1], m: [1] }, t), t);
    if (s.r.kind === 'breaks') s.r.cutoffs = [30, 60, 90, 200];
    expectRfmError(() => validateScale(t, s), 'period.badScale');
  });
});
