import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { t, type Lang } from '../../i18n';
import type { Notice, ProgressState } from '../usePane';
import { NoticeBar } from './NoticeBar';
import { Progress } from './Progress';

const useStyles = makeStyles({
  // Sticky at the bottom of whatever scrolls the pane (the task pane's document, the preview's pane
  // column): Preview and Run stay one click away however long the form is (docs/pane.md, "Layout").
  // In the document it follows the Range section (a few Tab presses from the top: the detected
  // columns and a preset are enough to score); `order` draws it last in the pane's flex column.
  footer: {
    order: 1,
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    marginTop: 'auto',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalL})`,
    marginRight: `calc(-1 * ${tokens.spacingHorizontalL})`,
    marginBottom: `calc(-1 * ${tokens.spacingHorizontalL})`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow4,
  },
  buttons: {
    display: 'flex',
    columnGap: tokens.spacingHorizontalS,
  },
  run: { flexGrow: 1 },
});

export interface PaneFooterProps {
  lang: Lang;
  previewLabel: string;
  runLabel: string;
  onPreview: () => void;
  onRun: () => void;
  busy?: 'preview' | 'run';
  progress?: ProgressState;
  /** A notice of the preview or the run (a missing column, a failed write …), shown above the buttons. */
  notice?: Notice;
  /** `run` / `preview` test ids of the buttons (the sales-records mode: `tx-run`, `tx-preview-button`). */
  runTestId: string;
  previewTestId: string;
}

/** The pane's footer: Preview and Run, their progress and their notices, always in view. */
export function PaneFooter(props: PaneFooterProps) {
  const styles = useStyles();
  const { lang, busy, notice } = props;
  return (
    <footer className={styles.footer} aria-label={t(lang, 'pane.footer.label')} data-testid="pane-footer">
      {busy && <Progress lang={lang} progress={props.progress} />}
      <NoticeBar notice={notice} where="preview" lang={lang} />
      <NoticeBar notice={notice} where="run" lang={lang} />
      <div className={styles.buttons}>
        <Button onClick={props.onPreview} disabled={busy !== undefined} data-testid={props.previewTestId}>
          {props.previewLabel}
        </Button>
        <Button appearance="primary" className={styles.run} onClick={props.onRun} disabled={busy !== undefined} data-testid={props.runTestId}>
          {props.runLabel}
        </Button>
      </div>
    </footer>
  );
}
