/**
 * The sales-record fast path (docs/engine.md, "Sales records"): `aggregateCsv` hands a UTF-8 file's
 * records to `TransactionAggregator.addFields` as byte ranges; the same file with every row handed
 * to `add` as cells (the existing path) must give the same per-customer table and the same report,
 * whatever the IDs (Chinese, quoted, with edge spaces, longer than a hash slot holds), date forms,
 * amounts, order IDs, line breaks and BOM — also with hash tables so small and a hash so narrow that
 * every key collides. And the per-customer CSV writer gives Papa Parse's `unparse` bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { parseIsoDay, RfmError, type TransactionResult, type TxOptions, type TxTableOptions } from '../../src/core';
import { ByteKeys } from '../../src/core/byteKeys';
import { CustomerSlots } from '../../src/core/customerSlots';
import { aggregateCsv, csvCell } from '../../src/cli/transactions';
import { FORMULA_START } from '../../src/cli/csvFile';
import { encodeGbk, removeTempDirs, rfm, tempDir } from '../cli/helpers';

afterAll(removeTempDirs);

const CUSTOMERS = [
  'C1',
  'C2',
  'C10',
  '1001',
  '张三',
  '客户07',
  '李四🙂',
  ' C1 ',
  '\u00a0C2',
  'C3\u3000',
  '#C4',
  '#N/A',
  'C,5',
  'C"6"',
  'VIP-0000000000000000001',
  'VIP-0000000000000000002',
  '会员编号一二三四五六七八',
  '',
  '  ',
];
const DATES = [
  '2024-03-05',
  '2024/3/5',
  '2024.12.31',
  '2024-3-05 14:05',
  '2024-03-05 9:05:59',
  '2024-03-05  23:59:00',
  '2024-03-05 24:00',
  '2024-03-05 12:60',
  '2024-03-05T10:00:00Z',
  '2024年3月5日',
  '31/03/2024',
  '05/03/2024',
  '2025-02-29',
  '2024-02-29',
  '2023-13-01',
  '1969-07-20',
  '2025-04-01',
  ' 2024-06-01',
  'abc',
  '',
  '20240305',
  '2024-003-05',
  '0000-00-00',
  '1899-12-31',
];
const AMOUNTS = [
  '12',
  '12.5',
  '-3.25',
  '0',
  '-0',
  '007',
  '1,234.50',
  '¥20',
  ' 15 ',
  '12.',
  '.5',
  '0.1234567',
  '123456789012345678',
  '99999999999999.9',
  '-',
  'abc',
  '',
  '1e3',
];
const ORDERS = ['SO1', 'SO2', 'SO3', 'SO-00000000000000000001', '订单1', ' SO1', '', '#REF!'];

interface Sales {
  text: string;
  options: TxOptions;
}

function field(v: string, quote: boolean): string {
  return quote || /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** An index into a list of n forms, the first `common` (the usual ones) three times as likely as the rest. */
const mostlyFirst = (n: number, common: number) =>
  fc.oneof({ arbitrary: fc.nat(common - 1), weight: 3 }, { arbitrary: fc.nat(n - 1), weight: 1 });

const sales = fc
  .record({
    orders: fc.boolean(),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    trailingBreak: fc.boolean(),
    since: fc.constantFrom(undefined, '2024-01-01', '2024-06-01'),
    asOf: fc.constantFrom(undefined, '2024-12-31', '2025-03-31'),
    rows: fc.array(
      fc.record({
        customer: mostlyFirst(CUSTOMERS.length, 7),
        date: mostlyFirst(DATES.length, 6),
        amount: mostlyFirst(AMOUNTS.length, 6),
        order: mostlyFirst(ORDERS.length, 5),
        quote: fc.nat(15),
        blank: fc.nat(40),
      }),
      { minLength: 0, maxLength: 60 },
    ),
  })
  .map(({ orders, crlf, bom, trailingBreak, since, asOf, rows, ...rest }): Sales => {
    const lines = [`${orders ? '订单号,' : ''}交易日期,客户编号,门店,金额`];
    for (const r of rows) {
      if (r.blank === 0) {
        lines.push('');
        continue;
      }
      const cells = [
        field(DATES[r.date], (r.quote & 1) !== 0),
        field(CUSTOMERS[r.customer], (r.quote & 2) !== 0),
        field('上海, 一店', false),
        field(AMOUNTS[r.amount], (r.quote & 4) !== 0),
      ];
      if (orders) cells.unshift(field(ORDERS[r.order], (r.quote & 8) !== 0));
      lines.push(cells.join(','));
    }
    const br = crlf ? '\r\n' : '\n';
    const options: TxOptions = {
      since: since === undefined ? undefined : parseIsoDay(since),
      asOf: asOf === undefined ? undefined : parseIsoDay(asOf),
    };
    void rest;
    return { text: `${bom ? '\uFEFF' : ''}${lines.join(br)}${trailingBreak ? br : ''}`, options };
  });

type Outcome = { result: TransactionResult } | { error: string };

async function outcome(file: string, options: TxOptions, fast: boolean, tables?: TxTableOptions): Promise<Outcome> {
  try {
    return { result: await aggregateCsv(file, options, { fast, tables }) };
  } catch (err) {
    if (err instanceof RfmError) return { error: `${err.key} ${JSON.stringify(err.vars)}` };
    throw err;
  }
}

test('fast path and cells path agree on random sales files (IDs, date forms, amounts, orders, CRLF, BOM)', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'sales.csv');
  let fastRows = 0;
  await fc.assert(
    fc.asyncProperty(sales, async ({ text, options }) => {
      if (options.since !== undefined && options.asOf !== undefined && options.asOf < options.since) return;
      writeFileSync(file, text, 'utf8');
      const slow = await outcome(file, options, false);
      const fast = await outcome(file, options, true);
      const tiny = await outcome(file, options, true, { capacity: 1, hashMask: 3 });
      expect(fast).toEqual(slow);
      expect(tiny).toEqual(slow);
      if ('result' in fast) fastRows += fast.result.report.validRows;
    }),
    { numRuns: 150, seed: 20261206 },
  );
  // The property did exercise valid rows, not only failures.
  expect(fastRows).toBeGreaterThan(300);
}, 120_000);

test('every key colliding (hash narrowed to one value): customers and distinct orders still exact', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'collide.csv');
  const lines = ['订单号,交易日期,客户编号,金额'];
  // 300 customers, IDs sharing long prefixes (beyond the 16 bytes a slot holds), 2 orders each, each
  // order on two lines, then every first line again at the end (already counted orders).
  for (let c = 0; c < 300; c++) {
    const id = `CUSTOMER-${'0'.repeat(12)}${c}`;
    for (let o = 0; o < 2; o++) {
      for (let line = 0; line < 2; line++) lines.push(`ORD-${c % 7}-${o},2024-01-${10 + o},${id},${c + 1}.25`);
    }
  }
  for (let c = 0; c < 300; c++) lines.push(`ORD-${c % 7}-0,2024-01-05,CUSTOMER-${'0'.repeat(12)}${c},1`);
  writeFileSync(file, `${lines.join('\n')}\n`, 'utf8');
  const slow = await outcome(file, {}, false);
  const collide = await outcome(file, {}, true, { capacity: 1, hashMask: 0 });
  expect(collide).toEqual(slow);
  expect('result' in collide && collide.result.customers.length).toBe(300);
  if ('result' in collide) {
    const c7 = collide.result.customers[7];
    expect(c7).toEqual({ customer: `CUSTOMER-${'0'.repeat(12)}7`, lastPurchase: parseIsoDay('2024-01-11'), r: 0, f: 2, m: 4 * 8.25 + 1 });
  }
});

test('ByteKeys and CustomerSlots find every key, in first-appearance order, through collisions and growth', () => {
  const enc = new TextEncoder();
  const keys = new ByteKeys(1, 1);
  const slots = new CustomerSlots(1, 1, [7, 0, 0, -1]);
  const words = Array.from({ length: 500 }, (_, i) => (i % 3 === 0 ? `客户${i}` : `key-${'x'.repeat(i % 40)}-${i}`));
  words.forEach((w, i) => {
    const b = enc.encode(w);
    expect(keys.find(b, 0, b.length, i % 5, keys.hash(b, 0, b.length, i % 5))).toBe(-1);
    expect(keys.add(b, 0, b.length, i % 5, keys.hash(b, 0, b.length, i % 5))).toBe(i);
    const h = slots.hash(b, 0, b.length);
    expect(slots.find(b, 0, b.length, h)).toBe(-1);
    const slot = slots.add(b, 0, b.length, h);
    slots.num[slot * 8 + 1] = i;
  });
  words.forEach((w, i) => {
    const b = enc.encode(w);
    expect(keys.find(b, 0, b.length, i % 5, keys.hash(b, 0, b.length, i % 5))).toBe(i);
    // The same bytes under another tag are another key.
    expect(keys.find(b, 0, b.length, (i % 5) + 1, keys.hash(b, 0, b.length, (i % 5) + 1))).toBe(-1);
    const slot = slots.find(b, 0, b.length, slots.hash(b, 0, b.length));
    expect(slots.entryAt(slot)).toBe(i);
    expect(slots.slotOfEntry(i)).toBe(slot);
    expect(slots.num[slot * 8]).toBe(7);
    expect(slots.num[slot * 8 + 1]).toBe(i);
  });
  expect(slots.size).toBe(500);
});

test('the per-customer CSV cell is Papa Parse unparse’s cell, byte for byte', () => {
  const text = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\r', '\n', '=', '+', '-', '@', '\t', '\uFEFF', '客', "'") }),
    fc.string(),
  );
  fc.assert(
    fc.property(fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null)), (v) => {
      expect(csvCell(v)).toBe(Papa.unparse([[v, 'x']], { newline: '\r\n', escapeFormulae: FORMULA_START }).slice(0, -2));
    }),
    { numRuns: 2000, seed: 7 },
  );
});

test('a bad cell stops the CLI with the same line naming the cell, UTF-8 (fast path) or GBK (Papa Parse)', async () => {
  const dir = tempDir();
  const text = '交易日期,客户编号,金额\r\n2024-02-30,张三,10\r\n2024-03-01,李四,十元\r\n';
  const utf8File = path.join(dir, 'bad.csv');
  const gbkFile = path.join(dir, 'bad-gbk.csv');
  writeFileSync(utf8File, text, 'utf8');
  writeFileSync(gbkFile, encodeGbk(text)!);
  const a = await rfm([utf8File, '--transactions', '--out', path.join(dir, 'a.csv')]);
  const b = await rfm([gbkFile, '--transactions', '--out', path.join(dir, 'b.csv')]);
  expect(a.code).toBe(2);
  expect(a.err).toHaveLength(1);
  expect(a.err[0]).toContain('A2');
  expect(a.err[0]).toContain('2024-02-30');
  expect(b.code).toBe(2);
  expect(b.err).toEqual(a.err.map((l) => l.replace(utf8File, gbkFile)));
});

test('CLI: a mixed file gives the same per-customer CSV and report on the fast path (UTF-8) and Papa Parse’s (GBK)', async () => {
  const dir = tempDir();
  const lines = ['订单号,交易日期,客户编号,门店,金额'];
  const ids = ['张三', '李四', 'C1', '"C,2"', ' C3 ', '王五六七八九十一二三四五六'];
  const dates = ['2024-03-05', '2024/3/6', '2024.3.7', '2024-03-08 10:15', '2024年3月9日', '31/03/2024', '2024-02-30'];
  const amounts = ['12', '12.50', '-3.25', '"1,234.50"', '￥20', 'abc', '0'];
  for (let i = 0; i < 400; i++) {
    lines.push(`SO${i % 97},${dates[i % dates.length]},${ids[(i * 7) % ids.length]},"店, ${i % 3}",${amounts[(i * 3) % amounts.length]}`);
  }
  const text = `${lines.join('\r\n')}\r\n`;
  const utf8File = path.join(dir, 'mixed.csv');
  const gbkFile = path.join(dir, 'mixed-gbk.csv');
  writeFileSync(utf8File, `\uFEFF${text}`, 'utf8');
  writeFileSync(gbkFile, encodeGbk(text)!);
  const outs: string[] = [];
  const reports: string[][] = [];
  for (const [file, out] of [
    [utf8File, path.join(dir, 'a.csv')],
    [gbkFile, path.join(dir, 'b.csv')],
  ]) {
    const res = await rfm([file, '--transactions', '--as-of', '2024-12-31', '--out', out]);
    expect(res.err).toEqual([]);
    outs.push(readFileSync(out, 'utf8'));
    reports.push(res.out.map((l) => l.replace(file, 'FILE').replace(out, 'OUT')));
  }
  expect(outs[0]).toBe(outs[1]);
  expect(reports[0]).toEqual(reports[1]);
  expect(outs[0].split('\r\n').length).toBeGreaterThan(6);
});
