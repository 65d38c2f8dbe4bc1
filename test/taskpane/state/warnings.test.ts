/** The pane's warning lines (src/taskpane/state/warnings.ts): one line per gap. */
import type { Warning } from '../../../src/core';
import { warningLines } from '../../../src/taskpane/state/warnings';

const tie = (value: number, count: number, emptyScores: number[], metric: 'f' | 'm' = 'f'): Warning => ({
  kind: 'ties',
  metric,
  value,
  count,
  n: 100,
  emptyScores,
  byRowOrder: false,
});

describe('warningLines', () => {
  test('two ties of F describing one gap are one line naming both values', () => {
    const lines = warningLines([tie(1, 40, [2]), tie(2, 25, [2])], 'en');
    expect(lines).toEqual([{ text: 'F: 40% of customers share F = 1 and 25% of customers share F = 2, so no one can score 2', metric: 'f' }]);
    expect(warningLines([tie(1, 40, [2]), tie(2, 25, [2])], 'zh')[0].text).toBe('F：40%的客户F=1，25%的客户F=2，因此没有客户能得2分');
  });

  test('different metrics and other warnings stay separate, in order', () => {
    const unreachable: Warning = { kind: 'gradeUnreachable', label: 'D', min: '', scaleMin: 3, scaleMax: 15 };
    const lines = warningLines([tie(1, 40, [2]), tie(0, 30, [1], 'm'), unreachable, tie(2, 25, [2])], 'en');
    expect(lines.map((l) => l.metric)).toEqual(['f', 'm', undefined]);
    expect(lines[0].text).toContain('F = 2');
  });

  test('a single tie keeps the engine’s own wording', () => {
    expect(warningLines([tie(1, 40, [2, 3])], 'en')[0].text).toBe('F: 40% of customers share F = 1, so no one can score 2, 3');
  });
});
