/**
 * The pane's formula mode (docs/formulas.md) against the in-memory workbook, which keeps formulas as text (it
 * does not evaluate them): the written formula text equals the pure writer's (formulaSheet, dialect
 * 'excel') for the same layout, the parameter sheet holds the scheme, nothing that should be text
 * became a formula, and the safety rules of value mode hold (conflicts, protection, re-runs).
 */
import {
  defaultScheme,
  formulaSheet,
  scoreRows,
  type FormulaLayout,
  type FormulaOptions,
  type Scheme,
  type ScoredSheet,
} from '../../src/core';
import {
  currentTable,
  planFormulaWrite,
  planWrite,
  scoreTableInExcel,
  writeFormulas,
  writeOutput,
  type TableRef,
  type WriteTarget,
} from '../../src/excel';
import type { MemoryExcel } from '../../src/excel/memory';
import { parseAddress } from '../../src/excel/memory';
import { columnLetter } from '../../src/core';
import type { Lang } from '../../src/i18n';
import { book, enSheet, MB4 } from './helpers';

/** A messy Chinese table at C3 (text numbers, blanks, an error value, a boolean, a blank row). */
const MESSY: unknown[][] = [
  ['会员编号', '姓名', '备注', '距离上一次购买的天数R(天)', '最近一段时间购买频次F(次)', '消费金额M(元)'],
  ['V001', '张三', '', 12, 5, 1200],
  ['V002', '李四', 'vip', ' 30 ', '3', '1,234.50'],
  ['V003', '王五', '', 200, 1, '¥300'],
  ['V004', '赵六', '', '', 2, 80],
  ['V005', '钱七', '', 45, -1, 500],
  ['V006', '孙八', '', 7, 9, '#N/A'],
  [],
  ['V007', '周九', '', 60, 4, 'abc'],
  ['V008', '吴十', '', 3, 12, '￥2,000'],
  ['V009', '郑一', '', 90, true, 150],
  ['V010', '冯二', '', 15, 6, 980.5],
  ['V011', '陈三', '', 33, 2, 75],
];

function messyBook(): MemoryExcel {
  const mem = book();
  mem.workbook.addSheet('会员', []);
  mem.workbook.sheet('会员').setValues('C3', MESSY);
  return mem;
}

interface Run {
  table: TableRef;
  scored: ScoredSheet;
  result: Awaited<ReturnType<typeof writeFormulas>>;
}

/** The pane's formula-mode flow on the current selection. */
async function formulaFlow(
  mem: MemoryExcel,
  opts: { scheme?: Scheme; lang?: Lang; target?: WriteTarget; overwrite?: boolean; scored?: (table: TableRef) => ScoredSheet } = {},
): Promise<Run> {
  const lang = opts.lang ?? 'en';
  const scheme = opts.scheme ?? defaultScheme();
  const table = await currentTable(mem.Excel);
  const scored = opts.scored ? opts.scored(table) : await scoreTableInExcel(mem.Excel, table, {}, scheme, lang);
  const plan = await planFormulaWrite(mem.Excel, table, scored);
  const result = await writeFormulas(mem.Excel, table, scored, plan, opts.target ?? 'here', scheme, lang, undefined, { overwrite: opts.overwrite });
  return { table, scored, result };
}

/** The pure writer's sheet for the same table, as written next to it (sheet positions). */
function expectedFx(run: Run, scheme: Scheme, options: FormulaOptions, startColumn: number): ReturnType<typeof formulaSheet> {
  const { table, scored } = run;
  const layout: FormulaLayout = {
    sheetName: table.sheet,
    paramSheetName: run.result.paramSheet,
    columns: { r: table.column + scored.layout.columns.r, f: table.column + scored.layout.columns.f, m: table.column + scored.layout.columns.m },
    dataRows: scored.dataRows.map((rel) => table.row + rel),
    startColumn,
  };
  return formulaSheet(scheme, layout, { ...options, dialect: 'excel' });
}

const cell = (column: number, row: number) => `${columnLetter(column)}${row + 1}`;

test('the formulas written are the pure writer’s (dialect excel, no _xlfn.), and only they are formulas', async () => {
  const mem = messyBook();
  await mem.workbook.select('会员', 'C:H');
  const run = await formulaFlow(mem, { lang: 'zh' });
  const { table, scored, result } = run;
  expect(table).toMatchObject({ address: 'C3:H15', row: 2, column: 2 });
  // outputs R…Grade, Check, three helpers: I3:Q15
  expect(result).toMatchObject({ sheet: '会员', address: 'I3:Q15', rowsWritten: 11, paramSheet: 'RFM参数' });

  const fx = expectedFx(run, defaultScheme(), { lang: 'zh' }, 8);
  const sheet = mem.workbook.sheet('会员');
  const expectedCells = new Map<string, string>();
  scored.dataRows.forEach((rel, i) => {
    fx.columns.forEach((_, c) => expectedCells.set(cell(8 + c, table.row + rel), `=${fx.formula(i, c)}`));
  });
  expect(expectedCells.size).toBe(11 * 9);
  for (const [address, formula] of expectedCells) expect(sheet.getFormula(address)).toBe(formula);
  // exactly these cells are formulas: headers, IDs, the blank row and the user's data are not
  const formulas = mem.workbook.formulaCells('会员');
  expect(new Map(formulas.map((f) => [f.address, f.formula]))).toEqual(expectedCells);
  expect(formulas.some((f) => f.formula.includes('_xlfn.'))).toBe(false);
  expect(formulas.some((f) => /RANK\.AVG\(|NUMBERVALUE\(/.test(f.formula))).toBe(true);
  expect(mem.log.warnings.filter((w) => w.includes('formula'))).toEqual([]);
  // the memory workbook does not calculate: the value of a formula cell is its text
  expect(sheet.getValue('I4')).toBe(`=${fx.formula(0, 0)}`);
  expect(sheet.getValues('I3:Q3')[0]).toEqual(fx.headers);
  expect(fx.headers).toEqual(['R得分', 'F得分', 'M得分', 'RFM得分', '客户等级', '数据检查', '辅助：R值', '辅助：F值', '辅助：M值']);
  expect(sheet.getValues('I10:Q10')[0]).toEqual(Array(9).fill('')); // the blank row
  expect(sheet.getValues('C3:H15')).toEqual(MESSY.map((r) => (r.length ? r : Array(6).fill(''))));

  // formats: General, 0.00 on the RFM score, bold headers, italic helper headers
  expect(sheet.numberFormatOf('L4')).toBe('0.00');
  expect(sheet.numberFormatOf('I4')).toBe('General');
  expect(sheet.formatOf('I3')).toMatchObject({ bold: true, italic: false });
  expect(sheet.formatOf('O3')).toMatchObject({ bold: true, italic: true });
  expect(sheet.formatOf('Q3')).toMatchObject({ bold: true, italic: true });
  // grade fills compare with the labels on the parameter sheet (relabelling keeps the colour)
  const rules = mem.workbook.conditionalFormats('会员');
  expect(rules.map((r) => r.address)).toEqual(Array(4).fill('M4:M15'));
  expect(rules.map((r) => String(r.rule.formula1)).sort()).toEqual(["='RFM参数'!$A$20", "='RFM参数'!$A$21", "='RFM参数'!$A$22", "='RFM参数'!$A$23"]);
  expect(mem.workbook.sheet('RFM参数').getValues('A20:A23').map((r) => r[0])).toEqual(['A', 'B', 'C', 'D']);
  expect(mem.workbook.application().calculationMode).toBe('Automatic');
});

test('the parameter sheet holds the writer’s cells: scheme values as constants, computed cells as formulas', async () => {
  const mem = messyBook();
  await mem.workbook.select('会员', 'C3:H15');
  const run = await formulaFlow(mem);
  const fx = expectedFx(run, defaultScheme(), { lang: 'en' }, 8);
  expect(run.result.paramSheet).toBe('RFM parameters');
  const ps = mem.workbook.sheet('RFM parameters');
  const formulaCells = new Map(mem.workbook.formulaCells('RFM parameters').map((f) => [f.address, f.formula]));
  const wanted = new Map<string, string>();
  for (const p of fx.params) {
    const address = cell(p.column, p.row);
    if (p.formula !== undefined) wanted.set(address, `=${p.formula}`);
    else expect(ps.getValue(address)).toBe(p.value);
  }
  expect(formulaCells).toEqual(wanted);
  expect([...wanted.values()]).toContain("=COUNT('会员'!$O$4:$O$15)"); // n: the R helper column
  // inputs yellow, computed grey, the title bold
  const input = fx.params.find((p) => p.role === 'input')!;
  const computed = fx.params.find((p) => p.role === 'computed')!;
  expect(ps.fillOf(cell(input.column, input.row))).toBe('#FFF2CC');
  expect(ps.fillOf(cell(computed.column, computed.row))).toBe('#F2F2F2');
  expect(ps.formatOf('A1').bold).toBe(true);
  expect(ps.getValue('B3')).toBe('会员');
});

test('labels that look like formulas stay text; a new sheet copies the ID and R, F, M as values', async () => {
  const mem = book();
  const rows: unknown[][] = [['ID', 'R', 'F', 'M']];
  for (let i = 1; i <= 30; i++) rows.push([i === 1 ? '=1+1' : i === 2 ? '00123' : i === 3 ? '-x' : `c${i}`, i, (i * 7) % 13, i === 4 ? ' 1,234.50 ' : (i * 31) % 97]);
  rows.push(['bad', 'oops', 1, '#N/A']);
  mem.workbook.addSheet('Data', rows);
  mem.workbook.sheet('Data').setValues('F5', [['in the way']]);
  const scheme: Scheme = {
    ...defaultScheme(),
    grades: [
      { label: '=TOP', min: '4' },
      { label: '+good', min: '3' },
      { label: '-meh', min: '2' },
      { label: '@"low"', min: null },
    ],
  };
  await mem.workbook.select('Data', 'A:D');
  const table = await currentTable(mem.Excel);
  const scored = await scoreTableInExcel(mem.Excel, table, {}, scheme, 'en');
  const plan = await planFormulaWrite(mem.Excel, table, scored);
  expect(plan).toMatchObject({ conflict: 'user', conflictCell: 'F5', address: 'E1:M32' });
  const result = await writeFormulas(mem.Excel, table, scored, plan, 'newSheet', scheme, 'en');
  expect(result).toMatchObject({ sheet: 'RFM results', address: 'A1:M32', paramSheet: 'RFM parameters', rowsWritten: 31 });

  // the user's sheet is untouched
  expect(mem.workbook.formulaCells('Data')).toEqual([]);
  expect(mem.workbook.sheet('Data').getValue('F5')).toBe('in the way');
  // the new sheet: ID and R, F, M copied as values (text stays text), the formulas read those copies
  const out = mem.workbook.sheet('RFM results');
  expect(out.getValues('A1:D5')).toEqual(rows.slice(0, 5));
  expect(out.getValue('A32')).toBe('bad');
  expect(out.getValue('D32')).toBe('#N/A');
  const fx = formulaSheet(
    scheme,
    { sheetName: 'RFM results', paramSheetName: 'RFM parameters', columns: { r: 1, f: 2, m: 3 }, dataRows: scored.dataRows, startColumn: 4 },
    { lang: 'en', dialect: 'excel' },
  );
  expect(out.getValues('E1:M1')[0]).toEqual(fx.headers);
  const formulas = new Map(mem.workbook.formulaCells('RFM results').map((f) => [f.address, f.formula]));
  expect(formulas.size).toBe(31 * 9);
  scored.dataRows.forEach((row, i) => fx.columns.forEach((_, c) => expect(formulas.get(cell(4 + c, row))).toBe(`=${fx.formula(i, c)}`)));
  expect(formulas.get('K2')).toMatch(/^=IF\(\$J2<>"","",IF\(ISNUMBER\(\$B2\),\$B2,/); // the R helper reads the copy in B
  // grade labels on the parameter sheet are text, not formulas
  const ps = mem.workbook.sheet('RFM parameters');
  expect(ps.getValues('A20:A23').map((r) => r[0])).toEqual(['=TOP', '+good', '-meh', '@"low"']);
  const paramFormulas = mem.workbook.formulaCells('RFM parameters').map((f) => f.address);
  expect(paramFormulas).not.toEqual(expect.arrayContaining(['A20']));
  expect(paramFormulas.every((a) => fx.params.some((p) => p.formula !== undefined && cell(p.column, p.row) === a))).toBe(true);
  expect(mem.log.warnings.filter((w) => w.includes('formula'))).toEqual([]);
});

test('same safety as value mode: the user’s cells need a yes, protected sheets are refused, nothing written', async () => {
  const mem = book();
  mem.workbook.addSheet('Data', enSheet(20));
  // beyond value mode's 5 columns but inside formula mode's 9: only formula mode is in conflict
  mem.workbook.sheet('Data').setValues('K6', [['my note']]);
  await mem.workbook.select('Data', 'A1:D21');
  const table = await currentTable(mem.Excel);
  const scored = await scoreTableInExcel(mem.Excel, table, {}, defaultScheme(), 'en');
  expect(await planWrite(mem.Excel, table, scored)).toMatchObject({ conflict: 'none', address: 'E1:I21' });
  const plan = await planFormulaWrite(mem.Excel, table, scored);
  expect(plan).toMatchObject({ conflict: 'user', conflictCell: 'K6', address: 'E1:M21' });

  const snapshot = () => JSON.stringify([mem.workbook.sheetNames(), mem.workbook.sheet('Data').getValues('A1:Z30'), mem.workbook.formulaCells('Data')]);
  const before = snapshot();
  const marks = mem.log.syncs.length;
  await expect(writeFormulas(mem.Excel, table, scored, plan, 'here', defaultScheme(), 'en')).rejects.toMatchObject({ key: 'excel.conflict', vars: { cell: 'K6' } });
  expect(snapshot()).toBe(before);
  expect(mem.log.syncs.length).toBe(marks);

  mem.workbook.sheet('Data').protect();
  const protectedPlan = await planFormulaWrite(mem.Excel, table, scored);
  expect(protectedPlan.protectedSheet).toBe(true);
  await expect(writeFormulas(mem.Excel, table, scored, protectedPlan, 'here', defaultScheme(), 'en', undefined, { overwrite: true })).rejects.toMatchObject({
    key: 'excel.protected',
  });
  expect(snapshot()).toBe(before);
  mem.workbook.sheet('Data').unprotect();

  const written = await writeFormulas(mem.Excel, table, scored, plan, 'here', defaultScheme(), 'en', undefined, { overwrite: true });
  expect(written.address).toBe('E1:M21');
  expect(mem.workbook.sheet('Data').getFormula('K6')).toMatch(/^=IF\(\$J6<>"",""/); // the R helper
});

test('re-runs: values → formulas → formulas → values replace the block; the parameter sheet is reused', async () => {
  const mem = messyBook();
  await mem.workbook.select('会员', 'C3:H15');
  // value mode first (with Check: I…N)
  const table = await currentTable(mem.Excel);
  const scored = await scoreTableInExcel(mem.Excel, table, {}, defaultScheme(), 'en');
  await writeOutput(mem.Excel, table, scored, await planWrite(mem.Excel, table, scored), 'here', 'en');
  expect(mem.workbook.usedRange('会员')).toBe('C3:N15');

  // formula mode over it: recognised as this product's block (no question), wider
  const plan = await planFormulaWrite(mem.Excel, table, scored);
  expect(plan).toMatchObject({ conflict: 'own', ownColumns: 6, address: 'I3:Q15' });
  const first = await writeFormulas(mem.Excel, table, scored, plan, 'here', defaultScheme(), 'en');
  expect(first.paramSheet).toBe('RFM parameters');

  // again, in Chinese, with another scheme: same block, same parameter sheet (reused, rewritten)
  const scheme: Scheme = { ...defaultScheme(), weights: ['0.2', '0.3', '0.5'] };
  const again = await planFormulaWrite(mem.Excel, table, scored);
  expect(again).toMatchObject({ conflict: 'own', ownColumns: 9, address: 'I3:Q15' });
  const second = await writeFormulas(mem.Excel, table, scored, again, 'here', scheme, 'zh');
  expect(second.paramSheet).toBe('RFM parameters');
  expect(mem.workbook.sheetNames().filter((n) => n.startsWith('RFM'))).toEqual(['RFM parameters']);
  expect(mem.workbook.sheet('RFM parameters').getValue('A1')).toBe('RFM评分参数');
  expect(mem.workbook.sheet('RFM parameters').getValues('B7:D7')[0]).toEqual([0.2, 0.3, 0.5]);
  expect(mem.workbook.sheet('会员').getValue('I3')).toBe('R得分');
  expect(mem.workbook.conditionalFormats('会员')).toHaveLength(4);

  // value mode again: the formula block (helpers included) goes, values come back
  const valuePlan = await planWrite(mem.Excel, table, scored);
  expect(valuePlan).toMatchObject({ conflict: 'own', ownColumns: 9 });
  await writeOutput(mem.Excel, table, scored, valuePlan, 'here', 'en');
  expect(mem.workbook.formulaCells('会员')).toEqual([]);
  expect(mem.workbook.usedRange('会员')).toBe('C3:N15');
});

test('segments and follow-up: the writer’s columns and labels for the scored sheet’s options', async () => {
  const mem = book();
  mem.workbook.addSheet('Data', enSheet(40));
  await mem.workbook.select('Data', 'A1:D41');
  const insight = { segments: { reference: 'median' as const, basis: 'values' as const }, followUp: true };
  const run = await formulaFlow(mem, {
    scored: (table) => scoreRows(mem.workbook.sheet('Data').getValues(table.address), {}, defaultScheme(), 'en', insight),
  });
  expect(run.result.address).toBe('E1:O41');
  const fx = expectedFx(run, defaultScheme(), { lang: 'en', segments: insight.segments, followUp: true }, 4);
  expect(mem.workbook.sheet('Data').getValues('E1:O1')[0]).toEqual(fx.headers);
  expect(fx.headers).toContain('Segment');
  expect(fx.headers).toContain('Follow-up');
  run.scored.dataRows.forEach((row, i) =>
    fx.columns.forEach((_, c) => expect(mem.workbook.sheet('Data').getFormula(cell(4 + c, row))).toBe(`=${fx.formula(i, c)}`)),
  );
  expect(mem.workbook.formulaCells('RFM parameters').some((f) => f.formula.startsWith('=MEDIAN('))).toBe(true);
});

test('20,000 customers: formulas in chunks within 4 MB per request', async () => {
  const mem = book();
  mem.workbook.addSheet('Big', enSheet(20_000));
  await mem.workbook.select('Big', 'A:D');
  const mark = mem.log.syncs.length;
  const run = await formulaFlow(mem);
  const writes = mem.log.syncs.slice(mark).filter((s) => s.actions.includes('Range.formulas='));
  expect(writes.length).toBeGreaterThan(3);
  expect(mem.log.maxRequestBytes()).toBeLessThanOrEqual(MB4);
  expect(mem.log.maxRequestBytes()).toBeGreaterThan(MB4 / 2);
  expect(mem.log.syncs.every((s) => s.error === undefined)).toBe(true);
  const fx = expectedFx(run, defaultScheme(), { lang: 'en' }, 4);
  const last = run.scored.dataRows.length - 1;
  const lastRow = run.table.row + run.scored.dataRows[last];
  fx.columns.forEach((_, c) => expect(mem.workbook.sheet('Big').getFormula(cell(4 + c, lastRow))).toBe(`=${fx.formula(last, c)}`));
  expect(mem.workbook.formulaCells('Big')).toHaveLength(20_000 * 9);
  expect(parseAddress(run.result.address).rect).toMatchObject({ r0: 0, r1: 20_000, c0: 4, c1: 12 });
});
