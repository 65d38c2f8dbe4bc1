import { useId } from 'react';
import { Field, Input, Label, Text, makeStyles, tokens } from '@fluentui/react-components';
import { t, type Lang } from '../../i18n';
import { useShared } from '../styles';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  inputs: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
    columnGap: tokens.spacingHorizontalS,
  },
  // A native input is ~20 characters wide unless told otherwise: let the three share the row.
  input: { width: '100%', minWidth: 0 },
  inputEl: { width: '100%', minWidth: 0 },
});

type Weights = [string, string, string];

/** wR, wF, wM: three decimals whose sum the engine checks exactly (0.7 + 0.2 + 0.1 is 1). */
export function WeightsField({
  lang,
  weights,
  error,
  onChange,
}: {
  lang: Lang;
  weights: Weights;
  error?: string;
  onChange: (weights: Weights) => void;
}) {
  const styles = useStyles();
  const shared = useShared();
  const labelId = useId();
  const errorId = useId();
  const set = (i: number, value: string) => {
    const next: Weights = [...weights];
    next[i] = value;
    onChange(next);
  };
  return (
    <div role="group" aria-labelledby={labelId} className={styles.group}>
      <Label id={labelId}>{t(lang, 'pane.scheme.weights')}</Label>
      <div className={styles.inputs}>
        {(['R', 'F', 'M'] as const).map((metric, i) => (
          <Field key={metric} label={t(lang, 'pane.scheme.weight', { metric })} size="small">
            <Input
              className={styles.input}
              input={{ className: styles.inputEl }}
              size="small"
              inputMode="decimal"
              value={weights[i]}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              onChange={(_, data) => set(i, data.value)}
            />
          </Field>
        ))}
      </div>
      {error && (
        <Text id={errorId} size={200} className={shared.error} role="alert">
          {error}
        </Text>
      )}
    </div>
  );
}
