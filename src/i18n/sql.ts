import type { MessageTable } from './index';

/**
 * The scheme as SQL (docs/sql.md): `rfm-score --sql`, `rfm-score --engine duckdb` (src/cli/sql.ts,
 * src/cli/duckdbEngine.ts) and the pane's "Copy as SQL" (src/taskpane/components/SqlExport.tsx).
 */
const en = {
  'sql.dialect.duckdb': 'DuckDB',
  'sql.dialect.postgres': 'PostgreSQL',
  'sql.dialect.spark': 'Spark SQL',
  'sql.dialect.hive': 'Hive',
  'sql.dialect.clickhouse': 'ClickHouse',
  'sql.dialect.bigquery': 'BigQuery',

  // Command line (printed after cli.usage by --help).
  'sql.usage': `The scheme as SQL (docs/sql.md): grade the customers where the data lives
  rfm-score --sql DIALECT [scoring options above] [--table NAME] [--id/--r/--f/--m COLUMN] [--out QUERY.sql]
  --sql duckdb|postgres|spark|hive|clickhouse|bigquery
                               print one query that returns every row's ID, R, F, M, scores, RFM score,
                               grade (and segment, follow-up, check) exactly as rfm-score computes them
  --table NAME                 the table to read (default customers)
  --id/--r/--f/--m COLUMN      column names in the table (default r, f, m; no ID)
  --order-by COLUMN            the row order for --ties first (default the --id column)
  --scale-from PREV.xlsx       the earlier run's scheme, and its quintile cut values frozen into the query
  rfm-score INPUT.csv|INPUT.parquet --engine duckdb --out OUT.csv|OUT.parquet [scoring options above]
                               run that query with embedded DuckDB: for files larger than memory`,
  'sql.badDialect': 'Unknown SQL dialect "{value}". Use one of: {dialects}.',
  'sql.badEngine': 'Unknown engine "{value}". The engine is: duckdb.',
  'sql.sqlAndEngine': 'Use either --sql (prints a query) or --engine (runs one), not both.',
  'sql.inputWithSql': 'The --sql option reads no file, it prints a query for a table: drop "{value}" and name the table with --table.',
  'sql.notWithSql': 'The option {option} does not apply to --sql: the query reads a table, not a file.',
  'sql.notWithEngine': 'The option {option} does not apply to --engine duckdb.',
  'sql.onlyWithSql': 'The option {option} applies only to --sql and --engine duckdb.',
  'sql.firstNeedsOrder':
    'Ties "first" give tied rows their row order, and a table has none: name the column that orders the rows with --order-by (or give --id).',
  'sql.noSuchColumn': 'The column "{column}" ({role}) is not in {file}. Its columns: {columns}.',
  'sql.engineInput': 'The DuckDB engine reads CSV or Parquet files (.csv, .parquet), not "{file}".',
  'sql.engineOutput': 'The DuckDB engine writes CSV or Parquet files (.csv, .parquet), not "{file}".',
  'sql.engineMissing':
    'The DuckDB engine needs the package @duckdb/node-api, which could not be loaded ({detail}). Install it with: npm install @duckdb/node-api',
  'sql.engineFailed': 'DuckDB could not grade {file}: {detail}',
  'sql.progress': 'DuckDB: {percent} done',
  'sql.report': '{rows} customers in {file}: {scored} graded, {invalid} with an invalid R, F or M (see the check column).',
  'sql.reportGrades': 'Grades: {grades}',
  'sql.wroteQuery': 'Wrote the {dialect} query to {file}',

  // Task pane.
  'sql.pane.heading': 'Copy as SQL',
  'sql.pane.intro':
    'The same scheme as one SQL query, for customers that live in a database: it returns every row’s scores, RFM score and grade exactly as this pane computes them.',
  'sql.pane.dialect': 'Database',
  'sql.pane.table': 'Table name',
  'sql.pane.copy': 'Copy as SQL',
  'sql.pane.copied': 'The {dialect} query is on the clipboard.',
  'sql.pane.copyFailed': 'This host does not allow the clipboard: the query is selected below, press Ctrl+C to copy it.',
  'sql.pane.query': 'SQL query',
  'sql.pane.columnsNote': 'Columns are named by their headers here; if the table in the database names them differently, change the names in the query.',
  'sql.pane.noColumns': 'Choose the R, F and M columns first.',
  'sql.pane.firstNeedsOrder': 'Ties “first” follow the row order, which a database table does not have: choose a customer ID column to order the rows by.',
  'sql.pane.scaleNote': 'The scale of an earlier run is not part of the query: it ranks the table’s own customers.',
} as const;

type Key = keyof typeof en;

const zh: Record<Key, string> = {
  'sql.usage': `评分标准生成SQL（docs/sql.md）：在数据所在的数据库中为客户评级
  rfm-score --sql 方言 [上述评分选项] [--table 表名] [--id/--r/--f/--m 列名] [--out 查询.sql]
  --sql duckdb|postgres|spark|hive|clickhouse|bigquery
                               输出一条查询语句，为每一行返回客户ID、R值、F值、M值、得分、RFM得分、
                               客户等级（以及客户分群、回访周期、数据检查），结果与rfm-score完全一致
  --table 表名                 要读取的表（默认customers）
  --id/--r/--f/--m 列名        表中的列名（默认r、f、m；无客户ID）
  --order-by 列名              并列处理方式为按行顺序时的行顺序（默认--id指定的列）
  --scale-from 上期.xlsx       使用上期的评分标准，并把其五分位分界值固定写入查询语句
  rfm-score 输入.csv|输入.parquet --engine duckdb --out 输出.csv|输出.parquet [上述评分选项]
                               用内置的DuckDB执行该查询：适用于超出内存的大文件`,
  'sql.dialect.duckdb': 'DuckDB',
  'sql.dialect.postgres': 'PostgreSQL',
  'sql.dialect.spark': 'Spark SQL',
  'sql.dialect.hive': 'Hive',
  'sql.dialect.clickhouse': 'ClickHouse',
  'sql.dialect.bigquery': 'BigQuery',

  'sql.badDialect': '未知的SQL方言“{value}”。可选：{dialects}。',
  'sql.badEngine': '未知的引擎“{value}”。可用的引擎：duckdb。',
  'sql.sqlAndEngine': '--sql输出查询语句，--engine执行查询：二者只能选其一。',
  'sql.inputWithSql': '--sql不读取文件，而是为数据表生成查询语句：请去掉“{value}”，并用--table指定表名。',
  'sql.notWithSql': '{option}不适用于--sql：查询读取的是数据表，不是文件。',
  'sql.notWithEngine': '{option}不适用于--engine duckdb。',
  'sql.onlyWithSql': '{option}只能与--sql或--engine duckdb一起使用。',
  'sql.firstNeedsOrder':
    '并列处理方式为按行顺序时，并列的行按行顺序排名，而数据表没有行顺序：请用--order-by指定决定行顺序的列（或提供--id）。',
  'sql.noSuchColumn': '{file}中没有“{column}”列（{role}）。现有的列：{columns}。',
  'sql.engineInput': 'DuckDB引擎读取CSV或Parquet文件（.csv、.parquet），不能读取“{file}”。',
  'sql.engineOutput': 'DuckDB引擎写出CSV或Parquet文件（.csv、.parquet），不能写出“{file}”。',
  'sql.engineMissing': 'DuckDB引擎需要@duckdb/node-api包，但无法加载（{detail}）。安装方法：npm install @duckdb/node-api',
  'sql.engineFailed': 'DuckDB无法为{file}评分：{detail}',
  'sql.progress': 'DuckDB：已完成{percent}',
  'sql.report': '{file}共{rows}位客户：{scored}位已评级，{invalid}位的R值、F值或M值无效（见check列）。',
  'sql.reportGrades': '客户等级：{grades}',
  'sql.wroteQuery': '已将{dialect}查询语句写入{file}',

  'sql.pane.heading': '复制为SQL',
  'sql.pane.intro': '把同一评分标准生成一条SQL查询，用于存放在数据库中的客户：它为每一行返回得分、RFM得分和客户等级，结果与本窗格完全一致。',
  'sql.pane.dialect': '数据库',
  'sql.pane.table': '表名',
  'sql.pane.copy': '复制为SQL',
  'sql.pane.copied': '{dialect}查询语句已复制到剪贴板。',
  'sql.pane.copyFailed': '当前环境不允许使用剪贴板：查询语句已在下方选中，请按Ctrl+C复制。',
  'sql.pane.query': 'SQL查询语句',
  'sql.pane.columnsNote': '此处的列名取自表头；如果数据库中的表使用其他列名，请在查询语句中修改。',
  'sql.pane.noColumns': '请先选择R值、F值和M值所在的列。',
  'sql.pane.firstNeedsOrder': '并列处理方式为按行顺序时依赖行顺序，而数据库表没有行顺序：请选择客户ID列作为排序依据。',
  'sql.pane.scaleNote': '查询语句不包含上期的分界值：它按表中客户自身的五分位排名。',
};

export const sqlMessages: MessageTable<Key> = { en, zh };
