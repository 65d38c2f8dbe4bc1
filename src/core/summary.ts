/**
 * The analyst's summary (docs/insight.md): per grade and per segment the customer count, share, mean R, F
 * and M, total M and its share of all M; the R-score × F-score matrix (count and mean M per cell);
 * the per-metric score distributions. Sums are exact (BigInt decimals), so totals add up to the whole.
 */
import { add, decimalOfNumber, toNumber, type Decimal } from './decimal';
import { t, type Lang } from '../i18n';
import { exactMean, roundedMeanText, segmentMedians, type SegmentMedians } from './heatmap';
import { segmentKey } from './segmentMaps';
import type { SegmentResult } from './segments';
import type { Metric, Scheme, ScoreResult } from './types';

export interface GroupSummary {
  count: number;
  /** count / n */
  share: number;
  meanR: number;
  meanF: number;
  meanM: number;
  totalM: number;
  /** totalM / all M (0 when all M is 0) */
  mShare: number;
}

export interface HeatCell {
  count: number;
  /** The exact mean (nearest number); NaN when the cell is empty (docs/lists.md, "Heat map"). */
  meanM: number;
  /** The exact mean rounded half up to 2 places ("12.35"); '' when the cell is empty. */
  meanMText: string;
}

export interface Summary {
  n: number;
  totalM: number;
  grades: Array<{ label: string } & GroupSummary>;
  /**
   * Per segment of the run's map (docs/segments.md), Others last when the map has gaps. `segment`: a stable
   * key (the built-in segment's id, `rule1` …, `others`); names and suggested actions in both languages.
   */
  segments?: Array<{ segment: string; names: Record<Lang, string>; actions: Record<Lang, string> } & GroupSummary>;
  /** Rows: R scores best first; columns: F scores best first. */
  heatmap: { rScores: number[]; fScores: number[]; cells: HeatCell[][] };
  /** Per segment the median R, F and M values (docs/lists.md); present with segments. */
  medians?: SegmentMedians[];
  distributions: ScoreResult['distributions'];
}

const ZERO: Decimal = { int: 0n, scale: 0 };

class Accumulator {
  count = 0;
  sums: Record<Metric, Decimal> = { r: ZERO, f: ZERO, m: ZERO };
  addRow(result: ScoreResult, row: number): void {
    this.count++;
    this.sums.r = add(this.sums.r, decimalOfNumber(result.values.r[row]));
    this.sums.f = add(this.sums.f, decimalOfNumber(result.values.f[row]));
    this.sums.m = add(this.sums.m, decimalOfNumber(result.values.m[row]));
  }
  summary(n: number, allM: number): GroupSummary {
    const mean = (d: Decimal) => exactMean(d, this.count);
    const totalM = toNumber(this.sums.m);
    return {
      count: this.count,
      share: n ? this.count / n : 0,
      meanR: mean(this.sums.r),
      meanF: mean(this.sums.f),
      meanM: mean(this.sums.m),
      totalM,
      mShare: allM ? totalM / allM : 0,
    };
  }
}

const LANG_PAIR: readonly Lang[] = ['en', 'zh'];

/** Key, names and suggested actions of segment `i` of a run (a built-in segment brings its action). */
function segmentLabels(segments: SegmentResult, i: number): { segment: string; names: Record<Lang, string>; actions: Record<Lang, string> } {
  const { map } = segments;
  const id = map.kind === 'highLow' ? map.segments[i]?.id : undefined;
  const actions = {} as Record<Lang, string>;
  for (const lang of LANG_PAIR) actions[lang] = id ? t(lang, `action.${id}`) : '';
  return { ...segmentKey(map, i), actions };
}

export function summarize(result: ScoreResult, scheme: Scheme, segments?: SegmentResult): Summary {
  const all = new Accumulator();
  const byGrade = scheme.grades.map(() => new Accumulator());
  const bySegment = (segments?.counts ?? []).map(() => new Accumulator());
  const rScores = [...new Set(result.distributions.r.map((d) => d.score))].sort((a, b) => b - a);
  const fScores = [...new Set(result.distributions.f.map((d) => d.score))].sort((a, b) => b - a);
  const rIndex = new Map(rScores.map((s, i) => [s, i]));
  const fIndex = new Map(fScores.map((s, i) => [s, i]));
  const heat = rScores.map(() => fScores.map(() => new Accumulator()));
  for (let row = 0; row < result.rows; row++) {
    const g = result.grade[row];
    if (g < 0) continue;
    all.addRow(result, row);
    byGrade[g].addRow(result, row);
    if (segments) bySegment[segments.segment[row]].addRow(result, row);
    heat[rIndex.get(result.scores.r[row])!][fIndex.get(result.scores.f[row])!].addRow(result, row);
  }
  const n = result.n;
  const totalM = toNumber(all.sums.m);
  return {
    n,
    totalM,
    grades: scheme.grades.map((g, i) => ({ label: g.label, ...byGrade[i].summary(n, totalM) })),
    segments: segments ? bySegment.map((acc, i) => ({ ...segmentLabels(segments, i), ...acc.summary(n, totalM) })) : undefined,
    heatmap: {
      rScores,
      fScores,
      cells: heat.map((row) =>
        row.map((acc) => {
          const s = acc.summary(n, totalM);
          return { count: s.count, meanM: s.meanM, meanMText: roundedMeanText(acc.sums.m, acc.count, 2) };
        }),
      ),
    },
    medians: segments ? segmentMedians(result, segments) : undefined,
    distributions: result.distributions,
  };
}
