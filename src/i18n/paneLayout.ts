import type { MessageTable } from './index';

/**
 * Strings of the pane's layout (docs/pane.md): the one-line summaries of collapsed sections, the
 * footer, the mark on results made before the last change, and the column problems named at their
 * cause. zh follows the house style: full-width punctuation, no space between Chinese and Latin.
 */
const en = {
  'pane.range.fromCell': 'Only the cell {cell} was selected: the whole used range of the sheet is scored. Select the table itself to score part of the sheet.',
  'pane.columns.missingList': 'No column chosen for {metrics}.',
  'pane.columns.reasonFew': 'The range has only {count} columns; R, F and M need three.',
  'pane.columns.reasonNoNumeric': 'The range holds no numeric columns.',
  'pane.columns.reasonNoHeader': 'No header names them: choose them under Columns.',

  'pane.stale': 'Changed — run again',
  'pane.staleDetail': 'The range, columns, scheme or options changed after these results were made.',

  'pane.summary.weighted': 'Weighted {weights}',
  'pane.summary.additive': 'Additive',
  'pane.summary.quintile': 'quintiles',
  'pane.summary.bins': '{bins} bins',
  'pane.summary.breaks': 'cut-offs',
  'pane.summary.raw': 'raw values',
  'pane.summary.mixed': 'R {r} · F {f} · M {m}',
  'pane.summary.columns': 'R: {r} · F: {f} · M: {m}',
  'pane.summary.noColumns': 'Choose R, F and M',
  'pane.summary.none': 'None',
  'pane.summary.segments': 'Segment',
  'pane.summary.followUp': 'Follow-up',
  'pane.summary.scale': 'earlier scale',
  'pane.summary.previous': 'vs previous period',
  'pane.summary.values': 'Values',
  'pane.summary.formulas': 'Live formulas',
  'pane.footer.label': 'Preview and run',

  'pane.grades.fitProblem': 'With these thresholds: {distribution}.',
  'pane.grades.suggestion': 'From the RFM scores of this table, the thresholds {grades} would give: {distribution}.',
  'pane.grades.use': 'Use these thresholds',
  'pane.grades.check': 'Raw values are added as they are, so these thresholds may not fit your data. Suggest thresholds reads the table (nothing is written) and shows the distribution.',
  'pane.grades.suggest': 'Suggest thresholds',
  'pane.grades.item': '{label} {count}',

  'pane.preview.rawItem': '{metric} = {value}: {count} customers',
  'pane.warn.tiesGap': '{metric}: {groups}, so no one can score {scores}',
  'pane.warn.tiesGroup': '{share} of customers share {metric} = {value}',
  'pane.warn.tiesJoin': ' and ',
};

const zh: Record<keyof typeof en, string> = {
  'pane.range.fromCell': '只选择了单元格{cell}：将对工作表已使用的整个区域评分。如只需评分部分数据，请选中该表格。',
  'pane.columns.missingList': '未选择{metrics}列。',
  'pane.columns.reasonFew': '所选区域只有{count}列，R、F、M需要三列。',
  'pane.columns.reasonNoNumeric': '所选区域没有数值列。',
  'pane.columns.reasonNoHeader': '没有表头指明这些列：请在“列”中选择。',

  'pane.stale': '设置已更改，请重新运行',
  'pane.staleDetail': '这些结果生成后，区域、列、评分标准或选项已更改。',

  'pane.summary.weighted': '加权{weights}',
  'pane.summary.additive': '直接相加',
  'pane.summary.quintile': '五分位',
  'pane.summary.bins': '分档数{bins}',
  'pane.summary.breaks': '分界值',
  'pane.summary.raw': '原始值',
  'pane.summary.mixed': 'R值{r} · F值{f} · M值{m}',
  'pane.summary.columns': 'R值：{r}列 · F值：{f}列 · M值：{m}列',
  'pane.summary.noColumns': '请选择R、F、M列',
  'pane.summary.none': '未添加',
  'pane.summary.segments': '客户分群',
  'pane.summary.followUp': '回访周期',
  'pane.summary.scale': '沿用早期评分标准',
  'pane.summary.previous': '与上期对比',
  'pane.summary.values': '数值',
  'pane.summary.formulas': '公式（自动重算）',
  'pane.footer.label': '预览与运行',

  'pane.grades.fitProblem': '按这些等级下限：{distribution}。',
  'pane.grades.suggestion': '按本表RFM得分的分位数，建议等级下限{grades}，将得到：{distribution}。',
  'pane.grades.use': '使用建议的等级下限',
  'pane.grades.check': '原始值直接参与计算，这些等级下限可能不适合你的数据。“建议等级下限”会读取表格（不写入任何内容）并显示分布。',
  'pane.grades.suggest': '建议等级下限',
  'pane.grades.item': '{label}级{count}人',

  'pane.preview.rawItem': '{metric}={value}：{count}位客户',
  'pane.warn.tiesGap': '{metric}：{groups}，因此没有客户能得{scores}分',
  'pane.warn.tiesGroup': '{share}的客户{metric}={value}',
  'pane.warn.tiesJoin': '，',
};

export const paneLayoutMessages: MessageTable<keyof typeof en> = { en, zh };
