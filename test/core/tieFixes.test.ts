/**
 * Tie-collapse advice (src/core/tieFixes.ts, docs/tie-advice.md). Every expected distribution below
 * is worked out by hand in the comments (score = k − floor(k·(rank − 1)/n), ranks best first).
 */
import {
  describeTieFix,
  describeTieFixCounts,
  engineCounts,
  groupValues,
  scoreTable,
  tieFixes,
  TIE_FIX_RULES,
  type Metric,
  type Scheme,
  type ScoreResult,
  type TieFix,
  type Warning,
} from '../../src/core';
import { schemeWith } from './helpers';

type TiesWarning = Extract<Warning, { kind: 'ties' }>;

const spread = (n: number, from: number, step: number) => Array.from({ length: n }, (_, i) => from + i * step);

function scored(metric: Metric, values: number[], scheme: Scheme): ScoreResult {
  const n = values.length;
  const columns = { r: spread(n, 1, 1), f: spread(n, 1, 1), m: spread(n, 10, 10), [metric]: values };
  return scoreTable(columns, scheme);
}

function tiesWarning(result: ScoreResult, metric: Metric): TiesWarning {
  const w = result.warnings.find((x): x is TiesWarning => x.kind === 'ties' && x.metric === metric);
  if (!w) throw new Error(`no ties warning for ${metric}`);
  return w;
}

const byKind = (fixes: TieFix[], kind: string) => fixes.find((f) => f.kind === kind);

describe('F: 60% bought once (ten customers, k = 5, ties average)', () => {
  // F = 1 ×6, 2 ×2, 3, 5. Average ranks best first: 5 → 1, 3 → 2, 2 → 3.5, 1 → 7.5.
  // k = 5: 5 − floor(5·0/10) = 5; 5 − floor(5·1/10) = 5; 5 − floor(12.5/10) = 4; 5 − floor(32.5/10) = 2.
  // Scores 5 ×2, 4 ×2, 2 ×6: no one scores 1 or 3.
  const F = [1, 2, 1, 1, 3, 1, 5, 2, 1, 1];
  const scheme = schemeWith();
  const result = scored('f', F, scheme);
  const warning = tiesWarning(result, 'f');
  const fixes = tieFixes(result, scheme, warning);

  test('the warning: the tie group of 1 leaves 1 and 3 empty', () => {
    expect(warning).toMatchObject({ value: 1, count: 6, emptyScores: [1, 3] });
  });

  test('offers fewer bins, cut-offs and ties by row order, in that order', () => {
    expect(fixes.map((f) => f.kind)).toEqual(['bins', 'breaks', 'first']);
    expect(fixes.every((f) => f.metric === 'f')).toBe(true);
  });

  test('fewer bins: k = 4 and 3 still leave 1 empty, k = 2 fills both', () => {
    // k = 4: 4, 4 − floor(0.4) = 4, 4 − floor(1) = 3, 4 − floor(2.6) = 2 → nobody at 1.
    // k = 3: 3, 3, 3 − floor(0.75) = 3, 3 − floor(1.95) = 2 → nobody at 1.
    // k = 2: 2, 2, 2 − floor(0.5) = 2, 2 − floor(1.3) = 1 → 1 ×6, 2 ×4.
    const fix = byKind(fixes, 'bins')!;
    expect(fix.scheme.bins).toBe(2);
    expect(fix.counts).toEqual([6, 4]);
    expect(fix.emptyScores).toEqual([]);
    expect(fix.cli).toBe('--bins 2');
    expect(fix.scheme.ties).toBe('average');
    expect(fix.scheme.methods.f).toEqual({ kind: 'quintile' });
  });

  test('cut-offs: four distinct values (≤ k), each its own score', () => {
    // cut-offs 2, 3, 5: F 1 → 1, 2 → 2, 3 → 3, 5 → 4; scores 1..4.
    const fix = byKind(fixes, 'breaks')!;
    expect(fix.scheme.methods.f).toEqual({ kind: 'breaks', cutoffs: [2, 3, 5] });
    expect(fix.counts).toEqual([6, 2, 1, 1]);
    expect(fix.emptyScores).toEqual([]);
    expect(fix.cli).toBe('--f-method breaks:2,3,5');
    expect(fix.params).toEqual({ cutoffs: '2,3,5', top: 4 });
    // the other metrics keep their method
    expect(fix.scheme.methods.r).toEqual({ kind: 'quintile' });
  });

  test('first: positions 1..10 give two customers per score', () => {
    // 5 − floor(5·(p − 1)/10): p 1–2 → 5, 3–4 → 4, 5–6 → 3, 7–8 → 2, 9–10 → 1.
    const fix = byKind(fixes, 'first')!;
    expect(fix.scheme.ties).toBe('first');
    expect(fix.counts).toEqual([2, 2, 2, 2, 2]);
    expect(fix.cli).toBe('--ties first');
  });

  test('descriptions in both languages; first says equal values get different scores', () => {
    // 2 bins: every score ≤ 2, so the weighted RFM score ≤ 2 and A (≥ 4), B (≥ 3) cannot occur
    expect(byKind(fixes, 'bins')!.gradesLost).toEqual(['A', 'B']);
    expect(describeTieFix(byKind(fixes, 'bins')!, 'en')).toBe(
      '2 bins instead of 5 (for every metric scored in quintiles); then no one can reach A, B: adjust the grade thresholds',
    );
    // cut-offs: F at most 4, the top RFM score 0.3·5 + 0.3·4 + 0.4·5 = 4.7 still reaches A
    expect(byKind(fixes, 'breaks')!.gradesLost).toEqual([]);
    expect(byKind(fixes, 'first')!.gradesLost).toEqual([]);
    expect(describeTieFix(byKind(fixes, 'breaks')!, 'en')).toBe('Fixed cut-offs for F: 2,3,5 (scores 1–4)');
    expect(describeTieFix(byKind(fixes, 'first')!, 'en')).toContain('equal values then get different scores');
    expect(describeTieFix(byKind(fixes, 'bins')!, 'zh')).toBe('分档数由5改为2（对所有按五分位评分的指标生效）；此后无人能达到A、B级：需调整等级下限');
    expect(describeTieFix(byKind(fixes, 'breaks')!, 'zh')).toBe('F值改用固定分界值2,3,5（得分1–4）');
    expect(describeTieFixCounts(byKind(fixes, 'bins')!, 'en')).toBe('F scores: 2 → 4 (40%), 1 → 6 (60%)');
  });
});

describe('R: recent buyers tied (lower is better)', () => {
  // R = 5 ×6, 10, 20, 30, 40; best first 5 (ranks 1–6, average 3.5), 10 → 7, 20 → 8, 30 → 9, 40 → 10.
  // k = 5: 5 − floor(12.5/10) = 4, 5 − floor(30/10) = 2, 5 − floor(3.5) = 2, 5 − floor(4) = 1, 5 − floor(4.5) = 1.
  // Scores 4 ×6, 2 ×2, 1 ×2: no one scores 3 or 5.
  const R = [5, 5, 40, 5, 10, 5, 30, 5, 20, 5];
  const scheme = schemeWith();
  const result = scored('r', R, scheme);
  const warning = tiesWarning(result, 'r');
  const fixes = tieFixes(result, scheme, warning);

  test('the warning', () => {
    expect(warning).toMatchObject({ value: 5, count: 6, emptyScores: [3, 5] });
  });

  test('fewer bins: k = 4 leaves 4 empty, k = 3 fills every score', () => {
    // k = 4: 5 → 4 − floor(10/10) = 3, so nobody at 4.
    // k = 3: 5 → 3 − floor(0.75) = 3; 10 → 3 − floor(1.8) = 2; 20 → 3 − floor(2.1) = 1; 30, 40 → 1.
    const fix = byKind(fixes, 'bins')!;
    expect(fix.scheme.bins).toBe(3);
    expect(fix.counts).toEqual([3, 1, 6]);
  });

  test('cut-offs: five distinct values, lower is better, so v ≤ t counts', () => {
    // cut-offs 5, 10, 20, 30: R 5 → 5, 10 → 4, 20 → 3, 30 → 2, 40 → 1.
    const fix = byKind(fixes, 'breaks')!;
    expect(fix.scheme.methods.r).toEqual({ kind: 'breaks', cutoffs: [5, 10, 20, 30] });
    expect(fix.counts).toEqual([1, 1, 1, 1, 6]);
    expect(fix.cli).toBe('--r-method breaks:5,10,20,30');
  });
});

describe('more distinct values than bins: cut-offs share the customers', () => {
  // F = 1 ×6, 2, 3, 4, 5 with k = 3. Average: 1 → rank 7.5 → 3 − floor(1.95) = 2; 2 → rank 4 →
  // 3 − floor(0.9) = 3; 3, 4, 5 → 3. Scores 3 ×4, 2 ×6: no one scores 1.
  const F = [1, 1, 2, 1, 3, 1, 4, 1, 5, 1];
  const scheme = schemeWith({ bins: 3 });
  const result = scored('f', F, scheme);
  const warning = tiesWarning(result, 'f');
  const fixes = tieFixes(result, scheme, warning);

  test('the warning', () => {
    expect(warning.emptyScores).toEqual([1]);
  });

  test('cut-offs 2 and 4', () => {
    // Worst first 1 (6), 2, 3, 4, 5; customers before each: 0, 6, 7, 8, 9.
    // Band 1 ends nearest 10/3 ≈ 3.3 → after 1 (6). Band 2 nearest 6 + 4/2 = 8 → after 3.
    // So 1 → 1 (6), 2–3 → 2 (2), 4–5 → 3 (2).
    const fix = byKind(fixes, 'breaks')!;
    expect(fix.scheme.methods.f).toEqual({ kind: 'breaks', cutoffs: [2, 4] });
    expect(fix.counts).toEqual([6, 2, 2]);
    expect(fix.params.top).toBe(3);
  });

  test('fewer bins: k = 2', () => {
    // k = 2: 1 → 2 − floor(1.3) = 1; 2 → 2 − floor(0.6) = 2 → 1 ×6, 2 ×4.
    expect(byKind(fixes, 'bins')!.counts).toEqual([6, 4]);
  });

  test('first: 3 − floor(3·(p − 1)/10): p 1–4 → 3, 5–7 → 2, 8–10 → 1', () => {
    expect(byKind(fixes, 'first')!.counts).toEqual([3, 3, 4]);
  });
});

describe('when nothing can be fixed or nothing needs fixing', () => {
  test('min ties: no bins below k help, only cut-offs and first', () => {
    // F = 1 ×8, 2, 3 with ties min: 1 → rank 3 (min of 3..10). k = 5 → 5 − floor(1) = 4.
    // k = 4 → 4 − floor(0.8) = 4; 3 → 3 − floor(0.6) = 3; 2 → 2 − floor(0.4) = 2: value 1 stays at the
    // top score with 3 and 2, so score 1 is always empty: no bins fix.
    const scheme = schemeWith({ ties: 'min' });
    const result = scored('f', [1, 1, 1, 1, 1, 1, 1, 1, 2, 3], scheme);
    const fixes = tieFixes(result, scheme, tiesWarning(result, 'f'));
    expect(fixes.map((f) => f.kind)).toEqual(['breaks', 'first']);
    // 1 → 1, 2 → 2, 3 → 3
    expect(byKind(fixes, 'breaks')!.counts).toEqual([8, 1, 1]);
  });

  test('uneven bands with no empty score get no fixes', () => {
    // F = 1 ×3, 2 .. 8 with k = 5: the group of 3 (> n/k = 2) holds ranks 8–10 → average 9 → 5 − 4 = 1.
    const scheme = schemeWith();
    const result = scored('f', [1, 1, 1, 2, 3, 4, 5, 6, 7, 8], scheme);
    const w = tiesWarning(result, 'f');
    expect(w.emptyScores).toEqual([]);
    expect(tieFixes(result, scheme, w)).toEqual([]);
  });

  test('values that are not small decimals (sorted, not counted) give the same fixes', () => {
    // the first table divided by 3: same order, same ties, cut-offs 2/3, 1, 5/3
    const scheme = schemeWith();
    const result = scored('f', [1, 2, 1, 1, 3, 1, 5, 2, 1, 1].map((v) => v / 3), scheme);
    const fixes = tieFixes(result, scheme, tiesWarning(result, 'f'));
    expect(byKind(fixes, 'breaks')!.scheme.methods.f).toEqual({ kind: 'breaks', cutoffs: [2 / 3, 1, 5 / 3] });
    expect(byKind(fixes, 'breaks')!.counts).toEqual([6, 2, 1, 1]);
    expect(byKind(fixes, 'bins')!.counts).toEqual([6, 4]);
  });

  test('invalid rows are not counted', () => {
    // the same F as the first table plus two rows with a bad M: the fixes are unchanged
    const scheme = schemeWith();
    const F = [1, 2, 1, 1, 3, 1, 5, 2, 1, 1, 9, 9];
    const result = scoreTable({ r: spread(12, 1, 1), f: F, m: [...spread(10, 10, 10), -1, 'x'] }, scheme);
    const fixes = tieFixes(result, scheme, tiesWarning(result, 'f'));
    expect(groupValues(result, 'f').n).toBe(10);
    expect(byKind(fixes, 'breaks')!.counts).toEqual([6, 2, 1, 1]);
  });
});

describe('a new kind of fix is one more rule', () => {
  test('a rule with engineCounts gets the whole engine’s distribution', () => {
    const scheme = schemeWith();
    const result = scored('f', [1, 2, 1, 1, 3, 1, 5, 2, 1, 1], scheme);
    const rules = [
      ...TIE_FIX_RULES,
      { kind: 'bins', propose: () => ({ scheme: { ...scheme, bins: 2 }, params: { bins: 2, from: 5 }, cli: '--bins 2' }), counts: engineCounts },
    ];
    const fixes = tieFixes(result, scheme, tiesWarning(result, 'f'), rules);
    expect(fixes).toHaveLength(4);
    expect(fixes[3].counts).toEqual([6, 4]); // as the bins rule above, by hand
  });
});

describe('agrees with a run of the fixed scheme', () => {
  // Tie-heavy tables (pseudo-random, seeded): every fix's counts are the distribution the engine gives.
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let trial = 0; trial < 30; trial++) {
    const n = 20 + Math.floor(rand() * 200);
    const metric = (['r', 'f', 'm'] as const)[trial % 3];
    const heavy = Math.floor(rand() * 5) + 1;
    const values = Array.from({ length: n }, () => (rand() < 0.5 + rand() * 0.4 ? heavy : Math.floor(rand() * 30) + 1));
    const scheme = schemeWith({ bins: 3 + (trial % 6), ties: trial % 2 ? 'average' : 'min' });
    const result = scored(metric, values, scheme);
    const warning = result.warnings.find((w): w is TiesWarning => w.kind === 'ties' && w.metric === metric && w.emptyScores.length > 0);
    if (!warning) continue;
    test(`table ${trial}: ${metric.toUpperCase()}, n = ${n}, k = ${scheme.bins}, ${scheme.ties}`, () => {
      for (const fix of tieFixes(result, scheme, warning)) {
        const again = scoreTable({ r: result.values.r, f: result.values.f, m: result.values.m }, fix.scheme);
        const counts = new Array<number>(fix.counts.length).fill(0);
        for (const d of again.distributions[metric]) counts[d.score - 1] = d.count;
        expect(fix.counts).toEqual(counts);
        expect(fix.emptyScores).toEqual([]);
      }
    });
  }
});
