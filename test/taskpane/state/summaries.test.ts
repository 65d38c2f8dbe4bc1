/** The one-line summaries of collapsed sections (src/taskpane/state/summaries.ts). */
import { EMPTY_COLUMNS, presetForm } from '../../../src/taskpane/form';
import { DEFAULT_INSIGHT } from '../../../src/taskpane/insight';
import { initialPaneState, paneReducer } from '../../../src/taskpane/state/pane';
import { columnsSummary, insightSummary, schemeSummary } from '../../../src/taskpane/state/summaries';

describe('schemeSummary', () => {
  test('the default scheme in both languages', () => {
    const s = initialPaneState('en');
    expect(schemeSummary('en', s.scheme, s.built)).toBe('Weighted 0.3/0.3/0.4 · quintiles · A ≥ 4');
    expect(schemeSummary('zh', s.scheme, s.built)).toBe('加权0.3/0.3/0.4 · 五分位 · A ≥ 4');
  });

  test('Maoming: additive, mixed methods', () => {
    const s = paneReducer(initialPaneState('en'), { type: 'preset', choice: 'maoming' });
    expect(s.scheme).toEqual(presetForm('maoming'));
    expect(schemeSummary('en', s.scheme, s.built)).toBe('Additive · R quintiles · F raw values · M quintiles · A ≥ 4');
  });

  test('nested binning is named in both languages', () => {
    const s = paneReducer(initialPaneState('en'), { type: 'scheme', patch: { binning: 'nested' } });
    expect(schemeSummary('en', s.scheme, s.built)).toBe('Weighted 0.3/0.3/0.4 · quintiles · nested binning · A ≥ 4');
    expect(schemeSummary('zh', s.scheme, s.built)).toBe('加权0.3/0.3/0.4 · 五分位 · 嵌套分档 · A ≥ 4');
  });

  test('a scheme that does not parse shows the grades as typed', () => {
    const s = paneReducer(initialPaneState('en'), { type: 'scheme', patch: { grades: 'A:x,B', bins: '4' } });
    expect(s.built.scheme).toBeUndefined();
    expect(schemeSummary('en', s.scheme, s.built)).toBe('Weighted 0.3/0.3/0.4 · 4 bins · A:x,B');
  });
});

test('columnsSummary names the sheet letters, or asks for the columns', () => {
  expect(columnsSummary('en', { ...EMPTY_COLUMNS, columns: { r: 0, f: 1, m: 2 } }, 3)).toBe('R: D · F: E · M: F');
  expect(columnsSummary('zh', EMPTY_COLUMNS, 0)).toBe('请选择R、F、M列');
});

test('insightSummary', () => {
  expect(insightSummary('en', DEFAULT_INSIGHT)).toBe('None');
  expect(insightSummary('zh', { ...DEFAULT_INSIGHT, segments: true, followUp: true })).toBe('客户分群 · 回访周期');
});
