/**
 * exceljs for the workbooks the product makes: CSV input written as xlsx, and the small new sheets
 * (parameters, summary, lists, per-customer table) the streaming xlsx path splices into a user's
 * package (docs/xlsx.md). A user's workbook is never loaded whole: every xlsx input is read by the
 * streaming reader in src/cli/xlsx/.
 */
import type ExcelJS from 'exceljs';
import { RfmError, type CellValue } from '../core';
import { quoted } from '../i18n/format';

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;

function loadExcelJs(): typeof ExcelJS {
  // Loaded on demand: the CSV path doesn't pay for exceljs' start-up.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('exceljs') as typeof ExcelJS;
}

export function pickSheet(wb: Workbook, name: string | undefined, file: string): Worksheet {
  if (name === undefined) {
    const first = wb.worksheets.find((ws) => ws.state === 'visible') ?? wb.worksheets[0];
    if (!first) throw new RfmError('cli.noSheets', { file });
    return first;
  }
  const ws = wb.getWorksheet(name);
  if (!ws) {
    throw new RfmError('cli.unknownSheet', { sheet: name, file, sheets: wb.worksheets.map((w) => quoted(w.name)) });
  }
  return ws;
}

/** An exceljs cell value as the engine sees it: formulas by their result, rich text as text. */
export function toCellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('error' in v) return { error: String(v.error) };
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return toCellValue((v.result ?? null) as ExcelJS.CellValue);
    if ('formula' in v || 'sharedFormula' in v) return null;
    if ('text' in v) return typeof v.text === 'string' ? v.text : toCellValue(v.text as ExcelJS.CellValue);
  }
  return String(v);
}

/** The sheet's rows as engine cells (row i of the array is sheet row i + 1). */
export function sheetRows(ws: Worksheet): CellValue[][] {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const v = cell.value;
      // exceljs' cell.value drops a formula's falsy cached result (0, "", FALSE); cell.result keeps it.
      const formula = v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v);
      cells[col - 1] = toCellValue(formula ? ((cell.result ?? null) as ExcelJS.CellValue) : v);
    });
    for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
    rows[rowNumber - 1] = cells;
  });
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
  return rows;
}

export async function writeWorkbook(wb: Workbook, file: string): Promise<void> {
  await wb.xlsx.writeFile(file);
}

export function newWorkbook(): Workbook {
  return new (loadExcelJs().Workbook)();
}
