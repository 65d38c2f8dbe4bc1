import type { MessageTable } from './index';

/** Strings of the Excel I/O (src/excel): problems with selections, sheets and writes. */
const en = {
  'excel.placeholder': 'placeholder',
};
export const excelMessages: MessageTable<keyof typeof en> = {
  en,
  zh: {
    'excel.placeholder': '占位',
  },
};
