import { useEffect, useState } from 'react';
import { Body1, Caption1, FluentProvider, Title2, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import type { ExcelApi } from '../excel/types';
import { t, type Lang } from '../i18n';
import { ColumnsSection } from './components/ColumnsSection';
import { ConflictDialog } from './components/ConflictDialog';
import { InsightSection } from './components/InsightSection';
import { LanguageSwitch } from './components/LanguageSwitch';
import { ModeField } from './components/ModeField';
import { NoticeBar } from './components/NoticeBar';
import { OutputModeField } from './components/OutputModeField';
import { PeriodsSection } from './components/PeriodsSection';
import { PreviewSection } from './components/PreviewSection';
import { RangeSection } from './components/RangeSection';
import { RunSection } from './components/RunSection';
import { SchemeSection } from './components/SchemeSection';
import { SqlExport } from './components/SqlExport';
import { SummarySection } from './components/SummarySection';
import { TransactionsMode } from './components/TransactionsMode';
import { usePane } from './usePane';
import { useSummary } from './useSummary';
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
  muted: { color: tokens.colorNeutralForeground3 },
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
    <FluentProvider theme={webLightTheme} className={styles.root} data-testid="pane">
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
      <LanguageSwitch lang={lang} onChange={onLang} />
    </header>
  );
}

function Pane({ excel, initialLang, onLangChange }: AppProps & { excel: ExcelApi }) {
  const pane = usePane(excel, initialLang);
  const summary = useSummary(excel, pane);
  const tx = useTransactions(excel, pane);
  const { state, actions } = pane;
  const { lang } = state;
  useDocumentLang(lang);
  const setLang = (next: Lang) => {
    actions.setLang(next);
    onLangChange?.(next);
  };
  return (
    <>
      <Header lang={lang} onLang={setLang} />
      <Body1>{t(lang, 'pane.tagline')}</Body1>
      <NoticeBar notice={state.notice} where="top" lang={lang} />
      <ModeField lang={lang} mode={tx.state.mode} onChange={tx.actions.setMode} disabled={state.busy !== undefined || tx.state.busy !== undefined} />
      <RangeSection state={state} actions={actions} />
      {tx.state.mode === 'transactions' ? (
        <TransactionsMode pane={pane} tx={tx} />
      ) : (
        <>
          <ColumnsSection state={state} actions={actions} />
          <SchemeSection pane={pane} />
          <SqlExport pane={pane} />
          <InsightSection pane={pane} />
          <PeriodsSection pane={pane} excel={excel} />
          <PreviewSection state={state} actions={actions} />
          <OutputModeField lang={lang} output={state.output} onChange={actions.setOutput} disabled={state.busy !== undefined} result={state.result} />
          <RunSection state={state} actions={actions} />
          <SummarySection state={state} summary={summary} />
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
