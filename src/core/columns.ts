/**
 * SPEC.md 1: header-row detection and column detection from English and Chinese headers.
 *
 * Decisions where SPEC.md is silent (docs/scoring.md):
 * - Headers of score/grade/output columns (得分, 评分, 等级, score, grade, …) are never candidates,
 *   so a sheet that already carries `R得分` or a previous run's `R Score` still detects `R值` as R.
 * - Per header: a standalone Latin R/F/M decides; only headers without one are matched by keyword.
 *   Per metric: a letter match beats keyword matches; two matches of the same kind are ambiguous.
 */
import { looksNumeric } from './cells';
import type { CellValue, Metric } from './types';

export type ColumnRole = Metric | 'id';

export interface ColumnProblem {
  metric: Metric;
  kind: 'missing' | 'ambiguous';
  /** Column indexes of the competing headers (ambiguous). */
  candidates: number[];
}

export interface ColumnDetection {
  columns: Partial<Record<ColumnRole, number>>;
  problems: ColumnProblem[];
}

const KEYWORDS: Record<Metric, RegExp> = {
  r: /recency|最近一次|距今|天数|间隔/i,
  f: /frequency|频次|频率|次数/i,
  m: /monetary|amount|金额|消费额/i,
};

const ID_HEADER = /^(?:id|customer(?:[ _-]?(?:id|no\.?|number|code|name))?|client(?:[ _-]?id)?|客户|客户(?:编号|id|代码|编码|名称|号)|会员(?:id|编号|号)?|用户(?:id|编号)?|编号)$/i;

/** Headers that describe scores, grades or this product's own output: never an input metric. */
const OUTPUT_LIKE = /得分|评分|分数|打分|等级|分级|分群|回访|数据检查|辅助|score|grade|segment|follow-?up|rank|check|helper/i;

function headerText(v: CellValue): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

/** The metric one header names, and whether a standalone letter decided it. */
export function classifyHeader(v: CellValue): { metric: Metric; byLetter: boolean } | undefined {
  const text = headerText(v);
  if (!text || OUTPUT_LIKE.test(text)) return undefined;
  const letters = new Set<Metric>();
  for (const m of text.matchAll(/(?<![A-Za-z])([RFMrfm])(?![A-Za-z])/g)) letters.add(m[1].toLowerCase() as Metric);
  if (letters.size === 1) return { metric: [...letters][0], byLetter: true };
  if (letters.size > 1) return undefined;
  const hits = (Object.keys(KEYWORDS) as Metric[]).filter((m) => KEYWORDS[m].test(text));
  return hits.length === 1 ? { metric: hits[0], byLetter: false } : undefined;
}

export function detectColumns(headers: readonly CellValue[]): ColumnDetection {
  const byLetter: Record<Metric, number[]> = { r: [], f: [], m: [] };
  const byKeyword: Record<Metric, number[]> = { r: [], f: [], m: [] };
  headers.forEach((h, i) => {
    const c = classifyHeader(h);
    if (c) (c.byLetter ? byLetter : byKeyword)[c.metric].push(i);
  });
  const columns: ColumnDetection['columns'] = {};
  const problems: ColumnProblem[] = [];
  for (const metric of ['r', 'f', 'm'] as Metric[]) {
    const found = byLetter[metric].length ? byLetter[metric] : byKeyword[metric];
    if (found.length === 1) columns[metric] = found[0];
    else problems.push({ metric, kind: found.length ? 'ambiguous' : 'missing', candidates: found });
  }
  const ids = headers.flatMap((h, i) => (ID_HEADER.test(headerText(h)) ? [i] : []));
  if (ids.length >= 1) columns.id = ids[0];
  return { columns, problems };
}

/**
 * SPEC.md 1: the first row is a header when its R/F/M cells are not numbers. A row with no text
 * at all in those cells (all blank) is data, so a blank first row is reported, not swallowed.
 */
export function isHeaderRow(firstRow: readonly CellValue[], columns: Record<Metric, number>): boolean {
  const cells = [columns.r, columns.f, columns.m].map((c) => firstRow[c]);
  return (
    cells.every((v) => !looksNumeric(v)) && cells.some((v) => typeof v === 'string' && v.trim() !== '')
  );
}
