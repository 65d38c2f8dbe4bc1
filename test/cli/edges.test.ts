/**
 * Nothing lost at the edges (docs/limits.md): rows past Excel's limit, dates before 1970, a stray
 * line ending, numbers that overflow, texts too long for a cell, outputs named like an input,
 * formula-looking text in CSV output, stale temporary files, file modes, a table with headers only.
 * Every case: a correct result, or exit 2 with one line and nothing written.
 */
import { chmodSync, existsSync, linkSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { csvText, listDir, readCsvRows, readXlsx, removeTempDirs, rfm, sha256, sheet, tempDir, writeXlsx } from './helpers';

afterAll(removeTempDirs);

/** A run that must fail: exit 2, one line on stderr naming `mentions`, nothing new in the folder. */
async function refused(dir: string, args: string[], ...mentions: string[]): Promise<string> {
  const before = listDir(dir);
  const res = await rfm(args);
  expect(res.err).toHaveLength(1);
  expect(res.code).toBe(2);
  expect(res.out).toEqual([]);
  for (const m of mentions) expect(res.err[0]).toContain(m);
  expect(listDir(dir)).toEqual(before);
  return res.err[0];
}

describe('sales records dated before 1970', () => {
  test('purchases from 1900 to 1969 count: no customer is left out', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'sales.csv');
    writeFileSync(
      input,
      csvText([
        ['Customer', 'Date', 'Amount'],
        ['X', '1900-01-05', 10],
        ['Y', '1969-12-31', 5],
        ['Y', '1950-06-01', 7],
        ['Z', '2025-01-01', 3],
      ]),
    );
    const out = path.join(dir, 'out.csv');
    const res = await rfm([input, '--transactions', '--out', out]);
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(res.out.join('\n')).not.toContain('left out');
    const rows = readCsvRows(out);
    // R = days to the latest sale, 2025-01-01 (day 20089): 1900-01-05 is day −25563, 1969-12-31 is −1.
    expect(rows.slice(1).map((r) => r.slice(0, 5))).toEqual([
      ['X', '1900-01-05', String(20089 + 25563), '1', '10'],
      ['Y', '1969-12-31', '20090', '2', '12'],
      ['Z', '2025-01-01', '0', '1', '3'],
    ]);
  });
});

describe('a stray line ending', () => {
  const rows = [
    ['Customer', 'R', 'F', 'M'],
    ['A', 1, 2, 3],
    ['B', 2, 3, 4],
    ['C', 3, 4, 5],
    ['D', 4, 5, 6],
    ['E', 5, 6, 7],
  ];

  test('one LF line in a CRLF file: every customer scored, as in the all-CRLF file', async () => {
    const dir = tempDir();
    const clean = path.join(dir, 'clean.csv');
    const stray = path.join(dir, 'stray.csv');
    writeFileSync(clean, csvText(rows, '\r\n'));
    // Line 3 ends in LF alone; a quoted cell holds an LF (Alt+Enter in Excel) that is content.
    const text = csvText(rows, '\r\n').replace('B,2,3,4\r\n', 'B,2,3,4\n').replace('C,3,4,5', '"C\nc",3,4,5');
    writeFileSync(stray, text);
    const a = await rfm([clean, '--out', path.join(dir, 'clean.out.csv')]);
    const b = await rfm([stray, '--out', path.join(dir, 'stray.out.csv')]);
    expect(a.code).toBe(0);
    expect(b.err).toEqual([]);
    expect(b.code).toBe(0);
    expect(b.out[0]).toContain('Scored 5 of 5');
    const outA = readFileSync(path.join(dir, 'clean.out.csv'), 'utf8');
    const outB = readFileSync(path.join(dir, 'stray.out.csv'), 'utf8');
    // The output uses the file's line ending (CRLF) throughout; the quoted LF stays in its cell.
    expect(outB).toBe(outA.replace('\r\nC,3,4,5,', '\r\n"C\nc",3,4,5,'));
  });

  test('a lone CR and an LF in a CRLF file of sales records: every record read', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'sales.csv');
    writeFileSync(input, 'Customer,Date,Amount\r\nX,2025-01-05,10\nY,2025-01-06,5\rZ,2025-01-01,3\r\n');
    const out = path.join(dir, 'out.csv');
    const res = await rfm([input, '--transactions', '--out', out]);
    expect(res.err).toEqual([]);
    expect(res.out[0]).toContain('Read 3 transaction rows');
    expect(readCsvRows(out).map((r) => r[0])).toEqual(['Customer', 'X', 'Y', 'Z']);
  });
});
