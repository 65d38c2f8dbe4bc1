/**
 * `--transactions` on a workbook, on the streaming xlsx path (src/cli/xlsx/transactions.ts,
 * docs/xlsx.md "Sales records in a workbook"): the new sheets are added to the package, every input
 * part other than the package lists and styles keeps its bytes, the per-customer table equals the CSV
 * route's on the same records, and the result opens in exceljs and LibreOffice.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { soffice } from '../../formulas/helpers';
import { csvText, listDir, readCsvRows, readXlsx, removeTempDirs, rfm, sha256, sheet, tempDir, writeXlsx } from '../helpers';
import { readParts } from '../xlsxParts';

afterAll(removeTempDirs);

/** Parts the run may rewrite: the package lists and styles. Every other input part keeps its bytes. */
const EDITED = new Set(['xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml']);

interface Sale {
  customer: string;
  day: string;
  amount: number;
}

function sales(): Sale[] {
  const out: Sale[] = [];
  let seed = 7;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let i = 0; i < 400; i++) {
    const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(rnd() * 400) * 86_400_000).toISOString().slice(0, 10);
    out.push({ customer: `客户${Math.floor(rnd() * 60)}`, day, amount: Math.round(rnd() * 100_000) / 100 });
  }
  return out;
}

async function salesBook(file: string, rows: Sale[], date1904 = false): Promise<void> {
  await writeXlsx(file, (wb) => {
    wb.properties.date1904 = date1904;
    const ws = wb.addWorksheet('销售记录');
    ws.addRow(['客户编号', '订单日期', '金额', '备注']).font = { bold: true };
    for (const s of rows) ws.addRow([s.customer, new Date(`${s.day}T00:00:00Z`), s.amount, null]).getCell(2).numFmt = 'yyyy-mm-dd';
    ws.getCell('D3').value = '=not a formula';
    const notes = wb.addWorksheet('说明');
    notes.getCell('A1').value = '说明';
    notes.getCell('B1').value = { formula: 'SUM(销售记录!C2:C10)', result: 1 };
    notes.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    wb.definedNames.add("'说明'!$A$1", 'noteCell');
  });
}

describe('--transactions on an xlsx workbook', () => {
  test('the new sheets are added, every input part keeps its bytes, the table equals the CSV route', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'sales.xlsx');
    const output = path.join(dir, 'rfm.xlsx');
    const rows = sales();
    await salesBook(input, rows);
    const before = sha256(input);

    const res = await rfm([input, '--transactions', '--as-of', '2025-02-01', '--out', output, '--summary', '--segments', '--lang', 'zh']);

    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(sha256(input)).toBe(before);
    expect(listDir(dir)).toEqual(['rfm.xlsx', 'sales.xlsx']);
    expect(res.out).toContain('已添加工作表“RFM分析”；输入的工作表未改动');

    const inParts = await readParts(input);
    const outParts = await readParts(output);
    // exceljs writes folder entries (`_rels/`) into its zips; they are no parts, and the package has none.
    const parts = [...inParts.keys()].filter((name) => !name.endsWith('/'));
    for (const name of parts) {
      const bytes = inParts.get(name)!;
      if (EDITED.has(name)) continue;
      expect([name, outParts.get(name)?.equals(bytes)]).toEqual([name, true]);
    }
    expect([...outParts.keys()].slice(0, parts.length)).toEqual(parts);

    // The same records as a CSV file through the CSV route: the expected per-customer table.
    const csv = path.join(dir, 'sales.csv');
    writeFileSync(csv, csvText([['客户编号', '订单日期', '金额'], ...rows.map((s) => [s.customer, s.day, s.amount])]));
    const byCsv = path.join(dir, 'by-csv.csv');
    expect((await rfm([csv, '--transactions', '--as-of', '2025-02-01', '--out', byCsv, '--segments', '--lang', 'zh'])).code).toBe(0);
    const expected = readCsvRows(byCsv);

    const wb = await readXlsx(output);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['销售记录', '说明', 'RFM分析', 'RFM参数', 'RFM汇总']);
    const ws = sheet(wb, 'RFM分析');
    const got: string[][] = [];
    ws.eachRow((row, n) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const v = cell.value;
        cells[c - 1] = v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v);
      });
      got[n - 1] = Array.from(cells, (c) => c ?? '');
    });
    expect(got.map((r) => r.join('|'))).toEqual(expected.map((r) => r.join('|')));
    // The input's sheets, defined name and fill are still there.
    expect(sheet(wb, '说明').getCell('B1').value).toEqual({ formula: 'SUM(销售记录!C2:C10)', result: 1 });
    expect(sheet(wb, '销售记录').getCell('D3').value).toBe('=not a formula');
    expect(wb.definedNames.getRanges('noteCell').ranges).toEqual(["'说明'!$A$1"]);
  });

  test('LibreOffice converts the result without errors', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'sales.xlsx');
    const output = path.join(dir, 'rfm.xlsx');
    await salesBook(input, sales());
    expect((await rfm([input, '--transactions', '--as-of', '2025-02-01', '--out', output])).code).toBe(0);
    const profile = path.join(dir, 'lo-profile');
    mkdirSync(profile);
    const out = path.join(dir, 'lo');
    // Every sheet to its own CSV file (the last filter token, -1): the new sheets must read back.
    execFileSync(
      soffice(),
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, output],
      { timeout: 180_000, stdio: 'pipe' },
    );
    const files = readdirSync(out).sort();
    expect(files).toEqual(['rfm-RFM parameters.csv', 'rfm-RFM.csv', 'rfm-说明.csv', 'rfm-销售记录.csv'].sort());
    const table = readCsvRows(path.join(out, 'rfm-RFM.csv'));
    expect(table[0]).toEqual(['Customer', 'Last purchase', 'R', 'F', 'M', 'R Score', 'F Score', 'M Score', 'RFM Score', 'Grade']);
    expect(table).toHaveLength(61);
    expect(table.slice(1).every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r[1]) && /^[ABCD]$/.test(r[9]))).toBe(true);
  });

  test('a workbook in the 1904 date system: the same purchase dates, written in its system', async () => {
    const dir = tempDir();
    const tables: string[][][] = [];
    for (const date1904 of [false, true]) {
      const input = path.join(dir, `sales-${date1904}.xlsx`);
      const output = path.join(dir, `rfm-${date1904}.xlsx`);
      await salesBook(input, sales(), date1904);
      expect((await rfm([input, '--transactions', '--as-of', '2025-02-01', '--out', output])).code).toBe(0);
      const ws = sheet(await readXlsx(output), 'RFM');
      const rows: string[][] = [];
      ws.eachRow((row) => rows.push([String(row.getCell(1).value), String(row.getCell(2).value instanceof Date ? (row.getCell(2).value as Date).toISOString() : row.getCell(2).value)]));
      tables.push(rows);
    }
    expect(tables[1]).toEqual(tables[0]);
    expect(tables[0][1][1]).toMatch(/^202[45]-\d\d-\d\dT00:00:00\.000Z$/);
  });

  test('CSV output: the per-customer table alone; a bad sales sheet is exit 2 with nothing written', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'sales.xlsx');
    await salesBook(input, sales());
    const res = await rfm([input, '--transactions', '--as-of', '2025-02-01', '--out', path.join(dir, 'rfm.csv')]);
    expect(res.code).toBe(0);
    expect(readCsvRows(path.join(dir, 'rfm.csv'))).toHaveLength(61);

    const empty = path.join(dir, 'empty.xlsx');
    await writeXlsx(empty, (wb) => wb.addWorksheet('销售记录').addRow(['客户编号', '订单日期', '金额']));
    const bad = await rfm([empty, '--transactions', '--out', path.join(dir, 'bad.xlsx')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toHaveLength(1);
    expect(listDir(dir)).toEqual(['empty.xlsx', 'rfm.csv', 'sales.xlsx']);
  });
});
