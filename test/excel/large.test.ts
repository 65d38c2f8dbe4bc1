/** 200,000 customers through the pane's flow: every payload within 4 MB, syncs by chunk, engine-equal output. */
import { defaultScheme, scoreRows, type CellValue } from '../../src/core';
import { currentTable, planWrite, scoreTableInExcel, writeOutput } from '../../src/excel';
import { book, expected, flow, MB4, zhSheet } from './helpers';

const ROWS = 200_000;

test('a 200,000-row selection is read and written in chunks within 4 MB per request and response', async () => {
  const mem = book();
  const rows = zhSheet(ROWS);
  mem.workbook.addSheet('客户', rows);
  await mem.workbook.select('客户', 'A:E');
  const scheme = defaultScheme();

  const table = await currentTable(mem.Excel);
  expect(table).toMatchObject({ address: `A1:E${ROWS + 1}`, clipped: true });

  let mark = mem.log.syncs.length;
  const scored = await scoreTableInExcel(mem.Excel, table, {}, scheme, 'zh');
  const readSyncs = mem.log.syncs.length - mark;

  mark = mem.log.syncs.length;
  const plan = await planWrite(mem.Excel, table, scored);
  const planSyncs = mem.log.syncs.length - mark;
  expect(plan).toMatchObject({ conflict: 'none', address: `F1:J${ROWS + 1}` });

  mark = mem.log.syncs.length;
  const result = await writeOutput(mem.Excel, table, scored, plan, 'here', 'zh');
  const writeSyncs = mem.log.syncs.length - mark;
  expect(result.syncs).toBe(writeSyncs);

  // payloads: nothing over 4 MB, and the chunks are big (not row by row)
  expect(mem.log.maxRequestBytes()).toBeLessThanOrEqual(MB4);
  expect(mem.log.maxResponseBytes()).toBeLessThanOrEqual(MB4);
  expect(mem.log.maxRequestBytes()).toBeGreaterThan(MB4 / 4);
  expect(mem.log.maxResponseBytes()).toBeGreaterThan(MB4 / 4);
  expect(mem.log.syncs.every((s) => s.error === undefined)).toBe(true);
  // syncs grow with chunks (≈ bytes / 3 MB), not rows: well under one per 10,000 rows
  const readBytes = mem.log.syncs.reduce((n, s) => n + s.responseBytes, 0);
  expect(readSyncs).toBeLessThanOrEqual(Math.ceil(readBytes / (2 * 1024 * 1024)) + 2);
  expect(readSyncs).toBeLessThanOrEqual(ROWS / 10_000);
  expect(planSyncs).toBeLessThanOrEqual(3);
  expect(writeSyncs).toBeLessThanOrEqual(ROWS / 10_000);

  // written values equal the engine on the same rows
  const engine = scoreRows(rows as CellValue[][], {}, scheme, 'zh');
  const out = mem.workbook.sheet('客户').getValues(`F1:J${ROWS + 1}`);
  expect(out[0]).toEqual(engine.output.headers);
  let mismatches = 0;
  engine.dataRows.forEach((rel, i) => {
    const line = out[rel];
    for (let c = 0; c < engine.output.columns.length; c++) {
      const want = engine.output.cell(i, c);
      if (line[c] !== (want === null ? '' : want)) mismatches++;
    }
  });
  expect(mismatches).toBe(0);
  expect(mem.workbook.numberFormatOf(`客户!I${ROWS + 1}`)).toBe('0.00');
});

test('a table as tall as the sheet (A:D, 1,048,576 rows, mostly empty) is written without touching entire columns', async () => {
  const mem = book();
  mem.workbook.addSheet('S', [['Customer', 'Recency', 'Frequency', 'Monetary'], ['a', 1, 2, 3], ['b', 4, 5, 6], ['c', 7, 1, 9]]);
  mem.workbook.sheet('S').setValues('A1048576', [['z', 9, 9, 9]]);
  await mem.workbook.select('S', 'A:D');
  const here = await flow(mem.Excel);
  expect(here.table).toMatchObject({ address: 'A1:D1048576', rowCount: 1_048_576, clipped: true });
  expect(here.result).toMatchObject({ address: 'E1:I1048576', rowsWritten: 4 });
  const sheet = mem.workbook.sheet('S');
  expect(sheet.getValues('E1048576:I1048576')[0]).toEqual(here.scored.output.columns.map((_, c) => expected(here.scored, 3, c)));
  expect(sheet.numberFormatOf('H2')).toBe('0.00');
  expect(sheet.numberFormatOf('H1048576')).toBe('0.00');
  expect(sheet.getValues('E5:I1048575').every((row) => row.every((v) => v === ''))).toBe(true);
  expect(mem.log.syncs.every((s) => s.error === undefined)).toBe(true);
  // empty runs are skipped: a handful of writes, not one per chunk of a million rows
  expect(here.result?.syncs).toBeLessThanOrEqual(6);

  await mem.workbook.select('S', 'A:D');
  const fresh = await flow(mem.Excel, { target: 'newSheet' });
  expect(fresh.plan.conflict).toBe('own');
  expect(fresh.result).toMatchObject({ sheet: 'RFM results', address: 'A1:F1048576' });
  const out = mem.workbook.sheet('RFM results');
  expect(out.getValues('A1048576:B1048576')).toEqual([['z', expected(fresh.scored, 3, 0)]]);
  expect(out.numberFormatOf('E1048576')).toBe('0.00');
});
