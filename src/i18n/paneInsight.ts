import type { MessageTable } from './index';

/**
 * The task pane's insight part (docs/insight.md): the Segment / Follow-up options, the small charts after a
 * run and "Create summary" (src/taskpane/components/InsightSection.tsx, SummarySection.tsx,
 * SummaryCharts.tsx; src/excel/summary.ts). Segment, cadence and summary labels themselves are in
 * insight.ts.
 */
const en = {
  'paneInsight.heading': 'Segments and follow-up',
  'paneInsight.segments': 'Add the Segment column (eight segments, or a segment map)',
  'paneInsight.reference': 'Reference for high and low',
  'paneInsight.reference.mean': 'Mean',
  'paneInsight.reference.median': 'Median',
  'paneInsight.basis': 'Compared on',
  'paneInsight.basis.scores': 'Scores',
  'paneInsight.basis.values': 'Values (a smaller R is better)',
  'paneInsight.followUp': 'Add the Follow-up column (cadence per grade)',
  'paneInsight.followUp.label': 'Follow-up for grade {label}',
  'paneInsight.followUp.grade': 'Grade {label}',
  'paneInsight.followUp.hint': 'A blank label is the default cadence shown in it.',
  'paneInsight.hint': 'Both columns go after Grade; a re-run replaces them with the rest of the output.',

  'paneInsight.summary.heading': 'Summary and charts',
  'paneInsight.summary.none': 'Run first: the charts and the summary describe what was written.',
  'paneInsight.summary.create': 'Create summary',
  'paneInsight.summary.hint':
    'Adds a new sheet with the tables per grade and per segment, the R × F matrix and the score distributions, and native Excel charts.',
  'paneInsight.summary.creating': 'Creating the summary…',
  'paneInsight.summary.done': 'The summary is on the new sheet “{sheet}”: {tables} tables, {charts} charts.',
  'paneInsight.summary.tooLarge':
    'The summary is too large to write at once ({cells} cells): raw scores with many different values make long tables. Score with quintiles or cut-offs for a summary.',

  'paneInsight.thresholds': 'Segments: high when {parts} ({reference} of the {basis}).',
  'paneInsight.thresholds.scores': 'scores',
  'paneInsight.thresholds.values': 'values',
  'paneInsight.thresholds.mean': 'mean',
  'paneInsight.thresholds.median': 'median',

  'paneInsight.chart.grades': 'Customers by grade',
  'paneInsight.chart.segments': 'Customers and M by segment',
  'paneInsight.chart.customerShare': 'Share of customers',
  'paneInsight.chart.mShare': 'Share of M',
  'paneInsight.chart.heatmap': 'Customers by R score × F score',
  'paneInsight.chart.heatmapCell': 'R {r}, F {f}: {count} customers, mean M {mean}',
  'paneInsight.chart.distribution': 'Score distribution',
  'paneInsight.chart.bar': '{label}: {count} ({share})',
  'paneInsight.chart.segmentBar': '{label}: {customers} of customers, {m} of M',

  'paneInsight.grid.charts': 'Charts on this sheet',
  'paneInsight.grid.chart': '{title} ({type}, {cells}): {series}',
};

export const paneInsightMessages: MessageTable<keyof typeof en> = {
  en,
  zh: {
    'paneInsight.heading': '客户分群与回访',
    'paneInsight.segments': '添加“客户分群”列（八类客户，或自定义分群规则）',
    'paneInsight.reference': '高低的判断标准',
    'paneInsight.reference.mean': '平均值',
    'paneInsight.reference.median': '中位数',
    'paneInsight.basis': '比较对象',
    'paneInsight.basis.scores': '得分',
    'paneInsight.basis.values': '原始值（R值越小越好）',
    'paneInsight.followUp': '添加“回访周期”列（按客户等级）',
    'paneInsight.followUp.label': '{label}级客户的回访周期',
    'paneInsight.followUp.grade': '{label}级',
    'paneInsight.followUp.hint': '留空即使用框中显示的默认回访周期。',
    'paneInsight.hint': '这两列写在“客户等级”列之后；重新运行时与其他输出列一起替换。',

    'paneInsight.summary.heading': '汇总与图表',
    'paneInsight.summary.none': '请先运行：图表和汇总表都基于已写入的结果。',
    'paneInsight.summary.create': '生成汇总表',
    'paneInsight.summary.hint': '新建一个工作表，包括按客户等级和按客户分群的统计表、R × F矩阵、得分分布，以及Excel原生图表。',
    'paneInsight.summary.creating': '正在生成汇总表…',
    'paneInsight.summary.done': '汇总表已写入新工作表“{sheet}”：{tables}个表格，{charts}个图表。',
    'paneInsight.summary.tooLarge': '汇总表太大，无法一次写入（{cells}个单元格）：按原始值评分时得分的取值太多。请改用五分位或分界值评分后再生成汇总表。',

    'paneInsight.thresholds': '客户分群：{parts}为高（以{basis}的{reference}为标准）。',
    'paneInsight.thresholds.scores': '得分',
    'paneInsight.thresholds.values': '原始值',
    'paneInsight.thresholds.mean': '平均值',
    'paneInsight.thresholds.median': '中位数',

    'paneInsight.chart.grades': '各等级客户数',
    'paneInsight.chart.segments': '各客户分群的客户占比与M值占比',
    'paneInsight.chart.customerShare': '客户占比',
    'paneInsight.chart.mShare': 'M值占比',
    'paneInsight.chart.heatmap': 'R得分 × F得分的客户数',
    'paneInsight.chart.heatmapCell': 'R得分{r}、F得分{f}：{count}位客户，平均M值{mean}',
    'paneInsight.chart.distribution': '得分分布',
    'paneInsight.chart.bar': '{label}级：{count}位（{share}）',
    'paneInsight.chart.segmentBar': '{label}：客户占比{customers}，M值占比{m}',

    'paneInsight.grid.charts': '本工作表的图表',
    'paneInsight.grid.chart': '{title}（{type}，{cells}）：{series}',
  },
};
