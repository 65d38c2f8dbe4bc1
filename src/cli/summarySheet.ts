/**
 * `--summary`: a summary sheet written with exceljs — per grade and per segment tables, the
 * R-score × F-score matrix with a colour scale, and the score distributions, each an Excel table.
 * Charts are a task-pane feature: exceljs cannot create native Excel charts.
 */
import type ExcelJS from 'exceljs';
import { columnLetter, summarize, summaryBlocks, type Scheme, type ScoredSheet } from '../core';
import { t, type Lang } from '../i18n';

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

export function addSummarySheet(
  wb: ExcelJS.Workbook,
  sheet: ScoredSheet,
  scheme: Scheme,
  lang: Lang,
  followUp: boolean | string[] | undefined,
): string {
  const summary = summarize(sheet.result, scheme, sheet.segments);
  const blocks = summaryBlocks(summary, scheme, lang, followUp);

  const name = uniqueSheetName(wb, t(lang, 'summary.sheetName'));
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
    for (const [col, fmt] of Object.entries(block.formats)) {
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
