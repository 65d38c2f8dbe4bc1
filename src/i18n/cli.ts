import type { MessageTable } from './index';

/** Strings of the `rfm-score` command line (src/cli). */
const en = {
  'cli.usage': `Usage: rfm-score INPUT.xlsx|INPUT.csv --out OUTPUT.xlsx|OUTPUT.csv [options]

Scores customers by R (recency), F (frequency) and M (monetary) and grades them.
The input file is never modified; the output keeps every sheet and cell of the input
and appends R Score, F Score, M Score, RFM Score, Grade (and Check for invalid rows).

Options:
  --sheet NAME                 sheet to score (xlsx; default: the first visible sheet)
  --header auto|yes|no         is the first row a header? (default auto)
  --r COL --f COL --m COL      the R/F/M columns: a letter (B) or the exact header text
                               (default: detected from English or Chinese headers)
  --id COL                     the customer ID column (optional)
  --preset NAME                start from a registered scheme: shanghai, hohhot (weighted quintiles),
                               maoming (additive, F raw), template (fixed cut-offs); options below override it
  --variant weighted|additive  composite: wR·R + wF·F + wM·M, or R + F + M (default weighted)
  --weights 0.3,0.3,0.4        weights for R,F,M; must add up to exactly 1
  --r-method M, --f-method M, --m-method M
                               quintile (default) | raw | breaks:T1,T2,... (ascending cut-offs)
  --bins 5                     number of quintile bins k
  --ties average|min|first     tie policy for quintiles (default average)
  --grades A:4,B:3,C:2,D       grade labels and thresholds, highest first
  --lang en|zh                 language of headers and messages (default en)
  --segments                   add the Segment column (the eight-segment model)
  --segment-reference mean|median   high/low against the mean (default) or the median
  --segment-basis scores|values     compare scores (default) or the raw R/F/M values
  --follow-up                  add the Follow-up column (A monthly, B quarterly, C every six months, D yearly)
  --follow-up-labels L1,L2,…   your own follow-up labels, one per grade
  --summary                    add a summary sheet (xlsx output): grades, segments, R×F matrix, distributions
  --formulas                   write live Excel formulas and an "RFM parameters" sheet instead of values (xlsx output)

Period over period (docs/periods.md). Every xlsx output records its run on a sheet "RFM parameters":
scheme, column mapping, the cut values used, counts.
  --scale-from PREV.xlsx       score on the cut values and scheme of an earlier output, so grades compare
                               across periods (values beyond the old range take the end scores, counted)
  --previous PREV.xlsx         compare grades with an earlier output by customer ID (--id COL or detected):
                               a Change column (A→B, new) and a "Migration" sheet with the migration matrix,
                               who fell, rose, appeared, disappeared, and the early warning (xlsx output)
  -h, --help                   this help
  --version                    the version

Sales records (docs/transactions.md): build the per-customer R, F, M table, then score it
  rfm-score SALES.xlsx|SALES.csv --transactions --out OUT.xlsx|OUT.csv [scoring options above]
  --transactions               the input holds sales records: customer, date, amount (refunds negative)
  --customer COL --date COL --amount COL
                               their columns: a letter or the exact header text
                               (default: detected from English or Chinese headers)
  --order COL                  order ID column (optional, detected too): F counts distinct orders
  --since YYYY-MM-DD           first day of the period (default: every date up to as-of)
  --as-of YYYY-MM-DD           reference day for R and last day of the period (default: the latest sale)
  xlsx output: the input sheets plus a new sheet "RFM"; csv output: the per-customer table.

Exit codes: 0 done, 2 bad arguments or input (nothing written), 1 unexpected error.`,
  'cli.noInput': 'no input file given (usage: rfm-score INPUT.xlsx|INPUT.csv --out OUTPUT.xlsx|OUTPUT.csv)',
  'cli.noOut': 'no output file given: add --out OUTPUT.xlsx or --out OUTPUT.csv',
  'cli.extraArgument': 'unexpected argument "{value}": only one input file is scored at a time',
  'cli.unknownOption': 'unknown option {option} (see rfm-score --help)',
  'cli.missingValue': 'option {option} needs a value',
  'cli.badArguments': 'bad arguments: {detail}',
  'cli.badSegmentReference': 'unknown --segment-reference "{value}" (use mean or median)',
  'cli.badSegmentBasis': 'unknown --segment-basis "{value}" (use scores or values)',
  'cli.badFollowUpLabels': '--follow-up-labels needs one label per grade: got {count}, there are {grades} grades',
  'cli.summaryNeedsXlsx': '--summary writes a summary sheet, so the output must be an .xlsx file',
  'cli.badPreset': 'unknown preset "{value}" (use {presets})',
  'cli.badLang': 'unknown language "{value}" (use en or zh)',
  'cli.badHeader': 'unknown --header value "{value}" (use auto, yes or no)',
  'cli.weightsWithAdditive': '--weights only applies to --variant weighted',
  'cli.inputMissing': 'input file not found: {file}',
  'cli.inputNotFile': 'input is not a file: {file}',
  'cli.badInputType': 'input must be an .xlsx or .csv file: {file}',
  'cli.badOutputType': 'output must be an .xlsx or .csv file: {file}',
  'cli.outIsInput': 'the output file must not be the input file ({file}): the input is never modified',
  'cli.sheetWithCsv': '--sheet only applies to .xlsx input; {file} is a CSV file',
  'cli.xlsxBroken': 'cannot read {file} as an xlsx workbook ({detail})',
  'cli.csvBroken': 'cannot read {file} as CSV: row {row}: {detail}',
  'cli.csvNotUtf8': 'cannot read {file}: it is neither UTF-8 nor GB 18030/GBK text',
  'cli.noSheets': '{file} has no worksheets',
  'cli.unknownSheet': 'no sheet "{sheet}" in {file} (sheets: {sheets})',
  'cli.emptySheet': 'the sheet is empty: there is no table to score',
  'cli.columnEmpty': 'the {metric} column {column} is empty: there is no data in it',
  'cli.cannotWrite': 'cannot write {file}: {detail}',
  'cli.unexpected': 'unexpected error: {detail} (run with RFM_DEBUG=1 for details)',
  'cli.report.scored': 'Scored {n} of {rows} customers in {where}: R = {r}, F = {f}, M = {m}',
  'cli.report.grades': 'Grades: {grades}',
  'cli.report.invalid': '{rows} rows not scored ({cells} invalid cells; reasons in the Check column):',
  'cli.report.more': '… and {count} more',
  'cli.report.warning': 'Warning: {text}',
  'cli.report.wrote': 'Wrote {file}',
  'cli.report.summary': 'Added the summary sheet "{sheet}"',
  'cli.report.rerun': 'Replaced {count} output columns of an earlier run',
  'cli.report.sheet': 'sheet "{sheet}" of {file}',
  'cli.report.csvOnlyScoredSheet': 'Note: a CSV file holds one sheet, so only the scored sheet "{sheet}" was written',
};

export const cliMessages: MessageTable<keyof typeof en> = {
  en,
  zh: {
    'cli.usage': `用法：rfm-score输入.xlsx|输入.csv --out 输出.xlsx|输出.csv [选项]

按R（最近一次消费）、F（消费频次）、M（消费金额）为客户打分并分级。
输入文件不会被修改；输出保留输入的所有工作表和单元格，并在右侧追加
R得分、F得分、M得分、RFM得分、客户等级（有无效行时另加数据检查列）。

选项：
  --sheet 名称                 要评分的工作表（xlsx；默认第一个可见工作表）
  --header auto|yes|no         第一行是否为表头（默认auto自动判断）
  --r 列 --f 列 --m 列         R/F/M所在列：列字母（如B）或完整表头文字
                               （默认根据中英文表头自动识别）
  --id 列                      客户编号列（可选）
  --preset 名称                从登记方案开始：shanghai、hohhot（加权五等分）、
                               maoming（相加，F取原值）、template（固定分界值）；下列选项可覆盖
  --variant weighted|additive  综合得分：wR·R + wF·F + wM·M或R + F + M（默认weighted）
  --weights 0.3,0.3,0.4        R、F、M的权重，之和必须恰好为1
  --r-method 方法，--f-method方法，--m-method方法
                               quintile（默认，按排名五等分）| raw（原值）| breaks:T1,T2,...（递增分界值）
  --bins 5                     五等分的档数k
  --ties average|min|first     并列处理方式（默认average）
  --grades A:4,B:3,C:2,D       等级名称与阈值，从高到低
  --lang en|zh                 表头和提示的语言（默认en）
  --segments                   添加“客户分群”列（八大客户分群模型）
  --segment-reference mean|median   与平均值（默认）或中位数比较高低
  --segment-basis scores|values     比较得分（默认）或R/F/M原值
  --follow-up                  添加“回访周期”列（A每月、B每季度、C每半年、D每年）
  --follow-up-labels L1,L2，…   自定义回访周期，每个等级一个
  --summary                    添加汇总工作表（xlsx输出）：等级、分群、R×F矩阵、得分分布
  --formulas                   写入实时Excel公式和“RFM参数”工作表，而不是数值（xlsx输出）

逐期对比（见docs/periods.md）。每个xlsx输出都在“RFM参数”工作表中记录本次运行：
评分方案、列对应、实际使用的分界值、数量。
  --scale-from 上期.xlsx       沿用以前输出的分界值和评分方案评分，使各期等级可比
                               （超出原范围的数值取两端得分，并报告个数）
  --previous 上期.xlsx         按客户编号（--id列或自动识别）与以前的输出对比等级：添加“等级变化”列
                               （A→B、新客户）和“等级迁移”工作表：迁移矩阵、下降、上升、新增、消失的客户和预警
                               （xlsx输出）
  -h，--help                   显示本帮助
  --version                    显示版本

销售记录（见docs/transactions.md）：先按客户汇总出R、F、M，再评分
  rfm-score销售.xlsx|销售.csv --transactions --out 输出.xlsx|输出.csv [上述评分选项]
  --transactions               输入是销售记录：客户、日期、金额（退款为负数）
  --customer 列 --date 列 --amount 列
                               对应的列：列字母或完整表头文字
                               （默认根据中英文表头自动识别）
  --order 列                   订单号列（可选，也会自动识别）：F统计不同订单数
  --since YYYY-MM-DD           统计期开始日期（默认：截止日期之前的全部日期）
  --as-of YYYY-MM-DD           计算R的截止日期，也是统计期最后一天（默认：最晚一笔销售的日期）
  xlsx输出：输入的工作表加上新工作表“RFM分析”；csv输出：按客户汇总的表。

退出码：0完成；2参数或输入有误（不写任何文件）；1意外错误。`,
    'cli.noInput': '未指定输入文件（用法：rfm-score输入.xlsx|输入.csv --out 输出.xlsx|输出.csv）',
    'cli.noOut': '未指定输出文件：请添加 --out 输出.xlsx或 --out 输出.csv',
    'cli.extraArgument': '多余的参数“{value}”：一次只能处理一个输入文件',
    'cli.unknownOption': '未知选项{option}（参见rfm-score --help）',
    'cli.missingValue': '选项{option}需要一个值',
    'cli.badArguments': '参数有误：{detail}',
    'cli.badSegmentReference': '--segment-reference 的值“{value}”无效（可选mean或median）',
    'cli.badSegmentBasis': '--segment-basis 的值“{value}”无效（可选scores或values）',
    'cli.badFollowUpLabels': '--follow-up-labels 需要每个等级一个标签：实际{count}个，共有{grades}个等级',
    'cli.summaryNeedsXlsx': '--summary 会写入汇总工作表，因此输出必须是 .xlsx文件',
    'cli.badPreset': '未知方案“{value}”（可选{presets}）',
    'cli.badLang': '未知语言“{value}”（可选en或zh）',
    'cli.badHeader': '--header 的值“{value}”无效（可选auto、yes或no）',
    'cli.weightsWithAdditive': '--weights 仅适用于 --variant weighted',
    'cli.inputMissing': '找不到输入文件：{file}',
    'cli.inputNotFile': '输入不是文件：{file}',
    'cli.badInputType': '输入必须是 .xlsx或 .csv文件：{file}',
    'cli.badOutputType': '输出必须是 .xlsx或 .csv文件：{file}',
    'cli.outIsInput': '输出文件不能是输入文件（{file}）：输入文件不会被修改',
    'cli.sheetWithCsv': '--sheet 仅适用于 .xlsx输入；{file}是CSV文件',
    'cli.xlsxBroken': '无法将{file}读取为xlsx工作簿（{detail}）',
    'cli.csvBroken': '无法将{file}读取为CSV：第{row}行：{detail}',
    'cli.csvNotUtf8': '无法读取{file}：既不是UTF-8也不是GB 18030/GBK文本',
    'cli.noSheets': '{file}中没有工作表',
    'cli.unknownSheet': '{file}中没有工作表“{sheet}”（现有工作表：{sheets}）',
    'cli.emptySheet': '工作表为空：没有可评分的表格',
    'cli.columnEmpty': '{metric}列{column}为空：其中没有数据',
    'cli.cannotWrite': '无法写入{file}：{detail}',
    'cli.unexpected': '意外错误：{detail}（设置RFM_DEBUG=1运行可查看详情）',
    'cli.report.scored': '已为{where}中{rows}位客户中的{n}位评分：R = {r}，F = {f}，M = {m}',
    'cli.report.grades': '客户等级：{grades}',
    'cli.report.invalid': '{rows}行未评分（{cells}个无效单元格；原因见“数据检查”列）：',
    'cli.report.more': '……另有{count}个',
    'cli.report.warning': '提示：{text}',
    'cli.report.wrote': '已写入{file}',
    'cli.report.summary': '已添加汇总工作表“{sheet}”',
    'cli.report.rerun': '已替换上次运行生成的{count}个输出列',
    'cli.report.sheet': '{file}的工作表“{sheet}”',
    'cli.report.csvOnlyScoredSheet': '注意：CSV文件只能容纳一个工作表，因此只写入了评分的工作表“{sheet}”',
  },
};
