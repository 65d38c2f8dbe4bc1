/**
 * The local preview (npm start where no desktop Excel exists): the real task pane beside a grid of an
 * in-memory workbook (src/excel/memory) that stands in for Excel. No office.js: the pane gets the
 * in-memory `Excel` through its seam and speaks the browser's language.
 */
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from '@fluentui/react-components';
import { installOffice, type MemoryWorkbook } from '../excel/memory';
import type { ExcelApi } from '../excel/types';
import { langFromTag, t, type Lang } from '../i18n';
import { App } from '../taskpane/App';
import { GridView } from './GridView';
import './handle';
import { createSampleExcel } from './sample';
import { usePageStyles } from './styles';


function PreviewPage({ excel, workbook, initialLang }: { excel: ExcelApi; workbook: MemoryWorkbook; initialLang: Lang }) {
  const styles = usePageStyles();
  const [lang, setLang] = useState(initialLang);
  // Closing and reopening the pane on the same workbook (tests: settings are restored on start).
  const [opened, setOpened] = useState(0);
  useEffect(() => {
    if (window.__rfmPreview) {
      window.__rfmPreview.reopenPane = () => {
        setLang(initialLang);
        setOpened((n) => n + 1);
      };
    }
  }, [initialLang]);
  return (
    <FluentProvider theme={webLightTheme} className={styles.page}>
      <MessageBar intent="warning" className={styles.banner} data-testid="preview-banner">
        <MessageBarBody>{t(lang, 'preview.banner')}</MessageBarBody>
      </MessageBar>
      <div className={styles.main}>
        {/* The pane comes first for the keyboard (Tab reaches it before the grid); CSS shows it on the right. */}
        <aside className={styles.pane} aria-label={t(lang, 'pane.title')} data-testid="pane-column">
          <App key={opened} excel={excel} initialLang={initialLang} onLangChange={setLang} />
        </aside>
        <GridView workbook={workbook} lang={lang} />
      </div>
    </FluentProvider>
  );
}

function start(): void {
  // `?api=1.8` previews the pane on Excel of that ExcelApi set (docs/requirements.md)
  const api = new URLSearchParams(window.location.search).get('api') ?? undefined;
  const { Excel, Office, workbook, log } = createSampleExcel(api);
  // the product's capability checks ask Office.context.requirements (src/excel/capabilities.ts)
  installOffice(Office);
  // Code written for Office may use the global namespace's enums (Excel.ConditionalFormatType …).
  (window as unknown as { Excel: ExcelApi }).Excel = Excel;
  window.__rfmPreview = { workbook, log };
  const container = document.getElementById('root');
  if (!container) throw new Error('preview.html has no #root element');
  createRoot(container).render(<PreviewPage excel={Excel} workbook={workbook} initialLang={langFromTag(navigator.language)} />);
}

start();
