import { createRoot } from 'react-dom/client';
import type { ExcelApi } from '../excel/types';
import { langFromTag } from '../i18n';
import { App } from './App';

/** Office.js is loaded by taskpane.html; outside Office (plain browser) it may be missing. */
function officeAvailable(): boolean {
  return typeof Office !== 'undefined' && typeof Office.onReady === 'function';
}

/** The seam: inside Excel the pane works on `window.Excel`; elsewhere it has none and says so. */
async function start(): Promise<void> {
  let excel: ExcelApi | undefined;
  let languageTag: string | undefined;
  if (officeAvailable()) {
    const info = await Office.onReady();
    if (info.host === Office.HostType.Excel && typeof Excel !== 'undefined') excel = Excel;
    languageTag = Office.context?.displayLanguage;
  }
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  createRoot(container).render(<App excel={excel} initialLang={langFromTag(languageTag ?? navigator.language)} />);
}

void start();
