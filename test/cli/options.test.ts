/**
 * rfm-score options (SPEC.md 7): column choice by letter and header text, --header no, weights,
 * breaks, tie policies, bins, custom grades. Expected scores are computed by hand in the comments.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  CUSTOMERS,
  EXPECTED,
  HEADERS_EN,
  baseRows,
  csvText,
  readCsvRows,
  removeTempDirs,
  rfm,
  scoredText,
  tempDir,
  type RunResult,
} from './helpers';

afterAll(removeTempDirs);

/** Write rows to a CSV, run rfm-score with `args`, return the run and the output rows. */
async function score(rows: (string | number)[][], args: string[]): Promise<RunResult & { rows: string[][] }> {
  const dir = tempDir();
  const input = path.join(dir, 'in.csv');
  const output = path.join(dir, 'out.csv');
  writeFileSync(input, csvText(rows));
  const res = await rfm([input, '--out', output, ...args]);
  if (res.code !== 0) return { ...res, rows: [] };
  return { ...res, rows: readCsvRows(output) };
}

/** Output columns (after the input's five) of each customer row, keyed by ID. */
function scoresById(rows: string[][], first = 5): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const r of rows.slice(1)) map[r[0]] = r.slice(first);
  return map;
}

function expectedById(table: Record<string, (string | number)[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(table).map(([id, v]) => [id, v.map(String)]));
}

const BASE_EXPECTED = expectedById(EXPECTED);

describe('choosing the R/F/M columns', () => {
  const plainHeaders = (): (string | number)[][] => [
    ['Customer', 'Region', 'Days', 'Orders', 'Spend'],
    ...baseRows().slice(1),
  ];

  test('headers that name no metric are refused without --r/--f/--m', async () => {
    const res = await score(plainHeaders(), []);
    expect(res.code).toBe(2);
    expect(res.err).toEqual(['rfm-score: No header names the R column: choose it explicitly']);
  });

  test('--r/--f/--m by column letter', async () => {
    const res = await score(plainHeaders(), ['--r', 'C', '--f', 'd', '--m', 'E']);
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(res.rows[0]).toEqual(['Customer', 'Region', 'Days', 'Orders', 'Spend', ...HEADERS_EN]);
    expect(scoresById(res.rows)).toEqual(BASE_EXPECTED);
  });

  test('--r/--f/--m by exact header text (with spaces and brackets)', async () => {
    const rows = plainHeaders();
    rows[0] = ['Customer', 'Region', 'Last visit (days)', 'Visits', 'Spend total'];
    const res = await score(rows, ['--r', 'Last visit (days)', '--f', 'Visits', '--m', 'Spend total']);
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(res.out[0]).toContain('R = C "Last visit (days)", F = D "Visits", M = E "Spend total"');
    expect(scoresById(res.rows)).toEqual(BASE_EXPECTED);
  });

  test('columns in another order than R, F, M are taken where they are', async () => {
    // M in B, R in D, F in E: same customers, same scores.
    const rows: (string | number)[][] = [
      ['Customer ID', 'Monetary', 'Region', 'Recency', 'Frequency'],
      ...CUSTOMERS.map((c) => [c.id, c.m, c.region, c.r, c.f]),
    ];
    const res = await score(rows, []);
    expect(res.code).toBe(0);
    expect(res.out[0]).toContain('R = D "Recency", F = E "Frequency", M = B "Monetary"');
    expect(scoresById(res.rows)).toEqual(BASE_EXPECTED);
  });

  test('--header no with letters: every row is data, no header is written, addresses count from row 1', async () => {
    // Row 3 is an invalid row (M = −5); the other ten are the base customers.
    const rows = baseRows().slice(1);
    rows.splice(2, 0, ['X1', 'West', 14, 6, -5]);
    const res = await score(rows, ['--header', 'no', '--r', 'C', '--f', 'D', '--m', 'E']);
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(res.out[0]).toMatch(/^Scored 10 of 11 customers in .*: R = C, F = D, M = E$/);
    expect(res.out).toContain('  E3: M is negative');
    expect(res.rows).toHaveLength(11);
    expect(res.rows[0]).toEqual(['C01', 'North', '3', '12', '800', ...scoredText(EXPECTED.C01), '']);
    expect(res.rows[2]).toEqual(['X1', 'West', '14', '6', '-5', '', '', '', '', '', 'M is negative']);
    const byId: Record<string, string[]> = {};
    for (const r of res.rows) if (r[0] !== 'X1') byId[r[0]] = r.slice(5, 10);
    expect(byId).toEqual(BASE_EXPECTED);
  });
});

describe('composite and grades', () => {
  /**
   * --weights 0.35,0.35,0.3 (integers 35/35/30 over 100):
   *   C01 5,4,2 → 175+140+60 = 3.75 B    C06 4,3,3 → 140+105+90 = 3.35 B
   *   C02 4,1,4 → 140+35+120 = 2.95 C    C07 2,2,2 → 70+70+60   = 2    C  (a float sum gives 1.9999999999999998 → D)
   *   C03 3,3,1 → 105+105+30 = 2.4  C    C08 2,4,4 → 70+140+120 = 3.3  B
   *   C04 5,5,5 → 5 A                    C09 1,2,3 → 35+70+90   = 1.95 D
   *   C05 1,1,1 → 1 D                    C10 3,5,5 → 105+175+150 = 4.3 A
   */
  test('--weights 0.35,0.35,0.3: a customer scoring 2,2,2 is exactly 2 → C', async () => {
    const res = await score(baseRows(), ['--weights', '0.35,0.35,0.3']);
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(scoresById(res.rows)).toEqual(
      expectedById({
        C01: [5, 4, 2, 3.75, 'B'],
        C02: [4, 1, 4, 2.95, 'C'],
        C03: [3, 3, 1, 2.4, 'C'],
        C04: [5, 5, 5, 5, 'A'],
        C05: [1, 1, 1, 1, 'D'],
        C06: [4, 3, 3, 3.35, 'B'],
        C07: [2, 2, 2, 2, 'C'],
        C08: [2, 4, 4, 3.3, 'B'],
        C09: [1, 2, 3, 1.95, 'D'],
        C10: [3, 5, 5, 4.3, 'A'],
      }),
    );
    expect(res.out).toContain('Grades: A 2 (20%), B 3 (30%), C 3 (30%), D 2 (20%)');
  });

  test('--weights 0.7,0.2,0.1 add up to exactly 1 as decimals and are accepted', async () => {
    // C01 5,4,2 → 3.5+0.8+0.2 = 4.5 A; C07 2,2,2 → 1.4+0.4+0.2 = 2 C; C09 1,2,3 → 0.7+0.4+0.3 = 1.4 D
    const res = await score(baseRows(), ['--weights', '0.7,0.2,0.1']);
    expect(res.code).toBe(0);
    const s = scoresById(res.rows);
    expect(s.C01.slice(3)).toEqual(['4.5', 'A']);
    expect(s.C07.slice(3)).toEqual(['2', 'C']);
    expect(s.C09.slice(3)).toEqual(['1.4', 'D']);
  });

  /**
   * --grades 金:4.4,银:3.3,铜 on the default scores (boundaries hit exactly):
   *   ≥ 4.4: C04 5, C10 4.4 → 金;  ≥ 3.3: C01 3.5, C06 3.3, C08 3.4 → 银;  the rest → 铜.
   */
  test('--grades with custom labels and three grades', async () => {
    const res = await score(baseRows(), ['--grades', '金:4.4,银:3.3,铜']);
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    const grades = Object.fromEntries(Object.entries(scoresById(res.rows)).map(([id, v]) => [id, v[4]]));
    expect(grades).toEqual({
      C01: '银', C02: '铜', C03: '铜', C04: '金', C05: '铜',
      C06: '银', C07: '铜', C08: '银', C09: '铜', C10: '金',
    });
    expect(res.out).toContain('Grades: 金 2 (20%), 银 3 (30%), 铜 5 (50%)');
  });
});

describe('per-metric methods', () => {
  /**
   * --r-method breaks:30,60,90,180 → ≤30: 5, 31–60: 4, 61–90: 3, 91–180: 2, >180: 1 (F, M quintile):
   *   C01 R 3 → 5; 5,4,2 → 3.5 B      C06 R 25 → 5; 5,3,3 → 1.5+0.9+1.2 = 3.6 B
   *   C02 R 15 → 5; 5,1,4 → 3.4 B     C07 R 90 → 3; 3,2,2 → 0.9+0.6+0.8 = 2.3 C
   *   C03 R 40 → 4; 4,3,1 → 2.5 C     C08 R 60 → 4; 4,4,4 → 4 A
   *   C04 R 7 → 5; 5,5,5 → 5 A        C09 R 120 → 2; 2,2,3 → 0.6+0.6+1.2 = 2.4 C
   *   C05 R 200 → 1; 1,1,1 → 1 D      C10 R 33 → 4; 4,5,5 → 1.2+1.5+2.0 = 4.7 A
   */
  test('--r-method breaks:30,60,90,180 (cut-off values themselves score the better band)', async () => {
    const res = await score(baseRows(), ['--r-method', 'breaks:30,60,90,180']);
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(scoresById(res.rows)).toEqual(
      expectedById({
        C01: [5, 4, 2, 3.5, 'B'],
        C02: [5, 1, 4, 3.4, 'B'],
        C03: [4, 3, 1, 2.5, 'C'],
        C04: [5, 5, 5, 5, 'A'],
        C05: [1, 1, 1, 1, 'D'],
        C06: [5, 3, 3, 3.6, 'B'],
        C07: [3, 2, 2, 2.3, 'C'],
        C08: [4, 4, 4, 4, 'A'],
        C09: [2, 2, 3, 2.4, 'C'],
        C10: [4, 5, 5, 4.7, 'A'],
      }),
    );
  });

  /**
   * --bins 4, n = 10: score = 4 − floor(4·(rank − 1)/10): ranks 1–3 → 4, 4–5 → 3, 6–8 → 2, 9–10 → 1.
   *   R ranks C01 1, C04 2, C02 3, C06 4, C10 5, C03 6, C08 7, C07 8, C09 9, C05 10
   *   F ranks C04 1, C10 2, C01 3, C08 4, C03 5, C06 6, C09 7, C07 8, C02 9, C05 10
   *   M ranks C04 1, C10 2, C02 3, C08 4, C06 5, C09 6, C01 7, C07 8, C03 9, C05 10
   *   C01 4,4,2 → 3.2 B   C02 4,1,4 → 3.1 B   C03 2,3,1 → 1.9 D   C04 4,4,4 → 4 A    C05 1,1,1 → 1 D
   *   C06 3,2,3 → 2.7 C   C07 2,2,2 → 2 C     C08 2,3,3 → 2.7 C   C09 1,2,2 → 1.7 D  C10 3,4,4 → 3.7 B
   */
  test('--bins 4', async () => {
    const res = await score(baseRows(), ['--bins', '4']);
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(scoresById(res.rows)).toEqual(
      expectedById({
        C01: [4, 4, 2, 3.2, 'B'],
        C02: [4, 1, 4, 3.1, 'B'],
        C03: [2, 3, 1, 1.9, 'D'],
        C04: [4, 4, 4, 4, 'A'],
        C05: [1, 1, 1, 1, 'D'],
        C06: [3, 2, 3, 2.7, 'C'],
        C07: [2, 2, 2, 2, 'C'],
        C08: [2, 3, 3, 2.7, 'C'],
        C09: [1, 2, 2, 1.7, 'D'],
        C10: [3, 4, 4, 3.7, 'B'],
      }),
    );
  });

  /**
   * Ties on F (n = 10, k = 5, score = 5 − floor((rank − 1)/2)); R and M are distinct and give
   * rows 1–10 the scores 5,5,4,4,3,3,2,2,1,1.
   *   F by row: 7, 3, 3, 1, 1, 1, 1, 1, 1, 5 → best-first: 7 (pos 1), 5 (pos 2), 3 3 (pos 3–4), 1 ×6 (pos 5–10)
   *   average: 3s rank 3.5 → 4; 1s rank 7.5 → 2             → F 5,4,4,2,2,2,2,2,2,5
   *   min    : 3s rank 3 → 4;   1s rank 5 → 3               → F 5,4,4,3,3,3,3,3,3,5
   *   first  : 1s in row order at positions 5..10 → 3,3,2,2,1,1 → F 5,4,4,3,3,2,2,1,1,5
   * Row 8 (R 2, M 2): average 0.6+0.6+0.8 = 2 C; min 0.6+0.9+0.8 = 2.3 C; first 0.6+0.3+0.8 = 1.7 D.
   */
  const tieRows = (): (string | number)[][] => [
    ['ID', 'Recency', 'Frequency', 'Monetary'],
    ...[7, 3, 3, 1, 1, 1, 1, 1, 1, 5].map((f, i) => [`T${i + 1}`, (i + 1) * 10, f, (10 - i) * 100]),
  ];
  const fColumn = (rows: string[][]) => rows.slice(1).map((r) => Number(r[5]));

  test('--ties average (default): tie groups share the average rank; the distribution is reported', async () => {
    const res = await score(tieRows(), []);
    expect(res.code).toBe(0);
    expect(fColumn(res.rows)).toEqual([5, 4, 4, 2, 2, 2, 2, 2, 2, 5]);
    expect(res.rows[8].slice(4)).toEqual(['2', '2', '2', '2', 'C']);
    // 60% share F = 1: the 20% bands are impossible, and the actual distribution is shown.
    expect(res.out.some((l) => l.startsWith('Warning: ') && l.includes('60%') && l.includes('F = 1'))).toBe(true);
    expect(res.out).toContain('  F scores: 5 → 2 (20%), 4 → 2 (20%), 2 → 6 (60%)');
  });

  test('--ties min', async () => {
    const res = await score(tieRows(), ['--ties', 'min']);
    expect(res.code).toBe(0);
    expect(fColumn(res.rows)).toEqual([5, 4, 4, 3, 3, 3, 3, 3, 3, 5]);
    expect(res.rows[8].slice(4)).toEqual(['2', '3', '2', '2.3', 'C']);
  });

  test('--ties first', async () => {
    const res = await score(tieRows(), ['--ties', 'first']);
    expect(res.code).toBe(0);
    expect(fColumn(res.rows)).toEqual([5, 4, 4, 3, 3, 2, 2, 1, 1, 5]);
    expect(res.rows[8].slice(4)).toEqual(['2', '1', '2', '1.7', 'D']);
  });
});

describe('--preset', () => {
  test('maoming is additive with F raw, and later options override it', async () => {
    // Customers: R 5,10,20,40,80 → quintile 5..1; F 3,1,2,0,1 → raw; M 500,400,300,200,100 → 5..1.
    const rows = [
      ['ID', 'R', 'F', 'M'],
      ['a', 5, 3, 500],
      ['b', 10, 1, 400],
      ['c', 20, 2, 300],
      ['d', 40, 0, 200],
      ['e', 80, 1, 100],
    ];
    const res = await score(rows, ['--preset', 'maoming']);
    expect(res.code).toBe(0);
    // a: 5+3+5 = 13, b: 4+1+4 = 9, c: 3+2+3 = 8, d: 2+0+2 = 4, e: 1+1+1 = 3 → A A A A B
    expect(res.rows.slice(1).map((r) => r.slice(4))).toEqual([
      ['5', '3', '5', '13', 'A'],
      ['4', '1', '4', '9', 'A'],
      ['3', '2', '3', '8', 'A'],
      ['2', '0', '2', '4', 'A'],
      ['1', '1', '1', '3', 'B'],
    ]);
    // --f-method quintile overrides the preset's raw F: F 3,1,2,0,1 → ranks 1, 3.5, 2, 5, 3.5 → 5, 3, 4, 1, 3.
    const over = await score(rows, ['--preset', 'maoming', '--f-method', 'quintile']);
    expect(over.rows.slice(1).map((r) => r[5])).toEqual(['5', '3', '4', '1', '3']);
  });

  test('an unknown preset is exit 2 naming the presets', async () => {
    const res = await score(baseRows(), ['--preset', 'beijing']);
    expect(res.code).toBe(2);
    expect(res.err).toEqual(['rfm-score: Unknown preset "beijing" (use shanghai, hohhot, maoming, template)']);
  });
});
