/**
 * "List customers" in Excel (docs/lists.md): the list of one grade or segment written to a new sheet
 * through src/excel, against the in-memory workbook. The 10-customer table of test/cli/helpers.ts,
 * lists worked by hand there (grade B by M: C02 5200, C08 3600, C06 2000, C01 800; important value:
 * C04 9100, C10 7000, C06 2000).
 */
import { defaultScheme, findList } from '../../src/core';
import { currentTable, listSheetName, scoreTableInExcel, writeListSheet } from '../../src/excel';
import type { MemoryExcel } from '../../src/excel/memory';
import { baseRows } from '../cli/helpers';
import { book } from './helpers';

async function scoredAtC3(mem: MemoryExcel, segments = false) {
  mem.workbook.addSheet('Customers');
  // the table starts at C3: header on sheet row 3, C01 on row 4 … C10 on row 13
  mem.workbook.sheet('Customers').setValues('C3', baseRows());
  await mem.workbook.select('Customers', 'C3:G13');
  const table = await currentTable(mem.Excel);
  const scored = await scoreTableInExcel(mem.Excel, table, {}, defaultScheme(), 'en', undefined, segments ? { segments: true } : undefined, { ids: true });
  return { table, scored };
}

test('a grade list on a new sheet: every column, highest M first, Row as the sheet row', async () => {
  const mem = book();
  const { table, scored } = await scoredAtC3(mem);
  const result = await writeListSheet(mem.Excel, scored, defaultScheme(), { kind: 'grade', index: 1 }, 'en', { row: table.row });
  expect(result).toMatchObject({ sheet: 'B customers', name: 'B', count: 4, address: 'A1:J5' });
  const ws = mem.workbook.sheet('B customers');
  expect(ws.getValues('A1:J5')).toEqual([
    ['Row', 'Customer ID', 'R value', 'F value', 'M value', 'R Score', 'F Score', 'M Score', 'RFM Score', 'Grade'],
    [5, 'C02', 15, 2, 5200, 4, 1, 4, 3.1, 'B'],
    [11, 'C08', 60, 9, 3600, 2, 4, 4, 3.4, 'B'],
    [9, 'C06', 25, 5, 2000, 4, 3, 3, 3.3, 'B'],
    [4, 'C01', 3, 12, 800, 5, 4, 2, 3.5, 'B'],
  ]);
  expect(ws.formatOf('A1').bold).toBe(true);
  expect(ws.numberFormatOf('I2')).toBe('0.00');
  expect(ws.frozen().rows).toBe(1);
  // not activated: the pane shows it through its own selection
  expect(mem.workbook.activeSheet()).toBe('Customers');
});

test('never overwrites: a taken name gets (2); a segment list in Chinese with the default segments', async () => {
  const mem = book();
  const { table, scored } = await scoredAtC3(mem);
  mem.workbook.addSheet('重要价值客户名单', [['mine']]);
  const choice = findList('Important value', defaultScheme())!;
  const result = await writeListSheet(mem.Excel, scored, defaultScheme(), choice, 'zh', { row: table.row });
  expect(result.sheet).toBe('重要价值客户名单 (2)');
  expect(mem.workbook.sheet('重要价值客户名单').getValues('A1:A1')).toEqual([['mine']]);
  const ws = mem.workbook.sheet('重要价值客户名单 (2)');
  expect(ws.getValues('A1:K1')[0]).toEqual(['行号', 'Customer ID', 'R值', 'F值', 'M值', 'R得分', 'F得分', 'M得分', 'RFM得分', '客户等级', '客户分群']);
  expect(ws.getValues('B2:B4').flat()).toEqual(['C04', 'C10', 'C06']);
  expect(ws.getValues('K2:K4').flat()).toEqual(['重要价值客户', '重要价值客户', '重要价值客户']);
});

test('an empty list writes its header only', async () => {
  const mem = book();
  const { scored } = await scoredAtC3(mem, true);
  // important retention: only C08 (R 2 low, F 4 high, M 4 high); general development: nobody
  const none = await writeListSheet(mem.Excel, scored, defaultScheme(), findList('General development', defaultScheme())!, 'en');
  expect(none.count).toBe(0);
  expect(mem.workbook.sheet(none.sheet).usedRange(true)).toBe('A1:K1');
  const one = await writeListSheet(mem.Excel, scored, defaultScheme(), findList('important retention', defaultScheme())!, 'en');
  expect(mem.workbook.sheet(one.sheet).getValues('B2:B2')).toEqual([['C08']]);
});

test('text cells stay text: an ID that looks like a formula is not run', async () => {
  const mem = book();
  mem.workbook.addSheet('Customers', [['Customer', 'R', 'F', 'M'], ['=1+1', 1, 1, 10], ['x', 2, 2, 20]]);
  await mem.workbook.select('Customers', 'A1:D3');
  const table = await currentTable(mem.Excel);
  const scored = await scoreTableInExcel(mem.Excel, table, {}, defaultScheme(), 'en', undefined, undefined, { ids: true });
  const g = scored.result.grade[0];
  const result = await writeListSheet(mem.Excel, scored, defaultScheme(), { kind: 'grade', index: g }, 'en');
  const ws = mem.workbook.sheet(result.sheet);
  expect(ws.getFormula('B2')).toBeUndefined();
  expect(ws.getValues('A1:J3').map((r) => r[1])).toContain('=1+1');
});

test('sheet names: Excel-forbidden characters replaced, at most 31 characters with a suffix', () => {
  expect(listSheetName([], 'A/B', 'en')).toBe('A_B customers');
  const long = listSheetName(['x'.repeat(16) + ' customers'.slice(0, 10)], 'x'.repeat(40), 'en');
  expect(long.length).toBeLessThanOrEqual(31);
  expect(listSheetName(['b customers'], 'B', 'en')).toBe('B customers (2)');
});
