import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { t, type Lang } from '../../i18n';
import type { PaneMode } from '../useTransactions';

/** What the analyst starts from: a finished customer table (R, F, M) or the sales records. */
export function ModeField({ lang, mode, onChange, disabled }: { lang: Lang; mode: PaneMode; onChange: (mode: PaneMode) => void; disabled?: boolean }) {
  return (
    <Field label={t(lang, 'paneMode.mode.label')}>
      <RadioGroup value={mode} onChange={(_, data) => onChange(data.value as PaneMode)} disabled={disabled} data-testid="mode">
        <Radio value="table" label={t(lang, 'paneMode.mode.table')} />
        <Radio value="transactions" label={t(lang, 'paneMode.mode.transactions')} />
      </RadioGroup>
    </Field>
  );
}
