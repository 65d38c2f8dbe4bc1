/** Reading and writing back: the values equal the engine's, at the right cells, with the formats. */
import { defaultScheme, invalidAddress, METRICS, type Scheme } from '../../src/core';
import { planWrite, scoreTableInExcel, writeOutput, currentTable } from '../../src/excel';
import { book, engineOn, expected, flow } from './helpers';

/**
 * A messy Chinese sheet starting at C3: ID and name first, a note column, then R/F/M (not in the
 * first columns), with text numbers, blanks, a negative value, an error value, a boolean, a blank row.
 */
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

function messyBook() {
  const mem = book();
  mem.workbook.addSheet('会员', []);
  mem.workbook.sheet('会员').setValues('C3', MESSY);
  return mem;
}

test('written values equal the engine on the same rows (Chinese headers, R/F/M not first, messy cells)', async () => {
  const mem = messyBook();
  await mem.workbook.select('会员', 'C:H');
  const { table, scored, plan, result } = await flow(mem.Excel, { lang: 'zh' });
  expect(table).toMatchObject({ address: 'C3:H15', row: 2, column: 2 });
  expect(plan).toMatchObject({ conflict: 'none', column: 8, row: 2, rowCount: 13, address: 'I3:N15' });
  expect(result).toMatchObject({ sheet: '会员', address: 'I3:N15', rowsWritten: 11 });

  const engine = engineOn(mem, table, {}, defaultScheme(), 'zh');
  expect(scored.dataRows).toEqual(engine.dataRows);
  expect(scored.output.headers).toEqual(['R得分', 'F得分', 'M得分', 'RFM得分', '客户等级', '数据检查']);
  const sheet = mem.workbook.sheet('会员');
  const written = sheet.getValues('I3:N15');
  expect(written[0]).toEqual(engine.output.headers);
  engine.dataRows.forEach((rel, i) => {
    expect(written[rel]).toEqual(engine.output.columns.map((_, c) => expected(engine, i, c)));
  });
  // the blank customer row stays blank in the output too
  expect(written[7]).toEqual(['', '', '', '', '', '']);
  expect(sheet.getValues('O3:O15').flat().every((v) => v === '')).toBe(true);
});

test('invalid rows get the Check text; invalidAddress(…, origin) names the offending cell of the sheet', async () => {
  const mem = messyBook();
  await mem.workbook.select('会员', 'C3:H15');
  const { table, scored } = await flow(mem.Excel, { lang: 'en' });
  const sheet = mem.workbook.sheet('会员');
  const check = scored.output.columns.indexOf('check');
  expect(check).toBe(5);
  const invalid = scored.result.invalid;
  expect(invalid.map((c) => `${c.row}:${c.metric}:${c.reason}`)).toEqual([
    '3:r:empty',
    '4:f:negative',
    '5:m:error',
    '6:m:notNumber',
    '8:f:boolean',
  ]);
  for (const cell of invalid) {
    const address = invalidAddress(scored, cell.row, cell.metric, table);
    const raw = sheet.getValue(address);
    const original = MESSY[scored.dataRows[cell.row]][5 - (['m', 'f', 'r'] as const).indexOf(cell.metric)];
    expect(raw).toEqual(original === '' ? '' : original);
    // the Check cell on the same sheet row says what is wrong
    const row = Number(address.replace(/^[A-Z]+/, ''));
    expect(String(sheet.getValue(`N${row}`))).toMatch(new RegExp(`^${cell.metric.toUpperCase()} `));
    // no scores on an invalid row
    expect(sheet.getValues(`I${row}:M${row}`)).toEqual([['', '', '', '', '']]);
  }
  expect(invalidAddress(scored, 3, 'r', table)).toBe('F7');
  expect(invalidAddress(scored, 5, 'm', table)).toBe('H9');
  for (const metric of METRICS) expect(scored.layout.columns[metric]).toBe(3 + METRICS.indexOf(metric));
});

test('column choices from the pane are 0-based indexes within the table', async () => {
  const mem = book();
  // headers that detection cannot place; the pane chose the columns
  mem.workbook.addSheet('S', [
    ['id', 'a', 'b', 'c'],
    ['x1', 5, 1, 10],
    ['x2', 50, 4, 90],
    ['x3', 20, 2, 30],
  ]);
  mem.workbook.sheet('S').setValues('A1', [['id', 'a', 'b', 'c']]);
  await mem.workbook.select('S', 'A1:D4');
  const layout = { r: 1, f: 2, m: 3, header: 'yes' as const };
  const { table, scored } = await flow(mem.Excel, { layout });
  const engine = engineOn(mem, table, layout);
  expect(mem.workbook.sheet('S').getValues('E2:I4')).toEqual(
    engine.dataRows.map((_, i) => engine.output.columns.map((__, c) => expected(engine, i, c))),
  );
  expect(scored.layout.columns).toEqual({ r: 1, f: 2, m: 3 });
});

test('formats: bold headers, 0.00 on the RFM score, one fill rule per grade label', async () => {
  const mem = messyBook();
  await mem.workbook.select('会员', 'C3:H15');
  await flow(mem.Excel, { lang: 'en' });
  const sheet = mem.workbook.sheet('会员');
  expect(sheet.formatOf('I3').bold).toBe(true);
  expect(sheet.formatOf('N3').bold).toBe(true);
  expect(sheet.formatOf('I4').bold).toBe(false);
  expect(sheet.numberFormatOf('L4')).toBe('0.00');
  expect(sheet.numberFormatOf('L15')).toBe('0.00');
  expect(sheet.numberFormatOf('K4')).toBe('General');
  const rules = mem.workbook.conditionalFormats('会员');
  const byLabel = Object.fromEntries(rules.map((r) => [String(r.rule.formula1), r]));
  expect(Object.keys(byLabel).sort()).toEqual(expect.arrayContaining(['="A"', '="D"']));
  expect(rules.every((r) => r.type === 'CellValue' && r.address === 'M4:M15' && r.rule.operator === 'EqualTo')).toBe(true);
  expect(byLabel['="A"'].format.fill).toBe('#C6EFCE');
  expect(byLabel['="D"'].format.fill).toBe('#FFC7CE');
  expect(new Set(rules.map((r) => r.rule.formula1)).size).toBe(rules.length);
});

test('grade labels and text that look like formulas are written as text, never as formulas', async () => {
  const mem = book();
  const rows: unknown[][] = [['ID', 'R', 'F', 'M']];
  for (let i = 1; i <= 40; i++) rows.push([i === 1 ? '=1+1' : i === 2 ? '00123' : i === 3 ? 'TRUE' : `c${i}`, i, (i * 7) % 13, (i * 31) % 97]);
  rows.push(['bad', 'oops', 1, 1]);
  mem.workbook.addSheet('Data', rows);
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
  const { table, scored } = await flow(mem.Excel, { scheme });
  await mem.workbook.select('Data', table.address);
  const again = await flow(mem.Excel, { scheme, target: 'newSheet' });
  expect(mem.workbook.formulaCells('Data')).toEqual([]);
  expect(mem.workbook.formulaCells('RFM results')).toEqual([]);
  expect(mem.log.warnings.filter((w) => w.includes('formula'))).toEqual([]);

  const engine = engineOn(mem, { ...table, address: 'A1:D42' }, {}, scheme);
  const grades = mem.workbook.sheet('Data').getValues('I2:I42').map((r) => r[0]);
  expect(grades).toEqual(engine.dataRows.map((_, i) => expected(engine, i, 4)));
  expect(new Set(grades)).toEqual(new Set(['=TOP', '+good', '-meh', '@"low"', '']));
  const rules = mem.workbook.conditionalFormats('Data').map((r) => r.rule.formula1);
  expect(rules).toEqual(expect.arrayContaining(['="=TOP"', '="@""low"""']));
  expect(scored.output.columns).toContain('check');

  // the new sheet copies the ID column as text, exactly
  const results = mem.workbook.sheet('RFM results');
  expect(again.result).toMatchObject({ sheet: 'RFM results', address: 'A1:G42' });
  expect(results.getValues('A1:A4')).toEqual([['ID'], ['=1+1'], ['00123'], ['TRUE']]);
  expect(results.getValues('B1:G1')).toEqual([['R Score', 'F Score', 'M Score', 'RFM Score', 'Grade', 'Check']]);
});

test('the new sheet keeps the source rows, the ID column and its number format', async () => {
  const mem = book();
  mem.workbook.addSheet('Src', []);
  const sheet = mem.workbook.sheet('Src');
  sheet.setValues('B3', [
    ['Name', 'Phone', 'Recency', 'Frequency', 'Monetary'],
    ['Ann', 13800138000, 5, 3, 120],
    ['Bob', 13900139000, 50, 1, 20],
    ['Cy', 13700137000, 15, 8, 400],
  ]);
  sheet.setFormat('C4:C6', { numberFormat: '0' });
  await mem.workbook.select('Src', 'B3:F6');
  const { result, scored } = await flow(mem.Excel, { layout: { id: 1 }, target: 'newSheet' });
  expect(result).toMatchObject({ sheet: 'RFM results', address: 'A3:F6', rowsWritten: 3 });
  const out = mem.workbook.sheet('RFM results');
  expect(out.getValues('A3:A6')).toEqual([['Phone'], [13800138000], [13900139000], [13700137000]]);
  expect(out.numberFormatOf('A4')).toBe('0');
  expect(out.numberFormatOf('E4')).toBe('0.00');
  expect(out.formatOf('A3').bold).toBe(true);
  expect(out.getValues('B4:F6')).toEqual(scored.dataRows.map((_, i) => scored.output.columns.map((__, c) => expected(scored, i, c))));
  // the source is untouched
  expect(mem.workbook.usedRange('Src')).toBe('B3:F6');
});

test('a table without a header row: output starts on the first data row, no header written', async () => {
  const mem = book();
  mem.workbook.addSheet('N', [
    ['a', 10, 2, 100],
    ['b', 20, 1, 50],
    ['c', 5, 6, 700],
  ]);
  await mem.workbook.select('N', 'A1:D3');
  const table = await currentTable(mem.Excel);
  const layout = { r: 1, f: 2, m: 3, header: 'no' as const };
  const scored = await scoreTableInExcel(mem.Excel, table, layout, defaultScheme(), 'en');
  const plan = await planWrite(mem.Excel, table, scored);
  expect(plan).toMatchObject({ address: 'E1:I3', conflict: 'none' });
  await writeOutput(mem.Excel, table, scored, plan, 'here', 'en');
  expect(mem.workbook.sheet('N').getValues('E1:I1')[0]).toEqual(scored.output.columns.map((_, c) => expected(scored, 0, c)));
  expect(mem.workbook.sheet('N').formatOf('E1').bold).toBe(false);
});

test('progress is reported for reading and writing, ending at the total', async () => {
  const mem = messyBook();
  await mem.workbook.select('会员', 'C3:H15');
  const table = await currentTable(mem.Excel);
  const seen: string[] = [];
  const progress = (phase: string, done: number, total: number) => seen.push(`${phase} ${done}/${total}`);
  const scored = await scoreTableInExcel(mem.Excel, table, {}, defaultScheme(), 'en', progress);
  const plan = await planWrite(mem.Excel, table, scored);
  await writeOutput(mem.Excel, table, scored, plan, 'here', 'en', progress);
  expect(seen[0]).toBe('read 0/13');
  expect(seen).toContain('read 13/13');
  expect(seen).toContain('write 0/13');
  expect(seen[seen.length - 1]).toBe('write 13/13');
});
