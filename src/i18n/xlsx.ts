import type { MessageTable } from './index';

/** Strings of the streaming xlsx path of `rfm-score` (src/cli/xlsx, docs/xlsx.md). */
const en = {
  'xlsx.notZip': 'Cannot read {file} as an xlsx workbook: it is not a complete zip package ({detail})',
  'xlsx.oleFile': 'Cannot read {file}: it is password-protected or an old .xls file, not an .xlsx package (save it as .xlsx without a password)',
  'xlsx.missingPart': 'Cannot read {file} as an xlsx workbook: the package has no {part}',
  'xlsx.badXml': 'Cannot read {file}: part {part} is not well-formed XML ({detail})',
  'xlsx.partTooLarge': 'Cannot read {file}: part {part} inflates to more than {limit} MB, far beyond its compressed size (a zip bomb?); nothing was written',
  'xlsx.sharedStringsTooLarge': 'Cannot read {file}: the shared strings ({part}) hold more than {limit} MB of text; nothing was written',
  'xlsx.xlsmToXlsx':
    '{file} is a macro-enabled workbook: its result keeps the macros, so it must be an .xlsm file too (an .xlsx with macros does not open in Excel); name the output {out} .xlsm, or write a .csv output',
  'xlsx.xlsmNeedsXlsm': 'Cannot write {out}: an .xlsm output is written only from an .xlsm input, whose macros it keeps ({file} has none); name the output .xlsx',
  'xlsx.xlsmStreamingOnly': 'Cannot write {out} with {option}: that mode writes the workbook without its macros; leave out {option}, or write an .xlsx or .csv output from a copy saved as .xlsx',
  'xlsx.outsideGrid':
    'Cannot read {file}: sheet "{sheet}" has a cell at {cell}, outside Excel\'s grid of 1,048,576 rows by 16,384 columns (A1:XFD1048576); nothing was written',
  'xlsx.notFinite':
    'Cannot read {file}: cell {cell} of sheet "{sheet}" holds the number {value}, beyond the largest number a spreadsheet holds (1.7976931348623157e308); correct the cell, or store it as text; nothing was written',
  'xlsx.tooManyColumns':
    'Sheet "{sheet}" of {file} uses columns up to {last}: the {count} output columns would go past column XFD, Excel\'s limit of 16,384 columns; delete unused columns or score a copy of the table',
};

export const xlsxMessages: MessageTable<keyof typeof en> = {
  en,
  zh: {
    'xlsx.notZip': '无法将{file}读取为xlsx工作簿：它不是完整的zip文件包（{detail}）',
    'xlsx.oleFile': '无法读取{file}：它设有密码或是旧版.xls文件，不是.xlsx文件包（请另存为不设密码的.xlsx）',
    'xlsx.missingPart': '无法将{file}读取为xlsx工作簿：文件包中缺少{part}',
    'xlsx.badXml': '无法读取{file}：部件{part}不是格式正确的XML（{detail}）',
    'xlsx.partTooLarge': '无法读取{file}：部件{part}解压后超过{limit}MB，远超其压缩大小（疑似zip炸弹）；未写入任何文件',
    'xlsx.sharedStringsTooLarge': '无法读取{file}：共享字符串（{part}）的文字超过{limit}MB；未写入任何文件',
    'xlsx.xlsmToXlsx': '{file}是启用宏的工作簿：结果会保留宏，因此也必须是.xlsm文件（含宏的.xlsx无法在Excel中打开）；请把输出{out}改为.xlsm，或改为输出.csv文件',
    'xlsx.xlsmNeedsXlsm': '无法写入{out}：只有输入是.xlsm时才输出.xlsm，并保留其中的宏（{file}没有宏）；请把输出改为.xlsx',
    'xlsx.xlsmStreamingOnly': '无法用{option}写入{out}：该模式写出的工作簿不含宏；请去掉{option}，或先把文件另存为.xlsx再输出.xlsx或.csv文件',
    'xlsx.outsideGrid': '无法读取{file}：工作表“{sheet}”在{cell}有单元格，超出Excel的1048576行×16384列范围（A1:XFD1048576）；未写入任何文件',
    'xlsx.notFinite': '无法读取{file}：工作表“{sheet}”的单元格{cell}中的数字{value}超出电子表格能容纳的最大数字（1.7976931348623157e308）；请更正该单元格或将其存为文本；未写入任何文件',
    'xlsx.tooManyColumns':
      '{file}的工作表“{sheet}”已用到{last}列：再加{count}个输出列将超出XFD列，即Excel的16384列上限；请删除无用的列或对表格的副本评分',
  },
};
