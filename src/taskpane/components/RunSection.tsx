import { Body1Strong, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { t, type Lang } from '../../i18n';
import { resultStale } from '../state/pane';
import { tieFixPatch } from '../state/tieFixes';
import type { PaneActions, PaneState, RunResult } from '../usePane';
import { PeriodsResult } from './PeriodsSection';
import { ResultFrame } from './ResultFrame';
import { ResultsView } from './ResultsView';
import { Section } from './Section';

/** What Run wrote (the button is in the footer): a summary with the grade counts and the invalid rows. */
export function RunSection({ state, actions }: { state: PaneState; actions: PaneActions }) {
  const { lang, result } = state;
  if (!result) return null;
  return (
    <Section title={t(lang, 'pane.run.heading')}>
      <ResultFrame lang={lang} stale={resultStale(state)} focusKey={result} testId="run-result">
        <Body1Strong role="status">{doneText(lang, result)}</Body1Strong>
        <FormulaNote lang={lang} result={result} />
        <PeriodsResult lang={lang} scored={result} onShow={(sheet) => actions.selectInvalid(sheet, 'A1')} />
        <ResultsView
          lang={lang}
          scored={result}
          onSelect={actions.selectInvalid}
          onUseFix={(fix) => actions.setScheme(tieFixPatch(fix, result.scheme, state.scheme))}
        />
      </ResultFrame>
    </Section>
  );
}

function doneText(lang: Lang, r: RunResult): string {
  const vars = { rows: r.write.rowsWritten, sheet: r.write.sheet, address: r.write.address };
  return t(lang, r.target === 'newSheet' ? 'pane.run.doneNewSheet' : 'pane.run.done', vars);
}

/** After a formula run: the parameter sheet the formulas read (value mode names its record below). */
function FormulaNote({ lang, result }: { lang: Lang; result: RunResult }) {
  const paramSheet = result.output === 'formulas' ? result.write.paramSheet : undefined;
  if (!paramSheet) return null;
  return (
    <MessageBar intent="info" layout="multiline" data-testid="formula-result">
      <MessageBarBody>
        {t(lang, 'paneMode.output.done', { sheet: paramSheet })}
        {result.target === 'newSheet' && (
          <>
            <br />
            {t(lang, 'paneMode.output.doneCopy')}
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
