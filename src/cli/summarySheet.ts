/**
 * `--summary`: a summary sheet written with exceljs — per grade and per segment tables, the
 * R-score × F-score matrix with a colour scale, and the score distributions, each an Excel table.
 * Charts are a task-pane feature: exceljs cannot create native Excel charts.
 */
import type ExcelJS from 'exceljs';
import {
  columnLetter,
  followUpLabels,
  segmentAction,
  segmentLabel,
  summarize,
  type GroupSummary,
  type Scheme,
  type ScoredSheet,
} from '../core';
import { t, type Lang, type MessageKey } from '../i18n';

/** A sheet name not used yet in the workbook: base, base (2), base (3) … */
export function uniqueSheetName(wb: ExcelJS.Workbook, base: string): string {
  const taken = new Set(wb.worksheets.map((ws) => ws.name.toLowerCase()));
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} (${i})`;
  return name;
}

function uniqueTableName(wb: ExcelJS.Workbook, base: string): string {
  const taken = new Set<string>();
  for (const ws of wb.worksheets) for (const name of Object.keys((ws as unknown as { tables: object }).tables ?? {})) taken.add(name.toLowerCase());
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}_${i}`;
  taken.add(name.toLowerCase());
  return name;
}

const PERCENT = '0.0%';
const DECIMAL = '0.00';

interface Block {
  title: string;
  name: string;
  headers: string[];
  rows: (string | number | null)[][];
  /** number format per column (index) */
  formats?: Record<number, string>;
  colourScale?: boolean;
}

function groupCells(s: GroupSummary): (number | null)[] {
  const n = (x: number) => (Number.isNaN(x) ? null : x);
  return [s.count, s.share, n(s.meanR), n(s.meanF), n(s.meanM), s.totalM, s.mShare];
}

const GROUP_FORMATS = { 1: PERCENT, 2: DECIMAL, 3: DECIMAL, 4: DECIMAL, 5: DECIMAL, 6: PERCENT };

export function addSummarySheet(
  wb: ExcelJS.Workbook,
  sheet: ScoredSheet,
  scheme: Scheme,
  lang: Lang,
  followUp: boolean | string[] | undefined,
): string {
  const tr = (key: MessageKey, vars?: Record<string, string | number>) => t(lang, key, vars);
  const summary = summarize(sheet.result, scheme, sheet.segments);
  const groupHeaders = ['summary.count', 'summary.share', 'summary.meanR', 'summary.meanF', 'summary.meanM', 'summary.totalM', 'summary.mShare'].map(
    (k) => tr(k as MessageKey),
  );
  const follow = followUpLabels(scheme, lang, Array.isArray(followUp) ? followUp : undefined);
  const shift = (formats: Record<number, string>, by: number) =>
    Object.fromEntries(Object.entries(formats).map(([k, v]) => [Number(k) + by, v]));

  const blocks: Block[] = [
    {
      title: tr('summary.byGrade'),
      name: 'RFM_Grades',
      headers: [tr('summary.grade'), tr('summary.followUp'), ...groupHeaders],
      rows: summary.grades.map((g, i) => [g.label, follow[i], ...groupCells(g)]),
      formats: shift(GROUP_FORMATS, 2),
    },
  ];
  if (summary.segments) {
    blocks.push({
      title: tr('summary.bySegment'),
      name: 'RFM_Segments',
      headers: [tr('summary.segment'), tr('summary.action'), ...groupHeaders],
      rows: summary.segments.map((s) => [segmentLabel(s.segment, lang), segmentAction(s.segment, lang), ...groupCells(s)]),
      formats: shift(GROUP_FORMATS, 2),
    });
  }
  const { rScores, fScores, cells } = summary.heatmap;
  const corner = `${tr('summary.rScore')} \\ ${tr('summary.fScore')}`;
  const fHeaders = fScores.map((f) => `F ${f}`);
  blocks.push({
    title: tr('summary.heatmapCount'),
    name: 'RFM_RxF_Customers',
    headers: [corner, ...fHeaders],
    rows: rScores.map((r, i) => [`R ${r}`, ...cells[i].map((c) => c.count)]),
    colourScale: true,
  });
  blocks.push({
    title: tr('summary.heatmapMeanM'),
    name: 'RFM_RxF_MeanM',
    headers: [corner, ...fHeaders],
    rows: rScores.map((r, i) => [`R ${r}`, ...cells[i].map((c) => (Number.isNaN(c.meanM) ? null : c.meanM))]),
    formats: Object.fromEntries(fScores.map((_, j) => [j + 1, DECIMAL])),
    colourScale: true,
  });
  const scores = [...new Set((['r', 'f', 'm'] as const).flatMap((m) => summary.distributions[m].map((d) => d.score)))].sort((a, b) => b - a);
  const countOf = (m: 'r' | 'f' | 'm', s: number) => summary.distributions[m].find((d) => d.score === s)?.count ?? 0;
  blocks.push({
    title: tr('summary.distribution'),
    name: 'RFM_Distribution',
    headers: [tr('summary.score'), ...(['R', 'F', 'M'] as const).map((m) => tr('summary.metricScore', { metric: m }))],
    rows: scores.map((s) => [s, countOf('r', s), countOf('f', s), countOf('m', s)]),
  });

  const name = uniqueSheetName(wb, tr('summary.sheetName'));
  const ws = wb.addWorksheet(name);
  let row = 1;
  for (const block of blocks) {
    const title = ws.getCell(row, 1);
    title.value = block.title;
    title.font = { bold: true, size: 12 };
    row++;
    const tableName = uniqueTableName(wb, block.name);
    ws.addTable({
      name: tableName,
      ref: `A${row}`,
      headerRow: true,
      style: { theme: 'TableStyleMedium2', showRowStripes: true },
      columns: block.headers.map((h) => ({ name: h })),
      rows: block.rows,
    });
    const first = row + 1;
    const last = row + block.rows.length;
    for (const [col, fmt] of Object.entries(block.formats ?? {})) {
      for (let r = first; r <= last; r++) ws.getCell(r, Number(col) + 1).numFmt = fmt;
    }
    if (block.colourScale && block.rows.length && block.headers.length > 1) {
      ws.addConditionalFormatting({
        ref: `B${first}:${columnLetter(block.headers.length - 1)}${last}`,
        rules: [
          {
            type: 'colorScale',
            priority: 1,
            cfvo: [{ type: 'min' }, { type: 'max' }],
            color: [{ argb: 'FFFFFFFF' }, { argb: 'FF63BE7B' }],
          },
        ],
      });
    }
    row = last + 3;
  }
  ws.columns.forEach((c, i) => {
    c.width = i === 1 && summary.segments ? 48 : 14;
  });
  return name;
}
