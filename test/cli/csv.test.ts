/**
 * rfm-score on CSV files: round trip, exact appended columns, numbers stored as text, invalid rows,
 * Chinese headers (Maoming), UTF-8 BOM and GBK input.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  CUSTOMERS,
  EXPECTED,
  HEADERS_EN,
  HEADERS_ZH,
  baseRows,
  csvText,
  encodeGbk,
  listDir,
  readCsvRows,
  readXlsx,
  removeTempDirs,
  rfm,
  scoredText,
  sha256,
  tempDir,
} from './helpers';

afterAll(removeTempDirs);

describe('CSV round trip', () => {
  test('appends exactly R Score … Grade after the last column, keeps every cell, scores by hand', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'customers.csv');
    const output = path.join(dir, 'scored.csv');
    writeFileSync(input, csvText(baseRows()));
    const before = sha256(input);

    const res = await rfm([input, '--out', output]);

    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    // The whole file, byte for byte: input cells untouched, five columns appended (no Check).
    expect(readFileSync(output, 'utf8')).toBe(
      [
        'Customer ID,Region,Recency,Frequency,Monetary,R Score,F Score,M Score,RFM Score,Grade',
        'C01,North,3,12,800,5,4,2,3.5,B',
        'C02,South,15,2,5200,4,1,4,3.1,B',
        'C03,East,40,8,150,3,3,1,2.2,C',
        'C04,West,7,20,9100,5,5,5,5,A',
        'C05,North,200,1,60,1,1,1,1,D',
        'C06,South,25,5,2000,4,3,3,3.3,B',
        'C07,East,90,3,400,2,2,2,2,C',
        'C08,West,60,9,3600,2,4,4,3.4,B',
        'C09,North,120,4,1234.5,1,2,3,2.1,C',
        'C10,South,33,15,7000,3,5,5,4.4,A',
        '',
      ].join('\n'),
    );
    expect(res.out).toEqual([
      `Scored 10 of 10 customers in ${input}: R = C "Recency", F = D "Frequency", M = E "Monetary"`,
      'Grades: A 2 (20%), B 4 (40%), C 3 (30%), D 1 (10%)',
      `Wrote ${output}`,
    ]);
    expect(sha256(input)).toBe(before);
    expect(listDir(dir)).toEqual(['customers.csv', 'scored.csv']);
  });

  test('output columns go after the last used column, even past a sparse extra column', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.csv');
    const output = path.join(dir, 'out.csv');
    // A "Notes" column F with only one value, and a ragged row reaching column G.
    const rows: (string | number)[][] = baseRows().map((r, i) => [...r, i === 3 ? 'call back' : '']);
    rows[0][5] = 'Notes';
    rows[6].push('stray');
    writeFileSync(input, csvText(rows));

    const res = await rfm([input, '--out', output]);
    expect(res.code).toBe(0);
    const out = readCsvRows(output);
    expect(out[0]).toEqual(['Customer ID', 'Region', 'Recency', 'Frequency', 'Monetary', 'Notes', '', ...HEADERS_EN]);
    expect(out[3].slice(0, 7)).toEqual(['C03', 'East', '40', '8', '150', 'call back', '']);
    expect(out[6].slice(0, 7)).toEqual(['C06', 'South', '25', '5', '2000', '', 'stray']);
    CUSTOMERS.forEach((c, i) => expect(out[i + 1].slice(7)).toEqual(scoredText(EXPECTED[c.id])));
  });

  test('CSV in, xlsx out: cells become numbers, RFM Score has numFmt 0.00', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.csv');
    const output = path.join(dir, 'out.xlsx');
    writeFileSync(input, csvText(baseRows()));
    const res = await rfm([input, '--out', output]);
    expect(res.code).toBe(0);
    const wb = await readXlsx(output);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['in', 'RFM parameters']);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, 'Customer ID', 'Region', 'Recency', 'Frequency', 'Monetary', ...HEADERS_EN]);
    expect(ws.getCell('E10').value).toBe(1234.5);
    expect(ws.getCell('I2').value).toBe(3.5);
    expect(ws.getCell('I2').numFmt).toBe('0.00');
    expect(ws.getCell('J11').value).toBe('A');
  });
});

/**
 * The base table with text numbers and three invalid rows mixed in. Valid rows keep their values
 * (only spelled differently), so their scores are exactly EXPECTED: the invalid rows don't count in n.
 *   row 1 header; rows 2–4 C01–C03; row 5 X1 (M = −50); rows 6–7 C04–C05; row 8 X2 (R blank);
 *   rows 9–10 C06–C07; row 11 X3 (F = n/a, M = −1); rows 12–14 C08–C10.
 * X1's R = 14 would sit between C04 and C02 and shift every R rank if it were counted.
 */
function messyRows(): (string | number)[][] {
  const text: Record<string, Partial<Record<'r' | 'f' | 'm', string>>> = {
    C01: { f: ' 12 ' },
    C04: { m: '￥9,100' },
    C06: { m: '¥2,000' },
    C08: { m: '$3,600.00' },
    C09: { m: '1,234.50' },
  };
  const row = (id: string) => {
    const c = CUSTOMERS.find((x) => x.id === id)!;
    const t = text[id] ?? {};
    return [c.id, c.region, t.r ?? c.r, t.f ?? c.f, t.m ?? c.m];
  };
  return [
    ['Customer ID', 'Region', 'Recency', 'Frequency', 'Monetary'],
    row('C01'),
    row('C02'),
    row('C03'),
    ['X1', 'West', 14, 6, -50],
    row('C04'),
    row('C05'),
    ['X2', 'East', '', 7, 500],
    row('C06'),
    row('C07'),
    ['X3', 'North', 50, 'n/a', '-1'],
    row('C08'),
    row('C09'),
    row('C10'),
  ];
}

const VALID_ROWS: Record<number, string> = { 2: 'C01', 3: 'C02', 4: 'C03', 6: 'C04', 7: 'C05', 9: 'C06', 10: 'C07', 12: 'C08', 13: 'C09', 14: 'C10' };

describe('numbers as text and invalid rows (CSV)', () => {
  test('text numbers are scored, invalid rows get only the Check text, stdout names each cell', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'messy.csv');
    const output = path.join(dir, 'messy-scored.csv');
    const rows = messyRows();
    writeFileSync(input, csvText(rows));
    const before = sha256(input);

    const res = await rfm([input, '--out', output]);

    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(res.out).toEqual([
      `Scored 10 of 13 customers in ${input}: R = C "Recency", F = D "Frequency", M = E "Monetary"`,
      'Grades: A 2 (20%), B 4 (40%), C 3 (30%), D 1 (10%)',
      '3 rows not scored (4 invalid cells; reasons in the Check column):',
      '  E5: M is negative',
      '  C8: R is empty',
      '  D11: F is not a number',
      '  E11: M is negative',
      `Wrote ${output}`,
    ]);
    const out = readCsvRows(output);
    expect(out).toHaveLength(14);
    expect(out[0]).toEqual(['Customer ID', 'Region', 'Recency', 'Frequency', 'Monetary', ...HEADERS_EN, 'Check']);
    // Every input cell unchanged (text numbers keep their spelling); each input line is kept verbatim.
    rows.forEach((r, i) => expect(out[i].slice(0, 5)).toEqual(r.map(String)));
    const inLines = csvText(rows).split('\n');
    const outLines = readFileSync(output, 'utf8').split('\n');
    expect(outLines).toHaveLength(inLines.length);
    inLines.slice(0, -1).forEach((line, i) => expect(outLines[i].startsWith(`${line},`)).toBe(true));
    expect(outLines[13]).toBe('C10,South,33,15,7000,3,5,5,4.4,A,');
    for (const [row, id] of Object.entries(VALID_ROWS)) {
      expect(out[Number(row) - 1].slice(5)).toEqual([...scoredText(EXPECTED[id]), '']);
    }
    expect(out[4].slice(5)).toEqual(['', '', '', '', '', 'M is negative']);
    expect(out[7].slice(5)).toEqual(['', '', '', '', '', 'R is empty']);
    expect(out[10].slice(5)).toEqual(['', '', '', '', '', 'F is not a number; M is negative']);
    expect(sha256(input)).toBe(before);
    expect(listDir(dir)).toEqual(['messy-scored.csv', 'messy.csv']);
  });

  test('--lang zh: Chinese headers R得分 … 数据检查 and Chinese reasons', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'messy.csv');
    const output = path.join(dir, 'zh.csv');
    writeFileSync(input, csvText(messyRows()));

    const res = await rfm([input, '--out', output, '--lang', 'zh']);

    expect(res.code).toBe(0);
    const out = readCsvRows(output);
    expect(out[0].slice(5)).toEqual(['R得分', 'F得分', 'M得分', 'RFM得分', '客户等级', '数据检查']);
    expect(out[0].slice(5)).toEqual([...HEADERS_ZH, '数据检查']);
    expect(out[10].slice(5)).toEqual(['', '', '', '', '', 'F值不是数字；M值为负数']);
    expect(out[1].slice(5)).toEqual([...scoredText(EXPECTED.C01), '']);
    expect(res.out).toContain('  E5：M值为负数');
    expect(res.out).toContain('  C8：R值为空');
    expect(res.out).toContain('  D11：F值不是数字');
  });
});

/**
 * Maoming appraisal scheme: RFM = R score + F + M score, F score = F itself (raw, visits in 30 days),
 * R and M by quintile. Headers exactly as in the registered dataset; R/F/M are columns D/E/F.
 *
 * R ascending : 2 MM001, 3 MM010 | 5 MM004, 7 MM008 | 9 MM002, 12 MM006 | 16 MM003, 21 MM009 | 28 MM005, 45 MM007
 * M descending: 2400 MM010, 1500 MM004 | 880 MM001, 660 MM008 | 450 MM002, 300 MM006 | 210 MM009, 120 MM003 | 90 MM007, 60 MM005
 *   MM001 5+6+4 = 15 A   MM006 3+2+3 =  8 A
 *   MM002 3+3+3 =  9 A   MM007 1+1+1 =  3 B
 *   MM003 2+1+2 =  5 A   MM008 4+5+4 = 13 A
 *   MM004 4+4+5 = 13 A   MM009 2+2+2 =  6 A
 *   MM005 1+0+1 =  2 C   MM010 5+8+5 = 18 A
 * The scale runs from 1+0+1 = 2 to 5+8+5 = 18, so D (< 2) cannot occur, and 8 of 10 are A: both warned.
 */
const MAOMING_HEADER = ['客户编号', '地区', '分析时间', '距离上一次购买的天数R(天)', '最近一段时间购买频次F(次)', '最近一段时间购买金额M(元)'];
const MAOMING_ROWS: (string | number)[][] = [
  MAOMING_HEADER,
  ['MM001', '茂南区', '2025-03-31', 2, 6, 880],
  ['MM002', '电白区', '2025-03-31', 9, 3, 450],
  ['MM003', '高州市', '2025-03-31', 16, 1, 120],
  ['MM004', '化州市', '2025-03-31', 5, 4, 1500],
  ['MM005', '信宜市', '2025-03-31', 28, 0, 60],
  ['MM006', '茂南区', '2025-03-31', 12, 2, 300],
  ['MM007', '电白区', '2025-03-31', 45, 1, 90],
  ['MM008', '高州市', '2025-03-31', 7, 5, 660],
  ['MM009', '化州市', '2025-03-31', 21, 2, 210],
  ['MM010', '信宜市', '2025-03-31', 3, 8, 2400],
];
const MAOMING_EXPECTED: string[][] = [
  ['5', '6', '4', '15', 'A'],
  ['3', '3', '3', '9', 'A'],
  ['2', '1', '2', '5', 'A'],
  ['4', '4', '5', '13', 'A'],
  ['1', '0', '1', '2', 'C'],
  ['3', '2', '3', '8', 'A'],
  ['1', '1', '1', '3', 'B'],
  ['4', '5', '4', '13', 'A'],
  ['2', '2', '2', '6', 'A'],
  ['5', '8', '5', '18', 'A'],
];
const MAOMING_ARGS = ['--variant', 'additive', '--f-method', 'raw', '--lang', 'zh'];

function expectMaomingOutput(output: string, res: { out: string[] }): void {
  const out = readCsvRows(output);
  expect(out).toHaveLength(11);
  expect(out[0]).toEqual([...MAOMING_HEADER, ...HEADERS_ZH]);
  MAOMING_ROWS.slice(1).forEach((r, i) => {
    expect(out[i + 1].slice(0, 6)).toEqual(r.map(String));
    expect(out[i + 1].slice(6)).toEqual(MAOMING_EXPECTED[i]);
  });
  expect(res.out[0]).toContain('R值：D列“距离上一次购买的天数R(天)”；F值：E列“最近一段时间购买频次F(次)”；M值：F列“最近一段时间购买金额M(元)”');
  expect(res.out).toContain('客户等级：A级8位（80%），B级1位（10%），C级1位（10%），D级0位（0%）');
  expect(res.out).toContain('警告：不会出现D级客户：此方案下RFM得分的范围是2至18');
  expect(res.out).toContain('警告：80%的客户为A级：等级下限可能不适合此方案');
}

describe('Chinese headers and encodings', () => {
  test('Maoming headers in a UTF-8 BOM CSV with CRLF: BOM and line breaks kept, additive + raw F', async () => {
    const dir = tempDir();
    const input = path.join(dir, '茂名客户.csv');
    const output = path.join(dir, '茂名客户-评分.csv');
    writeFileSync(input, '\uFEFF' + csvText(MAOMING_ROWS, '\r\n'), 'utf8');
    const before = sha256(input);

    const res = await rfm([input, '--out', output, ...MAOMING_ARGS]);

    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    const bytes = readFileSync(output);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Exactly one BOM, then the header as typed; CRLF line breaks kept.
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFF客户编号,地区,分析时间,距离上一次购买的天数R(天),')).toBe(true);
    expect(text.split('\r\n')[1]).toBe('MM001,茂南区,2025-03-31,2,6,880,5,6,4,15,A');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expectMaomingOutput(output, res);
    expect(sha256(input)).toBe(before);
  });

  const gbk = encodeGbk(csvText(MAOMING_ROWS, '\r\n'));
  // GBK bytes come from inverting Node's ICU GBK decoder; a Node without ICU cannot make them.
  (gbk ? test : test.skip)('a GBK-encoded CSV (Excel on Chinese Windows) is read and written back as UTF-8 with a BOM', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'gbk.csv');
    const output = path.join(dir, 'gbk-out.csv');
    writeFileSync(input, gbk!);
    // Sanity: the fixture really is GBK, not UTF-8.
    expect(readFileSync(input).toString('utf8')).toContain('\uFFFD');
    const before = sha256(input);

    const res = await rfm([input, '--out', output, ...MAOMING_ARGS]);

    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect([...readFileSync(output).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expectMaomingOutput(output, res);
    expect(sha256(input)).toBe(before);
  });
});
