/**
 * The RFM engine: cells in, scores, composite, grades and warnings out (SPEC.md 1–4).
 * One call serves the task pane, the command line and the tests.
 */
import { parseCell } from './cells';
import { createGrader } from './grade';
import { lowerIsBetter, validateScheme } from './scheme';
import { frozenScores, type Scale } from './scale';
import { RfmError } from './errors';
import { binningOf, groupIds, groupedScoring, NESTED_IN } from './nested';
import { metricScoring, scoreRange, type MetricScoring, type TieGroup } from './score';
import {
  METRICS,
  type CellValue,
  type InvalidCell,
  type Metric,
  type OutsideCounts,
  type Scheme,
  type ScoreResult,
} from './types';
import { findWarnings } from './warnings';

export type MetricColumns = Record<Metric, ArrayLike<CellValue>>;

export interface ScoreOptions {
  /**
   * Score the quintile metrics on an earlier run's frozen scale (docs/periods.md, src/core/scale.ts) instead
   * of ranking this data; breaks and raw metrics score as usual.
   */
  scale?: Scale;
}

export function scoreTable(columns: MetricColumns, scheme: Scheme, options: ScoreOptions = {}): ScoreResult {
  validateScheme(scheme);
  const rows = Math.max(columns.r.length, columns.f.length, columns.m.length);
  const values = {} as Record<Metric, Float64Array>;
  for (const metric of METRICS) values[metric] = new Float64Array(rows);
  const invalid: InvalidCell[] = [];
  for (let row = 0; row < rows; row++) {
    for (const metric of METRICS) {
      const v = columns[metric][row];
      // Plain non-negative finite numbers (Office.js values, generated data) skip parseCell's object.
      if (typeof v === 'number' && v >= 0 && v < Infinity) values[metric][row] = v === 0 ? 0 : v;
      else {
        const p = parseCell(v);
        if (p.ok) values[metric][row] = p.value;
        else {
          values[metric][row] = NaN;
          invalid.push({ row, metric, reason: p.reason });
        }
      }
    }
  }
  return scoreColumns(values, invalid, scheme, options);
}

/**
 * The columnar engine (docs/engine.md): metric values already parsed into typed arrays, NaN where a
 * cell is invalid, and the list of invalid cells (row order, then r, f, m). A row is valid when its
 * three values are. No object is made per row: ranks come from a radix order on the typed arrays and
 * the composite is taken per column in integers scaled by the weights' decimals. The arrays in
 * `values` become the result's `values` (invalid rows set to NaN in all three).
 */
export function scoreColumns(
  values: Record<Metric, Float64Array>,
  invalid: InvalidCell[],
  scheme: Scheme,
  options: ScoreOptions = {},
): ScoreResult {
  validateScheme(scheme);
  const nested = binningOf(scheme) === 'nested';
  // A frozen scale holds one set of bands per metric; nested F and M have one per R bin (docs/binning.md).
  if (nested && options.scale) throw new RfmError('binning.frozen');
  const rows = values.r.length;
  const vr = values.r;
  const vf = values.f;
  const vm = values.m;
  let n = 0;
  for (let row = 0; row < rows; row++) {
    if (vr[row] === vr[row] && vf[row] === vf[row] && vm[row] === vm[row]) n++;
    else vr[row] = vf[row] = vm[row] = NaN;
  }

  // Score each metric over the valid rows only (invalid rows don't count in n).
  const validIndex = new Int32Array(n);
  for (let row = 0, j = 0; row < rows; row++) if (vr[row] === vr[row]) validIndex[j++] = row;
  const scores = {} as Record<Metric, Float64Array>;
  const ranges = {} as Record<Metric, [number, number]>;
  const bigTies = {} as Record<Metric, TieGroup[]>;
  const distributions = {} as ScoreResult['distributions'];
  const outside = options.scale ? ({} as Record<Metric, OutsideCounts>) : undefined;
  // Nested binning: each metric's compact scores, the groups the later metrics are ranked within.
  const compactScores = {} as Record<Metric, Float64Array>;
  for (const metric of METRICS) {
    const column = values[metric];
    const compact = n === rows ? column : new Float64Array(n);
    if (n !== rows) for (let j = 0; j < n; j++) compact[j] = column[validIndex[j]];
    const frozen = options.scale?.[metric];
    let scoring: MetricScoring;
    if (frozen?.kind === 'quintile' && scheme.methods[metric].kind === 'quintile') {
      const f = frozenScores(compact, lowerIsBetter(metric), frozen.bands);
      scoring = { scores: f.scores, bigTies: [] };
      outside![metric] = f.outside;
    } else if (nested && NESTED_IN[metric].length && scheme.methods[metric].kind === 'quintile') {
      const { ids, groups } = groupIds(NESTED_IN[metric].map((m) => compactScores[m]));
      scoring = groupedScoring(compact, ids, groups, lowerIsBetter(metric), scheme.methods[metric], scheme.bins, scheme.ties);
    } else {
      scoring = metricScoring(compact, lowerIsBetter(metric), scheme.methods[metric], scheme.bins, scheme.ties);
      if (outside) outside[metric] = { better: 0, worse: 0 };
    }
    compactScores[metric] = scoring.scores;
    let full: Float64Array;
    if (n === rows) full = scoring.scores;
    else {
      full = new Float64Array(rows).fill(NaN);
      for (let j = 0; j < n; j++) full[validIndex[j]] = scoring.scores[j];
    }
    scores[metric] = full;
    ranges[metric] = scoreRange(compact, scheme.methods[metric], scheme.bins);
    bigTies[metric] = scoring.bigTies;
    distributions[metric] = distribution(scoring.scores);
  }

  // Composite and grade, exact, per column.
  const grader = createGrader(scheme);
  const composite = new Float64Array(rows).fill(NaN);
  const grade = new Int16Array(rows).fill(-1);
  const gradeCounts = grader.gradeColumns(scores.r, scores.f, scores.m, validIndex, composite, grade);

  const result: ScoreResult = {
    rows,
    n,
    scores,
    values,
    composite,
    grade,
    invalid,
    gradeCounts,
    distributions,
    warnings: [],
  };
  if (outside) result.frozen = { outside };
  result.warnings = findWarnings(result, scheme, ranges, bigTies);
  return result;
}

/** Score → count, ascending; small integer scores (quintile, breaks) are counted in an array. */
function distribution(scores: Float64Array): Array<{ score: number; count: number }> {
  const small = new Float64Array(102);
  const other = new Map<number, number>();
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (s >= 0 && s <= 101 && (s | 0) === s) small[s]++;
    else other.set(s, (other.get(s) ?? 0) + 1);
  }
  small.forEach((count, score) => {
    if (count) other.set(score, count);
  });
  return [...other.entries()].sort((a, b) => a[0] - b[0]).map(([score, count]) => ({ score, count }));
}

/** Rows that have at least one invalid cell, each with its problems (row order). */
export function invalidRows(result: ScoreResult): Map<number, InvalidCell[]> {
  const map = new Map<number, InvalidCell[]>();
  for (const cell of result.invalid) {
    const list = map.get(cell.row);
    if (list) list.push(cell);
    else map.set(cell.row, [cell]);
  }
  return map;
}
