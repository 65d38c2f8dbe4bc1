import { t } from '../../i18n';
import { previewStale } from '../state/pane';
import { tieFixPatch } from '../state/tieFixes';
import type { PaneActions, PaneState } from '../usePane';
import { PeriodsResult } from './PeriodsSection';
import { ResultFrame } from './ResultFrame';
import { ResultsView } from './ResultsView';
import { Section } from './Section';

/** What Preview found (the button is in the footer): grade counts, score distributions, warnings. */
export function PreviewSection({ state, actions }: { state: PaneState; actions: PaneActions }) {
  const { lang, preview } = state;
  if (!preview) return null;
  return (
    <Section title={t(lang, 'pane.preview.heading')}>
      <ResultFrame lang={lang} stale={previewStale(state)} focusKey={preview} testId="preview-result">
        <PeriodsResult lang={lang} scored={preview} onShow={(sheet) => actions.selectInvalid(sheet, 'A1')} />
        <ResultsView
          lang={lang}
          scored={preview}
          onSelect={actions.selectInvalid}
          onUseFix={(fix) => actions.setScheme(tieFixPatch(fix, preview.scheme, state.scheme))}
        />
      </ResultFrame>
    </Section>
  );
}
