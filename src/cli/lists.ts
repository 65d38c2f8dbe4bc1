/**
 * `--list NAME` (docs/lists.md): the customers of one grade or segment as a CSV file — `--list-out
 * FILE`, or by default `OUT-NAME.csv` next to --out — and, when the output is a workbook, as a sheet
 * of it. The names are looked up by src/core/lists.ts (`findList`); an unknown name stops the run
 * before anything is written, naming the lists there are. Every file is written atomically, and all
 * of them before any is moved into place (src/cli/atomic.ts), so a failed run leaves none behind.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import Papa from 'papaparse';
import type ExcelJS from 'exceljs';
import { customerList, findList, listNames, listTable, RfmError, type ListTable, type Scheme, type ScoredSheet } from '../core';
import { t, type Lang } from '../i18n';
import { quoted } from '../i18n/format';
import { writeOutputFile } from './atomic';
import { FORMULA_START } from './csvFile';
import { sameFile } from './files';
import type { CliOptions } from './options';
import { uniqueSheetName } from './summarySheet';

export interface ListPlan {
  table: ListTable;
  /** The CSV file it is written to. */
  file: string;
  /** The sheet it is written to (xlsx output), once added. */
  sheet?: string;
}

/** Characters a file name cannot hold on Windows (or that would make a path of it). */
const FILE_UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;

/** `OUT-NAME.csv` next to `out`. */
export function defaultListFile(out: string, name: string): string {
  const base = path.basename(out, path.extname(out));
  const safe = name.replace(FILE_UNSAFE, '_').trim() || 'list';
  return path.join(path.dirname(out), `${base}-${safe}.csv`);
}

/**
 * The lists `o.lists` asks for, looked up in the run's grades and segments; an unknown name is
 * exit 2 with the names there are. `origin`: the sheet row of the table's first cell.
 */
export function planLists(o: CliOptions, sheet: ScoredSheet, scheme: Scheme, lang: Lang): ListPlan[] {
  return o.lists.map((name) => {
    // The run's segment map (docs/segments.md): its names, Others included.
    const map = sheet.segments?.map;
    const choice = findList(name, scheme, map);
    if (!choice) throw new RfmError('list.unknown', { name, names: listNames(scheme, lang, map).map(quoted) });
    const table = listTable(sheet, scheme, customerList(sheet, choice), lang);
    return { table, file: o.listOut ?? defaultListFile(o.out, table.name) };
  });
}

/** No list file may be the input, the output, an earlier run read, or another list's file. */
export async function checkListFiles(o: CliOptions, plans: readonly ListPlan[]): Promise<void> {
  const others: Array<[string, string]> = [
    [o.input, o.input],
    [o.out, o.out],
    ...(o.previous !== undefined ? [[o.previous, o.previous] as [string, string]] : []),
    ...(o.scaleFrom !== undefined ? [[o.scaleFrom, o.scaleFrom] as [string, string]] : []),
  ];
  for (const [i, plan] of plans.entries()) {
    for (const [file, what] of others) {
      if (await sameFile(plan.file, file)) throw new RfmError('list.sameFile', { file: plan.file, what });
    }
    for (const other of plans.slice(0, i)) {
      if (await sameFile(plan.file, other.file)) throw new RfmError('list.twice', { file: plan.file });
    }
  }
}

/** The list as CSV text: comma-separated, text that would run as a formula neutralised (docs/limits.md). */
export function listCsv(table: ListTable, newline = '\r\n', bom = false): string {
  const text = Papa.unparse([table.headers, ...table.rows], { newline, escapeFormulae: FORMULA_START });
  return `${bom ? '\uFEFF' : ''}${text}${newline}`;
}

/** A sheet per list in the output workbook, under a name no sheet has. */
export function addListSheets(wb: ExcelJS.Workbook, plans: ListPlan[], lang: Lang): string[] {
  return plans.map((plan) => {
    const base = t(lang, 'list.sheetName', { name: plan.table.name }).replace(/[\\/?*[\]:]/g, '_').slice(0, 26);
    const name = uniqueSheetName(wb, base);
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = ws.addRow(plan.table.headers);
    header.font = { bold: true };
    for (const row of plan.table.rows) ws.addRow(row);
    const rfm = plan.table.columns.indexOf('rfm');
    if (rfm >= 0) ws.getColumn(rfm + 1).numFmt = '0.00';
    ws.columns.forEach((c) => {
      c.width = 14;
    });
    plan.sheet = name;
    return name;
  });
}

/**
 * Write every list file, then run `inner` (which writes the main output); the files are moved into
 * place only once all of them and the output are written, so a failure leaves none of them.
 */
export async function withListFiles(plans: readonly ListPlan[], csv: { newline?: string; bom?: boolean }, inner: () => Promise<void>): Promise<void> {
  const write = async (i: number): Promise<void> => {
    if (i === plans.length) return inner();
    await writeOutputFile(plans[i].file, async (temp) => {
      await fs.writeFile(temp, listCsv(plans[i].table, csv.newline, csv.bom), 'utf8');
      await write(i + 1);
    });
  };
  await write(0);
}

/** The report's lines for the lists. */
export function listReportLines(plans: readonly ListPlan[], lang: Lang): string[] {
  return plans.flatMap((p) => [
    t(lang, 'list.report', { name: p.table.name, count: p.table.rows.length, file: p.file }),
    ...(p.sheet ? [t(lang, 'list.reportSheet', { name: p.table.name, count: p.table.rows.length, sheet: p.sheet })] : []),
  ]);
}
