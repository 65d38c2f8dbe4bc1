/**
 * `rfm-score SALES --transactions …` (docs/transactions.md): aggregate sales records into one row
 * per customer (Customer, Last purchase, R, F, M), score that table with the shared engine and
 * write it — as a new sheet next to the untouched input sheets (xlsx), or as its own CSV file.
 * CSV input is streamed row by row: memory grows with customers, not with rows.
 */
import { promises as fs } from 'node:fs';
import {
  buildRunRecord,
  cellAddress,
  parametersSheet,
  columnLetter,
  customerTable,
  describeInvalid,
  describeTxInvalid,
  formatCivilDay,
  invalidAddress,
  jsDateFromCivil,
  RfmError,
  scoreCustomers,
  TransactionAggregator,
  txInvalidAddress,
  type CustomerTable,
  type TransactionReport,
  type TransactionResult,
  type TxOptions,
  type TxTableOptions,
  type TxRole,
  type RunRecord,
  type Scheme,
  type ScoredSheet,
} from '../core';
import { t, type Lang } from '../i18n';
import { colon, columnWithHeader, etc, joinList } from '../i18n/format';
import { writeAtomically } from './atomic';
import { FORMULA_START } from './csvFile';
import { streamCsv } from './csvStream';
import { checkFiles } from './files';
import { checkWorkbookCells } from './limits';
import type { Io } from './main';
import type { CliOptions } from './options';
import { INVALID_LISTED, reportLines } from './report';
import { addSummarySheet, uniqueSheetName } from './summarySheet';
import { addListSheets, checkListFiles, listReportLines, planLists, withListFiles, type ListPlan } from './lists';
import { writeParamsSheet } from './paramsSheet';
import { addMigrationSheet, comparePeriods, migrationReportLines, readPeriods, runRef, scaleReportLines, type Periods } from './periods';
import { version } from './version';
import { newWorkbook, writeWorkbook, type Workbook, type Worksheet } from './xlsxFile';

/** Rows of an xlsx sheet, the header included. */
const XLSX_MAX_ROWS = 1_048_576;

/** `A "Customer"` / `A列“客户编号”`: a column of the sales table by letter and header. */
function columnLabel(report: TransactionReport, role: TxRole, lang: Lang): string {
  const col = report.layout.columns[role];
  if (col === undefined) return '';
  return columnWithHeader(lang, columnLetter(col), report.headerCells[col]);
}

/** What the aggregation did: columns, period and as-of, customers left out, invalid cells. */
export function transactionReportLines(report: TransactionReport, lang: Lang, where: string): string[] {
  const lines: string[] = [];
  const hasOrder = report.layout.columns.order !== undefined;
  lines.push(
    t(lang, 'tx.report.read', {
      rows: report.rows,
      where,
      customer: columnLabel(report, 'customer', lang),
      date: columnLabel(report, 'date', lang),
      amount: columnLabel(report, 'amount', lang),
      order: hasOrder ? t(lang, 'tx.report.order', { order: columnLabel(report, 'order', lang) }) : '',
    }),
  );
  if (report.asOf !== undefined) {
    const vars = {
      asOf: formatCivilDay(report.asOf),
      source: t(lang, report.asOfSource === 'given' ? 'tx.report.asOfGiven' : 'tx.report.asOfLatest'),
      fRule: t(lang, hasOrder ? 'tx.report.fOrders' : 'tx.report.fRows'),
    };
    lines.push(
      report.since !== undefined
        ? t(lang, 'tx.report.period', { ...vars, since: formatCivilDay(report.since) })
        : t(lang, 'tx.report.periodAll', vars),
    );
  }
  lines.push(t(lang, 'tx.report.customers', { customers: report.customers }));
  if (report.leftOut) {
    const examples = joinList(lang, report.leftOutExamples) + (report.leftOut > report.leftOutExamples.length ? etc(lang) : '');
    lines.push(t(lang, 'tx.report.leftOut', { count: report.leftOut, examples }));
  }
  if (report.beforeSince && report.since !== undefined) {
    lines.push(t(lang, 'tx.report.beforeSince', { count: report.beforeSince, since: formatCivilDay(report.since) }));
  }
  if (report.refundRows) lines.push(t(lang, 'tx.report.refunds', { count: report.refundRows }));
  if (report.zeroRows) lines.push(t(lang, 'tx.report.zero', { count: report.zeroRows }));
  if (report.invalidRows) {
    lines.push(t(lang, 'tx.report.invalid', { rows: report.invalidRows, cells: report.invalidCells }));
    for (const cell of report.invalid.slice(0, INVALID_LISTED)) {
      lines.push(`  ${txInvalidAddress(cell)}${colon(lang)}${describeTxInvalid(cell, lang, report)}`);
    }
    const listed = Math.min(INVALID_LISTED, report.invalid.length);
    if (report.invalidCells > listed) lines.push(`  ${t(lang, 'cli.report.more', { count: report.invalidCells - listed })}`);
  }
  return lines;
}

/**
 * A CSV file read row by row through the aggregator. A UTF-8 file's records go to the aggregator
 * as byte ranges (the sales-record fast path, docs/engine.md), and as cells only when the fast path
 * does not take them (the header, invalid rows); `fast: false` hands every row over as cells, and
 * `tables` sizes the aggregator's hash tables (both for tests comparing the two paths).
 */
export async function aggregateCsv(
  file: string,
  options: TxOptions,
  { fast = true, tables }: { fast?: boolean; tables?: TxTableOptions } = {},
): Promise<TransactionResult> {
  let aggregator = new TransactionAggregator(options, tables);
  await streamCsv(
    file,
    () => {
      aggregator = new TransactionAggregator(options, tables);
      return (index, cells) => aggregator.add(index, cells);
    },
    () => aggregator.neededColumns,
    fast ? (index, bytes, f) => aggregator.addFields(index, bytes, f.start, f.end, f.escaped, f.count) : undefined,
  );
  return aggregator.finish();
}

/** Text that Papa Parse's unparse would quote: a line break, a quote, a BOM, the comma, or a space at either end. */
const NEEDS_QUOTES = /[\r\n",\uFEFF]|^ | $/;

/**
 * One cell as Papa Parse's `unparse` writes it with `escapeFormulae: FORMULA_START` (the per-customer
 * CSV was written by it, and still is byte for byte): text that starts like a formula gets a `'` and
 * quotes (docs/limits.md), text with a quote, comma, line break or edge space is quoted with `""`
 * inside, numbers are their `toString()`, null is empty. Done here since it runs for every cell of
 * every customer (docs/engine.md, "Sales records").
 */
export function csvCell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  if (FORMULA_START.test(v)) return `"'${v.replace(/"/g, '""')}"`;
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * The per-customer table as CSV: UTF-8 with a BOM, dates as YYYY-MM-DD, numbers as plain text,
 * CRLF line breaks. A number that overflowed (an additive RFM score of huge raw values) is refused,
 * naming its cell.
 */
export function customerCsv(table: CustomerTable, out: string): string {
  const width = table.headers.length;
  const lines: string[] = [table.headers.map(csvCell).join(',')];
  const cells = new Array<string>(width);
  for (let r = 0; r < table.rows; r++) {
    for (let c = 0; c < width; c++) {
      const v = table.cell(r, c);
      if (typeof v === 'number' && !Number.isFinite(v)) {
        throw new RfmError('limits.notFinite', { file: out, cell: cellAddress(c, r + 2), value: String(v) });
      }
      cells[c] = csvCell(c === table.dateColumn && typeof v === 'number' ? formatCivilDay(v) : v);
    }
    lines.push(cells.join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The per-customer sheet: bold header, real date cells (yyyy-mm-dd), RFM Score as 0.00. */
export function fillCustomerSheet(ws: Worksheet, table: CustomerTable, rfmColumn: number): void {
  const header = ws.addRow(table.headers);
  header.font = { bold: true };
  for (let r = 0; r < table.rows; r++) {
    const values: (string | number | Date | null)[] = [];
    for (let c = 0; c < table.headers.length; c++) {
      const v = table.cell(r, c);
      values.push(c === table.dateColumn && typeof v === 'number' ? jsDateFromCivil(v) : v);
    }
    const row = ws.addRow(values);
    row.getCell(table.dateColumn + 1).numFmt = 'yyyy-mm-dd';
    if (rfmColumn >= 0 && values[rfmColumn] !== null) row.getCell(rfmColumn + 1).numFmt = '0.00';
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.getColumn(1).width = 16;
  ws.getColumn(table.dateColumn + 1).width = 14;
}

/** The options sales records refuse, checked before the input is read (both inputs, docs/transactions.md). */
export function checkTxOptions(o: CliOptions, outFormat: 'csv' | 'xlsx'): void {
  if (o.summary && outFormat !== 'xlsx') throw new RfmError('cli.summaryNeedsXlsx');
  if (o.formulas) throw new RfmError('tx.noFormulas');
  if (o.previous !== undefined && outFormat !== 'xlsx') throw new RfmError('period.previousNeedsXlsx');
}

/**
 * From the aggregated records to the scored per-customer table, with the same checks and messages for
 * a CSV file and a workbook: no rows, no valid row, nobody bought in the period, an amount past a
 * double, more customers than a sheet holds; then the earlier runs (--scale-from / --previous,
 * docs/periods.md) are read — before anything is written — and the customers scored.
 */
export async function scoreAggregated(o: CliOptions, result: TransactionResult, outFormat: 'csv' | 'xlsx'): Promise<{ periods: Periods; scheme: Scheme; sheet: ScoredSheet }> {
  const lang = o.lang;
  const { customers, report } = result;
  if (report.rows === 0) throw new RfmError('tx.noRows');
  if (report.validRows === 0) {
    const cell = report.invalid[0];
    throw new RfmError('tx.noValidRows', { first: `${txInvalidAddress(cell)}${colon(lang)}${describeTxInvalid(cell, lang, report)}` });
  }
  if (customers.length === 0) {
    throw new RfmError('tx.noPurchases', {
      since: formatCivilDay(report.since ?? report.firstDate!),
      asOf: formatCivilDay(report.asOf!),
    });
  }
  const overflow = customers.find((c) => !Number.isFinite(c.m));
  if (overflow) throw new RfmError('limits.amountOverflow', { customer: overflow.customer, file: o.input });
  if (outFormat === 'xlsx' && customers.length >= XLSX_MAX_ROWS) {
    throw new RfmError('tx.tooManyForXlsx', { count: customers.length });
  }
  const periods = await readPeriods(o, lang, t(lang, 'tx.sheetName'));
  const scheme = periods.scheme;
  const sheet = scoreCustomers(customers, scheme, lang, o.insight, { scale: periods.scaleRun?.record.scale });
  if (sheet.result.n === 0) {
    const bad = sheet.result.invalid[0];
    throw new RfmError('layout.noValidRows', { first: `${invalidAddress(sheet, bad.row, bad.metric)}${colon(lang)}${describeInvalid(bad, lang)}` });
  }
  return { periods, scheme, sheet };
}

/** The parameters sheet's record of a sales-records run (docs/periods.md): the same for both inputs. */
export function txRunRecord(o: CliOptions, sheet: ScoredSheet, scheme: Scheme, periods: Periods, inputSheet: string | undefined, outputSheet: string): RunRecord {
  return buildRunRecord({
    sheet,
    scheme,
    lang: o.lang,
    version: version(),
    tool: 'rfm-score --transactions',
    input: { file: o.input, sheet: inputSheet },
    outputSheet,
    segments: o.insight.segments,
    followUp: o.insight.followUp,
    frozen: periods.scaleRun ? { scale: periods.scaleRun.record.scale, from: runRef(periods.scaleRun) } : undefined,
    previous: periods.previousRun ? runRef(periods.previousRun) : undefined,
  });
}

/** The report of a sales-records run, after the output is written; `newSheet` is the line naming the per-customer sheet. */
export function txReportLines(
  o: CliOptions,
  run: { report: TransactionResult['report']; where: string; outWhere: string; sheet: ScoredSheet; scheme: Scheme; periods: Periods },
  written: { newSheet?: string; summaryName?: string; migrationName?: string; paramsName?: string; lists: readonly ListPlan[] },
): string[] {
  const lang = o.lang;
  const { report, where, outWhere, sheet, scheme, periods } = run;
  const lines = [...transactionReportLines(report, lang, where), ...reportLines(sheet, scheme, lang, outWhere)];
  if (periods.scaleRun) lines.push(...scaleReportLines(periods.scaleRun, sheet.result, lang));
  if (written.newSheet) lines.push(written.newSheet);
  if (written.summaryName) lines.push(t(lang, 'cli.report.summary', { sheet: written.summaryName }));
  if (periods.migration && periods.previousRun && written.migrationName) {
    lines.push(...migrationReportLines(periods.migration.result, periods.previousRun, !!periods.scaleRun, scheme, lang, written.migrationName));
  }
  if (written.paramsName) lines.push(t(lang, 'period.report.params', { sheet: written.paramsName }));
  lines.push(t(lang, 'cli.report.wrote', { file: o.out }));
  lines.push(...listReportLines(written.lists, lang));
  return lines;
}

/**
 * The per-customer sheet `sheetName` and the sheets around it — parameters, `--summary`, the lists,
 * the migration — added to `wb` in that order, the same for CSV input and a workbook; the workbook's
 * cells are checked against Excel's limits. Returns the new sheets' names.
 */
export function addTxSheets(
  o: CliOptions,
  wb: Workbook,
  sheetName: string,
  run: { sheet: ScoredSheet; scheme: Scheme; periods: Periods; table: CustomerTable; lists: ListPlan[]; inputSheet?: string },
): { paramsName: string; summaryName?: string; migrationName?: string; listNames: string[] } {
  const lang = o.lang;
  const { sheet, scheme, periods, table } = run;
  fillCustomerSheet(wb.addWorksheet(sheetName), table, table.headers.length - sheet.output.headers.length + sheet.output.columns.indexOf('rfm'));
  const paramsName = uniqueSheetName(wb, t(lang, 'formula.sheetName'));
  const paramsWs = wb.addWorksheet(paramsName);
  const summaryName = o.summary ? addSummarySheet(wb, sheet, scheme, lang, o.insight.followUp) : undefined;
  const listNames = addListSheets(wb, run.lists, lang);
  const migrationName = periods.migration ? addMigrationSheet(wb, periods.migration.sheet, lang) : undefined;
  writeParamsSheet(paramsWs, parametersSheet(txRunRecord(o, sheet, scheme, periods, run.inputSheet, sheetName)));
  checkWorkbookCells(wb, o.out);
  return { paramsName, summaryName, migrationName, listNames };
}

/** Sales records in a CSV file; in a workbook they are read on the streaming xlsx path (src/cli/xlsx/transactions.ts). */
export async function runTransactions(o: CliOptions, options: TxOptions, io: Io): Promise<void> {
  const { outFormat } = await checkFiles(o);
  const lang = o.lang;
  checkTxOptions(o, outFormat);
  const result: TransactionResult = await aggregateCsv(o.input, options);
  const where = o.input;
  const { customers, report } = result;
  const { periods, scheme, sheet } = await scoreAggregated(o, result, outFormat);
  // xlsx: a new workbook with the per-customer sheet.
  const outBook = outFormat === 'xlsx' ? newWorkbook() : undefined;
  const sheetName = outBook ? uniqueSheetName(outBook, t(lang, 'tx.sheetName')) : undefined;
  const outWhere = sheetName ? t(lang, 'cli.report.sheet', { sheet: sheetName, file: o.out }) : o.out;
  // The per-customer table is the product's own, so its columns are not compared with the earlier run's.
  comparePeriods(o, periods, sheet, outWhere, lang, false);
  const table = customerTable(customers, sheet);
  // --list (docs/lists.md): unknown names stop the run here, before anything is written.
  const lists = planLists(o, sheet, scheme, lang);
  await checkListFiles(o, lists);
  let added: ReturnType<typeof addTxSheets> | undefined;
  await withListFiles(lists, {}, () => writeAtomically(o.out, async (temp) => {
    if (!outBook || !sheetName) {
      await fs.writeFile(temp, customerCsv(table, o.out), 'utf8');
      return;
    }
    added = addTxSheets(o, outBook, sheetName, { sheet, scheme, periods, table, lists });
    await writeWorkbook(outBook, temp);
  })).catch((err: NodeJS.ErrnoException) => {
    if (err instanceof RfmError) throw err;
    if (err.code) throw new RfmError('cli.cannotWrite', { file: o.out, detail: err.message });
    throw err;
  });

  const newSheet = sheetName !== undefined ? t(lang, 'tx.report.csvToXlsx', { file: o.input, sheet: sheetName }) : undefined;
  for (const line of txReportLines(o, { report, where, outWhere, sheet, scheme, periods }, { newSheet, ...added, lists })) io.out(line);
}
