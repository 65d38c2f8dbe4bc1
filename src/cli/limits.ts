/**
 * The limits of `rfm-score` (docs/limits.md), checked before the work they protect: what an xlsx
 * sheet holds (rows, columns, text per cell), how large a CSV file scoring reads whole, and numbers
 * that a spreadsheet cannot hold (a sum or composite that overflows to Infinity). A run past a limit
 * ends with exit 2 and one line naming the file, the cell and the limit; nothing is written.
 */
import { promises as fs } from 'node:fs';
import { cellAddress, RfmError, type ScoredSheet } from '../core';
import type { Workbook } from './xlsxFile';

/** Rows of an xlsx sheet, the header included (Excel's limit). */
export const XLSX_MAX_ROWS = 1_048_576;
/** Columns of an xlsx sheet, A to XFD (Excel's limit). */
export const XLSX_MAX_COLUMNS = 16_384;
/** Characters of text in one cell (Excel's limit). */
export const XLSX_MAX_TEXT = 32_767;
/**
 * Bytes of a CSV file that plain scoring reads whole (its output copies every line): the text must
 * stay below V8's longest string (2^29 − 24 characters), and memory near 1 GB. Sales records
 * (--transactions) are streamed and have no size limit.
 */
export const CSV_MAX_BYTES = 500 * 1024 * 1024;

const MB = 1024 * 1024;

export async function checkCsvSize(file: string): Promise<void> {
  const { size } = await fs.stat(file);
  if (size > CSV_MAX_BYTES) {
    throw new RfmError('limits.csvTooLarge', { file, size: Math.ceil(size / MB), limit: CSV_MAX_BYTES / MB });
  }
}

/**
 * Checks each CSV row as it is read, when it is going into an xlsx sheet: the row count, the cells
 * per row and the text per cell, so a file that cannot fit stops before it fills memory.
 */
export function xlsxRowCheck(input: string, out: string): (index: number, cells: readonly string[]) => void {
  return (index, cells) => {
    if (index >= XLSX_MAX_ROWS) throw new RfmError('limits.tooManyRows', { file: input, out, limit: XLSX_MAX_ROWS });
    if (cells.length > XLSX_MAX_COLUMNS) {
      throw new RfmError('limits.tooManyColumns', { file: input, row: index + 1, count: cells.length, out, limit: XLSX_MAX_COLUMNS });
    }
    for (let c = 0; c < cells.length; c++) {
      if (cells[c].length > XLSX_MAX_TEXT) {
        throw new RfmError('limits.textTooLong', { cell: cellAddress(c, index + 1), file: input, length: cells[c].length, limit: XLSX_MAX_TEXT });
      }
    }
  };
}

/**
 * The output columns must fit right of the table: the last one at most in column XFD. `columns` is
 * how many the run writes — formula mode writes more than the values (a Check and three helper columns).
 */
export function checkOutputColumns(sheet: ScoredSheet, input: string, out: string, columns = sheet.output.headers.length): void {
  const count = sheet.startColumn + columns;
  if (count > XLSX_MAX_COLUMNS) {
    throw new RfmError('limits.outputColumns', { file: input, count, out, limit: XLSX_MAX_COLUMNS });
  }
}

/**
 * Every RFM score must be a finite number: the composite of very large raw values (1.8e308 + 1)
 * overflows to Infinity, which no spreadsheet reads. Named by the cell it would go to.
 */
export function checkComposite(sheet: ScoredSheet, out: string): void {
  const { composite } = sheet.result;
  const rfm = sheet.output.columns.indexOf('rfm');
  for (let i = 0; i < composite.length; i++) {
    const v = composite[i];
    if (Number.isNaN(v) || Number.isFinite(v)) continue; // NaN: an invalid row, which has no score
    const cell = cellAddress(sheet.startColumn + Math.max(rfm, 0), sheet.dataRows[i] + 1);
    throw new RfmError('limits.notFinite', { file: out, cell, value: String(v) });
  }
}

/** A sheet name as a formula writes it: quoted when it has anything but letters, digits and _. */
function sheetRef(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * The last check before an xlsx file is written: no cell of any sheet holds a number that is not
 * finite (a total that overflowed) or a text longer than a cell holds.
 */
export function checkWorkbookCells(wb: Workbook, out: string): void {
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        const where = { file: out, cell: `${sheetRef(ws.name)}!${cell.address}` };
        if (typeof v === 'number') {
          if (!Number.isFinite(v)) throw new RfmError('limits.notFinite', { ...where, value: String(v) });
        } else if (typeof v === 'string') {
          if (v.length > XLSX_MAX_TEXT) throw new RfmError('limits.outTextTooLong', { ...where, length: v.length, limit: XLSX_MAX_TEXT });
        } else if (v !== null && typeof v === 'object' && 'richText' in v) {
          const length = v.richText.reduce((sum, r) => sum + r.text.length, 0);
          if (length > XLSX_MAX_TEXT) throw new RfmError('limits.outTextTooLong', { ...where, length, limit: XLSX_MAX_TEXT });
        } else if (v !== null && typeof v === 'object' && 'result' in v && typeof v.result === 'number' && !Number.isFinite(v.result)) {
          throw new RfmError('limits.notFinite', { ...where, value: String(v.result) });
        }
      });
    });
  }
}
