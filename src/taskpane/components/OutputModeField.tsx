import { Caption1, Field, MessageBar, MessageBarBody, Radio, RadioGroup } from '@fluentui/react-components';
import type { OutputMode } from '../../excel';
import { t, type Lang } from '../../i18n';
import { useShared } from '../styles';
import type { RunResult } from '../usePane';
import { Section } from './Section';

/**
 * Output: the scores as values, or as live formulas with the scheme on a parameter sheet (docs/formulas.md).
 * After a formula run it names the parameter sheet.
 */
export function OutputModeField({
  lang,
  output,
  onChange,
  disabled,
  result,
}: {
  lang: Lang;
  output: OutputMode;
  onChange: (output: OutputMode) => void;
  disabled?: boolean;
  result?: RunResult;
}) {
  const shared = useShared();
  // formula mode: the sheet the formulas read (value mode names its record under Run, docs/periods.md)
  const paramSheet = result?.output === 'formulas' ? result.write.paramSheet : undefined;
  return (
    <Section title={t(lang, 'pm.output.label')}>
      <Field>
        <RadioGroup
          layout="horizontal"
          value={output}
          onChange={(_, data) => onChange(data.value as OutputMode)}
          disabled={disabled}
          aria-label={t(lang, 'pm.output.label')}
          data-testid="output-mode"
        >
          <Radio value="values" label={t(lang, 'pm.output.values')} />
          <Radio value="formulas" label={t(lang, 'pm.output.formulas')} />
        </RadioGroup>
      </Field>
      <Caption1 className={shared.muted}>
        {output === 'formulas' ? t(lang, 'pm.output.formulasHint', { sheet: t(lang, 'fx.sheetName') }) : t(lang, 'pm.output.valuesHint')}
      </Caption1>
      {paramSheet && (
        <MessageBar intent="info" layout="multiline" data-testid="formula-result">
          <MessageBarBody>
            {t(lang, 'pm.output.done', { sheet: paramSheet })}
            {result?.target === 'newSheet' && (
              <>
                <br />
                {t(lang, 'pm.output.doneCopy')}
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </Section>
  );
}
