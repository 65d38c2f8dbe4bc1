import { Caption1 } from '@fluentui/react-components';
import { METRICS, type Metric, type Scheme, type ScoreResult } from '../../core';
import { itemSep } from '../../i18n/format';
import { percent, t, type Lang } from '../../i18n';
import { useShared } from '../styles';

/**
 * Per-metric score distribution: one row per score (k … 1) with the count and share of each banded
 * metric; a metric scored by its raw value has too many scores for a table and is listed in a line.
 */
export function ScoreTable({ lang, result, scheme }: { lang: Lang; result: ScoreResult; scheme: Scheme }) {
  const shared = useShared();
  const banded = METRICS.filter((m) => scheme.methods[m].kind !== 'raw');
  const raw = METRICS.filter((m) => scheme.methods[m].kind === 'raw');
  const scores = new Set<number>();
  for (const m of banded) for (const d of result.distributions[m]) scores.add(d.score);
  const rows = [...scores].sort((a, b) => b - a);
  const cell = (m: Metric, score: number) => {
    const count = result.distributions[m].find((d) => d.score === score)?.count ?? 0;
    return t(lang, 'fmt.countShare', { count, share: percent(result.n ? count / result.n : 0) });
  };
  return (
    <>
      {banded.length > 0 && (
        <table className={shared.table} data-testid="score-table">
          <caption>{t(lang, 'pane.preview.scores')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'pane.preview.score')}</th>
              {banded.map((m) => (
                <th key={m} scope="col">
                  {m.toUpperCase()}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((score) => (
              <tr key={score}>
                <th scope="row">{score}</th>
                {banded.map((m) => (
                  <td key={m}>{cell(m, score)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {raw.map((m) => (
        <Caption1 key={m}>
          {t(lang, 'pane.preview.raw', {
            metric: m.toUpperCase(),
            parts: [...result.distributions[m]]
              .reverse()
              // the raw value is the score: say what the count counts ("F = 20: 4 customers")
              .map((d) => t(lang, 'pane.preview.rawItem', { metric: m.toUpperCase(), value: d.score, count: d.count }))
              .join(itemSep(lang)),
          })}
        </Caption1>
      ))}
    </>
  );
}
