/**
 * The file-format-independent part of the command line: find the table in a sheet's rows, score it,
 * and decide where the output columns go (after the last used column, or over this product's own
 * earlier output columns on a re-run).
 */
import {
  cellAddress,
  describeInvalid,
  isOwnOutputHeader,
  outputTable,
  resolveLayout,
  RfmError,
  scoreTable,
  columnLetter,
  type CellValue,
  type Layout,
  type LayoutOptions,
  type OutputTable,
  type Scheme,
  type ScoreResult,
} from '../core';
import type { Lang } from '../i18n';

export interface ScoredSheet {
  layout: Layout;
  /** 0-based physical index of the header row, or -1. */
  headerRow: number;
  /** 0-based physical indexes of the data rows (completely empty rows are skipped). */
  dataRows: number[];
  result: ScoreResult;
  output: OutputTable;
  /** 0-based column where the first output column goes. */
  startColumn: number;
  /** Number of this product's earlier output columns being replaced (0 when appending). */
  replacedColumns: number;
}

export function isEmptyCell(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function isEmptyRow(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every(isEmptyCell);
}

/** 0-based index of the last column holding a value in any row, or -1. */
export function lastUsedColumn(rows: readonly (readonly CellValue[])[]): number {
  let last = -1;
  for (const row of rows) {
    for (let c = row.length - 1; c > last; c--) {
      if (!isEmptyCell(row[c])) {
        last = c;
        break;
      }
    }
  }
  return last;
}

/** Address in the user's terms: the invalid cell of data row `i`. */
export function invalidAddress(sheet: ScoredSheet, row: number, metric: 'r' | 'f' | 'm'): string {
  return cellAddress(sheet.layout.columns[metric], sheet.dataRows[row] + 1);
}

export function scoreSheet(
  rows: readonly (readonly CellValue[])[],
  layoutOptions: LayoutOptions,
  scheme: Scheme,
  lang: Lang,
): ScoredSheet {
  const first = rows.findIndex((r) => !isEmptyRow(r));
  if (first < 0) throw new RfmError('cli.emptySheet');
  const layout = resolveLayout(rows[first], layoutOptions);
  const headerRow = layout.header ? first : -1;
  let lastColumn = lastUsedColumn(rows);

  // A re-run: the header ends with this product's own output columns; write over them.
  let replacedColumns = 0;
  if (headerRow >= 0) {
    const header = rows[headerRow];
    let c = lastColumn;
    while (c >= 0 && isOwnOutputHeader(header[c])) c--;
    replacedColumns = lastColumn - c;
    for (const metric of ['r', 'f', 'm'] as const) {
      if (layout.columns[metric] > c) replacedColumns = 0;
    }
    if (replacedColumns) lastColumn = c;
  }

  for (const metric of ['r', 'f', 'm'] as const) {
    const col = layout.columns[metric];
    if (col > lastColumn) {
      throw new RfmError('cli.columnEmpty', { metric: metric.toUpperCase(), column: columnLetter(col) });
    }
  }

  const dataRows: number[] = [];
  for (let i = first + (layout.header ? 1 : 0); i < rows.length; i++) if (!isEmptyRow(rows[i])) dataRows.push(i);
  const pick = (col: number) => dataRows.map((i) => rows[i][col]);
  const result = scoreTable({ r: pick(layout.columns.r), f: pick(layout.columns.f), m: pick(layout.columns.m) }, scheme);
  const sheet: ScoredSheet = {
    layout,
    headerRow,
    dataRows,
    result,
    output: outputTable(result, scheme, lang),
    startColumn: lastColumn + 1,
    replacedColumns,
  };
  if (result.n === 0) {
    const firstBad = result.invalid[0];
    const first = firstBad
      ? `${invalidAddress(sheet, firstBad.row, firstBad.metric)}: ${describeInvalid(firstBad, lang)}`
      : '-';
    throw new RfmError('layout.noValidRows', { first });
  }
  return sheet;
}
