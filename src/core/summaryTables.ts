/**
 * The summary sheet's tables (docs/insight.md) as plain data, in the user's language: per grade, per segment,
 * the R-score × F-score matrix (customers, mean M) and the score distributions. The command line
 * writes them with exceljs (src/cli/summarySheet.ts), the task pane through Office.js
 * (src/excel/summary.ts): one layout, two writers.
 */
import { t, type Lang, type MessageKey } from '../i18n';
import { followUpLabels } from './output';
import type { GroupSummary, Summary } from './summary';
import type { Scheme } from './types';

export const SUMMARY_PERCENT = '0.0%';
export const SUMMARY_DECIMAL = '0.00';

export type SummaryCell = string | number | null;

export type SummaryBlockKind = 'grades' | 'segments' | 'heatmapCount' | 'heatmapMeanM' | 'distribution' | 'segmentMedians';

export interface SummaryBlock {
  kind: SummaryBlockKind;
  /** The line above the table. */
  title: string;
  /** Base of the Excel table name (made unique by the writer). */
  name: string;
  headers: string[];
  rows: SummaryCell[][];
  /** Number format per column index. */
  formats: Record<number, string>;
  /** A two-colour scale over every column but the first (the R × F matrices). */
  colourScale: boolean;
}

/** Columns of a group row (grade or segment) after its two label columns. */
export const GROUP_COLUMNS = ['count', 'share', 'meanR', 'meanF', 'meanM', 'totalM', 'mShare'] as const;

function groupCells(s: GroupSummary): (number | null)[] {
  const n = (x: number) => (Number.isNaN(x) ? null : x);
  return [s.count, s.share, n(s.meanR), n(s.meanF), n(s.meanM), s.totalM, s.mShare];
}

/** share, means, total M, M share — shifted right by the label columns. */
const GROUP_FORMATS: Record<number, string> = {
  1: SUMMARY_PERCENT,
  2: SUMMARY_DECIMAL,
  3: SUMMARY_DECIMAL,
  4: SUMMARY_DECIMAL,
  5: SUMMARY_DECIMAL,
  6: SUMMARY_PERCENT,
};

function shift(formats: Record<number, string>, by: number): Record<number, string> {
  return Object.fromEntries(Object.entries(formats).map(([k, v]) => [Number(k) + by, v]));
}

/**
 * The summary's tables. `followUp`: the follow-up labels per grade the run used (default: the
 * cadence in `lang`).
 */
export function summaryBlocks(summary: Summary, scheme: Scheme, lang: Lang, followUp?: boolean | string[]): SummaryBlock[] {
  const tr = (key: MessageKey, vars?: Record<string, string | number>) => t(lang, key, vars);
  const groupHeaders = GROUP_COLUMNS.map((k) => tr(`summary.${k}` as MessageKey));
  const follow = followUpLabels(scheme, lang, Array.isArray(followUp) ? followUp : undefined);

  const blocks: SummaryBlock[] = [
    {
      kind: 'grades',
      title: tr('summary.byGrade'),
      name: 'RFM_Grades',
      headers: [tr('summary.grade'), tr('summary.followUp'), ...groupHeaders],
      rows: summary.grades.map((g, i) => [g.label, follow[i], ...groupCells(g)]),
      formats: shift(GROUP_FORMATS, 2),
      colourScale: false,
    },
  ];
  if (summary.segments) {
    blocks.push({
      kind: 'segments',
      title: tr('summary.bySegment'),
      name: 'RFM_Segments',
      headers: [tr('summary.segment'), tr('summary.action'), ...groupHeaders],
      rows: summary.segments.map((s) => [s.names[lang], s.actions[lang], ...groupCells(s)]),
      formats: shift(GROUP_FORMATS, 2),
      colourScale: false,
    });
  }
  const { rScores, fScores, cells } = summary.heatmap;
  const corner = `${tr('summary.rScore')} \\ ${tr('summary.fScore')}`;
  const fHeaders = fScores.map((f) => `F ${f}`);
  blocks.push({
    kind: 'heatmapCount',
    title: tr('summary.heatmapCount'),
    name: 'RFM_RxF_Customers',
    headers: [corner, ...fHeaders],
    rows: rScores.map((r, i) => [`R ${r}`, ...cells[i].map((c) => c.count)]),
    formats: {},
    colourScale: true,
  });
  blocks.push({
    kind: 'heatmapMeanM',
    title: tr('summary.heatmapMeanM'),
    name: 'RFM_RxF_MeanM',
    headers: [corner, ...fHeaders],
    rows: rScores.map((r, i) => [`R ${r}`, ...cells[i].map((c) => (Number.isNaN(c.meanM) ? null : c.meanM))]),
    formats: Object.fromEntries(fScores.map((_, j) => [j + 1, SUMMARY_DECIMAL])),
    colourScale: true,
  });
  const metrics = ['r', 'f', 'm'] as const;
  const scores = [...new Set(metrics.flatMap((m) => summary.distributions[m].map((d) => d.score)))].sort((a, b) => b - a);
  const counts = metrics.map((m) => new Map(summary.distributions[m].map((d) => [d.score, d.count])));
  const countOf = (i: number, s: number) => counts[i].get(s) ?? 0;
  blocks.push({
    kind: 'distribution',
    title: tr('summary.distribution'),
    name: 'RFM_Distribution',
    headers: [tr('summary.score'), ...(['R', 'F', 'M'] as const).map((m) => tr('summary.metricScore', { metric: m }))],
    rows: scores.map((s) => [s, countOf(0, s), countOf(1, s), countOf(2, s)]),
    formats: {},
    colourScale: false,
  });
  // Last, so the tables above keep their places (docs/lists.md, "Heat map").
  if (summary.medians) {
    const n = (x: number) => (Number.isNaN(x) ? null : x);
    blocks.push({
      kind: 'segmentMedians',
      title: tr('summary.segmentMedians'),
      name: 'RFM_Segment_Medians',
      headers: [tr('summary.segment'), tr('summary.count'), tr('summary.medianR'), tr('summary.medianF'), tr('summary.medianM')],
      rows: summary.medians.map((s) => [s.names[lang], s.count, n(s.medianR), n(s.medianF), n(s.medianM)]),
      formats: { 2: SUMMARY_DECIMAL, 3: SUMMARY_DECIMAL, 4: SUMMARY_DECIMAL },
      colourScale: false,
    });
  }
  return blocks;
}
