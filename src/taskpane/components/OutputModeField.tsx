import { Caption1, Field, MessageBar, MessageBarBody, Radio, RadioGroup } from '@fluentui/react-components';
import type { OutputMode } from '../../excel';
import { t, type Lang } from '../../i18n';
import { useShared } from '../styles';
import type { RunResult } from '../usePane';
import { Section } from './Section';

/**
 * Output: the scores as values, or as live formulas with the scheme on a parameter sheet (issue 6).
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
  // formula mode: the sheet the formulas read (value mode names its record under Run, issue 7)
  const paramSheet = result?.output === 'formulas' ? result.write.paramSheet : undefined;
  return (
    <Section title={t(lang, 'paneMode.output.label')}>
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
      {paramSheet && (
        <MessageBar intent="info" layout="multiline" data-testid="formula-result">
          <MessageBarBody>
            {t(lang, 'paneMode.output.done', { sheet: paramSheet })}
            {result?.target === 'newSheet' && (
              <>
                <br />
                {t(lang, 'paneMode.output.doneCopy')}
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </Section>
  );
}
