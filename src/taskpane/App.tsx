import { useEffect, useState } from 'react';
import { Body1, Caption1, FluentProvider, Link, Title2, makeStyles, mergeClasses, tokens, webLightTheme } from '@fluentui/react-components';
import type { ExcelApi } from '../excel/types';
import { HELP_FILES } from '../help/render';
import { t, type Lang } from '../i18n';
import { ColumnsSection } from './components/ColumnsSection';
import { ConflictDialog } from './components/ConflictDialog';
import { InsightSection } from './components/InsightSection';
import { LanguageSwitch } from './components/LanguageSwitch';
import { ModeField } from './components/ModeField';
import { NoticeBar } from './components/NoticeBar';
import { OutputModeField } from './components/OutputModeField';
import { PaneFooter } from './components/PaneFooter';
import { PeriodsSection } from './components/PeriodsSection';
import { PreviewSection } from './components/PreviewSection';
import { RangeSection } from './components/RangeSection';
import { RequirementNote } from './components/RequirementNote';
import { RunSection } from './components/RunSection';
import { SchemeSection } from './components/SchemeSection';
import { SqlExport } from './components/SqlExport';
import { SummarySection } from './components/SummarySection';
import { TransactionsMode } from './components/TransactionsMode';
import { usePane } from './usePane';
import { useSummary } from './useSummary';
import { useLists } from './useLists';
import { useEarlierRuns } from './useEarlierRuns';
import { useTransactions } from './useTransactions';

const useStyles = makeStyles({
  root: {
    minHeight: '100%',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
  },
  title: { margin: 0 },
  tools: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground3 },
  // Visible focus on every control: Fluent's selects and text fields only change their underline,
  // so keyboard users get the same 2px ring everywhere (docs/pane.md, "Layout").
  focus: {
    '& :is(button, input, select, textarea, a, [tabindex]):focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: tokens.strokeWidthThin,
    },
  },
});

export interface AppProps {
  /** The Excel API: `window.Excel` inside Office, the in-memory one in the preview; none outside Excel. */
  excel?: ExcelApi;
  /** Language to start in: Office's display language, or the browser's outside Office. */
  initialLang: Lang;
  /** Told when the user switches the language (the preview page translates its banner). */
  onLangChange?: (lang: Lang) => void;
}

export function App({ excel, initialLang, onLangChange }: AppProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} className={mergeClasses(styles.root, styles.focus)} data-testid="pane">
      {excel ? (
        <Pane excel={excel} initialLang={initialLang} onLangChange={onLangChange} />
      ) : (
        <NotInExcel lang={initialLang} />
      )}
    </FluentProvider>
  );
}

function useDocumentLang(lang: Lang): void {
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t(lang, 'pane.title');
  }, [lang]);
}

function Header({ lang, onLang }: { lang: Lang; onLang: (lang: Lang) => void }) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Title2 as="h1" className={styles.title}>
        {t(lang, 'pane.title')}
      </Title2>
      <div className={styles.tools}>
        {/* The help page the build renders beside the pane (docs/deploy.md): same origin, new window. */}
        <Link href={`help/${HELP_FILES[lang]}`} target="_blank" rel="noopener" data-testid="help-link">
          {t(lang, 'pane.help')}
        </Link>
        <LanguageSwitch lang={lang} onChange={onLang} />
      </div>
    </header>
  );
}

function Pane({ excel, initialLang, onLangChange }: AppProps & { excel: ExcelApi }) {
  const styles = useStyles();
  const pane = usePane(excel, initialLang);
  const summary = useSummary(excel, pane);
  const lists = useLists(excel, pane);
  const tx = useTransactions(excel, pane);
  const earlier = useEarlierRuns(excel, pane.state.lang, pane.state.result);
  const { state, actions } = pane;
  const { lang } = state;
  useDocumentLang(lang);
  const setLang = (next: Lang) => {
    actions.setLang(next);
    onLangChange?.(next);
  };
  const txMode = tx.state.mode === 'transactions';
  return (
    <>
      <Header lang={lang} onLang={setLang} />
      <Caption1 className={styles.muted}>{t(lang, 'pane.tagline')}</Caption1>
      <NoticeBar notice={state.notice} where="top" lang={lang} />
      <RequirementNote lang={lang} />
      <ModeField lang={lang} mode={tx.state.mode} onChange={tx.actions.setMode} disabled={state.busy !== undefined || tx.state.busy !== undefined} />
      <RangeSection state={state} actions={actions} />
      {txMode ? (
        <PaneFooter
          lang={lang}
          previewLabel={t(lang, 'paneMode.tx.previewButton')}
          runLabel={t(lang, 'paneMode.tx.runButton')}
          onPreview={tx.actions.preview}
          onRun={tx.actions.run}
          busy={tx.state.busy}
          progress={tx.state.progress}
          notice={tx.state.notice}
          previewTestId="tx-preview-button"
          runTestId="tx-run"
        />
      ) : (
        <PaneFooter
          lang={lang}
          previewLabel={t(lang, 'pane.preview.button')}
          runLabel={t(lang, 'pane.run.button')}
          onPreview={actions.preview}
          onRun={actions.run}
          busy={state.busy}
          progress={state.progress}
          notice={state.notice}
          previewTestId="preview"
          runTestId="run"
        />
      )}
      {txMode ? (
        <>
          <TransactionsMode pane={pane} tx={tx} />
          <SummarySection lang={lang} run={tx.state.result} busy={tx.state.busy !== undefined} summary={summary} lists={lists} />
        </>
      ) : (
        <>
          <ColumnsSection state={state} actions={actions} />
          <SchemeSection pane={pane} />
          <SqlExport pane={pane} />
          <InsightSection pane={pane} />
          <PeriodsSection pane={pane} earlier={earlier} />
          <OutputModeField lang={lang} output={state.output} onChange={actions.setOutput} disabled={state.busy !== undefined} />
          <PreviewSection state={state} actions={actions} />
          <RunSection state={state} actions={actions} />
          <SummarySection lang={lang} run={state.result} busy={state.busy !== undefined} summary={summary} lists={lists} />
        </>
      )}
      <ConflictDialog lang={lang} pending={state.dialog} onAnswer={actions.answerDialog} />
    </>
  );
}

function NotInExcel({ lang: initial }: { lang: Lang }) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initial);
  useDocumentLang(lang);
  return (
    <>
      <Header lang={lang} onLang={setLang} />
      <Body1>{t(lang, 'pane.tagline')}</Body1>
      <Caption1 className={styles.muted}>{t(lang, 'pane.notInExcel')}</Caption1>
    </>
  );
}
