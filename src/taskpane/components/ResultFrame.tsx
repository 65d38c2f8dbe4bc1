import { useEffect, useRef, type ReactNode } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { t, type Lang } from '../../i18n';
import { useShared } from '../styles';

export interface ResultFrameProps {
  lang: Lang;
  /** The inputs changed after this result was made: it is dimmed under "Changed — run again". */
  stale: boolean;
  /** Scrolls into view and takes focus when this changes (a new preview or run), so the result is seen. */
  focusKey?: unknown;
  testId: string;
  children: ReactNode;
}

/** A preview's or run's result: brought into view when new, marked when out of date (docs/pane.md). */
export function ResultFrame({ lang, stale, focusKey, testId, children }: ResultFrameProps) {
  const shared = useShared();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || focusKey === undefined) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'start' });
  }, [focusKey]);
  return (
    <div ref={ref} tabIndex={-1} data-testid={testId} className={shared.stack} aria-label={stale ? t(lang, 'pane.stale') : undefined}>
      {stale && (
        <MessageBar intent="warning" data-testid="stale-mark">
          <MessageBarBody>
            <MessageBarTitle>{t(lang, 'pane.stale')}</MessageBarTitle>
            {t(lang, 'pane.staleDetail')}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={stale ? `${shared.stack} ${shared.stale}` : shared.stack}>{children}</div>
    </div>
  );
}
