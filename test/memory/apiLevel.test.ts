/**
 * The in-memory workbook at an older ExcelApi level behaves as Excel of that version: members of newer
 * sets fail the sync with ApiNotFound, the `Office` shim answers isSetSupported for the level, and the
 * table of sets (src/excel/memory/apiSets.ts) agrees with the `[Api set: …]` notes of @types/office-js.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createMemoryExcel, installOffice, MEMBER_SETS, NEWEST_EXCEL_API } from '../../src/excel/memory';

test('a member newer than the level fails with ApiNotFound; older ones run', async () => {
  const { Excel, workbook } = createMemoryExcel({ apiLevel: '1.8', sheets: { Data: [['a', 1], ['b', 2]] } });
  await workbook.select('Data', 'A1:B2');
  // ExcelApi 1.9: getSelectedRanges
  const error = await Excel.run(async (context) => {
    const ranges = context.workbook.getSelectedRanges();
    ranges.load('areaCount');
    await context.sync();
  }).catch((e: unknown) => e);
  expect(error).toMatchObject({ code: 'ApiNotFound', debugInfo: { errorLocation: 'Workbook.getSelectedRanges' } });
  // ExcelApi 1.1 and 1.8 (calculationMode write) still work at 1.8
  const address = await Excel.run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load('address');
    context.workbook.application.calculationMode = Excel.CalculationMode.manual;
    await context.sync();
    return range.address;
  });
  expect(address).toBe('Data!A1:B2');
  expect(workbook.application().calculationMode).toBe('Manual');
});

test('operations before the missing member ran, the rest of the batch did not', async () => {
  const { Excel, workbook } = createMemoryExcel({ apiLevel: '1.12', sheets: { Data: [] } });
  const error = await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('Data');
    ws.getRange('A1').values = [[1]];
    const merged = ws.getRange('A1:B2').getMergedAreasOrNullObject(); // ExcelApi 1.13
    merged.load('address');
    ws.getRange('A2').values = [[2]];
    await context.sync();
  }).catch((e: unknown) => e);
  expect(error).toMatchObject({ code: 'ApiNotFound' });
  expect(workbook.sheet('Data').getValues('A1:A2')).toEqual([[1], ['']]);
});

test('a property of a newer set cannot be loaded or written below it', async () => {
  const { Excel } = createMemoryExcel({ apiLevel: '1.7', sheets: { Data: [] } });
  const loaded = await Excel.run(async (context) => {
    context.workbook.application.calculationMode = Excel.CalculationMode.manual; // write: ExcelApi 1.8
    await context.sync();
  }).catch((e: unknown) => e);
  expect(loaded).toMatchObject({ code: 'ApiNotFound', debugInfo: { errorLocation: 'Application.calculationMode' } });
  // reading calculationMode is ExcelApi 1.1
  const mode = await Excel.run(async (context) => {
    const app = context.workbook.application;
    app.load('calculationMode');
    await context.sync();
    return app.calculationMode;
  });
  expect(mode).toBe('Automatic');
});

test('the newest level has every member; an unknown level is refused', async () => {
  const { Excel, workbook } = createMemoryExcel({ sheets: { Data: [['x']] } });
  await workbook.select('Data', 'A1');
  const count = await Excel.run(async (context) => {
    const ranges = context.workbook.getSelectedRanges();
    ranges.load('areaCount');
    await context.sync();
    return ranges.areaCount;
  });
  expect(count).toBe(1);
  expect(() => createMemoryExcel({ apiLevel: 'latest' })).toThrow(/apiLevel/);
});

test('the Office shim answers isSetSupported for the level, and installs as the global Office', () => {
  const { Office } = createMemoryExcel({ apiLevel: '1.14' });
  const req = Office.context.requirements;
  expect(req.isSetSupported('ExcelApi', '1.8')).toBe(true);
  expect(req.isSetSupported('ExcelApi', '1.14')).toBe(true);
  expect(req.isSetSupported('ExcelApi', '1.15')).toBe(false);
  expect(req.isSetSupported('ExcelApi')).toBe(true);
  expect(req.isSetSupported('WordApi', '1.1')).toBe(false);
  const restore = installOffice(Office);
  expect((globalThis as { Office?: unknown }).Office).toBe(Office);
  restore();
  expect('Office' in globalThis).toBe(false);
});

test('the table of sets agrees with the [Api set] notes of @types/office-js', () => {
  const dts = fs.readFileSync(path.join(__dirname, '../../node_modules/@types/office-js/index.d.ts'), 'utf8');
  const newest = Math.max(...[...dts.matchAll(/\[Api set: ExcelApi 1\.(\d+)\]/g)].map((m) => Number(m[1])));
  expect(NEWEST_EXCEL_API).toBe(newest);
  /** The note of `member` in `class Type` of namespace Excel (the first declaration). */
  const noteOf = (type: string, member?: string): string | undefined => {
    const start = dts.indexOf(`\n    class ${type} extends OfficeExtension.ClientObject {`);
    const classStart = start >= 0 ? start : dts.indexOf(`\n    class ${type} `);
    if (classStart < 0) return undefined;
    if (member === undefined) return /\[Api set: ([^\]]+)\]/.exec(dts.slice(dts.lastIndexOf('/**', classStart), classStart))?.[1];
    const end = dts.indexOf('\n    }', classStart);
    const body = dts.slice(classStart, end);
    const at = body.search(new RegExp(`\\n {8}(readonly )?${member}[(:?<]`));
    if (at < 0) return undefined;
    return /\[Api set: ([^\]]+)\]/.exec(body.slice(body.lastIndexOf('/**', at), at))?.[1];
  };
  for (const [key, minor] of Object.entries(MEMBER_SETS)) {
    const [type, member] = key.replace(/=$/, '').split('.');
    const note = noteOf(type, member);
    expect({ key, note }).toEqual({ key, note: expect.stringMatching(new RegExp(`^ExcelApi .*\\b1\\.${minor}\\b`)) });
  }
});
