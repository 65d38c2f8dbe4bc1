/**
 * The form of the pane's "from sales records" mode (docs/transactions.md): which columns hold the customer, the
 * date, the amount and the optional order ID, and the analysis period. Pure: no React, no Office.
 * Detection is the engine's own (detectTxColumns): a column is never guessed when two headers
 * compete; the user chooses.
 */
import {
  RfmError,
  TX_ROLES,
  detectTxColumns,
  formatCivilDay,
  looksNumeric,
  parseDateCell,
  parseIsoDay,
  type CellValue,
  type TxRole,
} from '../core';
import type { SalesOptions, SavedSettings } from '../excel';
import { t } from '../i18n';
import type { ColumnStatus, Localized } from './form';

export const TX_REQUIRED: readonly TxRole[] = ['customer', 'date', 'amount'];

export interface TxForm {
  header: boolean;
  /** 0-based column indexes within the table; undefined = not chosen (order: no order column). */
  columns: Partial<Record<TxRole, number>>;
  status: Record<TxRole, ColumnStatus>;
  /** YYYY-MM-DD or empty (no lower bound). */
  since: string;
  /** YYYY-MM-DD or empty (the latest transaction date). */
  asOf: string;
}

export const EMPTY_TX_FORM: TxForm = {
  header: true,
  columns: {},
  status: { customer: { kind: 'missing' }, date: { kind: 'missing' }, amount: { kind: 'missing' }, order: { kind: 'missing' } },
  since: '',
  asOf: '',
};

/** Detection from the header row; roles the user chose (`keep`) stay as they are. */
function detected(firstRow: readonly CellValue[], form: Pick<TxForm, 'columns' | 'status'>, keep: (role: TxRole) => boolean) {
  const detection = detectTxColumns(firstRow);
  const columns = { ...form.columns };
  const status = { ...form.status };
  for (const role of TX_ROLES) {
    if (keep(role)) continue;
    const found = detection.columns[role];
    const problem = detection.problems.find((p) => p.role === role);
    columns[role] = found;
    status[role] =
      found !== undefined
        ? { kind: 'detected' }
        : problem?.kind === 'ambiguous'
          ? { kind: 'ambiguous', candidates: problem.candidates }
          : { kind: 'missing' };
  }
  // An order column is only taken when no chosen column already uses it (as the engine does).
  if (columns.order !== undefined && TX_REQUIRED.some((r) => columns[r] === columns.order)) {
    columns.order = undefined;
    status.order = { kind: 'missing' };
  }
  return { columns, status, found: TX_ROLES.some((r) => detection.columns[r] !== undefined) };
}

/** A header row: some column is named by it, or every cell is text that is neither a number nor a date. */
function looksLikeHeader(firstRow: readonly CellValue[], found: boolean): boolean {
  if (found) return true;
  const cells = firstRow.filter((v) => !(v === null || v === undefined || (typeof v === 'string' && v.trim() === '')));
  return cells.length > 0 && cells.every((v) => typeof v === 'string' && !looksNumeric(v) && !parseDateCell(v).ok);
}

/** A new sales table: columns detected from its first row; the period is kept. */
export function detectTxForm(firstRow: readonly CellValue[], period: Pick<TxForm, 'since' | 'asOf'> = EMPTY_TX_FORM): TxForm {
  const d = detected(firstRow, EMPTY_TX_FORM, () => false);
  const header = looksLikeHeader(firstRow, d.found);
  if (!header) return withTxHeader({ ...EMPTY_TX_FORM, ...period, columns: {} }, firstRow, false);
  return { header, columns: d.columns, status: d.status, since: period.since, asOf: period.asOf };
}

/**
 * The header switch. On: columns the user chose stay, the others are detected from the first row.
 * Off: the chosen columns stay (now the user's choice), nothing is "detected".
 */
export function withTxHeader(form: TxForm, firstRow: readonly CellValue[], header: boolean): TxForm {
  if (header) {
    const d = detected(firstRow, form, (role) => form.status[role].kind === 'manual' && form.columns[role] !== undefined);
    return { ...form, header, columns: d.columns, status: d.status };
  }
  const status = { ...form.status };
  for (const role of TX_ROLES) status[role] = form.columns[role] === undefined ? { kind: role === 'order' ? 'missing' : 'noHeader' } : { kind: 'manual' };
  return { ...form, header, status };
}

export function withTxColumn(form: TxForm, role: TxRole, index: number | undefined): TxForm {
  const columns = { ...form.columns, [role]: index };
  const status: Record<TxRole, ColumnStatus> = { ...form.status };
  status[role] = index !== undefined ? { kind: 'manual' } : form.header || role === 'order' ? { kind: 'missing' } : { kind: 'noHeader' };
  return { ...form, columns, status };
}

export interface PeriodErrors {
  since?: Localized;
  asOf?: Localized;
}

/** The period fields: each strictly YYYY-MM-DD (or empty), as-of not before since. */
export function periodErrors(form: Pick<TxForm, 'since' | 'asOf'>): PeriodErrors {
  const errors: PeriodErrors = {};
  const since = form.since.trim() === '' ? undefined : parseIsoDay(form.since);
  const asOf = form.asOf.trim() === '' ? undefined : parseIsoDay(form.asOf);
  if (form.since.trim() !== '' && since === undefined) errors.since = (l) => t(l, 'paneMode.period.bad');
  if (form.asOf.trim() !== '' && asOf === undefined) errors.asOf = (l) => t(l, 'paneMode.period.bad');
  if (since !== undefined && asOf !== undefined && asOf < since) {
    const e = new RfmError('tx.asOfBeforeSince', { asOf: formatCivilDay(asOf), since: formatCivilDay(since) });
    errors.asOf = (l) => e.localized(l);
  }
  return errors;
}

/** What the Excel layer needs, or the first column still to choose / the period to fix. */
export function buildSalesOptions(form: TxForm): { options?: SalesOptions; missing?: TxRole; period?: boolean } {
  for (const role of TX_REQUIRED) if (form.columns[role] === undefined) return { missing: role };
  const errors = periodErrors(form);
  if (errors.since || errors.asOf) return { period: true };
  const since = form.since.trim() === '' ? undefined : parseIsoDay(form.since);
  const asOf = form.asOf.trim() === '' ? undefined : parseIsoDay(form.asOf);
  return {
    options: {
      header: form.header ? 'yes' : 'no',
      customer: form.columns.customer,
      date: form.columns.date,
      amount: form.columns.amount,
      // Not chosen: no order column (not "detect": the user saw the detection and said none).
      order: form.columns.order ?? null,
      since,
      asOf,
    },
  };
}

type SavedTx = NonNullable<SavedSettings['tx']>;

/** The form as saved in the workbook (settings): header, chosen columns, period. */
export function savedTxOf(form: TxForm): SavedTx {
  const columns: SavedTx['columns'] = {};
  for (const role of TX_ROLES) {
    const c = form.columns[role];
    if (c !== undefined) columns[role] = c;
  }
  return { header: form.header, columns, since: form.since, asOf: form.asOf };
}

/**
 * Saved choices on a newly detected form (the workbook reopened): the header switch, the period, and
 * the saved columns that exist in this table (the user's choice, like the customer-table columns).
 */
export function withSavedTx(form: TxForm, firstRow: readonly CellValue[], saved: SavedTx): TxForm {
  let out = saved.header === form.header ? form : withTxHeader(form, firstRow, saved.header);
  for (const role of TX_ROLES) {
    const c = saved.columns[role];
    if (c !== undefined && c < firstRow.length) out = withTxColumn(out, role, c);
  }
  return { ...out, since: saved.since, asOf: saved.asOf };
}
