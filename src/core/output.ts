/**
 * SPEC.md 6: the columns written back, their headers in the user's language, the Check text,
 * and the one-line descriptions of invalid cells and warnings that every adapter shows.
 */
import { t, percent, type Lang, type MessageKey } from '../i18n';
import { clauseSep, itemSep, sameHeader } from '../i18n/format';
import { invalidRows } from './engine';
import { metricName } from './scheme';
import { segmentNames } from './segmentMaps';
import { defaultCadence, type Segment, type SegmentResult } from './segments';
import type { InvalidCell, Scheme, ScoreResult, Warning } from './types';

export type OutputColumn = 'r' | 'f' | 'm' | 'rfm' | 'grade' | 'segment' | 'followUp' | 'change' | 'check';

const HEADER_KEYS: Record<OutputColumn, MessageKey> = {
  r: 'out.rScore',
  f: 'out.fScore',
  m: 'out.mScore',
  rfm: 'out.rfmScore',
  grade: 'out.grade',
  segment: 'out.segment',
  followUp: 'out.followUp',
  change: 'period.change',
  check: 'out.check',
};

export function outputHeader(column: OutputColumn, lang: Lang): string {
  return t(lang, HEADER_KEYS[column]);
}

/** True for a header this product writes, in either language. */
export function isOwnOutputHeader(v: unknown): boolean {
  return (
    typeof v === 'string' &&
    (['en', 'zh'] as Lang[]).some((lang) =>
      (Object.keys(HEADER_KEYS) as OutputColumn[]).some((c) => outputHeader(c, lang) === v.trim()),
    )
  );
}

const REQUIRED: OutputColumn[] = ['r', 'f', 'm', 'rfm', 'grade'];
const OPTIONAL: OutputColumn[] = ['segment', 'followUp', 'change', 'check'];

/**
 * Where this product's own earlier output starts among the headers `headers[0..last]`: the block
 * must end at `last` and read, in one language, R Score, F Score, M Score, RFM Score, Grade, then
 * optionally Segment, Follow-up, Change, Check in that order, then optionally formula mode's three helper
 * columns. A user's lone `Grade` or `客户等级` column is
 * not such a block. Returns -1 when there is none.
 */
export function ownOutputBlockStart(headers: readonly unknown[], last: number): number {
  const text = (i: number) => (typeof headers[i] === 'string' ? (headers[i] as string).trim() : '');
  for (const lang of ['en', 'zh'] as Lang[]) {
    for (let start = 0; start + REQUIRED.length - 1 <= last; start++) {
      if (!REQUIRED.every((c, i) => text(start + i) === outputHeader(c, lang))) continue;
      let i = start + REQUIRED.length;
      for (const c of OPTIONAL) if (i <= last && text(i) === outputHeader(c, lang)) i++;
      // Formula mode's helper columns (R, F, M value) follow Check.
      const helpers = (['R', 'F', 'M'] as const).map((metric) => t(lang, 'formula.helper', { metric }));
      if (i + helpers.length - 1 <= last && helpers.every((h, j) => sameHeader(text(i + j), h))) i += helpers.length;
      if (i === last + 1) return start;
    }
  }
  return -1;
}

export type OutputCell = number | string | null;

export interface OutputTable {
  columns: OutputColumn[];
  headers: string[];
  /** Value of output column `col` on data row `row` (null = leave empty). */
  cell(row: number, col: number): OutputCell;
}

export interface OutputExtras {
  /** Add the Segment column (SPEC.md 5). */
  segments?: SegmentResult;
  /** Add the Follow-up column: one label per grade (default: the Hohhot cadence by grade position). */
  followUp?: boolean | string[];
  /**
   * Add the Change column (docs/periods.md, after Segment and Follow-up, before Check): its text per data row
   * (`A→B`, `A→A`, `new` …, see src/core/migration.ts `changeColumn`), null for an empty cell.
   */
  change?: (row: number) => string | null;
}

/** Follow-up label per grade: the user's labels, or the default cadence in the user's language. */
export function followUpLabels(scheme: Scheme, lang: Lang, labels?: string[]): string[] {
  return scheme.grades.map((_, i) => labels?.[i] ?? t(lang, `follow.${defaultCadence(i)}` as MessageKey));
}

export function segmentLabel(segment: Segment, lang: Lang): string {
  return t(lang, `seg.${segment}` as MessageKey);
}

export function segmentAction(segment: Segment, lang: Lang): string {
  return t(lang, `action.${segment}` as MessageKey);
}

/** The section-6 columns for a scored table; Segment and Follow-up on request; Check only when some row is invalid. */
export function outputTable(result: ScoreResult, scheme: Scheme, lang: Lang, extras: OutputExtras = {}): OutputTable {
  const columns: OutputColumn[] = ['r', 'f', 'm', 'rfm', 'grade'];
  const { segments } = extras;
  if (segments) columns.push('segment');
  const followUp = extras.followUp
    ? followUpLabels(scheme, lang, Array.isArray(extras.followUp) ? extras.followUp : undefined)
    : undefined;
  if (followUp) columns.push('followUp');
  const { change } = extras;
  if (change) columns.push('change');
  // Names of the run's segment map (docs/segments.md), Others last.
  const names = segments ? segmentNames(segments.map, lang) : [];
  const problems = invalidRows(result);
  if (problems.size) columns.push('check');
  const sep = clauseSep(lang);
  return {
    columns,
    headers: columns.map((c) => outputHeader(c, lang)),
    cell(row, col) {
      const g = result.grade[row];
      switch (columns[col]) {
        case 'r':
          return g < 0 ? null : result.scores.r[row];
        case 'f':
          return g < 0 ? null : result.scores.f[row];
        case 'm':
          return g < 0 ? null : result.scores.m[row];
        case 'rfm':
          return g < 0 ? null : result.composite[row];
        case 'grade':
          return g < 0 ? null : scheme.grades[g].label;
        case 'segment':
          return g < 0 || !segments ? null : names[segments.segment[row]];
        case 'followUp':
          return g < 0 || !followUp ? null : followUp[g];
        case 'change':
          return change ? change(row) : null;
        case 'check': {
          const list = problems.get(row);
          return list ? list.map((c) => describeInvalid(c, lang)).join(sep) : null;
        }
      }
    },
  };
}

/** "M is negative" — the Check text of one invalid cell. */
export function describeInvalid(cell: InvalidCell, lang: Lang): string {
  return t(lang, `invalid.${cell.reason}` as MessageKey, { metric: metricName(cell.metric) });
}

function formatNumber(x: number): string {
  return String(x);
}

export function describeWarning(w: Warning, lang: Lang): string {
  switch (w.kind) {
    case 'ties':
      return t(lang, w.byRowOrder ? 'warn.tiesFirst' : w.emptyScores.length ? 'warn.tiesEmpty' : 'warn.ties', {
        metric: metricName(w.metric),
        share: percent(w.count / w.n),
        value: formatNumber(w.value),
        scores: w.emptyScores,
      });
    case 'gradeUnreachable':
      return t(lang, 'warn.gradeUnreachable', {
        label: w.label,
        min: formatNumber(w.scaleMin),
        max: formatNumber(w.scaleMax),
      });
    case 'gradeConcentration':
      return t(lang, 'warn.gradeConcentration', { label: w.label, share: percent(w.count / w.n) });
  }
}

/** "R scores: 5 → 120 (20%), 4 → …" — the actual distribution shown with a ties warning. */
export function describeDistribution(result: ScoreResult, metric: 'r' | 'f' | 'm', lang: Lang): string {
  const parts = [...result.distributions[metric]]
    .reverse()
    .map((d) => t(lang, 'fmt.scoreCount', { score: d.score, count: d.count, share: percent(d.count / result.n) }));
  return t(lang, 'warn.distribution', { metric: metricName(metric), parts: parts.join(itemSep(lang)) });
}
