import { useMemo } from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { describeDistribution, type Scheme, type ScoreResult, type TieFix } from '../../core';
import type { Lang } from '../../i18n';
import { tieFixesByMetric } from '../state/tieFixes';
import { warningLines } from '../state/warnings';
import { TieFixList } from './TieFixList';

/**
 * The engine's warnings, one line per gap (ties of one metric that leave the same scores empty are
 * one line); a ties line comes with the metric's actual distribution (SPEC.md 2) and, when scores are
 * empty and the scheme is given, the fixes that would fill them (docs/tie-advice.md).
 */
export function Warnings({ lang, result, scheme, onUseFix }: { lang: Lang; result: ScoreResult; scheme?: Scheme; onUseFix?: (fix: TieFix) => void }) {
  const fixes = useMemo(() => (scheme ? tieFixesByMetric(result, scheme) : {}), [result, scheme]);
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
                <TieFixList lang={lang} fixes={fixes[line.metric] ?? []} onUse={onUseFix} />
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
