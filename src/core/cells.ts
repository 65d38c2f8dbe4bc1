/**
 * SPEC.md 1, "Cell values": what counts as a number, and why a cell is invalid.
 */
import type { CellValue, InvalidReason } from './types';

export type ParsedCell = { ok: true; value: number } | { ok: false; reason: InvalidReason };

/**
 * Optional sign, optional currency sign (¥ ￥ $) on either side of the sign, digits with correctly
 * grouped thousands separators or plain digits, optional decimals and exponent. Spaces allowed
 * around the sign and currency sign.
 */
const NUMBER_TEXT =
  /^([+-]?)\s*([¥￥$]?)\s*([+-]?)\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Excel error values as they arrive in CSV text or Office.js `values`. */
export const ERROR_TEXT = /^#(?:N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/i;

const EMPTY: ParsedCell = { ok: false, reason: 'empty' };
const NOT_NUMBER: ParsedCell = { ok: false, reason: 'notNumber' };
const NEGATIVE: ParsedCell = { ok: false, reason: 'negative' };
const NOT_FINITE: ParsedCell = { ok: false, reason: 'notFinite' };
const BOOLEAN: ParsedCell = { ok: false, reason: 'boolean' };
const ERROR: ParsedCell = { ok: false, reason: 'error' };

function fromNumber(x: number): ParsedCell {
  if (!Number.isFinite(x)) return NOT_FINITE;
  if (x < 0) return NEGATIVE;
  return { ok: true, value: x === 0 ? 0 : x };
}

/** Parse a text that may hold a number (`1,234.50`, `¥2,000`, ` 12 `); undefined when it is not one. */
export function parseNumberText(text: string): number | undefined {
  const m = NUMBER_TEXT.exec(text.trim());
  if (!m) return undefined;
  const [, sign1, , sign2, digits] = m;
  if (sign1 && sign2) return undefined;
  const sign = sign1 || sign2;
  const exponent = m[0].slice(m[0].indexOf(digits) + digits.length);
  const value = Number(digits.replace(/,/g, '') + exponent);
  return sign === '-' ? -value : value;
}

/** SPEC.md 1: a number, or the reason the cell cannot be scored. */
export function parseCell(v: CellValue): ParsedCell {
  if (typeof v === 'number') return fromNumber(v);
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'string') {
    if (v.trim() === '') return EMPTY;
    const x = parseNumberText(v);
    if (x !== undefined) return fromNumber(x);
    return ERROR_TEXT.test(v.trim()) ? ERROR : NOT_NUMBER;
  }
  if (typeof v === 'boolean') return BOOLEAN;
  if (v instanceof Date) return NOT_NUMBER;
  if (typeof v === 'object' && 'error' in v) return ERROR;
  return NOT_NUMBER;
}

/** True when the cell holds a number, even an invalid one (negative, infinite). */
export function looksNumeric(v: CellValue): boolean {
  const p = parseCell(v);
  return p.ok || p.reason === 'negative' || p.reason === 'notFinite';
}
