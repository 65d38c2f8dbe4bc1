import type { Scheme, ScoreResult } from '../../core';
import { percent, t, type Lang } from '../../i18n';
import { useShared } from '../styles';

/** Count and share of each grade, highest grade first. */
export function GradeTable({ lang, result, scheme }: { lang: Lang; result: ScoreResult; scheme: Scheme }) {
  const shared = useShared();
  return (
    <table className={shared.table} data-testid="grade-table">
      <caption>{t(lang, 'pane.preview.grades')}</caption>
      <thead>
        <tr>
          <th scope="col">{t(lang, 'pane.preview.grade')}</th>
          <th scope="col">{t(lang, 'pane.preview.count')}</th>
          <th scope="col">{t(lang, 'pane.preview.share')}</th>
        </tr>
      </thead>
      <tbody>
        {scheme.grades.map((g, i) => (
          <tr key={g.label}>
            <th scope="row">{g.label}</th>
            <td>{result.gradeCounts[i]}</td>
            <td>{result.n ? percent(result.gradeCounts[i] / result.n) : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
