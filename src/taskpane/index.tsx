import { createRoot } from 'react-dom/client';
import { langFromTag } from '../i18n';
import { App } from './App';

/** Office.js is loaded by taskpane.html; outside Office (plain browser) it may be missing. */
function officeAvailable(): boolean {
  return typeof Office !== 'undefined' && typeof Office.onReady === 'function';
}

async function start(): Promise<void> {
  let inExcel = false;
  let languageTag: string | undefined;
  if (officeAvailable()) {
    const info = await Office.onReady();
    inExcel = info.host === Office.HostType.Excel;
    languageTag = Office.context?.displayLanguage;
  }
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  createRoot(container).render(
    <App initialLang={langFromTag(languageTag ?? navigator.language)} inExcel={inExcel} />,
  );
}

void start();
