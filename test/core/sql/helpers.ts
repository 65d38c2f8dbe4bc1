/**
 * The scheme as SQL (docs/sql.md), tested against the engine: generated tables with heavy ties and
 * invalid cells are loaded into embedded DuckDB (@duckdb/node-api) and PostgreSQL (PGlite, real
 * PostgreSQL compiled to WebAssembly), the generated query is run, and every row is compared with
 * scoreTable/segmentTable/outputTable on the same cells.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createGrader,
  outputTable,
  scoreTable,
  segmentTable,
  type CellValue,
  type Scale,
  type Scheme,
  type SegmentOptions,
} from '../../../src/core';
import { compare as compareDecimal, parseDecimal as parseDec, toText } from '../../../src/core/decimal';
import { sqlQuery, type SqlDialectId } from '../../../src/core/sql';


/** A generated table: one customer per row, the row index is the ID and the row order. */
export interface TestTable {
  /** 'text': VARCHAR/TEXT columns (numbers as text, invalid text); 'typed': DOUBLE columns with NULLs and negatives. */
  kind: 'text' | 'typed';
  r: CellValue[];
  f: CellValue[];
  m: CellValue[];
}

/** A small deterministic generator (mulberry32), so a failure names a reproducible table. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const BAD_TEXT = ['', '   ', 'abc', '#N/A', 'TRUE', '-3', 'n/a', '1,23'];
const GOOD_TEXT_FORMS = (x: number, pick: () => number): string => {
  const p = pick();
  if (p < 0.1) return ` ${x} `;
  if (p < 0.15) return `¥${x}`;
  if (p < 0.2 && x >= 1000) return x.toLocaleString('en-US', { maximumFractionDigits: 20 });
  return String(x);
};

/**
 * `rows` customers; values drawn from few distinct values (heavy ties: a third of F is 1), some
 * decimals, and about 8% invalid cells.
 */
export function makeTable(seed: number, rows: number, kind: 'text' | 'typed' = 'text'): TestTable {
  const next = rng(seed);
  const pools = {
    r: [1, 1, 2, 3, 3, 3, 7, 10, 30, 30, 45, 60, 61, 90, 120, 180, 181, 365, 0.5],
    f: [1, 1, 1, 1, 1, 2, 2, 3, 4, 5, 7, 9, 10, 12, 0, 2.5],
    m: [0, 10, 10, 99.9, 100, 100, 250.35, 999, 1000, 1000, 1999.99, 2000, 4999, 5000, 10000, 12345.67, 0.1, 0.2, 0.3],
  };
  const cols = { r: [] as CellValue[], f: [] as CellValue[], m: [] as CellValue[] };
  for (let i = 0; i < rows; i++) {
    for (const metric of ['r', 'f', 'm'] as const) {
      const pool = pools[metric];
      const v = pool[Math.floor(next() * pool.length)];
      const bad = next() < 0.03;
      if (kind === 'typed') cols[metric].push(bad ? (next() < 0.5 ? null : -v - 1) : v);
      else cols[metric].push(bad ? BAD_TEXT[Math.floor(next() * BAD_TEXT.length)] : GOOD_TEXT_FORMS(v, next));
    }
  }
  return { kind, ...cols };
}

// ---------- databases ----------

let duck: Promise<DuckDBConnection> | undefined;
let pg: PgProcess | undefined;

function duckConnection(): Promise<DuckDBConnection> {
  duck ??= DuckDBInstance.create(':memory:').then((i) => i.connect());
  return duck;
}

/** PGlite in a child process (see pglite-process.js for why). */
class PgProcess {
  private readonly child: ChildProcess;
  private next = 0;
  private readonly waiting = new Map<number, { resolve(rows: Row[]): void; reject(err: Error): void }>();

  constructor() {
    this.child = fork(path.join(__dirname, 'pglite-process.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (msg: { id: number; rows?: Row[]; error?: string }) => {
      const w = this.waiting.get(msg.id);
      this.waiting.delete(msg.id);
      if (msg.error !== undefined) w?.reject(new Error(`PostgreSQL: ${msg.error}`));
      else w?.resolve(msg.rows ?? []);
    });
  }

  send(sql: string, exec: boolean): Promise<Row[]> {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.child.send({ id, sql, exec });
    });
  }

  close(): void {
    this.child.disconnect();
  }
}

function pglite(): PgProcess {
  pg ??= new PgProcess();
  return pg;
}

export async function closeDatabases(): Promise<void> {
  if (duck) (await duck).closeSync();
  pg?.close();
  duck = undefined;
  pg = undefined;
}

const sqlString = (v: string) => `'${v.replace(/'/g, "''")}'`;

function valuesSql(table: TestTable, emptyIds: number[] = []): string {
  const cell = (v: CellValue) => {
    if (v === null || v === undefined) return 'NULL';
    if (typeof v === 'number') return `CAST('${v}' AS DOUBLE PRECISION)`;
    return sqlString(String(v));
  };
  return table.r.map((_, i) => `(${emptyIds.includes(i) ? 'NULL' : i}, ${cell(table.r[i])}, ${cell(table.f[i])}, ${cell(table.m[i])})`).join(',\n');
}

let tableCount = 0;

/** Load the table into the dialect's database; returns its name. `emptyIds`: rows whose ID is NULL. */
export async function loadTable(dialect: 'duckdb' | 'postgres', table: TestTable, options: { emptyIds?: number[] } = {}): Promise<string> {
  const name = `customers_${++tableCount}`;
  const type = table.kind === 'typed' ? 'DOUBLE PRECISION' : dialect === 'duckdb' ? 'VARCHAR' : 'TEXT';
  const ddl = `CREATE TABLE ${name} (id INTEGER, r ${type}, f ${type}, m ${type})`;
  const insert = table.r.length ? `INSERT INTO ${name} VALUES ${valuesSql(table, options.emptyIds)}` : '';
  if (dialect === 'duckdb') {
    const c = await duckConnection();
    await c.run(ddl);
    if (insert) await c.run(insert);
  } else {
    await pglite().send(`${ddl}; ${insert}`, true);
  }
  return name;
}

/** One result row, every value as text (exact decimals stay exact) or null. */
export type Row = Record<string, string | null>;

function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && v !== null && 'toString' in v) return (v as { toString(): string }).toString();
  return String(v);
}

export async function runQuery(dialect: 'duckdb' | 'postgres', query: string): Promise<Row[]> {
  const wrapped = `SELECT * FROM (\n${query}\n) AS graded ORDER BY "id"`;
  if (dialect === 'duckdb') {
    const reader = await (await duckConnection()).runAndReadAll(wrapped);
    return reader.getRowObjects().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, text(v)])));
  }
  return pglite().send(wrapped, false);
}

export interface Case {
  scheme: Scheme;
  segments?: SegmentOptions;
  followUp?: boolean | string[];
  scale?: Scale;
  lang?: 'en' | 'zh';
}

/** The engine's answer for every row, in the query's column names. */
export function expected(table: TestTable, c: Case): Row[] {
  const result = scoreTable({ r: table.r, f: table.f, m: table.m }, c.scheme, { scale: c.scale });
  const lang = c.lang ?? 'en';
  const segments = c.segments ? segmentTable(result, c.segments, c.scheme) : undefined;
  const out = outputTable(result, c.scheme, lang, { segments, followUp: c.followUp });
  const grader = createGrader(c.scheme);
  const col = (name: string) => out.columns.indexOf(name as never);
  return table.r.map((_, i): Row => {
    const ok = result.grade[i] >= 0;
    const v = (name: string) => {
      const x = col(name) >= 0 ? out.cell(i, col(name)) : null;
      return x === null ? null : String(x);
    };
    const row: Row = {
      id: String(i),
      r_score: v('r'),
      f_score: v('f'),
      m_score: v('m'),
      rfm_score: ok ? toText(grader.exact(result.scores.r[i], result.scores.f[i], result.scores.m[i])) : null,
      grade: v('grade'),
      check: v('check'),
    };
    if (c.segments) row.segment = v('segment');
    if (c.followUp) row.follow_up = v('followUp');
    return row;
  });
}

/** Same value: numbers compared as exact decimals ("3.10" = "3.1"), texts as they are. */
function same(key: string, got: string | null, want: string | null): boolean {
  if (got === null || want === null) return got === want;
  if (key.endsWith('_score')) {
    const a = parseDec(got);
    const b = parseDec(want);
    return a !== undefined && b !== undefined && compareDecimal(a, b) === 0;
  }
  return got === want;
}

/** Run the case's query on the dialect and compare every row and column with the engine. */
export async function checkCase(dialect: 'duckdb' | 'postgres', table: TestTable, c: Case): Promise<number> {
  const name = await loadTable(dialect, table);
  const query = sqlQuery({
    scheme: c.scheme,
    dialect: dialect as SqlDialectId,
    columns: { id: 'id', r: 'r', f: 'f', m: 'm' },
    table: name,
    scale: c.scale,
    segments: c.segments ?? false,
    followUp: c.followUp,
    lang: c.lang ?? 'en',
    version: 'test',
  });
  const got = await runQuery(dialect, query);
  const want = expected(table, c);
  expect(got.length).toBe(want.length);
  const problems: string[] = [];
  want.forEach((w, i) => {
    for (const key of Object.keys(w)) {
      if (!same(key, got[i][key], w[key])) {
        problems.push(`row ${i} (R ${String(table.r[i])}, F ${String(table.f[i])}, M ${String(table.m[i])}) ${key}: SQL ${got[i][key]} ≠ engine ${w[key]}`);
      }
    }
  });
  expect(problems.slice(0, 10)).toEqual([]);
  return got.filter((r) => r.grade !== null).length;
}
