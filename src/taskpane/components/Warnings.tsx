import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { describeDistribution, describeWarning, type ScoreResult } from '../../core';
import type { Lang } from '../../i18n';

/** The engine's warnings; a ties warning comes with the metric's actual distribution (SPEC.md 2). */
export function Warnings({ lang, result }: { lang: Lang; result: ScoreResult }) {
  if (result.warnings.length === 0) return null;
  // The distribution once per metric, after that metric's last ties warning.
  const lastTies = new Map<string, number>();
  result.warnings.forEach((w, i) => w.kind === 'ties' && lastTies.set(w.metric, i));
  return (
    <div data-testid="warnings">
      {result.warnings.map((w, i) => (
        <MessageBar key={i} intent="warning" layout="multiline">
          <MessageBarBody>
            {describeWarning(w, lang)}
            {w.kind === 'ties' && lastTies.get(w.metric) === i && (
              <>
                <br />
                {describeDistribution(result, w.metric, lang)}
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
