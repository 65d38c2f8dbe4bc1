/**
 * How the product assembles text in each language: list and clause separators, quotes and
 * brackets (docs/glossary.md, "Assembled text"). Chinese uses full-width punctuation with no
 * spaces (“A”、“B”；（20%）), English the ASCII forms with spaces ("A", "B"; (20%)). Code that
 * joins items for a message uses these helpers instead of writing separators itself.
 */
import type { Lang } from './index';

/** A list-item variable that is shown in quotes: "Sales" in English, “销售” in Chinese. */
export interface Quoted {
  readonly quote: string | number;
}

/** The value of a message variable: a string, a number, or a list joined by the list separator. */
export type MessageVar = string | number | readonly (string | number | Quoted)[];

/** Separator of the items of a list: ", " / "、". */
export function listSep(lang: Lang): string {
  return lang === 'zh' ? '、' : ', ';
}

/** Separator of clauses that each carry their own comma or colon: "; " / "；". */
export function clauseSep(lang: Lang): string {
  return lang === 'zh' ? '；' : '; ';
}

/** Separator of items after a colon that are numbers or codes: ", " / "，". */
export function itemSep(lang: Lang): string {
  return lang === 'zh' ? '，' : ', ';
}

export function quote(lang: Lang, text: string | number): string {
  return lang === 'zh' ? `“${text}”` : `"${text}"`;
}

/** A note in brackets after a word: " (note)" / "（note）". */
export function paren(lang: Lang, text: string | number): string {
  return lang === 'zh' ? `（${text}）` : ` (${text})`;
}

export function quoted(text: string | number): Quoted {
  return { quote: text };
}

export function joinList(lang: Lang, items: readonly (string | number | Quoted)[], sep: string = listSep(lang)): string {
  return items.map((i) => (typeof i === 'object' ? quote(lang, i.quote) : String(i))).join(sep);
}

export function joinClauses(lang: Lang, items: readonly string[]): string {
  return items.join(clauseSep(lang));
}

/** The value of one message variable in a language (lists are joined with the list separator). */
export function varText(lang: Lang, v: MessageVar): string {
  return typeof v === 'object' ? joinList(lang, v) : String(v);
}

/** Marks a list cut short: "a, b …" / "a、b等". */
export function etc(lang: Lang): string {
  return lang === 'zh' ? '等' : ' …';
}

/** The colon between a label and its text: ": " / "：". */
export function colon(lang: Lang): string {
  return lang === 'zh' ? '：' : ': ';
}

/** A column named by letter and header: `B "Recency"` / `B列“最近消费天数”` (the header may be empty). */
export function columnWithHeader(lang: Lang, letter: string, header: unknown): string {
  const text = header === undefined || header === null ? '' : String(header).trim();
  const col = lang === 'zh' ? `${letter}列` : letter;
  if (!text) return col;
  return lang === 'zh' ? `${col}${quote(lang, text)}` : `${col} ${quote(lang, text)}`;
}

/**
 * Whether a cell reads as the parameters sheet's title in either language. Spaces are ignored, so a
 * sheet written before the no-space rule of docs/glossary.md ("RFM 评分参数") is still recognised.
 */
export function isParamsTitle(text: unknown, titles: readonly string[]): boolean {
  if (typeof text !== 'string') return false;
  const bare = text.replace(/\s+/g, '');
  return titles.some((title) => title.replace(/\s+/g, '') === bare);
}

/** Between a word and a number or Latin word: " " in English, nothing in Chinese ("R得分5"). */
export function wordSep(lang: Lang): string {
  return lang === 'zh' ? '' : ' ';
}

/**
 * Whether two header texts say the same, ignoring spaces and half- vs full-width punctuation, so
 * a column a version before docs/glossary.md's house style wrote ("辅助:R值") is still recognised
 * as this product's own ("辅助：R值").
 */
export function sameHeader(a: string, b: string): boolean {
  const key = (s: string) =>
    s.replace(/\s+/g, '').replace(/[,:;()?!]/g, (c) => ({ ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！' })[c] ?? c);
  return key(a) === key(b);
}
