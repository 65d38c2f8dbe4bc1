/**
 * The Office.js rules the in-memory workbook enforces, exercised the way add-in code uses the API
 * (typed against @types/office-js).
 */
import { createMemoryExcel } from '../../src/excel/memory';

function setup() {
  const mem = createMemoryExcel();
  mem.workbook.addSheet('Data', [
    ['Id', 'Name', 'Spend', 'Orders'],
    [1, 'Ann', 120.5, 3],
    [2, 'Bob', 80, 1],
    [3, 'Cy', 15, 7],
  ]);
  return mem;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
  return 'no error';
}

describe('load and sync before read', () => {
  test('reading a property before load throws PropertyNotLoaded', async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1:D4');
      expect(() => range.values).toThrow(/The property 'values' is not available\. Before reading the property's value, call the load method/);
      try {
        void range.address;
      } catch (e) {
        expect((e as { code: string }).code).toBe('PropertyNotLoaded');
      }
      await context.sync();
    });
  });

  test('load without sync is not enough', async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1:B2');
      range.load('values');
      expect(() => range.values).toThrow(/not available/);
      const pending = context.sync();
      // results arrive asynchronously: still not readable before the promise settles
      expect(() => range.values).toThrow(/not available/);
      await pending;
      expect(range.values).toEqual([
        ['Id', 'Name'],
        [1, 'Ann'],
      ]);
    });
  });

  test('load accepts a string, a comma list, an array and an object', async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const a = sheet.getRange('B2').load('values');
      const b = sheet.getRange('B2:C3').load('address, rowCount,columnCount');
      const c = sheet.getRange('C2').load(['numberFormat', 'text']);
      const d = sheet.getRange('A1').load({ select: 'rowIndex,columnIndex' });
      const e = sheet.getRange('A1').load({ values: true, format: { fill: { color: true } } });
      await context.sync();
      expect(a.values).toEqual([['Ann']]);
      expect(b.address).toBe('Data!B2:C3');
      expect([b.rowCount, b.columnCount]).toEqual([2, 2]);
      expect(() => b.values).toThrow(/not available/);
      expect(c.numberFormat).toEqual([['General']]);
      expect(c.text).toEqual([['120.5']]);
      expect([d.rowIndex, d.columnIndex]).toEqual([0, 0]);
      expect(e.values).toEqual([['Id']]);
      expect(e.format.fill.color).toBe('#FFFFFF');
    });
  });

  test('load("format/fill/color") loads the navigation property only', async () => {
    const { Excel, workbook } = setup();
    workbook.sheet('Data').setFormat('A1:D1', { fill: '#FFFF00', bold: true });
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Data').getRange('A1:D1');
      r.load('format/fill/color, format/font/bold');
      await context.sync();
      expect(r.format.fill.color).toBe('#FFFF00');
      expect(r.format.font.bold).toBe(true);
      expect(() => r.address).toThrow(/not available/);
    });
  });

  test('a misspelt property fails the sync', async () => {
    const { Excel } = setup();
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('A1').load('valuez');
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
  });
});

describe('queued writes', () => {
  test('writes apply at sync, in order', async () => {
    const { Excel, workbook } = setup();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const cell = sheet.getRange('F1');
      cell.values = [['first']];
      const before = sheet.getRange('F1').load('values'); // runs between the two writes
      cell.values = [['second']];
      expect(workbook.sheet('Data').getValue('F1')).toBe(''); // nothing applied yet
      await context.sync();
      expect(before.values).toEqual([['first']]);
      expect(workbook.sheet('Data').getValue('F1')).toBe('second');
    });
  });

  test('a written property reads back locally (as Office.js keeps it)', async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Data').getRange('F2:G2');
      r.values = [[1, 2]];
      expect(r.values).toEqual([[1, 2]]);
      await context.sync();
    });
  });

  test('a scalar fills the whole range; null leaves a cell unchanged', async () => {
    const { Excel, workbook } = setup();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.getRange('F1:G2').values = 'x' as unknown as unknown[][];
      sheet.getRange('A2:B2').values = [[null, 'Anna']];
      await context.sync();
    });
    expect(workbook.sheet('Data').getValues('F1:G2')).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
    expect(workbook.sheet('Data').getValues('A2:B2')).toEqual([[1, 'Anna']]);
  });

  test('pending writes are flushed when the batch returns', async () => {
    const { Excel, workbook } = setup();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('H1').values = [['late']];
    });
    expect(workbook.sheet('Data').getValue('H1')).toBe('late');
  });

  test('shape mismatch throws InvalidArgument at sync', async () => {
    const { Excel, workbook } = setup();
    const code = await codeOf(
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Data');
        sheet.getRange('F1').values = [['ok']];
        sheet.getRange('A1:B2').values = [[1, 2, 3]];
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
    expect(workbook.sheet('Data').getValue('F1')).toBe('ok'); // earlier actions of the batch stay applied
    expect(workbook.sheet('Data').getValue('A1')).toBe('Id');
  });

  test('ragged rows are a shape mismatch too', async () => {
    const { Excel } = setup();
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('A1:B2').values = [[1, 2], [3]];
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
  });

  test('strings are typed as Excel types them; "=" makes a formula that is recorded', async () => {
    const { Excel, workbook, log } = setup();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const text = sheet.getRange('F2');
      text.numberFormat = [['@']];
      text.values = [['00123']];
      sheet.getRange('F1:F1').values = [['00123']];
      sheet.getRange('G1:J1').values = [["'00123", 'TRUE', '=SUM(C2:C4)', '=']];
      await context.sync();
      const r = sheet.getRange('F1:J1').load('values, valueTypes, formulas');
      await context.sync();
      expect(r.values).toEqual([[123, '00123', true, '=SUM(C2:C4)', '=']]);
      expect(r.valueTypes).toEqual([['Double', 'String', 'Boolean', 'String', 'String']]);
      expect(r.formulas[0][3]).toBe('=SUM(C2:C4)');
    });
    expect(workbook.sheet('Data').getValue('F2')).toBe('00123');
    expect(workbook.formulaCells('Data')).toEqual([{ address: 'I1', formula: '=SUM(C2:C4)' }]);
    expect(log.warnings.some((w) => w.includes('formula') && w.includes('I1'))).toBe(true);
  });

  test('NaN is sent as null: the cell stays unchanged and a warning is logged', async () => {
    const { Excel, workbook, log } = setup();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('C2').values = [[NaN]];
      await context.sync();
    });
    expect(workbook.sheet('Data').getValue('C2')).toBe(120.5);
    expect(log.warnings.join('\n')).toMatch(/NaN/);
  });
});

describe('unbounded ranges', () => {
  test('whole-column read returns null for cell-level properties, other properties are valid', async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const cols = sheet.getRange('A:D').load('values, text, numberFormat, address, rowCount, columnCount');
      const rows = sheet.getRange('3:5').load('values, address, columnCount');
      await context.sync();
      expect(cols.values).toBeNull();
      expect(cols.text).toBeNull();
      expect(cols.numberFormat).toBeNull();
      expect(cols.address).toBe('Data!A:D');
      expect(cols.rowCount).toBe(1048576);
      expect(rows.values).toBeNull();
      expect(rows.address).toBe('Data!3:5');
      expect(rows.columnCount).toBe(16384);
    });
  });

  test('writing values or numberFormat to entire columns throws; formats are allowed', async () => {
    const { Excel, workbook } = setup();
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('A:B').values = [['Due Date']];
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
    const code2 = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('2:2').numberFormat = '0.00' as unknown as unknown[][];
        await context.sync();
      }),
    );
    expect(code2).toBe('InvalidArgument');
    await Excel.run(async (context) => {
      const col = context.workbook.worksheets.getItem('Data').getRange('E:E');
      col.format.fill.color = '#FFC7CE';
      col.format.font.bold = true;
      await context.sync();
    });
    expect(workbook.fillOf('Data!E1000000')).toBe('#FFC7CE');
    expect(workbook.sheet('Data').formatOf('E5').bold).toBe(true);
    // a whole-column format does not grow the used range
    expect(workbook.usedRange('Data')).toBe('A1:D4');
  });

  test('getUsedRange and getIntersectionOrNullObject narrow A:D to the data', async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const used = sheet.getUsedRange(true);
      const narrowed = sheet.getRange('B:C').getIntersectionOrNullObject(used);
      const byAddress = used.getIntersectionOrNullObject('C:C');
      const none = sheet.getRange('Z:Z').getIntersectionOrNullObject(used);
      narrowed.load('address, values');
      byAddress.load('address');
      none.load('address');
      await context.sync();
      expect(narrowed.isNullObject).toBe(false);
      expect(narrowed.address).toBe('Data!B1:C4');
      expect(narrowed.values).toEqual([
        ['Name', 'Spend'],
        ['Ann', 120.5],
        ['Bob', 80],
        ['Cy', 15],
      ]);
      expect(byAddress.address).toBe('Data!C1:C4');
      expect(none.isNullObject).toBe(true);
      expect(() => none.address).toThrow(/null object/);
    });
  });

  test('Range.getUsedRange narrows an entire-column range; empty columns give a null object', async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const a = sheet.getRange('C:D').getUsedRange().load('address');
      const b = sheet.getRange('X:Y').getUsedRangeOrNullObject(true).load('address');
      await context.sync();
      expect(a.address).toBe('Data!C1:D4');
      expect(b.isNullObject).toBe(true);
    });
  });

  test('getUsedRange of an empty sheet is A1; getUsedRangeOrNullObject is null', async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const a = sheet.getUsedRange().load('address');
      const b = sheet.getUsedRangeOrNullObject().load('address');
      await context.sync();
      expect(a.address).toBe('Sheet1!A1');
      expect(b.isNullObject).toBe(true);
    });
  });

  test('reads of more than 5,000,000 cells return null values', async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const big = context.workbook.worksheets.getItem('Data').getRange('A1:Z200000').load('values, cellCount');
      const ok = context.workbook.worksheets.getItem('Data').getRange('A1:B3').load('values');
      await context.sync();
      expect(big.cellCount).toBe(5_200_000);
      expect(big.values).toBeNull();
      expect(ok.values).not.toBeNull();
    });
  });
});

describe('protection', () => {
  test('writing to a protected sheet throws AccessDenied', async () => {
    const { Excel, workbook } = setup();
    workbook.sheet('Data').protect();
    for (const write of [
      (s: Excel.Worksheet) => (s.getRange('A1').values = [['x']]),
      (s: Excel.Worksheet) => (s.getRange('A1').format.fill.color = '#FF0000'),
      (s: Excel.Worksheet) => s.getRange('A1').clear(),
      (s: Excel.Worksheet) => s.getRange('A1:B1').conditionalFormats.add('Custom'),
      (s: Excel.Worksheet) => s.tables.add('A1:D4', true),
    ]) {
      const code = await codeOf(
        Excel.run(async (context) => {
          write(context.workbook.worksheets.getItem('Data'));
          await context.sync();
        }),
      );
      expect(code).toBe('AccessDenied');
    }
    expect(workbook.sheet('Data').getValue('A1')).toBe('Id');
  });

  test('protection.protected is readable after load; unprotect re-enables writes', async () => {
    const { Excel, workbook } = setup();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.protection.protect();
      sheet.protection.load('protected');
      await context.sync();
      expect(sheet.protection.protected).toBe(true);
      sheet.protection.unprotect();
      sheet.getRange('A1').values = [['ID']];
      sheet.protection.load('protected');
      await context.sync();
      expect(sheet.protection.protected).toBe(false);
    });
    expect(workbook.sheet('Data').getValue('A1')).toBe('ID');
  });

  test('protecting an already protected sheet fails', async () => {
    const { Excel, workbook } = setup();
    workbook.sheet('Data').protect();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Data').protection.protect();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  test('allowFormatCells lets formats through but not values', async () => {
    const { Excel, workbook } = setup();
    workbook.sheet('Data').protect(undefined, { allowFormatCells: true });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('A1').format.fill.color = 'yellow';
      await context.sync();
    });
    expect(workbook.fillOf('Data!A1')).toBe('#FFFF00');
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('A1').values = [[1]];
        await context.sync();
      }),
    );
    expect(code).toBe('AccessDenied');
  });
});

describe('merged areas', () => {
  test('a write that covers part of a merged area throws; covering all of it is fine', async () => {
    const { Excel, workbook } = setup();
    workbook.sheet('Data').setValues('F1', [['Title']]).merge('F1:H1');
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('G1:I1').values = [[1, 2, 3]];
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidOperation');
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Data').getRange('F1:I1');
      r.values = [['New title', 'ignored', 'ignored', 'I']];
      const areas = r.getMergedAreasOrNullObject();
      areas.load('address, areaCount');
      const none = context.workbook.worksheets.getItem('Data').getRange('A1:B2').getMergedAreasOrNullObject();
      none.load('address');
      await context.sync();
      expect(areas.address).toBe('Data!F1:H1');
      expect(areas.areaCount).toBe(1);
      expect(none.isNullObject).toBe(true);
    });
    expect(workbook.sheet('Data').getValues('F1:I1')).toEqual([['New title', '', '', 'I']]);
  });

  test('clearing part of a merged area throws; merge() through the API records the area', async () => {
    const { Excel, workbook } = setup();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('A6:B7').merge();
      await context.sync();
    });
    expect(workbook.sheet('Data').merges()).toEqual(['A6:B7']);
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('A6').clear();
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidOperation');
  });
});

describe('null objects and missing items', () => {
  test('getItemOrNullObject: isNullObject after sync; other properties throw', async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      const present = context.workbook.worksheets.getItemOrNullObject('Data');
      missing.load('name');
      present.load('name');
      expect(() => missing.isNullObject).toThrow(/not available/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(() => missing.name).toThrow(/null object/);
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe('Data');
    });
  });

  test('actions on a null object are skipped (the delete-if-exists pattern)', async () => {
    const { Excel, workbook } = setup();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItemOrNullObject('Nope').delete();
      context.workbook.worksheets.getItemOrNullObject('Nope').getRange('A1').values = [[1]];
      await context.sync();
    });
    expect(workbook.sheetNames()).toEqual(['Sheet1', 'Data']);
  });

  test('getItem of a missing sheet fails the sync with ItemNotFound', async () => {
    const { Excel } = setup();
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Nope');
        await context.sync();
      }),
    );
    expect(code).toBe('ItemNotFound');
  });
});

describe('objects across batches', () => {
  test('an untracked object from a finished batch fails with InvalidObjectPath; a tracked one works', async () => {
    const { Excel, workbook } = setup();
    let untracked: Excel.Range | undefined;
    let tracked: Excel.Range | undefined;
    await Excel.run(async (context) => {
      untracked = context.workbook.worksheets.getItem('Data').getRange('A1');
      tracked = context.workbook.worksheets.getItem('Data').getRange('B1');
      tracked.track();
      await context.sync();
    });
    const code = await codeOf(
      Excel.run(untracked as Excel.Range, async (context) => {
        (untracked as Excel.Range).values = [['x']];
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidObjectPath');
    await Excel.run(tracked as Excel.Range, async (context) => {
      (tracked as Excel.Range).values = [['y']];
      (tracked as Excel.Range).untrack();
      await context.sync();
    });
    expect(workbook.sheet('Data').getValue('B1')).toBe('y');
  });

  test('a proxy from another context cannot be used as an argument', async () => {
    const { Excel } = setup();
    let other: Excel.Range | undefined;
    await Excel.run(async (context) => {
      other = context.workbook.worksheets.getItem('Data').getRange('A1');
      await context.sync();
    });
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('A1:B2').getIntersectionOrNullObject(other as Excel.Range);
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidRequestContext');
  });

  test('the batch must return a promise', async () => {
    const { Excel } = setup();
    const run = Excel.run as unknown as (batch: (context: Excel.RequestContext) => unknown) => Promise<unknown>;
    expect(await codeOf(run(() => 42))).toBe('RunMustReturnPromise');
  });
});
