/**
 * "Copy as SQL" in the pane (docs/sql.md): the query is built from the pane's own scheme form,
 * columns (by header text, or by letter without a header row) and Segment/Follow-up options, and
 * grades like the engine when run on DuckDB.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { preset, scoreTable } from '../../src/core';
import { presetForm, EMPTY_COLUMNS, type ColumnsForm } from '../../src/taskpane/form';
import { DEFAULT_INSIGHT } from '../../src/taskpane/insight';
import { paneSqlQuery } from '../../src/taskpane/useSqlExport';
import type { PaneState } from '../../src/taskpane/usePane';

const firstRow = ['Customer', 'Recency R', 'Frequency F', 'Monetary M'];

function state(columns: Partial<ColumnsForm>, over: Partial<PaneState> = {}): Pick<PaneState, 'lang' | 'table' | 'columns' | 'scheme' | 'insight'> {
  return {
    lang: 'en',
    table: { sheet: 'S', address: 'C3:F10', row: 2, column: 2, rowCount: 8, columnCount: 4, firstRow, clipped: false },
    columns: { ...EMPTY_COLUMNS, ...columns },
    scheme: presetForm('shanghai'),
    insight: DEFAULT_INSIGHT,
    ...over,
  };
}

const chosen = { header: true, columns: { id: 0, r: 1, f: 2, m: 3 } };

test('columns by header text, the table name, the pane version in the header comment', () => {
  const b = paneSqlQuery(state(chosen), 'postgres', 'crm.customers');
  expect('query' in b).toBe(true);
  const q = (b as { query: string }).query;
  expect(q).toMatch(/^-- RFM Grader dev: rfm-score --sql postgres\n/);
  expect(q).toContain('"Recency R" AS rfm_in_r');
  expect(q).toContain('"Customer" AS rfm_id');
  expect(q).toContain('FROM crm.customers');
});

test('without a header row the columns are named by their sheet letters', () => {
  const b = paneSqlQuery(state({ header: false, columns: { r: 1, f: 2, m: 3 } }), 'duckdb', '');
  const q = (b as { query: string }).query;
  expect(q).toContain('"D" AS rfm_in_r');
  expect(q).toContain('"F" AS rfm_in_m');
  expect(q).toContain('FROM customers');
});

test('missing columns, and ties "first" without an ID, are explained instead', () => {
  expect(paneSqlQuery(state({ columns: { r: 1, f: 2 } }), 'duckdb', 't')).toEqual({ problem: 'sql.pane.noColumns' });
  const first = { ...presetForm('shanghai'), ties: 'first' as const };
  expect(paneSqlQuery(state({ columns: { r: 1, f: 2, m: 3 } }, { scheme: first }), 'duckdb', 't')).toEqual({ problem: 'sql.pane.firstNeedsOrder' });
  expect('query' in paneSqlQuery(state(chosen, { scheme: first }), 'duckdb', 't')).toBe(true);
});

test('the copied query grades like the engine, with segments and follow-up labels in Chinese', async () => {
  const insight = { ...DEFAULT_INSIGHT, segments: true, followUp: true };
  const b = paneSqlQuery(state(chosen, { lang: 'zh', insight }), 'duckdb', 'customers');
  const rows = [
    ['c1', 3, 1, 100],
    ['c2', 30, 2, 250],
    ['c3', 3, 5, 1000],
    ['c4', 90, 1, 'abc'],
    ['c5', 7, 1, 100],
    ['c6', 180, 9, 5000],
  ] as const;
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  try {
    await db.run('CREATE TABLE customers ("Customer" VARCHAR, "Recency R" VARCHAR, "Frequency F" VARCHAR, "Monetary M" VARCHAR)');
    await db.run(`INSERT INTO customers VALUES ${rows.map((r) => `(${r.map((c) => `'${c}'`).join(', ')})`).join(', ')}`);
    const got = (await db.runAndReadAll(`SELECT * FROM (${(b as { query: string }).query}\n) ORDER BY id`)).getRowObjectsJS();
    const cells = (i: number) => rows.map((r) => String(r[i]));
    const engine = scoreTable({ r: cells(1), f: cells(2), m: cells(3) }, preset('shanghai'));
    expect(got.map((r) => r.grade)).toEqual(Array.from(engine.grade, (g) => (g < 0 ? null : 'ABCD'[g])));
    expect(got[3].check).toBe('M值不是数字');
    expect(got[0].follow_up).toMatch(/^每/);
    expect(typeof got[0].segment).toBe('string');
  } finally {
    db.closeSync();
  }
});
