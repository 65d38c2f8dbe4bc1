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
    expect(res.out).toContain('已替换上次评分写入的6个输出列');
    const out = readCsvRows(second);
    expect(out[0]).toEqual(['Customer ID', 'Region', 'Recency', 'Frequency', 'Monetary', ...HEADERS_ZH, '数据检查']);
    expect(out.every((r) => r.length === 11)).toBe(true);
    expect(out[3]).toEqual(['X1', 'West', '14', '6', '-50', '', '', '', '', '', 'M值为负数']);
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
      other.getCell('A1').value = 5;
      other.getCell('B2').value = { formula: 'A1*2', result: 10 };
    });

    expect((await rfm([input, '--out', first])).code).toBe(0);
    const res = await rfm([first, '--out', second, '--lang', 'zh']);

    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(res.out).toContain('已替换上次评分写入的5个输出列');
    const wb = await readXlsx(second);
    // The first run's parameters sheet is replaced (same name), not joined by a second one.
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Customers', 'Other', 'RFM parameters']);
    expect(sheet(wb, 'RFM parameters').getCell('A1').value).toBe('RFM评分参数');
    const ws = sheet(wb, 'Customers');
    expect(rowValues(ws, 1, 1, 11)).toEqual(['Customer ID', 'Region', 'Recency', 'Frequency', 'Monetary', ...HEADERS_ZH, null]);
    CUSTOMERS.forEach((c, i) => expect(rowValues(ws, i + 2, 6, 11)).toEqual([...EXPECTED[c.id], null]));
    expect(cellMap(ws).size).toBe(11 * 10);
    expect(sheet(wb, 'Other').getCell('B2').value).toEqual({ formula: 'A1*2', result: 10 });
  });

  /**
   * The user fixes the flagged cell in the output (X1's M −50 → 50) and scores that file again: the
   * old Check column must go (no stale "M is negative"), and X1 now counts: n = 11, k = 5,
   * score = 5 − floor(5·(rank − 1)/11): ranks 1–3 → 5, 4–5 → 4, 6–7 → 3, 8–9 → 2, 10–11 → 1.
   *   X1: R 14 is rank 3 (3, 7, 14, …) → 5; F 6 is rank 6 (20, 15, 12, 9, 8, 6) → 3; M 50 is last → 1
   *   → 1.5 + 0.9 + 0.4 = 2.8 → C
   */
  const withX1 = (): (string | number)[][] => {
    const rows = baseRows();
    rows.splice(3, 0, ['X1', 'West', 14, 6, -50]);
    return rows;
  };

  test('CSV: after fixing the flagged cell, a re-run drops the old Check column', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.csv');
    const first = path.join(dir, 'first.csv');
    const second = path.join(dir, 'second.csv');
    writeFileSync(input, csvText(withX1()));
    expect((await rfm([input, '--out', first])).code).toBe(0);
    const fixed = readFileSync(first, 'utf8').replace('X1,West,14,6,-50,', 'X1,West,14,6,50,');
    expect(fixed).toContain('M is negative');
    writeFileSync(first, fixed);

    const res = await rfm([first, '--out', second]);

    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(res.out).toContain('Replaced 6 output columns of an earlier run');
    const text = readFileSync(second, 'utf8');
    expect(text).not.toContain('M is negative');
    const out = readCsvRows(second);
    expect(out[0]).toEqual(['Customer ID', 'Region', 'Recency', 'Frequency', 'Monetary', ...HEADERS_EN]);
    expect(out.every((r) => r.length === 10)).toBe(true);
    expect(out[3]).toEqual(['X1', 'West', '14', '6', '50', '5', '3', '1', '2.8', 'C']);
  });

  test('xlsx: after fixing the flagged cell, a re-run clears the old Check column', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.xlsx');
    const first = path.join(dir, 'first.xlsx');
    const second = path.join(dir, 'second.xlsx');
    await writeXlsx(input, (wb) => {
      const ws = wb.addWorksheet('Customers');
      withX1().forEach((r) => ws.addRow(r));
    });
    expect((await rfm([input, '--out', first])).code).toBe(0);
    const wb1 = await readXlsx(first);
    expect(sheet(wb1, 'Customers').getCell('K4').value).toBe('M is negative');
    sheet(wb1, 'Customers').getCell('E4').value = 50;
    await wb1.xlsx.writeFile(first);

    const res = await rfm([first, '--out', second]);

    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(res.out).toContain('Replaced 6 output columns of an earlier run');
    const ws = sheet(await readXlsx(second), 'Customers');
    expect(rowValues(ws, 1, 1, 11)).toEqual(['Customer ID', 'Region', 'Recency', 'Frequency', 'Monetary', ...HEADERS_EN, null]);
    expect(rowValues(ws, 4, 1, 11)).toEqual(['X1', 'West', 14, 6, 50, 5, 3, 1, 2.8, 'C', null]);
    for (let r = 1; r <= 12; r++) expect(ws.getCell(r, 11).value).toBeNull();
  });

  // SPEC 6: "Nothing the user typed is overwritten without an explicit yes". A user's own last column
  // that happens to be called "Grade" is not a block of this product's output (no R Score … before it).
  test("a user's own trailing Grade column is kept, not taken for an earlier run", async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.csv');
    const output = path.join(dir, 'out.csv');
    const rows = baseRows().map((r, i) => [...r, i === 0 ? 'Grade' : 'gold']);
    writeFileSync(input, csvText(rows));

    const res = await rfm([input, '--out', output]);

    expect(res.code).toBe(0);
    expect(res.out.join('\n')).not.toContain('Replaced');
    const out = readCsvRows(output);
    expect(out[0]).toEqual(['Customer ID', 'Region', 'Recency', 'Frequency', 'Monetary', 'Grade', ...HEADERS_EN]);
    CUSTOMERS.forEach((c, i) => expect(out[i + 1]).toEqual([c.id, c.region, String(c.r), String(c.f), String(c.m), 'gold', ...scoredText(EXPECTED[c.id])]));
  });
});
