/** currentTable and onSelectionChange: what the selection means. */
import { RfmError } from '../../src/core';
import { currentTable, onSelectionChange, selectCell } from '../../src/excel';
import { book, enSheet, EN_HEADERS } from './helpers';

/** An English customer table at B2:E102 (header + 100 customers, to B2:E102). */
function sheetWithTableAtB2() {
  const mem = book();
  mem.workbook.addSheet('Data', []);
  mem.workbook.sheet('Data').setValues('B2', enSheet(100));
  return mem;
}

test('whole columns (B:F) are clipped to the used range', async () => {
  const mem = sheetWithTableAtB2();
  await mem.workbook.select('Data', 'B:F');
  const table = await currentTable(mem.Excel);
  expect(table).toEqual({
    sheet: 'Data',
    address: 'B2:E102',
    row: 1,
    column: 1,
    rowCount: 101,
    columnCount: 4,
    firstRow: EN_HEADERS,
    clipped: true,
  });
});

test('whole columns wider than the data keep only the used part; whole rows too', async () => {
  const mem = sheetWithTableAtB2();
  mem.workbook.sheet('Data').setValues('H1', [['note']]);
  await mem.workbook.select('Data', 'A:XFD');
  expect(await currentTable(mem.Excel)).toMatchObject({ address: 'B1:H102', clipped: true });
  await mem.workbook.select('Data', '2:50');
  expect(await currentTable(mem.Excel)).toMatchObject({ address: 'B2:H50', rowCount: 49, firstRow: [...EN_HEADERS, '', '', ''], clipped: true });
});

test('an ordinary selection is taken as it is', async () => {
  const mem = sheetWithTableAtB2();
  await mem.workbook.select('Data', 'C2:E40');
  expect(await currentTable(mem.Excel)).toMatchObject({ address: 'C2:E40', row: 1, column: 2, rowCount: 39, columnCount: 3, clipped: false });
});

test('a single cell outside any table means the used range of the sheet', async () => {
  const mem = sheetWithTableAtB2();
  await mem.workbook.select('Data', 'D7');
  const table = await currentTable(mem.Excel);
  expect(table).toMatchObject({ address: 'B2:E102', clipped: false, firstRow: EN_HEADERS, fromCell: 'D7' });
  expect(table.tableName).toBeUndefined();
});

test('a cell or a range inside an Excel table means the whole table', async () => {
  const mem = sheetWithTableAtB2();
  mem.workbook.sheet('Data').addTable('Customers', 'B2:E102');
  for (const selection of ['C5', 'C5:D9', 'B2:E102']) {
    await mem.workbook.select('Data', selection);
    expect(await currentTable(mem.Excel)).toEqual({
      sheet: 'Data',
      address: 'B2:E102',
      row: 1,
      column: 1,
      rowCount: 101,
      columnCount: 4,
      firstRow: EN_HEADERS,
      tableName: 'Customers',
      clipped: false,
    });
  }
  // a selection reaching outside the table is the selection, not the table
  await mem.workbook.select('Data', 'A1:E20');
  expect(await currentTable(mem.Excel)).toMatchObject({ address: 'A1:E20', clipped: false });
  expect((await currentTable(mem.Excel)).tableName).toBeUndefined();
});

test("a table's totals row is not a customer", async () => {
  const mem = sheetWithTableAtB2();
  mem.workbook.sheet('Data').addTable('Customers', 'B2:E102');
  await mem.Excel.run(async (context) => {
    context.workbook.tables.getItem('Customers').showTotals = true;
    await context.sync();
  });
  await mem.workbook.select('Data', 'C5');
  expect(await currentTable(mem.Excel)).toMatchObject({ address: 'B2:E102', rowCount: 101, tableName: 'Customers' });
});

test('several areas: a clear error, and no write', async () => {
  const mem = sheetWithTableAtB2();
  await mem.workbook.select('Data', ['B2:C10', 'E2:E10']);
  const error = await currentTable(mem.Excel).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RfmError);
  expect(error).toMatchObject({ key: 'excel.multiArea' });
  expect((error as RfmError).localized('zh')).toContain('多个区域');
});

test('whole columns or a single cell on an empty sheet: nothing to score', async () => {
  const mem = book();
  await mem.workbook.select('Sheet1', 'A:D');
  await expect(currentTable(mem.Excel)).rejects.toMatchObject({ key: 'excel.emptySelection' });
  await mem.workbook.select('Sheet1', 'B3');
  await expect(currentTable(mem.Excel)).rejects.toMatchObject({ key: 'excel.emptySelection' });
  // whole columns beside the data
  mem.workbook.sheet('Sheet1').setValues('A1', [['x'], [1]]);
  await mem.workbook.select('Sheet1', 'C:D');
  await expect(currentTable(mem.Excel)).rejects.toMatchObject({ key: 'excel.emptySelection' });
});

test('the selection on another sheet is read from the active sheet', async () => {
  const mem = sheetWithTableAtB2();
  mem.workbook.addSheet('Other', [['R', 'F', 'M'], [1, 2, 3]]);
  await mem.workbook.select('Other', 'A:C');
  expect(await currentTable(mem.Excel)).toMatchObject({ sheet: 'Other', address: 'A1:C2' });
});

test('onSelectionChange calls the handler on every change until unsubscribed', async () => {
  const mem = sheetWithTableAtB2();
  const seen: string[] = [];
  const off = await onSelectionChange(mem.Excel, async () => {
    seen.push((await currentTable(mem.Excel)).address);
  });
  await mem.workbook.select('Data', 'C3:D9');
  await mem.workbook.select('Data', 'B:E');
  await mem.workbook.idle();
  await off();
  await off(); // twice is harmless
  await mem.workbook.select('Data', 'C3');
  await mem.workbook.idle();
  expect(seen).toEqual(['C3:D9', 'B2:E102']);
});

test('selectCell activates the sheet and selects the cell (an invalid row clicked in the pane)', async () => {
  const mem = sheetWithTableAtB2();
  mem.workbook.addSheet('Other', [['x']]);
  await mem.workbook.activate('Other');
  await selectCell(mem.Excel, 'Data', 'D7');
  expect(mem.workbook.selection()).toEqual({ sheet: 'Data', areas: ['D7'], activeCell: 'D7' });
  await expect(selectCell(mem.Excel, 'Gone', 'A1')).rejects.toMatchObject({ key: 'excel.sheetMissing', vars: { sheet: 'Gone' } });
});
