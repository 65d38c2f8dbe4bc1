import type { MessageTable } from './index';

/**
 * The task pane's insight part (docs/insight.md): the Segment / Follow-up options, the small charts after a
 * run and "Create summary" (src/taskpane/components/InsightSection.tsx, SummarySection.tsx,
 * SummaryCharts.tsx; src/excel/summary.ts). Segment, cadence and summary labels themselves are in
 * insight.ts.
 */
const en = {
  'pi.heading': 'Segments and follow-up',
  'pi.segments': 'Add the Segment column (eight segments)',
  'pi.reference': 'Reference for high and low',
  'pi.reference.mean': 'Mean',
  'pi.reference.median': 'Median',
  'pi.basis': 'Compared on',
  'pi.basis.scores': 'Scores',
  'pi.basis.values': 'Values (a smaller R is better)',
  'pi.followUp': 'Add the Follow-up column (cadence per grade)',
  'pi.followUp.label': 'Follow-up for grade {label}',
  'pi.followUp.grade': 'Grade {label}',
  'pi.followUp.hint': 'A blank label is the default cadence shown in it.',
  'pi.hint': 'Both columns go after Grade; a re-run replaces them with the rest of the output.',

  'pi.summary.heading': 'Summary and charts',
  'pi.summary.none': 'Run first: the charts and the summary describe what was written.',
  'pi.summary.create': 'Create summary',
  'pi.summary.hint':
    'Adds a new sheet with the tables per grade and per segment, the R × F matrix and the score distributions, and native Excel charts.',
  'pi.summary.creating': 'Creating the summary…',
  'pi.summary.done': 'The summary is on the new sheet “{sheet}”: {tables} tables, {charts} charts.',
  'pi.summary.tooLarge':
    'The summary is too large to write at once ({cells} cells): raw scores with many different values make long tables. Score with quintiles or cut-offs for a summary.',

  'pi.thresholds': 'Segments: high when {parts} ({reference} of the {basis}).',
  'pi.thresholds.scores': 'scores',
  'pi.thresholds.values': 'values',
  'pi.thresholds.mean': 'mean',
  'pi.thresholds.median': 'median',

  'pi.chart.grades': 'Customers by grade',
  'pi.chart.segments': 'Customers and M by segment',
  'pi.chart.customerShare': 'Share of customers',
  'pi.chart.mShare': 'Share of M',
  'pi.chart.heatmap': 'Customers by R score × F score',
  'pi.chart.heatmapCell': 'R {r}, F {f}: {count} customers, mean M {mean}',
  'pi.chart.distribution': 'Score distribution',
  'pi.chart.bar': '{label}: {count} ({share})',
  'pi.chart.segmentBar': '{label}: {customers} of customers, {m} of M',

  'pi.grid.charts': 'Charts on this sheet',
  'pi.grid.chart': '{title} ({type}, {cells}): {series}',
};

export const paneInsightMessages: MessageTable<keyof typeof en> = {
  en,
  zh: {
    'pi.heading': '客户分群与回访',
    'pi.segments': '添加“客户分群”列(八类客户)',
    'pi.reference': '高低的判断标准',
    'pi.reference.mean': '平均值',
    'pi.reference.median': '中位数',
    'pi.basis': '比较对象',
    'pi.basis.scores': '得分',
    'pi.basis.values': '原始值(R越小越好)',
    'pi.followUp': '添加“回访周期”列(按客户等级)',
    'pi.followUp.label': '{label}级客户的回访周期',
    'pi.followUp.grade': '{label}级',
    'pi.followUp.hint': '留空即使用框中显示的默认周期。',
    'pi.hint': '这两列写在“客户等级”之后;重新运行时与其他输出列一起替换。',

    'pi.summary.heading': '汇总与图表',
    'pi.summary.none': '请先运行:图表和汇总表基于写入的结果。',
    'pi.summary.create': '生成汇总表',
    'pi.summary.hint': '新建一个工作表,包含各等级、各分群的统计表,R × F矩阵,得分分布,以及Excel原生图表。',
    'pi.summary.creating': '正在生成汇总表…',
    'pi.summary.done': '汇总表已写入新工作表“{sheet}”:{tables}个表格,{charts}个图表。',
    'pi.summary.tooLarge': '汇总表太大,无法一次写入({cells}个单元格):原始值评分的不同取值太多。请用五分位或分段点评分后再生成汇总表。',

    'pi.thresholds': '客户分群:{parts}为高({basis}的{reference})。',
    'pi.thresholds.scores': '得分',
    'pi.thresholds.values': '原始值',
    'pi.thresholds.mean': '平均值',
    'pi.thresholds.median': '中位数',

    'pi.chart.grades': '各等级客户数',
    'pi.chart.segments': '各分群的客户占比与M占比',
    'pi.chart.customerShare': '客户占比',
    'pi.chart.mShare': 'M占比',
    'pi.chart.heatmap': 'R得分 × F得分的客户数',
    'pi.chart.heatmapCell': 'R {r},F {f}:{count}位客户,平均M {mean}',
    'pi.chart.distribution': '得分分布',
    'pi.chart.bar': '{label}:{count}({share})',
    'pi.chart.segmentBar': '{label}:客户占比{customers},M占比{m}',

    'pi.grid.charts': '本工作表的图表',
    'pi.grid.chart': '{title}({type},{cells}):{series}',
  },
};
