/**
 * Tie-collapse advice in the pane (src/taskpane/state/tieFixes.ts): the fixes per metric and "Use this"
 * through the reducer. The table is the hand-worked one of test/core/tieFixes.test.ts: F = 1 ×6,
 * 2 ×2, 3, 5 with k = 5 leaves F scores 1 and 3 empty; the fixes are 2 bins, cut-offs 2,3,5, ties first.
 */
import { buildScheme } from '../../../src/taskpane/form';
import { initialPaneState, paneReducer } from '../../../src/taskpane/state/pane';
import { tieFixesByMetric, tieFixPatch } from '../../../src/taskpane/state/tieFixes';
import { scoreTable, type Scheme } from '../../../src/core';

const F = [1, 2, 1, 1, 3, 1, 5, 2, 1, 1];
const R = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const M = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

function previewed() {
  const state = initialPaneState('en'); // the Shanghai preset: k = 5, ties average
  const scheme = state.built.scheme as Scheme;
  const result = scoreTable({ r: R, f: F, m: M }, scheme);
  return { state, scheme, result, fixes: tieFixesByMetric(result, scheme) };
}

test('only F has fixes; R and M have no ties', () => {
  const { fixes } = previewed();
  expect(Object.keys(fixes)).toEqual(['f']);
  expect(fixes.f!.map((f) => [f.kind, f.counts])).toEqual([
    ['bins', [6, 4]],
    ['breaks', [6, 2, 1, 1]],
    ['first', [2, 2, 2, 2, 2]],
  ]);
});

test('"Use this" patches only the field the fix changes, and the form then builds the fixed scheme', () => {
  const { state, scheme, fixes } = previewed();
  const [bins, breaks, first] = fixes.f!;
  expect(tieFixPatch(bins, scheme, state.scheme)).toEqual({ bins: '2' });
  expect(tieFixPatch(first, scheme, state.scheme)).toEqual({ ties: 'first' });
  const patch = tieFixPatch(breaks, scheme, state.scheme);
  expect(patch).toEqual({ methods: { ...state.scheme.methods, f: { kind: 'breaks', cutoffs: '2,3,5' } } });

  for (const fix of fixes.f!) {
    const next = paneReducer(state, { type: 'scheme', patch: tieFixPatch(fix, scheme, state.scheme) });
    expect(next.built.scheme).toEqual(fix.scheme);
    expect(next.scheme.preset).toBe('custom');
    expect(next.inputs).toBe(state.inputs + 1); // the preview is now out of date
  }
});

test('edits made since the preview stay', () => {
  const { state, scheme, fixes } = previewed();
  const edited = paneReducer(state, { type: 'scheme', patch: { grades: 'A:4.5,B:3,C:2,D', methods: { ...state.scheme.methods, m: { kind: 'breaks', cutoffs: '50' } } } });
  const next = paneReducer(edited, { type: 'scheme', patch: tieFixPatch(fixes.f![1], scheme, edited.scheme) });
  expect(next.scheme.grades).toBe('A:4.5,B:3,C:2,D');
  expect(next.scheme.methods.m).toEqual({ kind: 'breaks', cutoffs: '50' });
  expect(next.scheme.methods.f).toEqual({ kind: 'breaks', cutoffs: '2,3,5' });
  expect(buildScheme(next.scheme).errors).toEqual({});
});
