import type { MessageTable } from './index';

/** Strings of the Excel task pane (src/taskpane). */
const en = {
  'pane.title': 'RFM Grader',
  'pane.tagline':
    'Score customers by recency, frequency and monetary value (RFM) and grade them A/B/C/D.',
  'pane.notInExcel': 'Open this pane from Excel (Home tab › RFM Grader) to work with your sheets.',
  'pane.language': 'Language',
  'pane.lang.en': 'EN',
  'pane.lang.zh': '中文',
};
export const paneMessages: MessageTable<keyof typeof en> = {
  en,
  zh: {
    'pane.title': 'RFM 客户分级',
    'pane.tagline': '按最近一次消费（R）、消费频次（F）和消费金额（M）为客户打分，并分为 A/B/C/D 四个等级。',
    'pane.notInExcel': '请在 Excel 中打开此窗格（“开始”选项卡 › RFM 客户分级）以处理工作表。',
    'pane.language': '语言',
    'pane.lang.en': 'EN',
    'pane.lang.zh': '中文',
  },
};
