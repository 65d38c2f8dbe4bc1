/**
 * `rfm-score --sql DIALECT` and `rfm-score --engine duckdb` (docs/sql.md): the printed query, run on
 * DuckDB over the same file, gives what the scoring run writes; --preset and --scale-from reach the
 * query; the DuckDB engine writes CSV and Parquet; bad arguments are one line and exit 2.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { csvText, readCsvRows, removeTempDirs, rfm, tempDir } from './helpers';

let duck: DuckDBConnection;
beforeAll(async () => {
  duck = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => {
  duck.closeSync();
  removeTempDirs();
});

const sq = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Heavy ties and invalid cells, with Chinese headers as the registered datasets have them. */
function customers(seed: number, rows: number): (string | number)[][] {
  let x = seed;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  const pick = <T,>(list: T[]) => list[Math.floor(next() * list.length)];
  const out: (string | number)[][] = [['客户ID', '最近一次活动R(天)', '购买频次F(次)', '消费金额M(元)']];
  for (let i = 1; i <= rows; i++) {
    out.push([
      `C${String(i).padStart(4, '0')}`,
      next() < 0.03 ? pick(['', 'n/a', '-5']) : pick([1, 3, 3, 7, 30, 30, 61, 90, 180, 365]),
      next() < 0.03 ? pick(['', 'abc']) : pick([1, 1, 1, 1, 2, 3, 5, 8, 13]),
      next() < 0.03 ? pick(['#N/A', '-1']) : pick([0, 50, 99.5, 100, 1000, '1,000', '¥2,500', 2500, 9999.99]),
    ]);
  }
  return out;
}

/** The scoring run's output columns per customer ID: R/F/M score, RFM score, grade (and more). */
function scoredByCli(file: string, extra: number): Map<string, string[]> {
  const rows = readCsvRows(file);
  return new Map(rows.slice(1).map((r) => [r[0], r.slice(4, 4 + 5 + extra)]));
}

async function runSqlOnCsv(query: string, csv: string, extra: string[]): Promise<Map<string, string[]>> {
  await duck.run(`CREATE OR REPLACE TABLE customers AS SELECT * FROM read_csv(${sq(csv)}, header = true, all_varchar = true)`);
  const reader = await duck.runAndReadAll(query);
  const text = (v: unknown) => (v === null ? '' : String(v));
  return new Map(
    reader.getRowObjectsJS().map((r) => [
      String(r.id),
      [r.r_score, r.f_score, r.m_score, r.rfm_score, r.grade, ...extra.map((e) => r[e])].map(text),
    ]),
  );
}

const COLUMNS = ['--id', '客户ID', '--r', '最近一次活动R(天)', '--f', '购买频次F(次)', '--m', '消费金额M(元)'];

describe('rfm-score --sql', () => {
  test('the printed DuckDB query grades like the scoring run (segments, follow-up, Chinese)', async () => {
    const dir = tempDir();
    const csv = path.join(dir, 'customers.csv');
    writeFileSync(csv, csvText(customers(7, 300)));
    const cli = await rfm([csv, '--out', path.join(dir, 'out.csv'), '--segments', '--follow-up', '--lang', 'zh']);
    expect(cli.code).toBe(0);
    const res = await rfm(['--sql', 'duckdb', ...COLUMNS, '--segments', '--follow-up', '--lang', 'zh']);
    expect(res.code).toBe(0);
    const query = res.out.join('\n');
    expect(query).toMatch(/^-- RFM Grader \d+\.\d+\.\d+: rfm-score --sql duckdb\n-- Scheme: weighted 0\.3\/0\.3\/0\.4;/);
    const want = scoredByCli(path.join(dir, 'out.csv'), 2);
    const got = await runSqlOnCsv(query, csv, ['segment', 'follow_up']);
    expect(got.size).toBe(want.size);
    for (const [id, cells] of want) expect([id, got.get(id)]).toEqual([id, cells]);
  });

  test.each([
    ['--preset', 'template'],
    ['--preset', 'maoming'],
    ['--ties', 'min'],
    ['--weights', '0.35,0.35,0.3'],
    ['--binning', 'nested'],
  ])('%s %s reaches the query', async (option, value) => {
    const dir = tempDir();
    const csv = path.join(dir, 'customers.csv');
    writeFileSync(csv, csvText(customers(11, 200)));
    const cli = await rfm([csv, '--out', path.join(dir, 'out.csv'), option, value]);
    expect(cli.code).toBe(0);
    const res = await rfm(['--sql', 'duckdb', ...COLUMNS, option, value]);
    expect(res.code).toBe(0);
    const got = await runSqlOnCsv(res.out.join('\n'), csv, []);
    const want = scoredByCli(path.join(dir, 'out.csv'), 0);
    for (const [id, cells] of want) expect([id, got.get(id)]).toEqual([id, cells]);
  });

  test('--scale-from: the earlier run’s scheme and frozen cut-offs as a CASE, columns from its headers', async () => {
    const dir = tempDir();
    const before = path.join(dir, 'before.csv');
    const after = path.join(dir, 'after.csv');
    writeFileSync(before, csvText(customers(3, 250)));
    writeFileSync(after, csvText(customers(5, 260)));
    expect((await rfm([before, '--out', path.join(dir, 'before.xlsx'), '--ties', 'min'])).code).toBe(0);
    const cli = await rfm([after, '--out', path.join(dir, 'after.csv.out.csv'), '--scale-from', path.join(dir, 'before.xlsx')]);
    expect(cli.code).toBe(0);
    const res = await rfm(['--sql', 'duckdb', '--scale-from', path.join(dir, 'before.xlsx')]);
    expect(res.code).toBe(0);
    const query = res.out.join('\n');
    expect(query).toContain('-- Quintile cut-offs frozen from');
    expect(query).toContain('ties min');
    expect(query).not.toContain('RANK()');
    const got = await runSqlOnCsv(query, after, []);
    const want = scoredByCli(path.join(dir, 'after.csv.out.csv'), 0);
    for (const [id, cells] of want) expect([id, got.get(id)]).toEqual([id, cells]);
  });

  test.each(['duckdb', 'postgres', 'spark', 'hive', 'clickhouse', 'bigquery'])('--sql %s names the dialect, version and scheme', async (dialect) => {
    const res = await rfm(['--sql', dialect, '--preset', 'maoming', '--table', 'crm.customers']);
    expect(res.code).toBe(0);
    const lines = res.out.join('\n').split('\n');
    expect(lines[0]).toMatch(new RegExp(`^-- RFM Grader \\d+\\.\\d+\\.\\d+: rfm-score --sql ${dialect}$`));
    expect(lines[1]).toBe('-- Scheme: additive; R quintile, F raw, M quintile; bins 5; ties average; grades A:4,B:3,C:2,D');
    expect(res.out.join('\n')).toContain('FROM crm.customers');
  });

  test('--out writes the query to a file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'grade.sql');
    const res = await rfm(['--sql', 'postgres', '--out', file]);
    expect(res.code).toBe(0);
    expect(res.out).toEqual([`Wrote the PostgreSQL query to ${file}`]);
    expect(readFileSync(file, 'utf8')).toMatch(/^-- RFM Grader .*--sql postgres\n/);
  });

  test.each([
    [['--sql', 'oracle'], /^rfm-score: Unknown SQL dialect "oracle"\. Use one of: duckdb \(DuckDB\), postgres/],
    [['--sql', 'duckdb', 'in.csv'], /^rfm-score: The --sql option reads no file/],
    [['--sql', 'duckdb', '--ties', 'first'], /^rfm-score: Ties "first" give tied rows their row order.*--order-by/],
    [['--sql', 'duckdb', '--sheet', 'A'], /^rfm-score: The option --sheet does not apply to --sql/],
    [['--sql', 'duckdb', '--engine', 'duckdb'], /^rfm-score: Use either --sql \(prints a query\) or --engine \(runs one\), not both\./],
    [['--sql', 'duckdb', '--weights', '0.5,0.5,0.5'], /^rfm-score: Weights must add up to exactly 1; they add up to 1\.5$/],
    [['in.csv', '--out', 'o.csv', '--table', 't'], /^rfm-score: The option --table applies only to --sql/],
    [['--engine', 'spark', 'in.csv', '--out', 'o.csv'], /^rfm-score: Unknown engine "spark"/],
    [['--engine', 'duckdb', 'in.csv'], /--out/],
  ])('%j is one line, exit 2', async (args, message) => {
    const res = await rfm(args);
    expect(res.code).toBe(2);
    expect(res.err).toHaveLength(1);
    expect(res.err[0]).toMatch(message);
  });

  test('--ties first orders the rows by --order-by', async () => {
    const res = await rfm(['--sql', 'duckdb', '--ties', 'first', '--order-by', 'loaded_at']);
    expect(res.code).toBe(0);
    expect(res.out.join('\n')).toContain('"loaded_at" AS rfm_ord');
  });
});

describe('rfm-score --engine duckdb', () => {
  test('CSV in, CSV and Parquet out: the scoring run’s grades, in the file’s row order', async () => {
    const dir = tempDir();
    const csv = path.join(dir, 'customers.csv');
    writeFileSync(csv, csvText(customers(13, 400)));
    expect((await rfm([csv, '--out', path.join(dir, 'cli.csv'), '--ties', 'first', '--segments'])).code).toBe(0);
    const out = path.join(dir, 'engine.csv');
    const res = await rfm(['--engine', 'duckdb', csv, '--out', out, '--ties', 'first', '--segments']);
    expect(res.code).toBe(0);
    expect(res.out[res.out.length - 1]).toBe(`Wrote ${out}`);
    const want = readCsvRows(path.join(dir, 'cli.csv')).slice(1);
    const got = readCsvRows(out);
    expect(got[0]).toEqual(['id', 'r', 'f', 'm', 'r_score', 'f_score', 'm_score', 'rfm_score', 'grade', 'segment', 'check']);
    expect(got.slice(1).map((r) => r[0])).toEqual(want.map((r) => r[0]));
    got.slice(1).forEach((r, i) => expect([r[0], ...r.slice(4, 10)]).toEqual([want[i][0], ...want[i].slice(4, 10)]));
    const invalid = want.filter((r) => r[8] === '').length;
    expect(res.out[0]).toBe(`400 customers in ${csv}: ${400 - invalid} graded, ${invalid} with an invalid R, F or M (see the check column).`);

    const parquet = path.join(dir, 'engine.parquet');
    expect((await rfm(['--engine', 'duckdb', csv, '--out', parquet, '--ties', 'first'])).code).toBe(0);
    const reader = await duck.runAndReadAll(`SELECT id, grade FROM read_parquet(${sq(parquet)})`);
    const grades = reader.getRowObjectsJS().map((r) => [String(r.id), r.grade === null ? '' : String(r.grade)]);
    expect(grades).toEqual(want.map((r) => [r[0], r[8]]));
  });

  test('Parquet in: columns by name', async () => {
    const dir = tempDir();
    const csv = path.join(dir, 'customers.csv');
    writeFileSync(csv, csvText(customers(17, 120)));
    const parquet = path.join(dir, 'customers.parquet');
    await duck.run(`COPY (SELECT * FROM read_csv(${sq(csv)}, header = true, all_varchar = true)) TO ${sq(parquet)} (FORMAT parquet)`);
    expect((await rfm([csv, '--out', path.join(dir, 'cli.csv')])).code).toBe(0);
    const out = path.join(dir, 'engine.csv');
    const res = await rfm(['--engine', 'duckdb', parquet, '--out', out, ...COLUMNS]);
    expect(res.code).toBe(0);
    const want = readCsvRows(path.join(dir, 'cli.csv')).slice(1).map((r) => [r[0], r[8]]);
    expect(readCsvRows(out).slice(1).map((r) => [r[0], r[8]])).toEqual(want);
  });

  test('a missing column is one line, exit 2, and no output file', async () => {
    const dir = tempDir();
    const csv = path.join(dir, 'customers.csv');
    writeFileSync(csv, csvText(customers(19, 20)));
    const out = path.join(dir, 'engine.csv');
    const res = await rfm(['--engine', 'duckdb', csv, '--out', out, '--m', 'Amount']);
    expect(res.code).toBe(2);
    expect(res.err).toHaveLength(1);
    expect(res.err[0]).toMatch(/Amount/);
    expect(existsSync(out)).toBe(false);
    const xlsx = await rfm(['--engine', 'duckdb', csv, '--out', path.join(dir, 'out.xlsx')]);
    expect(xlsx.code).toBe(2);
    expect(xlsx.err[0]).toMatch(/writes CSV or Parquet files/);
  });
});
