import { useId, useState, type ReactNode } from 'react';
import { Caption1, Subtitle2, mergeClasses } from '@fluentui/react-components';
import { useShared } from '../styles';

export interface SectionProps {
  title: string;
  children: ReactNode;
  /**
   * The section's choice in one line ("Weighted 0.3/0.3/0.4 · quintiles · A ≥ 4"). With a summary the
   * section is a disclosure: its heading is a button that shows or hides the fields, and the summary
   * stays visible while they are hidden (docs/pane.md, "Layout").
   */
  summary?: string;
  /** Whether a disclosure starts open (default closed). */
  defaultOpen?: boolean;
  /** `section-<testId>` on the section, `section-<testId>-toggle` on its button (browser tests). */
  testId?: string;
}

/** A titled part of the pane; the heading labels the region for screen readers. */
export function Section({ title, children, summary, defaultOpen = false, testId }: SectionProps) {
  const shared = useShared();
  const id = useId();
  const [open, setOpen] = useState(defaultOpen);
  if (summary === undefined) {
    return (
      <section aria-labelledby={id} className={shared.section} data-testid={testId && `section-${testId}`}>
        <Subtitle2 as="h2" id={id} className={shared.heading}>
          {title}
        </Subtitle2>
        {children}
      </section>
    );
  }
  return (
    <section aria-labelledby={id} className={shared.section} data-testid={testId && `section-${testId}`}>
      <h2 className={shared.heading}>
        <button
          type="button"
          id={id}
          className={shared.disclosure}
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => setOpen(!open)}
          data-testid={testId && `section-${testId}-toggle`}
        >
          <span aria-hidden="true" className={mergeClasses(shared.chevron, open && shared.chevronOpen)}>
            ›
          </span>
          <span className={shared.disclosureText}>
            <Subtitle2>{title}</Subtitle2>
            {!open && <Caption1 className={shared.summary}>{summary}</Caption1>}
          </span>
        </button>
      </h2>
      {open && (
        <div id={`${id}-body`} className={shared.stack}>
          {children}
        </div>
      )}
    </section>
  );
}
