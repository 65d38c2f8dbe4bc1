/**
 * Transactions mode (docs/transactions.md): sales records (customer, date, amount[, order ID]) in,
 * one row per customer with R, F and M out, scored by the same engine as a customer table.
 *
 * For an analysis period [since, as-of] (both inclusive; since optional, as-of defaulting to the
 * latest transaction date):
 * - R = whole days from the customer's last purchase in the period to as-of;
 * - F = purchases in the period: distinct order IDs on rows with a positive amount when an order
 *   column is given, otherwise rows with a positive amount;
 * - M = net amount in the period: refunds (negative amounts) reduce it and do not count in F.
 * Customers without a purchase in the period are left out and counted. Invalid cells (unparseable
 * or ambiguous dates, dates after an explicit as-of, non-numeric amounts, missing customer or order
 * IDs) are reported with their cell and the row is left out — never read as 0 or as today.
 *
 * `TransactionAggregator` is fed row by row and keeps only per-customer state, so a caller can
 * stream millions of rows through it; memory grows with customers (and, with an order column, with
 * their distinct orders), not with rows. No progress, no I/O: the CLI and the pane drive it.
 */
import { t, type Lang, type MessageKey } from '../i18n';
import { columnLetter, cellAddress } from './address';
import { ERROR_TEXT, parseNumberText } from './cells';
import { decimalOfNumber } from './decimal';
import { ByteKeys } from './byteKeys';
import { CustomerSlots, F, LAST, LAST_ORDER, UNITS } from './customerSlots';
import { civilDay, civilFromJsDate, dayOfCell, formatCivilDay, parseDateCell, type CivilDay, type DateInvalidReason } from './dates';
import { scoreTable, type ScoreOptions } from './engine';
import { RfmError } from './errors';
import { outputTable } from './output';
import { segmentTable } from './segments';
import { isEmptyCell, type InsightOptions, type ScoredSheet } from './table';
import { resolveTxLayout, TxError, TX_ROLES, type TxLayout, type TxLayoutOptions, type TxRole } from './txColumns';
import type { CellValue, Scheme } from './types';

export type TxInvalidReason = DateInvalidReason | 'afterAsOf' | 'notNumber' | 'notFinite' | 'notId';

export interface TxInvalidCell {
  /** 0-based physical row index, as given to `add`. */
  row: number;
  /** 0-based column index. */
  column: number;
  role: TxRole;
  reason: TxInvalidReason;
  /** The cell as text (shortened), for the message. */
  value: string;
}

export interface TxOptions extends TxLayoutOptions {
  /** First day of the period (inclusive); undefined = from the earliest transaction. */
  since?: CivilDay;
  /** Reference day for R and last day of the period; undefined = the latest transaction date. */
  asOf?: CivilDay;
  /** Invalid cells kept one by one (all of them are counted); default 1000. */
  keepInvalid?: number;
  /** Left-out customers kept as examples; default 5. */
  keepLeftOut?: number;
}

/** One customer of the per-customer table. */
export interface CustomerRfm {
  /** The customer ID as first seen: trimmed text, or a number. */
  customer: string | number;
  lastPurchase: CivilDay;
  r: number;
  f: number;
  m: number;
}

export interface TransactionReport {
  layout: TxLayout;
  /** 0-based physical index of the header row, or -1. */
  headerRow: number;
  headerCells: readonly CellValue[];
  /** Data rows seen (completely empty rows are skipped). */
  rows: number;
  /** Rows with a valid customer, date, amount (and order ID). */
  validRows: number;
  /** Rows left out because of invalid cells. */
  invalidRows: number;
  /** Total number of invalid cells. */
  invalidCells: number;
  /** The first `keepInvalid` invalid cells, in row order. */
  invalid: TxInvalidCell[];
  invalidByReason: Partial<Record<TxInvalidReason, number>>;
  since?: CivilDay;
  /** The as-of date used; undefined only when no row is valid. */
  asOf?: CivilDay;
  asOfSource: 'given' | 'latest';
  /** Earliest and latest date of the valid rows (undefined when none). */
  firstDate?: CivilDay;
  lastDate?: CivilDay;
  /** Valid rows dated before `since` (outside the period). */
  beforeSince: number;
  /** Valid rows in the period with a negative amount (refunds: reduce M, not counted in F). */
  refundRows: number;
  /** Valid rows in the period with amount 0 (neither a purchase nor a refund). */
  zeroRows: number;
  /** F counts distinct order IDs (an order column is used). */
  orders: boolean;
  /** Distinct customers on valid rows. */
  customersSeen: number;
  /** Customers with a purchase in the period: the rows of the per-customer table. */
  customers: number;
  /** Customers with valid rows but no purchase in the period: left out. */
  leftOut: number;
  leftOutExamples: Array<string | number>;
}

export interface TransactionResult {
  customers: CustomerRfm[];
  report: TransactionReport;
}

/**
 * "No purchase in the period yet": below every day number. Day numbers count from 1970-01-01, so
 * purchases dated 1900–1969 are negative and a -1 marker would swallow them (docs/transactions.md).
 */
const NO_PURCHASE = -Infinity;

/** Amounts are summed exactly in units of 10^-d, d ≤ this; more decimals (float noise) are rounded. */
export const MAX_AMOUNT_DECIMALS = 6;
const POW10 = Array.from({ length: MAX_AMOUNT_DECIMALS + 1 }, (_, i) => 10 ** i);

/** Decimal places of a finite number as the user wrote it (1234.5 → 1), at most MAX_AMOUNT_DECIMALS. */
function decimalsOf(x: number): number {
  for (let d = 0; d <= MAX_AMOUNT_DECIMALS; d++) {
    if (Math.round(x * POW10[d]) / POW10[d] === x) return d;
  }
  return MAX_AMOUNT_DECIMALS;
}

/** x in exact units of 10^-scale as a BigInt (x has at most `scale` decimals, or is rounded to them). */
function bigUnits(x: number, scale: number): bigint {
  const d = decimalOfNumber(x);
  if (d.scale <= scale) return d.int * 10n ** BigInt(scale - d.scale);
  // More decimals than kept: round half away from zero, like Math.round on the magnitude.
  const div = 10n ** BigInt(d.scale - scale);
  const q = d.int / div;
  const rem = d.int % div;
  const twice = (rem < 0n ? -rem : rem) * 2n;
  return twice >= div ? q + (d.int < 0n ? -1n : 1n) : q;
}

/** The decimal text of int / 10^scale. */
function decimalText(int: bigint, scale: number): string {
  const neg = int < 0n;
  const digits = (neg ? -int : int).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale);
  return `${neg ? '-' : ''}${whole}${scale ? `.${frac}` : ''}`;
}

/**
 * A flat copy of a string kept as a key. IDs come from a parser as slices of a large chunk of text,
 * and a slice kept in a map would keep the whole chunk alive. In V8, strings shorter than 13
 * characters are never slices (they are copied), and a JSON round trip makes a flat copy of longer
 * ones (`(' ' + s).slice(1)` would give a slice again).
 */
function detach(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

const MAX_VALUE_TEXT = 40;

function valueText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') {
    const s = v.trim();
    return s.length > MAX_VALUE_TEXT ? `${s.slice(0, MAX_VALUE_TEXT - 1)}…` : s;
  }
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    const d = civilFromJsDate(v);
    return d === undefined ? String(v) : formatCivilDay(d);
  }
  return v.error;
}

/** True when any cell of the row holds something (a completely empty row is not a transaction). */
function hasContent(row: readonly CellValue[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isEmptyCell(row[i])) return true;
  return false;
}

/** A character that cannot be trimmed: printable ASCII, or CJK and beyond (not a BOM). */
function solid(c: number): boolean {
  return (c > 32 && c < 127) || (c >= 0x3400 && c !== 0xfeff);
}

/** The key of a customer or order ID cell, undefined when it is not a valid ID (`parseId` says why). */
function idKey(v: CellValue): string | undefined {
  if (typeof v === 'string') {
    const n = v.length;
    if (n > 0 && solid(v.charCodeAt(0)) && solid(v.charCodeAt(n - 1)) && v.charCodeAt(0) !== 35 /* # */) return v;
  } else if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  const p = parseId(v);
  return p.ok ? p.key : undefined;
}

/**
 * The amount of the last `amountOf` call as an exact decimal: `amountInt` / 10^`amountDecimals`,
 * `amountInt` a safe integer (module state rather than an object: this runs for every row).
 */
let amountInt = 0;
let amountDecimals = 0;
/** The amount when it does not fit `amountInt` (amountInt is NaN then). */
let amountBig = 0;

/**
 * Plain decimal text ("-12.50", "300", at most 15 digits) read without Number(): its digits as an
 * integer and its number of decimals. False for anything else.
 */
function plainDecimal(s: string): boolean {
  const n = s.length;
  let i = 0;
  let neg = false;
  if (s.charCodeAt(0) === 45 /* - */) {
    neg = true;
    i = 1;
  }
  let int = 0;
  let digits = 0;
  let c = 0;
  for (; i < n; i++) {
    c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    int = int * 10 + c;
    digits++;
  }
  if (digits === 0) return false;
  let decimals = 0;
  if (i < n) {
    if (c !== 46 - 48 /* . */) return false;
    for (i++; i < n; i++) {
      c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return false;
      int = int * 10 + c;
      decimals++;
    }
    if (decimals === 0) return false;
  }
  if (digits + decimals > 15 || decimals > MAX_AMOUNT_DECIMALS) return false;
  amountInt = neg ? -int : int;
  amountDecimals = decimals;
  return true;
}

/**
 * Whether the cell is a valid amount; when it is, the amount is in `amountInt`/`amountDecimals`.
 * `parseAmount` says why a cell is not.
 */
function amountOf(v: CellValue): boolean {
  if (typeof v === 'string' && v.length > 0 && plainDecimal(v)) return true;
  let x: number;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return false;
    x = v;
  } else {
    const p = parseAmount(v);
    if (!p.ok) return false;
    x = p.value;
  }
  const d = decimalsOf(x);
  const int = Math.round(x * POW10[d]);
  if (!Number.isSafeInteger(int)) {
    // Too many digits for a safe integer: keep the nearest JS number's decimal in the BigInt path.
    amountInt = NaN;
    amountBig = x;
    return true;
  }
  amountInt = int === 0 ? 0 : int;
  amountDecimals = d;
  return true;
}

type IdParse = { ok: true; key: string; id: string | number } | { ok: false; reason: TxInvalidReason };
type AmountParse = { ok: true; value: number } | { ok: false; reason: TxInvalidReason };

const EMPTY = { ok: false, reason: 'empty' } as const;
const ERROR = { ok: false, reason: 'error' } as const;
const BOOLEAN = { ok: false, reason: 'boolean' } as const;

/** A customer or order ID: non-empty text, or a number (1001 and "1001" are the same customer). */
function parseId(v: CellValue): IdParse {
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') return EMPTY;
    if (s.charCodeAt(0) === 35 /* # */ && ERROR_TEXT.test(s)) return ERROR;
    return { ok: true, key: s, id: s };
  }
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, key: String(v), id: v } : { ok: false, reason: 'notFinite' };
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'boolean') return BOOLEAN;
  if (v instanceof Date) return { ok: false, reason: 'notId' };
  return ERROR;
}

/** An amount: a number or number text (`1,234.50`, `¥-20`); negative amounts are refunds. */
function parseAmount(v: CellValue): AmountParse {
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v } : { ok: false, reason: 'notFinite' };
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') return EMPTY;
    const x = parseNumberText(s);
    if (x !== undefined) return Number.isFinite(x) ? { ok: true, value: x } : { ok: false, reason: 'notFinite' };
    return ERROR_TEXT.test(s) ? ERROR : { ok: false, reason: 'notNumber' };
  }
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'boolean') return BOOLEAN;
  if (v instanceof Date) return { ok: false, reason: 'notNumber' };
  return ERROR;
}

/** Decodes a field's bytes as the CSV reader does (a leading U+FEFF kept, as Buffer#toString keeps it). */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const utf8Encoder = new TextEncoder();

/** A character that `solid` accepts, from the UTF-8 lead byte at `p` (the bytes are valid UTF-8). */
function solidUtf8At(bytes: Uint8Array, p: number): boolean {
  const b = bytes[p];
  if (b < 0x80) return b > 32 && b < 127;
  // A 4-byte character is a surrogate pair in JS, and surrogates count as solid.
  if (b >= 0xf0) return true;
  // A 2-byte character is below U+0800 (U+00A0, U+0085 are trimmed): not solid.
  if (b < 0xe0) return false;
  const c = ((b & 0x0f) << 12) | ((bytes[p + 1] & 0x3f) << 6) | (bytes[p + 2] & 0x3f);
  return c >= 0x3400 && c !== 0xfeff;
}

/**
 * Whether the ID field bytes[start, end) is its own key, as `idKey` decides for text: first and last
 * characters solid, not starting with `#`. Anything else is decoded and read by `idKey`.
 */
function plainIdBytes(bytes: Uint8Array, start: number, end: number): boolean {
  if (end <= start || bytes[start] === 35 /* # */ || !solidUtf8At(bytes, start)) return false;
  let p = end - 1;
  while (p > start && (bytes[p] & 0xc0) === 0x80) p--;
  return solidUtf8At(bytes, p);
}

const isDigit = (b: number) => b >= 0x30 && b <= 0x39;

/**
 * The common date forms straight from the bytes (docs/engine.md, "Sales records"): yyyy-m-d with
 * `-`, `/` or `.` (one- or two-digit month and day), optionally followed by spaces and a time h:mm or
 * h:mm:ss. NaN for anything else, and for a form that is not a real date: such a cell is decoded and
 * read by `dayOfCell`, which decides (and says why it is invalid).
 */
function dayOfBytes(bytes: Uint8Array, start: number, end: number): number {
  if (end - start < 8) return NaN;
  let p = start;
  let year = 0;
  for (; p < start + 4; p++) {
    const b = bytes[p];
    if (!isDigit(b)) return NaN;
    year = year * 10 + b - 0x30;
  }
  const sep = bytes[p++];
  if (sep !== 0x2d && sep !== 0x2f && sep !== 0x2e) return NaN;
  let month = 0;
  let digits = 0;
  for (; p < end && isDigit(bytes[p]) && digits < 2; p++, digits++) month = month * 10 + bytes[p] - 0x30;
  if (digits === 0 || p >= end || bytes[p++] !== sep) return NaN;
  let day = 0;
  digits = 0;
  for (; p < end && isDigit(bytes[p]) && digits < 2; p++, digits++) day = day * 10 + bytes[p] - 0x30;
  if (digits === 0) return NaN;
  if (p < end) {
    // A time of day: spaces, h or hh, ":", mm, optionally ":" ss; checked, then ignored.
    if (bytes[p] !== 0x20) return NaN;
    while (p < end && bytes[p] === 0x20) p++;
    let hour = 0;
    digits = 0;
    for (; p < end && isDigit(bytes[p]) && digits < 2; p++, digits++) hour = hour * 10 + bytes[p] - 0x30;
    if (digits === 0 || hour > 23) return NaN;
    let parts = 0;
    for (; parts < 2 && p < end; parts++) {
      if (bytes[p] !== 0x3a || p + 3 > end || !isDigit(bytes[p + 1]) || !isDigit(bytes[p + 2])) return NaN;
      if ((bytes[p + 1] - 0x30) * 10 + bytes[p + 2] - 0x30 > 59) return NaN;
      p += 3;
    }
    if (parts === 0 || p !== end) return NaN;
  }
  // Sales records repeat their dates (a file sorted by date, or a few years of days): the day
  // numbers of recent dates are kept in a small direct-mapped cache keyed by year, month and day.
  const key = year * 512 + month * 32 + day;
  const slot = key & (DAY_CACHE - 1);
  if (dayCacheKeys[slot] === key) return dayCacheDays[slot];
  const civil = civilDay(year, month, day);
  if (civil === undefined) return NaN;
  dayCacheKeys[slot] = key;
  dayCacheDays[slot] = civil;
  return civil;
}

const DAY_CACHE = 4096;
const dayCacheKeys = new Int32Array(DAY_CACHE).fill(-1);
const dayCacheDays = new Int32Array(DAY_CACHE);

/**
 * `plainDecimal` on bytes: "-12.50", "300" (at most 15 digits, at most MAX_AMOUNT_DECIMALS
 * decimals) into `amountInt` / `amountDecimals`. False for anything else, which is decoded and read
 * by `amountOf` (thousands separators, currency signs, spaces…).
 */
function plainDecimalBytes(bytes: Uint8Array, start: number, end: number): boolean {
  let p = start;
  const neg = p < end && bytes[p] === 0x2d;
  if (neg) p++;
  let int = 0;
  let digits = 0;
  for (; p < end; p++) {
    const c = bytes[p] - 0x30;
    if (c < 0 || c > 9) break;
    int = int * 10 + c;
    digits++;
  }
  if (digits === 0) return false;
  let decimals = 0;
  if (p < end) {
    if (bytes[p] !== 0x2e) return false;
    for (p++; p < end; p++) {
      const c = bytes[p] - 0x30;
      if (c < 0 || c > 9) return false;
      int = int * 10 + c;
      decimals++;
    }
    if (decimals === 0) return false;
  }
  if (digits + decimals > 15 || decimals > MAX_AMOUNT_DECIMALS) return false;
  amountInt = neg ? -int : int;
  amountDecimals = decimals;
  return true;
}

/** Hash-table sizes of an aggregator; tests make them tiny and narrow the hash to force collisions. */
export interface TxTableOptions {
  capacity?: number;
  hashMask?: number;
}

/**
 * Receives a sales table's rows in order (`add`, or `addFields` for a CSV record's bytes), finds
 * the header and the columns on the first non-empty row, and aggregates every valid row into
 * per-customer state; `finish` returns the per-customer R, F, M and the report. Completely empty
 * rows are not transactions: skipped.
 */
export class TransactionAggregator {
  private layout?: TxLayout;
  private headerRow = -1;
  private headerCells: readonly CellValue[] = [];
  /**
   * Per-customer state (docs/engine.md, "Sales records"): customer i is the i-th distinct customer
   * key of a valid row (first-appearance order), looked up by its UTF-8 bytes, so the CSV scanner's
   * records and cells handed over as values share one table, whose slots hold each customer's last
   * purchase day (NO_PURCHASE until there is one), F, M (units of 10^-scale, while a safe integer)
   * and latest order entry.
   */
  private readonly customers: CustomerSlots;
  /** The customer ID as first seen (trimmed text, or a number), per customer: for the output. */
  private readonly ids: Array<string | number> = [];
  /** The part of M that outgrew safe integers (units of 10^-scale), for the few customers with one. */
  private readonly big = new Map<number, bigint>();
  /** Every customer's distinct order IDs: keyed by the order ID's bytes, tagged with the customer. */
  private orderKeys?: ByteKeys;
  /** Keys given as text are encoded here to be looked up. */
  private scratch = new Uint8Array(256);
  private readonly since?: CivilDay;
  private readonly asOf?: CivilDay;
  private readonly keepInvalid: number;
  private readonly keepLeftOut: number;
  /** Decimal places of the M accumulators (units of 10^-scale). */
  private scale = 0;
  private rows = 0;
  private validRows = 0;
  private invalidRows = 0;
  private invalidCells = 0;
  private readonly invalid: TxInvalidCell[] = [];
  private readonly invalidByReason: Partial<Record<TxInvalidReason, number>> = {};
  private firstDate = Infinity;
  private lastDate = -Infinity;
  private beforeSince = 0;
  private refundRows = 0;
  private zeroRows = 0;
  private readonly seen: Record<TxRole, boolean> = { customer: false, date: false, amount: false, order: false };

  constructor(
    private readonly options: TxOptions = {},
    private readonly tables: TxTableOptions = {},
  ) {
    this.since = options.since;
    this.asOf = options.asOf;
    if (this.since !== undefined && this.asOf !== undefined && this.asOf < this.since) {
      throw new RfmError('tx.asOfBeforeSince', { asOf: formatCivilDay(this.asOf), since: formatCivilDay(this.since) });
    }
    this.keepInvalid = options.keepInvalid ?? 1000;
    this.keepLeftOut = options.keepLeftOut ?? 5;
    this.customers = new CustomerSlots(tables.capacity ?? 4096, tables.hashMask, [NO_PURCHASE, 0, 0, -1]);
  }

  /**
   * The columns `add` reads once the layout is known (customer, date, amount, order), for scanners
   * that decode only those fields (docs/engine.md); undefined before the first non-empty row.
   */
  get neededColumns(): number[] | undefined {
    if (!this.layout) return undefined;
    const { customer, date, amount, order } = this.layout.columns;
    return order === undefined ? [customer, date, amount] : [customer, date, amount, order];
  }

  /** One physical row of the table (`index` 0-based, used for cell addresses). */
  add(index: number, row: readonly CellValue[]): void {
    if (!hasContent(row)) return;
    if (!this.layout) {
      this.layout = resolveTxLayout(row, this.options);
      if (this.layout.header) {
        this.headerRow = index;
        this.headerCells = [...row];
        return;
      }
    }
    this.rows++;
    const columns = this.layout.columns;
    // Hot path: no allocation for a valid row; the reasons are worked out only for invalid ones.
    const customerCell = row[columns.customer];
    const key = idKey(customerCell);
    const day = dayOfCell(row[columns.date]);
    const amountOk = amountOf(row[columns.amount]);
    const orderKey = columns.order === undefined ? null : idKey(row[columns.order]);
    if (
      key === undefined ||
      day === undefined ||
      (this.asOf !== undefined && day > this.asOf) ||
      !amountOk ||
      orderKey === undefined
    ) {
      this.reject(index, row);
      return;
    }
    const seen = this.seen;
    seen.customer = seen.date = seen.amount = true;
    if (orderKey !== null) seen.order = true;
    const c = this.customerOf(this.scratch, 0, this.encode(key), typeof customerCell === 'number' ? customerCell : detach(key));
    if (orderKey === null) this.addValid(c, day, undefined, 0, 0);
    else this.addValid(c, day, this.scratch, 0, this.encode(orderKey));
  }

  /**
   * One CSV record as its fields' byte ranges in `bytes` (valid UTF-8; a quoted field's range is
   * inside its quotes, `escaped[i]` set when it holds `""`): the sales-record fast path
   * (docs/engine.md, "Sales records"). The customer and order IDs are looked up by their bytes, the
   * common date and amount forms are parsed from the bytes; another form of a cell is decoded and read
   * as `add` reads it. Returns false, having changed nothing, when the record is not a valid sales
   * row (or the layout is not known yet): the caller then hands the row to `add` as cells, which
   * finds the layout or reports the invalid cells.
   */
  addFields(index: number, bytes: Uint8Array, starts: Int32Array, ends: Int32Array, escaped: Uint8Array, count: number): boolean {
    const layout = this.layout;
    if (!layout) return false;
    const { customer, date, amount, order } = layout.columns;
    const hasOrder = order !== undefined;
    if (customer >= count || date >= count || amount >= count || (hasOrder && order >= count)) return false;
    if (escaped[customer] || escaped[date] || escaped[amount] || (hasOrder && escaped[order])) return false;
    const cs = starts[customer];
    const ce = ends[customer];
    let customerKey: string | undefined;
    if (!plainIdBytes(bytes, cs, ce)) {
      customerKey = idKey(utf8.decode(bytes.subarray(cs, ce)));
      if (customerKey === undefined) return false;
    }
    let day = dayOfBytes(bytes, starts[date], ends[date]);
    if (Number.isNaN(day)) {
      const d = dayOfCell(utf8.decode(bytes.subarray(starts[date], ends[date])));
      if (d === undefined) return false;
      day = d;
    }
    if (this.asOf !== undefined && day > this.asOf) return false;
    const as = starts[amount];
    const ae = ends[amount];
    if (!(ae > as && plainDecimalBytes(bytes, as, ae)) && !amountOf(utf8.decode(bytes.subarray(as, ae)))) return false;
    let orderKey: string | undefined;
    let os = 0;
    let oe = 0;
    if (hasOrder) {
      os = starts[order];
      oe = ends[order];
      if (!plainIdBytes(bytes, os, oe)) {
        orderKey = idKey(utf8.decode(bytes.subarray(os, oe)));
        if (orderKey === undefined) return false;
      }
    }
    this.rows++;
    const seen = this.seen;
    seen.customer = seen.date = seen.amount = true;
    if (hasOrder) seen.order = true;
    const c =
      customerKey === undefined
        ? this.customerOf(bytes, cs, ce, undefined)
        : this.customerOf(this.scratch, 0, this.encode(customerKey), customerKey);
    if (!hasOrder) this.addValid(c, day, undefined, 0, 0);
    else if (orderKey === undefined) this.addValid(c, day, bytes, os, oe);
    else this.addValid(c, day, this.scratch, 0, this.encode(orderKey));
    return true;
  }

  /** `text` as UTF-8 in `scratch`; returns its length. */
  private encode(text: string): number {
    const n = text.length;
    if (this.scratch.length < n * 3) this.scratch = new Uint8Array(n * 3 + 16);
    const out = this.scratch;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) return utf8Encoder.encodeInto(text, out).written;
      out[i] = c;
    }
    return n;
  }

  /** The slot of the customer whose key is bytes[start, end), added (with `id`, or the key as text) when new. */
  private customerOf(bytes: Uint8Array, start: number, end: number, id: string | number | undefined): number {
    const table = this.customers;
    const h = table.hash(bytes, start, end);
    const slot = table.find(bytes, start, end, h);
    if (slot >= 0) return slot;
    this.ids.push(id ?? utf8.decode(bytes.subarray(start, end)));
    return table.add(bytes, start, end, h);
  }

  /** An invalid row: every invalid cell with its reason; the row is left out. */
  private reject(index: number, row: readonly CellValue[]): void {
    const columns = this.layout!.columns;
    const problems: TxInvalidCell[] = [];
    const check = (role: TxRole, column: number, reason: TxInvalidReason | undefined, v: CellValue) => {
      if (!isEmptyCell(v)) this.seen[role] = true;
      if (reason) problems.push({ row: index, column, role, reason, value: valueText(v) });
    };
    const customer = parseId(row[columns.customer]);
    check('customer', columns.customer, customer.ok ? undefined : customer.reason, row[columns.customer]);
    const dateCell = row[columns.date];
    const date = parseDateCell(dateCell);
    if (!date.ok) check('date', columns.date, date.reason, dateCell);
    else if (this.asOf !== undefined && date.day > this.asOf) {
      this.seen.date = true;
      problems.push({ row: index, column: columns.date, role: 'date', reason: 'afterAsOf', value: formatCivilDay(date.day) });
    } else check('date', columns.date, undefined, dateCell);
    const amount = parseAmount(row[columns.amount]);
    check('amount', columns.amount, amount.ok ? undefined : amount.reason, row[columns.amount]);
    if (columns.order !== undefined) {
      const order = parseId(row[columns.order]);
      check('order', columns.order, order.ok ? undefined : order.reason, row[columns.order]);
    }
    this.invalidRows++;
    this.invalidCells += problems.length;
    for (const p of problems) {
      this.invalidByReason[p.reason] = (this.invalidByReason[p.reason] ?? 0) + 1;
      if (this.invalid.length < this.keepInvalid) this.invalid.push(p);
    }
  }

  /**
   * A valid row of the customer in slot `c`; its amount is in amountInt / amountDecimals (or amountBig), its
   * order ID (with an order column) in orderBytes[orderStart, orderEnd).
   */
  private addValid(c: number, day: number, orderBytes: Uint8Array | undefined, orderStart: number, orderEnd: number): void {
    this.validRows++;
    if (day < this.firstDate) this.firstDate = day;
    if (day > this.lastDate) this.lastDate = day;
    if (this.since !== undefined && day < this.since) {
      this.beforeSince++;
      return;
    }
    const num = this.customers.num;
    const sign = Number.isNaN(amountInt) ? Math.sign(amountBig) : Math.sign(amountInt);
    if (sign > 0) {
      const at = c * 8;
      if (day > num[at + LAST]) num[at + LAST] = day;
      if (orderBytes !== undefined) this.countOrder(c, orderBytes, orderStart, orderEnd);
      else num[at + F]++;
      this.addAmount(c);
    } else if (sign < 0) {
      this.refundRows++;
      this.addAmount(c);
    } else {
      this.zeroRows++;
    }
  }

  /**
   * F with an order column: distinct order IDs, remembered per customer (exact, whatever the row
   * order) in one table keyed by (customer, order ID bytes); the customer's latest order is checked
   * first, since order lines usually follow each other.
   */
  private countOrder(slot: number, bytes: Uint8Array, start: number, end: number): void {
    const num = this.customers.num;
    const c = this.customers.entryAt(slot);
    const orders = (this.orderKeys ??= new ByteKeys(this.tables.capacity ?? 4096, this.tables.hashMask));
    const latest = num[slot * 8 + LAST_ORDER];
    if (latest >= 0 && orders.equals(latest, bytes, start, end, c)) return;
    const h = orders.hash(bytes, start, end, c);
    let e = orders.find(bytes, start, end, c, h);
    if (e < 0) {
      e = orders.add(bytes, start, end, c, h);
      num[slot * 8 + F]++;
    }
    num[slot * 8 + LAST_ORDER] = e;
  }

  /** Add the current amount (amountInt / 10^amountDecimals, or amountBig) to the M of the customer in `slot`. */
  private addAmount(slot: number): void {
    const big = this.big;
    if (Number.isNaN(amountInt)) {
      const d = decimalsOf(amountBig);
      if (d > this.scale) this.rescale(d);
      const c = this.customers.entryAt(slot);
      big.set(c, (big.get(c) ?? 0n) + bigUnits(amountBig, this.scale));
      return;
    }
    if (amountDecimals > this.scale) this.rescale(amountDecimals);
    const u = amountDecimals === this.scale ? amountInt : amountInt * POW10[this.scale - amountDecimals];
    const num = this.customers.num;
    const at = slot * 8 + UNITS;
    const sum = num[at] + u;
    if (Number.isSafeInteger(u) && Number.isSafeInteger(sum)) num[at] = sum;
    else {
      const c = this.customers.entryAt(slot);
      big.set(c, (big.get(c) ?? 0n) + BigInt(num[at]) + BigInt(amountInt) * 10n ** BigInt(this.scale - amountDecimals));
      num[at] = 0;
    }
  }

  /** More decimals seen: every accumulator moves to units of 10^-d. */
  private rescale(d: number): void {
    const factor = POW10[d - this.scale];
    const bigFactor = BigInt(factor);
    const { big, customers } = this;
    const num = customers.num;
    for (const [c, b] of big) big.set(c, b * bigFactor);
    for (let c = 0, n = customers.size; c < n; c++) {
      const at = customers.slotOfEntry(c) * 8 + UNITS;
      if (num[at] === 0) continue;
      const scaled = num[at] * factor;
      if (Number.isSafeInteger(scaled)) num[at] = scaled;
      else {
        big.set(c, (big.get(c) ?? 0n) + BigInt(num[at]) * bigFactor);
        num[at] = 0;
      }
    }
    this.scale = d;
  }

  /** The M of customer entry `c`. */
  private netAmount(c: number): number {
    const units = this.customers.num[this.customers.slotOfEntry(c) * 8 + UNITS];
    const big = this.big.get(c);
    const m = big === undefined ? units / POW10[this.scale] : Number(decimalText(big + BigInt(units), this.scale));
    return m === 0 ? 0 : m;
  }

  /**
   * The per-customer table (first-appearance order) and the report. Throws an RfmError for an
   * empty table, a column without any data, or a latest transaction (default as-of) before since.
   */
  finish(): TransactionResult {
    const layout = this.layout;
    if (!layout) throw new RfmError('tx.empty');
    for (const role of TX_ROLES) {
      const col = layout.columns[role];
      if (col !== undefined && this.rows > 0 && !this.seen[role]) {
        throw new TxError('tx.columnEmpty', { role }, { column: columnLetter(col) });
      }
    }
    const hasDates = this.validRows > 0;
    const asOf = this.asOf ?? (hasDates ? this.lastDate : undefined);
    if (this.asOf === undefined && asOf !== undefined && this.since !== undefined && asOf < this.since) {
      throw new RfmError('tx.latestBeforeSince', { asOf: formatCivilDay(asOf), since: formatCivilDay(this.since) });
    }
    const customers: CustomerRfm[] = [];
    const leftOutExamples: Array<string | number> = [];
    let leftOut = 0;
    const { ids, customers: table } = this;
    const num = table.num;
    for (let c = 0; c < ids.length; c++) {
      const at = table.slotOfEntry(c) * 8;
      const last = num[at + LAST];
      if (last === NO_PURCHASE || asOf === undefined) {
        leftOut++;
        if (leftOutExamples.length < this.keepLeftOut) leftOutExamples.push(ids[c]);
        continue;
      }
      customers.push({ customer: ids[c], lastPurchase: last, r: asOf - last, f: num[at + F], m: this.netAmount(c) });
    }
    return {
      customers,
      report: {
        layout,
        headerRow: this.headerRow,
        headerCells: this.headerCells,
        rows: this.rows,
        validRows: this.validRows,
        invalidRows: this.invalidRows,
        invalidCells: this.invalidCells,
        invalid: this.invalid,
        invalidByReason: this.invalidByReason,
        since: this.since,
        asOf,
        asOfSource: this.asOf === undefined ? 'latest' : 'given',
        firstDate: hasDates ? this.firstDate : undefined,
        lastDate: hasDates ? this.lastDate : undefined,
        beforeSince: this.beforeSince,
        refundRows: this.refundRows,
        zeroRows: this.zeroRows,
        orders: layout.columns.order !== undefined,
        customersSeen: this.ids.length,

        customers: customers.length,
        leftOut,
        leftOutExamples,
      },
    };
  }
}

/** Aggregate rows held in memory (an xlsx sheet, a range's values). */
export function aggregateTransactions(rows: readonly (readonly CellValue[])[], options: TxOptions = {}): TransactionResult {
  const agg = new TransactionAggregator(options);
  rows.forEach((row, i) => agg.add(i, row));
  return agg.finish();
}

/** Address of an invalid cell; `origin` is the table's first cell when it does not start at A1. */
export function txInvalidAddress(cell: TxInvalidCell, origin: { row: number; column: number } = { row: 0, column: 0 }): string {
  return cellAddress(origin.column + cell.column, origin.row + cell.row + 1);
}

/** "date "2025/13/01" is not a date" — one invalid cell in the user's language. */
export function describeTxInvalid(cell: TxInvalidCell, lang: Lang, report?: Pick<TransactionReport, 'asOf'>): string {
  return t(lang, `tx.invalid.${cell.reason}` as MessageKey, {
    role: t(lang, `tx.role.${cell.role}`),
    value: cell.value,
    asOf: report?.asOf !== undefined ? formatCivilDay(report.asOf) : '',
  });
}

/** The per-customer table's own columns, before the section-6 score columns. */
export const CUSTOMER_COLUMNS = ['customer', 'lastPurchase', 'r', 'f', 'm'] as const;
export type CustomerColumn = (typeof CUSTOMER_COLUMNS)[number];

export function customerHeaders(lang: Lang): string[] {
  return CUSTOMER_COLUMNS.map((c) => t(lang, `tx.col.${c}`));
}

/**
 * Score the per-customer R, F, M with the engine, as a customer table whose header row is
 * Customer, Last purchase, R, F, M (columns A–E) and whose data rows are rows 2… : addresses in
 * the scoring report then point at the per-customer sheet.
 */
export function scoreCustomers(
  customers: readonly CustomerRfm[],
  scheme: Scheme,
  lang: Lang,
  insight: InsightOptions = {},
  scoring: ScoreOptions = {},
): ScoredSheet {
  const n = customers.length;
  const columns = { r: new Array<number>(n), f: new Array<number>(n), m: new Array<number>(n) };
  for (let i = 0; i < n; i++) {
    columns.r[i] = customers[i].r;
    columns.f[i] = customers[i].f;
    columns.m[i] = customers[i].m;
  }
  const result = scoreTable(columns, scheme, scoring);
  const segments = insight.segments ? segmentTable(result, insight.segments === true ? {} : insight.segments, scheme) : undefined;
  return {
    layout: { header: true, columns: { r: 2, f: 3, m: 4 }, id: 0, detected: { r: false, f: false, m: false } },
    headerRow: 0,
    headerCells: customerHeaders(lang),
    dataRows: Array.from({ length: n }, (_, i) => i + 1),
    result,
    segments,
    output: outputTable(result, scheme, lang, { segments, followUp: insight.followUp }),
    startColumn: CUSTOMER_COLUMNS.length,
    replacedColumns: 0,
    idCells: customers.map((c) => c.customer),
  };
}

export interface CustomerTable {
  headers: string[];
  /** Index of the Last purchase column: its cells are CivilDay numbers for the adapter to format. */
  dateColumn: number;
  rows: number;
  /** Value of column `col` on customer row `row` (null = leave empty). */
  cell(row: number, col: number): string | number | null;
}

/** Customer, Last purchase, R, F, M, then the section-6 columns of the scored sheet. */
export function customerTable(customers: readonly CustomerRfm[], scored: ScoredSheet): CustomerTable {
  const own = CUSTOMER_COLUMNS.length;
  return {
    headers: [...(scored.headerCells as string[]), ...scored.output.headers],
    dateColumn: 1,
    rows: customers.length,
    cell(row, col) {
      if (col >= own) return scored.output.cell(row, col - own);
      const c = customers[row];
      switch (CUSTOMER_COLUMNS[col]) {
        case 'customer':
          return c.customer;
        case 'lastPurchase':
          return c.lastPurchase;
        case 'r':
          return c.r;
        case 'f':
          return c.f;
        default:
          return c.m;
      }
    },
  };
}
