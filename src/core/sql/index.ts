/** The scheme as SQL (docs/sql.md): a query per warehouse dialect that grades rows like the engine. */
export { sqlQuery, schemeSummary, type SqlColumns, type SqlOptions } from './generate';
export { SQL_DIALECTS, DIALECTS, isSqlDialect, type SqlDialect, type SqlDialectId } from './dialects';
