/** The pane's insight form → the engine's InsightOptions (src/taskpane/insight.ts). */
import { defaultScheme, parseGradesText } from '../../src/core';
import { DEFAULT_INSIGHT, insightOptions } from '../../src/taskpane/insight';

test('nothing asked: no options at all', () => {
  expect(insightOptions(DEFAULT_INSIGHT, defaultScheme(), 'en')).toBeUndefined();
});

test('segments carry their reference and basis', () => {
  expect(insightOptions({ ...DEFAULT_INSIGHT, segments: true, reference: 'median', basis: 'values' }, defaultScheme(), 'en')).toEqual({
    segments: { reference: 'median', basis: 'values' },
  });
});

test('follow-up: no typed label keeps `true` (the cadence in the language of whoever shows it)', () => {
  expect(insightOptions({ ...DEFAULT_INSIGHT, followUp: true, labels: ['', '  '] }, defaultScheme(), 'zh')).toEqual({ followUp: true });
});

test('follow-up: typed labels win, blank ones are the default cadence, one per grade of the scheme', () => {
  const form = { ...DEFAULT_INSIGHT, followUp: true, labels: [' Weekly ', '', 'ignored? no: C', 'D label', 'beyond the grades'] };
  expect(insightOptions(form, defaultScheme(), 'en')).toEqual({ followUp: ['Weekly', 'Quarterly', 'ignored? no: C', 'D label'] });
  const three = { ...defaultScheme(), grades: parseGradesText('Gold:4,Silver:3,Bronze') };
  expect(insightOptions({ ...form, labels: ['', '隔周'] }, three, 'zh')).toEqual({ followUp: ['每月', '隔周', '每半年'] });
});
