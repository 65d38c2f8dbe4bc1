import type { MessageTable } from './index';

/**
 * The pane's notes on features this Excel runs without (docs/requirements.md): each names what is
 * missing and the ExcelApi set and Excel version that has it.
 */
const en = {
  'req.title': 'This Excel (ExcelApi below {set}) runs RFM Grader with these limits:',
  'req.mergedCheck':
    'Merged cells in the output area are not found before writing (needs ExcelApi {set}: Excel 2021, 2024 or Microsoft 365). Make sure the columns right of the table have no merged cells; a write that meets them stops with a message.',
  'req.groupHelpers': 'Live formulas: the helper columns are not grouped (needs ExcelApi {set}: Excel 2021, 2024 or Microsoft 365).',
  'req.screenUpdating': 'Excel redraws the sheet while the results are written, so large writes are slower (needs ExcelApi {set}: Excel 2021, 2024 or Microsoft 365).',
};

export const requirementMessages: MessageTable<keyof typeof en> = {
  en,
  zh: {
    'req.title': '此版本的Excel（ExcelApi低于{set}）运行本加载项时有以下限制：',
    'req.mergedCheck':
      '写入前不会查找结果区域中的合并单元格（需要ExcelApi {set}：Excel 2021、2024或Microsoft 365）。请确认表格右侧的列中没有合并单元格；写入遇到合并单元格时会停止并提示。',
    'req.groupHelpers': '公式（自动重算）：辅助列不会分组（需要ExcelApi {set}：Excel 2021、2024或Microsoft 365）。',
    'req.screenUpdating': '写入结果时Excel会刷新工作表，数据量大时写入较慢（需要ExcelApi {set}：Excel 2021、2024或Microsoft 365）。',
  },
};
