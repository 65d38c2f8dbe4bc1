/**
 * `rfm-score --sql DIALECT` and `rfm-score --engine duckdb` (docs/sql.md): the scheme options turned
 * into one SQL query (src/core/sql), printed — or run by embedded DuckDB on a CSV or Parquet file
 * (src/cli/duckdbEngine.ts). The scheme, segment and follow-up options are the scoring run's own.
 */
import { promises as fs } from 'node:fs';
import { RfmError, type Scale, type Scheme } from '../core';
import { isSqlDialect, SQL_DIALECTS, sqlQuery, type SqlDialectId } from '../core/sql';
import { t, type Lang, type MessageKey } from '../i18n';
import { writeAtomically } from './atomic';
import type { Io } from './main';
import { parseInsight, parseLang, schemeOf, type ParsedArgs } from './options';
import { readEarlierRun } from './periods';
import { version } from './version';

/** Options of a scoring run that have no meaning for a query over a table. */
const FILE_ONLY = ['sheet', 'header', 'summary', 'list', 'list-out', 'formulas', 'transactions', 'previous', 'customer', 'date', 'amount', 'order', 'since', 'as-of'] as const;
const SCHEME_OPTIONS = ['preset', 'variant', 'weights', 'r-method', 'f-method', 'm-method', 'bins', 'ties', 'grades'] as const;

export interface SqlScheme {
  scheme: Scheme;
  scale?: Scale;
  /** `prev.xlsx (sheet "Customers")`, for the query's header comment. */
  scaleFrom?: string;
  /** The earlier run's header texts of R, F, M and the ID: the default column names with --scale-from. */
  headers: Partial<Record<'r' | 'f' | 'm' | 'id', string>>;
}

/** The scheme from the options, or from an earlier result's parameters sheet (--scale-from). */
async function schemeFor(v: ParsedArgs['values'], lang: Lang): Promise<SqlScheme> {
  const file = v['scale-from'];
  if (file === undefined) return { scheme: schemeOf(v), headers: {} };
  const given = SCHEME_OPTIONS.find((k) => v[k] !== undefined);
  if (given) throw new RfmError('period.schemeWithScale', { option: `--${given}` });
  const run = await readEarlierRun(file, '--scale-from', lang);
  return { scheme: run.record.scheme, scale: run.record.scale, scaleFrom: run.where, headers: run.record.layout.headers };
}

export function dialectNames(lang: Lang): string {
  return SQL_DIALECTS.map((d) => `${d} (${t(lang, `sql.dialect.${d}` as MessageKey)})`).join(', ');
}

/** `rfm-score --sql …` or `rfm-score --engine duckdb …`. Problems are RfmErrors (exit 2). */
export async function runSql(args: ParsedArgs, io: Io): Promise<void> {
  const v = args.values;
  const lang = parseLang(v.lang);
  if (v.sql !== undefined && v.engine !== undefined) throw new RfmError('sql.sqlAndEngine');
  const engine = v.engine !== undefined;
  const fileOnly = FILE_ONLY.find((k) => v[k] !== undefined);
  if (fileOnly) throw new RfmError(engine ? 'sql.notWithEngine' : 'sql.notWithSql', { option: `--${fileOnly}` });

  if (engine) {
    if (v.engine !== 'duckdb') throw new RfmError('sql.badEngine', { value: v.engine! });
    if (v.table !== undefined) throw new RfmError('sql.notWithEngine', { option: '--table' });
    if (args.positionals.length === 0) throw new RfmError('cli.noInput');
    if (args.positionals.length > 1) throw new RfmError('cli.extraArgument', { value: args.positionals[1] });
    if (!v.out) throw new RfmError('cli.noOut');
  } else {
    if (!isSqlDialect(v.sql!)) throw new RfmError('sql.badDialect', { value: v.sql!, dialects: dialectNames(lang) });
    if (args.positionals.length) throw new RfmError('sql.inputWithSql', { value: args.positionals[0] });
  }

  const sqlScheme = await schemeFor(v, lang);
  const { scheme } = sqlScheme;
  const insight = parseInsight(v, scheme.grades.length);
  if (Array.isArray(insight.followUp) && insight.followUp.length !== scheme.grades.length) {
    throw new RfmError('cli.badFollowUpLabels', { count: insight.followUp.length, grades: scheme.grades.length });
  }

  if (engine) {
    // Loaded on demand: the DuckDB binding is large, and plain scoring runs must not pay for it.
    const { runDuckdbEngine } = await import('./duckdbEngine');
    await runDuckdbEngine(
      {
        input: args.positionals[0],
        out: v.out!,
        columns: { r: v.r, f: v.f, m: v.m, id: v.id, orderBy: v['order-by'] },
        ...sqlScheme,
        insight,
        lang,
      },
      io,
    );
    return;
  }

  const dialect = v.sql as SqlDialectId;
  const h = sqlScheme.headers;
  const query = sqlQuery({
    scheme,
    dialect,
    columns: {
      id: v.id ?? h.id,
      r: v.r ?? h.r ?? 'r',
      f: v.f ?? h.f ?? 'f',
      m: v.m ?? h.m ?? 'm',
      orderBy: v['order-by'],
    },
    table: v.table,
    scale: sqlScheme.scale,
    scaleFrom: sqlScheme.scaleFrom,
    segments: insight.segments,
    followUp: insight.followUp,
    lang,
    version: version(),
  });
  if (v.out === undefined) {
    io.out(query);
    return;
  }
  const out = v.out;
  await writeAtomically(out, (temp) => fs.writeFile(temp, `${query}\n`, 'utf8')).catch((err: NodeJS.ErrnoException) => {
    throw new RfmError('cli.cannotWrite', { file: out, detail: err.message });
  });
  io.out(t(lang, 'sql.wroteQuery', { dialect: t(lang, `sql.dialect.${dialect}` as MessageKey), file: out }));
}
