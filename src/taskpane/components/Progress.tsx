import { Field, ProgressBar } from '@fluentui/react-components';
import { t, type Lang } from '../../i18n';
import type { ProgressState } from '../usePane';

/** Rows read or written so far; indeterminate until the first count arrives. */
export function Progress({ lang, progress }: { lang: Lang; progress?: ProgressState }) {
  const label = progress
    ? t(lang, progress.phase === 'read' ? 'pane.run.reading' : 'pane.run.writing', {
        done: progress.done.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US'),
        total: progress.total.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US'),
      })
    : t(lang, 'pane.run.working');
  const value = progress && progress.total > 0 ? progress.done / progress.total : undefined;
  return (
    <Field validationMessage={label} validationState="none">
      <ProgressBar value={value} thickness="large" aria-label={label} />
    </Field>
  );
}
