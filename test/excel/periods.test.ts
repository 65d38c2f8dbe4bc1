/**
 * Period over period in the pane (docs/periods.md) against the in-memory workbook: the parameters sheet a pane
 * run writes (read back with readRunRecord: the same scheme and cut values), one per scored sheet and
 * replaced on a re-run; a frozen-scale run on unchanged data equals the recomputed one; the hand-worked
 * October → November migration (test/periods/fixtures.ts) with its Change column and migration sheet;
 * refusals (duplicated IDs with their cells, no readable parameters sheet, no ID column, other columns,
 * the same sheet) that write nothing; the settings of the newer pane options.
 */
import {
  defaultScheme,
  parseGradesText,
  preset,
  readRunRecord,
  scaleOf,
  scoreRows,
  type CellValue,
  type Scheme,
} from '../../src/core';
import {
  ADDIN_TX_TOOL,
  aggregateSalesInExcel,
  currentTable,
  loadSettings,
  scoreSales,
  writeCustomerSheet,
  planFormulaWrite,
  planWrite,
  saveSettings,
  writeFormulas,
  writeOutput,
  SETTINGS_KEY,
  type SavedSettings,
  type WriteResult,
  type WriteTarget,
} from '../../src/excel';
import type { MemoryExcel } from '../../src/excel/memory';
import { t, type Lang } from '../../src/i18n';
import { DEFAULT_PERIODS, runSheetsOf, scoreWithPeriods, type PeriodsForm, type ScoredWithPeriods } from '../../src/taskpane/periods';
import { NOVEMBER, NOVEMBER_FROZEN, OCTOBER, tableRows, type Row } from '../periods/fixtures';
import { book, enSheet } from './helpers';

/** The Maoming scheme with grades that fit additive R + F + M (as the command-line tests use it). */
const SCHEME: Scheme = { ...preset('maoming'), grades: parseGradesText('A:12,B:9,C:6,D') };

function periodBook(sheets: Record<string, (string | number | null)[][]>): MemoryExcel {
  const mem = book({ sheets: Object.fromEntries(Object.keys(sheets).map((name) => [name, []])) });
  for (const [name, rows] of Object.entries(sheets)) mem.workbook.sheet(name).setValues('A1', rows);
  return mem;
}

interface PaneRun extends ScoredWithPeriods {
  write: WriteResult;
}

/** The pane's run (usePane): score with the period options, plan, write with the run record. */
async function paneRun(
  mem: MemoryExcel,
  sheet: string,
  o: { form?: Partial<PeriodsForm>; lang?: Lang; scheme?: Scheme; target?: WriteTarget; output?: 'values' | 'formulas' } = {},
): Promise<PaneRun> {
  const lang = o.lang ?? 'en';
  await mem.workbook.select(sheet, mem.workbook.usedRange(sheet)!);
  const table = await currentTable(mem.Excel);
  const s = await scoreWithPeriods(mem.Excel, {
    table,
    layout: {},
    scheme: o.scheme ?? SCHEME,
    lang,
    insight: () => undefined,
    form: { ...DEFAULT_PERIODS, ...o.form },
  });
  const run = runSheetsOf(s, 'test');
  if (o.output === 'formulas') {
    const plan = await planFormulaWrite(mem.Excel, table, s.scored);
    const write = await writeFormulas(mem.Excel, table, s.scored, plan, o.target ?? 'here', s.scheme, lang, undefined, { run });
    return { ...s, write };
  }
  const plan = await planWrite(mem.Excel, table, s.scored);
  const write = await writeOutput(mem.Excel, table, s.scored, plan, o.target ?? 'here', lang, undefined, { run });
  return { ...s, write };
}

function sheetRows(mem: MemoryExcel, sheet: string): CellValue[][] {
  const used = mem.workbook.usedRange(sheet);
  return used ? mem.workbook.sheet(sheet).getValues(`A1:${used.split(':')[1] ?? used}`) : [];
}

function recordOn(mem: MemoryExcel, sheet: string) {
  const reading = readRunRecord(sheetRows(mem, sheet));
  if (!reading.ok) throw new Error(`no record on ${sheet}: ${JSON.stringify(reading)}`);
  return reading.record;
}

/** The values of an Excel table the write added, header first. */
function tableValues(mem: MemoryExcel, name: string): CellValue[][] {
  const info = mem.workbook.tables().find((x) => x.name === name);
  if (!info) throw new Error(`no table ${name}`);
  return mem.workbook.sheet(info.sheet).getValues(info.address);
}

function snapshot(mem: MemoryExcel): string {
  return JSON.stringify([
    mem.workbook.sheetNames(),
    mem.workbook.sheetNames().map((n) => sheetRows(mem, n)),
    mem.workbook.tables(),
    mem.workbook.sheetNames().map((n) => mem.workbook.conditionalFormats(n)),
  ]);
}

/** Runs that must be refused: the error, and nothing written (no write request at all). */
async function refused(mem: MemoryExcel, sheet: string, o: Parameters<typeof paneRun>[2], error: object): Promise<void> {
  const before = snapshot(mem);
  const mark = mem.log.syncs.length;
  await expect(paneRun(mem, sheet, o)).rejects.toMatchObject(error);
  expect(snapshot(mem)).toBe(before);
  // only loads were sent: no write, add, clear or format request at all
  expect(mem.log.syncs.slice(mark).flatMap((s) => s.actions.filter((a) => !a.includes('.load(')))).toEqual([]);
}

describe('the parameters sheet of a pane run', () => {
  test('value mode: one sheet per scored sheet, readable by a person and by readRunRecord (same scheme and cuts)', async () => {
    const mem = periodBook({ Oct: tableRows(OCTOBER) });
    const run = await paneRun(mem, 'Oct');
    expect(run.write.paramSheet).toBe('RFM parameters');
    const ps = mem.workbook.sheet('RFM parameters');
    expect(ps.getValues('A1:B3')).toEqual([
      [t('en', 'formula.title'), ''],
      [t('en', 'period.note', { sheet: 'Oct' }), ''],
      [t('en', 'formula.scoredSheet'), 'Oct'],
    ]);
    const record = recordOn(mem, 'RFM parameters');
    expect(record.scheme).toEqual(SCHEME);
    expect(record.scale).toEqual(scaleOf(run.scored.result, SCHEME));
    expect(record.scale.r).toEqual({
      kind: 'quintile',
      bands: [
        { score: 5, min: 2, max: 5, count: 2 },
        { score: 4, min: 9, max: 14, count: 2 },
        { score: 3, min: 20, max: 27, count: 2 },
        { score: 2, min: 35, max: 44, count: 2 },
        { score: 1, min: 54, max: 65, count: 2 },
      ],
    });
    expect(record.scale.f).toEqual({ kind: 'raw' });
    expect(record).toMatchObject({
      tool: 'add-in',
      version: 'test',
      lang: 'en',
      input: { sheet: 'Oct', range: 'A1:F11' },
      output: { sheet: 'Oct', headerRow: 0, firstDataRow: 1, lastDataRow: 10, startColumn: 6, columns: ['r', 'f', 'm', 'rfm', 'grade'] },
      layout: { header: true, columns: { r: 3, f: 4, m: 5, id: 0 }, headers: { id: '客户编号', r: '距离上一次购买的天数R(天)' } },
      counts: { rows: 10, valid: 10, invalidRows: 0, grades: [4, 2, 2, 2] },
      options: { formulas: false },
    });
    // the person's part: the cut values, each score's range of values
    const text = sheetRows(mem, 'RFM parameters').map((r) => r.join('|'));
    expect(text).toContain('R|5|2|5|2|≤ 5');
    expect(text).toContain('M|4|6000|7000|2|≥ 6000 and < 8000');
    expect(text.some((line) => line.startsWith(`${t('en', 'period.time')}|`))).toBe(true);
    expect(mem.workbook.formulaCells('RFM parameters')).toEqual([]);
    expect(mem.workbook.sheet('RFM parameters').fillOf('A1')).toBeNull();

    // a re-run replaces the sheet (same name, no copy); another scored sheet gets its own
    await paneRun(mem, 'Oct', { lang: 'zh' });
    expect(mem.workbook.sheetNames()).toEqual(['Oct', 'RFM parameters']);
    expect(recordOn(mem, 'RFM parameters').lang).toBe('zh');
    expect(mem.workbook.sheet('RFM parameters').getValue('A1')).toBe(t('zh', 'formula.title'));
    mem.workbook.addSheet('Nov', tableRows(NOVEMBER));
    const nov = await paneRun(mem, 'Nov', { lang: 'zh' });
    expect(nov.write.paramSheet).toBe('RFM参数');
    expect(recordOn(mem, 'RFM参数').output.sheet).toBe('Nov');
    expect(mem.log.maxRequestBytes()).toBeLessThanOrEqual(4 * 1024 * 1024);
  });

  test('formula mode: the live block first, the run record below it, in ONE sheet; value mode then reuses it', async () => {
    const mem = periodBook({ Data: enSheet(30) });
    const run = await paneRun(mem, 'Data', { scheme: defaultScheme(), output: 'formulas' });
    expect(run.write.paramSheet).toBe('RFM parameters');
    expect(mem.workbook.sheetNames()).toEqual(['Data', 'RFM parameters']);
    // the live block's formulas are still there (the output formulas read them) …
    expect(mem.workbook.formulaCells('RFM parameters').length).toBeGreaterThan(0);
    expect(mem.workbook.formulaCells('Data').some((f) => f.formula.includes("'RFM parameters'!"))).toBe(true);
    // … and the record follows: formula mode's block columns, Check and helpers included
    const record = recordOn(mem, 'RFM parameters');
    expect(record.options.formulas).toBe(true);
    expect(record.output.columns).toEqual(['r', 'f', 'm', 'rfm', 'grade', 'check', 'valueR', 'valueF', 'valueM']);
    expect(record.scheme).toEqual(defaultScheme());
    const rows = sheetRows(mem, 'RFM parameters');
    const snapshotRow = rows.findIndex((r) => r[0] === t('en', 'period.snapshot'));
    const firstFormulaRow = Math.min(...mem.workbook.formulaCells('RFM parameters').map((f) => Number(f.address.replace(/\D/g, ''))));
    expect(snapshotRow + 1).toBeGreaterThan(firstFormulaRow);

    // value mode on the same sheet: the same parameters sheet, now without the live block
    await paneRun(mem, 'Data', { scheme: defaultScheme() });
    expect(mem.workbook.sheetNames()).toEqual(['Data', 'RFM parameters']);
    expect(mem.workbook.formulaCells('RFM parameters')).toEqual([]);
    expect(recordOn(mem, 'RFM parameters').options.formulas).toBe(false);
  });

  test('a new sheet: the record names it; its R, F, M stay on the input sheet and a later comparison reads them there', async () => {
    const mem = periodBook({ Oct: tableRows(OCTOBER), Nov: tableRows(NOVEMBER) });
    const oct = await paneRun(mem, 'Oct', { target: 'newSheet' });
    expect(oct.write.sheet).toBe('RFM results');
    const record = recordOn(mem, 'RFM parameters');
    expect(record.output).toMatchObject({ sheet: 'RFM results', startColumn: 1 });
    expect(record.input.sheet).toBe('Oct');
    const nov = await paneRun(mem, 'Nov', { form: { scale: true, scaleFrom: 'RFM parameters', previous: true, previousFrom: 'RFM parameters' } });
    const fell = nov.periods!.migration!.fell.map((m) => [m.id, m.previous!.values.m, m.current!.values.m]);
    expect(fell).toEqual([
      ['K02', 8000, 2500],
      ['K03', 7000, 4500],
      ['K08', 2000, 3500],
    ]);
  });
});

test('sales records: the RFM sheet gets its parameters sheet (tool "add-in, sales records")', async () => {
  const mem = periodBook({
    Sales: [
      ['Order', 'Customer', 'Date', 'Amount'],
      ['O1', 'A', '2025-03-01', 100],
      ['O2', 'B', '2025-02-10', 200],
      ['O3', 'A', '2025-03-20', 50],
      ['O4', 'C', '2025-01-05', 80],
    ],
  });
  await mem.workbook.select('Sales', 'A1:D5');
  const table = await currentTable(mem.Excel);
  const sales = await aggregateSalesInExcel(mem.Excel, table, { header: 'yes', customer: 1, date: 2, amount: 3, order: 0 });
  const scored = scoreSales(sales, defaultScheme(), 'zh');
  const run = { ...runSheetsOf({ scored, scheme: defaultScheme() }, 'test', ADDIN_TX_TOOL), input: { sheet: 'Sales', range: table.address } };
  const write = await writeCustomerSheet(mem.Excel, sales.customers, scored, 'zh', undefined, { run });
  expect(write).toMatchObject({ sheet: 'RFM分析', paramSheet: 'RFM参数' });
  expect(mem.workbook.sheetNames()).toEqual(['Sales', 'RFM分析', 'RFM参数']);
  const record = recordOn(mem, 'RFM参数');
  expect(record).toMatchObject({
    tool: 'add-in, sales records',
    input: { sheet: 'Sales', range: 'A1:D5' },
    output: { sheet: 'RFM分析', headerRow: 0, firstDataRow: 1, lastDataRow: 3, startColumn: 5 },
    layout: { columns: { id: 0, r: 2, f: 3, m: 4 } },
    counts: { rows: 3, valid: 3 },
  });
  expect(record.scale).toEqual(scaleOf(scored.result, defaultScheme()));
});

describe('frozen scale', () => {
  test('scoring unchanged data on its own recorded scale gives exactly the recomputed scores', async () => {
    // quintiles on all three metrics with ties (F repeats every 9 rows), default scheme
    const data = enSheet(60);
    const mem = periodBook({ A: data, B: data });
    const first = await paneRun(mem, 'A', { scheme: defaultScheme() });
    const again = await paneRun(mem, 'B', { scheme: { ...defaultScheme(), weights: ['0.5', '0.25', '0.25'] }, form: { scale: true, scaleFrom: 'RFM parameters' } });
    // the earlier scheme is used, not the form's
    expect(again.scheme).toEqual(defaultScheme());
    expect(mem.workbook.sheet('B').getValues('E1:I61')).toEqual(mem.workbook.sheet('A').getValues('E1:I61'));
    expect(again.scored.result.frozen?.outside).toEqual({ r: { better: 0, worse: 0 }, f: { better: 0, worse: 0 }, m: { better: 0, worse: 0 } });
    expect(Array.from(again.scored.result.composite)).toEqual(Array.from(first.scored.result.composite));
    const record = recordOn(mem, 'RFM parameters (2)');
    expect(record.scaleFrom).toMatchObject({ sheet: 'A', time: recordOn(mem, 'RFM parameters').time });
    expect(record.scale).toEqual(recordOn(mem, 'RFM parameters').scale);
  });

  test('values beyond the earlier range take the end scores and are counted', async () => {
    const mem = periodBook({ Oct: tableRows(OCTOBER), Nov: tableRows(NOVEMBER) });
    await paneRun(mem, 'Oct');
    const nov = await paneRun(mem, 'Nov', { form: { scale: true, scaleFrom: 'RFM parameters' } });
    expect(nov.scored.result.frozen?.outside).toMatchObject({ r: { better: 1, worse: 1 }, m: { better: 1, worse: 1 } });
    expect(recordOn(mem, 'RFM parameters (2)').outside).toMatchObject({ r: { better: 1, worse: 1 }, m: { better: 1, worse: 1 } });
  });
});

describe('compare with the previous period', () => {
  test('the hand-worked October → November migration: Change column, matrix, fell/rose/new/gone, early warning', async () => {
    const mem = periodBook({ Oct: tableRows(OCTOBER), Nov: tableRows(NOVEMBER, { period: '2025-11' }) });
    await paneRun(mem, 'Oct', { lang: 'zh' });
    const nov = await paneRun(mem, 'Nov', { lang: 'zh', form: { scale: true, scaleFrom: 'RFM参数', previous: true, previousFrom: 'RFM参数' } });
    expect(nov.write).toMatchObject({ sheet: 'Nov', address: 'G1:L12', paramSheet: 'RFM参数 (2)', migrationSheet: '等级迁移' });
    expect(mem.workbook.sheetNames()).toEqual(['Oct', 'Nov', 'RFM参数', 'RFM参数 (2)', '等级迁移']);

    // the Change column next to the grade, for every customer as worked out by hand
    const sheet = mem.workbook.sheet('Nov').getValues('A1:L12');
    expect(sheet[0].slice(6)).toEqual(['R得分', 'F得分', 'M得分', 'RFM得分', '客户等级', '等级变化']);
    for (const row of sheet.slice(1)) expect([row[0], row.slice(6)]).toEqual([row[0], NOVEMBER_FROZEN[row[0] as string]]);

    // the matrix: rows the October grade (+ new), columns the November grade (+ gone)
    expect(tableValues(mem, 'RFM_Migration_Counts')).toEqual([
      ['上期 \\ 本期', 'A', 'B', 'C', 'D', '流失', '合计'],
      ['A', 2, 1, 1, 0, 0, 4],
      ['B', 1, 1, 0, 0, 0, 2],
      ['C', 0, 0, 0, 1, 1, 2],
      ['D', 0, 0, 1, 1, 0, 2],
      ['新增客户', 1, 0, 0, 1, 0, 2],
      ['合计', 4, 2, 2, 3, 1, 12],
    ]);
    const shares = tableValues(mem, 'RFM_Migration_Shares');
    expect(shares[1]).toEqual(['A', 0.5, 0.25, 0.25, 0, 0]);
    // early warning: K02 (A→C, M 8000) and K03 (A→B, 7000) first, then K08 (C→D)
    const warning = tableValues(mem, 'RFM_Early_Warning');
    expect(warning.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      [1, 'K02', 'A→C'],
      [1, 'K03', 'A→B'],
      [2, 'K08', 'C→D'],
    ]);
    // fell, with both periods' RFM score and R, F, M side by side
    expect(tableValues(mem, 'RFM_Fell').slice(1)).toEqual([
      ['K02', 'A→C', 15, 6, 5, 40, 5, 2, 8000, 2500],
      ['K03', 'A→B', 12, 9, 9, 9, 4, 2, 7000, 4500],
      ['K08', 'C→D', 6, 5, 44, 50, 2, 2, 2000, 3500],
    ]);
    // rose one grade each: larger current M first
    expect(tableValues(mem, 'RFM_Rose').slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['K05', 'B→A'],
      ['K09', 'D→C'],
    ]);
    expect(tableValues(mem, 'RFM_New').slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['K11', 'A'],
      ['K12', 'D'],
    ]);
    expect(tableValues(mem, 'RFM_Gone').slice(1)).toEqual([['K07', 'C', 6, 35, 2, 3000]]);
    const lines = mem.workbook.sheet('等级迁移').getValues('A1:A4').map((r) => r[0]);
    expect(lines[0]).toBe(t('zh', 'period.sheetTitle'));
    expect(lines[3]).toBe(t('zh', 'panePeriod.scaleSame'));
    expect(mem.workbook.conditionalFormats('等级迁移').map((c) => c.type)).toEqual(['ColorScale', 'ColorScale']);

    // the record says which scale and which previous period
    const record = recordOn(mem, 'RFM参数 (2)');
    expect(record.output.columns).toEqual(['r', 'f', 'm', 'rfm', 'grade', 'change']);
    expect(record.previous).toMatchObject({ sheet: 'Oct' });
    expect(record.scaleFrom).toMatchObject({ sheet: 'Oct' });

    // a re-run on November (same choices) replaces its block and its parameters sheet; a new migration sheet
    await paneRun(mem, 'Nov', { lang: 'zh', form: { scale: true, scaleFrom: 'RFM参数', previous: true, previousFrom: 'RFM参数' } });
    expect(mem.workbook.sheetNames()).toEqual(['Oct', 'Nov', 'RFM参数', 'RFM参数 (2)', '等级迁移', '等级迁移 (2)']);
    expect(mem.workbook.sheet('Nov').getValues('A1:M12')).toEqual(sheet.map((r) => [...r, '']));
  });

  test('compared on its own scale: the sheet says a change may come from the shifted cut-offs', async () => {
    const mem = periodBook({ Oct: tableRows(OCTOBER), Nov: tableRows(NOVEMBER) });
    await paneRun(mem, 'Oct');
    const nov = await paneRun(mem, 'Nov', { form: { previous: true, previousFrom: 'RFM parameters' } });
    expect(nov.periods?.scaleRun).toBeUndefined();
    expect(mem.workbook.sheet('Migration').getValue('A4')).toBe(t('en', 'panePeriod.scaleDiffers'));
    expect(mem.workbook.sheet('Nov').getValue('L1')).toBe('Change');
  });

  test('a duplicated ID in either period is refused with its cells; nothing is written', async () => {
    const dupNov: Row[] = [...NOVEMBER, ['K03', 5, 1, 100]];
    const mem = periodBook({ Oct: tableRows(OCTOBER), Nov: tableRows(dupNov) });
    await paneRun(mem, 'Oct');
    const form = { scale: true, scaleFrom: 'RFM parameters', previous: true, previousFrom: 'RFM parameters' };
    await refused(mem, 'Nov', { form }, { key: 'period.duplicateIds', vars: { where: 'sheet “Nov”', id: 'K03', cells: 'A5, A13' } });

    // in the previous period
    const mem2 = periodBook({ Oct: tableRows([...OCTOBER, ['K05', 70, 1, 300]]), Nov: tableRows(NOVEMBER) });
    await paneRun(mem2, 'Oct');
    await refused(mem2, 'Nov', { form }, { key: 'period.duplicateIds', vars: { where: 'sheet “Oct”', id: 'K05', cells: 'A6, A12' } });
  });

  test('a previous sheet without a readable parameters sheet is refused, naming the sheet and cell; nothing is written', async () => {
    const mem = periodBook({ Oct: tableRows(OCTOBER), Nov: tableRows(NOVEMBER) });
    await paneRun(mem, 'Oct');
    const form = { previous: true, previousFrom: 'RFM parameters' };
    // the record's scheme edited by hand
    const rows = sheetRows(mem, 'RFM parameters');
    const at = rows.findIndex((r) => r[0] === 'rfm.scheme');
    const good = rows[at][1];
    mem.workbook.sheet('RFM parameters').setValues(`B${at + 1}`, [["'{not json"]]);
    await refused(mem, 'Nov', { form }, { key: 'panePeriod.badParams', vars: { sheet: 'RFM parameters', cell: `B${at + 1}` } });
    mem.workbook.sheet('RFM parameters').setValues(`B${at + 1}`, [[good]]);
    // the parameters sheet is gone (deleted after the pane listed it)
    mem.workbook.removeSheet('RFM parameters');
    await refused(mem, 'Nov', { form }, { key: 'panePeriod.noParams', vars: { sheet: 'RFM parameters' } });
    // a sheet that is not a parameters sheet
    await refused(mem, 'Nov', { form: { previous: true, previousFrom: 'Oct' } }, { key: 'panePeriod.noParams', vars: { sheet: 'Oct' } });
    // nothing chosen
    await refused(mem, 'Nov', { form: { previous: true } }, { key: 'panePeriod.choosePrevious' });
  });

  test('no ID column in the previous period, other columns, the same sheet, other grades: refused, nothing written', async () => {
    const noId = ['Kunde', ...tableRows(OCTOBER)[0].slice(1)] as string[];
    const mem = periodBook({ Oct: tableRows(OCTOBER, { headers: noId }), Nov: tableRows(NOVEMBER) });
    await paneRun(mem, 'Oct');
    expect(recordOn(mem, 'RFM parameters').layout.columns.id).toBeUndefined();
    const form = { previous: true, previousFrom: 'RFM parameters' };
    await refused(mem, 'Nov', { form }, { key: 'panePeriod.noIdColumn', vars: { where: 'sheet “Oct”', header: '客户编号', row: 1 } });

    const other = [...tableRows(OCTOBER)[0]] as string[];
    other[5] = '消费金额M(元)';
    const mem2 = periodBook({ Oct: tableRows(OCTOBER), Nov: tableRows(NOVEMBER, { headers: other }) });
    await paneRun(mem2, 'Oct');
    await refused(mem2, 'Nov', { form }, {
      key: 'panePeriod.mappingDiffers',
      vars: { role: 'M', previousWhere: 'sheet “Oct”', previous: 'F1 "最近一段时间购买金额M(元)"', currentWhere: 'sheet “Nov”', current: 'F1 "消费金额M(元)"' },
    });
    // the previous period is the sheet being scored
    await refused(mem2, 'Oct', { form }, { key: 'panePeriod.prevSameSheet', vars: { sheet: 'Oct' } });
    // other grade labels (without the earlier scale, which would bring them)
    const mem3 = periodBook({ Oct: tableRows(OCTOBER), Nov: tableRows(NOVEMBER) });
    await paneRun(mem3, 'Oct');
    await refused(mem3, 'Nov', { form, scheme: { ...SCHEME, grades: parseGradesText('Gold:12,Silver:9,Bronze:6,Other') } }, { key: 'panePeriod.gradesDiffer' });
    // the previous sheet changed since it was scored
    mem3.workbook.sheet('Oct').setValues('K1', [['Class']]);
    await refused(mem3, 'Nov', { form }, { key: 'panePeriod.prevChanged', vars: { cell: 'K1', expected: 'Grade', found: 'Class' } });
    // live formulas rank live
    await expect(paneRun(mem3, 'Nov', { form: { scale: true, scaleFrom: 'RFM parameters' }, output: 'formulas' })).rejects.toMatchObject({ key: 'panePeriod.formulas' });
  });
});

test('a large comparison: the migration sheet goes in pieces, every request within 4 MB', async () => {
  const n = 80_000;
  const before = enSheet(n);
  // every customer's M halves and R doubles: most of them fall, and the lists are long
  const after = before.map((r, i) => (i === 0 ? r : [r[0], (r[1] as number) * 2 + 1, r[2], Math.floor((r[3] as number) / 2)]));
  const mem = periodBook({ A: before, B: after });
  await paneRun(mem, 'A', { scheme: defaultScheme() });
  const mark = mem.log.syncs.length;
  const run = await paneRun(mem, 'B', { scheme: defaultScheme(), form: { scale: true, scaleFrom: 'RFM parameters', previous: true, previousFrom: 'RFM parameters' } });
  expect(run.periods!.migration!.fell.length).toBeGreaterThan(10_000);
  const syncs = mem.log.syncs.slice(mark);
  expect(syncs.every((x) => x.error === undefined)).toBe(true);
  expect(Math.max(...syncs.map((x) => x.requestBytes))).toBeLessThanOrEqual(4 * 1024 * 1024);
  expect(Math.max(...syncs.map((x) => x.responseBytes))).toBeLessThanOrEqual(4 * 1024 * 1024);
  // the output block, then the lists of ~55,000 customers in more than one request
  expect(syncs.filter((x) => x.requestBytes > 1024 * 1024).length).toBeGreaterThan(2);
  const fell = tableValues(mem, 'RFM_Fell');
  expect(fell).toHaveLength(run.periods!.migration!.fell.length + 1);
  expect(fell[fell.length - 1][0]).toBe(run.periods!.migration!.fell[run.periods!.migration!.fell.length - 1].id);
}, 120_000);

describe('settings of the newer pane options', () => {
  const BASE: SavedSettings = { version: 1, lang: 'en', preset: 'custom', scheme: defaultScheme(), layout: { header: 'yes', r: 1, f: 2, m: 3, id: 0 } };

  test('insight, output mode, the sales-records form and the period choices round-trip', async () => {
    const mem = book();
    const full: SavedSettings = {
      ...BASE,
      insight: { segments: true, reference: 'median', basis: 'values', followUp: true, labels: ['weekly', '', 'monthly', ''] },
      output: 'formulas',
      mode: 'transactions',
      tx: { header: true, columns: { customer: 1, date: 2, amount: 5, order: 0 }, since: '2024-03-01', asOf: '' },
      periods: { scale: true, scaleFrom: 'RFM parameters', previous: true, previousFrom: 'RFM parameters (2)' },
    };
    await saveSettings(mem.Excel, full);
    expect(await loadSettings(mem.Excel)).toEqual(full);
  });

  test('version-1 settings without them still load; a missing or odd part is defaulted or left out, not the whole', async () => {
    const mem = book();
    mem.workbook.setSetting(SETTINGS_KEY, JSON.stringify(BASE));
    expect(await loadSettings(mem.Excel)).toEqual(BASE);
    mem.workbook.setSetting(
      SETTINGS_KEY,
      JSON.stringify({
        ...BASE,
        insight: { segments: true, reference: 'mode' },
        output: 'pictures',
        mode: 42,
        tx: { columns: { customer: -1, date: 2, amount: 'F' }, since: '1.3.2024' },
        periods: 'yes',
      }),
    );
    expect(await loadSettings(mem.Excel)).toEqual({
      ...BASE,
      insight: { segments: true, reference: 'mean', basis: 'scores', followUp: false, labels: [] },
      tx: { header: true, columns: { date: 2 }, since: '', asOf: '' },
    });
  });
});

test('the engine agrees: the pane’s November on October’s scale equals scoreRows with the recorded scale', async () => {
  const mem = periodBook({ Oct: tableRows(OCTOBER), Nov: tableRows(NOVEMBER) });
  await paneRun(mem, 'Oct');
  const nov = await paneRun(mem, 'Nov', { form: { scale: true, scaleFrom: 'RFM parameters' } });
  const engine = scoreRows(tableRows(NOVEMBER), {}, SCHEME, 'en', {}, { scale: recordOn(mem, 'RFM parameters').scale });
  expect(Array.from(nov.scored.result.composite)).toEqual(Array.from(engine.result.composite));
});
