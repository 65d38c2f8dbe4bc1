/**
 * The scheme as SQL for the warehouses we cannot run here (docs/sql.md): the Spark SQL, Hive,
 * ClickHouse and BigQuery queries of every scheme option are parsed by node-sql-parser's grammar for
 * that dialect, or the closest one it has (Spark → hive grammar, with TRY_CAST read as CAST;
 * ClickHouse → postgresql grammar), and carry each dialect's own spellings.
 */
import { Parser } from 'node-sql-parser';
import { sqlQuery, type SqlDialectId } from '../../../src/core/sql';
import { cases, nestedRandomCases, randomCases } from './cases';

const parser = new Parser();

/** node-sql-parser grammar per dialect, and the rewrite the closest grammar needs (docs/sql.md). */
const GRAMMAR: Record<Exclude<SqlDialectId, 'duckdb' | 'postgres'>, { database: string; rewrite?: (q: string) => string }> = {
  spark: { database: 'hive', rewrite: (q) => q.replace(/\bTRY_CAST\(/g, 'CAST(') },
  hive: { database: 'hive' },
  clickhouse: { database: 'postgresql' },
  bigquery: { database: 'bigquery' },
};

function parse(dialect: keyof typeof GRAMMAR, query: string): void {
  const g = GRAMMAR[dialect];
  parser.astify(g.rewrite ? g.rewrite(query) : query, { database: g.database });
}

const ALL = [...cases(), ...randomCases(15, 9), ...nestedRandomCases(4, 19)];

describe.each(Object.keys(GRAMMAR) as (keyof typeof GRAMMAR)[])('%s', (dialect) => {
  test.each(ALL.map((c) => [c.name, c] as const))('%s parses', (_name, c) => {
    const query = sqlQuery({
      scheme: c.scheme,
      dialect,
      columns: { id: 'customer id', r: 'R值', f: 'F', m: 'M' },
      table: 'crm.customers',
      scale: c.scale,
      segments: c.segments ?? false,
      followUp: c.followUp,
      lang: c.lang ?? 'en',
      version: '1.2.3',
    });
    expect(query.split('\n')[0]).toBe(`-- RFM Grader 1.2.3: rfm-score --sql ${dialect}`);
    expect(() => parse(dialect, query)).not.toThrow();
  });

  test('a broken query does not parse (the check can fail)', () => {
    const query = sqlQuery({ scheme: ALL[0].scheme, dialect, columns: { r: 'r', f: 'f', m: 'm' }, lang: 'en', version: '1' });
    expect(() => parse(dialect, query.replace('rfm_scored AS (', 'rfm_scored AS ((('))).toThrow();
  });
});

describe('dialect spellings', () => {
  const q = (dialect: SqlDialectId) =>
    sqlQuery({ scheme: ALL[0].scheme, dialect, columns: { id: 'id', r: 'r', f: 'f', m: 'm' }, lang: 'en', version: '1', segments: true });
  test.each([
    ['duckdb', ['regexp_matches(', 'TRY_CAST(', ' // ', '"r"']],
    ['postgres', [' ~ ', 'DOUBLE PRECISION', 'CAST(', '"r"']],
    ['spark', [' RLIKE ', 'TRY_CAST(', '\\\\s', '`r`', '% (2 *']],
    ['hive', [' RLIKE ', '\\\\s', '`r`', '% (2 *']],
    ['clickhouse', ['match(', 'toFloat64OrNull(', 'intDiv(', '"r"', 'nullIf(CONCAT(']],
    ['bigquery', ['REGEXP_CONTAINS(', "r'^\\s*$'", 'SAFE_CAST(', 'DIV(', '`r`']],
  ] as const)('%s', (dialect, spellings) => {
    const query = q(dialect);
    for (const s of spellings) expect([dialect, s, query.includes(s)]).toEqual([dialect, s, true]);
  });
});
