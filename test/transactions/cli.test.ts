/**
 * `rfm-score SALES --transactions` on generated csv/xlsx fixtures: the hand-worked table end to end,
 * the per-customer sheet next to the untouched input sheets, csv/xlsx agreement, agreement with
 * scoring the per-customer table directly, streaming (chunk boundaries, GBK), and bad input.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { aggregateTransactions, parseIsoDay, type CellValue } from '../../src/core';
import {
  cellMap,
  csvText,
  encodeGbk,
  listDir,
  readCsvRows,
  readXlsx,
  removeTempDirs,
  rfm,
  sha256,
  sheet,
  tempDir,
  writeXlsx,
} from '../cli/helpers';
import { AS_OF, EXPECTED_ROWS, EXPECTED_ROWS_ORDERS, HEADERS_ZH, INVALID_LINES, salesRows, SINCE } from './fixtures';

afterAll(removeTempDirs);

const HEADER_EN = ['Customer', 'Last purchase', 'R', 'F', 'M', 'R Score', 'F Score', 'M Score', 'RFM Score', 'Grade'];
const HEADER_ZH = ['客户', '最近一次消费日期', 'R值', 'F值', 'M值', 'R得分', 'F得分', 'M得分', 'RFM得分', '客户等级'];
const PERIOD = ['--since', SINCE, '--as-of', AS_OF];

const text = (rows: (string | number)[][]) => rows.map((r) => r.map(String));

function salesCsv(dir: string, rows = salesRows(true), name = 'sales.csv'): string {
  const file = path.join(dir, name);
  writeFileSync(file, csvText(rows));
  return file;
}

/** Every cell of every sheet, to compare a workbook's input sheets before and after. */
async function sheetsOf(file: string): Promise<Record<string, Map<string, ExcelJS.CellValue>>> {
  const wb = await readXlsx(file);
  return Object.fromEntries(wb.worksheets.map((ws) => [ws.name, cellMap(ws)]));
}

/** A sheet's rows as the CSV writer would print them (dates as YYYY-MM-DD). */
function sheetText(ws: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  ws.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v));
    }
    rows.push(cells);
  });
  return rows;
}

describe('csv → csv, the hand-worked table', () => {
  test('order column detected: F counts distinct orders; the report says which as-of was used', async () => {
    const dir = tempDir();
    const input = salesCsv(dir);
    const before = sha256(input);
    const out = path.join(dir, 'rfm.csv');

    const res = await rfm([input, '--transactions', ...PERIOD, '--out', out]);

    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(readCsvRows(out)).toEqual([HEADER_EN, ...text(EXPECTED_ROWS_ORDERS)]);
    expect(sha256(input)).toBe(before);
    expect(listDir(dir)).toEqual(['rfm.csv', 'sales.csv']);
    expect(res.out).toEqual([
      `Read 15 transaction rows from ${input}: customer = B "Customer", date = C "Date", amount = D "Amount", order ID = A "Order"`,
      'Period: 2025-01-01 to 2025-03-31 (as-of date given); F counts distinct order IDs',
      'Customers with a purchase in the period: 4',
      'Customers left out, no purchase in the period: 1 (e.g. C3)',
      'Rows dated before 2025-01-01, outside the period: 2',
      'Refund rows (negative amounts, they reduce M): 2',
      'Rows left out: 4, invalid cells: 4:',
      ...INVALID_LINES,
      `Scored 4 of 4 customers in ${out}: R = C "R", F = D "F", M = E "M"`,
      'Grades: A 1 (25%), B 2 (50%), C 1 (25%), D 0 (0%)',
      expect.stringContaining('Warning: F: 75% of customers share F = 1'),
      expect.stringContaining('F scores:'),
      // Tie fixes (docs/tie-advice.md), by hand: F = 1 ×3 and 3. k = 2: the 1s rank 2–4 (average 3) →
      // 2 − floor(2·2/4) = 1, the 3 → 2; k = 3, 4 still leave 1 empty. Cut-off 3. Ties first with
      // n = 4 < k: positions 1–4 → 5, 4, 3, 2, so 1 stays empty.
      '  Changes for the empty F scores, with the F scores each gives:',
      '    2 bins instead of 5 (for every metric scored in quintiles); then no one can reach A, B: adjust the grade thresholds (option --bins 2)',
      '      F scores: 2 → 1 (25%), 1 → 3 (75%)',
      '    Fixed cut-offs for F: 3 (scores 1–2) (option --f-method breaks:3)',
      '      F scores: 2 → 1 (25%), 1 → 3 (75%)',
      '    Ties by row order: equal values then get different scores, decided by the order of the rows; still no one scores 1 (option --ties first)',
      '      F scores: 5 → 1 (25%), 4 → 1 (25%), 3 → 1 (25%), 2 → 1 (25%), 1 → 0 (0%)',
      `Wrote ${out}`,
    ]);
  });

  test('no order column, explicit columns, Chinese headers and messages', async () => {
    const dir = tempDir();
    const input = salesCsv(dir, salesRows(false, HEADERS_ZH));
    const out = path.join(dir, 'rfm.csv');

    const res = await rfm([input, '--transactions', '--customer', '客户编号', '--date', 'B', '--amount', 'C', ...PERIOD, '--lang', 'zh', '--out', out]);

    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(readCsvRows(out)).toEqual([HEADER_ZH, ...text(EXPECTED_ROWS)]);
    expect(res.out[0]).toBe(`已从${input}读取15行销售记录。客户：A列“客户编号”；日期：B列“交易日期”；金额：C列“实付金额”`);
    expect(res.out[1]).toBe('统计期间：2025-01-01至2025-03-31（截止日期由您指定）；F值按金额为正的行计数');
    expect(res.out).toContain('  B10：日期2025-04-01晚于截止日期2025-03-31');
  });

  test('default as-of: the latest transaction, said in the report', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'rfm.csv');
    const res = await rfm([salesCsv(dir), '--transactions', '--out', out]);
    expect(res.code).toBe(0);
    expect(res.out[1]).toBe('Period: every date up to 2025-04-01 (as-of date = the latest transaction); F counts distinct order IDs');
    expect(readCsvRows(out).find((r) => r[0] === 'C4')?.slice(0, 5)).toEqual(['C4', '2025-04-01', '0', '2', '70']);
  });

  test('many invalid cells: the first 20 listed, then the total', async () => {
    const dir = tempDir();
    const rows: (string | number)[][] = [['Customer', 'Date', 'Amount'], ['A', '2025-01-01', 5]];
    for (let i = 0; i < 30; i++) rows.push([`B${i}`, '2025-01-01', 'n/a']);
    const res = await rfm([salesCsv(dir, rows), '--transactions', '--out', path.join(dir, 'out.csv')]);
    expect(res.code).toBe(0);
    const at = res.out.indexOf('Rows left out: 30, invalid cells: 30:');
    expect(res.out.slice(at + 1, at + 3)).toEqual(['  C3: amount "n/a" is not a number', '  C4: amount "n/a" is not a number']);
    expect(res.out[at + 21]).toBe('  … and 10 more');
  });
});

describe('xlsx', () => {
  async function salesWorkbook(file: string, extra?: (wb: ExcelJS.Workbook) => void): Promise<void> {
    await writeXlsx(file, (wb) => {
      const ws = wb.addWorksheet('Sales');
      salesRows(true).forEach((r) => ws.addRow(r));
      ws.getCell('C2').numFmt = '@';
      const notes = wb.addWorksheet('Notes');
      notes.getCell('A1').value = 'kept';
      notes.getCell('A1').font = { bold: true };
      notes.getCell('B2').value = { formula: '1+1', result: 2 };
      extra?.(wb);
    });
  }

  test('the input sheets untouched, the per-customer sheet added with real date cells', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'sales.xlsx');
    await salesWorkbook(input);
    const before = await sheetsOf(input);
    const out = path.join(dir, 'out.xlsx');

    const res = await rfm([input, '--transactions', ...PERIOD, '--out', out]);

    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    const wb = await readXlsx(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sales', 'Notes', 'RFM', 'RFM parameters']);
    const after = await sheetsOf(out);
    expect(after.Sales).toEqual(before.Sales);
    expect(after.Notes).toEqual(before.Notes);
    expect(sheet(wb, 'Notes').getCell('A1').font?.bold).toBe(true);
    const rfmSheet = sheet(wb, 'RFM');
    expect(sheetText(rfmSheet)).toEqual([HEADER_EN, ...text(EXPECTED_ROWS_ORDERS)]);
    const last = rfmSheet.getCell('B2');
    expect(last.value).toEqual(new Date(Date.UTC(2025, 2, 31)));
    expect(last.numFmt).toBe('yyyy-mm-dd');
    expect(rfmSheet.getCell('I3').numFmt).toBe('0.00');
    expect(res.out).toContain('Added the sheet "RFM"; the input sheets are unchanged');
    expect(res.out).toContain(`Scored 4 of 4 customers in sheet "RFM" of ${out}: R = C "R", F = D "F", M = E "M"`);
  });

  test('an existing sheet is never overwritten: a suffix; Chinese sheet name and headers', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'sales.xlsx');
    await salesWorkbook(input, (wb) => {
      wb.addWorksheet('RFM分析').getCell('A1').value = 'mine';
      wb.addWorksheet('rfm').getCell('A1').value = 'mine too';
    });
    const out = path.join(dir, 'out.xlsx');
    expect((await rfm([input, '--transactions', ...PERIOD, '--lang', 'zh', '--out', out])).code).toBe(0);
    expect((await rfm([out, '--transactions', '--sheet', 'Sales', ...PERIOD, '--out', path.join(dir, 'again.xlsx')])).code).toBe(0);
    const wb = await readXlsx(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sales', 'Notes', 'RFM分析', 'rfm', 'RFM分析 (2)', 'RFM参数']);
    expect(sheet(wb, 'RFM分析').getCell('A1').value).toBe('mine');
    expect(sheetText(sheet(wb, 'RFM分析 (2)'))[0]).toEqual(HEADER_ZH);
    const again = await readXlsx(path.join(dir, 'again.xlsx'));
    expect(again.worksheets.map((w) => w.name)).toEqual(['Sales', 'Notes', 'RFM分析', 'rfm', 'RFM分析 (2)', 'RFM参数', 'RFM (2)', 'RFM parameters']);
  });

  test('xlsx and csv inputs agree: Date cells, serial numbers and text dates', async () => {
    const dir = tempDir();
    const rows = salesRows(true);
    const xlsx = path.join(dir, 'sales.xlsx');
    await writeXlsx(xlsx, (wb) => {
      const ws = wb.addWorksheet('Sales');
      rows.forEach((r, i) => {
        const cells: CellValue[] = [...r];
        const day = typeof r[2] === 'string' ? parseIsoDay(r[2]) : undefined;
        // Every third date a Date cell, every third a serial number, the rest text.
        if (i > 0 && day !== undefined) {
          if (i % 3 === 0) cells[2] = new Date(day * 86_400_000 + 13 * 3_600_000);
          else if (i % 3 === 1) cells[2] = day + 25569;
        }
        ws.addRow(cells);
      });
    });
    const csv = salesCsv(dir, rows);
    const fromXlsx = path.join(dir, 'from-xlsx.csv');
    const fromCsv = path.join(dir, 'from-csv.csv');
    const xlsxOut = path.join(dir, 'from-csv.xlsx');
    expect((await rfm([xlsx, '--transactions', ...PERIOD, '--out', fromXlsx])).code).toBe(0);
    expect((await rfm([csv, '--transactions', ...PERIOD, '--out', fromCsv])).code).toBe(0);
    expect((await rfm([csv, '--transactions', ...PERIOD, '--out', xlsxOut])).code).toBe(0);
    expect(readCsvRows(fromXlsx)).toEqual(readCsvRows(fromCsv));
    expect(readCsvRows(fromCsv)).toEqual([HEADER_EN, ...text(EXPECTED_ROWS_ORDERS)]);
    const wb = await readXlsx(xlsxOut);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['RFM', 'RFM parameters']);
    expect(sheetText(sheet(wb, 'RFM'))).toEqual(readCsvRows(fromCsv));
  });
});

describe('agreement with scoring the per-customer table directly', () => {
  /** Sales of 300 customers over two years, with refunds and repeated order IDs. */
  function bigSales(): (string | number)[][] {
    let x = 12345;
    const rand = () => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return x / 2147483648;
    };
    const rows: (string | number)[][] = [['订单号', '客户编号', '交易日期', '金额']];
    for (let i = 0; i < 3000; i++) {
      const customer = `K${1 + Math.floor(300 * rand() ** 2)}`;
      const day = parseIsoDay('2023-04-01')! + Math.floor(rand() * 731);
      const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
      const amount = Math.round(rand() * 100000) / 100;
      rows.push([`D${Math.floor(i / 2)}`, customer, date, rand() < 0.05 ? -amount : amount]);
    }
    return rows;
  }

  test.each([
    ['csv', []],
    ['csv', ['--preset', 'maoming']],
    ['xlsx', ['--ties', 'min', '--bins', '4']],
  ])('%s output %j: the grades of a plain run on the R/F/M are the same', async (format, scheme) => {
    const dir = tempDir();
    const input = salesCsv(dir, bigSales());
    const out = path.join(dir, `rfm.${format}`);
    const res = await rfm([input, '--transactions', '--since', '2024-01-01', '--as-of', '2025-03-31', ...scheme, '--out', out]);
    expect(res.code).toBe(0);

    const again = path.join(dir, 'again.csv');
    const plain = await rfm([out, ...(format === 'xlsx' ? ['--sheet', 'RFM'] : []), ...scheme, '--out', again]);
    expect(plain.err).toEqual([]);
    expect(plain.code).toBe(0);
    // The plain run recognises the score columns as this product's own and replaces them.
    expect(plain.out).toContainEqual(expect.stringMatching(/^Replaced [56] output columns of an earlier run$/));
    const first = format === 'xlsx' ? sheetText(sheet(await readXlsx(out), 'RFM')) : readCsvRows(out);
    const second = readCsvRows(again);
    expect(second.length).toBeGreaterThan(200);
    expect(second.map((r) => r.slice(5))).toEqual(first.map((r) => r.slice(5)));
    expect(second.map((r) => r.slice(2, 5))).toEqual(first.map((r) => r.slice(2, 5)));
  });
});

describe('CSV input is streamed', () => {
  test('rows across 1 MB chunks (multi-byte characters split between chunks) match the in-memory aggregation', async () => {
    const dir = tempDir();
    const rows: (string | number)[][] = [['客户编号', '门店', '交易日期', '金额']];
    for (let i = 0; i < 60_000; i++) {
      rows.push([`会员${i % 997}`, '呼和浩特市赛罕区大学西街店'.repeat(1 + (i % 3)), `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, (i % 500) / 4 - 3]);
    }
    const input = salesCsv(dir, rows);
    const out = path.join(dir, 'rfm.csv');
    const res = await rfm([input, '--transactions', '--out', out]);
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    const memory = aggregateTransactions(rows as CellValue[][]);
    const written = readCsvRows(out).slice(1);
    expect(written.length).toBe(memory.customers.length);
    expect(written.map((r) => [r[0], r[2], r[3], r[4]])).toEqual(memory.customers.map((c) => [String(c.customer), String(c.r), String(c.f), String(c.m)]));
  });

  test('GBK input', async () => {
    const dir = tempDir();
    const bytes = encodeGbk(csvText(salesRows(true, HEADERS_ZH)));
    if (!bytes) return; // this Node has no GBK decoder
    const input = path.join(dir, 'sales.csv');
    writeFileSync(input, bytes);
    const out = path.join(dir, 'rfm.csv');
    const res = await rfm([input, '--transactions', ...PERIOD, '--out', out]);
    expect(res.err).toEqual([]);
    expect(readCsvRows(out)).toEqual([HEADER_EN, ...text(EXPECTED_ROWS_ORDERS)]);
  });
});

describe('bad arguments or input: exit 2, one line, no output file, input untouched', () => {
  test.each([
    [['--customer', 'Nope'], 'No column "Nope" for the customer: give a column letter or the exact header text'],
    [['--amount', 'K'], 'The amount column K is empty: there is no data in it'],
    [['--since', '2025-04-01', '--as-of', '2025-03-31'], 'The as-of date 2025-03-31 is before the start of the period 2025-04-01'],
    [['--since', '2026-01-01'], 'The latest transaction (2025-04-01, the default as-of date) is before the start of the period 2026-01-01'],
    [['--since', '2025/01/01'], '--since must be a date written YYYY-MM-DD, got "2025/01/01"'],
    [['--as-of', '2025-02-29'], '--as-of must be a date written YYYY-MM-DD, got "2025-02-29"'],
    [['--r', 'B'], '--r does not apply with --transactions: R, F and M are computed from the sales records'],
    [['--since', '2025-01-01', '--as-of', '2025-01-01'], 'No customer has a purchase (a positive amount) from 2025-01-01 to 2025-01-01'],
  ])('%j', async (args, message) => {
    const dir = tempDir();
    const input = salesCsv(dir);
    const before = sha256(input);
    const res = await rfm([input, '--transactions', ...args, '--out', path.join(dir, 'out.csv')]);
    expect(res.err).toEqual([`rfm-score: ${message}`]);
    expect(res.code).toBe(2);
    expect(res.out).toEqual([]);
    expect(listDir(dir)).toEqual(['sales.csv']);
    expect(sha256(input)).toBe(before);
  });

  test('transaction options without --transactions', async () => {
    const dir = tempDir();
    const res = await rfm([salesCsv(dir), '--customer', 'B', '--out', path.join(dir, 'out.csv')]);
    expect(res.err).toEqual(['rfm-score: --customer only applies with --transactions']);
    expect(res.code).toBe(2);
  });

  test('ambiguous or missing headers, and no valid row', async () => {
    const dir = tempDir();
    const ambiguous = await rfm([
      salesCsv(dir, [['客户', '下单时间', '支付时间', '金额'], ['A', '2025-01-01', '2025-01-01', 1]], 'a.csv'),
      '--transactions',
      '--lang',
      'zh',
      '--out',
      path.join(dir, 'out.csv'),
    ]);
    expect(ambiguous.err).toEqual(['rfm-score：有多个表头可能是日期列：“下单时间”、“支付时间”；请明确指定']);
    const missing = await rfm([salesCsv(dir, [['Name', 'Date', 'Amount'], ['A', '2025-01-01', 1]], 'b.csv'), '--transactions', '--out', path.join(dir, 'out.csv')]);
    expect(missing.err).toEqual(['rfm-score: No header names the customer column: choose it explicitly']);
    const invalid = await rfm([salesCsv(dir, [['Customer', 'Date', 'Amount'], ['A', 'yesterday', 1]], 'c.csv'), '--transactions', '--out', path.join(dir, 'out.csv')]);
    expect(invalid.err).toEqual(['rfm-score: No transaction row has a valid customer, date and amount (first problem: B2: date "yesterday" is not a valid date)']);
    expect([ambiguous.code, missing.code, invalid.code]).toEqual([2, 2, 2]);
    expect(listDir(dir)).toEqual(['a.csv', 'b.csv', 'c.csv']);
  });
});
