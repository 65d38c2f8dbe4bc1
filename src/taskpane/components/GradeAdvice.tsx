import { useEffect, useMemo, useRef } from 'react';
import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { METRICS, gradesText, suggestThresholds, type GradeRule } from '../../core';
import { t, type Lang } from '../../i18n';
import { previewStale, resultStale } from '../state/pane';
import { useShared } from '../styles';
import type { PaneState } from '../usePane';

function distribution(lang: Lang, grades: readonly GradeRule[], counts: readonly number[]): string {
  return grades.map((g, i) => t(lang, 'pane.grades.item', { label: g.label, count: counts[i] })).join(' · ');
}

/**
 * At the grade field: when the thresholds do not fit the scheme's scores — a grade nobody can get,
 * nearly everyone in one grade, as the Maoming preset's additive raw F gives — say so and offer
 * thresholds from the composite's quantiles (suggestThresholds) with the distribution they give.
 * Before any data: with raw values, a note and "Suggest thresholds" (a preview: reads, never writes).
 * Presets stay as the datasets define them; the user chooses (docs/scoring.md).
 * After "Suggest thresholds" the answer is here, not in the preview below: "Use these" takes focus and
 * is brought into view, after the preview's own scroll (docs/pane.md, "Results come into view").
 */
export function GradeAdvice({ state, onSuggest, onUse }: { state: PaneState; onSuggest: () => void; onUse: (grades: string) => void }) {
  const shared = useShared();
  const { lang } = state;
  const scheme = state.built.scheme;
  // the latest scores of these inputs, if any
  const fresh = state.preview && !previewStale(state) ? state.preview : state.result && !resultStale(state) ? state.result : undefined;
  const problem = fresh?.scored.result.warnings.some((w) => w.kind === 'gradeUnreachable' || w.kind === 'gradeConcentration');
  const suggestion = useMemo(() => (fresh && problem ? suggestThresholds(fresh.scored.result, fresh.scheme) : undefined), [fresh, problem]);
  const asked = useRef(false);
  const useButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!asked.current || !suggestion) return;
    asked.current = false;
    // the preview's ResultFrame scrolls itself into view in the same commit; come back after it
    const frame = requestAnimationFrame(() => {
      useButton.current?.focus({ preventScroll: true });
      useButton.current?.scrollIntoView({ block: 'center' });
    });
    return () => cancelAnimationFrame(frame);
  }, [suggestion]);
  if (!scheme) return null;
  if (fresh) {
    if (!problem) return null;
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="grade-advice">
        <MessageBarBody>
          {t(lang, 'pane.grades.fitProblem', { distribution: distribution(lang, fresh.scheme.grades, fresh.scored.result.gradeCounts) })}
          {suggestion && (
            <>
              <br />
              {t(lang, 'pane.grades.suggestion', { grades: gradesText(suggestion.grades), distribution: distribution(lang, suggestion.grades, suggestion.counts) })}
            </>
          )}
        </MessageBarBody>
        {suggestion && (
          <MessageBarActions>
            <Button ref={useButton} size="small" onClick={() => onUse(gradesText(suggestion.grades))} data-testid="grade-advice-use">
              {t(lang, 'pane.grades.use')}
            </Button>
          </MessageBarActions>
        )}
      </MessageBar>
    );
  }
  if (!METRICS.some((m) => scheme.methods[m].kind === 'raw')) return null;
  return (
    <div className={shared.stack} data-testid="grade-advice">
      <Caption1>{t(lang, 'pane.grades.check')}</Caption1>
      <div>
        <Button
          size="small"
          onClick={() => {
            asked.current = true;
            onSuggest();
          }}
          disabled={state.busy !== undefined} data-testid="grade-advice-suggest">
          {t(lang, 'pane.grades.suggest')}
        </Button>
      </div>
    </div>
  );
}
