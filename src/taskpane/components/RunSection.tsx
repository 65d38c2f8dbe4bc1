import { Body1Strong, Button, Caption1 } from '@fluentui/react-components';
import { outputHeader, type OutputColumn } from '../../core';
import { joinList } from '../../i18n/format';
import { t, type Lang } from '../../i18n';
import { useShared } from '../styles';
import type { PaneActions, PaneState, RunResult } from '../usePane';
import { Progress } from './Progress';
import { NoticeBar } from './NoticeBar';
import { PeriodsResult } from './PeriodsSection';
import { ResultsView } from './ResultsView';
import { Section } from './Section';

const WRITTEN: OutputColumn[] = ['r', 'f', 'm', 'rfm', 'grade'];

/** Run: score and write the output columns; progress, then a summary with the invalid rows. */
export function RunSection({ state, actions }: { state: PaneState; actions: PaneActions }) {
  const shared = useShared();
  const { lang, busy, progress, result } = state;
  const columns = joinList(lang, WRITTEN.map((c) => outputHeader(c, lang)));
  return (
    <Section title={t(lang, 'pane.run.heading')}>
      <Button appearance="primary" onClick={actions.run} disabled={busy !== undefined} data-testid="run">
        {t(lang, 'pane.run.button')}
      </Button>
      <Caption1 className={shared.muted}>{t(lang, 'pane.run.hint', { columns })}</Caption1>
      {busy === 'run' && <Progress lang={lang} progress={progress} />}
      <NoticeBar notice={state.notice} where="run" lang={lang} />
      {result && (
        <div data-testid="run-result" className={shared.stack}>
          <Body1Strong role="status">{doneText(lang, result)}</Body1Strong>
          <PeriodsResult lang={lang} scored={result} onShow={(sheet) => actions.selectInvalid(sheet, 'A1')} />
          <ResultsView lang={lang} scored={result} onSelect={actions.selectInvalid} />
        </div>
      )}
    </Section>
  );
}

function doneText(lang: Lang, r: RunResult): string {
  const vars = { rows: r.write.rowsWritten, sheet: r.write.sheet, address: r.write.address };
  return t(lang, r.target === 'newSheet' ? 'pane.run.doneNewSheet' : 'pane.run.done', vars);
}
