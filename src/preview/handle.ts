/** What the preview page exposes to tests as `window.__rfmPreview`. */
import type { MemoryLog, MemoryWorkbook } from '../excel/memory';

export interface PreviewHandle {
  /** The in-memory workbook standing in for Excel (host-side: no Office.js rules). */
  workbook: MemoryWorkbook;
  /** One record per `context.sync()` the pane made. */
  log: MemoryLog;
  /** Closes and reopens the task pane on the same workbook (settings are restored on start). */
  reopenPane?: () => void;
}

declare global {
  interface Window {
    __rfmPreview?: PreviewHandle;
  }
}
