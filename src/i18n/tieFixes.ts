import type { MessageTable } from './index';

/** Tie-collapse advice (src/core/tieFixes.ts, docs/tie-advice.md): the fixes a ties warning offers. */
const en = {
  'tieFix.heading': 'Changes for the empty {metric} scores, with the {metric} scores each gives:',
  'tieFix.bins': '{bins} bins instead of {from} (for every metric scored in quintiles)',
  'tieFix.breaks': 'Fixed cut-offs for {metric}: {cutoffs} (scores 1–{top})',
  'tieFix.first': 'Ties by row order: equal values then get different scores, decided by the order of the rows',
  'tieFix.emptyLeft': 'still no one scores {scores}',
  'tieFix.gradesLost': 'then no one can reach {labels}: adjust the grade thresholds',
  'tieFix.cliItem': '{text} (option {option})',
  'tieFix.use': 'Use this',
  'tieFix.useLabel': 'Use this: {text}',
};

type Key = keyof typeof en;

const zh: Record<Key, string> = {
  'tieFix.heading': '填补{metric}值空缺得分的改法，以及各自的{metric}值得分分布：',
  'tieFix.bins': '分档数由{from}改为{bins}（对所有按五分位评分的指标生效）',
  'tieFix.breaks': '{metric}值改用固定分界值{cutoffs}（得分1–{top}）',
  'tieFix.first': '并列处理方式改为“按行顺序”：相同的值会因所在行的先后得到不同的得分',
  'tieFix.emptyLeft': '仍没有客户得{scores}分',
  'tieFix.gradesLost': '此后无人能达到{labels}级：需调整等级下限',
  'tieFix.cliItem': '{text}（选项：{option}）',
  'tieFix.use': '采用',
  'tieFix.useLabel': '采用：{text}',
};

export const tieFixMessages: MessageTable<Key> = { en, zh };
