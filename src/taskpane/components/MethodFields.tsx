import { Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { METRICS, type Metric } from '../../core';
import { t, type Lang, type MessageKey } from '../../i18n';
import type { MethodKind, SchemeErrors, SchemeForm } from '../form';

const useStyles = makeStyles({
  metric: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

const METHOD_LABELS: Record<MethodKind, MessageKey> = {
  quintile: 'pane.method.quintile',
  breaks: 'pane.method.breaks',
  raw: 'pane.method.raw',
};
const EXAMPLES: Record<Metric, string> = { r: '30,60,90,180', f: '2,4,7,10', m: '1000,2000,5000,10000' };

/** Per metric: quintiles, fixed cut-offs ("30,60,90,180") or the raw value. */
export function MethodFields({
  lang,
  form,
  errors,
  onChange,
}: {
  lang: Lang;
  form: SchemeForm;
  errors: SchemeErrors;
  onChange: (methods: SchemeForm['methods']) => void;
}) {
  const styles = useStyles();
  const set = (metric: Metric, patch: Partial<SchemeForm['methods'][Metric]>) => {
    const current = form.methods[metric];
    const next = { ...current, ...patch };
    if (patch.kind === 'breaks' && current.cutoffs.trim() === '') next.cutoffs = EXAMPLES[metric];
    onChange({ ...form.methods, [metric]: next });
  };
  return (
    <>
      {METRICS.map((metric) => {
        const m = form.methods[metric];
        const name = metric.toUpperCase();
        const error = errors[metric]?.localized(lang);
        return (
          <div key={metric} className={styles.metric}>
            <Field label={t(lang, 'pane.scheme.method', { metric: name })}>
              <Select value={m.kind} onChange={(_, data) => set(metric, { kind: data.value as MethodKind })}>
                {(Object.keys(METHOD_LABELS) as MethodKind[]).map((kind) => (
                  <option key={kind} value={kind}>
                    {t(lang, METHOD_LABELS[kind])}
                  </option>
                ))}
              </Select>
            </Field>
            {m.kind === 'breaks' && (
              <Field
                label={t(lang, 'pane.scheme.cutoffs', { metric: name })}
                hint={error ? undefined : t(lang, metric === 'r' ? 'pane.scheme.cutoffsHintLow' : 'pane.scheme.cutoffsHintHigh')}
                validationMessage={error}
                validationState={error ? 'error' : 'none'}
              >
                <Input
                  value={m.cutoffs}
                  placeholder={EXAMPLES[metric]}
                  onChange={(_, data) => set(metric, { cutoffs: data.value })}
                />
              </Field>
            )}
          </div>
        );
      })}
    </>
  );
}
