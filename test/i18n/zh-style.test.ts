/**
 * Chinese house style (docs/glossary.md): every zh-CN string of every table, the Chinese output of
 * a command-line run (stdout, stderr and the texts of every sheet it writes) and the pane's
 * assembled text, built through the same helpers the components use.
 */
import { readdirSync, readFileSync, writeFileSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { defaultScheme, describeDistribution, describeInvalid, describeWarning, outputHeader, scoreTable } from '../../src/core';
import { percent, t } from '../../src/i18n';
import { clauseSep, colon, columnWithHeader, etc, itemSep, joinList, listSep, quoted } from '../../src/i18n/format';
import { csvText, readXlsx, removeTempDirs, rfm, tempDir, writeXlsx } from '../cli/helpers';
import { allTables, templateFaults, zhFaults } from './zhStyle';

afterAll(removeTempDirs);

describe('the checker', () => {
  it.each([
    ['R值:20%', 'half-width'],
    ['（例如 A级）', 'space'],
    ['共 300位客户', 'space'],
    ['工作表"RFM"', 'straight'],
    ['按五等分评分', 'retired'],
    ['缺少键rfm.scheme', 'retired'],
    ['并列方式为first时', 'option value'],
    ['客户 ，等级', 'space'],
  ])('flags %s', (text, fault) => {
    expect(zhFaults(text).join(' | ')).toContain(fault);
  });

  it.each([
    '共300位客户，需要ExcelApi 1.9',
    '请添加 --out 输出.xlsx 或 --out 输出.csv',
    '  --ties average|min|first     并列处理方式：average（平均排名）',
    '右键单击工作表标签',
    '例如A:4,B:3,C:2,D',
  ])('accepts %s', (text) => {
    expect(zhFaults(text)).toEqual([]);
  });
});

describe('every zh-CN string', () => {
  const tables = allTables();

  it('finds the tables', () => {
    expect(tables.length).toBeGreaterThanOrEqual(11);
  });

  const entries = tables.flatMap(({ file, table }) => Object.entries(table.zh).map(([key, text]) => ({ file, key, text })));
  it.each(entries.map((e) => [`${e.file} ${e.key}`, e.text]))('%s follows the house style', (_, text) => {
    expect(templateFaults(text)).toEqual([]);
  });
});

describe('English errors', () => {
  /** Every key thrown as an RfmError/TxError anywhere in src. */
  function thrownKeys(dir: string): string[] {
    const keys = new Set<string>();
    const walk = (d: string) => {
      for (const entry of readdirSync(d, { withFileTypes: true }) as Dirent[]) {
        const p = path.join(d, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(entry.name)) {
          for (const m of readFileSync(p, 'utf8').matchAll(/new (?:RfmError|TxError)\(\s*'([\w.]+)'/g)) keys.add(m[1]);
        }
      }
    };
    walk(dir);
    return [...keys].sort();
  }
  // period.badScale is only ever shown after a colon, as the detail of period.badParams / pp.badParams
  const DETAILS = ['period.badScale'];
  const keys = thrownKeys(path.join(__dirname, '../../src')).filter((k) => !DETAILS.includes(k));
  const en = Object.assign({}, ...allTables().map(({ table }) => table.en)) as Record<string, string>;

  it('finds the thrown keys', () => {
    expect(keys.length).toBeGreaterThan(50);
  });

  it.each(keys)('%s starts with a capital letter (or a command-line flag, a number or a name)', (key) => {
    expect(en[key]).toMatch(/^(?:[A-Z]|--[a-z]|\{(?:option|metric|count|file|a)\})/);
  });
});

/** Every string cell of a workbook, except the run record's machine block (stable keys for programs). */
function sheetTexts(wb: ExcelJS.Workbook, inputSheets: readonly string[]): string[] {
  const texts: string[] = [];
  const machine = t('zh', 'period.machine');
  for (const ws of wb.worksheets) {
    if (inputSheets.includes(ws.name)) continue;
    let inMachineBlock = false;
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        const v = cell.value;
        if (v === machine) inMachineBlock = true;
        if (!inMachineBlock && typeof v === 'string') texts.push(v);
      });
    });
    texts.push(ws.name);
  }
  return texts;
}

function expectClean(texts: readonly string[]): void {
  const faults = texts.map((text) => ({ text, faults: zhFaults(text) })).filter((f) => f.faults.length);
  expect(faults).toEqual([]);
}

describe('the Chinese report of a command-line run', () => {
  const headers = ['客户编号', '地区', '距最近一次消费的天数', '消费频次', '消费金额'];
  // 12 customers, many tied F values (a ties warning), one invalid M (a Check text)
  const rows: (string | number)[][] = [
    ['K01', '上海', 3, 1, 800],
    ['K02', '上海', 15, 1, 5200],
    ['K03', '杭州', 40, 1, 150],
    ['K04', '杭州', 7, 1, 9100],
    ['K05', '北京', 200, 1, 60],
    ['K06', '北京', 25, 1, 2000],
    ['K07', '上海', 90, 1, 400],
    ['K08', '杭州', 60, 9, 3600],
    ['K09', '北京', 120, 4, 1234.5],
    ['K10', '上海', 33, 15, 7000],
    ['K11', '杭州', 12, 2, '无'],
    ['K12', '北京', 48, 3, 300],
  ];

  it('prints and writes Chinese in the house style, for a first period and a compared second one', async () => {
    const dir = tempDir();
    const p1 = path.join(dir, '上期.xlsx');
    const out1 = path.join(dir, '上期评分.xlsx');
    const out2 = path.join(dir, '本期评分.xlsx');
    await writeXlsx(p1, (wb) => wb.addWorksheet('客户').addRows([headers, ...rows]));
    const first = await rfm([p1, '--out', out1, '--lang', 'zh', '--id', 'A', '--segments', '--follow-up', '--summary', '--ties', 'first']);
    expect(first.code).toBe(0);
    const p2 = path.join(dir, '本期.csv');
    const second = rows.filter((r) => r[0] !== 'K05').map((r) => (r[0] === 'K04' ? [r[0], r[1], 300, 1, 20] : r));
    writeFileSync(p2, csvText([headers, ...second, ['K13', '上海', 2, 6, 900]]));
    const out2csv = path.join(dir, '本期评分.csv');
    const compared = await rfm([p1, '--out', out2, '--lang', 'zh', '--id', 'A', '--previous', out1, '--scale-from', out1]);
    expect(compared.code).toBe(0);
    const csvRun = await rfm([p2, '--out', out2csv, '--lang', 'zh', '--id', 'A']);
    expect(csvRun.code).toBe(0);
    const formulas = await rfm([p1, '--out', path.join(dir, '公式.xlsx'), '--lang', 'zh', '--formulas', '--segments', '--follow-up']);
    expect(formulas.code).toBe(0);

    const printed = [first, compared, csvRun, formulas].flatMap((r) => [...r.out, ...r.err]);
    expect(printed.some((l) => l.startsWith('客户等级：'))).toBe(true);
    expect(printed.some((l) => l.startsWith('警告：'))).toBe(true);
    expectClean(printed);

    const texts = [
      ...sheetTexts(await readXlsx(out1), ['客户']),
      ...sheetTexts(await readXlsx(out2), []),
      ...sheetTexts(await readXlsx(path.join(dir, '公式.xlsx')), ['客户']),
    ];
    expect(texts).toContain(t('zh', 'period.sheetName'));
    expect(texts.some((x) => x.includes('流失'))).toBe(true);
    expectClean(texts);
  });

  it('prints errors in the house style', async () => {
    const dir = tempDir();
    const input = path.join(dir, '客户.csv');
    writeFileSync(input, csvText([headers, ...rows]));
    const runs = await Promise.all([
      rfm([input, '--out', path.join(dir, 'a.xlsx'), '--lang', 'zh', '--ties', 'best']),
      rfm([input, '--out', path.join(dir, 'b.xlsx'), '--lang', 'zh', '--variant', 'sum']),
      rfm([input, '--out', path.join(dir, 'c.xlsx'), '--lang', 'zh', '--r', 'Z']),
      rfm([input, '--out', path.join(dir, 'd.xlsx'), '--lang', 'zh', '--weights', '0.5,0.5,0.5']),
      rfm([input, '--out', path.join(dir, 'e.xlsx'), '--lang', 'zh', '--previous', input]),
      rfm([path.join(dir, '没有.csv'), '--out', path.join(dir, 'f.xlsx'), '--lang', 'zh']),
      rfm([input, '--lang', 'zh']),
    ]);
    const lines = runs.flatMap((r) => r.err);
    expect(runs.every((r) => r.code === 2)).toBe(true);
    expect(lines).toHaveLength(runs.length);
    expectClean(lines);
  });

  it('prints the sales-records report in the house style', async () => {
    const dir = tempDir();
    const input = path.join(dir, '销售记录.csv');
    const sales = [
      ['订单号', '客户编号', '交易日期', '实付金额'],
      ['O1', 'C1', '2025-03-31', 100],
      ['O2', 'C1', '2025-02-10', 200],
      ['R1', 'C1', '2025-03-15', -30],
      ['O3', 'C2', '2024-02-29', 80],
      ['O4', 'C2', '2025-01-15', 40],
      ['O5', 'C3', '2024-12-31', 500],
      ['O6', 'C4', '2025-03-01', 0],
      ['O7', 'C4', '2025-03-02', 10],
      ['O8', 'C5', '2025-02-30', 10],
    ];
    writeFileSync(input, csvText(sales));
    const out = path.join(dir, 'RFM.xlsx');
    const res = await rfm([input, '--transactions', '--out', out, '--lang', 'zh', '--since', '2025-01-01', '--as-of', '2025-03-31']);
    expect(res.code).toBe(0);
    expectClean([...res.out, ...res.err]);
    expectClean(sheetTexts(await readXlsx(out), []));
  });
});

describe("the pane's assembled Chinese text", () => {
  const zh = 'zh' as const;

  it('joins lists, clauses, counts and quoted headers with the Chinese separators', () => {
    const headers = joinList(zh, [quoted('下单时间'), quoted('支付时间')]);
    expect(headers).toBe('“下单时间”、“支付时间”');
    const assembled = [
      t(zh, 'paneMode.tx.ambiguous', { role: t(zh, 'tx.role.date'), headers }),
      t(zh, 'pane.columns.ambiguous', { metric: 'R', headers }),
      t(zh, 'paneMode.tx.leftOut', { count: 12, examples: joinList(zh, ['C1', 'C2', 'C3']) + etc(zh) }),
      t(zh, 'pane.run.hint', { columns: joinList(zh, (['r', 'f', 'm', 'rfm', 'grade'] as const).map((c) => outputHeader(c, zh))) }),
      t(zh, 'paneInsight.thresholds', {
        parts: ['R ≥ 3.2', 'F ≥ 2', 'M ≥ 3'].join(listSep(zh)),
        reference: t(zh, 'paneInsight.thresholds.median'),
        basis: t(zh, 'paneInsight.thresholds.scores'),
      }),
      ['A', 'B'].map((label) => t(zh, 'paneInsight.chart.bar', { label, count: 120, share: percent(0.2) })).join(clauseSep(zh)),
      t(zh, 'paneInsight.chart.segmentBar', { label: t(zh, 'seg.importantValue'), customers: percent(0.1), m: percent(0.4) }),
      `R${colon(zh)}${['1 → 20', '2 → 30'].join(itemSep(zh))}`,
      t(zh, 'fmt.countShare', { count: 120, share: percent(0.2) }),
      t(zh, 'pane.preview.raw', { metric: 'F', parts: ['5 → 3', '4 → 2'].join(itemSep(zh)) }),
      t(zh, 'panePeriod.warningHeading', { count: 3, grades: 'A/B' }),
      t(zh, 'period.report.missingIds', { count: 2, cells: ['A5', 'A9'] }),
      t(zh, 'panePeriod.gradesDiffer', { where: t(zh, 'panePeriod.where', { sheet: '一月' }), previous: ['A', 'B', 'C'], current: ['A', 'B'] }),
      columnWithHeader(zh, 'B', '最近消费天数'),
    ];
    expect(assembled[assembled.length - 1]).toBe('B列“最近消费天数”');
    expectClean(assembled);
  });

  it('describes warnings, distributions and invalid cells in the house style', () => {
    const m = [100, 200, 300, 400, 500, 600, -5, 10];
    const columns = { r: [3, 3, 3, 3, 9, 12, 20, 30], f: [1, 1, 1, 1, 1, 2, 1, 1], m };
    const result = scoreTable(columns, { ...defaultScheme(), ties: 'first' });
    const texts = [
      ...result.warnings.map((w) => describeWarning(w, zh)),
      describeDistribution(result, 'f', zh),
      ...result.invalid.map((c) => describeInvalid(c, zh)),
    ];
    expect(texts.length).toBeGreaterThan(2);
    expectClean(texts);
  });
});
