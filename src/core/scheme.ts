/**
 * Schemes (SPEC.md 2–4): defaults, the registered presets, validation, and the text forms the
 * command line and the pane accept ("0.3,0.3,0.4", "breaks:30,60,90,180", "A:4,B:3,C:2,D").
 */
import { RfmError } from './errors';
import { add, compare, ONE, parseDecimal, toText, type Decimal } from './decimal';
import {
  BINNINGS,
  METRICS,
  TIE_POLICIES,
  type Binning,
  type GradeRule,
  type Metric,
  type MetricMethod,
  type Scheme,
  type TiePolicy,
  type Variant,
} from './types';

export const DEFAULT_GRADES: GradeRule[] = [
  { label: 'A', min: '4' },
  { label: 'B', min: '3' },
  { label: 'C', min: '2' },
  { label: 'D', min: null },
];

const QUINTILE: MetricMethod = { kind: 'quintile' };

/** SPEC.md defaults: weighted 0.3/0.3/0.4, quintiles with k = 5, ties average, A ≥ 4, B ≥ 3, C ≥ 2, D. */
export function defaultScheme(): Scheme {
  return {
    variant: 'weighted',
    weights: ['0.3', '0.3', '0.4'],
    methods: { r: QUINTILE, f: QUINTILE, m: QUINTILE },
    bins: 5,
    ties: 'average',
    grades: DEFAULT_GRADES.map((g) => ({ ...g })),
  };
}

export type PresetId = 'shanghai' | 'hohhot' | 'maoming' | 'template';
export const PRESET_IDS: readonly PresetId[] = ['shanghai', 'hohhot', 'maoming', 'template'];

/**
 * The registered schemes (seeds 000, 001, 003) and the customer-data template's cut-offs (seed 002).
 * Template M cut-offs: the source lists ≥10000 → 5, 5000–9999 → 4, 2000–4999 → 3 and is cut off after
 * that; 1000 as the last cut-off (1000–1999 → 2, below 1000 → 1) is our assumption, stated in the docs.
 */
export function preset(id: PresetId): Scheme {
  const s = defaultScheme();
  switch (id) {
    case 'shanghai':
    case 'hohhot':
      return s;
    case 'maoming':
      return { ...s, variant: 'additive', methods: { r: QUINTILE, f: { kind: 'raw' }, m: QUINTILE } };
    case 'template':
      return {
        ...s,
        methods: {
          r: { kind: 'breaks', cutoffs: [30, 60, 90, 180] },
          f: { kind: 'breaks', cutoffs: [2, 4, 7, 10] },
          m: { kind: 'breaks', cutoffs: [1000, 2000, 5000, 10000] },
        },
      };
  }
}

/** Metrics where a smaller value is better (SPEC.md 1). */
export function lowerIsBetter(metric: Metric): boolean {
  return metric === 'r';
}

export function metricName(metric: Metric): string {
  return metric.toUpperCase();
}

// ---------- validation ----------

function weightDecimal(text: string): Decimal {
  const d = /^\s*\d*\.?\d+\s*$|^\s*\d+\.\s*$/.test(text) ? parseDecimal(text) : undefined;
  if (!d) throw new RfmError('scheme.weightNotNumber', { value: text });
  return d;
}

/** Throws RfmError naming the first problem; returns the scheme unchanged when it is valid. */
export function validateScheme(s: Scheme): Scheme {
  if (s.variant !== 'weighted' && s.variant !== 'additive') {
    throw new RfmError('scheme.badVariant', { value: String(s.variant) });
  }
  if (s.variant === 'weighted') {
    if (s.weights.length !== 3) throw new RfmError('scheme.weightCount', { count: s.weights.length });
    const sum = s.weights.map(weightDecimal).reduce(add);
    if (compare(sum, ONE) !== 0) throw new RfmError('scheme.weightSum', { sum: toText(sum) });
  }
  if (!Number.isInteger(s.bins) || s.bins < 2 || s.bins > 100) {
    throw new RfmError('scheme.badBins', { value: String(s.bins) });
  }
  if (!TIE_POLICIES.includes(s.ties)) throw new RfmError('scheme.badTies', { value: String(s.ties) });
  if (s.binning !== undefined && !BINNINGS.includes(s.binning)) throw new RfmError('scheme.badBinning', { value: String(s.binning) });
  for (const metric of METRICS) {
    const m = s.methods[metric];
    if (m.kind === 'breaks') {
      if (m.cutoffs.length === 0) throw new RfmError('scheme.noCutoffs', { metric: metricName(metric) });
      for (let i = 0; i < m.cutoffs.length; i++) {
        if (!Number.isFinite(m.cutoffs[i])) {
          throw new RfmError('scheme.cutoffNotNumber', { metric: metricName(metric), value: String(m.cutoffs[i]) });
        }
        if (i > 0 && !(m.cutoffs[i] > m.cutoffs[i - 1])) {
          throw new RfmError('scheme.cutoffsNotAscending', {
            metric: metricName(metric),
            cutoffs: m.cutoffs.join(','),
          });
        }
      }
    }
  }
  validateGrades(s.grades);
  return s;
}

function validateGrades(grades: GradeRule[]): void {
  if (grades.length < 2) throw new RfmError('scheme.gradeCount');
  const seen = new Set<string>();
  let previous: Decimal | undefined;
  grades.forEach((g, i) => {
    const last = i === grades.length - 1;
    if (!g.label.trim()) throw new RfmError('scheme.gradeLabelEmpty', { position: i + 1 });
    if (seen.has(g.label)) throw new RfmError('scheme.gradeLabelDuplicate', { label: g.label });
    seen.add(g.label);
    if (last) {
      if (g.min !== null) throw new RfmError('scheme.lastGradeHasThreshold', { label: g.label });
      return;
    }
    const d = g.min === null ? undefined : parseDecimal(g.min);
    if (!d) throw new RfmError('scheme.gradeThresholdNotNumber', { label: g.label, value: String(g.min ?? '') });
    if (previous && compare(d, previous) >= 0) {
      throw new RfmError('scheme.gradeThresholdsNotDescending', { label: g.label });
    }
    previous = d;
  });
}

// ---------- text forms (CLI options, pane fields) ----------

export function parseWeightsText(text: string): [string, string, string] {
  const parts = text.split(/[,，]/).map((p) => p.trim());
  if (parts.length !== 3) throw new RfmError('scheme.weightCount', { count: parts.length });
  parts.forEach(weightDecimal);
  return [parts[0], parts[1], parts[2]];
}

export function parseVariantText(text: string): Variant {
  if (text === 'weighted' || text === 'additive') return text;
  throw new RfmError('scheme.badVariant', { value: text });
}

export function parseTiesText(text: string): TiePolicy {
  if ((TIE_POLICIES as readonly string[]).includes(text)) return text as TiePolicy;
  throw new RfmError('scheme.badTies', { value: text });
}

/** `--binning nested|independent` (docs/binning.md). */
export function parseBinningText(text: string): Binning {
  if ((BINNINGS as readonly string[]).includes(text)) return text as Binning;
  throw new RfmError('scheme.badBinning', { value: text });
}

/** The scheme with this binning: independent is written as no field, so such a scheme is unchanged. */
export function withBinning(s: Scheme, binning: Binning): Scheme {
  const out: Scheme = { ...s };
  delete out.binning;
  if (binning === 'nested') out.binning = binning;
  return out;
}

export function parseBinsText(text: string): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < 2 || n > 100) throw new RfmError('scheme.badBins', { value: text });
  return n;
}

/** "quintile" | "raw" | "breaks:30,60,90,180" */
export function parseMethodText(metric: Metric, text: string): MetricMethod {
  const t = text.trim();
  if (t === 'quintile') return { kind: 'quintile' };
  if (t === 'raw') return { kind: 'raw' };
  const m = /^breaks:(.*)$/.exec(t);
  if (!m) throw new RfmError('scheme.badMethod', { metric: metricName(metric), value: text });
  const parts = m[1].split(',').map((p) => p.trim());
  const cutoffs = parts.map((p) => {
    const d = p === '' ? undefined : parseDecimal(p);
    if (!d) throw new RfmError('scheme.cutoffNotNumber', { metric: metricName(metric), value: p });
    return Number(p);
  });
  const method: MetricMethod = { kind: 'breaks', cutoffs };
  validateScheme({ ...defaultScheme(), methods: { ...defaultScheme().methods, [metric]: method } });
  return method;
}

export function methodText(m: MetricMethod): string {
  return m.kind === 'breaks' ? `breaks:${m.cutoffs.join(',')}` : m.kind;
}

/** "A:4,B:3,C:2,D" — highest first; the last label has no threshold. */
export function parseGradesText(text: string): GradeRule[] {
  const parts = text.split(/[,，]/).map((p) => p.trim());
  const grades = parts.map((p, i): GradeRule => {
    const idx = p.lastIndexOf(':');
    if (idx < 0) {
      if (i !== parts.length - 1) throw new RfmError('scheme.gradeThresholdNotNumber', { label: p, value: '' });
      return { label: p, min: null };
    }
    const label = p.slice(0, idx).trim();
    const min = p.slice(idx + 1).trim();
    if (!parseDecimal(min)) throw new RfmError('scheme.gradeThresholdNotNumber', { label, value: min });
    return { label, min };
  });
  validateGrades(grades);
  return grades;
}

export function gradesText(grades: GradeRule[]): string {
  return grades.map((g) => (g.min === null ? g.label : `${g.label}:${g.min}`)).join(',');
}
