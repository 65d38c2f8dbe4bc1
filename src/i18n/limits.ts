import type { MessageTable } from './index';

/** Strings of the command line's limits and robustness checks (src/cli/limits.ts, docs/limits.md). */
const en = {
  'limits.csvTooLarge': '{file} is {size} MB, more than the {limit} MB a CSV file can have for scoring (it is read whole): split it into smaller files',
  'limits.tooManyRows': '{file} has more than {limit} rows, the most an xlsx sheet holds, so {out} cannot keep them: write a .csv output instead',
  'limits.tooManyColumns': 'Row {row} of {file} has {count} cells, more than the {limit} columns an xlsx sheet holds, so {out} cannot keep them: write a .csv output instead',
  'limits.outputColumns': 'The output columns of {file} would end in column {count}, past the last column an xlsx sheet has ({limit}): remove empty columns or write a .csv output instead of {out}',
  'limits.textTooLong': 'Cell {cell} of {file} holds {length} characters of text, more than an xlsx cell holds ({limit}): shorten it or write a .csv output',
  'limits.outTextTooLong': 'Cannot write {file}: cell {cell} would hold {length} characters of text, more than an xlsx cell holds ({limit})',
  'limits.notFinite': 'Cannot write {file}: cell {cell} would hold {value}, because the numbers it is computed from are too large for a spreadsheet (largest: 1.7976931348623157e308)',
  'limits.amountOverflow': 'The amounts of customer {customer} in {file} add up to more than the largest number a spreadsheet holds (1.7976931348623157e308): check the amount column',
  'limits.sameAsOut': '{option} names the output file {file}: the earlier result would be overwritten; write the output to another file',
  'limits.interrupted': 'Interrupted by {signal}: nothing was written',
};

export const limitMessages: MessageTable<keyof typeof en> = {
  en,
  zh: {
    'limits.csvTooLarge': '{file}有{size}MB，评分时CSV文件会整体读入，最大{limit}MB：请拆分为较小的文件',
    'limits.tooManyRows': '{file}超过{limit}行，即xlsx工作表的最大行数，{out}无法容纳：请改为输出.csv文件',
    'limits.tooManyColumns': '{file}第{row}行有{count}个单元格，超过xlsx工作表的最大列数{limit}，{out}无法容纳：请改为输出.csv文件',
    'limits.outputColumns': '{file}的输出列将结束于第{count}列，超过xlsx工作表的最后一列（第{limit}列）：请删除空列，或改为输出.csv文件而非{out}',
    'limits.textTooLong': '{file}的单元格{cell}有{length}个字符，超过xlsx单元格的上限（{limit}个）：请缩短文字，或改为输出.csv文件',
    'limits.outTextTooLong': '无法写入{file}：单元格{cell}将有{length}个字符，超过xlsx单元格的上限（{limit}个）',
    'limits.notFinite': '无法写入{file}：单元格{cell}将是{value}，因为参与计算的数字过大，电子表格无法容纳（最大为1.7976931348623157e308）',
    'limits.amountOverflow': '{file}中客户{customer}的金额合计超过电子表格能容纳的最大数字（1.7976931348623157e308）：请检查金额列',
    'limits.sameAsOut': '{option}指定的文件就是输出文件{file}：上期结果会被覆盖；请把输出写到另一个文件',
      'limits.interrupted': '被{signal}中断：未写入任何文件',
  },
};
