/**
 * The scheme as SQL (docs/sql.md) reads cells like the engine (SPEC.md 1): numbers as text with
 * spaces, thousands separators, currency signs, exponents; every invalid reason; a table where no
 * row is valid; completely empty rows skipped — on DuckDB and PostgreSQL.
 */
import { defaultScheme, preset } from '../../../src/core';
import { sqlQuery } from '../../../src/core/sql';
import { checkCase, closeDatabases, loadTable, runQuery, type TestTable } from './helpers';

afterAll(closeDatabases);

const NUMBERS = ['1,234.50', '¥2,000', ' 12 ', '-0', '1e3', '+5', '$ 7', '￥-0', '.5', '5.', '0', '2.5E-1', '12,345,678', '100'];
const INVALID = ['1,23', 'abc', '#N/A', '#div/0!', '', '  ', 'TRUE', '-3', '¥-2', '$1$', '1 2', '--1', 'NaN', 'Infinity'];

function table(): TestTable {
  const r: string[] = [];
  const f: string[] = [];
  const m: string[] = [];
  NUMBERS.forEach((x, i) => {
    r.push(x);
    f.push(NUMBERS[(i + 3) % NUMBERS.length]);
    m.push(NUMBERS[(i + 7) % NUMBERS.length]);
  });
  INVALID.forEach((x, i) => {
    r.push(i % 3 === 0 ? x : '5');
    f.push(i % 3 === 1 ? x : '5');
    m.push(i % 3 === 2 ? x : '5');
  });
  return { kind: 'text', r, f, m };
}

describe.each(['duckdb', 'postgres'] as const)('%s', (dialect) => {
  test('number text and invalid reasons as the engine reads them', async () => {
    // NaN/Infinity text: the engine says "not a number", the SQL "not a finite number" (docs/sql.md);
    // both exclude the row, so only the Check text may differ, and it is left out of this table.
    const t = table();
    const keep = t.r.map((_, i) => ![t.r[i], t.f[i], t.m[i]].some((c) => c === 'NaN' || c === 'Infinity'));
    const pick = <T,>(xs: T[]) => xs.filter((_, i) => keep[i]);
    await checkCase(dialect, { kind: 'text', r: pick(t.r), f: pick(t.f), m: pick(t.m) }, { scheme: defaultScheme() });
    await checkCase(dialect, { kind: 'text', r: pick(t.r), f: pick(t.f), m: pick(t.m) }, { scheme: preset('maoming'), segments: { basis: 'values' } });
  });

  test('NaN and Infinity text: excluded, reported as not finite', async () => {
    const name = await loadTable(dialect, { kind: 'text', r: ['1', 'NaN', '-Infinity'], f: ['1', '1', '1'], m: ['1', '1', '1'] });
    const rows = await runQuery(dialect, sqlQuery({ scheme: defaultScheme(), dialect, columns: { id: 'id', r: 'r', f: 'f', m: 'm' }, table: name, lang: 'en', version: 't' }));
    // The one valid row is the best of n = 1 on every metric: 5, 5, 5 → A.
    expect(rows.map((r) => [r.grade, r.check])).toEqual([
      ['A', null],
      [null, 'R is not a finite number'],
      [null, 'R is not a finite number'],
    ]);
  });

  test('no valid row: every row reported, nothing graded, no division by zero', async () => {
    await checkCase(dialect, { kind: 'text', r: ['x', '-1', ''], f: ['1', '1', '1'], m: ['1', '#N/A', '2'] }, { scheme: defaultScheme(), segments: { reference: 'median' } });
  });

  test('completely empty rows are not customers', async () => {
    const name = await loadTable(dialect, { kind: 'text', r: ['5', '', '7', null], f: ['1', ' ', '2', null], m: ['10', '', '20', null] }, { emptyIds: [1, 3] });
    const rows = await runQuery(dialect, sqlQuery({ scheme: defaultScheme(), dialect, columns: { id: 'id', r: 'r', f: 'f', m: 'm' }, table: name, lang: 'en', version: 't' }));
    expect(rows.map((r) => r.id)).toEqual(['0', '2']);
    // n = 2 (the empty rows do not count): R 5 → 5, 7 → 3; F 1 → 3, 2 → 5; M 10 → 3, 20 → 5.
    // 0.3·5 + 0.3·3 + 0.4·3 = 3.6 → B; 0.3·3 + 0.3·5 + 0.4·5 = 4.4 → A.
    expect(rows.map((r) => [r.grade, r.rfm_score])).toEqual([
      ['B', expect.stringMatching(/^3\.60*$/)],
      ['A', expect.stringMatching(/^4\.40*$/)],
    ]);
  });
});
