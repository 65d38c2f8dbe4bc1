/**
 * First pass of the streaming xlsx path (docs/xlsx.md): the worksheet XML through the tokenizer of
 * scan.ts, one row at a time, each row handed over as engine cells and then dropped. What the sheet's `<dimension>`
 * says is not trusted: the used range is measured from the cells themselves.
 */
import type { CellValue } from '../../core';
import type { XlsxPackage } from './package';
import { attrOf, decodeText, scanPart, type ScanHandler } from './scan';

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** "AB12" → column 27 (0-based), row 11 (0-based); -1 when a part is missing. */
export function parseRef(ref: string): { col: number; row: number } {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  const row = i < ref.length ? Number(ref.slice(i)) - 1 : -1;
  return { col: col - 1, row: Number.isInteger(row) ? row : -1 };
}

export function excelToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** The used range measured from the cell elements (0-based, inclusive); -1 when there are none. */
export interface UsedRange {
  minRow: number;
  maxRow: number;
  minCol: number;
  maxCol: number;
}

export interface SheetContext {
  pkg: XlsxPackage;
  strings: readonly string[];
  dates: Uint8Array;
}

/**
 * Stream the rows of worksheet `part` to `onRow(index, cells)` (0-based row index, cells by
 * 0-based column). `onRow` may return false to stop reading (the rest of the part is not inflated).
 */
export async function readSheetRows(
  ctx: SheetContext,
  part: string,
  onRow: (index: number, cells: CellValue[]) => boolean | void,
  /** Marked (set to 1) at every column that holds a formula. */
  formulaColumns?: Uint8Array,
  /**
   * Called for a number cell whose text is no finite double (`1.8e308`, which exceljs reads as
   * Infinity): the cell is then read as its text. xlsx-to-CSV output refuses it (docs/limits.md).
   */
  onNotFinite?: (col: number, row: number, text: string) => void,
): Promise<UsedRange> {
  const { strings, dates } = ctx;
  const date1904 = ctx.pkg.date1904;
  const used: UsedRange = { minRow: -1, maxRow: -1, minCol: -1, maxCol: -1 };
  let rowIndex = -1;
  let cells: CellValue[] | undefined;
  let col = -1;
  let type = '';
  let style = 0;
  let inV = false;
  let inT = false;
  let inIs = false;
  let phonetic = 0;
  let v = '';
  let stop = false;
  const handler: ScanHandler = {
    open(name, raw, selfClosing) {
      switch (name) {
        case 'row': {
          const r = attrOf(raw, 'r');
          rowIndex = r !== undefined ? Number(r) - 1 : rowIndex + 1;
          cells = [];
          col = -1;
          break;
        }
        case 'c': {
          const r = attrOf(raw, 'r');
          col = r !== undefined ? parseRef(r).col : col + 1;
          type = attrOf(raw, 't') ?? 'n';
          const s = attrOf(raw, 's');
          style = s !== undefined ? Number(s) : 0;
          v = '';
          inIs = false;
          if (used.minRow < 0 || rowIndex < used.minRow) used.minRow = rowIndex;
          if (rowIndex > used.maxRow) used.maxRow = rowIndex;
          if (used.minCol < 0 || col < used.minCol) used.minCol = col;
          if (col > used.maxCol) used.maxCol = col;
          break;
        }
        case 'v':
          inV = !selfClosing;
          break;
        case 'f':
          if (formulaColumns && col >= 0 && col < formulaColumns.length) formulaColumns[col] = 1;
          break;
        case 'is':
          inIs = true;
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          inT = inIs && !phonetic && !selfClosing;
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'v':
          inV = false;
          break;
        case 't':
          inT = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          if (cells) cells[col] = cellValue(type, decodeText(v), style);
          break;
        case 'row':
          if (cells) {
            for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
            if (onRow(rowIndex, cells) === false) stop = true;
          }
          cells = undefined;
          break;
      }
    },
    text(raw) {
      if (inV || inT) v += raw;
    },
    cdata(text) {
      // Encoded so that decoding the cell's text gives it back unchanged.
      if (inV || inT) v += text.replace(/&/g, '&amp;');
    },
  };
  function cellValue(t: string, text: string, s: number): CellValue {
    switch (t) {
      case 's': {
        if (text === '') return null;
        return strings[Number(text)] ?? null;
      }
      case 'inlineStr':
      case 'str':
        return text;
      case 'b':
        return text === '' ? null : text === '1' || text === 'true';
      case 'e':
        return text === '' ? null : { error: text };
      case 'd': {
        const d = new Date(text);
        return text === '' || Number.isNaN(d.getTime()) ? text || null : d;
      }
      default: {
        if (text === '') return null;
        const n = Number(text);
        if (!Number.isFinite(n)) {
          onNotFinite?.(col, rowIndex, text);
          return text;
        }
        return dates[s] ? excelToDate(n, date1904) : n;
      }
    }
  }
  await scanPart(ctx.pkg, part, handler, () => !stop);
  return used;
}
