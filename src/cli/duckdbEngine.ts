/**
 * `rfm-score --engine duckdb INPUT.csv|INPUT.parquet --out OUT.csv|OUT.parquet` (docs/sql.md): the
 * DuckDB query of src/core/sql run by embedded DuckDB (@duckdb/node-api), so files larger than
 * memory are graded without loading them into Node (DuckDB streams the scan and spills its sorts
 * to a temporary directory). Progress goes to stderr; the output is written atomically.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { resolveLayout, RfmError, type InsightOptions, type Metric, type Scale, type Scheme } from '../core';
import { DIALECTS, sqlQuery } from '../core/sql';
import { t, type Lang } from '../i18n';
import { writeAtomically } from './atomic';
import type { Io } from './main';
import { version } from './version';

export interface EngineJob {
  input: string;
  out: string;
  /** Column references: exact header text or a column letter; undefined = detect from the headers. */
  columns: { r?: string; f?: string; m?: string; id?: string; orderBy?: string };
  scheme: Scheme;
  scale?: Scale;
  scaleFrom?: string;
  insight: InsightOptions;
  lang: Lang;
}

type FileFormat = 'csv' | 'parquet';

function formatOf(file: string): FileFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.parquet' ? 'parquet' : undefined;
}

/** The file's row number, added to the scan so ties `first` and the output keep the file's order. */
const ROW = 'rfm_file_row';

const str = DIALECTS.duckdb.str;

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n')[0];
}

async function loadDuckdb(): Promise<typeof import('@duckdb/node-api')> {
  try {
    return await import('@duckdb/node-api');
  } catch (err) {
    throw new RfmError('sql.engineMissing', { detail: firstLine(err) });
  }
}

export async function runDuckdbEngine(job: EngineJob, io: Io): Promise<void> {
  const { input, out, lang } = job;
  const inFormat = formatOf(input);
  const outFormat = formatOf(out);
  let stat;
  try {
    stat = await fs.stat(input);
  } catch {
    throw new RfmError('cli.inputMissing', { file: input });
  }
  if (!stat.isFile()) throw new RfmError('cli.inputNotFile', { file: input });
  if (!inFormat) throw new RfmError('sql.engineInput', { file: input });
  if (!outFormat) throw new RfmError('sql.engineOutput', { file: out });
  const realIn = await fs.realpath(input);
  const realOut = await fs.realpath(out).catch(() => path.resolve(out));
  if (realIn === realOut) throw new RfmError('cli.outIsInput', { file: out });

  const duckdb = await loadDuckdb();
  const spill = await fs.mkdtemp(path.join(os.tmpdir(), 'rfm-duckdb-'));
  const fail = (err: unknown): never => {
    if (err instanceof RfmError) throw err;
    throw new RfmError('sql.engineFailed', { file: input, detail: firstLine(err) });
  };
  const instance = await duckdb.DuckDBInstance.create(':memory:', { temp_directory: spill }).catch(async (err) => {
    await fs.rm(spill, { recursive: true, force: true });
    return fail(err);
  });
  const connection = await instance.connect();
  try {
    // Progress is read by runWithProgress; DuckDB's own bar would write over the terminal.
    await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false').catch(fail);
    // CSV cells as text, like the scoring run reads them (`1,234.50` and `¥2,000` are numbers there).
    const scan =
      inFormat === 'csv' ? `read_csv(${str(input)}, header = true, all_varchar = true)` : `read_parquet(${str(input)})`;
    const names = await columnNames(connection, scan).catch(fail);
    const layout = (() => {
      try {
        return resolveLayout(names, { header: 'yes', r: job.columns.r, f: job.columns.f, m: job.columns.m, id: job.columns.id });
      } catch (err) {
        return fail(err);
      }
    })();
    const name = (i: number) => names[i];
    const orderBy = job.columns.orderBy;
    if (orderBy !== undefined && !names.includes(orderBy)) {
      throw new RfmError('sql.noSuchColumn', { column: orderBy, role: '--order-by', file: input, columns: names.join(', ') });
    }
    const columns = {
      id: layout.id !== undefined ? name(layout.id) : undefined,
      ...(Object.fromEntries((['r', 'f', 'm'] as Metric[]).map((m) => [m, name(layout.columns[m])])) as Record<Metric, string>),
      orderBy: orderBy ?? ROW,
      sortBy: ROW,
    };
    const query = sqlQuery({
      scheme: job.scheme,
      dialect: 'duckdb',
      columns,
      from: `(SELECT *, row_number() OVER () AS ${ROW} FROM ${scan}) AS rfm_input`,
      scale: job.scale,
      scaleFrom: job.scaleFrom,
      segments: job.insight.segments,
      followUp: job.insight.followUp,
      lang,
      version: version(),
    });
    // CSV cells are plain number text like the scoring run writes (4, 3.8, not 4.0 or 3.80); Parquet keeps the exact DECIMAL.
    const plain = (c: string) =>
      `CASE WHEN contains(CAST("${c}" AS VARCHAR), '.') AND NOT contains(lower(CAST("${c}" AS VARCHAR)), 'e') ` +
      `THEN rtrim(rtrim(CAST("${c}" AS VARCHAR), '0'), '.') ELSE CAST("${c}" AS VARCHAR) END AS "${c}"`;
    const select =
      outFormat === 'csv'
        ? `SELECT * REPLACE (${['r_score', 'f_score', 'm_score', 'rfm_score'].map(plain).join(', ')}) FROM (\n${query}\n) AS graded`
        : query;
    const format = outFormat === 'csv' ? 'FORMAT csv, HEADER true' : 'FORMAT parquet';
    await writeAtomically(out, async (temp) => {
      await runWithProgress(connection, `COPY (${select}\n) TO ${str(temp)} (${format})`, io, lang).catch(fail);
    }).catch(fail);
    await report(connection, job, io).catch(fail);
  } finally {
    connection.closeSync();
    instance.closeSync();
    await fs.rm(spill, { recursive: true, force: true });
  }
}

async function columnNames(connection: DuckDBConnection, scan: string): Promise<string[]> {
  const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${scan}`);
  return reader.getRowObjectsJS().map((row) => String(row.column_name));
}

/** Run the statement task by task, printing DuckDB's progress to stderr at most once a second. */
async function runWithProgress(connection: DuckDBConnection, sql: string, io: Io, lang: Lang): Promise<void> {
  const { DuckDBPendingResultState } = await import('@duckdb/node-api');
  const pending = await connection.start(sql);
  let last = Date.now();
  let shown = -1;
  for (;;) {
    const state = pending.runTask();
    if (state === DuckDBPendingResultState.RESULT_READY) break;
    if (state === DuckDBPendingResultState.NO_TASKS_AVAILABLE) await new Promise((r) => setTimeout(r, 5));
    const now = Date.now();
    if (now - last >= 1000) {
      last = now;
      const percent = Math.floor(connection.progress.percentage);
      if (percent >= 0 && percent !== shown) {
        shown = percent;
        io.err(t(lang, 'sql.progress', { percent: `${percent}%` }));
      }
    }
  }
  await pending.getResult();
}

/** Rows, graded rows and the count per grade, read back from the written file. */
async function report(connection: DuckDBConnection, job: EngineJob, io: Io): Promise<void> {
  const scan = formatOf(job.out) === 'csv' ? `read_csv(${str(job.out)}, header = true, all_varchar = true)` : `read_parquet(${str(job.out)})`;
  const reader = await connection.runAndReadAll(`SELECT "grade" AS g, count(*) AS n FROM ${scan} GROUP BY "grade"`);
  const counts = new Map<string | null, number>();
  for (const row of reader.getRowObjectsJS()) counts.set(row.g === null ? null : String(row.g), Number(row.n));
  const rows = [...counts.values()].reduce((a, b) => a + b, 0);
  const invalid = counts.get(null) ?? 0;
  const lang = job.lang;
  io.out(t(lang, 'sql.report', { file: job.input, rows, scored: rows - invalid, invalid }));
  const grades = job.scheme.grades.map((g) => `${g.label} ${counts.get(g.label) ?? 0}`).join(lang === 'zh' ? '，' : ', ');
  io.out(t(lang, 'sql.reportGrades', { grades }));
  io.out(t(lang, 'cli.report.wrote', { file: job.out }));
}
