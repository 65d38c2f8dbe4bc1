import { Caption1, Field, Input, Radio, RadioGroup, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { followUpLabels, type SegmentBasis, type SegmentReference } from '../../core';
import { t } from '../../i18n';
import { schemeShown } from '../state/pane';
import type { InsightForm } from '../insight';
import { useShared } from '../styles';
import type { Pane } from '../usePane';
import { Section } from './Section';
import { SegmentMapEditor } from './SegmentMapEditor';
import { insightSummary } from '../state/summaries';

const useStyles = makeStyles({
  /** The options of a checked box, indented under its label. */
  options: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    paddingLeft: '44px',
  },
  label: {
    display: 'grid',
    gridTemplateColumns: '64px 1fr',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
});

/** Segments and follow-up: the optional Segment and Follow-up columns (docs/insight.md). */
export function InsightSection({ pane }: { pane: Pane }) {
  const shared = useShared();
  const styles = useStyles();
  const { state, actions } = pane;
  const { lang, insight } = state;
  const busy = state.busy !== undefined;
  const set = (patch: Partial<InsightForm>) => actions.setInsight(patch);
  // the grades of the scheme as typed (the defaults while it does not parse)
  const scheme = schemeShown(state);
  const defaults = followUpLabels(scheme, lang);
  return (
    <Section title={t(lang, 'paneInsight.heading')} summary={insightSummary(lang, insight)} testId="insight">
      <Switch
        checked={insight.segments}
        disabled={busy}
        onChange={(_, data) => set({ segments: data.checked === true })}
        label={t(lang, 'paneInsight.segments')}
        data-testid="insight-segments"
      />
      {insight.segments && (
        <div className={styles.options} data-testid="insight-segment-options">
          {/* High/low against a reference: score-range maps (docs/segments.md) do not use it. */}
          {insight.map?.kind !== 'ranges' && (
            <>
              <Field label={t(lang, 'paneInsight.reference')}>
                <RadioGroup layout="horizontal" value={insight.reference} onChange={(_, data) => set({ reference: data.value as SegmentReference })}>
                  <Radio value="mean" label={t(lang, 'paneInsight.reference.mean')} disabled={busy} />
                  <Radio value="median" label={t(lang, 'paneInsight.reference.median')} disabled={busy} />
                </RadioGroup>
              </Field>
              <Field label={t(lang, 'paneInsight.basis')}>
                <RadioGroup layout="horizontal" value={insight.basis} onChange={(_, data) => set({ basis: data.value as SegmentBasis })}>
                  <Radio value="scores" label={t(lang, 'paneInsight.basis.scores')} disabled={busy} />
                  <Radio value="values" label={t(lang, 'paneInsight.basis.values')} disabled={busy} />
                </RadioGroup>
              </Field>
            </>
          )}
          <SegmentMapEditor lang={lang} map={insight.map} scheme={scheme} disabled={busy} onChange={(map) => set({ map })} />
        </div>
      )}
      <Switch
        checked={insight.followUp}
        disabled={busy}
        onChange={(_, data) => set({ followUp: data.checked === true })}
        label={t(lang, 'paneInsight.followUp')}
        data-testid="insight-follow-up"
      />
      {insight.followUp && (
        <div className={styles.options} data-testid="insight-follow-up-labels">
          {scheme.grades.map((g, i) => (
            <label key={`${i}-${g.label}`} className={styles.label}>
              <span>{t(lang, 'paneInsight.followUp.grade', { label: g.label })}</span>
              <Input
                size="small"
                aria-label={t(lang, 'paneInsight.followUp.label', { label: g.label })}
                value={insight.labels[i] ?? ''}
                placeholder={defaults[i]}
                disabled={busy}
                onChange={(_, data) => {
                  const labels = scheme.grades.map((__, j) => insight.labels[j] ?? '');
                  labels[i] = data.value;
                  set({ labels });
                }}
              />
            </label>
          ))}
          <Caption1 className={shared.muted}>{t(lang, 'paneInsight.followUp.hint')}</Caption1>
        </div>
      )}
      <Caption1 className={shared.muted}>{t(lang, 'paneInsight.hint')}</Caption1>
    </Section>
  );
}
