/**
 * The scheme as SQL (docs/sql.md): one query that grades every row of a table exactly as the engine
 * does (src/core/engine.ts), for DuckDB, PostgreSQL, Spark SQL, Hive, ClickHouse and BigQuery.
 * Pure: text in, text out.
 *
 * The query's steps mirror the engine:
 *  1. cells → numbers with the engine's rules (SPEC.md 1): the column as text, checked against the
 *     same number pattern (`1,234.50`, `¥2,000`), else the reason (empty, negative, error value, …);
 *  2. quintiles over the valid rows only (windows partitioned by the valid flag, so invalid rows do
 *     not count in n), score = k − floor(k·(rank − 1)/n) on doubled ranks like src/core/score.ts;
 *     breaks as a count of cut-offs reached; raw as the value; a frozen scale as a CASE over the
 *     recorded band edges (src/core/scale.ts);
 *  3. the composite in exact arithmetic: integer scores times the weights scaled to integers, raw
 *     values as DECIMAL(38, 10); grades compare those exact numbers with the thresholds scaled alike;
 *  4. segments against the exact mean (v·n ≥ Σv) or median (2v ≥ a + b) of the scores or values.
 */
import { t, type Lang, type MessageKey } from '../../i18n';
import { parseDecimal, rescale, toText, type Decimal } from '../decimal';
import { RfmError } from '../errors';
import { followUpLabels } from '../output';
import { NESTED_IN } from '../nested';
import { gradesText, lowerIsBetter, methodText, metricName, validateScheme } from '../scheme';
import { mapDomain, matchTable, othersName, ruleBoxes, segmentMapPreset, segmentNames } from '../segmentMaps';
import type { SegmentOptions } from '../segments';
import type { Scale } from '../scale';
import { METRICS, type InvalidReason, type Metric, type Scheme } from '../types';
import { DIALECTS, type SqlDialect, type SqlDialectId } from './dialects';

export interface SqlColumns {
  /** Customer ID column (optional: without it the query returns no ID). */
  id?: string;
  r: string;
  f: string;
  m: string;
  /** The row order for ties `first` (a table has no row order of its own). */
  orderBy?: string;
  /** Sort the result by this column (the DuckDB engine keeps the file's row order). */
  sortBy?: string;
}

export interface SqlOptions {
  scheme: Scheme;
  dialect: SqlDialectId;
  columns: SqlColumns;
  /** A table name (`sales.customers` is kept as a dotted name) … */
  table?: string;
  /** … or a FROM source written as is (the DuckDB engine's `read_csv(…)`). */
  from?: string;
  /** Score the quintile metrics on an earlier run's frozen scale (docs/periods.md). */
  scale?: Scale;
  segments?: boolean | SegmentOptions;
  /** Follow-up column: true for the default cadence, or one label per grade. */
  followUp?: boolean | string[];
  /** Language of labels (segments, follow-up, Check texts). */
  lang: Lang;
  /** Product version for the header comment. */
  version: string;
  /** Where the scale came from, for the header comment. */
  scaleFrom?: string;
}

const NUMBER = String.raw`^\s*([+-]?\s*[¥￥$]?|[¥￥$]?\s*[+-]?)\s*(([0-9]{1,3}(,[0-9]{3})+|[0-9]+)([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?\s*$`;
const BLANK = String.raw`^\s*$`;
const NOT_FINITE = String.raw`^\s*[+-]?(NAN|INF|INFINITY)\s*$`;
const ERROR = String.raw`^\s*#(N/A|DIV/0!|VALUE!|REF!|NAME[?]|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)\s*$`;
const NOT_NUMBER_CHARS = '[^0-9.eE+-]';

// Text "TRUE" is not a number, as in a CSV file; the engine's 'boolean' reason is for spreadsheet logical cells.
const REASONS: InvalidReason[] = ['empty', 'notNumber', 'error', 'negative', 'notFinite'];

/** The scheme in one line, for the header comment. */
export function schemeSummary(scheme: Scheme): string {
  const composite = scheme.variant === 'weighted' ? `weighted ${scheme.weights.join('/')}` : 'additive';
  const methods = METRICS.map((m) => `${metricName(m)} ${methodText(scheme.methods[m])}`).join(', ');
  const binning = scheme.binning === 'nested' ? '; binning nested' : '';
  return `${composite}; ${methods}; bins ${scheme.bins}; ties ${scheme.ties}${binning}; grades ${gradesText(scheme.grades)}`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

/** Scale of a decimal and its integer at a larger scale, as SQL integer text. */
function scaled(d: Decimal, scale: number): string {
  return rescale(d, scale).toString();
}

export function sqlQuery(o: SqlOptions): string {
  const { scheme, columns, lang } = o;
  validateScheme(scheme);
  // Nested binning (docs/binning.md): one set of frozen bands per metric cannot describe per-R-bin cut values.
  const nested = scheme.binning === 'nested';
  if (nested && o.scale && METRICS.some((m) => frozenBands(o, m))) throw new RfmError('binning.sqlFrozen');
  const d: SqlDialect = DIALECTS[o.dialect];
  const q = d.ident;
  const needsOrder = scheme.ties === 'first' && METRICS.some((m) => scheme.methods[m].kind === 'quintile' && !frozenBands(o, m));
  const orderColumn = columns.orderBy ?? columns.id;
  if (needsOrder && orderColumn === undefined) throw new RfmError('sql.firstNeedsOrder');
  const from = o.from ?? tableName(o.table ?? 'customers', d);
  const segOpts: SegmentOptions | undefined = o.segments ? (o.segments === true ? {} : o.segments) : undefined;
  const basis = segOpts?.basis ?? 'scores';
  const reference = segOpts?.reference ?? 'mean';
  const raw = (m: Metric) => scheme.methods[m].kind === 'raw';
  const needDecimal = (m: Metric) => raw(m) || (segOpts !== undefined && basis === 'values');

  // 1. Source columns and their text.
  const src: string[] = [];
  if (columns.id !== undefined) src.push(`${q(columns.id)} AS rfm_id`);
  for (const m of METRICS) src.push(`${q(columns[m])} AS rfm_in_${m}`);
  if (needsOrder) src.push(`${q(orderColumn!)} AS rfm_ord`);
  if (columns.sortBy !== undefined) src.push(`${q(columns.sortBy)} AS rfm_sort`);
  for (const m of METRICS) src.push(`${d.text(q(columns[m]))} AS rfm_txt_${m}`);
  const blank = (m: Metric) => `(rfm_txt_${m} IS NULL OR ${d.matches(`rfm_txt_${m}`, d.regex(BLANK))})`;
  // A completely empty row is not a customer (docs/scoring.md): the named columns all empty.
  const emptyRow = [
    ...(columns.id !== undefined ? [`(${d.text(q(columns.id))} IS NULL OR ${d.matches(d.text(q(columns.id)), d.regex(BLANK))})`] : []),
    ...METRICS.map((m) => `(${d.text(q(columns[m]))} IS NULL OR ${d.matches(d.text(q(columns[m])), d.regex(BLANK))})`),
  ].join(' AND ');

  // 2. Numbers: the number pattern first, then the double; the cleaned text also gives the exact decimal.
  const cleaned = (m: Metric) => d.removeAll(`rfm_txt_${m}`, d.regex(NOT_NUMBER_CHARS));
  const isNumber = ['*', ...METRICS.map((m) => `CASE WHEN rfm_txt_${m} IS NOT NULL AND ${d.matches(`rfm_txt_${m}`, d.regex(NUMBER))} THEN 1 ELSE 0 END AS rfm_isnum_${m}`)];
  const parsed: string[] = ['*'];
  for (const m of METRICS) {
    parsed.push(`CASE WHEN rfm_isnum_${m} = 1 THEN ${d.toDouble(cleaned(m))} END AS rfm_num_${m}`);
    if (needDecimal(m)) parsed.push(`CASE WHEN rfm_isnum_${m} = 1 THEN ${d.toDecimal(cleaned(m))} END AS rfm_dec_${m}`);
  }
  const MAX = d.double(Number.MAX_VALUE);
  const reasonExpr = (m: Metric) =>
    [
      `CASE WHEN ${blank(m)} THEN 'empty'`,
      `WHEN rfm_isnum_${m} = 1 THEN CASE WHEN rfm_num_${m} IS NULL OR rfm_num_${m} > ${MAX} OR rfm_num_${m} < -${MAX} THEN 'notFinite' WHEN rfm_num_${m} < 0 THEN 'negative' END`,
      `WHEN ${d.matches(`UPPER(rfm_txt_${m})`, d.regex(NOT_FINITE))} THEN 'notFinite'`,
      `WHEN ${d.matches(`UPPER(rfm_txt_${m})`, d.regex(ERROR))} THEN 'error'`,
      `ELSE 'notNumber' END AS rfm_why_${m}`,
    ].join(' ');
  const checked = ['*', ...METRICS.map(reasonExpr)];
  const okExpr = `CASE WHEN ${METRICS.map((m) => `rfm_why_${m} IS NULL`).join(' AND ')} THEN 1 ELSE 0 END AS rfm_ok`;

  // 3. Scores over the valid rows (partition rfm_ok = 1), invalid rows get NULL.
  const k = scheme.bins;
  // Nested binning ranks F within each R score and M within each R and F score: those scores join the
  // partition (the group's n is its own), computed in earlier CTEs because a window cannot use a
  // column of its own SELECT.
  const groupBy = (m: Metric) => (nested && scheme.methods[m].kind === 'quintile' ? NESTED_IN[m].map((g) => `, rfm_s_${g}`).join('') : '');
  const scoreExpr = (m: Metric): string => {
    const n = `SUM(rfm_ok) OVER (${groupBy(m) ? `PARTITION BY rfm_ok${groupBy(m)}` : ''})`;
    const v = `rfm_num_${m}`;
    const method = scheme.methods[m];
    const lower = lowerIsBetter(m);
    const bands = frozenBands(o, m);
    let e: string;
    if (bands) {
      // Frozen scale: the best band whose edge the value reaches, else the worst (src/core/scale.ts).
      const whens = bands.map((b) => `WHEN ${v} ${lower ? '<=' : '>='} ${d.double(lower ? b.max : b.min)} THEN ${b.score}`);
      e = `CASE ${whens.join(' ')} ELSE ${bands[bands.length - 1].score} END`;
    } else if (method.kind === 'quintile') {
      const dir = lower ? 'ASC' : 'DESC';
      const w = `PARTITION BY rfm_ok${groupBy(m)} ORDER BY ${v} ${dir}`;
      let twoRank: string;
      if (scheme.ties === 'average') {
        // a + b: the group's first best-first position (RANK) plus its last: COUNT(*) over the default
        // frame of an ordered window (RANGE … CURRENT ROW, in every dialect here) counts the row's peers too.
        twoRank = `(RANK() OVER (${w}) + COUNT(*) OVER (${w}))`;
      } else if (scheme.ties === 'min') {
        twoRank = `(2 * RANK() OVER (${w}))`;
      } else {
        // Rows without an order value after the others (spelled out: NULL order differs between dialects).
        twoRank = `(2 * ROW_NUMBER() OVER (${w}, CASE WHEN rfm_ord IS NULL THEN 1 ELSE 0 END, rfm_ord))`;
      }
      e = `${k} - ${d.intDiv(`${k} * (${twoRank} - 2)`, `2 * ${n}`)}`;
    } else if (method.kind === 'breaks') {
      const parts = method.cutoffs.map((c) => `CASE WHEN ${v} ${lower ? '<=' : '>='} ${d.double(c)} THEN 1 ELSE 0 END`);
      e = `1 + ${parts.join(' + ')}`;
    } else {
      e = v;
    }
    return `CASE WHEN rfm_ok = 1 THEN ${e} END AS rfm_s_${m}`;
  };

  // 4. Composite: exact. Integer scores → an integer at scale D; raw values → DECIMAL(38, 10).
  const weights = scheme.variant === 'additive' ? ['1', '1', '1'] : scheme.weights;
  const wd = weights.map((w) => parseDecimal(w)!);
  const thresholds = scheme.grades.slice(0, -1).map((g) => parseDecimal(g.min!)!);
  const D = Math.max(0, ...wd.map((x) => x.scale), ...thresholds.map((x) => x.scale));
  const anyRaw = METRICS.some(raw);
  const term = (m: Metric, i: number) => {
    const w = scaled(wd[i], D);
    return raw(m) ? `${anyRawWeight(d, w)} * rfm_dec_${m}` : `${w} * rfm_s_${m}`;
  };
  const sumExpr = `(${METRICS.map(term).join(' + ')})`;
  const gradeWhens = thresholds.map((th, g) => `WHEN rfm_sum >= ${anyRaw ? d.decimal(scaled(th, D), 0) : scaled(th, D)} THEN ${g}`);
  const unit = D === 0 ? undefined : d.decimal(toText({ int: 1n, scale: D }), D);

  // 5. Labels.
  const gradeLabel = `CASE rfm_g ${scheme.grades.map((g, i) => `WHEN ${i} THEN ${d.str(g.label)}`).join(' ')} END`;
  const followUp = o.followUp ? followUpLabels(scheme, lang, Array.isArray(o.followUp) ? o.followUp : undefined) : undefined;
  const checkText = (m: Metric) =>
    `CASE rfm_why_${m} ${REASONS.map((r) => `WHEN '${r}' THEN ${d.str(t(lang, `invalid.${r}` as MessageKey, { metric: metricName(m) }))}`).join(' ')} ELSE '' END`;
  const sep = lang === 'zh' ? '；' : '; ';

  const ctes: string[] = [];
  ctes.push(`rfm_src AS (\n  SELECT ${src.join(',\n    ')}\n  FROM ${from}\n  WHERE NOT (${emptyRow})\n)`);
  ctes.push(`rfm_isnum AS (\n  SELECT ${isNumber.join(',\n    ')}\n  FROM rfm_src\n)`);
  ctes.push(`rfm_num AS (\n  SELECT ${parsed.join(',\n    ')}\n  FROM rfm_isnum\n)`);
  ctes.push(`rfm_why AS (\n  SELECT ${checked.join(',\n    ')}\n  FROM rfm_num\n)`);
  ctes.push(`rfm_valid AS (\n  SELECT *, ${okExpr}\n  FROM rfm_why\n)`);
  if (nested) {
    ctes.push(`rfm_scored_r AS (\n  SELECT *,\n    ${scoreExpr('r')}\n  FROM rfm_valid\n)`);
    ctes.push(`rfm_scored_f AS (\n  SELECT *,\n    ${scoreExpr('f')}\n  FROM rfm_scored_r\n)`);
    ctes.push(`rfm_scored AS (\n  SELECT *,\n    ${scoreExpr('m')}\n  FROM rfm_scored_f\n)`);
  } else {
    ctes.push(`rfm_scored AS (\n  SELECT *,\n    ${METRICS.map(scoreExpr).join(',\n    ')}\n  FROM rfm_valid\n)`);
  }
  ctes.push(`rfm_summed AS (\n  SELECT *, CASE WHEN rfm_ok = 1 THEN ${sumExpr} END AS rfm_sum\n  FROM rfm_scored\n)`);
  ctes.push(
    `rfm_graded AS (\n  SELECT *, CASE WHEN rfm_ok = 1 THEN CASE ${gradeWhens.join(' ')} ELSE ${thresholds.length} END END AS rfm_g\n  FROM rfm_summed\n)`,
  );
  let last = 'rfm_graded';
  // The segment map (docs/segments.md): high/low maps need the high flags; score-range maps read the scores.
  const segMap = segOpts ? (segOpts.map ?? segmentMapPreset('china8')) : undefined;
  if (segMap && segMap.kind === 'ranges') mapDomain(segMap, scheme);
  if (segOpts && segMap?.kind === 'highLow') {
    const sv = (m: Metric) => (basis === 'values' || raw(m) ? `rfm_dec_${m}` : `rfm_s_${m}`);
    if (reference === 'mean') {
      const highs = METRICS.map((m) => {
        const op = basis === 'values' && lowerIsBetter(m) ? '<=' : '>=';
        return `CASE WHEN rfm_ok = 1 AND ${sv(m)} * COUNT(*) OVER (PARTITION BY rfm_ok) ${op} SUM(${sv(m)}) OVER (PARTITION BY rfm_ok) THEN 1 ELSE 0 END AS rfm_high_${m}`;
      });
      ctes.push(`rfm_high AS (\n  SELECT *,\n    ${highs.join(',\n    ')}\n  FROM rfm_graded\n)`);
    } else {
      const pos = METRICS.map((m) => `ROW_NUMBER() OVER (PARTITION BY rfm_ok ORDER BY ${sv(m)}) AS rfm_pos_${m}`);
      ctes.push(`rfm_pos AS (\n  SELECT *, COUNT(*) OVER (PARTITION BY rfm_ok) AS rfm_n,\n    ${pos.join(',\n    ')}\n  FROM rfm_graded\n)`);
      const mids = METRICS.flatMap((m) => [
        `MAX(CASE WHEN rfm_pos_${m} = ${d.intDiv('rfm_n + 1', '2')} THEN ${sv(m)} END) OVER (PARTITION BY rfm_ok) AS rfm_lo_${m}`,
        `MAX(CASE WHEN rfm_pos_${m} = ${d.intDiv('rfm_n', '2')} + 1 THEN ${sv(m)} END) OVER (PARTITION BY rfm_ok) AS rfm_hi_${m}`,
      ]);
      ctes.push(`rfm_mid AS (\n  SELECT *,\n    ${mids.join(',\n    ')}\n  FROM rfm_pos\n)`);
      const highs = METRICS.map((m) => {
        const op = basis === 'values' && lowerIsBetter(m) ? '<=' : '>=';
        return `CASE WHEN rfm_ok = 1 AND 2 * ${sv(m)} ${op} rfm_lo_${m} + rfm_hi_${m} THEN 1 ELSE 0 END AS rfm_high_${m}`;
      });
      ctes.push(`rfm_high AS (\n  SELECT *,\n    ${highs.join(',\n    ')}\n  FROM rfm_mid\n)`);
    }
    last = 'rfm_high';
  }

  const out: string[] = [];
  if (columns.id !== undefined) out.push(`rfm_id AS ${q('id')}`);
  for (const m of METRICS) out.push(`rfm_in_${m} AS ${q(m)}`);
  for (const m of METRICS) out.push(`rfm_s_${m} AS ${q(`${m}_score`)}`);
  out.push(`CASE WHEN rfm_ok = 1 THEN ${unit ? `rfm_sum * ${unit}` : 'rfm_sum'} END AS ${q('rfm_score')}`);
  out.push(`${gradeLabel} AS ${q('grade')}`);
  if (segMap?.kind === 'highLow') {
    // Each of the eight high/low combinations gets the name of its first matching rule (Others for none).
    const names = segmentNames(segMap, lang);
    const table = matchTable(ruleBoxes(segMap), mapDomain(segMap));
    const whens: string[] = [];
    for (const r of [1, 0]) for (const f of [1, 0]) for (const m of [1, 0]) {
      whens.push(`WHEN rfm_high_r = ${r} AND rfm_high_f = ${f} AND rfm_high_m = ${m} THEN ${d.str(names[table[r * 4 + f * 2 + m]])}`);
    }
    out.push(`CASE WHEN rfm_ok = 1 THEN CASE ${whens.join(' ')} END END AS ${q('segment')}`);
  } else if (segMap) {
    // Score ranges, first match in order; what no rule covers is Others.
    const whens = segMap.segments.map(
      (s, i) => `WHEN ${METRICS.map((m) => `rfm_s_${m} BETWEEN ${s[m][0]} AND ${s[m][1]}`).join(' AND ')} THEN ${d.str(segmentNames(segMap, lang)[i])}`,
    );
    out.push(`CASE WHEN rfm_ok = 1 THEN CASE ${whens.join(' ')} ELSE ${d.str(othersName(segMap, lang))} END END AS ${q('segment')}`);
  }
  if (followUp) out.push(`CASE rfm_g ${followUp.map((l, i) => `WHEN ${i} THEN ${d.str(l)}`).join(' ')} END AS ${q('follow_up')}`);
  out.push(`${d.joinNonEmpty(METRICS.map(checkText), sep)} AS ${q('check')}`);

  const header = [
    `-- RFM Grader ${oneLine(o.version)}: rfm-score --sql ${o.dialect}`,
    `-- Scheme: ${oneLine(schemeSummary(scheme))}`,
    ...(o.scale && METRICS.some((m) => frozenBands(o, m)) ? [`-- Quintile cut-offs frozen from ${oneLine(o.scaleFrom ?? 'an earlier run')}`] : []),
    ...(segOpts ? [segMap?.kind === 'ranges' ? '-- Segments: score ranges, first match' : `-- Segments: ${reference} of the ${basis}`] : []),
    `-- Columns: ${[...(columns.id !== undefined ? [`ID ${oneLine(columns.id)}`] : []), ...METRICS.map((m) => `${metricName(m)} ${oneLine(columns[m])}`), ...(needsOrder ? [`row order ${oneLine(orderColumn!)}`] : [])].join(', ')}`,
  ];
  return `${header.join('\n')}\nWITH\n${ctes.join(',\n')}\nSELECT\n  ${out.join(',\n  ')}\nFROM ${last}${columns.sortBy !== undefined ? '\nORDER BY rfm_sort' : ''}`;
}

/** A raw metric's weight times a decimal: an exact decimal literal where integers and decimals don't mix freely. */
function anyRawWeight(d: SqlDialect, w: string): string {
  return d.decimal(w, 0);
}

function frozenBands(o: SqlOptions, m: Metric) {
  const s = o.scale?.[m];
  return s?.kind === 'quintile' && o.scheme.methods[m].kind === 'quintile' && s.bands.length ? s.bands : undefined;
}

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)*$/;

/** `customers`, `sales.customers` as written; any other name quoted as one identifier. */
function tableName(name: string, d: SqlDialect): string {
  return PLAIN_NAME.test(name) ? name : d.ident(name);
}
