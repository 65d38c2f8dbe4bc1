/**
 * "Create summary" (docs/insight.md): a new sheet, named in the user's language and never overwriting one,
 * holding the summary tables as Excel tables — per grade and per segment (customers, share, mean R,
 * F, M, total M and its share), the R-score × F-score matrices with a colour scale, the score
 * distributions — and native charts right of them. The tables are small (one row per grade, segment
 * or score), so everything goes in one request after a first sync that reads the names in use.
 */
import { RfmError, summarize, summaryBlocks, type Scheme, type ScoredSheet, type SummaryBlockKind } from '../core';
import { t, type Lang } from '../i18n';
import { addSummaryCharts, type ChartSpec, type PlacedBlock } from './charts';
import type { ExcelApi } from './types';
import { PAYLOAD_BUDGET, areaAddress, jsonBytes, textCell } from './util';

export interface SummaryTableInfo {
  kind: SummaryBlockKind;
  /** The Excel table's name (RFM_Grades, RFM_Grades_2 …). */
  name: string;
  /** Header row and data, e.g. "A2:I6". */
  address: string;
}

export interface SummaryWriteResult {
  sheet: string;
  tables: SummaryTableInfo[];
  charts: ChartSpec[];
  /** context.sync() calls it took. */
  syncs: number;
}

const TABLE_STYLE = 'TableStyleMedium2';
/** Light to green, as the command line's summary sheet. */
const SCALE_LOW = '#FFFFFF';
const SCALE_HIGH = '#63BE7B';

/** Column widths in points: labels, the follow-up / suggested action column, numbers. */
const LABEL_WIDTH = 130;
const ACTION_WIDTH = 300;
const SHORT_TEXT_WIDTH = 90;
const NUMBER_WIDTH = 72;

function unique(taken: Set<string>, base: string, pattern: (base: string, i: number) => string): string {
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = pattern(base, i);
  taken.add(name.toLowerCase());
  return name;
}

/** "RFM summary", "RFM summary (2)" … : a name no sheet has (compared case-insensitively). */
export function summarySheetName(existing: readonly string[], lang: Lang): string {
  return unique(new Set(existing.map((n) => n.toLowerCase())), t(lang, 'summary.sheetName'), (b, i) => `${b} (${i})`);
}

function cell(v: string | number | null): string | number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'string') return textCell(v);
  return '';
}

/**
 * Writes the summary of `scored` (as scored and written by a run) to a new sheet (not activated, like
 * the results sheet: the pane shows it through `selectCell`, which it knows to be its own selection).
 * `followUp`: the follow-up labels the run used (true or absent: the default cadence in `lang`).
 */
export async function createSummarySheet(
  excel: ExcelApi,
  scored: ScoredSheet,
  scheme: Scheme,
  lang: Lang,
  followUp?: boolean | string[],
): Promise<SummaryWriteResult> {
  const summary = summarize(scored.result, scheme, scored.segments);
  const blocks = summaryBlocks(summary, scheme, lang, followUp);

  // Layout: title, table (header + rows), two empty rows; the charts go right of the widest table.
  const placed: PlacedBlock[] = [];
  let row = 0;
  for (const block of blocks) {
    placed.push({ block, row: row + 1, column: 0 });
    row += block.rows.length + 4;
  }
  const width = Math.max(...blocks.map((b) => b.headers.length));
  const grids = placed.map((p) => [p.block.headers.map(textCell), ...p.block.rows.map((r) => r.map(cell))]);
  const cells = grids.reduce((n, g) => n + g.length * g[0].length, 0);
  // Raw scores with many distinct values make long distribution tables: one request must carry them.
  if (jsonBytes(grids) > PAYLOAD_BUDGET) throw new RfmError('paneInsight.summary.tooLarge', { cells });

  let syncs = 0;
  return excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/name');
    const tables = context.workbook.tables.load('items/name');
    syncs += 1;
    await context.sync();

    const sheet = summarySheetName(
      sheets.items.map((s) => s.name),
      lang,
    );
    const tableNames = new Set(tables.items.map((x) => x.name.toLowerCase()));
    const ws = context.workbook.worksheets.add(sheet);
    const info: SummaryTableInfo[] = [];
    placed.forEach((p, k) => {
      const { block } = p;
      const title = ws.getCell(p.row - 1, 0);
      title.values = [[textCell(block.title)]];
      title.format.font.bold = true;
      title.format.font.size = 12;

      const grid = grids[k];
      const range = ws.getRangeByIndexes(p.row, p.column, grid.length, block.headers.length);
      range.values = grid;
      const address = areaAddress(p.row, p.column, grid.length, block.headers.length);
      const table = ws.tables.add(address, true);
      const name = unique(tableNames, block.name, (b, i) => `${b}_${i}`);
      table.name = name;
      table.style = TABLE_STYLE;
      info.push({ kind: block.kind, name, address });

      const rows = block.rows.length;
      if (rows === 0) return;
      for (const [column, format] of Object.entries(block.formats)) {
        ws.getRangeByIndexes(p.row + 1, p.column + Number(column), rows, 1).numberFormat = block.rows.map(() => [format]);
      }
      if (block.colourScale && block.headers.length > 1) {
        const data = ws.getRangeByIndexes(p.row + 1, p.column + 1, rows, block.headers.length - 1);
        const scale = data.conditionalFormats.add(excel.ConditionalFormatType.colorScale);
        scale.colorScale.criteria = {
          minimum: { type: excel.ConditionalFormatColorCriterionType.lowestValue, color: SCALE_LOW },
          maximum: { type: excel.ConditionalFormatColorCriterionType.highestValue, color: SCALE_HIGH },
        };
      }
    });

    // Column widths: A holds the labels, B the follow-up (or the long suggested actions).
    const hasSegments = blocks.some((b) => b.kind === 'segments');
    ws.getRangeByIndexes(0, 0, 1, 1).format.columnWidth = LABEL_WIDTH;
    ws.getRangeByIndexes(0, 1, 1, 1).format.columnWidth = hasSegments ? ACTION_WIDTH : SHORT_TEXT_WIDTH;
    if (width > 2) ws.getRangeByIndexes(0, 2, 1, width - 2).format.columnWidth = NUMBER_WIDTH;

    const charts = addSummaryCharts(excel, ws, placed, width + 1, lang);
    syncs += 1;
    await context.sync();
    return { sheet, tables: info, charts, syncs };
  });
}
