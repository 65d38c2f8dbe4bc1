/**
 * `rfm-score --scale-from PREVIOUS.xlsx --previous PREVIOUS.xlsx` (docs/periods.md) on two generated months
 * of a Maoming-shaped table with hand-worked moves (fixtures.ts): the frozen scale, the Change
 * column, the migration sheet, the early warning, and every bad input — exit code 2, one line
 * naming the file, sheet and cells, and no output file.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type ExcelJS from 'exceljs';
import { csvText, listDir, readXlsx, removeTempDirs, rfm, rowValues, sheet, tempDir, writeXlsx } from '../cli/helpers';
import { NOVEMBER, NOVEMBER_FROZEN, OCTOBER, SCHEME_ARGS, SHEET, tableRows, writeTable, type Row } from './fixtures';

afterAll(removeTempDirs);

interface Months {
  dir: string;
  octIn: string;
  octOut: string;
  novIn: string;
}

/** October scored (Chinese), November's input written. */
async function months(novRows: Row[] = NOVEMBER, extra?: (string | number | null)[][]): Promise<Months> {
  const dir = tempDir();
  const octIn = path.join(dir, '2025-10.xlsx');
  const octOut = path.join(dir, '2025-10-graded.xlsx');
  const novIn = path.join(dir, '2025-11.xlsx');
  await writeTable(octIn, OCTOBER);
  await writeTable(novIn, novRows, { period: '2025-11', extra });
  const res = await rfm([octIn, '--out', octOut, ...SCHEME_ARGS, '--lang', 'zh']);
  if (res.code !== 0) throw new Error(res.err.join('\n'));
  return { dir, octIn, octOut, novIn };
}

/** Rows of a block on the migration sheet: the rows under the title `title` down to the next empty row. */
function blockUnder(ws: ExcelJS.Worksheet, title: string): unknown[][] {
  let start = 0;
  ws.eachRow((row, n) => {
    if (!start && row.getCell(1).value === title) start = n + 1;
  });
  if (!start) throw new Error(`no block "${title}"`);
  const rows: unknown[][] = [];
  for (let r = start; ws.getCell(r, 1).value !== null; r++) {
    const values: unknown[] = [];
    for (let c = 1; c <= 11; c++) values.push(ws.getCell(r, c).value);
    while (values.length && values[values.length - 1] === null) values.pop();
    rows.push(values);
  }
  return rows;
}

describe('November on October’s frozen scale, compared with October', () => {
  let m: Months;
  let out: string;
  let res: Awaited<ReturnType<typeof rfm>>;
  beforeAll(async () => {
    m = await months();
    out = path.join(m.dir, '2025-11-graded.xlsx');
    res = await rfm([m.novIn, '--out', out, '--scale-from', m.octOut, '--previous', m.octOut, '--lang', 'zh']);
  });

  test('exit 0; the report says which scale, what was beyond it, and the moves', () => {
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    const where = `${m.octOut}的工作表“客户”`;
    expect(res.out).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^已沿用上期评分标准：${where.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}，评分于\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d（UTC.*）的分界值$`)),
        'R值：1位客户优于上期最好值，得5分；1位差于上期最差值，得1分',
        'M值：1位客户优于上期最好值，得5分；1位差于上期最差值，得1分',
        `与${where}对比：两期都有的客户9位，新增客户2位，流失客户1位`,
        '客户等级：4位不变，2位上升，3位下降',
        '流失预警：2位上期为A/B级的客户等级下降或流失',
        '  K02：A→C（上期M值8000）',
        '  K03：A→B（上期M值7000）',
        '已添加等级迁移工作表“等级迁移”和“等级变化”列',
        '评分记录（评分方案、所用的列、分界值、人数）在工作表“RFM参数”中',
      ]),
    );
    // Scored on the same scale: no note that the scales differ.
    expect(res.out.some((l) => l.includes('--scale-from') && l.startsWith('注意'))).toBe(false);
  });

  test('scores, grades and the Change column after the grade (SPEC.md 6 order kept)', async () => {
    const wb = await readXlsx(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET, 'RFM参数', '等级迁移']);
    const ws = sheet(wb, SHEET);
    expect(rowValues(ws, 1, 7, 12)).toEqual(['R得分', 'F得分', 'M得分', 'RFM得分', '客户等级', '等级变化']);
    NOVEMBER.forEach(([id], i) => {
      expect([id, ...rowValues(ws, i + 2, 7, 12)]).toEqual([id, ...NOVEMBER_FROZEN[id]]);
    });
  });

  test('the migration sheet: matrix counts, early warning first, fell with both periods side by side', async () => {
    const ws = sheet(await readXlsx(out), '等级迁移');
    expect(ws.getCell('A1').value).toBe('客户等级迁移');
    expect(ws.getCell('A4').value).toBe('两期都按上期的分界值评分（--scale-from）：等级变化来自客户本身。');
    expect(blockUnder(ws, '等级迁移：客户数（行：上期等级，列：本期等级）')).toEqual([
      ['上期 \\ 本期', 'A', 'B', 'C', 'D', '流失', '合计'],
      ['A', 2, 1, 1, 0, 0, 4],
      ['B', 1, 1, 0, 0, 0, 2],
      ['C', 0, 0, 0, 1, 1, 2],
      ['D', 0, 0, 1, 1, 0, 2],
      ['新增客户', 1, 0, 0, 1, 0, 2],
      ['合计', 4, 2, 2, 3, 1, 12],
    ]);
    const warning = blockUnder(ws, '流失预警：优先级1为上期A/B级、等级下降或流失的客户，优先级2为其他等级下降的客户；按上期M值从高到低排列');
    expect(warning).toEqual([
      ['优先级', '客户', '等级变化', '上期RFM得分', 'RFM得分', '上期R', 'R', '上期F', 'F', '上期M', 'M'],
      [1, 'K02', 'A→C', 15, 6, 5, 40, 5, 2, 8000, 2500],
      [1, 'K03', 'A→B', 12, 9, 9, 9, 4, 2, 7000, 4500],
      [2, 'K08', 'C→D', 6, 5, 44, 50, 2, 2, 2000, 3500],
    ]);
    expect(blockUnder(ws, '等级上升（升级多的在前）').map((r) => r.slice(0, 2))).toEqual([
      ['客户', '等级变化'],
      ['K05', 'B→A'],
      ['K09', 'D→C'],
    ]);
    expect(blockUnder(ws, '新增客户名单（本期新出现）').slice(1)).toEqual([
      ['K11', 'A', 17, 1, 7, 12000],
      ['K12', 'D', 2, 100, 0, 100],
    ]);
    expect(blockUnder(ws, '流失客户名单（本期未出现）').slice(1)).toEqual([['K07', 'C', 6, 35, 2, 3000]]);
  });

  test('the new parameters sheet records the frozen scale, where it came from, and the previous period', async () => {
    const { readRunRecord } = await import('../../src/core');
    const { sheetRows } = await import('../../src/cli/xlsxFile');
    const now = readRunRecord(sheetRows(sheet(await readXlsx(out), 'RFM参数')));
    const then = readRunRecord(sheetRows(sheet(await readXlsx(m.octOut), 'RFM参数')));
    if (!now.ok || !then.ok) throw new Error('unreadable');
    expect(now.record.scheme).toEqual(then.record.scheme);
    expect(now.record.scale.r.kind === 'quintile' && now.record.scale.r.bands.map((b) => [b.min, b.max])).toEqual(
      then.record.scale.r.kind === 'quintile' && then.record.scale.r.bands.map((b) => [b.min, b.max]),
    );
    expect(now.record.scaleFrom).toEqual({ file: m.octOut, sheet: SHEET, time: then.record.time });
    expect(now.record.previous).toEqual(now.record.scaleFrom);
    expect(now.record.outside).toEqual({ r: { better: 1, worse: 1 }, f: { better: 0, worse: 0 }, m: { better: 1, worse: 1 } });
    expect(now.record.output.columns).toEqual(['r', 'f', 'm', 'rfm', 'grade', 'change']);
  });

  test('December on November’s record keeps October’s scale, and a re-run replaces the Change column', async () => {
    const dec = path.join(m.dir, '2025-12-graded.xlsx');
    const again = await rfm([out, '--out', dec, '--scale-from', out, '--previous', out]);
    expect(again.err).toEqual([]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('Replaced 6 output columns of an earlier run');
    expect(again.out).toContain('Grades: 11 unchanged, 0 rose, 0 fell');
    const wb = await readXlsx(dec);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET, '等级迁移', 'RFM参数', 'Migration']);
    const ws = sheet(wb, SHEET);
    expect(rowValues(ws, 1, 7, 13)).toEqual(['R Score', 'F Score', 'M Score', 'RFM Score', 'Grade', 'Change', null]);
    NOVEMBER.forEach(([id], i) => expect(rowValues(ws, i + 2, 7, 12)).toEqual([...NOVEMBER_FROZEN[id].slice(0, 5), `${NOVEMBER_FROZEN[id][4]}→${NOVEMBER_FROZEN[id][4]}`]));
  });
});

describe('frozen scale and recomputed scale', () => {
  test('scoring unchanged data on its own frozen scale writes exactly the recomputed output', async () => {
    const m = await months();
    const frozen = path.join(m.dir, 'frozen.xlsx');
    const res = await rfm([m.octIn, '--out', frozen, '--scale-from', m.octOut, '--lang', 'zh']);
    expect(res.code).toBe(0);
    const a = sheet(await readXlsx(m.octOut), SHEET);
    const b = sheet(await readXlsx(frozen), SHEET);
    for (let r = 1; r <= OCTOBER.length + 1; r++) expect(rowValues(b, r, 1, 12)).toEqual(rowValues(a, r, 1, 12));
  });

  test('--previous without --scale-from: compared on November’s own scale, and the report says so', async () => {
    const m = await months();
    const out = path.join(m.dir, 'own.xlsx');
    const res = await rfm([m.novIn, '--out', out, '--previous', m.octOut, ...SCHEME_ARGS]);
    expect(res.code).toBe(0);
    expect(res.out).toContain(
      `Note: this period was scored on its own scale, so some grade changes may come from the shifted cut-offs; add --scale-from ${m.octOut} to score it on the earlier scale`,
    );
    const ws = sheet(await readXlsx(out), 'Migration');
    expect(ws.getCell('A4').value).toMatch(/^This period was scored on its own scale/);
  });

  test('--scale-from from a CSV input to a CSV output works (no parameters sheet is written)', async () => {
    const m = await months();
    const csv = path.join(m.dir, 'nov.csv');
    const out = path.join(m.dir, 'nov-out.csv');
    writeFileSync(csv, csvText(tableRows(NOVEMBER, { period: '2025-11' })));
    const res = await rfm([csv, '--out', out, '--scale-from', m.octOut]);
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(listDir(m.dir)).toContain('nov-out.csv');
  });
});

describe('bad input: exit 2, one line naming the file, sheet and cells, nothing written', () => {
  async function fails(m: Months, args: string[], expected: string | RegExp): Promise<void> {
    const before = listDir(m.dir);
    const res = await rfm(args);
    expect(res.out).toEqual([]);
    expect(res.err).toHaveLength(1);
    if (typeof expected === 'string') expect(res.err[0]).toBe(`rfm-score: ${expected}`);
    else expect(res.err[0]).toMatch(expected);
    expect(res.code).toBe(2);
    expect(listDir(m.dir)).toEqual(before);
  }

  test('a previous file without a parameters sheet (the raw input)', async () => {
    const m = await months();
    const out = path.join(m.dir, 'x.xlsx');
    await fails(
      m,
      [m.novIn, '--out', out, '--previous', m.octIn],
      `--previous: ${m.octIn} has no readable RFM parameters sheet (sheets: "客户"); use a workbook written by this version of rfm-score or the add-in`,
    );
    await fails(m, [m.novIn, '--out', out, '--scale-from', path.join(m.dir, 'nope.xlsx')], `--scale-from: file not found: ${path.join(m.dir, 'nope.xlsx')}`);
  });

  test('a parameters sheet whose record was edited: the sheet and the cell', async () => {
    const m = await months();
    const spoiled = path.join(m.dir, 'spoiled.xlsx');
    const wb = await readXlsx(m.octOut);
    const ws = sheet(wb, 'RFM参数');
    let cell = '';
    ws.eachRow((row) => {
      if (row.getCell(1).value === 'rfm.cuts.m') {
        row.getCell(2).value = '{"kind":"quintile","bands":[{"score":9,"min":1,"max":2,"count":1}]}';
        cell = row.getCell(2).address;
      }
    });
    await wb.xlsx.writeFile(spoiled);
    await fails(
      m,
      [m.novIn, '--out', path.join(m.dir, 'x.xlsx'), '--scale-from', spoiled],
      `--scale-from: the parameters sheet "RFM参数" of ${spoiled} cannot be read at ${cell}: the M cut values do not fit the scheme: score 9 outside 1–5`,
    );
  });

  test('IDs duplicated in this period: the sheet and every cell', async () => {
    const m = await months([...NOVEMBER.slice(0, 5), ['K03', 12, 3, 3000], ...NOVEMBER.slice(5)]);
    await fails(
      m,
      [m.novIn, '--out', path.join(m.dir, 'x.xlsx'), '--previous', m.octOut],
      `Customer ID "K03" occurs more than once in sheet "客户" of ${m.novIn}: cells A5, A7. Each customer must appear once per period; remove or merge the duplicates first`,
    );
  });

  test('IDs duplicated in the previous period: its file, sheet and cells', async () => {
    const dir = tempDir();
    const dupIn = path.join(dir, 'oct-dup.xlsx');
    const dupOut = path.join(dir, 'oct-dup-graded.xlsx');
    const novIn = path.join(dir, 'nov.xlsx');
    await writeTable(dupIn, [...OCTOBER, ['K01', 80, 1, 100]]);
    await writeTable(novIn, NOVEMBER);
    expect((await rfm([dupIn, '--out', dupOut, ...SCHEME_ARGS])).code).toBe(0);
    await fails(
      { dir, octIn: dupIn, octOut: dupOut, novIn },
      [novIn, '--out', path.join(dir, 'x.xlsx'), '--previous', dupOut, '--scale-from', dupOut],
      `Customer ID "K01" occurs more than once in sheet "客户" of ${dupOut}: cells A2, A12. Each customer must appear once per period; remove or merge the duplicates first`,
    );
  });

  test('a different column mapping: both files, sheets and header cells', async () => {
    const m = await months();
    const other = path.join(m.dir, 'other.xlsx');
    await writeXlsx(other, (wb) => {
      const ws = wb.addWorksheet(SHEET);
      tableRows(NOVEMBER).forEach((r) => ws.addRow([...r, r === tableRows(NOVEMBER)[0] ? '消费金额M(元)' : 1]));
    });
    // M chosen explicitly as a different column (G, "消费金额M(元)") than October's F "最近一段时间购买金额M(元)".
    await fails(
      m,
      [other, '--out', path.join(m.dir, 'x.xlsx'), '--m', 'G', '--previous', m.octOut],
      `The M column differs between the periods: sheet "客户" of ${m.octOut} used F1 "最近一段时间购买金额M(元)", sheet "客户" of ${other} has G1 "消费金额M(元)"; ` +
        'score the same columns in both periods (--r/--f/--m/--id, or rename the header)',
    );
  });

  test('no ID column in the previous file', async () => {
    const dir = tempDir();
    const octIn = path.join(dir, 'oct.xlsx');
    const octOut = path.join(dir, 'oct-graded.xlsx');
    const novIn = path.join(dir, 'nov.xlsx');
    // October has no ID header (门店 is not an ID): its run recorded no ID column.
    await writeTable(octIn, OCTOBER, { headers: ['门店', '地区', '统计期间', '距离上一次购买的天数R(天)', '最近一段时间购买频次F(次)', '最近一段时间购买金额M(元)'] });
    await writeTable(novIn, NOVEMBER);
    expect((await rfm([octIn, '--out', octOut])).code).toBe(0);
    await fails(
      { dir, octIn, octOut, novIn },
      [novIn, '--out', path.join(dir, 'x.xlsx'), '--previous', octOut],
      `--previous: sheet "客户" of ${octOut} has no customer ID column "客户编号" (header row 1); both periods need the same ID column`,
    );
  });

  test('no ID column in this period', async () => {
    const m = await months();
    const noId = path.join(m.dir, 'noid.xlsx');
    await writeTable(noId, NOVEMBER, { headers: ['门店', '地区', '统计期间', '距离上一次购买的天数R(天)', '最近一段时间购买频次F(次)', '最近一段时间购买金额M(元)'] });
    await fails(
      m,
      [noId, '--out', path.join(m.dir, 'x.xlsx'), '--previous', m.octOut],
      'Comparing periods needs the customer ID column: add --id COL (a letter or the exact header text)',
    );
  });

  test('the previous file changed after it was scored (a column deleted)', async () => {
    const m = await months();
    const moved = path.join(m.dir, 'moved.xlsx');
    const wb = await readXlsx(m.octOut);
    sheet(wb, SHEET).spliceColumns(2, 1);
    await wb.xlsx.writeFile(moved);
    await fails(m, [m.novIn, '--out', path.join(m.dir, 'x.xlsx'), '--previous', moved], /has changed since it was scored: [A-Z]+1 reads/);
  });

  test('options that cannot go together', async () => {
    const m = await months();
    const x = path.join(m.dir, 'x.xlsx');
    await fails(m, [m.novIn, '--out', x, '--scale-from', m.octOut, '--weights', '0.2,0.3,0.5'], '--weights cannot be combined with --scale-from: the scheme comes from the earlier run\'s parameters sheet');
    await fails(m, [m.novIn, '--out', x, '--scale-from', m.octOut, '--formulas'], '--scale-from cannot be combined with --formulas: formula mode ranks live, frozen cut values and grade changes are value-mode features');
    await fails(m, [m.novIn, '--out', path.join(m.dir, 'x.csv'), '--previous', m.octOut], '--previous writes a migration sheet, so the output must be an .xlsx file');
    await fails(m, [m.novIn, '--out', x, '--previous', m.novIn.replace(/\.xlsx$/, '.csv')], /--previous: .*nov.*\.csv must be an \.xlsx workbook|--previous: file not found/);
  });
});

describe('--transactions: monthly sales records compared month over month', () => {
  test('the per-customer sheet gets a Change column and the workbook a migration sheet', async () => {
    const dir = tempDir();
    const sales = (rows: (string | number)[][]) => csvText([['Customer', 'Date', 'Amount'], ...rows]);
    const oct = path.join(dir, 'oct.csv');
    const nov = path.join(dir, 'nov.csv');
    writeFileSync(oct, sales([['C1', '2025-10-30', 900], ['C1', '2025-10-02', 100], ['C2', '2025-10-20', 500], ['C3', '2025-10-01', 50]]));
    writeFileSync(nov, sales([['C1', '2025-11-02', 90], ['C2', '2025-11-29', 800], ['C2', '2025-11-10', 300], ['C4', '2025-11-28', 70]]));
    const octOut = path.join(dir, 'oct.xlsx');
    const novOut = path.join(dir, 'nov.xlsx');
    expect((await rfm([oct, '--transactions', '--as-of', '2025-10-31', '--out', octOut])).code).toBe(0);
    const res = await rfm([nov, '--transactions', '--as-of', '2025-11-30', '--out', novOut, '--scale-from', octOut, '--previous', octOut]);
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    const wb = await readXlsx(novOut);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['RFM', 'RFM parameters', 'Migration']);
    const ws = sheet(wb, 'RFM');
    expect(ws.getCell(1, 11).value).toBe('Change');
    const changes = Object.fromEntries([2, 3, 4].map((r) => [ws.getCell(r, 1).value, ws.getCell(r, 11).value]));
    expect(changes.C4).toBe('new');
    expect(Object.keys(changes).sort()).toEqual(['C1', 'C2', 'C4']);
    expect(res.out).toContain('Compared with sheet "RFM" of ' + octOut + ': 2 customers in both periods, 1 new, 1 gone');
  });
});
