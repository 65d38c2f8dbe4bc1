/**
 * SPEC.md 6: a re-run replaces the product's own earlier output columns instead of appending new ones.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  CUSTOMERS,
  EXPECTED,
  HEADERS_EN,
  HEADERS_ZH,
  baseRows,
  cellMap,
  csvText,
  listDir,
  readCsvRows,
  readXlsx,
  removeTempDirs,
  rfm,
  rowValues,
  scoredText,
  sheet,
  tempDir,
  writeXlsx,
} from './helpers';

afterAll(removeTempDirs);

describe('re-run on an output file', () => {
  test('CSV: scoring the output again replaces R Score … Grade in place; the result is identical', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.csv');
    const first = path.join(dir, 'first.csv');
    const second = path.join(dir, 'second.csv');
    writeFileSync(input, csvText(baseRows()));

    expect((await rfm([input, '--out', first])).code).toBe(0);
    const res = await rfm([first, '--out', second]);

    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(res.out).toContain('Replaced 5 output columns of an earlier run');
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
    const rows = readCsvRows(second);
    expect(rows[0]).toEqual(['Customer ID', 'Region', 'Recency', 'Frequency', 'Monetary', ...HEADERS_EN]);
    expect(listDir(dir)).toEqual(['first.csv', 'in.csv', 'second.csv']);
  });

  test('CSV with invalid rows: the Check column is replaced too; --lang zh swaps the headers', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.csv');
    const first = path.join(dir, 'first.csv');
    const second = path.join(dir, 'second.csv');
    const rows = baseRows();
    rows.splice(3, 0, ['X1', 'West', 14, 6, -50]);
    writeFileSync(input, csvText(rows));

    expect((await rfm([input, '--out', first])).code).toBe(0);
    expect(readCsvRows(first)[0].slice(5)).toEqual([...HEADERS_EN, 'Check']);
    const res = await rfm([first, '--out', second, '--lang', 'zh']);

    expect(res.code).toBe(0);
    expect(res.out).toContain('已替换上次运行生成的 6 个输出列');
    const out = readCsvRows(second);
    expect(out[0]).toEqual(['Customer ID', 'Region', 'Recency', 'Frequency', 'Monetary', ...HEADERS_ZH, '数据检查']);
    expect(out.every((r) => r.length === 11)).toBe(true);
    expect(out[3]).toEqual(['X1', 'West', '14', '6', '-50', '', '', '', '', '', 'M为负数']);
    expect(out[1]).toEqual(['C01', 'North', '3', '12', '800', ...scoredText(EXPECTED.C01), '']);
  });

  test('CSV: a re-run with another scheme overwrites the old values (no stale numbers left)', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.csv');
    const first = path.join(dir, 'first.csv');
    const second = path.join(dir, 'second.csv');
    writeFileSync(input, csvText(baseRows()));

    expect((await rfm([input, '--out', first])).code).toBe(0);
    // --weights 0.35,0.35,0.3: C07 2,2,2 → 2 C; C09 1,2,3 → 1.95 D (see options.test.ts).
    expect((await rfm([first, '--out', second, '--weights', '0.35,0.35,0.3'])).code).toBe(0);
    const out = readCsvRows(second);
    expect(out[0]).toHaveLength(10);
    expect(out[7]).toEqual(['C07', 'East', '90', '3', '400', '2', '2', '2', '2', 'C']);
    expect(out[9]).toEqual(['C09', 'North', '120', '4', '1234.5', '1', '2', '3', '1.95', 'D']);
  });

  test('xlsx: re-run replaces the columns, keeps the other sheets and cells', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.xlsx');
    const first = path.join(dir, 'first.xlsx');
    const second = path.join(dir, 'second.xlsx');
    await writeXlsx(input, (wb) => {
      const ws = wb.addWorksheet('Customers');
      baseRows().forEach((r) => ws.addRow(r));
      const other = wb.addWorksheet('Other');
      other.getCell('B2').value = { formula: 'A1*2', result: 0 };
    });

    expect((await rfm([input, '--out', first])).code).toBe(0);
    const res = await rfm([first, '--out', second, '--lang', 'zh']);

    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(res.out).toContain('已替换上次运行生成的 5 个输出列');
    const wb = await readXlsx(second);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Customers', 'Other']);
    const ws = sheet(wb, 'Customers');
    expect(rowValues(ws, 1, 1, 11)).toEqual(['Customer ID', 'Region', 'Recency', 'Frequency', 'Monetary', ...HEADERS_ZH, null]);
    CUSTOMERS.forEach((c, i) => expect(rowValues(ws, i + 2, 6, 11)).toEqual([...EXPECTED[c.id], null]));
    expect(cellMap(ws).size).toBe(11 * 10);
    expect(sheet(wb, 'Other').getCell('B2').value).toEqual({ formula: 'A1*2', result: 0 });
  });
});
