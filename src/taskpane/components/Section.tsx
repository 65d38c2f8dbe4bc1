import { useId, type ReactNode } from 'react';
import { Subtitle2 } from '@fluentui/react-components';
import { useShared } from '../styles';

/** A titled part of the pane; the heading labels the region for screen readers. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const shared = useShared();
  const id = useId();
  return (
    <section aria-labelledby={id} className={shared.section}>
      <Subtitle2 as="h2" id={id} className={shared.heading}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}
