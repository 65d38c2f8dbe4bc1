/** Nothing the user typed is overwritten without a yes; re-runs replace the product's own block. */
import { defaultScheme, RfmError } from '../../src/core';
import { planWrite, scoreTableInExcel, writeOutput, currentTable, newSheetName } from '../../src/excel';
import { apiAtLeast, book, enSheet, expected, flow } from './helpers';

/** An English customer table at A1:D21 (header + 20). */
function customers() {
  const mem = book();
  mem.workbook.addSheet('Data', enSheet(20));
  return mem;
}

/** Everything that could change: values, formats of the output area, rules, merges, sheets. */
function snapshot(mem: ReturnType<typeof book>) {
  return JSON.stringify({
    sheets: mem.workbook.sheetNames(),
    data: mem.workbook.sheetNames().map((n) => mem.workbook.sheet(n).getValues('A1:Z40')),
    formats: ['E1', 'H2', 'J5'].map((a) => mem.workbook.sheet('Data').formatOf(a)),
    rules: mem.workbook.conditionalFormats('Data'),
    calc: mem.workbook.application().calculationMode,
  });
}

/** Syncs after `from` that changed the document (anything but loads). */
function writesSince(mem: ReturnType<typeof book>, from: number): string[] {
  return mem.log.syncs.slice(from).flatMap((s) => s.actions.filter((a) => !a.includes('.load(')));
}

test("the user's data right of the table: conflict 'user' with the first cell; no write without a yes", async () => {
  const mem = customers();
  mem.workbook.sheet('Data').setValues('G7', [['my note']]);
  mem.workbook.sheet('Data').setValues('F12', [[42]]);
  await mem.workbook.select('Data', 'A1:D21');
  const { table, scored, plan } = await flow(mem.Excel, { write: false });
  expect(plan).toMatchObject({ address: 'E1:I21', conflict: 'user', conflictCell: 'G7', protectedSheet: false });

  const before = snapshot(mem);
  const mark = mem.log.syncs.length;
  const error = await writeOutput(mem.Excel, table, scored, plan, 'here', 'en').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RfmError);
  expect(error).toMatchObject({ key: 'excel.conflict', vars: { cell: 'G7' } });
  expect(snapshot(mem)).toBe(before);
  expect(mem.log.syncs.length).toBe(mark);

  const result = await writeOutput(mem.Excel, table, scored, plan, 'here', 'en', undefined, { overwrite: true });
  expect(result.address).toBe('E1:I21');
  const sheet = mem.workbook.sheet('Data');
  expect(sheet.getValue('G7')).toBe(expected(scored, 5, 2));
  expect(sheet.getValue('F12')).toBe(expected(scored, 10, 1));
});

test('a formula that shows nothing is still in the way', async () => {
  const mem = customers();
  mem.workbook.sheet('Data').setValues('H3', [['=""']], { asTyped: true });
  await mem.workbook.select('Data', 'A1:D21');
  const { plan } = await flow(mem.Excel, { write: false });
  expect(plan).toMatchObject({ conflict: 'user', conflictCell: 'H3' });
});

test('cells beyond the output, or below the last customer, are not in the way', async () => {
  const mem = customers();
  mem.workbook.sheet('Data').setValues('J1', [['beside']]);
  mem.workbook.sheet('Data').setValues('E23', [['below']]);
  await mem.workbook.select('Data', 'A1:D21');
  const { plan } = await flow(mem.Excel);
  expect(plan).toMatchObject({ conflict: 'none', address: 'E1:I21' });
  expect(mem.workbook.sheet('Data').getValue('J1')).toBe('beside');
  expect(mem.workbook.sheet('Data').getValue('E23')).toBe('below');
});

test('a new sheet is named in the language of the user and never reuses a name', async () => {
  const mem = customers();
  mem.workbook.sheet('Data').setValues('F5', [['in the way']]);
  mem.workbook.addSheet('rfm RESULTS', [['mine']]);
  await mem.workbook.select('Data', 'A1:D21');
  const first = await flow(mem.Excel, { target: 'newSheet' });
  expect(first.plan.conflict).toBe('user');
  expect(first.result).toMatchObject({ sheet: 'RFM results (2)', address: 'A1:F21', rowsWritten: 20 });
  await mem.workbook.select('Data', 'A1:D21');
  const second = await flow(mem.Excel, { target: 'newSheet' });
  expect(second.result?.sheet).toBe('RFM results (3)');
  await mem.workbook.select('Data', 'A1:D21');
  const zh = await flow(mem.Excel, { target: 'newSheet', lang: 'zh' });
  expect(zh.result?.sheet).toBe('RFM结果');
  expect(mem.workbook.sheetNames()).toEqual(['Sheet1', 'Data', 'rfm RESULTS', 'RFM results (2)', 'RFM results (3)', 'RFM结果']);
  // the user's sheets and cells are untouched
  expect(mem.workbook.sheet('rfm RESULTS').getValues('A1:B2')).toEqual([['mine', ''], ['', '']]);
  expect(mem.workbook.sheet('Data').getValue('F5')).toBe('in the way');
  expect(mem.workbook.usedRange('Data')).toBe('A1:F21');
  // the new sheet: the ID column for orientation, then the outputs
  const out = mem.workbook.sheet('RFM results (2)');
  expect(out.getValues('A1:F2')).toEqual([
    ['Customer', 'R Score', 'F Score', 'M Score', 'RFM Score', 'Grade'],
    ['K1', ...first.scored.output.columns.map((_, c) => expected(first.scored, 0, c))],
  ]);
  expect(newSheetName(['RFM结果', 'RFM结果 (2)'], 'zh')).toBe('RFM结果 (3)');
});

test('a re-run replaces the own earlier block: language switch, narrower output, no Check any more', async () => {
  const mem = customers();
  mem.workbook.sheet('Data').setValues('B5', [['n/a']]); // one invalid row: a Check column
  await mem.workbook.select('Data', 'A1:D21');
  const first = await flow(mem.Excel, { lang: 'en' });
  expect(first.scored.output.columns).toContain('check');
  expect(first.result?.address).toBe('E1:J21');
  expect(mem.workbook.sheet('Data').getValue('J5')).toBe('R is not a number');
  const rulesBefore = mem.workbook.conditionalFormats('Data').length;

  mem.workbook.sheet('Data').setValues('B5', [[17]]); // fixed
  await mem.workbook.select('Data', 'A1:D21');
  const second = await flow(mem.Excel, { lang: 'zh' });
  expect(second.plan).toMatchObject({ conflict: 'own', address: 'E1:I21', ownColumns: 6 });
  const sheet = mem.workbook.sheet('Data');
  expect(sheet.getValues('E1:J1')).toEqual([['R得分', 'F得分', 'M得分', 'RFM得分', '客户等级', '']]);
  expect(sheet.getValues('J1:J21').flat().every((v) => v === '')).toBe(true);
  expect(sheet.formatOf('J1').bold).toBe(false);
  expect(mem.workbook.usedRange('Data', true)).toBe('A1:I21');
  expect(sheet.getValue('E5')).toBe(expected(second.scored, 3, 0));
  // the grade rules were replaced, not added to
  expect(mem.workbook.conditionalFormats('Data')).toHaveLength(rulesBefore);
  expect(mem.workbook.conditionalFormats('Data').every((r) => r.address === 'I2:I21')).toBe(true);
});

test('a re-run on a selection that includes the earlier output writes over it in place', async () => {
  const mem = customers();
  await mem.workbook.select('Data', 'A1:D21');
  await flow(mem.Excel, { lang: 'zh' });
  await mem.workbook.select('Data', 'A:I'); // now the earlier output is part of the selection
  const again = await flow(mem.Excel, { lang: 'en' });
  expect(again.table.address).toBe('A1:I21');
  expect(again.scored.replacedColumns).toBe(5);
  expect(again.plan).toMatchObject({ conflict: 'own', address: 'E1:I21' });
  expect(mem.workbook.usedRange('Data', true)).toBe('A1:I21');
  expect(mem.workbook.sheet('Data').getValues('E1:I1')).toEqual([['R Score', 'F Score', 'M Score', 'RFM Score', 'Grade']]);
});

test("a user's column after the earlier block: the block is not assumed to be ours", async () => {
  const mem = customers();
  await mem.workbook.select('Data', 'A1:D21');
  await flow(mem.Excel);
  mem.workbook.sheet('Data').setValues('J1', [['Notes'], ['call back']]);
  await mem.workbook.select('Data', 'A1:D21');
  const { plan } = await flow(mem.Excel, { write: false });
  expect(plan).toMatchObject({ conflict: 'user', conflictCell: 'E1' });
});

test('a wider new output over an earlier block: the extra column must be empty', async () => {
  const mem = customers();
  await mem.workbook.select('Data', 'A1:D21');
  await flow(mem.Excel);
  mem.workbook.sheet('Data').setValues('J3', [['typed']]);
  mem.workbook.sheet('Data').setValues('B5', [['?']]); // this time a Check column is needed
  await mem.workbook.select('Data', 'A1:D21');
  const { plan } = await flow(mem.Excel, { write: false });
  expect(plan).toMatchObject({ conflict: 'user', conflictCell: 'J3', ownColumns: 5, columnCount: 6 });
});

test('a protected sheet: a clear message, nothing written; a new sheet works', async () => {
  const mem = customers();
  mem.workbook.sheet('Data').protect();
  await mem.workbook.select('Data', 'A1:D21');
  const { table, scored, plan } = await flow(mem.Excel, { write: false });
  expect(plan.protectedSheet).toBe(true);
  const before = snapshot(mem);
  const mark = mem.log.syncs.length;
  const error = await writeOutput(mem.Excel, table, scored, plan, 'here', 'zh', undefined, { overwrite: true }).catch((e: unknown) => e);
  expect(error).toMatchObject({ key: 'excel.protected', vars: { sheet: 'Data' } });
  expect((error as RfmError).localized('zh')).toContain('新工作表');
  expect(snapshot(mem)).toBe(before);
  expect(writesSince(mem, mark)).toEqual([]);
  const result = await writeOutput(mem.Excel, table, scored, plan, 'newSheet', 'en');
  expect(result.sheet).toBe('RFM results');
  expect(mem.workbook.application().calculationMode).toBe('Automatic');
});

test('protection that appears after the plan is caught before anything is written', async () => {
  const mem = customers();
  await mem.workbook.select('Data', 'A1:D21');
  const { table, scored, plan } = await flow(mem.Excel, { write: false });
  expect(plan.protectedSheet).toBe(false);
  mem.workbook.sheet('Data').protect();
  const before = snapshot(mem);
  const mark = mem.log.syncs.length;
  await expect(writeOutput(mem.Excel, table, scored, plan, 'here', 'en')).rejects.toMatchObject({ key: 'excel.protected' });
  expect(snapshot(mem)).toBe(before);
  expect(writesSince(mem, mark)).toEqual([]);
});

test('merged cells in the output area: a message naming the area, nothing written', async () => {
  if (!apiAtLeast('1.13')) {
    // below ExcelApi 1.13 nothing finds merged cells before writing: the refused write names the output area
    const mem = customers();
    mem.workbook.sheet('Data').merge('I8:J9');
    await mem.workbook.select('Data', 'A1:D21');
    const { table, scored, plan } = await flow(mem.Excel, { write: false });
    expect(plan.mergedArea).toBeUndefined();
    const error = await writeOutput(mem.Excel, table, scored, plan, 'here', 'en').catch((e: unknown) => e);
    expect(error).toMatchObject({ key: 'excel.mergedUnchecked', vars: { area: plan.address, set: '1.13' } });
    expect((error as RfmError).message).toContain('ExcelApi 1.13');
    expect(mem.workbook.usedRange('Data', true)).toBe('A1:D21');
    expect(mem.workbook.application().calculationMode).toBe('Automatic');
    return;
  }
  const mem = customers();
  mem.workbook.sheet('Data').merge('F8:G9');
  await mem.workbook.select('Data', 'A1:D21');
  const { table, scored, plan } = await flow(mem.Excel, { write: false });
  expect(plan).toMatchObject({ mergedArea: 'F8:G9', conflict: 'none' });
  const before = snapshot(mem);
  const mark = mem.log.syncs.length;
  const error = await writeOutput(mem.Excel, table, scored, plan, 'here', 'en', undefined, { overwrite: true }).catch((e: unknown) => e);
  expect(error).toMatchObject({ key: 'excel.merged', vars: { area: 'F8:G9' } });
  expect((error as RfmError).message).toContain('F8:G9');
  expect(snapshot(mem)).toBe(before);
  expect(writesSince(mem, mark)).toEqual([]);
  // merged cells that appear after the plan are caught too
  const mem2 = customers();
  await mem2.workbook.select('Data', 'A1:D21');
  const p2 = await flow(mem2.Excel, { write: false });
  mem2.workbook.sheet('Data').merge('E30:F31');
  mem2.workbook.sheet('Data').merge('H3:I3');
  await expect(writeOutput(mem2.Excel, p2.table, p2.scored, p2.plan, 'here', 'en')).rejects.toMatchObject({
    key: 'excel.merged',
    vars: { area: 'H3:I3' },
  });
  expect(mem2.workbook.usedRange('Data', true)).toBe('A1:D21');
});

test('calculation is manual during the write and restored after it', async () => {
  const mem = customers();
  const during: string[] = [];
  mem.workbook.onChange((change) => {
    if (change.kind === 'values' && change.origin === 'api') during.push(mem.workbook.application().calculationMode);
  });
  await mem.workbook.select('Data', 'A1:D21');
  await flow(mem.Excel);
  expect(during.length).toBeGreaterThan(0);
  expect(new Set(during)).toEqual(new Set(['Manual']));
  expect(mem.workbook.application().calculationMode).toBe('Automatic');
  // suspendScreenUpdatingUntilNextSync needs ExcelApi 1.9: older Excel redraws
  if (apiAtLeast('1.9')) expect(mem.workbook.application().screenUpdatingSuspensions).toBeGreaterThan(0);
  else expect(mem.workbook.application().screenUpdatingSuspensions).toBe(0);

  // a workbook already on manual stays on manual
  const manual = customers();
  await manual.Excel.run(async (context) => {
    context.workbook.application.calculationMode = 'Manual' as Excel.CalculationMode;
    await context.sync();
  });
  await manual.workbook.select('Data', 'A1:D21');
  await flow(manual.Excel);
  expect(manual.workbook.application().calculationMode).toBe('Manual');
});

test('calculation mode is restored when the write fails half-way', async () => {
  const mem = book();
  mem.workbook.addSheet('Data', enSheet(6000)); // several chunks: the failure hits the second one
  await mem.workbook.select('Data', 'A:D');
  const table = await currentTable(mem.Excel);
  const scored = await scoreTableInExcel(mem.Excel, table, {}, defaultScheme(), 'en');
  const plan = await planWrite(mem.Excel, table, scored);
  // someone protects the sheet as soon as the first values land
  const stop = mem.workbook.onChange((change) => {
    if (change.kind === 'values' && change.origin === 'api' && !mem.workbook.sheet('Data').isProtected()) {
      mem.workbook.sheet('Data').protect();
    }
  });
  await expect(writeOutput(mem.Excel, table, scored, plan, 'here', 'en')).rejects.toMatchObject({ code: 'AccessDenied' });
  stop();
  const values = mem.log.syncs.filter((s) => s.actions.includes('Range.values='));
  expect(values.map((s) => s.error)).toEqual([undefined, 'AccessDenied']);
  expect(mem.workbook.application().calculationMode).toBe('Automatic');
  expect(mem.log.syncs.some((s) => s.actions.includes('Application.calculationMode=') && !s.error)).toBe(true);
});

test('a plan made for another table or output is refused', async () => {
  const mem = customers();
  await mem.workbook.select('Data', 'A1:D21');
  const { table, scored, plan } = await flow(mem.Excel, { write: false });
  await expect(writeOutput(mem.Excel, table, scored, { ...plan, rowCount: 5 }, 'here', 'en')).rejects.toMatchObject({ key: 'excel.planMismatch' });
  await expect(writeOutput(mem.Excel, { ...table, sheet: 'Other' }, scored, plan, 'here', 'en')).rejects.toMatchObject({ key: 'excel.planMismatch' });
});

test('a sheet deleted under the pane gives a clear message', async () => {
  const mem = customers();
  await mem.workbook.select('Data', 'A1:D21');
  const table = await currentTable(mem.Excel);
  mem.workbook.removeSheet('Data');
  await expect(scoreTableInExcel(mem.Excel, table, {}, defaultScheme(), 'en')).rejects.toMatchObject({
    key: 'excel.sheetMissing',
    vars: { sheet: 'Data' },
  });
});
