import { Body1 } from '@fluentui/react-components';
import type { TieFix } from '../../core';
import { t, type Lang } from '../../i18n';
import type { Scored } from '../usePane';
import { GradeTable } from './GradeTable';
import { InvalidList } from './InvalidList';
import { ScoreTable } from './ScoreTable';
import { Warnings } from './Warnings';

/** What a scoring found: counts, grade and score distributions, warnings, invalid rows. */
export function ResultsView({
  lang,
  scored,
  onSelect,
  onUseFix,
}: {
  lang: Lang;
  scored: Scored;
  onSelect: (sheet: string, address: string) => void;
  /** "Use this" on a tie fix (docs/tie-advice.md). */
  onUseFix?: (fix: TieFix) => void;
}) {
  const { result } = scored.scored;
  return (
    <>
      <Body1>{t(lang, 'pane.preview.summary', { n: result.n, invalid: result.rows - result.n })}</Body1>
      <GradeTable lang={lang} result={result} scheme={scored.scheme} />
      <ScoreTable lang={lang} result={result} scheme={scored.scheme} />
      <Warnings lang={lang} result={result} scheme={scored.scheme} onUseFix={onUseFix} />
      <InvalidList lang={lang} scored={scored} onSelect={onSelect} />
    </>
  );
}
