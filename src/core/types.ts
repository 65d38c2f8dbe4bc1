/**
 * Shared types of the RFM engine (SPEC.md sections 1–4).
 * Pure data: no Office, DOM or file I/O anywhere under src/core.
 */

export type Metric = 'r' | 'f' | 'm';
export const METRICS: readonly Metric[] = ['r', 'f', 'm'];

/** A cell as any adapter hands it to the engine (Office.js values, exceljs values, CSV text). */
export type CellValue = number | string | boolean | null | undefined | Date | { error: string };

/** Why a cell cannot be scored (SPEC.md 1, "Cell values"). */
export type InvalidReason = 'empty' | 'notNumber' | 'boolean' | 'error' | 'negative' | 'notFinite';

export type TiePolicy = 'average' | 'min' | 'first';
export const TIE_POLICIES: readonly TiePolicy[] = ['average', 'min', 'first'];

/**
 * How the quintile metrics are binned (docs/binning.md): each over every customer (independent), or
 * F within each R bin and M within each R × F cell (nested, as in SPSS Statistics).
 */
export type Binning = 'independent' | 'nested';
export const BINNINGS: readonly Binning[] = ['independent', 'nested'];

export type MetricMethod =
  | { kind: 'quintile' }
  /** k−1 strictly ascending cut-offs (SPEC.md 2, breaks). */
  | { kind: 'breaks'; cutoffs: number[] }
  | { kind: 'raw' };

export type Variant = 'weighted' | 'additive';

/** One grade: composite ≥ min (exact decimal text) gets this label; min null = "otherwise" (the last grade). */
export interface GradeRule {
  label: string;
  min: string | null;
}

export interface Scheme {
  variant: Variant;
  /** wR, wF, wM as decimal text ("0.3"); used when variant is weighted; must add up to exactly 1. */
  weights: [string, string, string];
  methods: Record<Metric, MetricMethod>;
  /** k for quintile scoring (default 5). */
  bins: number;
  ties: TiePolicy;
  /** Absent = independent (docs/binning.md); written only when a scheme is nested, so older outputs stay byte for byte. */
  binning?: Binning;
  /** Highest grade first; thresholds strictly descending; the last rule has min null. */
  grades: GradeRule[];
}

export interface InvalidCell {
  /** 0-based index of the data row (excluding the header). */
  row: number;
  metric: Metric;
  reason: InvalidReason;
}

export type Warning =
  /** A tie group is larger than one band, so the bands can't hold n/k each. */
  | { kind: 'ties'; metric: Metric; value: number; count: number; n: number; emptyScores: number[]; byRowOrder: boolean }
  /** Nearly everyone lands in one grade. */
  | { kind: 'gradeConcentration'; label: string; count: number; n: number }
  /** A grade no score under this scheme can reach (threshold outside the scale). */
  | { kind: 'gradeUnreachable'; label: string; min: string; scaleMin: number; scaleMax: number };

/** Period over period (docs/periods.md): values beyond an earlier run's extremes when scoring on its frozen scale. */
export interface OutsideCounts {
  /** Better than the old best value (they got the best score). */
  better: number;
  /** Worse than the old worst value (they got the worst score). */
  worse: number;
}

export interface ScoreResult {
  /** Number of data rows given. */
  rows: number;
  /** Number of valid rows (the n of SPEC.md 2). */
  n: number;
  /** Per-metric score per row; NaN on invalid rows. */
  scores: Record<Metric, Float64Array>;
  /** Parsed metric values per row; NaN on invalid rows. */
  values: Record<Metric, Float64Array>;
  /** Exact composite (as the nearest JS number) per row; NaN on invalid rows. */
  composite: Float64Array;
  /** Index into scheme.grades per row; -1 on invalid rows. */
  grade: Int16Array;
  /** Every invalid cell, in row order then r, f, m. */
  invalid: InvalidCell[];
  /** Count per grade, same order as scheme.grades. */
  gradeCounts: number[];
  /** Per metric: score → number of valid rows with that score, ascending by score. */
  distributions: Record<Metric, Array<{ score: number; count: number }>>;
  warnings: Warning[];
  /** Present when the quintile metrics were scored on an earlier run's frozen scale (docs/periods.md). */
  frozen?: { outside: Record<Metric, OutsideCounts> };
}
