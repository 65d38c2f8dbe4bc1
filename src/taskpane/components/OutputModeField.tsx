import { Caption1, Field, Radio, RadioGroup } from '@fluentui/react-components';
import type { OutputMode } from '../../excel';
import { t, type Lang } from '../../i18n';
import { useShared } from '../styles';
import { Section } from './Section';
import { outputSummary } from '../state/summaries';

/**
 * Output: the scores as values, or as live formulas with the scheme on a parameter sheet (docs/formulas.md).
 */
export function OutputModeField({
  lang,
  output,
  onChange,
  disabled,
}: {
  lang: Lang;
  output: OutputMode;
  onChange: (output: OutputMode) => void;
  disabled?: boolean;
}) {
  const shared = useShared();
  return (
    <Section title={t(lang, 'paneMode.output.label')} summary={outputSummary(lang, output)} testId="output">
      <Field>
        <RadioGroup
          layout="horizontal"
          value={output}
          onChange={(_, data) => onChange(data.value as OutputMode)}
          disabled={disabled}
          aria-label={t(lang, 'paneMode.output.label')}
          data-testid="output-mode"
        >
          <Radio value="values" label={t(lang, 'paneMode.output.values')} />
          <Radio value="formulas" label={t(lang, 'paneMode.output.formulas')} />
        </RadioGroup>
      </Field>
      <Caption1 className={shared.muted}>
        {output === 'formulas' ? t(lang, 'paneMode.output.formulasHint', { sheet: t(lang, 'formula.sheetName') }) : t(lang, 'paneMode.output.valuesHint')}
      </Caption1>
    </Section>
  );
}
