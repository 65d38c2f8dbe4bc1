/**
 * Formula mode (docs/formulas.md): the output columns of SPEC.md 6 as ordinary Excel formulas that give the
 * engine's values when a spreadsheet recalculates, plus the parameter block they read.
 *
 * Pure: for a scheme and a table layout (sheet positions of the R/F/M cells and of the output) it
 * returns formula text per cell and the parameter block's cells; the command line writes them with
 * exceljs, the task pane can write them with Office.js. See docs/formulas.md.
 *
 * The columns, left to right from `startColumn`:
 *   outputs  R Score, F Score, M Score, RFM Score, Grade, [Segment], [Follow-up], Check
 *   helpers  R value, F value, M value — each metric read as a number, "" when the row is invalid
 * Check is always there in formula mode: it decides validity ("" = valid), so a row that becomes
 * invalid later is explained as it is emptied. The helpers are blank ("") on invalid rows, which
 * RANK.*, COUNT, AVERAGE and MEDIAN skip, so invalid rows are neither ranked nor counted in n.
 */
import { t, type Lang, type MessageKey } from '../i18n';
import { clauseSep, quote } from '../i18n/format';
import { columnLetter } from './address';
import { RfmError } from './errors';
import { invalidRows } from './engine';
import { describeInvalid, followUpLabels, outputHeader, outputTable, type OutputColumn } from './output';
import { lowerIsBetter, metricName } from './scheme';
import { displayName, mapDomain, matchTable, ruleBoxes, segmentMapPreset, segmentNames } from './segmentMaps';
import { SEGMENTS, type SegmentOptions, type SegmentResult } from './segments';
import { METRICS, type InvalidReason, type Metric, type Scheme, type ScoreResult } from './types';

/**
 * `file`: function names as stored in an xlsx file (functions newer than Excel 2007 carry `_xlfn.`);
 * `excel`: as typed in Excel and set through Office.js `Range.formulas` (no prefix).
 */
export type FormulaDialect = 'file' | 'excel';

/** Where the table is: 0-based sheet positions. */
export interface FormulaLayout {
  /** The scored sheet; the parameter block's computed cells refer back to it. */
  sheetName: string;
  /** The sheet holding the parameter block. */
  paramSheetName: string;
  /** Top-left cell of the parameter block (0-based; default A1). */
  paramOrigin?: { row: number; column: number };
  /** Sheet columns of the R, F and M cells. */
  columns: Record<Metric, number>;
  /** Sheet rows of the data rows, ascending (completely empty rows skipped). */
  dataRows: readonly number[];
  /** Sheet column of the first output column (R Score). */
  startColumn: number;
}

export interface FormulaOptions {
  lang: Lang;
  /** Segment column (same options as value mode). */
  segments?: boolean | SegmentOptions;
  /** Follow-up column: true for the default cadence, or one label per grade. */
  followUp?: boolean | string[];
  /** Default `file`. */
  dialect?: FormulaDialect;
}

export type HelperColumn = 'valueR' | 'valueF' | 'valueM';
export type FormulaColumnKey = OutputColumn | HelperColumn;

export interface FormulaColumn {
  key: FormulaColumnKey;
  header: string;
  /** A helper column (grouped to the right of the outputs). */
  helper: boolean;
  /** Number format to apply, if any. */
  numFmt?: string;
}

/** One cell of the parameter block, at a 0-based position of the parameter sheet. */
export interface ParamCell {
  row: number;
  column: number;
  /** A constant (text or number); absent when the cell holds a formula. */
  value?: string | number;
  /** Formula text without the leading "=". */
  formula?: string;
  /** The engine's value of `formula` (only when scored results were given). */
  result?: string | number;
  /**
   * title / note / heading (section or table heading) / label (row caption, description) /
   * input (the scheme: edit here) / computed (a formula over the data: don't edit).
   */
  role: 'title' | 'note' | 'heading' | 'label' | 'input' | 'computed';
}

export interface FormulaSheet {
  columns: FormulaColumn[];
  headers: string[];
  /** Index into `columns` of the first helper column. */
  helperStart: number;
  /** Formula text (no leading "=") of column `col` on data row `row` (index into layout.dataRows). */
  formula(row: number, col: number): string;
  /** The engine's value of that cell ('' when empty); only when scored results were given. */
  result?: (row: number, col: number) => string | number;
  /**
   * Runs of data rows (inclusive indexes into layout.dataRows) on adjacent sheet rows where every
   * row's formula is the run's first formula moved down (only the relative row numbers change):
   * a file writer can store each run as one shared formula per column.
   */
  runs: Array<{ start: number; end: number }>;
  /** The parameter block's cells. */
  params: ParamCell[];
  /** Columns the parameter block spans (for widths). */
  paramColumns: number;
  /** The helper columns' note (for the first helper header). */
  helperNote: string;
}

/** Scored results for cached values (the engine's numbers, so viewers that don't recalculate show them). */
export interface FormulaResults {
  result: ScoreResult;
  segments?: SegmentResult;
}

/** The functions used that are newer than Excel 2007 (stored with `_xlfn.` in files). */
export const NEWER_FUNCTIONS = ['RANK.AVG', 'RANK.EQ', 'NUMBERVALUE'] as const;
type NewerFunction = (typeof NEWER_FUNCTIONS)[number];

/** A string literal in a formula. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** `'Sheet name'!` — always quoted, quotes doubled. */
export function sheetPrefix(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

function abs(column: number, row: number): string {
  return `$${columnLetter(column)}$${row + 1}`;
}

/** Column-absolute, row-relative: fills down like the user would copy it. */
function rowRef(column: number, row: number): string {
  return `$${columnLetter(column)}${row + 1}`;
}

function absRange(column: number, first: number, last: number): string {
  return `${abs(column, first)}:${abs(column, last)}`;
}

/** Whitespace the engine trims but Excel's TRIM and NUMBERVALUE may not: NBSP and the ideographic space. */
function spaced(cell: string): string {
  return `SUBSTITUTE(SUBSTITUTE(${cell},"\u3000"," "),"\u00a0"," ")`;
}

/**
 * The columns formula mode writes, left to right: the outputs, the Check column and the three helper
 * columns. The command line counts them before writing, against Excel's last column (docs/limits.md).
 */
export function formulaColumnKeys(segments: boolean, followUp: boolean): FormulaColumnKey[] {
  const keys: FormulaColumnKey[] = ['r', 'f', 'm', 'rfm', 'grade'];
  if (segments) keys.push('segment');
  if (followUp) keys.push('followUp');
  keys.push('check', 'valueR', 'valueF', 'valueM');
  return keys;
}

export function formulaSheet(
  scheme: Scheme,
  layout: FormulaLayout,
  options: FormulaOptions,
  scored?: FormulaResults,
): FormulaSheet {
  // Live formulas rank F and M over all customers; nested schemes write values only (docs/binning.md).
  if (scheme.binning === 'nested') throw new RfmError('binning.formulas');
  const { lang } = options;
  const dialect = options.dialect ?? 'file';
  const fn = (name: NewerFunction) => (dialect === 'file' ? `_xlfn.${name}` : name);
  const tr = (key: MessageKey, vars?: Record<string, string | number>) => t(lang, key, vars);
  const segmentOptions: SegmentOptions | undefined = options.segments
    ? options.segments === true
      ? {}
      : options.segments
    : undefined;
  const reference = segmentOptions?.reference ?? 'mean';
  const basis = segmentOptions?.basis ?? 'scores';
  // Formulas compare with the live mean or median: high/low segment maps only (docs/segments.md).
  const segMap = segmentOptions?.map ?? segmentMapPreset('china8');
  if (segmentOptions && segMap.kind !== 'highLow') {
    throw new RfmError('segmap.formulas', { name: quote(lang, displayName(segMap.segments[0]?.name, lang)) });
  }
  const followUp = options.followUp
    ? followUpLabels(scheme, lang, Array.isArray(options.followUp) ? options.followUp : undefined)
    : undefined;

  // ---------- columns ----------
  const keys = formulaColumnKeys(!!segmentOptions, !!followUp);
  const helperStart = keys.indexOf('valueR');
  const helperMetric: Record<HelperColumn, Metric> = { valueR: 'r', valueF: 'f', valueM: 'm' };
  const columns: FormulaColumn[] = keys.map((key) => {
    const helper = key === 'valueR' || key === 'valueF' || key === 'valueM';
    return {
      key,
      header: helper ? tr('formula.helper', { metric: metricName(helperMetric[key]) }) : outputHeader(key, lang),
      helper,
      numFmt: key === 'rfm' ? '0.00' : undefined,
    };
  });
  const sheetCol = (key: FormulaColumnKey) => layout.startColumn + keys.indexOf(key);
  const scoreCol: Record<Metric, number> = { r: sheetCol('r'), f: sheetCol('f'), m: sheetCol('m') };
  const valueCol: Record<Metric, number> = { r: sheetCol('valueR'), f: sheetCol('valueF'), m: sheetCol('valueM') };
  const rows = layout.dataRows;
  if (rows.length === 0) throw new Error('formulaSheet: no data rows');
  const first = rows[0];
  const last = rows[rows.length - 1];
  const dataPrefix = sheetPrefix(layout.sheetName);

  // ---------- the parameter block ----------
  const origin = layout.paramOrigin ?? { row: 0, column: 0 };
  const params: ParamCell[] = [];
  const P = sheetPrefix(layout.paramSheetName);
  let row = origin.row;
  let paramColumns = 2;
  const put = (r: number, c: number, cell: Omit<ParamCell, 'row' | 'column'>) => {
    params.push({ row: r, column: origin.column + c, ...cell });
    paramColumns = Math.max(paramColumns, c + 1);
  };
  const pAbs = (r: number, c: number) => `${P}${abs(origin.column + c, r)}`;
  const pRange = (r1: number, c1: number, r2: number, c2: number) =>
    `${P}${abs(origin.column + c1, r1)}:${abs(origin.column + c2, r2)}`;

  put(row++, 0, { value: tr('formula.title'), role: 'title' });
  put(row++, 0, { value: tr('formula.note', { sheet: layout.sheetName }), role: 'note' });
  put(row, 0, { value: tr('formula.scoredSheet'), role: 'label' });
  put(row++, 1, { value: layout.sheetName, role: 'label' });
  row++;

  // Composite.
  put(row, 0, { value: tr('formula.composite'), role: 'heading' });
  put(row++, 1, {
    value: tr(scheme.variant === 'weighted' ? 'formula.compositeWeighted' : 'formula.compositeAdditive'),
    role: 'label',
  });
  let weightRefs: Record<Metric, string> | undefined;
  if (scheme.variant === 'weighted') {
    METRICS.forEach((m, i) => put(row, 1 + i, { value: metricName(m), role: 'heading' }));
    row++;
    put(row, 0, { value: tr('formula.weight'), role: 'label' });
    METRICS.forEach((m, i) => put(row, 1 + i, { value: Number(scheme.weights[i]), role: 'input' }));
    weightRefs = { r: pAbs(row, 1), f: pAbs(row, 2), m: pAbs(row, 3) };
    const weightRow = row++;
    const sum = `SUM(${abs(origin.column + 1, weightRow)}:${abs(origin.column + 3, weightRow)})`;
    put(row, 0, { value: tr('formula.weightSum'), role: 'label' });
    put(row, 1, { formula: sum, result: scored ? 1 : undefined, role: 'computed' });
    put(row++, 2, {
      formula: `IF(ROUND(${sum},10)=1,${formulaString(tr('formula.weightOk'))},${formulaString(tr('formula.weightBad'))})`,
      result: scored ? tr('formula.weightOk') : undefined,
      role: 'computed',
    });
  }
  row++;

  // Per-metric methods (long descriptions last in their row, so they can overflow to the right).
  put(row++, 0, { value: tr('formula.scores'), role: 'heading' });
  put(row, 0, { value: tr('formula.metric'), role: 'heading' });
  put(row, 1, { value: tr('formula.better'), role: 'heading' });
  put(row++, 2, { value: tr('formula.method'), role: 'heading' });
  for (const m of METRICS) {
    const method = scheme.methods[m];
    const lower = lowerIsBetter(m);
    const methodKey: MessageKey =
      method.kind === 'quintile' ? 'formula.quintile' : method.kind === 'raw' ? 'formula.raw' : lower ? 'formula.breaksSmaller' : 'formula.breaksLarger';
    put(row, 0, { value: metricName(m), role: 'label' });
    put(row, 1, { value: tr(lower ? 'formula.smaller' : 'formula.larger'), role: 'label' });
    put(row++, 2, { value: tr(methodKey), role: 'label' });
  }
  const anyQuintile = METRICS.some((m) => scheme.methods[m].kind === 'quintile');
  let binsRef = '';
  if (anyQuintile) {
    put(row, 0, { value: tr('formula.bins'), role: 'label' });
    put(row, 1, { value: scheme.bins, role: 'input' });
    binsRef = pAbs(row++, 1);
    put(row, 0, { value: tr('formula.ties'), role: 'label' });
    const tiesKey: MessageKey = scheme.ties === 'average' ? 'formula.tiesAverage' : scheme.ties === 'min' ? 'formula.tiesMin' : 'formula.tiesFirst';
    put(row++, 1, { value: tr(tiesKey), role: 'label' });
  }
  const cutoffRefs = {} as Record<Metric, string>;
  for (const m of METRICS) {
    const method = scheme.methods[m];
    if (method.kind !== 'breaks') continue;
    put(row, 0, { value: tr('formula.cutoffs', { metric: metricName(m) }), role: 'label' });
    method.cutoffs.forEach((c, i) => put(row, 1 + i, { value: c, role: 'input' }));
    cutoffRefs[m] = pRange(row, 1, row, method.cutoffs.length);
    row++;
  }
  row++;

  // Grades (and follow-up labels beside them).
  put(row++, 0, { value: tr('formula.grades'), role: 'heading' });
  put(row, 0, { value: tr('formula.gradeLabel'), role: 'heading' });
  put(row, 1, { value: tr('formula.gradeMin'), role: 'heading' });
  if (followUp) put(row, 2, { value: tr('formula.followUp'), role: 'heading' });
  row++;
  const gradeFirst = row;
  scheme.grades.forEach((g, i) => {
    put(row, 0, { value: g.label, role: 'input' });
    if (g.min === null) put(row, 1, { value: tr('formula.gradeOtherwise'), role: 'label' });
    else put(row, 1, { value: Number(g.min), role: 'input' });
    if (followUp) put(row, 2, { value: followUp[i], role: 'input' });
    row++;
  });
  const gradeCount = scheme.grades.length;
  const gradeLabels = pRange(gradeFirst, 0, gradeFirst + gradeCount - 1, 0);
  const thresholds = pRange(gradeFirst, 1, gradeFirst + gradeCount - 2, 1);
  const followUpRange = pRange(gradeFirst, 2, gradeFirst + gradeCount - 1, 2);
  row++;

  // Segments.
  let segmentLabels = '';
  if (segmentOptions) {
    put(row, 0, { value: tr('formula.segments'), role: 'heading' });
    const refWord = tr(reference === 'mean' ? 'formula.mean' : 'formula.median');
    put(row++, 1, {
      value:
        basis === 'scores'
          ? tr('formula.segmentRule', { basis: tr('formula.basisScores'), reference: refWord })
          : tr('formula.segmentRuleValues', { reference: refWord }),
      role: 'label',
    });
    put(row, 0, { value: tr('formula.segment'), role: 'heading' });
    METRICS.forEach((m, i) => put(row, 1 + i, { value: metricName(m), role: 'heading' }));
    row++;
    const segFirst = row;
    const highLow = (high: boolean) => tr(high ? 'formula.high' : 'formula.low');
    // Each high/low combination's label: its first matching rule of the map (Others when none matches).
    const mapNames = segmentNames(segMap, lang);
    const mapTable = matchTable(ruleBoxes(segMap), mapDomain(segMap));
    for (const s of SEGMENTS) {
      const i = SEGMENTS.indexOf(s);
      // SEGMENTS order: index = 4·(M low) + 2·(R low) + (F low).
      const mHigh = i < 4;
      const rHigh = (i & 2) === 0;
      const fHigh = (i & 1) === 0;
      put(row, 0, { value: mapNames[mapTable[(rHigh ? 4 : 0) + (fHigh ? 2 : 0) + (mHigh ? 1 : 0)]], role: 'input' });
      put(row, 1, { value: highLow(rHigh), role: 'label' });
      put(row, 2, { value: highLow(fHigh), role: 'label' });
      put(row++, 3, { value: highLow(mHigh), role: 'label' });
    }
    segmentLabels = pRange(segFirst, 0, segFirst + SEGMENTS.length - 1, 0);
    row++;
  }

  // Computed from the data.
  put(row++, 0, { value: tr('formula.computed'), role: 'heading' });
  const dataRange = (column: number) => `${dataPrefix}${absRange(column, first, last)}`;
  put(row, 0, { value: tr('formula.n'), role: 'label' });
  put(row, 1, { formula: `COUNT(${dataRange(valueCol.r)})`, result: scored?.result.n, role: 'computed' });
  const nRef = pAbs(row++, 1);
  const referenceRefs = {} as Record<Metric, string>;
  if (segmentOptions) {
    const refWord = tr(reference === 'mean' ? 'formula.mean' : 'formula.median');
    for (const m of METRICS) {
      const range = dataRange(basis === 'scores' ? scoreCol[m] : valueCol[m]);
      put(row, 0, {
        value: tr(basis === 'scores' ? 'formula.referenceScores' : 'formula.referenceValues', { metric: metricName(m), reference: refWord }),
        role: 'label',
      });
      const threshold = scored?.segments?.thresholds[m];
      put(row, 1, {
        formula: reference === 'mean' ? `ROUND(AVERAGE(${range}),10)` : `MEDIAN(${range})`,
        result:
          threshold === undefined || Number.isNaN(threshold)
            ? undefined
            : reference === 'mean'
              ? Number(threshold.toFixed(10))
              : threshold,
        role: 'computed',
      });
      referenceRefs[m] = pAbs(row++, 1);
    }
  }

  // ---------- per-row formulas ----------
  const sep = clauseSep(lang);
  const reason = (m: Metric, r: InvalidReason) =>
    formulaString(sep + describeInvalid({ row: 0, metric: m, reason: r }, lang));

  /** The text of a cell read as a number (NUMBERVALUE with "." and ","), or an error. */
  const numberValue = (cell: string) =>
    `${fn('NUMBERVALUE')}(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${spaced(cell)},"¥",""),"￥",""),"$",""),"%","#"),".",",")`;

  /** sep + reason when the metric's cell is invalid, else "". */
  const checkPart = (m: Metric, r: number) => {
    const c = rowRef(layout.columns[m], r);
    return (
      `IF(ISERROR(${c}),${reason(m, 'error')},` +
      `IF(ISLOGICAL(${c}),${reason(m, 'boolean')},` +
      `IF(ISNUMBER(${c}),IF(${c}<0,${reason(m, 'negative')},""),` +
      `IF(TRIM(${spaced(c)})="",${reason(m, 'empty')},` +
      // Text without a digit ("¥", ".") is not a number (Excel's NUMBERVALUE would read "" as 0).
      `IF(COUNT(FIND({0,1,2,3,4,5,6,7,8,9},${c}))=0,${reason(m, 'notNumber')},` +
      `IFERROR(IF(${numberValue(c)}<0,${reason(m, 'negative')},""),${reason(m, 'notNumber')}))))))`
    );
  };

  const rankOrder = (m: Metric) => (lowerIsBetter(m) ? 1 : 0);

  function scoreFormula(m: Metric, i: number): string {
    const r = rows[i];
    const v = rowRef(valueCol[m], r);
    const method = scheme.methods[m];
    let body: string;
    if (method.kind === 'raw') body = v;
    else if (method.kind === 'breaks') body = `1+SUMPRODUCT(--(${v}${lowerIsBetter(m) ? '<=' : '>='}${cutoffRefs[m]}))`;
    else {
      const range = absRange(valueCol[m], first, last);
      let rank: string;
      if (scheme.ties === 'average') rank = `${fn('RANK.AVG')}(${v},${range},${rankOrder(m)})`;
      else {
        rank = `${fn('RANK.EQ')}(${v},${range},${rankOrder(m)})`;
        // Earlier equal values: the rows above (a skipped empty row in between has no value).
        if (scheme.ties === 'first' && i > 0) {
          rank += `+COUNTIF(${abs(valueCol[m], first)}:${rowRef(valueCol[m], r - 1)},${v})`;
        }
      }
      body = `${binsRef}-INT(${binsRef}*(${rank}-1)/${nRef})`;
    }
    return `IF(${v}="","",${body})`;
  }

  function formula(i: number, col: number): string {
    const r = rows[i];
    const key = keys[col];
    const s = (m: Metric) => rowRef(scoreCol[m], r);
    const rfm = rowRef(sheetCol('rfm'), r);
    const gradeIndex = `1+SUMPRODUCT(--(${rfm}<${thresholds}))`;
    switch (key) {
      case 'r':
      case 'f':
      case 'm':
        return scoreFormula(key, i);
      case 'rfm': {
        const sum =
          scheme.variant === 'weighted' && weightRefs
            ? METRICS.map((m) => `${weightRefs![m]}*${s(m)}`).join('+')
            : METRICS.map(s).join('+');
        return `IF(${s('r')}="","",ROUND(${sum},10))`;
      }
      case 'grade':
        return `IF(${rfm}="","",INDEX(${gradeLabels},${gradeIndex}))`;
      case 'followUp':
        return `IF(${rfm}="","",INDEX(${followUpRange},${gradeIndex}))`;
      case 'segment': {
        const low = (m: Metric) =>
          basis === 'values'
            ? `(${rowRef(valueCol[m], r)}${lowerIsBetter(m) ? '>' : '<'}${referenceRefs[m]})`
            : `(${s(m)}<${referenceRefs[m]})`;
        return `IF(${s('r')}="","",INDEX(${segmentLabels},1+4*${low('m')}+2*${low('r')}+${low('f')}))`;
      }
      case 'check':
        return `MID(${METRICS.map((m) => checkPart(m, r)).join('&')},${sep.length + 1},1000)`;
      case 'change':
        // The Change column (docs/periods.md) is a value-mode column; formula mode never lists it.
        throw new Error('formulaSheet: no formula for the Change column');
      case 'valueR':
      case 'valueF':
      case 'valueM': {
        const c = rowRef(layout.columns[helperMetric[key]], r);
        return `IF(${rowRef(sheetCol('check'), r)}<>"","",IF(ISNUMBER(${c}),${c},${numberValue(c)}))`;
      }
    }
  }

  // ---------- cached results (the engine's values) ----------
  let result: FormulaSheet['result'];
  if (scored) {
    const res = scored.result;
    const values = outputTable(res, scheme, lang, { segments: scored.segments, followUp: followUp ?? false });
    const problems = invalidRows(res);
    result = (i, col) => {
      const key = keys[col];
      if (key === 'valueR' || key === 'valueF' || key === 'valueM') {
        const v = res.values[helperMetric[key]][i];
        return Number.isNaN(v) ? '' : v;
      }
      if (key === 'check') {
        const list = problems.get(i);
        return list ? list.map((c) => describeInvalid(c, lang)).join(sep) : '';
      }
      const v = values.cell(i, values.columns.indexOf(key));
      return v ?? '';
    };
  }

  // The first row of `first` ties has no COUNTIF term: it is a run of its own.
  const runs: FormulaSheet['runs'] = [];
  const firstAlone = scheme.ties === 'first' && METRICS.some((m) => scheme.methods[m].kind === 'quintile');
  for (let i = 0; i < rows.length; i++) {
    const run = runs[runs.length - 1];
    if (run && rows[i] === rows[i - 1] + 1 && !(firstAlone && i === 1)) run.end = i;
    else runs.push({ start: i, end: i });
  }

  return {
    columns,
    headers: columns.map((c) => c.header),
    helperStart,
    runs,
    formula,
    result,
    params,
    paramColumns,
    helperNote: tr('formula.helperNote'),
  };
}

/** The headers of formula mode's helper columns in one language (re-run detection). */
export function helperHeaders(lang: Lang): string[] {
  return METRICS.map((m) => t(lang, 'formula.helper', { metric: metricName(m) }));
}
