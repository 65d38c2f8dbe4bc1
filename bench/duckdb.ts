/**
 * The benchmark peer (README "Benchmark", docs/engine.md): the same job as one DuckDB SQL query —
 * read the CSV, rank R/F/M into quintiles with average ties, the exact 0.3/0.3/0.4 composite (as
 * integers ×10), grades A ≥ 4, B ≥ 3, C ≥ 2, D — writing every input column plus the scores to a
 * CSV. And the check that its scores and grades agree with ours on every customer.
 */
import { DuckDBInstance } from '@duckdb/node-api';

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Quintile scores with average ties from a valid table `valid(c, r, f, m, …)`: a tie group at
 * best-first positions a..a+count−1 has 2·rank = 2a + count − 1, so score = 5 − ⌊5(2a + count − 3) / 2n⌋.
 */
const SCORED = `
  ranked AS (
    SELECT *, count(*) OVER () AS n,
      rank() OVER (ORDER BY r ASC) AS ra, count(*) OVER (PARTITION BY r) AS rc,
      rank() OVER (ORDER BY f DESC) AS fa, count(*) OVER (PARTITION BY f) AS fc,
      rank() OVER (ORDER BY m DESC) AS ma, count(*) OVER (PARTITION BY m) AS mc
    FROM valid),
  scored AS (
    SELECT *,
      5 - (5 * (2 * ra + rc - 3)) // (2 * n) AS rs,
      5 - (5 * (2 * fa + fc - 3)) // (2 * n) AS fs,
      5 - (5 * (2 * ma + mc - 3)) // (2 * n) AS ms
    FROM ranked),
  graded AS (
    SELECT *, 3 * rs + 3 * fs + 4 * ms AS rfm10 FROM scored)`;

const GRADE = `CASE WHEN rfm10 >= 40 THEN 'A' WHEN rfm10 >= 30 THEN 'B' WHEN rfm10 >= 20 THEN 'C' ELSE 'D' END`;

async function connect() {
  const instance = await DuckDBInstance.create(':memory:');
  return instance.connect();
}

/** Customers CSV (客户编号, 地区, R值, F值, M值) → the same columns plus R/F/M Score, RFM Score, Grade. */
export async function duckCustomers(input: string, output: string): Promise<void> {
  const conn = await connect();
  await conn.run(`
    COPY (
      WITH valid AS (SELECT *, "R值" AS r, "F值" AS f, "M值" AS m FROM read_csv(${quote(input)}, header = true)),
      ${SCORED}
      SELECT "客户编号", "地区", "R值", "F值", "M值", rs AS "R Score", fs AS "F Score", ms AS "M Score",
        rfm10 / 10 AS "RFM Score", ${GRADE} AS "Grade"
      FROM graded
    ) TO ${quote(output)} (HEADER, DELIMITER ',')`);
}

/**
 * Sales records (交易日期, 客户编号, 门店, 金额) → per customer R (days from the last purchase to the
 * as-of day), F (rows with a positive amount), M (net amount, exact decimals), scored as above; a
 * customer without a purchase is left out, one with M < 0 is not scored (docs/transactions.md).
 */
export async function duckTransactions(input: string, output: string, since: string, asOf: string): Promise<void> {
  const conn = await connect();
  await conn.run(`
    COPY (
      WITH tx AS (
        SELECT "客户编号" AS c, "交易日期"::DATE AS d, "金额"::DECIMAL(18, 2) AS a
        FROM read_csv(${quote(input)}, header = true, columns = {'交易日期': 'VARCHAR', '客户编号': 'VARCHAR', '门店': 'VARCHAR', '金额': 'VARCHAR'})),
      agg AS (
        SELECT c, DATE ${quote(asOf)} - max(d) FILTER (WHERE a > 0) AS r, count(*) FILTER (WHERE a > 0) AS f, sum(a) AS m
        FROM tx WHERE d >= DATE ${quote(since)} AND d <= DATE ${quote(asOf)}
        GROUP BY c HAVING count(*) FILTER (WHERE a > 0) > 0),
      valid AS (SELECT * FROM agg WHERE m >= 0),
      ${SCORED}
      SELECT c AS "Customer", r AS "R", f AS "F", m AS "M", rs AS "R Score", fs AS "F Score", ms AS "M Score",
        rfm10 / 10 AS "RFM Score", ${GRADE} AS "Grade"
      FROM graded
    ) TO ${quote(output)} (HEADER, DELIMITER ',')`);
}

/**
 * Customers whose scores or grade differ between our output and DuckDB's, joined on the ID column;
 * a customer scored by only one side counts too. Our rows without a grade (invalid) are left out.
 */
export async function disagreements(ours: string, theirs: string, id: string): Promise<{ rows: number; differ: number }> {
  const conn = await connect();
  const col = `"${id}"`;
  const reader = await conn.runAndReadAll(`
    WITH o AS (SELECT * FROM read_csv(${quote(ours)}, header = true, all_varchar = true) WHERE "Grade" IS NOT NULL AND "Grade" <> ''),
         d AS (SELECT * FROM read_csv(${quote(theirs)}, header = true, all_varchar = true))
    SELECT count(*) AS rows,
      count(*) FILTER (WHERE o.${col} IS NULL OR d.${col} IS NULL
        OR o."R Score"::INT <> d."R Score"::INT OR o."F Score"::INT <> d."F Score"::INT OR o."M Score"::INT <> d."M Score"::INT
        OR o."RFM Score"::DECIMAL(18, 4) <> d."RFM Score"::DECIMAL(18, 4) OR o."Grade" <> d."Grade") AS differ
    FROM o FULL OUTER JOIN d ON o.${col} = d.${col}`);
  const [rows, differ] = reader.getRows()[0];
  return { rows: Number(rows), differ: Number(differ) };
}

/**
 * Customers whose scores or grade differ between our CSV output and the output of `rfm-score
 * --engine duckdb` (the scheme's SQL, src/core/sql/, whose columns are id, r_score … grade).
 */
export async function sqlDisagreements(ours: string, sql: string, id: string): Promise<{ rows: number; differ: number }> {
  const conn = await connect();
  const col = `"${id}"`;
  const reader = await conn.runAndReadAll(`
    WITH o AS (SELECT * FROM read_csv(${quote(ours)}, header = true, all_varchar = true) WHERE "Grade" IS NOT NULL AND "Grade" <> ''),
         d AS (SELECT * FROM read_csv(${quote(sql)}, header = true, all_varchar = true) WHERE grade IS NOT NULL AND grade <> '')
    SELECT count(*) AS rows,
      count(*) FILTER (WHERE o.${col} IS NULL OR d.id IS NULL
        OR o."R Score"::INT <> d.r_score::INT OR o."F Score"::INT <> d.f_score::INT OR o."M Score"::INT <> d.m_score::INT
        OR o."RFM Score"::DECIMAL(18, 4) <> d.rfm_score::DECIMAL(18, 4) OR o."Grade" <> d.grade) AS differ
    FROM o FULL OUTER JOIN d ON o.${col} = d.id`);
  const [rows, differ] = reader.getRows()[0];
  return { rows: Number(rows), differ: Number(differ) };
}
