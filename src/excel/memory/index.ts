/**
 * An in-memory Excel workbook that honours the Office.js rules, for tests (jest) and the browser
 * preview page. Pure TypeScript: no DOM, no Node-only APIs.
 *
 *   const { Excel, workbook, log } = createMemoryExcel();
 *   workbook.addSheet('Customers', [['Id', 'Spend'], [1, 20]]);
 *   await Excel.run(async (context) => { … });   // the add-in's own Excel code, unchanged
 *
 * Rules enforced: properties readable only after load + sync (PropertyNotLoaded), writes queued and
 * applied in order at sync, null objects, unbounded ranges (null values, refused writes), the
 * 5,000,000-cell read limit, array shapes, protected sheets (AccessDenied), merged areas, formulas
 * written through `values`, stale objects across `Excel.run` batches, and payload accounting with
 * Excel-on-the-web size limits.
 */
import { HostBook } from './document';
import { ExcelEnums } from './enums';
import { ErrorCodes, MemoryOfficeError } from './errors';
import { RequestContextImpl, createRun } from './context';
import { type Env, MemoryLog, type ResolvedOptions } from './proxy';
import { type MemoryWorkbook, createHostHandle } from './host';
import { NEWEST_EXCEL_API, apiMinor } from './apiSets';
import { type OfficeShim, createOfficeShim } from './office';

function levelOf(version: string | undefined): number {
  if (version === undefined) return NEWEST_EXCEL_API;
  const minor = apiMinor(version);
  if (minor === undefined || minor < 1) throw new Error(`apiLevel must be an ExcelApi version such as "1.8", not "${version}"`);
  return minor;
}

export interface MemoryExcelOptions {
  /** Request payload limit in bytes (JSON length); Excel on the web: 5 * 1024 * 1024. Default: none. */
  maxRequestBytes?: number;
  /** Response payload limit; defaults to `maxRequestBytes`. */
  maxResponseBytes?: number;
  /** Reads of more cells than this return null for values/text/…; default 5,000,000. */
  maxReadCells?: number;
  /** Turn "123"/"TRUE" written through `values` into a number/boolean, as Excel does. Default true. */
  coerceStrings?: boolean;
  /** Throw when a property of a null object is read (Office.js returns undefined). Default true. */
  strictNullObjects?: boolean;
  /**
   * The ExcelApi set this workbook has, as Excel of a version does ("1.8": Office 2019, "1.14": Office
   * 2021); members of newer sets fail the sync with `ApiNotFound`, and the returned `Office` shim's
   * `isSetSupported` answers for it. Default: the newest set of @types/office-js.
   */
  apiLevel?: string;
  /** Initial sheets (default: one empty "Sheet1", as a new workbook has). */
  sheets?: Record<string, unknown[][]>;
}

export interface MemoryExcel {
  /** Shaped like the Office.js `Excel` namespace; hand it to add-in code as the global `Excel`. */
  Excel: typeof Excel;
  /** Host-side handle for tests and the preview page (no Office rules). */
  workbook: MemoryWorkbook;
  /** One record per `context.sync()`, plus warnings. */
  log: MemoryLog;
  /** `Office`-like object for the add-in's capability checks: `context.requirements.isSetSupported`. */
  Office: OfficeShim;
  /** `OfficeExtension`-like object: `Error` (for instanceof checks) and `ErrorCodes`. */
  OfficeExtension: { Error: typeof MemoryOfficeError; ErrorCodes: typeof ErrorCodes };
}

export function createMemoryExcel(options: MemoryExcelOptions = {}): MemoryExcel {
  const log = new MemoryLog();
  const resolved: ResolvedOptions = {
    maxRequestBytes: options.maxRequestBytes,
    maxResponseBytes: options.maxResponseBytes ?? options.maxRequestBytes,
    maxReadCells: options.maxReadCells ?? 5_000_000,
    strictNullObjects: options.strictNullObjects ?? true,
    coerceStrings: options.coerceStrings ?? true,
    apiLevel: levelOf(options.apiLevel),
  };
  const book = new HostBook({
    coerceStrings: resolved.coerceStrings,
    maxReadCells: resolved.maxReadCells,
    warn: (m) => log.warn(m),
  });
  const env: Env = { book, log, options: resolved };
  const workbook = createHostHandle(book);
  const initial = options.sheets ?? { Sheet1: [] };
  for (const [name, rows] of Object.entries(initial)) workbook.addSheet(name, rows);

  class RequestContext extends RequestContextImpl {
    constructor() {
      super(env);
    }
  }

  const namespace = {
    ...ExcelEnums,
    run: createRun(env),
    RequestContext,
  };

  return {
    Excel: namespace as unknown as typeof Excel,
    workbook,
    log,
    Office: createOfficeShim(resolved.apiLevel),
    OfficeExtension: { Error: MemoryOfficeError, ErrorCodes },
  };
}

export { MemoryLog } from './proxy';
export { NEWEST_EXCEL_API, MEMBER_SETS } from './apiSets';
export { installOffice, type OfficeShim } from './office';
export type { SyncRecord } from './proxy';
export type { MemoryWorkbook, MemorySheet, HostFormat, ConditionalFormatInfo, TableInfo, ChartInfo, ChartSeriesInfo } from './host';
export type { WorkbookChange } from './document';
export type { CellValue } from './numberFormat';
export { MemoryOfficeError, ErrorCodes } from './errors';
export { columnLetters, columnIndex, parseAddress, formatRect, MAX_ROWS, MAX_COLUMNS } from './addresses';
