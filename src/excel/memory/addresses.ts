/**
 * A1 addresses for the in-memory workbook. Rows and columns are 0-based and inclusive inside a
 * `Rect`; Excel shows rows 1-based. Sheet limits: 1,048,576 rows × 16,384 columns (A1:XFD1048576).
 */
import { invalidArgument } from './errors';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based, inclusive on both ends. */
export interface Rect {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

export interface ParsedAddress {
  /** The sheet named in the address ("Sheet1!A1"), if any. */
  sheet?: string;
  rect: Rect;
}

export function rect(r0: number, c0: number, r1: number, c1: number): Rect {
  return { r0, c0, r1, c1 };
}

export function rowCount(r: Rect): number {
  return r.r1 - r.r0 + 1;
}

export function columnCount(r: Rect): number {
  return r.c1 - r.c0 + 1;
}

export function cellCount(r: Rect): number {
  return rowCount(r) * columnCount(r);
}

/** Spans every row: an entire-column range such as `A:D`. */
export function isEntireColumn(r: Rect): boolean {
  return r.r0 === 0 && r.r1 === MAX_ROWS - 1;
}

/** Spans every column: an entire-row range such as `3:5`. */
export function isEntireRow(r: Rect): boolean {
  return r.c0 === 0 && r.c1 === MAX_COLUMNS - 1;
}

/** Entire columns or entire rows: Excel returns null for cell-level properties of these. */
export function isUnbounded(r: Rect): boolean {
  return isEntireColumn(r) || isEntireRow(r);
}

export function inSheet(r: Rect): boolean {
  return r.r0 >= 0 && r.c0 >= 0 && r.r1 < MAX_ROWS && r.c1 < MAX_COLUMNS && r.r0 <= r.r1 && r.c0 <= r.c1;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r0 = Math.max(a.r0, b.r0);
  const c0 = Math.max(a.c0, b.c0);
  const r1 = Math.min(a.r1, b.r1);
  const c1 = Math.min(a.c1, b.c1);
  return r0 <= r1 && c0 <= c1 ? { r0, c0, r1, c1 } : null;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

/** `inner` lies entirely inside `outer`. */
export function contains(outer: Rect, inner: Rect): boolean {
  return inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1;
}

export function boundingRect(a: Rect, b: Rect): Rect {
  return {
    r0: Math.min(a.r0, b.r0),
    c0: Math.min(a.c0, b.c0),
    r1: Math.max(a.r1, b.r1),
    c1: Math.max(a.c1, b.c1),
  };
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.r0 === b.r0 && a.c0 === b.c0 && a.r1 === b.r1 && a.c1 === b.c1;
}

/** 0 → "A", 25 → "Z", 26 → "AA", 16383 → "XFD". */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "xfd" → 16383; -1 when not 1–3 letters within XFD. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1 < MAX_COLUMNS ? n - 1 : -1;
}

export function cellName(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** Address of a rectangle without sheet: "A1", "A1:D10", "A:D" (entire columns), "3:5" (entire rows). */
export function formatRect(r: Rect): string {
  const entireColumn = isEntireColumn(r);
  const entireRow = isEntireRow(r);
  if (entireColumn && !entireRow) return `${columnLetters(r.c0)}:${columnLetters(r.c1)}`;
  if (entireRow) return `${r.r0 + 1}:${r.r1 + 1}`;
  if (r.r0 === r.r1 && r.c0 === r.c1) return cellName(r.r0, r.c0);
  return `${cellName(r.r0, r.c0)}:${cellName(r.r1, r.c1)}`;
}

/** Sheet name as Excel writes it before "!": quoted when it is not a plain identifier. */
export function sheetPrefix(name: string): string {
  const plain = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name);
  const looksLikeReference = /^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^[Rr]([0-9]+)?([Cc]([0-9]+)?)?$/.test(name);
  if (plain && !looksLikeReference) return `${name}!`;
  return `'${name.replace(/'/g, "''")}'!`;
}

export function formatAddress(sheetName: string, r: Rect): string {
  return sheetPrefix(sheetName) + formatRect(r);
}

type Part =
  | { kind: 'cell'; row: number; column: number }
  | { kind: 'column'; column: number }
  | { kind: 'row'; row: number };

function parsePart(text: string): Part | null {
  const m = /^\$?([A-Za-z]{1,3})?\$?([0-9]+)?$/.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const column = m[1] !== undefined ? columnIndex(m[1]) : undefined;
  const row = m[2] !== undefined ? Number(m[2]) - 1 : undefined;
  if (column === -1) return null;
  if (row !== undefined && (row < 0 || row >= MAX_ROWS)) return null;
  if (column !== undefined && row !== undefined) return { kind: 'cell', row, column };
  if (column !== undefined) return { kind: 'column', column };
  if (row !== undefined) return { kind: 'row', row };
  return null;
}

/** Splits "Sheet1!A1:B2" / "'My sheet'!A1" into sheet and reference; the sheet is undefined if absent. */
export function splitSheet(address: string): { sheet?: string; ref: string } {
  const text = address.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < text.length) {
      const ch = text[i];
      if (ch === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i += 1;
    }
    if (text[i] !== "'" || text[i + 1] !== '!') throw invalidArgument(`The address '${address}' is not valid.`);
    return { sheet: name, ref: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf('!');
  if (bang >= 0) return { sheet: text.slice(0, bang), ref: text.slice(bang + 1) };
  return { ref: text };
}

/**
 * Parses one rectangular A1 reference: "A1", "$A$1:$D$10", "D10:A1" (normalized), "A:D", "3:5",
 * optionally with a sheet ("Sheet1!A1:B2", "'My sheet'!A:A"). Several areas ("A1,B2") are rejected.
 */
export function parseAddress(address: string): ParsedAddress {
  const { sheet, ref } = splitSheet(address);
  const bad = () => invalidArgument(`The argument is invalid or missing or has an incorrect format. (address '${address}')`);
  if (ref.includes(',') || ref.trim() === '') throw bad();
  const pieces = ref.trim().split(':');
  if (pieces.length > 2) throw bad();
  const a = parsePart(pieces[0]);
  const b = pieces.length === 2 ? parsePart(pieces[1]) : a;
  if (!a || !b || a.kind !== b.kind) throw bad();
  let result: Rect;
  if (a.kind === 'cell' && b.kind === 'cell') {
    result = rect(Math.min(a.row, b.row), Math.min(a.column, b.column), Math.max(a.row, b.row), Math.max(a.column, b.column));
  } else if (a.kind === 'column' && b.kind === 'column') {
    if (pieces.length !== 2) throw bad();
    result = rect(0, Math.min(a.column, b.column), MAX_ROWS - 1, Math.max(a.column, b.column));
  } else if (a.kind === 'row' && b.kind === 'row') {
    if (pieces.length !== 2) throw bad();
    result = rect(Math.min(a.row, b.row), 0, Math.max(a.row, b.row), MAX_COLUMNS - 1);
  } else {
    throw bad();
  }
  return sheet === undefined ? { rect: result } : { sheet, rect: result };
}

/** Several areas separated by commas: "A1:B2, D4" → two rects (all on one sheet). */
export function parseAreas(address: string): ParsedAddress[] {
  return address
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(parseAddress);
}

export const WHOLE_SHEET: Rect = rect(0, 0, MAX_ROWS - 1, MAX_COLUMNS - 1);
