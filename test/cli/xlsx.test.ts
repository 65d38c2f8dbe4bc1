/**
 * rfm-score on xlsx workbooks: every sheet, cell, style, number format and formula survives; the
 * output columns are values (numbers, RFM Score formatted 0.00) right after the last used column.
 */
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
  // Nothing was appended to the sheet that was not scored.
  expect(notes.actualColumnCount).toBe(2);
  expect([...cellMap(notes).keys()].sort()).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'B1', 'B2', 'B3', 'B4']);
}

describe('xlsx round trip', () => {
  test('keeps every sheet and cell, appends R Score … Grade after the last used column', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'customers.xlsx');
    const output = path.join(dir, 'scored.xlsx');
    await writeXlsx(input, (wb) => {
      const ws = wb.addWorksheet('Customers');
      baseRows().forEach((r) => ws.addRow(r));
      ws.getCell('A1').font = { bold: true };
      ws.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
      ws.getCell('E2').numFmt = '#,##0.00';
      // A sparse Notes column F, and a stray cell in H4 with no header: H is the last used column.
      ws.getCell('F1').value = 'Notes';
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
      `Wrote ${output}`,
    ]);
    expect(sha256(input)).toBe(before);
    expect(listDir(dir)).toEqual(['customers.xlsx', 'scored.xlsx']);

    const wb = await readXlsx(output);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Customers', 'Notes']);
    const ws = sheet(wb, 'Customers');
    // Every input cell is unchanged, and its style too.
    for (const [address, value] of inCells) expect([address, ws.getCell(address).value]).toEqual([address, value]);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
    expect(ws.getCell('E2').numFmt).toBe('#,##0.00');
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
      `已为${input} 的工作表"客户"中 14 位客户中的 10 位评分:R = C "Recency",F = D "Frequency",M = E "Monetary"`,
      '客户等级:A 2 (20%),B 4 (40%),C 3 (30%),D 1 (10%)',
      '4 行未评分(5 个无效单元格;原因见“数据检查”列):',
      '  E5: M为负数',
      '  C8: R为空',
      '  D11: F不是数字',
      '  E11: M是错误值',
      '  C15: R是逻辑值(TRUE/FALSE),不是数字',
      `已写入 ${output}`,
    ]);
    const wb = await readXlsx(output);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['客户', 'Notes']);
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
    expect(rowValues(ws, 5, 6, 11)).toEqual([null, null, null, null, null, 'M为负数']);
    expect(rowValues(ws, 8, 6, 11)).toEqual([null, null, null, null, null, 'R为空']);
    expect(rowValues(ws, 11, 6, 11)).toEqual([null, null, null, null, null, 'F不是数字；M是错误值']);
    expect(rowValues(ws, 15, 6, 11)).toEqual([null, null, null, null, null, 'R是逻辑值(TRUE/FALSE),不是数字']);
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
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Readme', 'Data', 'Notes']);
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
    expect(res.out[0]).toContain('R = B "R值",F = C "F值",M = D "M值"');
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
