import { Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Select } from '@fluentui/react-components';
import { BINNINGS, METRICS, TIE_POLICIES, type Binning, type TiePolicy, type Variant } from '../../core';
import { t, type MessageKey } from '../../i18n';
import { PRESET_CHOICES, type PresetChoice } from '../form';
import type { Pane } from '../usePane';
import { GradeAdvice } from './GradeAdvice';
import { MethodFields } from './MethodFields';
import { Section } from './Section';
import { schemeSummary } from '../state/summaries';
import { WeightsField } from './WeightsField';

const PRESET_LABELS: Record<PresetChoice, MessageKey> = {
  shanghai: 'pane.preset.shanghai',
  hohhot: 'pane.preset.hohhot',
  maoming: 'pane.preset.maoming',
  template: 'pane.preset.template',
  custom: 'pane.preset.custom',
};

const BINNING_LABELS: Record<Binning, MessageKey> = {
  independent: 'pane.binning.independent',
  nested: 'pane.binning.nested',
};

const TIE_LABELS: Record<TiePolicy, MessageKey> = {
  average: 'pane.ties.average',
  min: 'pane.ties.min',
  first: 'pane.ties.first',
};

/** Scheme: a preset, or every part of it edited (the preset then reads "Custom"). */
export function SchemeSection({ pane }: { pane: Pane }) {
  const { state, schemeErrors: errors, actions } = pane;
  const { lang, scheme: form } = state;
  const usesQuintiles = METRICS.some((m) => form.methods[m].kind === 'quintile');
  return (
    <Section title={t(lang, 'pane.scheme.heading')} summary={schemeSummary(lang, form, state.built)} testId="scheme">
      <Field label={t(lang, 'pane.scheme.preset')}>
        <Select value={form.preset} onChange={(_, data) => actions.choosePreset(data.value as PresetChoice)}>
          {PRESET_CHOICES.map((p) => (
            <option key={p} value={p}>
              {t(lang, PRESET_LABELS[p])}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t(lang, 'pane.scheme.variant')}>
        <RadioGroup value={form.variant} onChange={(_, data) => actions.setScheme({ variant: data.value as Variant })}>
          <Radio value="weighted" label={t(lang, 'pane.variant.weighted')} />
          <Radio value="additive" label={t(lang, 'pane.variant.additive')} />
        </RadioGroup>
      </Field>
      {form.variant === 'weighted' && (
        <WeightsField
          lang={lang}
          weights={form.weights}
          error={errors.weights?.localized(lang)}
          onChange={(weights) => actions.setScheme({ weights })}
        />
      )}
      <MethodFields lang={lang} form={form} errors={errors} onChange={(methods) => actions.setScheme({ methods })} />
      {usesQuintiles && (
        <>
          <Field
            label={t(lang, 'pane.scheme.bins')}
            validationMessage={errors.bins?.localized(lang)}
            validationState={errors.bins ? 'error' : 'none'}
          >
            <Input inputMode="numeric" value={form.bins} onChange={(_, data) => actions.setScheme({ bins: data.value })} />
          </Field>
          <Field label={t(lang, 'pane.scheme.ties')}>
            <Select value={form.ties} onChange={(_, data) => actions.setScheme({ ties: data.value as TiePolicy })}>
              {TIE_POLICIES.map((p) => (
                <option key={p} value={p}>
                  {t(lang, TIE_LABELS[p])}
                </option>
              ))}
            </Select>
          </Field>
          {/* Nested binning (docs/binning.md): F within each R score, M within each R × F cell. */}
          <Field label={t(lang, 'pane.binning.label')} hint={t(lang, 'pane.binning.hint')}>
            <Select value={form.binning} onChange={(_, data) => actions.setScheme({ binning: data.value as Binning })} data-testid="binning">
              {BINNINGS.map((b) => (
                <option key={b} value={b}>
                  {t(lang, BINNING_LABELS[b])}
                </option>
              ))}
            </Select>
          </Field>
          {form.binning === 'nested' && state.output === 'formulas' && (
            <MessageBar intent="warning" data-testid="binning-formulas">
              <MessageBarBody>{t(lang, 'pane.binning.formulas')}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
      <Field
        label={t(lang, 'pane.scheme.grades')}
        hint={errors.grades ? undefined : t(lang, 'pane.scheme.gradesHint')}
        validationMessage={errors.grades?.localized(lang)}
        validationState={errors.grades ? 'error' : 'none'}
      >
        <Input value={form.grades} onChange={(_, data) => actions.setScheme({ grades: data.value })} />
      </Field>
      <GradeAdvice state={state} onSuggest={actions.preview} onUse={(grades) => actions.setScheme({ grades })} />
      {errors.scheme && (
        <MessageBar intent="error">
          <MessageBarBody>{errors.scheme.localized(lang)}</MessageBarBody>
        </MessageBar>
      )}
    </Section>
  );
}
