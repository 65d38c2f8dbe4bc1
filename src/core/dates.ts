/**
 * Calendar dates for the transactions mode (docs/transactions.md), independent of the machine's
 * time zone.
 *
 * A civil date is an integer day number: whole days since 1970-01-01 in the proleptic Gregorian
 * calendar (1970-01-01 is 0, 2025-03-31 is 20178). It is never a local-time Date, so nothing here
 * reads the process time zone: no `new Date(y, m, d)`, no `getFullYear()`, no `Date.parse`.
 *
 * Where a date comes from:
 * - Excel serial numbers (Office.js values, number cells): the 1900 date system, serial 1 is
 *   1900-01-01; serial 60 is Excel's fictitious 1900-02-29 (the Lotus 1-2-3 leap-year bug) and is
 *   not a date; from serial 61 (1900-03-01) on, serial − 25569 is the day number. A time of day
 *   (the fraction) is dropped.
 * - JS Dates (exceljs cells with a date format): exceljs, like Office, stores the wall-clock date
 *   and time as if it were UTC, so the calendar day is read from the UTC fields.
 * - Text: 2025-03-31, 2025/3/31, 2025.3.31, 2025年3月31日 (optionally followed by a time of day);
 *   31/03/2025 or 03/31/2025 only when unambiguous (one of the first two parts is above 12, or both
 *   are equal). 03/04/2025 is ambiguous and therefore invalid.
 * Accepted range: 1900-01-01 to 9999-12-31 (Excel's).
 */
import { ERROR_TEXT } from './cells';
import type { CellValue } from './types';

/** Whole days since 1970-01-01 (proleptic Gregorian). */
export type CivilDay = number;

const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Day number of year-month-day, unchecked (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export const MIN_CIVIL_DAY: CivilDay = daysFromCivil(1900, 1, 1);
export const MAX_CIVIL_DAY: CivilDay = daysFromCivil(9999, 12, 31);

function inRange(day: number): boolean {
  return day >= MIN_CIVIL_DAY && day <= MAX_CIVIL_DAY;
}

/** The day number of a real calendar date in 1900–9999, or undefined (2025-02-29, month 13, …). */
export function civilDay(year: number, month: number, day: number): CivilDay | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  return daysFromCivil(year, month, day);
}

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** Year, month, day of a day number (H. Hinnant's civil_from_days). */
export function civilToYmd(dayNumber: CivilDay): Ymd {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** "2025-03-31". */
export function formatCivilDay(dayNumber: CivilDay): string {
  const { year, month, day } = civilToYmd(dayNumber);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Day of an Excel (1900 date system) serial number; undefined for serial 60, < 1 or beyond 9999-12-31. */
export function civilFromExcelSerial(serial: number): CivilDay | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const whole = Math.floor(serial);
  if (whole < 1 || whole === 60) return undefined;
  const day = whole < 60 ? whole - 25568 : whole - 25569;
  return inRange(day) ? day : undefined;
}

/** The Excel serial number of a day (1900 date system; 1900-03-01 is 61). */
export function excelSerialFromCivil(dayNumber: CivilDay): number {
  return dayNumber >= daysFromCivil(1900, 3, 1) ? dayNumber + 25569 : dayNumber + 25568;
}

/**
 * The calendar day of a JS Date holding a wall-clock date as UTC (exceljs, Office): its UTC date.
 * Undefined for an invalid Date or one outside 1900–9999.
 */
export function civilFromJsDate(date: Date): CivilDay | undefined {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return undefined;
  const day = Math.floor(ms / MS_PER_DAY);
  return inRange(day) ? day : undefined;
}

/** The Date at UTC midnight of a day: what exceljs writes as that day's serial number. */
export function jsDateFromCivil(dayNumber: CivilDay): Date {
  return new Date(dayNumber * MS_PER_DAY);
}

export type DateInvalidReason = 'empty' | 'notDate' | 'ambiguousDate' | 'boolean' | 'error';
export type ParsedDate = { ok: true; day: CivilDay } | { ok: false; reason: DateInvalidReason };

/** An optional time of day after the date: " 14:05", "T14:05:09.123Z", " 9:05:00+08:00". */
const time = (separator: string) =>
  String.raw`(?:(?:${separator}|\s*T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?)?`;
const YMD = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${time(String.raw`\s+`)}$`, 'i');
const YMD_ZH = new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]${time(String.raw`\s*`)}$`);
const DMY = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})${time(String.raw`\s+`)}$`, 'i');

const NOT_DATE: ParsedDate = { ok: false, reason: 'notDate' };

function timeOk(h?: string, m?: string, s?: string): boolean {
  if (h === undefined) return true;
  return Number(h) <= 23 && Number(m) <= 59 && (s === undefined || Number(s) <= 59);
}

function fromParts(year: string, month: string, day: string): ParsedDate {
  const d = civilDay(Number(year), Number(month), Number(day));
  return d === undefined ? NOT_DATE : { ok: true, day: d };
}

/** The common case without a regular expression: exactly YYYY-MM-DD or YYYY/MM/DD. */
function fastYmd(s: string): CivilDay | undefined {
  if (s.length !== 10) return undefined;
  const sep = s.charCodeAt(4);
  if ((sep !== 45 && sep !== 47) || s.charCodeAt(7) !== sep) return undefined;
  let year = 0;
  let month = 0;
  let day = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    if (i < 4) year = year * 10 + digit;
    else if (i < 7) month = month * 10 + digit;
    else day = day * 10 + digit;
  }
  return civilDay(year, month, day);
}

/**
 * A date written as text. The calendar date is taken as written: a time of day and a UTC offset
 * after it are accepted and ignored (the date is not shifted into any time zone).
 */
export function parseDateText(text: string): ParsedDate {
  const fast = fastYmd(text);
  if (fast !== undefined) return { ok: true, day: fast };
  const s = text.trim();
  if (s === '') return { ok: false, reason: 'empty' };
  let m = YMD.exec(s);
  if (m) return timeOk(m[5], m[6], m[7]) ? fromParts(m[1], m[3], m[4]) : NOT_DATE;
  m = YMD_ZH.exec(s);
  if (m) return timeOk(m[4], m[5], m[6]) ? fromParts(m[1], m[2], m[3]) : NOT_DATE;
  m = DMY.exec(s);
  if (m) {
    if (!timeOk(m[5], m[6], m[7])) return NOT_DATE;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && b <= 12) return fromParts(m[4], m[3], m[1]); // day/month/year
    if (b > 12 && a <= 12) return fromParts(m[4], m[1], m[3]); // month/day/year
    if (a === b) return fromParts(m[4], m[1], m[3]);
    return a > 12 ? NOT_DATE : { ok: false, reason: 'ambiguousDate' };
  }
  return ERROR_TEXT.test(s) ? { ok: false, reason: 'error' } : NOT_DATE;
}

/** A date cell as any adapter hands it over: serial number, JS Date (UTC fields) or text. */
export function parseDateCell(v: CellValue): ParsedDate {
  if (typeof v === 'number') {
    const d = civilFromExcelSerial(v);
    return d === undefined ? NOT_DATE : { ok: true, day: d };
  }
  if (typeof v === 'string') return parseDateText(v);
  if (v === null || v === undefined) return { ok: false, reason: 'empty' };
  if (v instanceof Date) {
    const d = civilFromJsDate(v);
    return d === undefined ? NOT_DATE : { ok: true, day: d };
  }
  if (typeof v === 'boolean') return { ok: false, reason: 'boolean' };
  return { ok: false, reason: 'error' };
}

/**
 * The day of a date cell, or undefined when it is not a valid date (`parseDateCell` says why).
 * The aggregation's hot path: no allocation for the common cells.
 */
export function dayOfCell(v: CellValue): CivilDay | undefined {
  if (typeof v === 'string') {
    const fast = fastYmd(v);
    if (fast !== undefined) return fast;
  } else if (typeof v === 'number') return civilFromExcelSerial(v);
  const parsed = parseDateCell(v);
  return parsed.ok ? parsed.day : undefined;
}

/** A date given as an option (`--since`, `--as-of`, a pane field): strictly YYYY-MM-DD. */
export function parseIsoDay(text: string): CivilDay | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return m ? civilDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}
