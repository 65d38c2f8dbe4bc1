/** What the command line prints after a run: grade counts, invalid cells, warnings. */
import {
  columnLetter,
  describeDistribution,
  describeInvalid,
  describeTieFix,
  describeTieFixCounts,
  describeWarning,
  invalidAddress,
  metricName,
  tieFixes,
  type Metric,
  type ScoredSheet,
  type Scheme,
  type Warning,
} from '../core';
import { percent, t, type Lang } from '../i18n';
import { colon, columnWithHeader, itemSep } from '../i18n/format';

/** How many invalid cells are listed one by one before "… and N more". */
export const INVALID_LISTED = 20;

function columnLabel(sheet: ScoredSheet, metric: Metric, lang: Lang): string {
  const col = sheet.layout.columns[metric];
  return columnWithHeader(lang, columnLetter(col), sheet.headerCells[col]);
}

export function reportLines(
  sheet: ScoredSheet,
  scheme: Scheme,
  lang: Lang,
  where: string,
): string[] {
  const { result } = sheet;
  const lines: string[] = [];
  lines.push(
    t(lang, 'cli.report.scored', {
      n: result.n,
      rows: result.rows,
      where,
      r: columnLabel(sheet, 'r', lang),
      f: columnLabel(sheet, 'f', lang),
      m: columnLabel(sheet, 'm', lang),
    }),
  );
  lines.push(
    t(lang, 'cli.report.grades', {
      grades: scheme.grades
        .map((g, i) => t(lang, 'fmt.gradeCount', { label: g.label, count: result.gradeCounts[i], share: percent(result.gradeCounts[i] / result.n) }))
        .join(itemSep(lang)),
    }),
  );
  if (result.invalid.length) {
    const badRows = new Set(result.invalid.map((c) => c.row)).size;
    lines.push(t(lang, 'cli.report.invalid', { rows: badRows, cells: result.invalid.length }));
    for (const cell of result.invalid.slice(0, INVALID_LISTED)) {
      lines.push(`  ${invalidAddress(sheet, cell.row, cell.metric)}${colon(lang)}${describeInvalid(cell, lang)}`);
    }
    if (result.invalid.length > INVALID_LISTED) {
      lines.push(`  ${t(lang, 'cli.report.more', { count: result.invalid.length - INVALID_LISTED })}`);
    }
  }
  const distributionsShown = new Set<Metric>();
  for (const w of result.warnings) {
    lines.push(t(lang, 'cli.report.warning', { text: describeWarning(w, lang) }));
    if (w.kind === 'ties' && !distributionsShown.has(w.metric)) {
      distributionsShown.add(w.metric);
      lines.push(`  ${describeDistribution(result, w.metric, lang)}`);
      lines.push(...tieFixLines(sheet, scheme, w, lang));
    }
  }
  return lines;
}

/**
 * Tie-collapse advice (docs/tie-advice.md): under a ties warning that leaves scores empty, each fix
 * with the option that makes it and the metric's distribution it gives.
 */
function tieFixLines(sheet: ScoredSheet, scheme: Scheme, w: Extract<Warning, { kind: 'ties' }>, lang: Lang): string[] {
  const fixes = tieFixes(sheet.result, scheme, w);
  if (!fixes.length) return [];
  const lines = [`  ${t(lang, 'tieFix.heading', { metric: metricName(w.metric) })}`];
  for (const fix of fixes) {
    lines.push(`    ${t(lang, 'tieFix.cliItem', { text: describeTieFix(fix, lang), option: fix.cli })}`);
    lines.push(`      ${describeTieFixCounts(fix, lang)}`);
  }
  return lines;
}
