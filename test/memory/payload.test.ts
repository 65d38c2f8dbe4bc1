/** Payload accounting per sync and the Excel-on-the-web size limits. */
import { createMemoryExcel } from '../../src/excel/memory';

function rows(n: number, width: number, text = 'customer-name'): unknown[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: width }, (_, j) => (j === 0 ? i + 1 : `${text}-${i}-${j}`)));
}

describe('payload accounting', () => {
  test('each sync records request and response sizes and the actions', async () => {
    const { Excel, log } = createMemoryExcel();
    const data = rows(100, 4);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange('A1:D100').values = data;
      await context.sync();
      const r = sheet.getRange('A1:D100').load('values');
      await context.sync();
      expect(r.values).toEqual(data);
    });
    expect(log.syncs).toHaveLength(2);
    const [write, read] = log.syncs;
    const dataBytes = JSON.stringify(data).length;
    expect(write.requestBytes).toBeGreaterThanOrEqual(dataBytes);
    expect(write.requestBytes).toBeLessThan(dataBytes + 500);
    expect(write.responseBytes).toBe(0);
    expect(write.ops).toBe(1);
    expect(write.actions).toEqual(['Range.values=']);
    expect(read.requestBytes).toBeLessThan(500);
    expect(read.responseBytes).toBeGreaterThanOrEqual(dataBytes);
    expect(read.actions).toEqual(['Range.load(values)']);
    expect(log.maxRequestBytes()).toBe(write.requestBytes);
    expect(log.maxResponseBytes()).toBe(read.responseBytes);
    log.reset();
    expect(log.syncs).toHaveLength(0);
    expect(log.maxRequestBytes()).toBe(0);
  });

  test('a sync with nothing queued makes no round trip', async () => {
    const { Excel, log } = createMemoryExcel();
    await Excel.run(async (context) => {
      await context.sync();
      const passed = await context.sync('through');
      expect(passed).toBe('through');
    });
    expect(log.syncs).toHaveLength(0);
  });

  test('formats and methods count in the request', async () => {
    const { Excel, log } = createMemoryExcel();
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getActiveWorksheet().getRange('A1:B2');
      r.numberFormat = [
        ['0.00', '0%'],
        ['@', 'General'],
      ];
      r.format.fill.color = '#FFC7CE';
      r.format.autofitColumns();
      await context.sync();
    });
    expect(log.syncs[0].ops).toBe(3);
    expect(log.syncs[0].actions).toEqual(['Range.numberFormat=', 'RangeFill.color=', 'RangeFormat.autofitColumns']);
  });
});

describe('size limit (Excel on the web: 5 MB)', () => {
  const limit = 5 * 1024 * 1024;

  test('a write over the limit fails with RequestPayloadSizeLimitExceeded and changes nothing', async () => {
    const { Excel, workbook, log } = createMemoryExcel({ maxRequestBytes: limit });
    const data = rows(60_000, 5); // ~ 6.5 MB of JSON
    expect(JSON.stringify(data).length).toBeGreaterThan(limit);
    let code = '';
    try {
      await Excel.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange('A1:E60000').values = data;
        await context.sync();
      });
    } catch (e) {
      code = (e as { code: string }).code;
    }
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
    expect(workbook.usedRange('Sheet1')).toBeNull();
    expect(log.syncs[0].error).toBe('RequestPayloadSizeLimitExceeded');
  });

  test('the same data in chunks stays under the limit', async () => {
    const { Excel, workbook, log } = createMemoryExcel({ maxRequestBytes: limit });
    const data = rows(60_000, 5);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      for (let start = 0; start < data.length; start += 20_000) {
        const chunk = data.slice(start, start + 20_000);
        sheet.getRangeByIndexes(start, 0, chunk.length, 5).values = chunk;
        await context.sync();
      }
    });
    expect(workbook.usedRange('Sheet1')).toBe('A1:E60000');
    expect(log.maxRequestBytes()).toBeLessThanOrEqual(limit);
    expect(log.syncs).toHaveLength(3);
  });

  test('a read over the limit fails with ResponsePayloadSizeLimitExceeded', async () => {
    const { Excel, workbook } = createMemoryExcel({ maxRequestBytes: limit });
    workbook.addSheet('Big', rows(60_000, 5));
    let code = '';
    try {
      await Excel.run(async (context) => {
        const r = context.workbook.worksheets.getItem('Big').getRange('A1:E60000').load('values');
        await context.sync();
        void r.values;
      });
    } catch (e) {
      code = (e as { code: string }).code;
    }
    expect(code).toBe('ResponsePayloadSizeLimitExceeded');
  });

  test('maxResponseBytes can be set on its own', async () => {
    const { Excel, workbook } = createMemoryExcel({ maxResponseBytes: 1000 });
    workbook.addSheet('Small', rows(100, 3));
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Small').getRange('A1:C100').load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });
});

test('object-creating methods that change the document are logged as actions', async () => {
  const { Excel, log } = createMemoryExcel();
  await Excel.run(async (context) => {
    context.workbook.worksheets.add('Out');
    context.workbook.settings.add('k', { a: 1 });
    context.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values');
    await context.sync();
  });
  expect(log.syncs[0].actions).toEqual(['WorksheetCollection.add', 'SettingCollection.add', 'Range.load(values)']);
  expect(log.syncs[0].ops).toBe(3);
});
