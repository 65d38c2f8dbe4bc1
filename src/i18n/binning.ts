import type { MessageTable } from './index';

/**
 * Nested binning (docs/binning.md): the scheme field, its errors, the parameters sheet's line, the
 * pane's field and notices (src/core/nested.ts, src/taskpane/components/SchemeSection.tsx).
 */
const en = {
  'scheme.badBinning': 'Unknown binning "{value}" (use independent or nested)',
  'binning.frozen':
    'Nested binning cannot score on an earlier run\'s frozen scale: nested F and M have their own cut values in every R bin. Score with independent binning, or without the earlier scale.',
  'binning.formulas':
    'Nested binning writes values only: live formulas rank F and M over all customers, not within each R bin. Drop --formulas or use --binning independent.',
  'binning.sqlFrozen': 'Nested binning cannot be written as SQL on a frozen scale: nested F and M have their own cut values in every R bin.',
  // Parameters sheet (src/core/runRecord.ts).
  'binning.label': 'Binning',
  'binning.independent': 'independent: R, F and M each ranked over all customers',
  'binning.nested': 'nested: R over all customers, F within each R score, M within each R and F score',
  'binning.rule': 'ranked within each R bin (nested binning): the values overlap between scores',
  // Task pane.
  'pane.binning.label': 'Binning',
  'pane.binning.independent': 'Independent (each over all customers)',
  'pane.binning.nested': 'Nested (F within each R score, M within each R × F cell)',
  'pane.binning.hint': 'Nested binning applies to quintile scores; fixed cut-offs and raw values score the same either way.',
  'pane.binning.formulas': 'Nested binning writes values only: switch the output to values to run.',
  'pane.binning.summary': 'nested binning',
  // Help page (src/help/render.ts).
  'help.rules.nested':
    'Nested binning (optional, as in SPSS): R is ranked over all customers, F separately among the customers with the same R score, and M among those with the same R and F scores. Fixed cut-offs and raw values score the same either way; nested schemes write values, not formulas.',
};

const zh: Record<keyof typeof en, string> = {
  'scheme.badBinning': '分档方式“{value}”无法识别：可选independent（独立分档）或nested（嵌套分档）',
  'binning.frozen':
    '嵌套分档不能沿用上期分界值：嵌套时F值和M值在每个R得分内各有分界值。请改用独立分档，或不沿用上期分界值。',
  'binning.formulas':
    '嵌套分档只能输出数值：公式（自动重算）会在全部客户中为F值和M值排名，而不是在每个R得分内排名。请去掉--formulas，或使用--binning independent。',
  'binning.sqlFrozen': '嵌套分档不能按沿用的上期分界值生成SQL：嵌套时F值和M值在每个R得分内各有分界值。',
  'binning.label': '分档方式',
  'binning.independent': '独立分档：R值、F值、M值各自在全部客户中排名',
  'binning.nested': '嵌套分档：R值在全部客户中排名，F值在每个R得分内排名，M值在每个R得分和F得分的组合内排名',
  'binning.rule': '在每个R得分内分别排名（嵌套分档）：各得分的数值范围会重叠',
  'pane.binning.label': '分档方式',
  'pane.binning.independent': '独立分档（各自在全部客户中排名）',
  'pane.binning.nested': '嵌套分档（F值在每个R得分内、M值在每个R×F组合内排名）',
  'pane.binning.hint': '嵌套分档只作用于五分位评分；按分界值评分和原始值两种方式下结果相同。',
  'pane.binning.formulas': '嵌套分档只能输出数值：请把输出方式改为数值后再运行。',
  'pane.binning.summary': '嵌套分档',
  'help.rules.nested':
    '嵌套分档（可选，同SPSS）：R值在全部客户中排名，F值在R得分相同的客户中排名，M值在R得分和F得分都相同的客户中排名。按分界值评分和原始值两种方式下结果不变；嵌套分档只输出数值，不输出公式。',
};

export const binningMessages: MessageTable<keyof typeof en> = { en, zh };
