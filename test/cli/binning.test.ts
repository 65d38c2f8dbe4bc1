/**
 * `rfm-score --binning nested|independent` (docs/binning.md): scores worked out by hand on the ten
 * base customers, the parameters sheet round trip, and the combinations that are refused.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { csvInput, baseRows, readCsvRows, readXlsx, removeTempDirs, rfm, rowValues, sheet } from './helpers';

afterAll(removeTempDirs);

const input = () => csvInput(baseRows());

/**
 * R over all ten (k = 5, as in the base expectations): C01, C04 → 5; C02, C06 → 4; C03, C10 → 3;
 * C07, C08 → 2; C05, C09 → 1. Every R bin holds two customers, so F is ranked within each pair:
 * rank 1 → 5, rank 2 → 5 − floor(5·1/2) = 3 (docs/binning.md, groups smaller than k):
 *   R 5: C04 (F 20) 5, C01 (F 12) 3     R 4: C06 (5) 5, C02 (2) 3     R 3: C10 (15) 5, C03 (8) 3
 *   R 2: C08 (9) 5, C07 (3) 3           R 1: C09 (4) 5, C05 (1) 3
 * Every R × F cell then holds one customer: M = 5 for all. RFM = 0.3R + 0.3F + 0.4·5:
 *   C01 1.5+0.9+2 = 4.4 A   C02 1.2+0.9+2 = 4.1 A   C03 0.9+0.9+2 = 3.8 B   C04 5 A      C05 0.3+0.9+2 = 3.2 B
 *   C06 1.2+1.5+2 = 4.7 A   C07 0.6+0.9+2 = 3.5 B   C08 0.6+1.5+2 = 4.1 A   C09 3.8 B    C10 0.9+1.5+2 = 4.4 A
 */
const NESTED: Record<string, string[]> = {
  C01: ['5', '3', '5', '4.4', 'A'],
  C02: ['4', '3', '5', '4.1', 'A'],
  C03: ['3', '3', '5', '3.8', 'B'],
  C04: ['5', '5', '5', '5', 'A'],
  C05: ['1', '3', '5', '3.2', 'B'],
  C06: ['4', '5', '5', '4.7', 'A'],
  C07: ['2', '3', '5', '3.5', 'B'],
  C08: ['2', '5', '5', '4.1', 'A'],
  C09: ['1', '5', '5', '3.8', 'B'],
  C10: ['3', '5', '5', '4.4', 'A'],
};

describe('--binning', () => {
  test('nested: F within each R score, M within each R × F cell (CSV)', async () => {
    const { dir, file } = input();
    const out = path.join(dir, 'out.csv');
    const res = await rfm([file, '--out', out, '--binning', 'nested']);
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    const rows = readCsvRows(out);
    expect(Object.fromEntries(rows.slice(1).map((r) => [r[0], r.slice(5)]))).toEqual(NESTED);
  });

  test('independent is the default: the output is byte for byte the same as without the option', async () => {
    const { dir, file } = input();
    const plainCsv = path.join(dir, 'plain.csv');
    const independentCsv = path.join(dir, 'independent.csv');
    expect((await rfm([file, '--out', plainCsv])).code).toBe(0);
    expect((await rfm([file, '--out', independentCsv, '--binning', 'independent'])).code).toBe(0);
    expect(readFileSync(independentCsv)).toEqual(readFileSync(plainCsv));
    // xlsx: the parameters sheets agree except for the run's time and file names.
    const plain = path.join(dir, 'plain.xlsx');
    const independent = path.join(dir, 'independent.xlsx');
    expect((await rfm([file, '--out', plain])).code).toBe(0);
    expect((await rfm([file, '--out', independent, '--binning', 'independent'])).code).toBe(0);
    const rowsOf = async (f: string) => {
      const ws = sheet(await readXlsx(f), 'RFM parameters');
      const rows: unknown[] = [];
      ws.eachRow((row) => rows.push(row.values));
      return rows.filter((r) => !JSON.stringify(r).includes('rfm.time') && !JSON.stringify(r).includes('Run at') && !JSON.stringify(r).includes('"rfm.input') && !/in\.csv|\.xlsx/.test(JSON.stringify(r)));
    };
    expect(await rowsOf(independent)).toEqual(await rowsOf(plain));
  });

  test('the parameters sheet records nested binning, and a later run reads it back (--previous)', async () => {
    const { dir, file } = input();
    const first = path.join(dir, 'first.xlsx');
    expect((await rfm([file, '--out', first, '--binning', 'nested'])).code).toBe(0);
    const { readRunRecord } = await import('../../src/core');
    const { sheetRows } = await import('../../src/cli/xlsxFile');
    const rows = sheetRows(sheet(await readXlsx(first), 'RFM parameters'));
    expect(rows.some((r) => r[0] === 'Binning' && String(r[1]).startsWith('nested'))).toBe(true);
    // Cut values: R keeps its rules; nested F and M say they were ranked within each R bin.
    const rules = rows.filter((r) => (r[0] === 'F' || r[0] === 'M') && typeof r[1] === 'number').map((r) => r[5]);
    expect(rules.length).toBeGreaterThan(0);
    expect(new Set(rules)).toEqual(new Set(['ranked within each R bin (nested binning): the values overlap between scores']));
    expect(rows.some((r) => r[0] === 'R' && typeof r[5] === 'string' && r[5].includes('≤'))).toBe(true);
    const read = readRunRecord(rows);
    if (!read.ok) throw new Error('unreadable record');
    expect(read.record.scheme.binning).toBe('nested');

    const second = path.join(dir, 'second.xlsx');
    const res = await rfm([file, '--out', second, '--binning', 'nested', '--previous', first]);
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(res.out.join('\n')).toContain('10 unchanged');
    const ws = (await readXlsx(second)).worksheets[0];
    expect([2, 3].map((row) => rowValues(ws, row, 1, 10).map(String))).toEqual([
      ['C01', 'North', '3', '12', '800', ...NESTED.C01],
      ['C02', 'South', '15', '2', '5200', ...NESTED.C02],
    ]);
  });

  test('--scale-from a nested run is refused with one line (nested cut values differ per R bin)', async () => {
    const { dir, file } = input();
    const first = path.join(dir, 'first.xlsx');
    expect((await rfm([file, '--out', first, '--binning', 'nested'])).code).toBe(0);
    const res = await rfm([file, '--out', path.join(dir, 'x.csv'), '--scale-from', first]);
    expect(res.code).toBe(2);
    expect(res.err).toHaveLength(1);
    expect(res.err[0]).toContain('Nested binning cannot score on an earlier run');
  });

  test('--formulas with nested binning: exit 2, values only, in both languages; no output written', async () => {
    const { dir, file } = input();
    const out = path.join(dir, 'out.xlsx');
    const en = await rfm([file, '--out', out, '--binning', 'nested', '--formulas']);
    expect(en.code).toBe(2);
    expect(en.err).toEqual([
      'rfm-score: Nested binning writes values only: live formulas rank F and M over all customers, not within each R bin. Drop --formulas or use --binning independent.',
    ]);
    const zh = await rfm([file, '--out', out, '--binning', 'nested', '--formulas', '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.err[0]).toContain('嵌套分档只能输出数值');
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir)).toEqual(['in.csv']);
  });

  test('an unknown binning is exit 2 naming the value', async () => {
    const { dir, file } = input();
    const res = await rfm([file, '--out', path.join(dir, 'o.csv'), '--binning', 'grouped']);
    expect(res.code).toBe(2);
    expect(res.err).toEqual(['rfm-score: Unknown binning "grouped" (use independent or nested)']);
  });
});
