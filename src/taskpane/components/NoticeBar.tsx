import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { Lang } from '../../i18n';
import type { Notice, NoticePlace } from '../usePane';

/** The pane's notice, if it belongs at this place. */
export function NoticeBar({ notice, where, lang }: { notice?: Notice; where: NoticePlace; lang: Lang }) {
  if (!notice || notice.where !== where) return null;
  return (
    <MessageBar intent={notice.intent} politeness={notice.intent === 'error' ? 'assertive' : 'polite'}>
      <MessageBarBody>{notice.text(lang)}</MessageBarBody>
    </MessageBar>
  );
}
