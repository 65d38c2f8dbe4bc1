/**
 * SPEC.md 6: the columns written back, their headers in the user's language, the Check text,
 * and the one-line descriptions of invalid cells and warnings that every adapter shows.
 */
import { t, percent, type Lang, type MessageKey } from '../i18n';
import { invalidRows } from './engine';
import { metricName } from './scheme';
import type { InvalidCell, Scheme, ScoreResult, Warning } from './types';

export type OutputColumn = 'r' | 'f' | 'm' | 'rfm' | 'grade' | 'segment' | 'followUp' | 'check';

const HEADER_KEYS: Record<OutputColumn, MessageKey> = {
  r: 'out.rScore',
  f: 'out.fScore',
  m: 'out.mScore',
  rfm: 'out.rfmScore',
  grade: 'out.grade',
  segment: 'out.segment',
  followUp: 'out.followUp',
  check: 'out.check',
};

export function outputHeader(column: OutputColumn, lang: Lang): string {
  return t(lang, HEADER_KEYS[column]);
}

const OWN_HEADERS = new Set(
  (['en', 'zh'] as Lang[]).flatMap((lang) =>
    (Object.keys(HEADER_KEYS) as OutputColumn[]).map((c) => outputHeader(c, lang)),
  ),
);

/** True for a header this product writes (in either language): a re-run replaces those columns. */
export function isOwnOutputHeader(v: unknown): boolean {
  return typeof v === 'string' && OWN_HEADERS.has(v.trim());
}

export type OutputCell = number | string | null;

export interface OutputTable {
  columns: OutputColumn[];
  headers: string[];
  /** Value of output column `col` on data row `row` (null = leave empty). */
  cell(row: number, col: number): OutputCell;
}

/** The section-6 columns for a scored table; Check only when some row is invalid. */
export function outputTable(result: ScoreResult, scheme: Scheme, lang: Lang): OutputTable {
  const columns: OutputColumn[] = ['r', 'f', 'm', 'rfm', 'grade'];
  const problems = invalidRows(result);
  if (problems.size) columns.push('check');
  const sep = lang === 'zh' ? '；' : '; ';
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
        case 'check': {
          const list = problems.get(row);
          return list ? list.map((c) => describeInvalid(c, lang)).join(sep) : null;
        }
        default:
          return null;
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
      return t(lang, w.emptyScores.length ? 'warn.tiesEmpty' : 'warn.ties', {
        metric: metricName(w.metric),
        share: percent(w.count / w.n),
        value: formatNumber(w.value),
        scores: w.emptyScores.join(lang === 'zh' ? '、' : ', '),
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
    .map((d) => `${d.score} → ${d.count} (${percent(d.count / result.n)})`);
  return t(lang, 'warn.distribution', { metric: metricName(metric), parts: parts.join(', ') });
}
