import type { MessageTable } from './index';

/** Strings of the `rfm-score` command line (src/cli). */
const en = {
  'cli.usage': `Usage: rfm-score INPUT.xlsx|INPUT.csv --out OUTPUT.xlsx|OUTPUT.csv [options]

Scores customers by R (recency), F (frequency) and M (monetary) and grades them.
The input file is never modified; the output keeps every sheet and cell of the input
and appends R Score, F Score, M Score, RFM Score, Grade (and Check for invalid rows).
A macro-enabled .xlsm input is written to an .xlsm output (or .csv), its macros kept.

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
  --binning independent|nested quintiles of F within each R score and of M within each R×F cell (nested,
                               as in SPSS), or each over all customers (default independent; docs/binning.md)
  --grades A:4,B:3,C:2,D       grade labels and thresholds, highest first
  --lang en|zh                 language of headers and messages (default en)
  --segments                   add the Segment column (the eight-segment model)
  --segment-reference mean|median   high/low against the mean (default) or the median
  --segment-basis scores|values     compare scores (default) or the raw R/F/M values
  --segment-map NAME|FILE.json the segment map (docs/segments.md): china8 (the eight segments, default),
                               rfm10 (R rfm's ten segments by score ranges) or your own map file
  --print-segment-map NAME     print a preset map's JSON to start your own from
  --check-segment-map NAME|FILE.json
                               print the rules' gaps and overlaps on the scores of the scheme options
  --follow-up                  add the Follow-up column (A monthly, B quarterly, C every six months, D yearly)
  --follow-up-labels L1,L2,…   your own follow-up labels, one per grade
  --summary                    add a summary sheet (xlsx output): grades, segments, R×F matrix, distributions
  --list NAME                  the customers of a grade or segment ("B", "Important value", "重要价值客户"),
                               highest M first, as OUT-NAME.csv and (xlsx output) a sheet; repeatable
  --list-out FILE              the CSV file of the one --list
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
  'cli.noInput': 'No input file given (usage: rfm-score INPUT.xlsx|INPUT.csv --out OUTPUT.xlsx|OUTPUT.csv)',
  'cli.noOut': 'No output file given: add --out OUTPUT.xlsx or --out OUTPUT.csv',
  'cli.extraArgument': 'Unexpected argument "{value}": only one input file is scored at a time',
  'cli.unknownOption': 'Unknown option {option} (see rfm-score --help)',
  'cli.missingValue': 'Option {option} needs a value',
  'cli.badArguments': 'Bad arguments: {detail}',
  'cli.badSegmentReference': 'Unknown --segment-reference "{value}" (use mean or median)',
  'cli.badSegmentBasis': 'Unknown --segment-basis "{value}" (use scores or values)',
  'cli.badFollowUpLabels': '--follow-up-labels needs one label per grade: got {count}, there are {grades} grades',
  'cli.summaryNeedsXlsx': '--summary writes a summary sheet, so the output must be an .xlsx file',
  'cli.badPreset': 'Unknown preset "{value}" (use {presets})',
  'cli.badLang': 'Unknown language "{value}" (use en or zh)',
  'cli.badHeader': 'Unknown --header value "{value}" (use auto, yes or no)',
  'cli.weightsWithAdditive': '--weights only applies to --variant weighted',
  'cli.inputMissing': 'Input file not found: {file}',
  'cli.inputNotFile': 'Input is not a file: {file}',
  'cli.badInputType': 'Input must be an .xlsx, .xlsm or .csv file: {file}',
  'cli.badOutputType': 'Output must be an .xlsx, .xlsm or .csv file: {file}',
  'cli.outIsInput': 'The output file must not be the input file ({file}): the input is never modified',
  'cli.sheetWithCsv': '--sheet only applies to .xlsx input; {file} is a CSV file',
  'cli.csvBroken': 'Cannot read {file} as CSV: row {row}: {detail}',
  'cli.csvNotUtf8': 'Cannot read {file}: it is neither UTF-8 nor GB 18030/GBK text',
  'cli.noSheets': '{file} has no worksheets',
  'cli.unknownSheet': 'No sheet "{sheet}" in {file} (sheets: {sheets})',
  'cli.emptySheet': 'The sheet is empty: there is no table to score',
  'cli.columnEmpty': 'The {metric} column {column} is empty: there is no data in it',
  'cli.cannotWrite': 'Cannot write {file}: {detail}',
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
    'cli.usage': `用法：rfm-score 输入.xlsx|输入.csv --out 输出.xlsx|输出.csv [选项]

按R值（距最近一次消费的天数）、F值（消费频次）、M值（消费金额）为客户打分，并划分客户等级。
不会修改输入文件；输出文件保留输入的全部工作表和单元格，并在右侧追加
R得分、F得分、M得分、RFM得分、客户等级（有无效行时另加“数据检查”列）。
启用宏的.xlsm输入文件输出为.xlsm（或.csv）文件，并保留其中的宏。

选项：
  --sheet 名称                 要评分的工作表（xlsx；默认为第一个可见的工作表）
  --header auto|yes|no         第一行是否为表头：auto（自动判断，默认）、yes（是）、no（否）
  --r 列 --f 列 --m 列         R值、F值、M值所在的列：列字母（如B）或完整的表头文字
                               （默认根据中英文表头自动识别）
  --id 列                      客户编号所在的列（可选）
  --preset 名称                预设方案：shanghai（上海）、hohhot（呼和浩特），均为五分位加权；
                               maoming（茂名），直接相加，F得分取原始值；template（客户数据模板），
                               按分界值评分。下列选项可覆盖预设方案的设置
  --variant weighted|additive  RFM得分的计算方式：weighted（加权，默认）即wR×R得分+wF×F得分+wM×M得分；
                               additive（直接相加）即R得分+F得分+M得分
  --weights 0.3,0.3,0.4        R、F、M的权重，之和必须恰好为1
  --r-method 方法  --f-method 方法  --m-method 方法
                               quintile（五分位，默认）、raw（原始值）、
                               breaks:T1,T2,…（按分界值评分，分界值从小到大）
  --bins 5                     五分位的分档数k
  --ties average|min|first     并列处理方式：average（平均排名，默认）、min（最高名次）、first（按行顺序）
  --binning independent|nested 分档方式：independent（独立分档，默认）即各自在全部客户中排名；
                               nested（嵌套分档，同SPSS）即F值在每个R得分内、M值在每个R×F组合内排名
  --grades A:4,B:3,C:2,D       等级名称和等级下限，从高到低
  --lang en|zh                 表头和提示使用的语言（默认en）
  --segments                   添加“客户分群”列（八类客户分群）
  --segment-reference mean|median   高低的判断标准：mean（平均值，默认）或median（中位数）
  --segment-basis scores|values     比较对象：scores（得分，默认）或values（原始值）
  --segment-map 名称|文件.json 分群规则（docs/segments.md）：china8（八类客户分群，默认）、
                               rfm10（R语言rfm包的十类客户分群，按得分范围）或自己的分群规则文件
  --print-segment-map 名称     输出预设分群规则的文件内容，可在此基础上修改
  --check-segment-map 名称|文件.json
                               按评分方案的得分检查分群规则：哪些得分组合没有规则、哪些规则重叠
  --follow-up                  添加“回访周期”列（A级每月、B级每季度、C级每半年、D级每年）
  --follow-up-labels L1,L2,…   自定义回访周期，每个等级一个
  --summary                    添加汇总工作表（xlsx输出）：客户等级、客户分群、R×F矩阵、得分分布
  --list 名称                  列出某个客户等级或客户分群的客户（如“B”“重要价值客户”），按M值从高到低，
                               写入“输出文件名-名称.csv”，xlsx输出时另加一个工作表；可多次使用
  --list-out 文件              指定唯一一份名单的CSV文件
  --formulas                   写入Excel公式（自动重算）和“RFM参数”工作表，而不是数值（xlsx输出）

与上期对比（见docs/periods.md）。每个xlsx输出都在“RFM参数”工作表中记录本次评分：
评分方案、列对应、实际使用的分界值和人数。
  --scale-from 上期.xlsx       沿用上期评分标准：按上期输出的分界值和评分方案评分，各期等级可直接比较
                               （超出上期范围的数值取最高分或最低分，并报告人数）
  --previous 上期.xlsx         按客户编号（--id 列或自动识别）与上期输出对比客户等级：添加“等级变化”列
                               （如A→B、新增客户）和“等级迁移”工作表，其中有迁移矩阵，等级下降、上升的客户，
                               新增客户、流失客户（本期未出现）和流失预警名单（xlsx输出）
  -h  --help                   显示本帮助
  --version                    显示版本号

销售记录（见docs/transactions.md）：先按客户汇总出R值、F值、M值，再评分
  rfm-score 销售记录.xlsx|销售记录.csv --transactions --out 输出.xlsx|输出.csv [上述评分选项]
  --transactions               输入为销售记录：客户、日期、金额（退款记为负数）
  --customer 列 --date 列 --amount 列
                               这三项所在的列：列字母或完整的表头文字
                               （默认根据中英文表头自动识别）
  --order 列                   订单号所在的列（可选，也会自动识别）：F值按不同的订单号计数
  --since YYYY-MM-DD           统计期间的开始日期（默认不限）
  --as-of YYYY-MM-DD           统计期间的截止日期，R值计算到这一天（默认为最后一笔销售的日期）
  输出xlsx时：保留输入的工作表，另加“RFM分析”工作表；输出csv时：按客户汇总的表。

退出码：0表示完成；2表示参数或输入有误（不写任何文件）；1表示意外错误。`,
    'cli.noInput': '未指定输入文件（用法：rfm-score 输入.xlsx|输入.csv --out 输出.xlsx|输出.csv）',
    'cli.noOut': '未指定输出文件：请添加 --out 输出.xlsx 或 --out 输出.csv',
    'cli.extraArgument': '多余的参数“{value}”：每次只能处理一个输入文件',
    'cli.unknownOption': '无法识别的选项{option}（见rfm-score --help）',
    'cli.missingValue': '选项{option}后面缺少取值',
    'cli.badArguments': '参数有误：{detail}',
    'cli.badSegmentReference': '--segment-reference 的取值“{value}”无法识别：可选mean（平均值）或median（中位数）',
    'cli.badSegmentBasis': '--segment-basis 的取值“{value}”无法识别：可选scores（得分）或values（原始值）',
    'cli.badFollowUpLabels': '--follow-up-labels 需要为每个等级各给一个回访周期：现在是{count}个，而等级有{grades}个',
    'cli.summaryNeedsXlsx': '--summary 会添加汇总工作表，因此输出文件必须是.xlsx文件',
    'cli.badPreset': '无法识别的预设方案“{value}”：可选{presets}',
    'cli.badLang': '无法识别的语言“{value}”：可选en（英文）或zh（中文）',
    'cli.badHeader': '--header 的取值“{value}”无法识别：可选auto（自动判断）、yes（是）或no（否）',
    'cli.weightsWithAdditive': '--weights 只用于加权计算（--variant weighted）',
    'cli.inputMissing': '找不到输入文件：{file}',
    'cli.inputNotFile': '输入的不是文件：{file}',
    'cli.badInputType': '输入文件必须是.xlsx、.xlsm或.csv文件：{file}',
    'cli.badOutputType': '输出文件必须是.xlsx、.xlsm或.csv文件：{file}',
    'cli.outIsInput': '输出文件不能与输入文件相同（{file}）：本工具从不修改输入文件',
    'cli.sheetWithCsv': '--sheet 只用于.xlsx输入；{file}是CSV文件',
    'cli.csvBroken': '无法把{file}作为CSV文件读取：第{row}行：{detail}',
    'cli.csvNotUtf8': '无法读取{file}：它既不是UTF-8文本，也不是GB 18030/GBK文本',
    'cli.noSheets': '{file}中没有工作表',
    'cli.unknownSheet': '{file}中没有工作表“{sheet}”（现有工作表：{sheets}）',
    'cli.emptySheet': '工作表是空的：没有可评分的表格',
    'cli.columnEmpty': '{metric}值所在的{column}列是空的：其中没有数据',
    'cli.cannotWrite': '无法写入{file}：{detail}',
    'cli.unexpected': '意外错误：{detail}（设置RFM_DEBUG=1后重新运行可查看详情）',
    'cli.report.scored': '{where}共有{rows}位客户，已为其中{n}位评分。R值：{r}；F值：{f}；M值：{m}',
    'cli.report.grades': '客户等级：{grades}',
    'cli.report.invalid': '{rows}行未评分（{cells}个无效单元格，原因见“数据检查”列）：',
    'cli.report.more': '……另有{count}个',
    'cli.report.warning': '警告：{text}',
    'cli.report.wrote': '已写入{file}',
    'cli.report.summary': '已添加汇总工作表“{sheet}”',
    'cli.report.rerun': '已替换上次评分写入的{count}个输出列',
    'cli.report.sheet': '{file}的工作表“{sheet}”',
    'cli.report.csvOnlyScoredSheet': '注意：CSV文件只能容纳一个工作表，因此只写入了评分的工作表“{sheet}”',
  },
};
