/**
 * rfm-score on xlsx workbooks: every sheet, cell, style, number format and formula survives; the
 * output columns are values (numbers, RFM Score formatted 0.00) right after the last used column.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type ExcelJS from 'exceljs';
import {
  CUSTOMERS,
  EXPECTED,
  HEADERS_EN,
  HEADERS_ZH,
  baseRows,
  cellMap,
  listDir,
  readXlsx,
  removeTempDirs,
  rfm,
  rowValues,
  sha256,
  sheet,
  tempDir,
  writeXlsx,
} from './helpers';

afterAll(removeTempDirs);

const PCT = '0.0%';

/** A second sheet with plain values, styles, number formats, a formula and a date. */
function addNotesSheet(wb: ExcelJS.Workbook): void {
  const notes = wb.addWorksheet('Notes');
  notes.getCell('A1').value = 'Region';
  notes.getCell('A1').font = { bold: true, color: { argb: 'FF1F4E79' } };
  notes.getCell('B1').value = 'Target';
  notes.getCell('B1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  notes.getCell('A2').value = 'North';
  notes.getCell('B2').value = 0.25;
  notes.getCell('B2').numFmt = PCT;
  notes.getCell('A3').value = 'South';
  notes.getCell('B3').value = 0.5;
  notes.getCell('B3').numFmt = PCT;
  notes.getCell('A4').value = 'Total';
  notes.getCell('B4').value = { formula: 'SUM(B2:B3)', result: 0.75 };
  notes.getCell('B4').numFmt = PCT;
  notes.getCell('A5').value = new Date(Date.UTC(2025, 2, 31));
  notes.getCell('A5').numFmt = 'yyyy-mm-dd';
  notes.getColumn(1).width = 24;
  notes.mergeCells('D1:E1');
  notes.getCell('D1').value = 'Merged title';
  notes.getCell('A2').note = 'region targets for 2025';
  notes.getCell('A6').value = { text: 'source', hyperlink: 'https://example.com/targets' };
}

function expectNotesSheetKept(wb: ExcelJS.Workbook): void {
  const notes = sheet(wb, 'Notes');
  expect(notes.getCell('A1').value).toBe('Region');
  expect(notes.getCell('A1').font?.bold).toBe(true);
  expect(notes.getCell('A1').font?.color).toEqual({ argb: 'FF1F4E79' });
  expect(notes.getCell('B1').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } });
  expect(notes.getCell('B2').value).toBe(0.25);
  expect(notes.getCell('B2').numFmt).toBe(PCT);
  expect(notes.getCell('B3').value).toBe(0.5);
  expect(notes.getCell('B4').value).toEqual({ formula: 'SUM(B2:B3)', result: 0.75 });
  expect(notes.getCell('B4').numFmt).toBe(PCT);
  expect(notes.getCell('A5').value).toEqual(new Date(Date.UTC(2025, 2, 31)));
  expect(notes.getCell('A5').numFmt).toBe('yyyy-mm-dd');
  expect(notes.getColumn(1).width).toBe(24);
  expect(notes.model.merges).toEqual(['D1:E1']);
  expect(notes.getCell('D1').value).toBe('Merged title');
  expect(notes.getCell('A2').note).toBe('region targets for 2025');
  expect(notes.getCell('A6').value).toEqual({ text: 'source', hyperlink: 'https://example.com/targets' });
  // Nothing was appended to the sheet that was not scored.
  expect([...cellMap(notes).keys()].sort()).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'B1', 'B2', 'B3', 'B4', 'D1', 'E1']);
}

describe('xlsx round trip', () => {
  test('keeps every sheet and cell, appends R Score … Grade after the last used column', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'customers.xlsx');
    const output = path.join(dir, 'scored.xlsx');
    await writeXlsx(input, (wb) => {
      const ws = wb.addWorksheet('Customers');
      baseRows().forEach((r) => ws.addRow(r));
      ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
      ws.getCell('A1').font = { bold: true };
      ws.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
      ws.getCell('E2').numFmt = '#,##0.00';
      // C03's M is a formula: scored by its cached result (150), kept as a formula.
      ws.getCell('E4').value = { formula: '100+50', result: 150 };
      // A sparse Notes column F (text and a date), and a stray cell in H4 with no header:
      // H is the last used column.
      ws.getCell('F1').value = 'Notes';
      ws.getCell('F2').value = new Date(Date.UTC(2025, 2, 31));
      ws.getCell('F2').numFmt = 'yyyy-mm-dd';
      ws.getCell('F3').value = 'VIP';
      ws.getCell('H4').value = 'see note';
      addNotesSheet(wb);
    });
    const before = sha256(input);
    const inWb = await readXlsx(input);
    const inCells = cellMap(sheet(inWb, 'Customers'));

    const res = await rfm([input, '--out', output]);

    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(res.out).toEqual([
      `Scored 10 of 10 customers in sheet "Customers" of ${input}: R = C "Recency", F = D "Frequency", M = E "Monetary"`,
      'Grades: A 2 (20%), B 4 (40%), C 3 (30%), D 1 (10%)',
      'The run record (scheme, column mapping, cut values, counts) is on sheet "RFM parameters"',
      `Wrote ${output}`,
    ]);
    expect(sha256(input)).toBe(before);
    expect(listDir(dir)).toEqual(['customers.xlsx', 'scored.xlsx']);

    const wb = await readXlsx(output);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Customers', 'Notes', 'RFM parameters']);
    const ws = sheet(wb, 'Customers');
    // Every input cell is unchanged, and its style too.
    for (const [address, value] of inCells) expect([address, ws.getCell(address).value]).toEqual([address, value]);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
    expect(ws.getCell('E2').numFmt).toBe('#,##0.00');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(ws.getCell('E4').value).toEqual({ formula: '100+50', result: 150 });
    expect(ws.getCell('F2').value).toEqual(new Date(Date.UTC(2025, 2, 31)));
    expect(ws.getCell('F2').numFmt).toBe('yyyy-mm-dd');
    // Output in I..M (H is the last used column), exact headers, no Check column.
    expect(rowValues(ws, 1, 9, 14)).toEqual([...HEADERS_EN, null]);
    CUSTOMERS.forEach((c, i) => {
      expect([c.id, ...rowValues(ws, i + 2, 9, 14)]).toEqual([c.id, ...EXPECTED[c.id], null]);
      expect(ws.getCell(i + 2, 12).numFmt).toBe('0.00');
      expect(typeof ws.getCell(i + 2, 12).value).toBe('number');
    });
    // Nothing else was written: the input's cells plus 5 × 11 output cells.
    expect(cellMap(ws).size).toBe(inCells.size + 5 * 11);
    expectNotesSheetKept(wb);
  });

  test('text numbers, blanks, n/a, #N/A, TRUE and negatives with --lang zh: Check column and addresses', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'messy.xlsx');
    const output = path.join(dir, 'messy-zh.xlsx');
    // Rows: 1 header; 2–4 C01–C03; 5 X1 (M −50); 6–7 C04–C05; 8 X2 (R blank); 9–10 C06–C07;
    // 11 X3 (F "n/a", M #N/A); 12–14 C08–C10; 15 X4 (R TRUE). Valid rows score exactly as EXPECTED.
    const c = (id: string) => CUSTOMERS.find((x) => x.id === id)!;
    const row = (id: string, r: ExcelJS.CellValue = c(id).r, f: ExcelJS.CellValue = c(id).f, m: ExcelJS.CellValue = c(id).m) =>
      [id, c(id).region, r, f, m];
    await writeXlsx(input, (wb) => {
      const ws = wb.addWorksheet('客户');
      [
        ['Customer ID', 'Region', 'Recency', 'Frequency', 'Monetary'],
        row('C01', undefined, ' 12 '),
        row('C02'),
        row('C03'),
        ['X1', 'West', 14, 6, -50],
        row('C04', undefined, undefined, '￥9,100'),
        row('C05'),
        ['X2', 'East', null, 7, 500],
        row('C06', undefined, undefined, '¥2,000'),
        row('C07'),
        ['X3', 'North', 50, 'n/a', { error: '#N/A' }],
        row('C08'),
        row('C09', undefined, undefined, '1,234.50'),
        row('C10'),
        ['X4', 'South', true, 2, 300],
      ].forEach((r) => ws.addRow(r));
      addNotesSheet(wb);
    });
    const inCells = cellMap(sheet(await readXlsx(input), '客户'));

    const res = await rfm([input, '--out', output, '--lang', 'zh']);

    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(res.out).toEqual([
      `${input}的工作表“客户”共有14位客户，已为其中10位评分。R值：C列“Recency”；F值：D列“Frequency”；M值：E列“Monetary”`,
      '客户等级：A级2位（20%），B级4位（40%），C级3位（30%），D级1位（10%）',
      '4行未评分（5个无效单元格，原因见“数据检查”列）：',
      '  E5：M值为负数',
      '  C8：R值为空',
      '  D11：F值不是数字',
      '  E11：M值是错误值',
      '  C15：R值是逻辑值（TRUE/FALSE），不是数字',
      '评分记录（评分方案、所用的列、分界值、人数）在工作表“RFM参数”中',
      `已写入${output}`,
    ]);
    const wb = await readXlsx(output);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['客户', 'Notes', 'RFM参数']);
    const ws = sheet(wb, '客户');
    for (const [address, value] of inCells) expect([address, ws.getCell(address).value]).toEqual([address, value]);
    expect(ws.getCell('C2').value).toBe(3);
    expect(ws.getCell('D2').value).toBe(' 12 ');
    expect(ws.getCell('E13').value).toBe('1,234.50');
    expect(rowValues(ws, 1, 6, 11)).toEqual(['R得分', 'F得分', 'M得分', 'RFM得分', '客户等级', '数据检查']);
    expect(rowValues(ws, 1, 6, 10)).toEqual(HEADERS_ZH);
    const valid: Record<number, string> = { 2: 'C01', 3: 'C02', 4: 'C03', 6: 'C04', 7: 'C05', 9: 'C06', 10: 'C07', 12: 'C08', 13: 'C09', 14: 'C10' };
    for (const [r, id] of Object.entries(valid)) {
      expect([id, ...rowValues(ws, Number(r), 6, 11)]).toEqual([id, ...EXPECTED[id], null]);
      expect(ws.getCell(Number(r), 9).numFmt).toBe('0.00');
    }
    expect(rowValues(ws, 5, 6, 11)).toEqual([null, null, null, null, null, 'M值为负数']);
    expect(rowValues(ws, 8, 6, 11)).toEqual([null, null, null, null, null, 'R值为空']);
    expect(rowValues(ws, 11, 6, 11)).toEqual([null, null, null, null, null, 'F值不是数字；M值是错误值']);
    expect(rowValues(ws, 15, 6, 11)).toEqual([null, null, null, null, null, 'R值是逻辑值（TRUE/FALSE），不是数字']);
    expectNotesSheetKept(wb);
  });

  test('--sheet scores the named sheet; the other sheets stay exactly as they were', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'book.xlsx');
    const output = path.join(dir, 'book-scored.xlsx');
    await writeXlsx(input, (wb) => {
      const readme = wb.addWorksheet('Readme');
      readme.getCell('A1').value = 'Customer export, March';
      readme.getCell('A2').value = 'R = days since last purchase';
      const data = wb.addWorksheet('Data');
      baseRows().forEach((r) => data.addRow(r));
      addNotesSheet(wb);
    });

    const res = await rfm([input, '--out', output, '--sheet', 'Data']);

    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(res.out[0]).toContain(`sheet "Data" of ${input}`);
    const wb = await readXlsx(output);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Readme', 'Data', 'Notes', 'RFM parameters']);
    const readme = sheet(wb, 'Readme');
    expect([...cellMap(readme).entries()]).toEqual([
      ['A1', 'Customer export, March'],
      ['A2', 'R = days since last purchase'],
    ]);
    const data = sheet(wb, 'Data');
    expect(rowValues(data, 1, 6, 10)).toEqual(HEADERS_EN);
    CUSTOMERS.forEach((c, i) => expect(rowValues(data, i + 2, 1, 10)).toEqual([c.id, c.region, c.r, c.f, c.m, ...EXPECTED[c.id]]));
    expectNotesSheetKept(wb);
  });
});

describe('xlsx sheet choice and conversions', () => {
  test('without --sheet the first visible sheet is scored (a hidden first sheet is skipped)', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'hidden.xlsx');
    const output = path.join(dir, 'out.xlsx');
    await writeXlsx(input, (wb) => {
      const raw = wb.addWorksheet('Raw', { state: 'hidden' });
      raw.getCell('A1').value = 'raw export';
      const data = wb.addWorksheet('Data');
      baseRows().forEach((r) => data.addRow(r));
    });

    const res = await rfm([input, '--out', output]);

    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    const wb = await readXlsx(output);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Raw', 'hidden'],
      ['Data', 'visible'],
      ['RFM parameters', 'visible'],
    ]);
    expect([...cellMap(sheet(wb, 'Raw')).entries()]).toEqual([['A1', 'raw export']]);
    expect(rowValues(sheet(wb, 'Data'), 2, 6, 10)).toEqual(EXPECTED.C01);
  });

  test('R computed by a filled-down (shared) formula: scored by the cached results, formulas kept', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'formulas.xlsx');
    const output = path.join(dir, 'out.xlsx');
    // B: raw days; C "Recency" = B*1 as one shared formula C2:C11 (as Excel saves a fill-down).
    await writeXlsx(input, (wb) => {
      const ws = wb.addWorksheet('Customers');
      ws.addRow(['Customer ID', 'Days', 'Recency', 'Frequency', 'Monetary']);
      CUSTOMERS.forEach((c) => ws.addRow([c.id, c.r, null, c.f, c.m]));
      // exceljs' typings lack shareType/ref, which its reader and writer use for shared formulas.
      ws.getCell('C2').value = { formula: 'B2*1', result: CUSTOMERS[0].r, shareType: 'shared', ref: 'C2:C11' } as ExcelJS.CellFormulaValue;
      CUSTOMERS.slice(1).forEach((c, i) => {
        ws.getCell(`C${i + 3}`).value = { sharedFormula: 'C2', result: c.r };
      });
    });

    const res = await rfm([input, '--out', output]);

    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    const ws = sheet(await readXlsx(output), 'Customers');
    expect(ws.getCell('C2').value).toEqual({ formula: 'B2*1', result: 3, shareType: 'shared', ref: 'C2:C11' });
    expect(ws.getCell('C11').value).toEqual({ sharedFormula: 'C2', result: 33 });
    CUSTOMERS.forEach((c, i) => expect([c.id, ...rowValues(ws, i + 2, 6, 10)]).toEqual([c.id, ...EXPECTED[c.id]]));
  });

  test('xlsx in, CSV out: the scored sheet as UTF-8 CSV with a BOM, and a note that other sheets are left out', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'book.xlsx');
    const output = path.join(dir, 'book.csv');
    await writeXlsx(input, (wb) => {
      const ws = wb.addWorksheet('Customers');
      baseRows().forEach((r) => ws.addRow(r));
      addNotesSheet(wb);
    });

    const res = await rfm([input, '--out', output]);

    expect(res.code).toBe(0);
    expect(res.out).toContain('Note: a CSV file holds one sheet, so only the scored sheet "Customers" was written');
    const text = readFileSync(output, 'utf8');
    expect(text.startsWith('\uFEFFCustomer ID,Region,Recency,Frequency,Monetary,R Score,F Score,M Score,RFM Score,Grade')).toBe(true);
    const lines = text.slice(1).split(/\r?\n/);
    expect(lines[1]).toBe('C01,North,3,12,800,5,4,2,3.5,B');
    expect(lines[9]).toBe('C09,North,120,4,1234.5,1,2,3,2.1,C');
    expect(lines).toHaveLength(12);
    expect(lines[11]).toBe('');
  });
});

/**
 * Hohhot-like sheet: R值/F值/M值 next to the user's own earlier R得分, RFM总评分 and 客户等级 columns
 * (values typed by the user, deliberately different from ours). Score and grade headers are never
 * taken for R/F/M, so R值/F值/M值 are found; the user's columns are kept as they are.
 */
const HOHHOT_HEADER = ['客户名称', 'R值', 'F值', 'M值', 'R得分', 'RFM总评分', '客户等级'];
function hohhotRows(extra: string[] = []): ExcelJS.CellValue[][] {
  return [
    [...HOHHOT_HEADER, ...extra],
    ...CUSTOMERS.map((c, i) => [`客户${c.id}`, c.r, c.f, c.m, 9, 9.99, i % 2 ? '甲' : '乙', ...extra.map(() => '旧')]),
  ];
}

describe('Hohhot-like headers (R值/F值/M值 with existing score columns)', () => {
  test('detects R值/F值/M值, keeps R得分/RFM总评分/客户等级 and appends after the last column', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'hohhot.xlsx');
    const output = path.join(dir, 'hohhot-scored.xlsx');
    await writeXlsx(input, (wb) => {
      const ws = wb.addWorksheet('呼和浩特');
      hohhotRows(['备注']).forEach((r) => ws.addRow(r));
    });

    const res = await rfm([input, '--out', output, '--lang', 'zh']);

    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(res.out[0]).toContain('R值：B列“R值”；F值：C列“F值”；M值：D列“M值”');
    const ws = sheet(await readXlsx(output), '呼和浩特');
    expect(rowValues(ws, 1, 1, 13)).toEqual([...HOHHOT_HEADER, '备注', ...HEADERS_ZH]);
    CUSTOMERS.forEach((c, i) => {
      expect(rowValues(ws, i + 2, 1, 13)).toEqual([`客户${c.id}`, c.r, c.f, c.m, 9, 9.99, i % 2 ? '甲' : '乙', '旧', ...EXPECTED[c.id]]);
    });
  });

  // SPEC 6/7: "Nothing the user typed is overwritten", "the output keeps every … cell of the input".
  // The user's own 客户等级 column happens to be last and shares its header with ours; it is the
  // user's data, not an earlier run of this product (no R得分…客户等级 block precedes it).
  test("a user's own 客户等级 column at the end is not mistaken for an earlier run and overwritten", async () => {
    const dir = tempDir();
    const input = path.join(dir, 'hohhot.xlsx');
    const output = path.join(dir, 'hohhot-scored.xlsx');
    await writeXlsx(input, (wb) => {
      const ws = wb.addWorksheet('呼和浩特');
      hohhotRows().forEach((r) => ws.addRow(r));
    });

    const res = await rfm([input, '--out', output, '--lang', 'zh']);

    expect(res.code).toBe(0);
    const ws = sheet(await readXlsx(output), '呼和浩特');
    expect(rowValues(ws, 1, 1, 12)).toEqual([...HOHHOT_HEADER, ...HEADERS_ZH]);
    CUSTOMERS.forEach((c, i) => {
      expect(rowValues(ws, i + 2, 1, 12)).toEqual([`客户${c.id}`, c.r, c.f, c.m, 9, 9.99, i % 2 ? '甲' : '乙', ...EXPECTED[c.id]]);
    });
  });
});
