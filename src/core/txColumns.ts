/**
 * Transactions mode (docs/transactions.md): which row is the header and which columns hold the
 * customer, the date, the amount and the optional order ID — explicit choices (a column letter or
 * the exact header text, or a 0-based index from the pane) first, then detection from English and
 * Chinese headers. Ambiguous or missing → an RfmError naming the competing headers; never a guess.
 */
import { t, type Lang, type MessageVar } from '../i18n';
import { joinList, quoted } from '../i18n/format';
import { columnIndex } from './address';
import { parseCell } from './cells';
import { parseDateCell } from './dates';
import { RfmError } from './errors';
import type { ColumnRef, HeaderMode } from './layout';
import type { CellValue } from './types';

export type TxRole = 'customer' | 'date' | 'amount' | 'order';
export const TX_ROLES: readonly TxRole[] = ['customer', 'date', 'amount', 'order'];
const REQUIRED_ROLES: readonly TxRole[] = ['customer', 'date', 'amount'];

export interface TxLayoutOptions {
  header?: HeaderMode;
  /** undefined = detect from the headers. */
  customer?: ColumnRef;
  date?: ColumnRef;
  amount?: ColumnRef;
  /**
   * undefined = detect (optional: a table without an order column counts rows); null = no order
   * column, even when a header looks like one (the pane's "(none)").
   */
  order?: ColumnRef | null;
}

export interface TxColumns {
  customer: number;
  date: number;
  amount: number;
  order?: number;
}

export interface TxLayout {
  header: boolean;
  columns: TxColumns;
  /** True for the roles whose column came from header detection. */
  detected: Record<TxRole, boolean>;
}

/** Role names in the user's language ("customer" / "客户"), joined when there are several. */
function roleNames(lang: Lang, roles: TxRole | readonly TxRole[]): string {
  const list = typeof roles === 'string' ? [roles] : roles;
  return joinList(lang, list.map((r) => t(lang, `tx.role.${r}`)));
}

/**
 * An RfmError naming transaction columns: its role variables ({role}, {a}, …) are role ids,
 * translated when the message is shown.
 */
export class TxError extends RfmError {
  constructor(
    key: ConstructorParameters<typeof RfmError>[0],
    readonly roles: Record<string, TxRole | readonly TxRole[]>,
    vars: Record<string, MessageVar> = {},
  ) {
    super(key, { ...vars, ...TxError.roleVars('en', roles) });
  }

  private static roleVars(lang: Lang, roles: Record<string, TxRole | readonly TxRole[]>): Record<string, string> {
    return Object.fromEntries(Object.entries(roles).map(([k, v]) => [k, roleNames(lang, v)]));
  }

  override localized(lang: Lang): string {
    return t(lang, this.key, { ...this.vars, ...TxError.roleVars(lang, this.roles) });
  }
}

function headerText(v: CellValue): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

/** Header text without a trailing note in brackets: "客户编号(必填)" → "客户编号". */
function core(text: string): string {
  return text.replace(/\s*[(（[【][^()（）[\]【】]*[)）\]】]\s*$/, '').trim();
}

/**
 * Per role, patterns from the strongest tier to the weakest. A header is classified by the first
 * role (in this order) that matches it, so "Order Date" is a date and "客户订单号" an order ID.
 */
const ORDER = [
  /(?:订单|单据|交易)\s*(?:号|编号|编码|id|no\.?)$|^(?:单号|流水号|订单)$|(?<![a-z])order[\s_-]*(?:id|no\.?|number|num|code|#)$|^order$/i,
];
const DATE = [/日期|时间|(?<![a-z])(?:date|time|datetime|timestamp)(?![a-z])/i];
/** Not the amount paid: discounts, shipping, refunds, taxes. */
const NOT_AMOUNT = /优惠|折扣|运费|退款|税|discount|shipping|freight|refund|tax|coupon/i;
const AMOUNT = [
  /实付|实收|(?<![a-z])(?:paid|net)(?![a-z])/i,
  /金额|销售额|营业额|消费额|(?<![a-z])(?:amount|revenue)(?![a-z])|^(?:total\s+)?sales$/i,
];
const CUSTOMER = [
  /^(?:客户|会员|顾客|用户|买家)\s*(?:编号|编码|代码|号|id|no\.?|卡号|账号)$|^(?:customer|client|member|buyer|user|cust)[\s_-]*(?:id|no\.?|number|code|#)$/i,
  /^(?:客户|会员|顾客|买家|customer|client|buyer)$/i,
  /^(?:客户|会员|顾客|用户|买家)\s*(?:名称|姓名|名字|名)$|^(?:customer|client|member|buyer)[\s_-]*name$/i,
];
const ORDERED: ReadonlyArray<[TxRole, RegExp[]]> = [
  ['order', ORDER],
  ['date', DATE],
  ['amount', AMOUNT],
  ['customer', CUSTOMER],
];

/** The role a header names and its tier (0 strongest), or undefined. */
export function classifyTxHeader(v: CellValue): { role: TxRole; tier: number } | undefined {
  const text = core(headerText(v));
  if (!text) return undefined;
  for (const [role, tiers] of ORDERED) {
    if (role === 'amount' && NOT_AMOUNT.test(text)) continue;
    const tier = tiers.findIndex((re) => re.test(text));
    if (tier >= 0) return { role, tier };
  }
  return undefined;
}

export interface TxColumnProblem {
  role: TxRole;
  kind: 'missing' | 'ambiguous';
  /** Column indexes of the competing headers (ambiguous). */
  candidates: number[];
}

export interface TxColumnDetection {
  columns: Partial<Record<TxRole, number>>;
  problems: TxColumnProblem[];
}

/** Per role, the single header of its strongest tier that occurs; two at that tier are ambiguous. */
export function detectTxColumns(headers: readonly CellValue[]): TxColumnDetection {
  const found: Record<TxRole, number[][]> = { customer: [], date: [], amount: [], order: [] };
  headers.forEach((h, i) => {
    const c = classifyTxHeader(h);
    if (c) (found[c.role][c.tier] ??= []).push(i);
  });
  const columns: TxColumnDetection['columns'] = {};
  const problems: TxColumnProblem[] = [];
  for (const role of TX_ROLES) {
    const best = found[role].find((list) => list?.length) ?? [];
    if (best.length === 1) columns[role] = best[0];
    else problems.push({ role, kind: best.length ? 'ambiguous' : 'missing', candidates: best });
  }
  return { columns, problems };
}

function given(ref: ColumnRef | null | undefined): ref is ColumnRef {
  return typeof ref === 'number' || (typeof ref === 'string' && ref.trim() !== '');
}

/** A column reference; the exact header text wins over a column letter when a header may exist. */
function resolveRef(
  ref: ColumnRef,
  role: TxRole,
  firstRow: readonly CellValue[],
  headerPossible: boolean,
): { index: number; byHeader: boolean } {
  if (typeof ref === 'number') {
    if (Number.isInteger(ref) && ref >= 0) return { index: ref, byHeader: false };
    throw new TxError('tx.noSuchColumn', { role }, { value: String(ref) });
  }
  const wanted = ref.trim();
  if (headerPossible) {
    const matches = firstRow.flatMap((v, i) => (headerText(v) === wanted ? [i] : []));
    if (matches.length === 1) return { index: matches[0], byHeader: true };
    if (matches.length > 1) throw new TxError('tx.headerTwice', { role }, { value: ref });
  }
  const index = columnIndex(wanted);
  if (index !== undefined) return { index, byHeader: false };
  throw new TxError('tx.noSuchColumn', { role }, { value: ref });
}

/** The first row looks like a header: its date cell is no date, its amount no number, and it has text. */
function looksLikeHeader(firstRow: readonly CellValue[], columns: TxColumns): boolean {
  const date = firstRow[columns.date];
  const amount = firstRow[columns.amount];
  const hasText = [columns.customer, columns.date, columns.amount].some((c) => {
    const v = firstRow[c];
    return typeof v === 'string' && v.trim() !== '';
  });
  const amountParsed = parseCell(amount);
  const amountNumeric = amountParsed.ok || amountParsed.reason === 'negative' || amountParsed.reason === 'notFinite';
  return hasText && !parseDateCell(date).ok && !amountNumeric;
}

/** Resolve the layout from the table's first non-empty row. */
export function resolveTxLayout(firstRow: readonly CellValue[], opts: TxLayoutOptions = {}): TxLayout {
  const mode = opts.header ?? 'auto';
  const headerPossible = mode !== 'no';
  const columns: Partial<TxColumns> = {};
  const detected: Record<TxRole, boolean> = { customer: false, date: false, amount: false, order: false };
  let byHeader = false;
  const missing: TxRole[] = [];
  for (const role of TX_ROLES) {
    const ref = opts[role];
    if (given(ref)) {
      const r = resolveRef(ref, role, firstRow, headerPossible);
      columns[role] = r.index;
      byHeader ||= r.byHeader;
    } else if (ref !== null) missing.push(role);
  }
  const hasText = firstRow.some((v) => typeof v === 'string' && v.trim() !== '');
  const missingRequired = missing.filter((r) => REQUIRED_ROLES.includes(r));
  if (missingRequired.length && (!headerPossible || !hasText)) {
    throw new TxError('tx.noHeader', { roles: missingRequired });
  }
  if (headerPossible && hasText && missing.length) {
    const detection = detectTxColumns(firstRow);
    for (const role of missing) {
      const found = detection.columns[role];
      if (found !== undefined) {
        // An order column is only taken when no chosen column already uses it.
        if (role === 'order' && Object.values(columns).includes(found)) continue;
        columns[role] = found;
        detected[role] = true;
        byHeader = true;
        continue;
      }
      const problem = detection.problems.find((p) => p.role === role);
      if (problem?.kind === 'ambiguous') {
        throw new TxError('tx.ambiguous', { role }, {
          headers: problem.candidates.map((c) => quoted(headerText(firstRow[c]))),
        });
      }
      if (role !== 'order') throw new TxError('tx.missing', { role });
    }
  }
  const roles = TX_ROLES.filter((r) => columns[r] !== undefined);
  for (let i = 0; i < roles.length; i++) {
    for (let j = i + 1; j < roles.length; j++) {
      if (columns[roles[i]] === columns[roles[j]]) {
        throw new TxError('tx.sameColumn', { a: roles[i], b: roles[j] });
      }
    }
  }
  const resolved = columns as TxColumns;
  const header = mode === 'yes' || (mode === 'auto' && (byHeader || looksLikeHeader(firstRow, resolved)));
  return { header, columns: resolved, detected };
}
