import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { describeDistribution, type ScoreResult } from '../../core';
import type { Lang } from '../../i18n';
import { warningLines } from '../state/warnings';

/**
 * The engine's warnings, one line per gap (ties of one metric that leave the same scores empty are
 * one line); a ties line comes with the metric's actual distribution (SPEC.md 2).
 */
export function Warnings({ lang, result }: { lang: Lang; result: ScoreResult }) {
  if (result.warnings.length === 0) return null;
  const lines = warningLines(result.warnings, lang);
  // The distribution once per metric, after that metric's last ties line.
  const lastTies = new Map<string, number>();
  lines.forEach((l, i) => l.metric && lastTies.set(l.metric, i));
  return (
    <div data-testid="warnings">
      {lines.map((line, i) => (
        <MessageBar key={i} intent="warning" layout="multiline">
          <MessageBarBody>
            {line.text}
            {line.metric && lastTies.get(line.metric) === i && (
              <>
                <br />
                {describeDistribution(result, line.metric, lang)}
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
