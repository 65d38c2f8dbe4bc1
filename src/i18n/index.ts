/**
 * i18n: every user-visible string of the product comes from these tables (en-US and zh-CN).
 * Each area keeps its own table file (core.ts, cli.ts, pane.ts …) so the areas don't collide;
 * every table is typed so the zh-CN table must have exactly the keys of the en-US one.
 */
import { coreMessages } from './core';
import { cliMessages } from './cli';
import { paneMessages } from './pane';
import { excelMessages } from './excel';
import { txMessages } from './transactions';
import { insightMessages } from './insight';
import { formulaMessages } from './formulas';
import { periodMessages } from './periods';
import { paneInsightMessages } from './paneInsight';
import { paneModeMessages } from './paneModes';
import { panePeriodMessages } from './panePeriods';
import { helpMessages } from './help';
import { varText, type MessageVar } from './format';

export type { MessageVar } from './format';
import { paneLayoutMessages } from './paneLayout';
import { requirementMessages } from './requirements';
import { xlsxMessages } from './xlsx';
import { limitMessages } from './limits';
import { sqlMessages } from './sql';
import { segmentMapMessages } from './segmentMaps';
import { listMessages } from './lists';
import { tieFixMessages } from './tieFixes';
import { binningMessages } from './binning';

export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];

/** A table pair: the zh table must define every key of the en table. */
export interface MessageTable<K extends string> {
  en: Record<K, string>;
  zh: Record<K, string>;
}

const tables = [coreMessages, cliMessages, paneMessages, excelMessages, insightMessages, txMessages, formulaMessages, paneModeMessages, paneInsightMessages, periodMessages, panePeriodMessages, helpMessages, paneLayoutMessages, requirementMessages, xlsxMessages, limitMessages, sqlMessages, listMessages, tieFixMessages, binningMessages, segmentMapMessages] as const;
type Keys<T> = T extends MessageTable<infer K> ? K : never;
export type MessageKey = Keys<(typeof tables)[number]>;

const merged: Record<Lang, Record<string, string>> = { en: {}, zh: {} };
for (const table of tables) {
  for (const lang of LANGS) {
    for (const [k, v] of Object.entries(table[lang])) {
      if (k in merged[lang]) throw new Error(`duplicate message key ${k}`);
      merged[lang][k] = v;
    }
  }
}

/** Map an Office/BCP-47 language tag (zh-CN, zh-TW, en-US, …) to a product language. */
export function langFromTag(tag: string | undefined | null): Lang {
  return tag && /^zh\b/i.test(tag) ? 'zh' : 'en';
}

/** Translate `key`, filling {name} placeholders from vars. */
export function t(lang: Lang, key: MessageKey, vars: Record<string, MessageVar> = {}): string {
  const template = merged[lang][key] ?? merged.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? varText(lang, vars[name]) : whole,
  );
}

/** Format a share 0..1 as a percentage with no decimals ("58%"). */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
