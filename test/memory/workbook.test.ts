/** Selection, settings, events, worksheets, tables, conditional formats, formats and the host handle. */
import { createMemoryExcel } from '../../src/excel/memory';

const DATA = [
  ['Id', 'Recency', 'Frequency', 'Monetary'],
  [1, 10, 3, 120],
  [2, 40, 1, 80],
  [3, 5, 9, 900],
];

describe('selection', () => {
  test('getSelectedRange returns the single selected area', async () => {
    const { Excel, workbook } = createMemoryExcel({ sheets: { Data: DATA } });
    await workbook.select('Data', 'B2:D4');
    await Excel.run(async (context) => {
      const r = context.workbook.getSelectedRange().load('address, values');
      const cell = context.workbook.getActiveCell().load('address');
      await context.sync();
      expect(r.address).toBe('Data!B2:D4');
      expect(r.values[2]).toEqual([5, 9, 900]);
      expect(cell.address).toBe('Data!B2');
    });
  });

  test('a multi-area selection makes getSelectedRange fail; getSelectedRanges works', async () => {
    const { Excel, workbook } = createMemoryExcel({ sheets: { Data: DATA } });
    await workbook.select('Data', ['A1:A4', 'C1:C4']);
    await expect(
      Excel.run(async (context) => {
        context.workbook.getSelectedRange().load('address');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidSelection' });
    await Excel.run(async (context) => {
      const areas = context.workbook.getSelectedRanges().load('address, areaCount');
      areas.areas.load('items/address');
      await context.sync();
      expect(areas.areaCount).toBe(2);
      expect(areas.address).toBe('Data!A1:A4, Data!C1:C4');
      expect(areas.areas.items.map((r) => r.address)).toEqual(['Data!A1:A4', 'Data!C1:C4']);
    });
  });

  test('selection-changed handlers fire for host selections and Range.select()', async () => {
    const { Excel, workbook } = createMemoryExcel({ sheets: { Data: DATA } });
    const seen: string[] = [];
    const books: string[] = [];
    await Excel.run(async (context) => {
      context.workbook.worksheets.onSelectionChanged.add(async (args) => {
        seen.push(args.address);
      });
      context.workbook.onSelectionChanged.add(async (args) => {
        const r = args.workbook.getSelectedRanges().load('address');
        await args.workbook.context.sync();
        books.push(r.address);
      });
      await context.sync();
    });
    await workbook.select('Data', 'B2');
    await workbook.select('Data', ['A1', 'C3:D4']);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('D4').select();
      await context.sync();
    });
    await workbook.idle();
    expect(seen).toEqual(['B2', 'A1,C3:D4', 'D4']);
    expect(books).toEqual(['Data!B2', 'Data!A1, Data!C3:D4', 'Data!D4']);
    expect(workbook.selection()).toEqual({ sheet: 'Data', areas: ['D4'], activeCell: 'D4' });
  });

  test('handlers registered on one worksheet only see that sheet; remove() unregisters', async () => {
    const { Excel, workbook } = createMemoryExcel({ sheets: { Data: DATA, Other: [] } });
    const seen: string[] = [];
    let result: OfficeExtension.EventHandlerResult<Excel.WorksheetSelectionChangedEventArgs> | undefined;
    await Excel.run(async (context) => {
      result = context.workbook.worksheets.getItem('Data').onSelectionChanged.add(async (args) => {
        seen.push(args.address);
      });
      await context.sync();
    });
    await workbook.select('Other', 'A1');
    await workbook.select('Data', 'B3');
    const handler = result as OfficeExtension.EventHandlerResult<Excel.WorksheetSelectionChangedEventArgs>;
    await Excel.run(handler.context as Excel.RequestContext, async (context) => {
      handler.remove();
      await context.sync();
    });
    await workbook.select('Data', 'C3');
    expect(seen).toEqual(['B3']);
  });

  test('onChanged reports edits with triggerSource', async () => {
    const { Excel, workbook } = createMemoryExcel({ sheets: { Data: DATA } });
    const seen: string[] = [];
    await Excel.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (args) => {
        seen.push(`${args.address}:${args.triggerSource}`);
      });
      await context.sync();
    });
    workbook.sheet('Data').setValues('B2', [[11]]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('E1:E2').values = [['Score'], [5]];
      await context.sync();
    });
    await workbook.idle();
    expect(seen).toEqual(['B2:Unknown', 'E1:E2:ThisLocalAddin']);
  });
});

describe('settings', () => {
  test('add, read back after load + sync, delete', async () => {
    const { Excel, workbook } = createMemoryExcel();
    const scheme = { bins: 5, weights: [1, 1, 1], recencyColumn: 'B' };
    await Excel.run(async (context) => {
      context.workbook.settings.add('rfm.scheme', scheme);
      await context.sync();
    });
    expect(workbook.getSettings()).toEqual({ 'rfm.scheme': scheme });
    await Excel.run(async (context) => {
      const s = context.workbook.settings.getItemOrNullObject('rfm.scheme');
      const missing = context.workbook.settings.getItemOrNullObject('nothing');
      s.load('value');
      missing.load('value');
      expect(() => s.value).toThrow(/not available/);
      await context.sync();
      expect(s.isNullObject).toBe(false);
      expect(s.value).toEqual(scheme);
      expect(missing.isNullObject).toBe(true);
      s.delete();
      await context.sync();
    });
    expect(workbook.getSettings()).toEqual({});
  });

  test('settings.items and getItem of a missing key', async () => {
    const { Excel, workbook } = createMemoryExcel();
    workbook.setSetting('a', 1);
    workbook.setSetting('b', 'two');
    await Excel.run(async (context) => {
      const all = context.workbook.settings.load('items');
      const count = context.workbook.settings.getCount();
      await context.sync();
      expect(all.items.map((s) => [s.key, s.value])).toEqual([
        ['a', 1],
        ['b', 'two'],
      ]);
      expect(count.value).toBe(2);
    });
    await expect(
      Excel.run(async (context) => {
        context.workbook.settings.getItem('zzz').load('value');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});

describe('worksheets', () => {
  test('items, add, activate, rename, names must be unique', async () => {
    const { Excel, workbook } = createMemoryExcel({ sheets: { Data: DATA } });
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const added = sheets.add('RFM Scores');
      added.activate();
      added.freezePanes.freezeRows(1);
      sheets.load('items/name');
      const active = sheets.getActiveWorksheet().load('name, position');
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Data', 'RFM Scores']);
      expect(active.name).toBe('RFM Scores');
      expect(active.position).toBe(1);
      const r = added.getRange('A1').load('address');
      await context.sync();
      expect(r.address).toBe("'RFM Scores'!A1");
    });
    expect(workbook.activeSheet()).toBe('RFM Scores');
    expect(workbook.sheet('RFM Scores').frozen()).toEqual({ rows: 1, columns: 0 });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.add('rfm scores');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  });

  test('application calls are recorded', async () => {
    const { Excel, workbook } = createMemoryExcel();
    await Excel.run(async (context) => {
      context.application.suspendScreenUpdatingUntilNextSync();
      context.workbook.application.suspendApiCalculationUntilNextSync();
      context.workbook.application.calculationMode = 'Manual';
      const app = context.workbook.application.load('calculationMode');
      await context.sync();
      expect(app.calculationMode).toBe('Manual');
    });
    expect(workbook.application()).toMatchObject({ calculationMode: 'Manual', screenUpdatingSuspensions: 1, apiCalculationSuspensions: 1 });
  });
});

describe('ranges', () => {
  test('navigation helpers', async () => {
    const { Excel } = createMemoryExcel({ sheets: { Data: DATA } });
    await Excel.run(async (context) => {
      const base = context.workbook.worksheets.getItem('Data').getRange('B2:D4');
      const list = [
        base.getCell(1, 1),
        base.getOffsetRange(1, 1),
        base.getResizedRange(1, -1),
        base.getColumn(2),
        base.getRow(0),
        base.getEntireColumn(),
        base.getEntireRow(),
        base.getLastRow(),
        base.getAbsoluteResizedRange(1, 5),
        base.getColumnsAfter(2),
        base.getRowsAbove(),
        base.getBoundingRect('F9'),
        base.getLastCell(),
      ].map((r) => r.load('address'));
      await context.sync();
      expect(list.map((r) => r.address.replace('Data!', ''))).toEqual([
        'C3',
        'C3:E5',
        'B2:C5',
        'D2:D4',
        'B2:D2',
        'B:D',
        '2:4',
        'B4:D4',
        'B2:F2',
        'E2:F4',
        'B1:D1',
        'B2:F9',
        'D4',
      ]);
    });
  });

  test('a range outside the sheet fails the sync', async () => {
    const { Excel } = createMemoryExcel();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange('A1').getOffsetRange(-1, 0).load('address');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange('XFE1');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('number formats, text, fill and font', async () => {
    const { Excel, workbook } = createMemoryExcel({ sheets: { Data: DATA } });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.getRange('D2:D4').numberFormat = [['#,##0.00'], ['0%'], ['0.0']];
      sheet.getRange('A1:D1').format.font.bold = true;
      sheet.getRange('A1:D1').format.fill.color = '#ddebf7';
      const r = sheet.getRange('D2:D4').load('text, numberFormat');
      const head = sheet.getRange('A1:D1').load('format/font/bold, format/fill/color');
      const mixed = sheet.getRange('A1:A2').load('format/fill/color');
      await context.sync();
      expect(r.text).toEqual([['120.00'], ['8000%'], ['900.0']]);
      expect(r.numberFormat).toEqual([['#,##0.00'], ['0%'], ['0.0']]);
      expect(head.format.font.bold).toBe(true);
      expect(head.format.fill.color).toBe('#DDEBF7');
      expect(mixed.format.fill.color).toBeNull();
    });
    expect(workbook.numberFormatOf('Data!D3')).toBe('0%');
    expect(workbook.fillOf('Data!B1')).toBe('#DDEBF7');
    expect(workbook.fillOf('Data!B2')).toBeNull();
  });

  test('clear removes values and formats; used range follows', async () => {
    const { Excel, workbook } = createMemoryExcel({ sheets: { Data: DATA } });
    workbook.sheet('Data').setFormat('F10', { fill: '#FF0000' });
    expect(workbook.usedRange('Data')).toBe('A1:F10');
    expect(workbook.usedRange('Data', true)).toBe('A1:D4');
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('C:F').clear();
      await context.sync();
    });
    expect(workbook.usedRange('Data')).toBe('A1:B4');
  });
});

describe('tables', () => {
  test('add a table and read its parts', async () => {
    const { Excel, workbook } = createMemoryExcel({ sheets: { Data: DATA } });
    await Excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem('Data').tables.add('A1:D4', true);
      table.name = 'Customers';
      const header = table.getHeaderRowRange().load('values');
      const body = table.getDataBodyRange().load('address');
      table.columns.load('items/name');
      await context.sync();
      expect(header.values).toEqual([DATA[0]]);
      expect(body.address).toBe('Data!A2:D4');
      expect(table.columns.items.map((c) => c.name)).toEqual(DATA[0]);
      table.rows.add(undefined, [[4, 1, 1, 1]]);
      await context.sync();
      const t = context.workbook.tables.getItem('Customers');
      const range = t.getRange().load('address');
      const m = t.columns.getItem('Monetary').getDataBodyRange().load('values');
      await context.sync();
      expect(range.address).toBe('Data!A1:D5');
      expect(m.values).toEqual([[120], [80], [900], [1]]);
    });
    expect(workbook.tables()).toEqual([{ name: 'Customers', sheet: 'Data', address: 'A1:D5', columns: DATA[0], style: 'TableStyleMedium2' }]);
  });

  test('range.getTables finds the table around a selection', async () => {
    const { Excel, workbook } = createMemoryExcel({ sheets: { Data: DATA } });
    workbook.sheet('Data').addTable('Scores', 'A1:D4');
    await workbook.select('Data', 'B2:C3');
    await Excel.run(async (context) => {
      const tables = context.workbook.getSelectedRange().getTables(false);
      const count = tables.getCount();
      const first = tables.getFirst().load('name');
      const inside = context.workbook.getSelectedRange().getTables(true).load('items');
      await context.sync();
      expect(count.value).toBe(1);
      expect(first.name).toBe('Scores');
      expect(inside.items).toHaveLength(0);
    });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('H1').getTables().getFirst();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  test('host tables are visible to the add-in; overlapping tables are refused', async () => {
    const { Excel, workbook } = createMemoryExcel({ sheets: { Data: DATA } });
    workbook.sheet('Data').addTable('Scores', 'A1:D4');
    await Excel.run(async (context) => {
      const tables = context.workbook.tables.load('items/name');
      await context.sync();
      expect(tables.items.map((t) => t.name)).toEqual(['Scores']);
    });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Data').tables.add('B2:C3', true);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });
});

describe('conditional formats', () => {
  test('containsText and cellValue are recorded with rule, fill and font colour', async () => {
    const { Excel, workbook } = createMemoryExcel({ sheets: { Data: DATA } });
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('E2:E4');
      const text = range.conditionalFormats.add(Excel.ConditionalFormatType.containsText);
      text.textComparison.format.fill.color = '#C6EFCE';
      text.textComparison.rule = { operator: Excel.ConditionalTextOperator.contains, text: 'A' };
      text.textComparison.format.font.color = '#9C0006';
      const value = range.conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
      value.cellValue.format.fill.color = 'yellow';
      value.cellValue.rule = { formula1: '=4', operator: 'GreaterThan' };
      const count = range.conditionalFormats.getCount();
      await context.sync();
      expect(count.value).toBe(2);
    });
    const cfs = workbook.conditionalFormats('Data');
    expect(cfs.map((c) => [c.type, c.address, c.rule, c.format.fill])).toEqual([
      ['CellValue', 'E2:E4', { formula1: '=4', operator: 'GreaterThan' }, '#FFFF00'],
      ['ContainsText', 'E2:E4', { operator: 'Contains', text: 'A' }, '#C6EFCE'],
    ]);
    expect(cfs[1].format.fontColor).toBe('#9C0006');
  });

  test('using the wrong typed accessor fails; clearAll removes them', async () => {
    const { Excel, workbook } = createMemoryExcel({ sheets: { Data: DATA } });
    await expect(
      Excel.run(async (context) => {
        const cf = context.workbook.worksheets.getItem('Data').getRange('A1').conditionalFormats.add('Custom');
        cf.textComparison.rule = { operator: 'Contains', text: 'x' };
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(workbook.conditionalFormats('Data')).toHaveLength(1);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('A:A').conditionalFormats.clearAll();
      await context.sync();
    });
    expect(workbook.conditionalFormats('Data')).toHaveLength(0);
  });
});

describe('host handle', () => {
  test('onChange reports API and host changes', async () => {
    const { Excel, workbook } = createMemoryExcel();
    const changes: string[] = [];
    const off = workbook.onChange((c) => changes.push(`${c.kind}:${c.sheet ?? ''}:${c.address ?? ''}:${c.origin}`));
    workbook.addSheet('S', [[1, 2]]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('B2').values = [[3]];
      await context.sync();
    });
    off();
    workbook.sheet('S').setValues('A5', [[1]]);
    expect(changes).toEqual(['sheets:S::host', 'values:S:A1:B1:host', 'values:S:B2:api']);
  });

  test('addSheet reuses the initial empty Sheet1; asTyped applies Excel typing', () => {
    const { workbook } = createMemoryExcel();
    workbook.addSheet('Sheet1', [['7', '=A1*2', 'x']]);
    expect(workbook.sheetNames()).toEqual(['Sheet1']);
    expect(workbook.sheet('Sheet1').getValues('A1:C1')).toEqual([['7', '=A1*2', 'x']]);
    workbook.sheet('Sheet1').setValues('A2', [['7', '=A1*2']], { asTyped: true });
    expect(workbook.sheet('Sheet1').getValues('A2:B2')).toEqual([[7, '=A1*2']]);
    expect(workbook.formulaCells('Sheet1')).toEqual([{ address: 'B2', formula: '=A1*2' }]);
    expect(workbook.sheet('Sheet1').getValues('A:A')).toEqual([['7'], [7]]);
    expect(() => workbook.addSheet('Sheet1')).toThrow(/not empty/);
  });
});
