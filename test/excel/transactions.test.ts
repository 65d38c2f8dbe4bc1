/**
 * The pane's "from sales records" mode against the in-memory workbook: the sales table read in chunks
 * into the aggregator, the per-customer sheet written as a new sheet (values, then formats), a
 * hand-worked example, agreement with the command line on the same rows, name clashes, payloads.
 */
import * as path from 'node:path';
import {
  aggregateTransactions,
  civilFromJsDate,
  customerTable,
  defaultScheme,
  describeTxInvalid,
  excelSerialFromCivil,
  parseIsoDay,
  resolveTxLayout,
  RfmError,
  scoreCustomers,
  txInvalidAddress,
  type CellValue,
  type Scheme,
} from '../../src/core';
import {
  aggregateSalesInExcel,
  currentTable,
  customerSheetName,
  scoreSales,
  writeCustomerSheet,
  type SalesOptions,
} from '../../src/excel';
import type { MemoryExcel } from '../../src/excel/memory';
import { t, type Lang } from '../../src/i18n';
import { buildSalesOptions, detectTxForm, withTxColumn, withTxHeader } from '../../src/taskpane/txForm';
import { readXlsx, removeTempDirs, rfm, sheet as xlsxSheet, tempDir, writeXlsx } from '../cli/helpers';
import { AS_OF, HEADERS_ZH, INVALID_LINES, SINCE, salesRows } from '../transactions/fixtures';
import { book, MB4 } from './helpers';

afterAll(removeTempDirs);

/** The pane's flow on the current selection: table → aggregate → score → write the new sheet. */
async function salesFlow(mem: MemoryExcel, options: SalesOptions, opts: { scheme?: Scheme; lang?: Lang; write?: boolean } = {}) {
  const lang = opts.lang ?? 'en';
  const scheme = opts.scheme ?? defaultScheme();
  const table = await currentTable(mem.Excel);
  const sales = await aggregateSalesInExcel(mem.Excel, table, options);
  const scored = scoreSales(sales, scheme, lang);
  const write = opts.write === false ? undefined : await writeCustomerSheet(mem.Excel, sales.customers, scored, lang);
  return { table, sales, scored, write };
}

/**
 * A small sales table at B2 (so addresses must be offset): an order with two lines, a refund, a
 * purchase after the as-of date and a customer whose only purchase is before the period.
 */
const SMALL: (string | number)[][] = [
  ['订单号', '客户编号', '交易日期', '实付金额'], //  row 2
  ['O1', 'A', 45717, 100], //                          3  2025-03-01 as a date serial
  ['O1', 'A', '2025-03-01', 50], //                    4  same order, second line
  ['O2', 'B', '2025/2/10', 200], //                    5
  ['O3', 'A', '2025-03-20', -30], //                   6  refund: M − 30, not a purchase
  ['O4', 'C', '2025年1月5日', 80], //                  7
  ['O5', 'B', '2025-03-31', '¥120'], //                8  on the as-of day: R = 0
  ['O6', 'C', '2025-04-02', 60], //                    9  after the as-of date: invalid (D9)
  ['O7', 'D', '2024-12-01', 40], //                   10  before since: D is left out
];

function smallBook(): MemoryExcel {
  const mem = book();
  mem.workbook.addSheet('销售', []);
  mem.workbook.sheet('销售').setValues('B2', SMALL);
  mem.workbook.sheet('销售').setFormat('D3', { numberFormat: 'yyyy-mm-dd' });
  return mem;
}

const PERIOD = { since: parseIsoDay('2025-01-01'), asOf: parseIsoDay('2025-03-31') };

describe('a hand-worked example', () => {
  /*
   * Period 2025-01-01 … 2025-03-31, F = distinct orders with a positive amount:
   *   A  last 2025-03-01 (serial 45717) → R 30; F 1 (O1's two lines; the refund O3 is no purchase); M 100 + 50 − 30 = 120
   *   B  last 2025-03-31 (45747)        → R 0;  F 2 (O2, O5);                                  M 200 + 120 = 320
   *   C  last 2025-01-05 (45662)        → R 85; F 1 (O6 is after the as-of date: invalid);      M 80
   *   D  only 2024-12-01, before since  → left out
   * n = 3, score = 5 − floor(5·(rank − 1)/3):
   *   R asc  B 0, A 30, C 85            → B 5, A 4, C 2
   *   F desc B 2; A = C = 1 (ranks 2–3 → 2.5 → 5 − floor(2.5) = 3) → B 5, A 3, C 3
   *   M desc B 320, A 120, C 80         → B 5, A 4, C 2
   *   0.3R + 0.3F + 0.4M: A 1.2 + 0.9 + 1.6 = 3.7 → B;  B 5 → A;  C 0.6 + 0.9 + 0.8 = 2.3 → C
   */
  test('the per-customer sheet, its formats, and the report with sheet addresses', async () => {
    const mem = smallBook();
    await mem.workbook.select('销售', 'B:E');
    const { table, sales, write } = await salesFlow(mem, { header: 'yes', customer: 1, date: 2, amount: 3, order: 0, ...PERIOD });
    expect(table).toMatchObject({ sheet: '销售', address: 'B2:E10', row: 1, column: 1 });

    const { report } = sales;
    expect(report.layout.columns).toEqual({ customer: 2, date: 3, amount: 4, order: 1 });
    expect(report).toMatchObject({ rows: 8, validRows: 7, invalidRows: 1, invalidCells: 1, refundRows: 1, beforeSince: 1 });
    expect(report).toMatchObject({ customers: 3, leftOut: 1, leftOutExamples: ['D'], asOfSource: 'given', orders: true });
    expect(report.invalid.map((c) => `${txInvalidAddress(c)}: ${describeTxInvalid(c, 'en', report)}`)).toEqual([
      'D9: date 2025-04-02 is after the as-of date 2025-03-31',
    ]);

    expect(write).toEqual({ sheet: 'RFM', address: 'A1:J4', rowsWritten: 3, syncs: expect.any(Number) });
    const out = mem.workbook.sheet('RFM');
    expect(out.getValues('A1:J4')).toEqual([
      ['Customer', 'Last purchase', 'R', 'F', 'M', 'R Score', 'F Score', 'M Score', 'RFM Score', 'Grade'],
      ['A', 45717, 30, 1, 120, 4, 3, 4, 3.7, 'B'],
      ['B', 45747, 0, 2, 320, 5, 5, 5, 5, 'A'],
      ['C', 45662, 85, 1, 80, 2, 3, 2, 2.3, 'C'],
    ]);
    expect(out.usedRange()).toBe('A1:J4');
    // a real date: a serial with a date format
    expect(out.numberFormatOf('B2')).toBe('yyyy-mm-dd');
    expect(out.numberFormatOf('B4')).toBe('yyyy-mm-dd');
    expect(mem.workbook.sheet('RFM').formatOf('B2')).toMatchObject({ numberFormat: 'yyyy-mm-dd' });
    expect(out.numberFormatOf('I2')).toBe('0.00');
    expect(out.numberFormatOf('C2')).toBe('General');
    expect(out.formatOf('A1').bold).toBe(true);
    expect(out.formatOf('A2').bold).toBe(false);
    expect(out.frozen()).toEqual({ rows: 1, columns: 0 });
    const rules = mem.workbook.conditionalFormats('RFM');
    expect(rules.map((r) => [r.address, r.rule.formula1, r.format.fill]).sort()).toEqual([
      ['J2:J4', '="A"', '#C6EFCE'],
      ['J2:J4', '="B"', '#DDEBF7'],
      ['J2:J4', '="C"', '#FFEB9C'],
    ]);
    // nothing turned into a formula; the sales sheet is untouched; the new sheet is not activated
    expect(mem.workbook.formulaCells('RFM')).toEqual([]);
    expect(mem.workbook.sheet('销售').getValues('B2:E10')).toEqual(SMALL);
    expect(mem.workbook.activeSheet()).toBe('销售');
    expect(mem.workbook.application().calculationMode).toBe('Automatic');
  });

  test('without an as-of date the latest transaction date is used, and the report says so', async () => {
    const mem = smallBook();
    await mem.workbook.select('销售', 'C5');
    const { sales, write } = await salesFlow(mem, { header: 'yes', customer: 1, date: 2, amount: 3, order: 0, since: PERIOD.since });
    expect(sales.report).toMatchObject({ asOfSource: 'latest', invalidCells: 0, customers: 3 });
    expect(sales.report.asOf).toBe(parseIsoDay('2025-04-02'));
    // C's purchase of 2025-04-02 counts now: R 0, F 2, M 140
    expect(mem.workbook.sheet('RFM').getValues(`A2:E4`)).toEqual([
      ['A', 45717, 32, 1, 120],
      ['B', 45747, 2, 2, 320],
      ['C', 45749, 0, 2, 140],
    ]);
    expect(write?.sheet).toBe('RFM');
  });

  test('Chinese: the sheet is RFM分析 with Chinese headers; no order column counts rows', async () => {
    const mem = smallBook();
    await mem.workbook.select('销售', 'B2:E10');
    const { sales, write } = await salesFlow(mem, { header: 'yes', customer: 1, date: 2, amount: 3, order: null, ...PERIOD }, { lang: 'zh' });
    expect(sales.report.orders).toBe(false);
    expect(write?.sheet).toBe('RFM分析');
    const out = mem.workbook.sheet('RFM分析');
    expect(out.getValues('A1:J1')[0]).toEqual(['客户', '最近一次消费日期', 'R值', 'F值', 'M值', 'R得分', 'F得分', 'M得分', 'RFM得分', '客户等级']);
    // A: two rows of order O1 are two purchases without the order column
    expect(out.getValues('A2:E2')[0]).toEqual(['A', 45717, 30, 2, 120]);
  });
});

test('Segment and Follow-up columns (the pane’s insight options) go after Grade, as the engine writes them', async () => {
  const mem = smallBook();
  await mem.workbook.select('销售', 'B2:E10');
  const table = await currentTable(mem.Excel);
  const sales = await aggregateSalesInExcel(mem.Excel, table, { header: 'yes', customer: 1, date: 2, amount: 3, order: 0, ...PERIOD });
  const scored = scoreSales(sales, defaultScheme(), 'en', { segments: true, followUp: true });
  const write = await writeCustomerSheet(mem.Excel, sales.customers, scored, 'en');
  const expected = customerTable(sales.customers, scored);
  expect(expected.headers.slice(-3)).toEqual(['Grade', 'Segment', 'Follow-up']);
  const out = mem.workbook.sheet(write.sheet).getValues(write.address);
  expect(out[0]).toEqual(expected.headers);
  for (let r = 0; r < expected.rows; r++) {
    expect(out[r + 1].slice(2)).toEqual(expected.headers.slice(2).map((_, c) => expected.cell(r, c + 2)));
  }
});

test('the pane form detects Chinese and English headers; "(none)" means no order column', () => {
  const zh = detectTxForm(['订单号', '客户编号', '下单时间', '优惠金额', '实付金额']);
  expect(zh.header).toBe(true);
  expect(zh.columns).toEqual({ order: 0, customer: 1, date: 2, amount: 4 });
  expect(zh.status.amount).toEqual({ kind: 'detected' });
  const en = detectTxForm(['Customer', 'Order Date', 'Amount', 'Order ID']);
  expect(en.columns).toEqual({ customer: 0, date: 1, amount: 2, order: 3 });
  // two paid-amount headers compete: never guessed
  const both = detectTxForm(['客户', '日期', '实付金额', '实收金额']);
  expect(both.status.amount).toEqual({ kind: 'ambiguous', candidates: [2, 3] });
  expect(buildSalesOptions(both)).toEqual({ missing: 'amount' });
  // a data row first: no header, every column is the user's choice
  const data = detectTxForm(['C1', '2025-03-01', 100]);
  expect(data.header).toBe(false);
  expect(data.status.customer).toEqual({ kind: 'noHeader' });
  let form = withTxColumn(withTxColumn(withTxColumn(data, 'customer', 0), 'date', 1), 'amount', 2);
  expect(buildSalesOptions(form).options).toMatchObject({ header: 'no', customer: 0, date: 1, amount: 2, order: null });
  form = withTxHeader(form, ['C1', '2025-03-01', 100], true);
  expect(form.columns).toMatchObject({ customer: 0, date: 1, amount: 2 });
  // the period: YYYY-MM-DD, as-of not before since
  expect(buildSalesOptions({ ...en, since: '2025-04-01', asOf: '2025-03-31' })).toEqual({ period: true });
  expect(buildSalesOptions({ ...en, since: '2025/04/01' })).toEqual({ period: true });
  expect(buildSalesOptions({ ...en, since: '2025-01-01' }).options).toMatchObject({ since: parseIsoDay('2025-01-01'), asOf: undefined, order: 3 });
  // the engine: order null is "no order column" even where a header names one; undefined detects it
  const headers = ['订单号', '客户编号', '交易日期', '实付金额'];
  expect(resolveTxLayout(headers, { customer: 1, date: 2, amount: 3, order: null }).columns).toEqual({ customer: 1, date: 2, amount: 3 });
  expect(resolveTxLayout(headers, { customer: 1, date: 2, amount: 3 }).columns).toEqual({ customer: 1, date: 2, amount: 3, order: 0 });
});

test('the same rows as the command line: every cell of the RFM sheet and the invalid cells agree', async () => {
  const rows = salesRows(true, HEADERS_ZH);
  const dir = tempDir();
  const input = path.join(dir, 'sales.xlsx');
  const output = path.join(dir, 'out.xlsx');
  await writeXlsx(input, (wb) => wb.addWorksheet('Sales').addRows(rows));
  const cli = await rfm([input, '--transactions', '--since', SINCE, '--as-of', AS_OF, '--lang', 'zh', '--out', output]);
  expect(cli.code).toBe(0);
  const ws = xlsxSheet(await readXlsx(output), 'RFM分析');

  const mem = book();
  mem.workbook.addSheet('Sales', rows);
  await mem.workbook.select('Sales', 'A:D');
  const table = await currentTable(mem.Excel);
  // the pane's own detection on the table's first row, the period as typed
  const built = buildSalesOptions(detectTxForm(table.firstRow, { since: SINCE, asOf: AS_OF }));
  expect(built.options).toMatchObject({ customer: 1, date: 2, amount: 3, order: 0 });
  const { sales, write } = await salesFlow(mem, built.options!, { lang: 'zh' });
  expect(write?.sheet).toBe('RFM分析');

  const pane = mem.workbook.sheet('RFM分析').getValues(write!.address);
  const fromCli: CellValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const line: CellValue[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = ws.getCell(r, c).value;
      line.push(v instanceof Date ? excelSerialFromCivil(civilFromJsDate(v)!) : v === null || v === undefined ? '' : (v as CellValue));
    }
    fromCli.push(line);
  }
  expect(pane).toEqual(fromCli);
  expect(ws.getCell(2, 2).numFmt).toBe(mem.workbook.sheet('RFM分析').numberFormatOf('B2'));
  // the invalid cells, as the command line lists them (its English report names the same cells)
  const en = await rfm([input, '--transactions', '--since', SINCE, '--as-of', AS_OF, '--out', path.join(dir, 'en.xlsx')]);
  const listed = en.out.filter((l) => /^ {2}[A-Z]+\d+: /.test(l));
  expect(listed).toEqual(INVALID_LINES);
  expect(sales.report.invalid.map((c) => `  ${txInvalidAddress(c)}: ${describeTxInvalid(c, 'en', sales.report)}`)).toEqual(INVALID_LINES);
  // and the engine on the host's rows gives the same table
  expect(sales.report.customers).toBe(ws.rowCount - 1);
  expect(cli.out).toContain(t('zh', 'tx.report.customers', { customers: sales.report.customers }));
});

test('a name clash: the new sheet is RFM (2), never an existing sheet (names compared case-insensitively)', async () => {
  const mem = smallBook();
  mem.workbook.addSheet('RFM', [['mine']]);
  mem.workbook.addSheet('rfm (3)', [['also mine']]);
  await mem.workbook.select('销售', 'B2:E10');
  const options: SalesOptions = { header: 'yes', customer: 1, date: 2, amount: 3, order: 0, ...PERIOD };
  expect((await salesFlow(mem, options)).write?.sheet).toBe('RFM (2)');
  expect((await salesFlow(mem, options)).write?.sheet).toBe('RFM (4)');
  expect((await salesFlow(mem, options, { lang: 'zh' })).write?.sheet).toBe('RFM分析');
  expect(mem.workbook.sheet('RFM').getValues('A1:B2')).toEqual([['mine', ''], ['', '']]);
  expect(mem.workbook.sheet('rfm (3)').getValues('A1')).toEqual([['also mine']]);
  expect(mem.workbook.sheet('RFM (2)').getValues('A2:B2')).toEqual([['A', 45717]]);
  expect(customerSheetName(['RFM', 'RFM (2)', 'rfm (3)'], 'en')).toBe('RFM (4)');
  expect(customerSheetName(['RFM'], 'zh')).toBe('RFM分析');
});

test('problems the user must fix are RfmErrors, and nothing is written', async () => {
  const mem = smallBook();
  await mem.workbook.select('销售', 'B2:E10');
  const sheets = mem.workbook.sheetNames();
  const table = await currentTable(mem.Excel);
  const asOfFirst = await aggregateSalesInExcel(mem.Excel, table, { header: 'yes', customer: 1, date: 2, amount: 3, since: parseIsoDay('2025-04-01'), asOf: parseIsoDay('2025-03-31') }).catch((e: unknown) => e);
  expect(asOfFirst).toMatchObject({ key: 'tx.asOfBeforeSince' });
  // every purchase before the period
  const early = await aggregateSalesInExcel(mem.Excel, table, { header: 'yes', customer: 1, date: 2, amount: 3, since: parseIsoDay('2025-04-01'), asOf: parseIsoDay('2025-04-01') });
  expect(() => scoreSales(early, defaultScheme(), 'en')).toThrow(expect.objectContaining({ key: 'tx.noPurchases' }));
  expect(mem.workbook.sheetNames()).toEqual(sheets);

  // no valid row: the first problem named with its sheet cell (the table starts at C5)
  mem.workbook.addSheet('Bad', []);
  mem.workbook.sheet('Bad').setValues('C5', [
    ['Customer', 'Date', 'Amount'],
    ['A', 'soon', 10],
    ['B', '2025-02-30', 5],
  ]);
  await mem.workbook.select('Bad', 'C5:E7');
  const bad = await aggregateSalesInExcel(mem.Excel, await currentTable(mem.Excel), { header: 'yes', customer: 0, date: 1, amount: 2 });
  const error = (() => {
    try {
      scoreSales(bad, defaultScheme(), 'en');
    } catch (e) {
      return e;
    }
  })();
  expect(error).toBeInstanceOf(RfmError);
  expect(error).toMatchObject({ key: 'tx.noValidRows', vars: { first: 'D6: date "soon" is not a valid date' } });
});

test('a write that fails half way removes its new sheet and restores the calculation mode', async () => {
  const mem = smallBook();
  await mem.workbook.select('销售', 'B2:E10');
  const { sales, scored } = await salesFlow(mem, { header: 'yes', customer: 1, date: 2, amount: 3, order: 0, ...PERIOD }, { write: false });
  // someone protects the new sheet as soon as it exists: the values cannot be written
  const off = mem.workbook.onChange(() => {
    if (mem.workbook.hasSheet('RFM') && !mem.workbook.sheet('RFM').isProtected()) mem.workbook.sheet('RFM').protect();
  });
  const sheets = mem.workbook.sheetNames();
  const error = await writeCustomerSheet(mem.Excel, sales.customers, scored, 'en').catch((e: unknown) => e);
  off();
  expect(error).toMatchObject({ code: 'AccessDenied' });
  expect(mem.workbook.sheetNames()).toEqual(sheets);
  expect(mem.workbook.application().calculationMode).toBe('Automatic');
});

test('100,000 sales rows: read and written in chunks within 4 MB, values before formats, equal to the engine', async () => {
  const mem = book();
  const rows: (string | number)[][] = [['Order No', 'Member ID', 'Order Date', 'Paid']];
  const N = 100_000;
  for (let i = 0; i < N; i++) {
    const customer = `M${String((i * 7919) % 30_011).padStart(6, '0')}`;
    const day = 45292 + ((i * 31) % 455); // 2024-01-01 …
    rows.push([`SO${i >> 1}`, customer, i % 3 === 0 ? day + 0.5 : day, i % 97 === 0 ? -12.5 : ((i * 104729) % 90_000) / 100 + 1]);
  }
  mem.workbook.addSheet('Sales', rows);
  await mem.workbook.select('Sales', 'A:D');
  const table = await currentTable(mem.Excel);
  const options = buildSalesOptions(detectTxForm(table.firstRow)).options!;
  expect(options).toMatchObject({ order: 0, customer: 1, date: 2, amount: 3 });

  const mark = mem.log.syncs.length;
  const sales = await aggregateSalesInExcel(mem.Excel, table, options);
  const readSyncs = mem.log.syncs.length - mark;
  const scored = scoreSales(sales, defaultScheme(), 'en');
  const writeMark = mem.log.syncs.length;
  const write = await writeCustomerSheet(mem.Excel, sales.customers, scored, 'en');
  expect(write.rowsWritten).toBe(sales.customers.length);
  expect(sales.customers.length).toBeGreaterThan(25_000);

  expect(readSyncs).toBeGreaterThan(1);
  expect(mem.log.maxRequestBytes()).toBeLessThanOrEqual(MB4);
  expect(mem.log.maxResponseBytes()).toBeLessThanOrEqual(MB4);
  expect(mem.log.syncs.every((s) => s.error === undefined)).toBe(true);
  const writes = mem.log.syncs.slice(writeMark);
  const valueSyncs = writes.flatMap((s, i) => (s.actions.some((a) => a === 'Range.values=') ? [i] : []));
  const formatSyncs = writes.flatMap((s, i) => (s.actions.some((a) => a === 'Range.numberFormat=') ? [i] : []));
  expect(valueSyncs.length).toBeGreaterThan(1);
  expect(Math.min(...formatSyncs)).toBeGreaterThan(Math.max(...valueSyncs));

  // the engine alone on the same rows
  const direct = aggregateTransactions(mem.workbook.sheet('Sales').getValues(table.address), options);
  const engine = customerTable(direct.customers, scoreCustomers(direct.customers, defaultScheme(), 'en'));
  const out = mem.workbook.sheet('RFM').getValues(write.address);
  expect(out[0]).toEqual(engine.headers);
  let mismatches = 0;
  for (let r = 0; r < engine.rows; r++) {
    for (let c = 0; c < engine.headers.length; c++) {
      const v = engine.cell(r, c);
      const want = c === engine.dateColumn && typeof v === 'number' ? excelSerialFromCivil(v) : v === null ? '' : v;
      if (out[r + 1][c] !== want) mismatches++;
    }
  }
  expect(mismatches).toBe(0);
});
