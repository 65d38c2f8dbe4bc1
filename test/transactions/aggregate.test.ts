/**
 * src/core/transactions.ts on rows in memory (as the pane will call it): the hand-worked table,
 * refunds, several orders on one day, purchases only before since, dates after as-of, 29 February,
 * exact M, IDs, the default as-of, invalid cells, and the column rules.
 */
import {
  aggregateTransactions,
  customerTable,
  defaultScheme,
  describeTxInvalid,
  detectTxColumns,
  formatCivilDay,
  parseIsoDay,
  RfmError,
  scoreCustomers,
  TransactionAggregator,
  txInvalidAddress,
  type CellValue,
  type TransactionResult,
  type TxOptions,
} from '../../src/core';
import { AS_OF, EXPECTED_ROWS, EXPECTED_ROWS_ORDERS, salesRows, SINCE } from './fixtures';

const d = (text: string) => parseIsoDay(text)!;
const PERIOD: TxOptions = { since: d(SINCE), asOf: d(AS_OF) };

function table(result: TransactionResult): (string | number | null)[][] {
  const sheet = scoreCustomers(result.customers, defaultScheme(), 'en');
  const t = customerTable(result.customers, sheet);
  return Array.from({ length: t.rows }, (_, r) =>
    t.headers.map((_, c) => {
      const v = t.cell(r, c);
      return c === t.dateColumn && typeof v === 'number' ? formatCivilDay(v) : v;
    }),
  );
}

function errorKey(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof RfmError) return err.key;
    throw err;
  }
  throw new Error('no error');
}

describe('the hand-worked table', () => {
  test('without an order column: F counts rows with a positive amount', () => {
    const result = aggregateTransactions(salesRows(false), PERIOD);
    expect(table(result)).toEqual(EXPECTED_ROWS);
    const r = result.report;
    expect(r.layout.columns).toEqual({ customer: 0, date: 1, amount: 2 });
    expect(r.headerRow).toBe(0);
    expect(r.rows).toBe(15);
    expect(r.validRows).toBe(11);
    expect(r.invalidRows).toBe(4);
    expect(r.invalidCells).toBe(4);
    expect(r.asOf).toBe(d(AS_OF));
    expect(r.asOfSource).toBe('given');
    expect(r.beforeSince).toBe(2);
    expect(r.refundRows).toBe(2);
    expect(r.customersSeen).toBe(5);
    expect(r.customers).toBe(4);
    expect(r.leftOut).toBe(1);
    expect(r.leftOutExamples).toEqual(['C3']);
    expect(r.orders).toBe(false);
  });

  test('with an order column: F counts distinct orders; a refund with its own order ID does not count', () => {
    const result = aggregateTransactions(salesRows(true), PERIOD);
    expect(table(result)).toEqual(EXPECTED_ROWS_ORDERS);
    expect(result.report.orders).toBe(true);
    expect(result.report.layout.columns).toEqual({ customer: 1, date: 2, amount: 3, order: 0 });
  });

  test('invalid cells: reason, address, never counted', () => {
    const result = aggregateTransactions(salesRows(true), PERIOD);
    const lines = result.report.invalid.map((c) => `${txInvalidAddress(c)}: ${describeTxInvalid(c, 'en', result.report)}`);
    expect(lines).toEqual([
      'C10: date 2025-04-01 is after the as-of date 2025-03-31',
      'B14: customer is empty',
      'D15: amount "abc" is not a number',
      'C16: date "2025-02-29" is not a valid date',
    ]);
    expect(result.report.invalidByReason).toEqual({ afterAsOf: 1, empty: 1, notNumber: 1, notDate: 1 });
    const zh = result.report.invalid.map((c) => describeTxInvalid(c, 'zh', result.report));
    expect(zh[0]).toBe('日期2025-04-01晚于截止日期2025-03-31');
    expect(zh[1]).toBe('客户为空');
  });

  test('default as-of: the latest transaction date, and the day after as-of is then valid', () => {
    const result = aggregateTransactions(salesRows(false), { since: d(SINCE) });
    expect(result.report.asOfSource).toBe('latest');
    expect(formatCivilDay(result.report.asOf!)).toBe('2025-04-01');
    const c4 = result.customers.find((c) => c.customer === 'C4')!;
    expect(c4).toEqual({ customer: 'C4', lastPurchase: d('2025-04-01'), r: 0, f: 2, m: 70 });
    const c1 = result.customers.find((c) => c.customer === 'C1')!;
    expect(c1.r).toBe(1);
    expect(result.report.invalidCells).toBe(3);
  });

  test('no since: every date up to as-of is in the period', () => {
    const result = aggregateTransactions(salesRows(false), { asOf: d(AS_OF) });
    expect(result.report.leftOut).toBe(0);
    const c2 = result.customers.find((c) => c.customer === 'C2')!;
    expect(c2).toMatchObject({ f: 3, m: 130, r: 75 });
    const c3 = result.customers.find((c) => c.customer === 'C3')!;
    expect(c3).toEqual({ customer: 'C3', lastPurchase: d('2024-12-31'), r: 90, f: 1, m: 500 });
  });
});

describe('rules', () => {
  const rows = (...data: CellValue[][]): CellValue[][] => [['Customer', 'Date', 'Amount'], ...data];

  test('R counts whole calendar days, across 29 February', () => {
    const result = aggregateTransactions(rows(['A', '2024-02-28', 1], ['B', '2024-02-29', 1], ['C', '2024-03-01', 1]), {
      asOf: d('2024-03-01'),
    });
    expect(result.customers.map((c) => [c.customer, c.r])).toEqual([
      ['A', 2],
      ['B', 1],
      ['C', 0],
    ]);
  });

  test('several purchases on one day each count in F; the last purchase is the latest positive row', () => {
    const result = aggregateTransactions(
      rows(['A', '2025-03-01', 10], ['A', '2025-03-01', 20], ['A', '2025-03-01', 30], ['A', '2025-03-05', -5], ['A', '2025-03-06', 0]),
      { asOf: d('2025-03-10') },
    );
    expect(result.customers).toEqual([{ customer: 'A', lastPurchase: d('2025-03-01'), r: 9, f: 3, m: 55 }]);
    expect(result.report.refundRows).toBe(1);
    expect(result.report.zeroRows).toBe(1);
  });

  test('a customer with only refunds in the period is left out', () => {
    const result = aggregateTransactions(rows(['A', '2024-12-01', 100], ['A', '2025-01-10', -100], ['B', '2025-01-02', 5]), {
      since: d('2025-01-01'),
    });
    expect(result.customers.map((c) => c.customer)).toEqual(['B']);
    expect(result.report.leftOut).toBe(1);
  });

  test('refunds can leave M negative: the engine then reports that customer', () => {
    const result = aggregateTransactions(
      rows(['A', '2024-12-01', 100], ['A', '2025-01-10', -100], ['A', '2025-01-11', 30], ['B', '2025-01-02', 5]),
      { since: d('2025-01-01') },
    );
    expect(result.customers[0]).toMatchObject({ customer: 'A', f: 1, m: -70 });
    const sheet = scoreCustomers(result.customers, defaultScheme(), 'en');
    expect(sheet.result.invalid).toEqual([{ row: 0, metric: 'm', reason: 'negative' }]);
  });

  test('M is summed exactly: 0.1 + 0.2 is 0.3, and cents survive millions', () => {
    const result = aggregateTransactions(
      rows(
        ['A', '2025-01-01', 0.1],
        ['A', '2025-01-02', '0.2'],
        ['B', '2025-01-01', 1],
        ['B', '2025-01-01', '0.5'],
        ['B', '2025-01-01', '¥0.25'],
        ['B', '2025-01-01', '1,000.125'],
      ),
    );
    expect(result.customers.map((c) => c.m)).toEqual([0.3, 1001.875]);
    const many = aggregateTransactions(rows(...Array.from({ length: 10_000 }, () => ['A', '2025-01-01', '12345678901.23'] as CellValue[])));
    expect(many.customers[0].m).toBe(123456789012300);
    expect(many.customers[0].f).toBe(10_000);
  });

  test('amounts: number text with separators and currency signs; invalid ones reported, never 0', () => {
    const result = aggregateTransactions(
      rows(['A', '2025-01-01', ' 1,234.50 '], ['A', '2025-01-01', '$-4.5'], ['A', '2025-01-01', 'n/a'], ['A', '2025-01-01', ''], ['A', '2025-01-01', true], ['A', '2025-01-01', { error: '#N/A' }]),
    );
    expect(result.customers).toEqual([{ customer: 'A', lastPurchase: d('2025-01-01'), r: 0, f: 1, m: 1230 }]);
    expect(result.report.invalid.map((c) => [txInvalidAddress(c), c.reason])).toEqual([
      ['C4', 'notNumber'],
      ['C5', 'empty'],
      ['C6', 'boolean'],
      ['C7', 'error'],
    ]);
  });

  test('customer IDs: trimmed text; the number 1001 and the text "1001" are one customer', () => {
    const result = aggregateTransactions(rows([1001, '2025-01-01', 1], ['1001', '2025-01-02', 1], [' C7 ', '2025-01-01', 1], ['C7', '2025-01-01', 1]));
    expect(result.customers.map((c) => [c.customer, c.f])).toEqual([
      [1001, 2],
      ['C7', 2],
    ]);
  });

  test('dates as Excel serials and as JS Dates (UTC fields) mix with text', () => {
    const result = aggregateTransactions(
      rows(['A', 45747, 1], ['B', new Date(Date.UTC(2025, 2, 30, 23, 59)), 1], ['C', '2025年3月29日', 1], ['D', '28/03/2025', 1]),
    );
    expect(result.customers.map((c) => [c.customer, c.r])).toEqual([
      ['A', 0],
      ['B', 1],
      ['C', 2],
      ['D', 3],
    ]);
  });

  test('completely empty rows are skipped, not reported', () => {
    const result = aggregateTransactions([['Customer', 'Date', 'Amount'], [], [null, '', '  '], ['A', '2025-01-01', 1]]);
    expect(result.report.rows).toBe(1);
    expect(result.report.invalidRows).toBe(0);
  });

  test('invalid cells are all counted, the first keepInvalid kept', () => {
    const data = Array.from({ length: 50 }, (): CellValue[] => ['A', 'soon', 1]);
    const agg = new TransactionAggregator({ keepInvalid: 10 });
    [['Customer', 'Date', 'Amount'], ['B', '2025-01-01', 1], ...data].forEach((r, i) => agg.add(i, r));
    const result = agg.finish();
    expect(result.report.invalid).toHaveLength(10);
    expect(result.report.invalidCells).toBe(50);
    expect(result.report.invalidRows).toBe(50);
  });

  test('as-of before since: an error before any row; the latest date before since: an error at the end', () => {
    expect(errorKey(() => new TransactionAggregator({ since: d('2025-02-01'), asOf: d('2025-01-31') }))).toBe('tx.asOfBeforeSince');
    expect(errorKey(() => aggregateTransactions(rows(['A', '2024-12-01', 1]), { since: d('2025-01-01') }))).toBe('tx.latestBeforeSince');
  });
});

describe('columns', () => {
  test('detected from English and Chinese headers', () => {
    expect(detectTxColumns(['客户编号', '客户名称', '下单时间', '实付金额', '订单编号']).columns).toEqual({
      customer: 0,
      date: 2,
      amount: 3,
      order: 4,
    });
    expect(detectTxColumns(['交易日期', '客户', '门店', '销售额']).columns).toEqual({ customer: 1, date: 0, amount: 3 });
    expect(detectTxColumns(['Order ID', 'Order Date', 'Customer Name', 'Amount']).columns).toEqual({
      customer: 2,
      date: 1,
      amount: 3,
      order: 0,
    });
    expect(detectTxColumns(['customer_id', 'date', 'amount', 'order_no']).columns).toEqual({
      customer: 0,
      date: 1,
      amount: 2,
      order: 3,
    });
    // Discounts and shipping are not the amount paid; the paid amount beats the order amount.
    expect(detectTxColumns(['客户', '日期', '订单金额', '优惠金额', '实付金额']).columns.amount).toBe(4);
  });

  test('ambiguous or missing headers: an error naming them', () => {
    const err = (() => {
      try {
        aggregateTransactions([['客户', '下单时间', '支付时间', '金额'], ['A', '2025-01-01', '2025-01-01', 1]]);
      } catch (e) {
        return e as RfmError;
      }
    })()!;
    expect(err.key).toBe('tx.ambiguous');
    expect(err.localized('en')).toBe('Several headers could be the date column: "下单时间", "支付时间"; choose it explicitly');
    expect(err.localized('zh')).toBe('有多个表头可能是日期列：“下单时间”、“支付时间”；请明确指定');
    expect(errorKey(() => aggregateTransactions([['Who', 'Date', 'Amount'], ['A', '2025-01-01', 1]]))).toBe('tx.missing');
    expect(errorKey(() => aggregateTransactions([[1001, 45747, 1]]))).toBe('tx.noHeader');
    expect(errorKey(() => aggregateTransactions([['Customer', 'Date', 'Amount']], { header: 'no' }))).toBe('tx.noHeader');
  });

  test('explicit columns: letters or exact header text; no header row with letters only', () => {
    const noHeader = aggregateTransactions([['K1', '2025-01-01', 1], ['K2', '2025-01-02', 2]], { customer: 'A', date: 'B', amount: 'C' });
    expect(noHeader.report.headerRow).toBe(-1);
    expect(noHeader.customers).toHaveLength(2);
    const byText = aggregateTransactions([['Who', 'When', 'How much'], ['A', '2025-01-01', 1]], { customer: 'Who', date: 'When', amount: 'How much' });
    expect(byText.report.headerRow).toBe(0);
    expect(byText.customers).toHaveLength(1);
    expect(errorKey(() => aggregateTransactions([['Who', 'When', 'How much']], { customer: 'Nope', date: 'B', amount: 'C' }))).toBe('tx.noSuchColumn');
    // A header literally named "A" means that column, not column A.
    const literal = aggregateTransactions([['Date', 'A', 'Amount'], ['2025-01-01', 'K1', 1]], { customer: 'A' });
    expect(literal.report.layout.columns.customer).toBe(1);
    expect(errorKey(() => aggregateTransactions([['K1', '2025-01-01', 1]], { customer: 'A', date: 'A', amount: 'C' }))).toBe('tx.sameColumn');
    expect(errorKey(() => aggregateTransactions([['K1', '2025-01-01', 1]], { customer: 'A', date: 'B', amount: 'F' }))).toBe('tx.columnEmpty');
  });
});
