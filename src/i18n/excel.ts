import type { MessageTable } from './index';

/** Strings of the Excel I/O (src/excel): problems with selections, sheets and writes. */
const en = {
  'excel.multiArea': 'Several areas are selected: select one rectangular table (or one cell in it).',
  'excel.emptySelection': 'The selection holds no data: select the customer table (whole columns are fine).',
  'excel.sheetMissing': 'The sheet "{sheet}" no longer exists.',
  'excel.readFailed': 'Excel returned no values for {address}: select a smaller table.',
  'excel.noRoom': 'There is no room right of the table for the {count} output columns: write them to a new sheet.',
  'excel.protected': 'The sheet "{sheet}" is protected, so the results cannot be written there: write them to a new sheet (or unprotect the sheet first).',
  'excel.merged': 'Merged cells ({area}) are in the way of the output: unmerge them or write the results to a new sheet.',
  'excel.mergedUnchecked':
    'Merged cells in the output area ({area}) stopped the write: unmerge them or write the results to a new sheet. (This Excel cannot find merged cells before writing: that needs ExcelApi {set}, Excel 2021 or newer.)',
  'excel.conflict': 'The cells where the results go are not empty (first: {cell}): choose to overwrite them, write to a new sheet, or cancel.',
  'excel.planMismatch': 'The table changed since the output area was checked: check it again.',
  'excel.sheetName': 'RFM results',
};

export const excelMessages: MessageTable<keyof typeof en> = {
  en,
  zh: {
    'excel.multiArea': '选中了多个区域：请只选择一个矩形表格（或其中的一个单元格）。',
    'excel.emptySelection': '选中的区域没有数据：请选择客户表（可以选整列）。',
    'excel.sheetMissing': '工作表“{sheet}”已不存在。',
    'excel.readFailed': 'Excel没有返回{address}的数据：请选择较小的表格。',
    'excel.noRoom': '表格右侧放不下{count}个结果列：请写入新工作表。',
    'excel.protected': '工作表“{sheet}”受保护，无法写入结果：请写入新工作表（或先取消保护）。',
    'excel.merged': '合并单元格（{area}）挡住了结果区域：请取消合并，或把结果写到新工作表。',
    'excel.mergedUnchecked': '结果区域（{area}）中的合并单元格使写入停止：请取消合并，或把结果写入新工作表。（此版本的Excel无法在写入前查找合并单元格：需要ExcelApi {set}，即Excel 2021或更新版本。）',
    'excel.conflict': '结果区域的单元格不是空的（第一个是{cell}）：请选择覆盖、写入新工作表或取消。',
    'excel.planMismatch': '检查结果区域之后，表格有了变化：请重新检查。',
    'excel.sheetName': 'RFM结果',
  },
};
