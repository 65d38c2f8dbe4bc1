import { Caption1, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { t, type Lang } from '../../i18n';
import { useCapabilities } from '../useCapabilities';

/**
 * On Excel older than the newest set the product uses (Office 2019: ExcelApi 1.8), one note naming
 * each feature that runs with a fallback and the Excel version that has it (docs/requirements.md).
 * Nothing on Excel 2021 or newer.
 */
export function RequirementNote({ lang }: { lang: Lang }) {
  const { missing, highest } = useCapabilities();
  if (missing.length === 0) return null;
  return (
    <MessageBar intent="info" layout="multiline" data-testid="requirement-note">
      <MessageBarBody>
        {t(lang, 'req.title', { set: highest })}
        {missing.map((c) => (
          <Caption1 key={c.feature} as="p" block>
            {t(lang, `req.${c.feature}`, { set: c.set })}
          </Caption1>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
