import type { MessageTable } from './index';

/**
 * Strings of the help page served with the add-in (src/help, dist/help/en-US.html and zh-CN.html;
 * the manifest's SupportUrl and LearnMoreUrl). The scheme table is built from the registered presets
 * in src/core/scheme.ts, so only its labels are here.
 */
const en = {
  'help.title': 'RFM Grader help',
  'help.lang': 'Language',
  'help.otherLanguage': '中文',
  'help.version': 'Version {version}',

  'help.what.heading': 'What it does',
  'help.what.body':
    'RFM Grader scores every customer in an Excel table by recency (R: days since the last purchase), frequency (F: purchases in the period) and monetary value (M: amount spent). Next to each customer it writes an R, F and M score, the composite RFM score and a grade (A/B/C/D by default). It can also start from sales records, add customer segments and a follow-up cadence, write live formulas that recalculate, and compare a period with the previous one.',
  'help.use.heading': 'How to use it',
  'help.use.open': 'On the Home tab, select RFM Grader to open the pane.',
  'help.use.select': 'Select the customer table (whole columns are fine), then select “{use}”.',
  'help.use.columns': 'Check the R, F and M columns detected from the headers, and choose a scheme.',
  'help.use.run': 'Preview the grade counts, then run: the results are written to the right of the table, and the run is recorded on the parameters sheet “{sheet}”.',
  'help.use.sheet': 'RFM parameters',

  'help.rules.heading': 'Scoring rules in short',
  'help.rules.quintile':
    'Quintiles: customers are ranked (R ascending, F and M descending) and the customer at rank r scores k − floor(k × (r − 1) / n), with k = 5 by default. Ties take the average rank (like RANK.AVG), the best rank of the group (like RANK.EQ) or the row order, as you choose.',
  'help.rules.breaks': 'Fixed cut-offs: the score is 1 plus the number of cut-offs the value reaches (for R, the number of cut-offs it stays at or below).',
  'help.rules.raw': 'Raw: the value itself is the score.',
  'help.rules.composite':
    'RFM score: weighted (wR·R + wF·F + wM·M; the weights must add up to exactly 1, 0.3/0.3/0.4 by default) or additive (R + F + M), computed in exact decimals.',
  'help.rules.grades': 'Grade: the first grade whose lower bound the RFM score reaches; by default A ≥ 4, B ≥ 3, C ≥ 2, otherwise D.',
  'help.rules.invalid':
    'A blank cell, text that is not a number, a negative value or an error is never scored as 0: the row is listed with its cell address and left out of the ranking.',

  'help.schemes.heading': 'Registered schemes (presets)',
  'help.schemes.scheme': 'Scheme',
  'help.schemes.composite': 'RFM score',
  'help.schemes.r': 'R',
  'help.schemes.f': 'F',
  'help.schemes.m': 'M',
  'help.schemes.grades': 'Grades',
  'help.schemes.weighted': 'Weighted {weights}',
  'help.schemes.additive': 'Additive R + F + M',
  'help.schemes.quintile': 'Quintiles (k = {bins})',
  'help.schemes.breaks': 'Cut-offs {cutoffs}',
  'help.schemes.raw': 'Raw value',
  'help.schemes.gradeAtLeast': '{label} ≥ {min}',
  'help.schemes.gradeRest': '{label} otherwise',
  'help.schemes.listSeparator': ', ',
  'help.schemes.note':
    'Every preset can be changed in the pane (Custom). The customer-data template’s source stops after the M band 2000–4999; its last cut-off, 1000, is our assumption.',
  'help.preset.shanghai': 'Shanghai',
  'help.preset.hohhot': 'Hohhot',
  'help.preset.maoming': 'Maoming (the F value is the F score)',
  'help.preset.template': 'Customer-data template',

  'help.privacy.heading': 'Privacy',
  'help.privacy.body':
    'Your data never leaves the workbook. The add-in reads and writes the open workbook through Office only: it sends nothing to any server, has no account, no tracking and no telemetry of its own, and keeps its settings in the workbook itself. Its pages are static files; Office.js, Microsoft’s library for add-ins, comes from Microsoft’s CDN (appsforoffice.microsoft.com) unless your administrator serves a local copy.',

  'help.about.heading': 'Version and support',
  'help.about.body': 'RFM Grader {version}. For help with this installation, ask the administrator who deployed the add-in.',
};

const zh: Record<keyof typeof en, string> = {
  'help.title': 'RFM客户分级使用说明',
  'help.lang': '语言',
  'help.otherLanguage': 'English',
  'help.version': '版本{version}',

  'help.what.heading': '功能简介',
  'help.what.body':
    'RFM客户分级按R值（距最近一次消费的天数）、F值（统计期间内的消费频次）和M值（消费金额）为Excel表格中的每位客户打分，并在每位客户旁写入R得分、F得分、M得分、RFM得分和客户等级（默认A/B/C/D）。它还可以从销售记录开始计算，添加客户分群和回访周期，写入公式（自动重算），并与上期对比。',
  'help.use.heading': '使用方法',
  'help.use.open': '在“开始”选项卡上选择“RFM客户分级”，打开窗格。',
  'help.use.select': '选中客户表（可以整列选择），然后选择“{use}”。',
  'help.use.columns': '检查根据表头识别的R值、F值和M值列，并选择评分方案。',
  'help.use.run': '先预览各客户等级的人数，再运行：结果写在表格右侧，本次的评分记录写在参数工作表“{sheet}”中。',
  'help.use.sheet': 'RFM参数',

  'help.rules.heading': '评分规则简述',
  'help.rules.quintile':
    '五分位：按R值升序、F值和M值降序排名，第r名的得分为k减去k×(r−1)/n向下取整，分档数k默认为5。并列处理方式可选平均排名（同RANK.AVG）、最高名次（同RANK.EQ）或按行顺序。',
  'help.rules.breaks': '按分界值评分：得分为1加上数值达到的分界值个数（R值为不超过的分界值个数）。',
  'help.rules.raw': '原始值：直接以数值作为得分。',
  'help.rules.composite':
    'RFM得分：加权（wR·R+wF·F+wM·M，权重之和必须恰好为1，默认0.3/0.3/0.4）或直接相加（R+F+M），按精确小数计算。',
  'help.rules.grades': '客户等级：取RFM得分达到的第一个等级下限，默认A≥4、B≥3、C≥2，其余为D。',
  'help.rules.invalid': '空白、非数字文本、负数和错误值不会按0计分：该行连同单元格地址一起列出，并且不参与排名。',

  'help.schemes.heading': '预设方案',
  'help.schemes.scheme': '方案',
  'help.schemes.composite': 'RFM得分',
  'help.schemes.r': 'R值',
  'help.schemes.f': 'F值',
  'help.schemes.m': 'M值',
  'help.schemes.grades': '客户等级',
  'help.schemes.weighted': '加权{weights}',
  'help.schemes.additive': '直接相加R+F+M',
  'help.schemes.quintile': '五分位（分档数{bins}）',
  'help.schemes.breaks': '分界值{cutoffs}',
  'help.schemes.raw': '原始值',
  'help.schemes.gradeAtLeast': '{label}≥{min}',
  'help.schemes.gradeRest': '其余为{label}',
  'help.schemes.listSeparator': '、',
  'help.schemes.note': '每个预设方案都可以在窗格中修改（自定义）。客户数据模板的原始资料在M值分档2000–4999之后中断，最后一个分界值1000是我们的假设。',
  'help.preset.shanghai': '上海',
  'help.preset.hohhot': '呼和浩特',
  'help.preset.maoming': '茂名（F值直接作为F得分）',
  'help.preset.template': '客户数据模板',

  'help.privacy.heading': '隐私',
  'help.privacy.body':
    '数据不会离开工作簿。加载项只通过Office读写当前打开的工作簿：不向任何服务器发送数据，没有账户、跟踪或自有遥测，设置也保存在工作簿中。加载项的页面都是静态文件；Office.js（Microsoft为加载项提供的库）从Microsoft的CDN（appsforoffice.microsoft.com）加载，除非管理员部署了本地副本。',

  'help.about.heading': '版本与支持',
  'help.about.body': 'RFM客户分级{version}。如需此安装的帮助，请联系部署该加载项的管理员。',
};

export const helpMessages: MessageTable<keyof typeof en> = { en, zh };
