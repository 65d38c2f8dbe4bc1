import type { MessageTable } from './index';

/** Customer lists and the heat map's medians (docs/lists.md; src/core/lists.ts, src/core/heatmap.ts). */
const en = {
  'list.row': 'Row',
  'list.id': 'Customer ID',
  'list.value': '{metric} value',
  'list.sheetName': '{name} customers',
  'list.unknown': 'There is no list named "{name}". Lists of this run: {names}',
  'list.outWithMany': '--list-out names one file, but --list was given {count} times: give one --list, or leave out --list-out (each list then gets a file next to --out)',
  'list.outNeedsList': '--list-out needs --list',
  'list.sameFile': 'The list file {file} would overwrite {what}: choose another --list-out',
  'list.twice': 'Two lists would be written to the same file {file}',
  'list.report': 'List "{name}": {count} customers, written to {file}',
  'list.reportSheet': 'List "{name}": {count} customers, sheet "{sheet}"',

  'summary.segmentMedians': 'Median R, F and M by segment',
  'summary.medianR': 'Median R',
  'summary.medianF': 'Median F',
  'summary.medianM': 'Median M',
};

export const listMessages: MessageTable<keyof typeof en> = {
  en,
  zh: {
    'list.row': '行号',
    'list.id': '客户ID',
    'list.value': '{metric}值',
    'list.sheetName': '{name}名单',
    'list.unknown': '没有名为“{name}”的客户名单。本次可用的名单：{names}',
    'list.outWithMany': '--list-out只能指定一个文件，但--list给了{count}次：只给一个--list，或去掉--list-out（每份名单会写到--out旁边的文件）',
    'list.outNeedsList': '--list-out需要与--list一起使用',
    'list.sameFile': '名单文件{file}会覆盖{what}：请换一个--list-out',
    'list.twice': '两份名单会写到同一个文件{file}',
    'list.report': '名单“{name}”：共{count}位客户，已写入{file}',
    'list.reportSheet': '名单“{name}”：共{count}位客户，工作表“{sheet}”',

    'summary.segmentMedians': '各客户分群的R值、F值、M值中位数',
    'summary.medianR': 'R值中位数',
    'summary.medianF': 'F值中位数',
    'summary.medianM': 'M值中位数',
  },
};
