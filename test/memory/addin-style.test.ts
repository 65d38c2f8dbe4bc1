/**
 * Code written the way a grading add-in writes it, run unchanged against the in-memory workbook
 * through a function typed with the real `typeof Excel`.
 */
import { createMemoryExcel } from '../../src/excel/memory';

type ExcelApi = typeof Excel;

/** Reads the selected sheet's used range, writes a Grade column with formats and highlights. */
async function gradeActiveSheet(excel: ExcelApi): Promise<number> {
  return excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('values, rowCount, columnCount, columnIndex, rowIndex');
    sheet.load('name');
    await context.sync();
    if (used.isNullObject) return 0;
    const [header, ...rows] = used.values;
    const spend = header.indexOf('Spend');
    const grades = rows.map((r) => [Number(r[spend]) >= 100 ? 'A' : Number(r[spend]) >= 50 ? 'B' : 'C']);
    const out = used.getLastColumn().getOffsetRange(0, 1);
    context.application.suspendScreenUpdatingUntilNextSync();
    out.getCell(0, 0).values = [['Grade']];
    out.getCell(0, 0).format.font.bold = true;
    const body = out.getOffsetRange(1, 0).getResizedRange(-1, 0);
    body.values = grades;
    const cf = body.conditionalFormats.add(Excel.ConditionalFormatType.containsText);
    cf.textComparison.format.fill.color = '#C6EFCE';
    cf.textComparison.rule = { operator: Excel.ConditionalTextOperator.contains, text: 'A' };
    sheet.freezePanes.freezeRows(1);
    out.format.autofitColumns();
    context.workbook.settings.add('rfm.lastRun', { sheet: sheet.name, rows: rows.length });
    await context.sync();
    return rows.length;
  });
}

test('a grading routine runs unchanged', async () => {
  const mem = createMemoryExcel({ maxRequestBytes: 5 * 1024 * 1024 });
  // `Excel` enums used by the routine come from the global in a real pane: provide it here
  (globalThis as unknown as { Excel: ExcelApi }).Excel = mem.Excel;
  mem.workbook.addSheet('Customers', [
    ['Id', 'Name', 'Spend'],
    [1, 'Ann', 120],
    [2, 'Bob', 80],
    [3, 'Cy', 15],
  ]);
  await mem.workbook.activate('Customers');
  const n = await gradeActiveSheet(mem.Excel);
  expect(n).toBe(3);
  const sheet = mem.workbook.sheet('Customers');
  expect(sheet.getValues('D1:D4')).toEqual([['Grade'], ['A'], ['B'], ['C']]);
  expect(sheet.formatOf('D1').bold).toBe(true);
  expect(sheet.frozen()).toEqual({ rows: 1, columns: 0 });
  expect(sheet.autofitCalls()).toEqual(['D1:D4']);
  expect(mem.workbook.conditionalFormats('Customers')).toMatchObject([{ type: 'ContainsText', address: 'D2:D4', format: { fill: '#C6EFCE' } }]);
  expect(mem.workbook.getSettings()).toEqual({ 'rfm.lastRun': { sheet: 'Customers', rows: 3 } });
  expect(mem.workbook.formulaCells('Customers')).toEqual([]);
  expect(mem.log.syncs).toHaveLength(2);
  expect(mem.workbook.application().screenUpdatingSuspensions).toBe(1);
  delete (globalThis as unknown as { Excel?: ExcelApi }).Excel;
});

test('a typical bug is caught: reading values that were never loaded', async () => {
  const mem = createMemoryExcel();
  mem.workbook.addSheet('Sheet1', [['Spend'], [10]]);
  const buggy = (excel: ExcelApi) =>
    excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getUsedRange();
      await context.sync(); // forgot range.load('values')
      return range.values.length;
    });
  await expect(buggy(mem.Excel)).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
});

test('a typical bug is caught: writing a whole column instead of the used part', async () => {
  const mem = createMemoryExcel();
  mem.workbook.addSheet('Sheet1', [['Spend'], [10]]);
  const buggy = (excel: ExcelApi) =>
    excel.run(async (context) => {
      const col = context.workbook.worksheets.getActiveWorksheet().getRange('B:B');
      col.load('values');
      await context.sync();
      // Excel returns null for an entire column: this add-in assumed an array
      return (col.values as unknown[][]).map((r) => r[0]);
    });
  await expect(buggy(mem.Excel)).rejects.toThrow(TypeError);
});
