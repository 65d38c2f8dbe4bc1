import { Button, Caption1, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { t } from '../../i18n';
import { useShared } from '../styles';
import { previewStale } from '../state/pane';
import type { PaneActions, PaneState } from '../usePane';
import { NoticeBar } from './NoticeBar';
import { PeriodsResult } from './PeriodsSection';
import { Progress } from './Progress';
import { ResultsView } from './ResultsView';
import { Section } from './Section';

/** Preview: score without writing; grade counts, score distributions, warnings. */
export function PreviewSection({ state, actions }: { state: PaneState; actions: PaneActions }) {
  const shared = useShared();
  const { lang, busy, preview } = state;
  const stale = previewStale(state);
  return (
    <Section title={t(lang, 'pane.preview.heading')}>
      <div className={shared.row}>
        <Button onClick={actions.preview} disabled={busy !== undefined}>
          {t(lang, 'pane.preview.button')}
        </Button>
      </div>
      {busy === 'preview' && <Progress lang={lang} progress={state.progress} />}
      <Caption1 className={shared.muted}>{t(lang, 'pane.preview.hint')}</Caption1>
      <NoticeBar notice={state.notice} where="preview" lang={lang} />
      {preview && (
        <div data-testid="preview-result" className={shared.stack}>
          {stale && (
            <MessageBar intent="warning">
              <MessageBarBody>{t(lang, 'pane.preview.stale')}</MessageBarBody>
            </MessageBar>
          )}
          <PeriodsResult lang={lang} scored={preview} onShow={(sheet) => actions.selectInvalid(sheet, 'A1')} />
          <ResultsView lang={lang} scored={preview} onSelect={actions.selectInvalid} />
        </div>
      )}
    </Section>
  );
}
