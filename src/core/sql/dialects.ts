/**
 * The scheme as SQL (docs/sql.md): the few places where the six warehouses spell the same thing
 * differently — identifier quotes, string escapes, regular expressions, casts, integer division,
 * exact decimal literals and joining the Check texts. Everything else in the query is plain SQL.
 */

export type SqlDialectId = 'duckdb' | 'postgres' | 'spark' | 'hive' | 'clickhouse' | 'bigquery';
export const SQL_DIALECTS: readonly SqlDialectId[] = ['duckdb', 'postgres', 'spark', 'hive', 'clickhouse', 'bigquery'];

export interface SqlDialect {
  id: SqlDialectId;
  /** A quoted identifier (column or table name). */
  ident(name: string): string;
  /** A string literal. */
  str(text: string): string;
  /** A regular expression literal (patterns use `\s`; some dialects need the backslash doubled). */
  regex(pattern: string): string;
  /** 1-free boolean test: `expr` matches the regular expression literal. */
  matches(expr: string, regexLiteral: string): string;
  /** Remove every match of the regular expression literal from `expr`. */
  removeAll(expr: string, regexLiteral: string): string;
  /** Any column as text (NULL stays NULL). */
  text(expr: string): string;
  /** Text to a double; NULL when it cannot be read. */
  toDouble(expr: string): string;
  /** Text to the exact decimal type used for raw values (38 digits, 10 after the point). */
  toDecimal(expr: string): string;
  /** An exact decimal literal with `scale` digits after the point. */
  decimal(text: string, scale: number): string;
  /** A double literal. */
  double(x: number): string;
  /** Integer division of non-negative integers. */
  intDiv(a: string, b: string): string;
  /** The non-empty texts joined with `sep`; NULL when every part is empty or NULL. */
  joinNonEmpty(parts: string[], sep: string): string;
}

const doubleQuoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
const backQuoted = (name: string) => `\`${name.replace(/`/g, '``')}\``;
/** Standard SQL strings: only the quote is doubled (DuckDB; PostgreSQL with standard_conforming_strings). */
const standardStr = (text: string) => `'${text.replace(/'/g, "''")}'`;
/** Strings where the backslash escapes (Spark, Hive, ClickHouse, BigQuery). */
const escapedStr = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function exactDecimalText(text: string, scale: number): string {
  return scale > 0 && !text.includes('.') ? `${text}.${'0'.repeat(scale)}` : text;
}

/**
 * The parts (each text, '' when absent) joined with the separator, in plain CONCAT and CASE so that
 * every dialect (and every SQL parser the tests use) reads it the same way; NULL when all are ''.
 */
function joinWithCase(parts: string[], sepLiteral: string, nullIf = 'NULLIF'): string {
  const pieces: string[] = [];
  parts.forEach((p, i) => {
    pieces.push(p);
    if (i < parts.length - 1) {
      const later = parts.slice(i + 1).map((q) => `${q} <> ''`).join(' OR ');
      pieces.push(`CASE WHEN ${p} <> '' AND (${later}) THEN ${sepLiteral} ELSE '' END`);
    }
  });
  return `${nullIf}(CONCAT(${pieces.join(', ')}), '')`;
}

/** Integer division where the dialect (or its parser) has no integer-division operator: exact, as a − a mod b is a multiple of b. */
const exactDivision = (a: string, b: string) => `CAST(((${a}) - (${a}) % (${b})) / (${b}) AS BIGINT)`;

const duckdb: SqlDialect = {
  id: 'duckdb',
  ident: doubleQuoted,
  str: standardStr,
  regex: standardStr,
  matches: (e, r) => `regexp_matches(${e}, ${r})`,
  removeAll: (e, r) => `regexp_replace(${e}, ${r}, '', 'g')`,
  text: (e) => `CAST(${e} AS VARCHAR)`,
  toDouble: (e) => `TRY_CAST(${e} AS DOUBLE)`,
  toDecimal: (e) => `TRY_CAST(${e} AS DECIMAL(38, 10))`,
  decimal: (t, s) => `CAST(${standardStr(exactDecimalText(t, s))} AS DECIMAL(38, ${s}))`,
  double: (x) => `CAST(${String(x)} AS DOUBLE)`,
  intDiv: (a, b) => `((${a}) // (${b}))`,
  joinNonEmpty: (p, sep) => joinWithCase(p, standardStr(sep)),
};

const postgres: SqlDialect = {
  id: 'postgres',
  ident: doubleQuoted,
  str: standardStr,
  regex: standardStr,
  matches: (e, r) => `(${e} ~ ${r})`,
  removeAll: (e, r) => `regexp_replace(${e}, ${r}, '', 'g')`,
  text: (e) => `CAST(${e} AS TEXT)`,
  // The text was checked against the number pattern first, so the cast cannot fail on its form.
  toDouble: (e) => `CAST(${e} AS DOUBLE PRECISION)`,
  toDecimal: (e) => `CAST(${e} AS NUMERIC(38, 10))`,
  decimal: (t, s) => `CAST(${standardStr(exactDecimalText(t, s))} AS NUMERIC(38, ${s}))`,
  double: (x) => `CAST(${standardStr(String(x))} AS DOUBLE PRECISION)`,
  intDiv: (a, b) => `(CAST(${a} AS BIGINT) / CAST(${b} AS BIGINT))`,
  joinNonEmpty: (p, sep) => joinWithCase(p, standardStr(sep)),
};

const spark: SqlDialect = {
  id: 'spark',
  ident: backQuoted,
  str: escapedStr,
  regex: escapedStr,
  matches: (e, r) => `(${e} RLIKE ${r})`,
  removeAll: (e, r) => `regexp_replace(${e}, ${r}, '')`,
  text: (e) => `CAST(${e} AS STRING)`,
  toDouble: (e) => `TRY_CAST(${e} AS DOUBLE)`,
  toDecimal: (e) => `TRY_CAST(${e} AS DECIMAL(38, 10))`,
  decimal: (t, s) => `CAST(${escapedStr(exactDecimalText(t, s))} AS DECIMAL(38, ${s}))`,
  double: (x) => `CAST(${escapedStr(String(x))} AS DOUBLE)`,
  intDiv: exactDivision,
  joinNonEmpty: (p, sep) => joinWithCase(p, escapedStr(sep)),
};

const hive: SqlDialect = {
  ...spark,
  id: 'hive',
  // Hive has no TRY_CAST; its CAST already gives NULL for text that is not a number.
  toDouble: (e) => `CAST(${e} AS DOUBLE)`,
  toDecimal: (e) => `CAST(${e} AS DECIMAL(38, 10))`,
};

const clickhouse: SqlDialect = {
  id: 'clickhouse',
  ident: doubleQuoted,
  str: escapedStr,
  regex: escapedStr,
  matches: (e, r) => `match(${e}, ${r})`,
  removeAll: (e, r) => `replaceRegexpAll(${e}, ${r}, '')`,
  text: (e) => `toString(${e})`,
  toDouble: (e) => `toFloat64OrNull(${e})`,
  toDecimal: (e) => `toDecimal128OrNull(${e}, 10)`,
  decimal: (t, s) => `toDecimal128(${escapedStr(exactDecimalText(t, s))}, ${s})`,
  double: (x) => `toFloat64(${escapedStr(String(x))})`,
  intDiv: (a, b) => `intDiv(${a}, ${b})`,
  joinNonEmpty: (p, sep) => joinWithCase(p, escapedStr(sep), 'nullIf'),
};

const bigquery: SqlDialect = {
  id: 'bigquery',
  ident: backQuoted,
  str: escapedStr,
  // Raw strings keep the pattern's backslashes as they are.
  regex: (p) => `r'${p.replace(/'/g, "\\'")}'`,
  matches: (e, r) => `REGEXP_CONTAINS(${e}, ${r})`,
  removeAll: (e, r) => `REGEXP_REPLACE(${e}, ${r}, '')`,
  text: (e) => `CAST(${e} AS STRING)`,
  toDouble: (e) => `SAFE_CAST(${e} AS FLOAT64)`,
  // NUMERIC: 38 digits, 9 after the point (docs/sql.md: raw values with more decimals are rounded on reading).
  toDecimal: (e) => `SAFE_CAST(${e} AS NUMERIC)`,
  decimal: (t) => `CAST(${escapedStr(t)} AS NUMERIC)`,
  double: (x) => `CAST(${escapedStr(String(x))} AS FLOAT64)`,
  intDiv: (a, b) => `DIV(${a}, ${b})`,
  joinNonEmpty: (p, sep) => joinWithCase(p, escapedStr(sep)),
};

export const DIALECTS: Record<SqlDialectId, SqlDialect> = { duckdb, postgres, spark, hive, clickhouse, bigquery };

export function isSqlDialect(text: string): text is SqlDialectId {
  return (SQL_DIALECTS as readonly string[]).includes(text);
}
