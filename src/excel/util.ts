/**
 * Helpers shared by the Excel I/O modules: payload budgets and chunk sizing, yielding to the pane
 * between chunks, addresses, and safe text for cells.
 */
import { cellAddress } from '../core';

/**
 * Largest JSON payload (bytes) one request or response is planned to carry. Excel on the web refuses
 * requests and responses over about 5 MB (and our own target is 4 MB); planning for 3 MB leaves room
 * for Office's own envelope and for rows that turn out wider than the ones measured so far.
 */
export const PAYLOAD_BUDGET = 3 * 1024 * 1024;

/** Never more cells in one read than this (Excel stops returning values above 5,000,000). */
export const MAX_CHUNK_CELLS = 1_000_000;

/** Rows in the first chunk of a read or write, which measures the bytes per row. */
export const PROBE_ROWS = 2_000;

/** Excel's sheet limits. */
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;

/** Lets the pane paint and handle input between chunks (a macrotask, not just a microtask). */
export function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The Office error code of a failed sync (`RichApi.Error`), if any. */
export function officeCode(e: unknown): string | undefined {
  if (e !== null && typeof e === 'object' && 'code' in e) {
    const code = (e as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** A request or response was too large: the same work in smaller pieces can succeed. */
export function isPayloadTooLarge(e: unknown): boolean {
  const code = officeCode(e);
  return (
    code === 'RequestPayloadSizeLimitExceeded' ||
    code === 'ResponsePayloadSizeLimitExceeded' ||
    code === 'PayloadTooLarge'
  );
}

/** "B2:H830" (no sheet) from 0-based position and size; one cell gives "B2". */
export function areaAddress(row: number, column: number, rowCount: number, columnCount: number): string {
  const first = cellAddress(column, row + 1);
  if (rowCount === 1 && columnCount === 1) return first;
  return `${first}:${cellAddress(column + columnCount - 1, row + rowCount)}`;
}

/** "Sheet1!B2:C3, Sheet1!E5" or "'My sheet'!B2" → "B2:C3" / "B2" (the first area, no sheet, no $). */
export function stripSheet(address: string): string {
  const m = /(?:^|!)(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)\s*(?:,|$)/.exec(address);
  return (m ? m[1] : address).replace(/\$/g, '');
}

/**
 * Text for a cell written through `Range.values`, kept as text: Excel types what it receives, so
 * "=…", "+…", "-…" would become formulas, "123" a number, "TRUE" a boolean, "2024-01-31" a date. A
 * leading apostrophe is Excel's own "this is text" prefix: it is not part of the stored value.
 * (Setting the number format to text "@" first does not stop "=…" from becoming a formula.)
 */
export function textCell(s: string): string {
  return s === '' ? '' : `'${s}`;
}

/** A value read from one sheet, written to another unchanged (strings stay text). */
export function copyCell(v: unknown): string | number | boolean {
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return textCell(v);
  return '';
}

/** UTF-8 length of a string (CJK text takes 3 bytes a character on the wire). */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 1 : 2; // a surrogate pair: 2 + 1 + 1
  }
  return n;
}

/** Size of a payload as JSON in UTF-8: the estimate chunks are planned with. */
export function jsonBytes(v: unknown): number {
  const json = JSON.stringify(v);
  return json === undefined ? 0 : utf8Length(json);
}

/**
 * Sizes row chunks so each payload stays within the budget: the first chunk is a small probe, later
 * chunks use the widest bytes-per-row seen so far.
 */
export class ChunkSizer {
  private bytesPerRow = 0;

  constructor(
    private readonly columns: number,
    private readonly budget = PAYLOAD_BUDGET,
    private readonly probe = PROBE_ROWS,
  ) {}

  next(remaining: number): number {
    const cellCap = Math.max(1, Math.floor(MAX_CHUNK_CELLS / Math.max(1, this.columns)));
    const wanted = this.bytesPerRow === 0 ? this.probe : Math.floor(this.budget / this.bytesPerRow);
    return Math.max(1, Math.min(remaining, cellCap, wanted));
  }

  observe(rows: number, bytes: number): void {
    if (rows > 0) this.bytesPerRow = Math.max(this.bytesPerRow, bytes / rows);
  }

  /** After a payload error: the same rows in half the size. */
  shrink(rows: number): number {
    const half = Math.max(1, Math.floor(rows / 2));
    this.bytesPerRow = Math.max(this.bytesPerRow, this.budget / half);
    return half;
  }
}

/**
 * Await the `context.sync()` of one chunk of `rows` rows (one sync per chunk, on purpose; the call
 * stays at the call site so the office-addins lint rules see it). When Excel refuses the payload as
 * too large and the chunk can still be split, the sizer shrinks and this returns false: the caller
 * retries the same rows in a smaller chunk. Every other error is thrown.
 */
export async function syncChunk(sync: Promise<unknown>, sizer: ChunkSizer, rows: number): Promise<boolean> {
  try {
    await sync;
    return true;
  } catch (e) {
    if (isPayloadTooLarge(e) && rows > 1) {
      sizer.shrink(rows);
      return false;
    }
    throw e;
  }
}
