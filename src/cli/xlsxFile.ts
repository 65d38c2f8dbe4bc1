/**
 * xlsx in and out with exceljs: every sheet, cell, style and formula of the input is kept; only
 * the output columns of the scored sheet are written.
 */
import type ExcelJS from 'exceljs';
import { RfmError, type CellValue } from '../core';
import { quoted } from '../i18n/format';
import { preflightWorkbook, withAddresses } from './xlsx/preflight';

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;

function loadExcelJs(): typeof ExcelJS {
  // Loaded on demand: the CSV path doesn't pay for exceljs' start-up.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('exceljs') as typeof ExcelJS;
}

/**
 * Load a user's workbook whole. exceljs has no limits of its own, so the package is checked first
 * with the streaming reader (src/cli/xlsx/preflight.ts, docs/xlsx.md): a zip or text bomb, or a cell
 * outside Excel's grid, is exit 2 before exceljs sees a byte; a sheet whose rows and cells have no
 * `r` address (valid, but exceljs cannot read it) is handed over with addresses added. `sheet` is
 * the sheet the run reads.
 */
export async function readWorkbook(file: string, sheet: string | undefined): Promise<Workbook> {
  const { positional } = await preflightWorkbook(file, sheet);
  const wb = new (loadExcelJs().Workbook)();
  try {
    if (positional.length) await wb.xlsx.load((await withAddresses(file, positional)) as unknown as ArrayBuffer);
    else await wb.xlsx.readFile(file);
  } catch (err) {
    throw new RfmError('cli.xlsxBroken', { file, detail: (err as Error).message.split('\n')[0] });
  }
  return wb;
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
