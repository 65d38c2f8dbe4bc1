/**
 * The engine's warnings as the pane lists them (docs/pane.md): the ties warnings of one metric that
 * describe the same gap (F = 1 and F = 2 both leaving no one with a score of 2) become one line that
 * names every tied value. Pure: no React, no Office.
 */
import { describeWarning, metricName, type Metric, type Warning } from '../../core';
import { percent, t, type Lang } from '../../i18n';

type TiesWarning = Extract<Warning, { kind: 'ties' }>;

/** One line per warning, except one line per metric for the ties that leave the same scores empty. */
export interface WarningLine {
  text: string;
  /** Set on a ties line: the metric's distribution is shown after its last one. */
  metric?: Metric;
}

function gapKey(w: TiesWarning): string | undefined {
  return !w.byRowOrder && w.emptyScores.length ? `${w.metric}:${w.emptyScores.join(',')}` : undefined;
}

export function warningLines(warnings: readonly Warning[], lang: Lang): WarningLine[] {
  const gaps = new Map<string, TiesWarning[]>();
  for (const w of warnings) {
    const key = w.kind === 'ties' ? gapKey(w) : undefined;
    if (key && w.kind === 'ties') gaps.set(key, [...(gaps.get(key) ?? []), w]);
  }
  const lines: WarningLine[] = [];
  const done = new Set<string>();
  for (const w of warnings) {
    const key = w.kind === 'ties' ? gapKey(w) : undefined;
    if (w.kind !== 'ties' || !key) {
      lines.push({ text: describeWarning(w, lang), metric: w.kind === 'ties' ? w.metric : undefined });
      continue;
    }
    if (done.has(key)) continue;
    done.add(key);
    const group = gaps.get(key)!;
    if (group.length === 1) {
      lines.push({ text: describeWarning(w, lang), metric: w.metric });
      continue;
    }
    const metric = metricName(w.metric);
    const groups = group
      .map((g) => t(lang, 'pane.warn.tiesGroup', { share: percent(g.count / g.n), metric, value: String(g.value) }))
      .join(t(lang, 'pane.warn.tiesJoin'));
    lines.push({ text: t(lang, 'pane.warn.tiesGap', { metric, groups, scores: w.emptyScores.join(lang === 'zh' ? '、' : ', ') }), metric: w.metric });
  }
  return lines;
}
