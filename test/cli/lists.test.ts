/**
 * rfm-score --list / --list-out (docs/lists.md): customer lists as CSV files and workbook sheets.
 * The 10-customer table of helpers.ts; expected lists worked by hand from its comments:
 *   grade B: C01 800, C02 5200, C06 2000, C08 3600 → by M: C02, C08, C06, C01
 *   grade C: C03 150, C07 400, C09 1234.5          → C09, C07, C03
 *   segments (mean of the scores is 3 for R, F and M; high when ≥ 3):
 *     C04 5,5,5 / C06 4,3,3 / C10 3,5,5 → important value → by M: C04 9100, C10 7000, C06 2000
 *     C01 5,4,2 / C03 3,3,1             → general value   → C01 800, C03 150
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { csvInput, baseRows, csvText, EXPECTED, listDir, readCsvRows, readXlsx, removeTempDirs, rfm, sha256, sheet, tempDir, writeXlsx } from './helpers';
import { AS_OF, salesRows, SINCE } from '../transactions/fixtures';

afterAll(removeTempDirs);


async function xlsxInput(): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  const file = path.join(dir, 'in.xlsx');
  await writeXlsx(file, (wb) => {
    const ws = wb.addWorksheet('Customers');
    for (const row of baseRows()) ws.addRow(row);
  });
  return { dir, file };
}

const idsOf = (rows: string[][]) => rows.slice(1).map((r) => r[1]);

test('a grade list: the filter of the scored table, sorted by M, with every column', async () => {
  const { dir, file } = csvInput(baseRows());
  const out = path.join(dir, 'out.csv');
  const res = await rfm([file, '--out', out, '--list', 'B']);
  expect(res.code).toBe(0);
  const listFile = path.join(dir, 'out-B.csv');
  expect(res.out).toContain(`List "B": 4 customers, written to ${listFile}`);
  const rows = readCsvRows(listFile);
  expect(rows[0]).toEqual(['Row', 'Customer ID', 'R value', 'F value', 'M value', 'R Score', 'F Score', 'M Score', 'RFM Score', 'Grade']);
  expect(idsOf(rows)).toEqual(['C02', 'C08', 'C06', 'C01']);
  // C02 is on line 3: R 15, F 2, M 5200, scores 4, 1, 4, RFM 3.1
  expect(rows[1]).toEqual(['3', 'C02', '15', '2', '5200', ...EXPECTED.C02.map(String)]);
  // the list is exactly the scored output's B rows
  const scored = readCsvRows(out);
  const bRows = scored.slice(1).filter((r) => r[9] === 'B').map((r) => r[0]);
  expect([...idsOf(rows)].sort()).toEqual(bRows.sort());
});

test('several lists, segments named in either language, Chinese output', async () => {
  const { dir, file } = csvInput(baseRows());
  const out = path.join(dir, 'out.csv');
  const res = await rfm([file, '--out', out, '--lang', 'zh', '--list', 'important value', '--list', '一般价值', '--list', 'c']);
  expect(res.code).toBe(0);
  expect(listDir(dir)).toEqual(['in.csv', 'out-C.csv', 'out-一般价值客户.csv', 'out-重要价值客户.csv', 'out.csv']);
  const value = readCsvRows(path.join(dir, 'out-重要价值客户.csv'));
  expect(value[0]).toEqual(['行号', 'Customer ID', 'R值', 'F值', 'M值', 'R得分', 'F得分', 'M得分', 'RFM得分', '客户等级', '客户分群']);
  expect(idsOf(value)).toEqual(['C04', 'C10', 'C06']);
  expect(value.slice(1).every((r) => r[10] === '重要价值客户')).toBe(true);
  expect(idsOf(readCsvRows(path.join(dir, 'out-一般价值客户.csv')))).toEqual(['C01', 'C03']);
  expect(idsOf(readCsvRows(path.join(dir, 'out-C.csv')))).toEqual(['C09', 'C07', 'C03']);
  expect(res.out).toContain(`名单“C”：共3位客户，已写入${path.join(dir, 'out-C.csv')}`);
});

test('--list-out names the file of one list', async () => {
  const { dir, file } = csvInput(baseRows());
  const listFile = path.join(dir, 'risk.csv');
  const res = await rfm([file, '--out', path.join(dir, 'out.csv'), '--list', 'D', '--list-out', listFile]);
  expect(res.code).toBe(0);
  expect(readCsvRows(listFile).slice(1).map((r) => r[1])).toEqual(['C05']);
});

test('an unknown name: exit 2 naming the lists there are, and nothing written', async () => {
  const { dir, file } = csvInput(baseRows());
  const res = await rfm([file, '--out', path.join(dir, 'out.csv'), '--list', 'A', '--list', 'At Risk']);
  expect(res.code).toBe(2);
  expect(res.err).toEqual([
    'rfm-score: There is no list named "At Risk". Lists of this run: "A", "B", "C", "D", "Important value", "Important development", "Important retention", "Important win-back", "General value", "General development", "General retention", "General win-back"',
  ]);
  expect(listDir(dir)).toEqual(['in.csv']);
});

test('option checks: --list-out with two lists or none; a list file that is the input or the output', async () => {
  const { dir, file } = csvInput(baseRows());
  const before = sha256(file);
  const out = path.join(dir, 'out.csv');
  const two = await rfm([file, '--out', out, '--list', 'A', '--list', 'B', '--list-out', path.join(dir, 'x.csv')]);
  expect(two.code).toBe(2);
  expect(two.err[0]).toMatch(/^rfm-score: --list-out names one file, but --list was given 2 times/);
  const none = await rfm([file, '--out', out, '--list-out', path.join(dir, 'x.csv')]);
  expect(none.err).toEqual(['rfm-score: --list-out needs --list']);
  const input = await rfm([file, '--out', out, '--list', 'A', '--list-out', file]);
  expect(input.code).toBe(2);
  expect(input.err).toEqual([`rfm-score: The list file ${file} would overwrite ${file}: choose another --list-out`]);
  const output = await rfm([file, '--out', out, '--list', 'A', '--list-out', out]);
  expect(output.code).toBe(2);
  // the same list twice goes to the same file
  const twice = await rfm([file, '--out', out, '--list', 'A', '--list', 'a']);
  expect(twice.code).toBe(2);
  expect(twice.err).toEqual([`rfm-score: Two lists would be written to the same file ${path.join(dir, 'out-A.csv')}`]);
  expect(listDir(dir)).toEqual(['in.csv']);
  expect(sha256(file)).toBe(before);
});

test('text that would run as a formula is neutralised in the list file', async () => {
  const rows = baseRows();
  rows[4][0] = '=HYPERLINK("http://x","C04")';
  const { dir, file } = csvInput(rows);
  const res = await rfm([file, '--out', path.join(dir, 'out.csv'), '--list', 'A']);
  expect(res.code).toBe(0);
  const text = readFileSync(path.join(dir, 'out-A.csv'), 'utf8');
  expect(text.split(/\r?\n/)[1]).toBe(`5,"'=HYPERLINK(""http://x"",""C04"")",7,20,9100,5,5,5,5,A`);
});

test('xlsx output: a sheet per list beside the CSV file (CSV input, exceljs path)', async () => {
  const { dir, file } = csvInput(baseRows());
  const out = path.join(dir, 'out.xlsx');
  const res = await rfm([file, '--out', out, '--list', 'B', '--segments']);
  expect(res.code).toBe(0);
  expect(res.out).toContain('List "B": 4 customers, sheet "B customers"');
  const ws = sheet(await readXlsx(out), 'B customers');
  expect(ws.getRow(1).font?.bold).toBe(true);
  const ids = [2, 3, 4, 5].map((r) => ws.getCell(r, 2).value);
  expect(ids).toEqual(['C02', 'C08', 'C06', 'C01']);
  // C08: R 60, F 9, M 3600 → 2, 4, 4, 3.4, B; R low, F high, M high → important retention
  expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([9, 'C08', 60, 9, 3600, 2, 4, 4, 3.4, 'B', 'Important retention']);
  expect(ws.getCell(3, 9).numFmt).toBe('0.00');
  expect(existsSync(path.join(dir, 'out-B.csv'))).toBe(true);
});

test('xlsx to xlsx (the streaming path): list sheets spliced in as new parts', async () => {
  const { dir, file } = await xlsxInput();
  const out = path.join(dir, 'out.xlsx');
  const res = await rfm([file, '--out', out, '--list', '重要价值', '--list', 'C', '--summary', '--segments', '--lang', 'zh']);
  expect(res.code).toBe(0);
  const wb = await readXlsx(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Customers', 'RFM参数', 'RFM汇总', '重要价值客户名单', 'C名单']);
  const value = sheet(wb, '重要价值客户名单');
  expect((value.getRow(1).values as unknown[]).slice(1, 3)).toEqual(['行号', 'Customer ID']);
  expect([2, 3, 4].map((r) => value.getCell(r, 2).value)).toEqual(['C04', 'C10', 'C06']);
  expect(value.rowCount).toBe(4);
  const c = sheet(wb, 'C名单');
  expect([2, 3, 4].map((r) => c.getCell(r, 2).value)).toEqual(['C09', 'C07', 'C03']);
  expect(c.getCell(2, 5).value).toBe(1234.5);
});

test('sales records (--transactions): a list of the per-customer table, IDs from the customer column', async () => {
  // From test/transactions/fixtures.ts: grade B is C2 (M 50, customer-sheet row 3) and C4 (M 10, row 4).
  const dir = tempDir();
  const input = path.join(dir, 'sales.csv');
  writeFileSync(input, csvText(salesRows(true)));
  const out = path.join(dir, 'rfm.xlsx');
  const res = await rfm([input, '--transactions', '--since', SINCE, '--as-of', AS_OF, '--out', out, '--list', 'B']);
  expect(res.err).toEqual([]);
  const rows = readCsvRows(path.join(dir, 'rfm-B.csv'));
  expect(rows[0].slice(0, 2)).toEqual(['Row', 'Customer']);
  expect(rows.slice(1).map((r) => r.slice(0, 5))).toEqual([
    ['3', 'C2', '75', '1', '50'],
    ['4', 'C4', '30', '1', '10'],
  ]);
  const ws = sheet(await readXlsx(out), 'B customers');
  expect([2, 3].map((r) => ws.getCell(r, 2).value)).toEqual(['C2', 'C4']);
});

test('xlsx to CSV (the streaming reader): the list file beside the CSV output', async () => {
  const { dir, file } = await xlsxInput();
  const out = path.join(dir, 'out.csv');
  const res = await rfm([file, '--out', out, '--list', 'C']);
  expect(res.err).toEqual([]);
  expect(res.out).toContain(`List "C": 3 customers, written to ${path.join(dir, 'out-C.csv')}`);
  // the same three C customers as the streaming xlsx output's sheet, by M descending
  expect(readCsvRows(path.join(dir, 'out-C.csv')).slice(1).map((r) => r[1])).toEqual(['C09', 'C07', 'C03']);
  const unknown = await rfm([file, '--out', path.join(dir, 'again.csv'), '--list', 'At Risk']);
  expect(unknown.code).toBe(2);
  expect(existsSync(path.join(dir, 'again.csv'))).toBe(false);
});

test('sales records in a workbook (--transactions, streamed): the list file and sheet', async () => {
  const dir = tempDir();
  const input = path.join(dir, 'sales.xlsx');
  await writeXlsx(input, (wb) => {
    const ws = wb.addWorksheet('Sales');
    for (const row of salesRows(true)) ws.addRow(row);
  });
  const out = path.join(dir, 'rfm.xlsx');
  const res = await rfm([input, '--transactions', '--since', SINCE, '--as-of', AS_OF, '--out', out, '--list', 'B']);
  expect(res.err).toEqual([]);
  // as from the CSV of the same records (the test above): C2 and C4, by M
  expect(readCsvRows(path.join(dir, 'rfm-B.csv')).slice(1).map((r) => r.slice(1, 5))).toEqual([
    ['C2', '75', '1', '50'],
    ['C4', '30', '1', '10'],
  ]);
  const wb = await readXlsx(out);
  expect(wb.worksheets.map((w) => w.name)).toContain('B customers');
  expect([2, 3].map((r) => sheet(wb, 'B customers').getCell(r, 2).value)).toEqual(['C2', 'C4']);
});

test('a failed run leaves no list file and no output', async () => {
  const { dir, file } = csvInput(baseRows());
  // the list cannot be written: the output is not written either
  const noListDir = await rfm([file, '--out', path.join(dir, 'out.csv'), '--list', 'A', '--list-out', path.join(dir, 'missing', 'a.csv')]);
  expect(noListDir.code).toBe(2);
  expect(noListDir.err[0]).toMatch(/^rfm-score: .*missing/);
  expect(listDir(dir)).toEqual(['in.csv']);
  // the output cannot be written: the list, written first to a temporary file, is removed again
  const noOutDir = await rfm([file, '--out', path.join(dir, 'missing', 'out.csv'), '--list', 'A', '--list-out', path.join(dir, 'a.csv')]);
  expect(noOutDir.code).toBe(2);
  expect(listDir(dir)).toEqual(['in.csv']);
});

test('--list has no meaning for a query: refused with --sql', async () => {
  const res = await rfm(['--sql', 'postgres', '--list', 'A']);
  expect(res.code).toBe(2);
  expect(res.err[0]).toContain('--list');
});
