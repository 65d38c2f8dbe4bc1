/** Column problems named at their cause (src/taskpane/state/problems.ts): every missing column and why. */
import { EMPTY_COLUMNS, detectForm } from '../../../src/taskpane/form';
import { columnsProblem, missingMetrics } from '../../../src/taskpane/state/problems';

describe('columnsProblem', () => {
  test('two text columns (B:C of the sample): R, F and M named, and the range too narrow', () => {
    const form = detectForm(['地区', '分析时间']);
    expect(missingMetrics(form)).toEqual(['r', 'f', 'm']);
    const problem = columnsProblem(form, ['地区', '分析时间'], 2);
    expect(problem('en')).toBe('No column chosen for R, F, M. The range has only 2 columns; R, F and M need three.');
    expect(problem('zh')).toBe('未选择R、F、M列。所选区域只有2列，R、F、M需要三列。');
  });

  test('no header and no number in the first row: no numeric columns', () => {
    const form = { ...EMPTY_COLUMNS, header: false };
    expect(columnsProblem(form, ['a', 'b', 'c', 'd'], 4)('en')).toBe('No column chosen for R, F, M. The range holds no numeric columns.');
  });

  test('a header naming only some: the others are named', () => {
    const row = ['ID', 'Recency', 'Region', 'Note'];
    const form = detectForm(row);
    expect(missingMetrics(form)).toEqual(['f', 'm']);
    expect(columnsProblem(form, row, 4)('en')).toBe('No column chosen for F, M. No header names them: choose them under Columns.');
  });
});
