/**
 * The hand-worked sales table every transactions suite reuses, and its expected per-customer
 * results, worked out by hand below.
 */
export type SalesRow = [string, string | null, string, string | number];

/** [order, customer, date, amount]; rows 2–16 of the sheet (row 1 is the header). */
export const SALES: SalesRow[] = [
  ['O1', 'C1', '2025-03-31', 100], //        2
  ['O2', 'C1', '2025-03-31', 50], //         3  second order on the same day
  ['O3', 'C1', '2025-02-10', 200], //        4
  ['R1', 'C1', '2025-03-15', -30], //        5  refund
  ['O4', 'C2', '2024-02-29', 80], //         6  29 February, before since
  ['O5', 'C2', '2025-01-15', '40.10'], //    7  one order, two lines
  ['O5', 'C2', '2025-01-15', '9.90'], //     8
  ['O6', 'C3', '2024-12-31', 500], //        9  C3's only purchase, before since
  ['O7', 'C4', '2025-04-01', 60], //        10  after as-of 2025-03-31
  ['O8', 'C4', '2025-03-01', 10], //        11
  ['O9', 'C5', '2025-03-10', 20], //        12
  ['O10', 'C5', '2025-03-20', -20], //      13  refunds all of it: M = 0
  ['O11', null, '2025-03-01', 10], //       14  no customer
  ['O12', 'C6', '2025-03-01', 'abc'], //    15  not a number
  ['O13', 'C6', '2025-02-29', 10], //       16  not a date (2025 is no leap year)
];

export const HEADERS = ['Order', 'Customer', 'Date', 'Amount'];
export const HEADERS_ZH = ['订单号', '客户编号', '交易日期', '实付金额'];
export const SINCE = '2025-01-01';
export const AS_OF = '2025-03-31';

/**
 * Period 2025-01-01 … 2025-03-31, F = rows with a positive amount (no order column):
 *   C1 last 03-31 → R 0;  F 3 (rows 2, 3, 4; the refund does not count); M 100+50+200−30 = 320
 *   C2 last 01-15 → R 16+28+31 = 75; F 2 (rows 7, 8; row 6 is before since); M 40.10+9.90 = 50
 *   C3 only before since → left out
 *   C4 row 10 after as-of → invalid (C10); last 03-01 → R 30; F 1; M 10
 *   C5 last 03-10 → R 21; F 1; M 20−20 = 0
 * Scores, n = 4, score = 5 − floor(5·(rank−1)/4): ranks 1, 2, 3, 4 → 5, 4, 3, 2
 *   R asc  : C1 0, C5 21, C4 30, C2 75         → C1 5, C5 4, C4 3, C2 2
 *   F desc : C1 3, C2 2, C4 1 = C5 1 (ranks 3–4 → 3.5 → 5 − floor(3.125) = 2)
 *                                              → C1 5, C2 4, C4 2, C5 2
 *   M desc : C1 320, C2 50, C4 10, C5 0        → C1 5, C2 4, C4 3, C5 2
 *   0.3R + 0.3F + 0.4M: C1 5 A; C2 0.6+1.2+1.6 = 3.4 B; C4 0.9+0.6+1.2 = 2.7 C; C5 1.2+0.6+0.8 = 2.6 C
 */
export const EXPECTED_ROWS: (string | number)[][] = [
  ['C1', '2025-03-31', 0, 3, 320, 5, 5, 5, 5, 'A'],
  ['C2', '2025-01-15', 75, 2, 50, 2, 4, 4, 3.4, 'B'],
  ['C4', '2025-03-01', 30, 1, 10, 3, 2, 3, 2.7, 'C'],
  ['C5', '2025-03-10', 21, 1, 0, 4, 2, 2, 2.6, 'C'],
];

/**
 * With the order column, F = distinct orders with a positive amount: C1 3 (O1, O2, O3), C2 1 (O5),
 * C4 1, C5 1. F desc: C1 rank 1 → 5; C2, C4, C5 ranks 2–4 → 3 → 5 − floor(2.5) = 3.
 *   C1 5 A; C2 0.6+0.9+1.6 = 3.1 B; C4 0.9+0.9+1.2 = 3 B; C5 1.2+0.9+0.8 = 2.9 C
 */
export const EXPECTED_ROWS_ORDERS: (string | number)[][] = [
  ['C1', '2025-03-31', 0, 3, 320, 5, 5, 5, 5, 'A'],
  ['C2', '2025-01-15', 75, 1, 50, 2, 3, 4, 3.1, 'B'],
  ['C4', '2025-03-01', 30, 1, 10, 3, 3, 3, 3, 'B'],
  ['C5', '2025-03-10', 21, 1, 0, 4, 3, 2, 2.9, 'C'],
];

/** The invalid cells, as the report lists them (with the order column in A). */
export const INVALID_LINES = [
  '  C10: date 2025-04-01 is after the as-of date 2025-03-31',
  '  B14: customer is empty',
  '  D15: amount "abc" is not a number',
  '  C16: date "2025-02-29" is not a valid date',
];

/** The sales table with or without the order column. */
export function salesRows(withOrder = true, headers = HEADERS): (string | number | null)[][] {
  const pick = (r: readonly (string | number | null)[]) => (withOrder ? [...r] : r.slice(1));
  return [pick(headers), ...SALES.map(pick)];
}
