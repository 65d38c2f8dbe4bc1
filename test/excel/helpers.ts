/** Shared set-up for the Excel I/O tests: customer sheets, the whole pane flow, reading results back. */
import { defaultScheme, scoreRows, type CellValue, type LayoutOptions, type Scheme, type ScoredSheet } from '../../src/core';
import {
  currentTable,
  planWrite,
  scoreTableInExcel,
  writeOutput,
  type TableRef,
  type WriteOptions,
  type WritePlan,
  type WriteResult,
  type WriteTarget,
} from '../../src/excel';
import { createMemoryExcel, installOffice, type MemoryExcel, type MemoryExcelOptions } from '../../src/excel/memory';
import type { Lang } from '../../src/i18n';

export const MB4 = 4 * 1024 * 1024;

/**
 * The ExcelApi level these suites run at: jest.config.js runs test/excel at the manifest's minimum
 * (1.8, Office 2019), at 1.14 (Office 2021) and at the newest (`undefined`).
 */
export const API_LEVEL: string | undefined = (globalThis as { RFM_EXCEL_API?: string }).RFM_EXCEL_API;

/** Whether the suite's Excel has ExcelApi `set` (the newest has every set). */
export function apiAtLeast(set: string): boolean {
  if (API_LEVEL === undefined) return true;
  return Number(set.split('.')[1]) <= Number(API_LEVEL.split('.')[1]);
}

let restoreOffice: (() => void) | undefined;

/**
 * A memory workbook with Excel-on-the-web-like limits at 4 MB, so an oversized payload fails, at the
 * suite's API level; its `Office` shim becomes the global `Office`, so the product's capability
 * checks (src/excel/capabilities.ts) answer for that level.
 */
export function book(options: MemoryExcelOptions = {}): MemoryExcel {
  const mem = createMemoryExcel({ maxRequestBytes: MB4, maxResponseBytes: MB4, apiLevel: API_LEVEL, ...options });
  restoreOffice?.();
  restoreOffice = installOffice(mem.Office);
  return mem;
}

export const ZH_HEADERS = ['客户ID', '姓名', '最近一次消费间隔R(天)', '消费频次F(次)', '消费金额M(元)'];
export const EN_HEADERS = ['Customer', 'Recency', 'Frequency', 'Monetary'];

/** Deterministic customer i: [id, name, R, F, M] (R/F/M in columns C–E). */
export function zhRow(i: number): (string | number)[] {
  return [`C${String(i).padStart(7, '0')}`, `客户${i}`, (i * 7919) % 365, (i % 23) + 1, Math.round(((i * 104729) % 50_000) * 1.37) / 100];
}

export function zhSheet(n: number): (string | number)[][] {
  const rows: (string | number)[][] = [ZH_HEADERS];
  for (let i = 1; i <= n; i++) rows.push(zhRow(i));
  return rows;
}

export function enSheet(n: number): (string | number)[][] {
  const rows: (string | number)[][] = [EN_HEADERS];
  for (let i = 1; i <= n; i++) rows.push([`K${i}`, (i * 37) % 120, (i % 9) + 1, (i * 53) % 1000]);
  return rows;
}

export interface Flow {
  table: TableRef;
  scored: ScoredSheet;
  plan: WritePlan;
  result?: WriteResult;
}

/** The pane's flow on the current selection: table → score → plan → (write). */
export async function flow(
  excel: MemoryExcel['Excel'],
  opts: { layout?: LayoutOptions; scheme?: Scheme; lang?: Lang; target?: WriteTarget; write?: boolean; write_options?: WriteOptions } = {},
): Promise<Flow> {
  const lang = opts.lang ?? 'en';
  const table = await currentTable(excel);
  const scored = await scoreTableInExcel(excel, table, opts.layout ?? {}, opts.scheme ?? defaultScheme(), lang);
  const plan = await planWrite(excel, table, scored);
  if (opts.write === false) return { table, scored, plan };
  const result = await writeOutput(excel, table, scored, plan, opts.target ?? 'here', lang, undefined, opts.write_options);
  return { table, scored, plan, result };
}

/** What the engine alone says for the same rows (the table's values as the host holds them). */
export function engineOn(mem: MemoryExcel, table: TableRef, layout: LayoutOptions = {}, scheme = defaultScheme(), lang: Lang = 'en'): ScoredSheet {
  const rows = mem.workbook.sheet(table.sheet).getValues(table.address) as CellValue[][];
  return scoreRows(rows, layout, scheme, lang);
}

/** Output cell as it should read back from the sheet ("" for an empty cell). */
export function expected(scored: ScoredSheet, row: number, col: number): string | number {
  const v = scored.output.cell(row, col);
  return v === null ? '' : v;
}
