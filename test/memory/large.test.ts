/** Big sheets: a 200,000-row write and read in chunks, and the last row of a 1,048,576-row sheet. */
import { createMemoryExcel } from '../../src/excel/memory';

const ROWS = 200_000;
const CHUNK = 20_000;
const WIDTH = 5;

function makeRow(i: number): (string | number)[] {
  return [`C${String(i).padStart(7, '0')}`, (i * 7) % 365, (i % 40) + 1, Math.round(((i * 37) % 10_000) * 1.5) / 100, i % 2 === 0 ? 'NL' : 'DE'];
}

// Its speed is measured by `npm run bench` (the pane end to end), not asserted here: a timed test fails on a busy machine.
test('200,000 rows written and read back in chunks, every request and response within the 5 MB limit', async () => {
  const { Excel, workbook, log } = createMemoryExcel({ maxRequestBytes: 5 * 1024 * 1024 });

  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.add('Customers');
    sheet.getRange('A1:E1').values = [['Id', 'Recency', 'Frequency', 'Monetary', 'Country']];
    for (let start = 0; start < ROWS; start += CHUNK) {
      const chunk = Array.from({ length: CHUNK }, (_, k) => makeRow(start + k));
      sheet.getRangeByIndexes(start + 1, 0, CHUNK, WIDTH).values = chunk;
      await context.sync();
    }
  });
  expect(workbook.usedRange('Customers')).toBe(`A1:E${ROWS + 1}`);

  let checked = 0;
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('Customers');
    const used = sheet.getUsedRange(true).load('rowCount, columnCount');
    await context.sync();
    expect(used.rowCount).toBe(ROWS + 1);
    for (let start = 1; start < used.rowCount; start += CHUNK) {
      const n = Math.min(CHUNK, used.rowCount - start);
      const r = sheet.getRangeByIndexes(start, 0, n, used.columnCount).load('values');
      await context.sync();
      expect(r.values[0]).toEqual(makeRow(start - 1));
      expect(r.values[n - 1]).toEqual(makeRow(start + n - 2));
      checked += r.values.length;
    }
  });

  expect(checked).toBe(ROWS);
  expect(log.maxRequestBytes()).toBeLessThanOrEqual(5 * 1024 * 1024);
  expect(log.maxResponseBytes()).toBeLessThanOrEqual(5 * 1024 * 1024);
});

test('the last cell of the sheet (XFD1048576) is usable; beyond it is not', async () => {
  const { Excel, workbook } = createMemoryExcel();
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.getRange('XFD1048576').values = [['corner']];
    const last = sheet.getRange('A:XFD').getLastRow().getLastCell().load('address, values');
    await context.sync();
    expect(last.address).toBe('Sheet1!XFD1048576');
    expect(last.values).toEqual([['corner']]);
  });
  expect(workbook.usedRange('Sheet1')).toBe('XFD1048576');
  await expect(
    Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange('A1048577');
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: 'InvalidArgument' });
});
