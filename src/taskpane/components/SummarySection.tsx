import { useMemo } from 'react';
import { Body1, Button, Caption1, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { listSep } from '../../i18n/format';
import { summarize, type SegmentResult } from '../../core';
import { t, type Lang } from '../../i18n';
import { useShared } from '../styles';
import type { Summary } from '../useSummary';
import type { Lists, ListSource } from '../useLists';
import { ListCustomers } from './ListCustomers';
import { Section } from './Section';
import { SummaryCharts } from './SummaryCharts';

function thresholdsText(lang: Lang, s: SegmentResult): string {
  const round = (x: number) => (Number.isNaN(x) ? '–' : String(Math.round(x * 100) / 100));
  // with values a smaller R is better: R is high at or below its reference
  const rOp = s.basis === 'values' ? '≤' : '≥';
  const parts = [`R ${rOp} ${round(s.thresholds.r)}`, `F ≥ ${round(s.thresholds.f)}`, `M ≥ ${round(s.thresholds.m)}`].join(listSep(lang));
  return t(lang, 'paneInsight.thresholds', {
    parts,
    reference: t(lang, s.reference === 'median' ? 'paneInsight.thresholds.median' : 'paneInsight.thresholds.mean'),
    basis: t(lang, s.basis === 'values' ? 'paneInsight.thresholds.values' : 'paneInsight.thresholds.scores'),
  });
}

/**
 * After a run — a table run or a sales-records run alike — the summary's numbers as small charts,
 * and "Create summary" (a new sheet with tables and charts).
 */
export function SummarySection({
  lang,
  run: result,
  busy,
  summary,
  lists,
}: {
  lang: Lang;
  run?: ListSource;
  busy: boolean;
  summary: Summary;
  /** "List customers" (docs/lists.md), when the pane offers it. */
  lists?: Lists;
}) {
  const shared = useShared();
  const numbers = useMemo(() => (result ? summarize(result.scored.result, result.scheme, result.scored.segments) : undefined), [result]);
  const done = summary.state.done && summary.state.done.run === result ? summary.state.done.write : undefined;
  const error = summary.state.error && summary.state.error.run === result ? summary.state.error.text : undefined;
  return (
    <Section title={t(lang, 'paneInsight.summary.heading')}>
      {!result || !numbers ? (
        <Caption1 className={shared.muted}>{t(lang, 'paneInsight.summary.none')}</Caption1>
      ) : (
        <div className={shared.stack} data-testid="summary-charts">
          {/* The high/low references mean nothing to a score-range segment map (docs/segments.md). */}
          {result.scored.segments && result.scored.segments.map.kind === 'highLow' && <Body1 data-testid="segment-thresholds">{thresholdsText(lang, result.scored.segments)}</Body1>}
          <SummaryCharts lang={lang} summary={numbers} />
          <div className={shared.row}>
            <Button onClick={() => summary.create(result)} disabled={summary.state.busy || busy} data-testid="create-summary">
              {t(lang, 'paneInsight.summary.create')}
            </Button>
            {summary.state.busy && (
              <Caption1 role="status" className={shared.muted}>
                {t(lang, 'paneInsight.summary.creating')}
              </Caption1>
            )}
          </div>
          <Caption1 className={shared.muted}>{t(lang, 'paneInsight.summary.hint')}</Caption1>
          {done && (
            <MessageBar intent="success" data-testid="summary-done">
              <MessageBarBody>{t(lang, 'paneInsight.summary.done', { sheet: done.sheet, tables: done.tables.length, charts: done.charts.length })}</MessageBarBody>
            </MessageBar>
          )}
          {error && (
            <MessageBar intent="error">
              <MessageBarBody>{error(lang)}</MessageBarBody>
            </MessageBar>
          )}
          {lists && (
            <>
              <Text as="h3" weight="semibold" className={shared.heading}>
                {t(lang, 'paneList.heading')}
              </Text>
              <ListCustomers lang={lang} run={result} busy={busy} lists={lists} />
            </>
          )}
        </div>
      )}
    </Section>
  );
}
