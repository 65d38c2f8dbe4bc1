import type { MessageTable } from './index';

const en = {
  'cli.placeholder': 'placeholder',
};
export const cliMessages: MessageTable<keyof typeof en> = {
  en,
  zh: {
    'cli.placeholder': '占位',
  },
};
