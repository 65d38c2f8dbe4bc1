/**
 * Transactions mode in the pane (docs/transactions.md): the sales records are read from the
 * workbook in row chunks (responses planned within PAYLOAD_BUDGET, one sync each) straight into the
 * engine's TransactionAggregator, the per-customer R, F, M are scored by the shared engine, and the
 * per-customer table is written to a NEW sheet — "RFM" / "RFM分析", then "RFM (2)" …, never over an
 * existing sheet — in chunks, values first and formats after, like the command line's xlsx output:
 * Customer, Last purchase (an Excel date serial with a date format), R, F, M, then the score and
 * grade columns.
 *
 * Rows and columns handed to the aggregator are SHEET positions (the table's rows are offset by its
 * first row, its cells by its first column), so every address in the report — invalid cells, the
 * empty-column error — names the cell the user sees. Column choices come in table-relative, like
 * scoreTableInExcel's layout.
 */
import {
  CUSTOMER_COLUMNS,
  RfmError,
  TransactionAggregator,
  customerTable,
  describeInvalid,
  describeTxInvalid,
  excelSerialFromCivil,
  formatCivilDay,
  invalidAddress,
  parametersSheet,
  scoreCustomers,
  txInvalidAddress,
  type CellValue,
  type ColumnRef,
  type CustomerRfm,
  type InsightOptions,
  type Scheme,
  type ScoreOptions,
  type ScoredSheet,
  type TransactionResult,
  type TxOptions,
} from '../core';
import { t, type Lang } from '../i18n';
import { colon } from '../i18n/format';
import { onSheet, readRows } from './read';
import { planRunSheets, recordOf, surveySheets, writeMigrationSheet, writeParamsSheet, type RunSheetsPlan } from './runSheets';
import type { ExcelApi, Progress, RunSheets, TableRef, WriteResult } from './types';
import { suspendScreenUpdating } from './capabilities';
import { SHEET_ROWS, areaAddress, textCell, yieldToUi } from './util';
import { writeRowsInChunks } from './chunkedWrite';
import { gradeFill } from './write';

/** Options of the aggregation with table-relative column indexes (0 = the table's first column). */
export type SalesOptions = Omit<TxOptions, 'customer' | 'date' | 'amount' | 'order'> & {
  customer?: number;
  date?: number;
  amount?: number;
  /** undefined = detect from the header; null = no order column. */
  order?: number | null;
};

function shift(ref: number | undefined, by: number): ColumnRef | undefined {
  return ref === undefined ? undefined : ref + by;
}

/**
 * Reads the sales table chunk by chunk into the aggregator. The report's rows, columns and cell
 * addresses are sheet positions. Throws the engine's RfmErrors (columns not found, as-of before since,
 * an empty table).
 */
export async function aggregateSalesInExcel(
  excel: ExcelApi,
  table: TableRef,
  options: SalesOptions,
  progress?: Progress,
): Promise<TransactionResult> {
  const aggregator = new TransactionAggregator({
    ...options,
    customer: shift(options.customer, table.column),
    date: shift(options.date, table.column),
    amount: shift(options.amount, table.column),
    order: options.order === null ? null : shift(options.order, table.column),
  });
  // Cells left of the table: the row arrays start at column A, so indexes are sheet columns.
  const pad: CellValue[] = new Array<CellValue>(table.column).fill(null);
  const total = table.rowCount;
  progress?.('read', 0, total);
  await onSheet(excel, table.sheet, async (context) => {
    const ws = context.workbook.worksheets.getItem(table.sheet);
    await readRows(
      context,
      ws,
      table,
      0,
      total,
      (start, values) => {
        for (let i = 0; i < values.length; i++) {
          const row = values[i] as CellValue[];
          aggregator.add(table.row + start + i, pad.length ? pad.concat(row) : row);
        }
      },
      async (done) => {
        progress?.('read', done, total);
        if (done < total) await yieldToUi();
      },
    );
  });
  return aggregator.finish();
}

/**
 * The per-customer table scored by the engine, or the RfmError the command line gives for the same
 * records (no rows, no valid row, no purchase in the period, too many customers for a sheet, no
 * customer that can be scored).
 */
export function scoreSales(
  result: TransactionResult,
  scheme: Scheme,
  lang: Lang,
  insight: InsightOptions = {},
  /** Period over period (docs/periods.md): score on an earlier run's frozen scale. */
  scoring: ScoreOptions = {},
): ScoredSheet {
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
  if (customers.length >= SHEET_ROWS) throw new RfmError('paneMode.tx.tooMany', { count: customers.length });
  const sheet = scoreCustomers(customers, scheme, lang, insight, scoring);
  if (sheet.result.n === 0) {
    const bad = sheet.result.invalid[0];
    throw new RfmError('layout.noValidRows', { first: `${invalidAddress(sheet, bad.row, bad.metric)}${colon(lang)}${describeInvalid(bad, lang)}` });
  }
  return sheet;
}

/** "RFM", "RFM (2)", … in the user's language: a name no sheet has (compared case-insensitively). */
export function customerSheetName(existing: readonly string[], lang: Lang): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const base = t(lang, 'tx.sheetName');
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} (${i})`;
  return name;
}

type Cell = string | number;

function valueCell(v: string | number | null): Cell {
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'string') return textCell(v);
  return '';
}

/** Sets one number format on a bounded range (Office applies a single value to every cell). */
function setNumberFormat(ws: Excel.Worksheet, row: number, column: number, rowCount: number, format: string): void {
  (ws.getRangeByIndexes(row, column, rowCount, 1) as unknown as { numberFormat: string }).numberFormat = format;
}

/**
 * Writes the per-customer sheet as a new sheet: header row bold and frozen, one row per customer in
 * first-appearance order, Last purchase as date serials formatted yyyy-mm-dd, RFM Score 0.00, a fill
 * per grade. Values go in chunks within the payload budget (screen updating suspended, calculation
 * manual meanwhile), formats after the values. The new sheet is not activated. When the write fails
 * after the sheet was added, the sheet is deleted again (best effort), so a failed run leaves nothing.
 */
export async function writeCustomerSheet(
  excel: ExcelApi,
  customers: readonly CustomerRfm[],
  scored: ScoredSheet,
  lang: Lang,
  progress?: Progress,
  /** Period over period (docs/periods.md): also write the run's parameters sheet (`run.input`: the sales table). */
  options: { run?: RunSheets } = {},
): Promise<WriteResult> {
  const table = customerTable(customers, scored);
  const width = table.headers.length;
  const total = table.rows + 1;
  const own = CUSTOMER_COLUMNS.length;
  const { run } = options;
  let syncs = 0;
  /** Sheets added so far: a failed write deletes them again. */
  const added: string[] = [];
  let restoreMode: string | undefined;
  try {
    return await excel.run(async (context) => {
      const app = context.workbook.application;
      app.load('calculationMode');
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      const tables = run?.migration ? context.workbook.tables.load('items/name') : undefined;
      syncs += 1;
      await context.sync();
      const names = sheets.items.map((s) => s.name);
      const name = customerSheetName(names, lang);
      let runPlan: RunSheetsPlan | undefined;
      if (run) {
        const survey = await surveySheets(context, names);
        syncs += 1;
        runPlan = planRunSheets(survey, name, run, lang, [name]);
      }

      // 1. the new sheet, calculation manual while writing
      const ws = context.workbook.worksheets.add(name);
      const original = app.calculationMode;
      const manual = excel.CalculationMode.manual as string;
      if (original !== manual) {
        app.calculationMode = manual as Excel.CalculationMode;
        restoreMode = original;
      }
      suspendScreenUpdating(app);
      syncs += 1;
      await context.sync();
      added.push(name);

      // 2. values, chunk by chunk: row 0 is the header, row k the customer k-1
      const row = (k: number): Cell[] => {
        if (k === 0) return table.headers.map(textCell);
        const cells = new Array<Cell>(width);
        for (let c = 0; c < width; c++) {
          const v = table.cell(k - 1, c);
          cells[c] = c === table.dateColumn && typeof v === 'number' ? excelSerialFromCivil(v) : valueCell(v);
        }
        return cells;
      };
      progress?.('write', 0, total);
      syncs += await writeRowsInChunks(context, ws, total, width, row, (done) => progress?.('write', done, total));

      // 3. period over period (docs/periods.md): the parameters sheet (the run record) and, comparing periods, the migration sheet
      let paramSheet: string | undefined;
      let migrationSheet: string | undefined;
      if (run && runPlan) {
        const record = recordOf(run, { scored, lang, outputSheet: name, origin: { row: 0, column: 0 } });
        if (!runPlan.params.existing) added.push(runPlan.params.name);
        syncs += (await writeParamsSheet(context, excel, runPlan.params, parametersSheet(record))).syncs;
        paramSheet = runPlan.params.name;
        if (run.migration && runPlan.migration && tables) {
          added.push(runPlan.migration);
          const taken = new Set(tables.items.map((x) => x.name.toLowerCase()));
          syncs += (await writeMigrationSheet(context, excel, runPlan.migration, run.migration, taken)).syncs;
          migrationSheet = runPlan.migration;
        }
      }

      // 4. formats after the values: header, dates, RFM Score, grade fills, frozen header, widths
      suspendScreenUpdating(app);
      ws.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
      const n = table.rows;
      setNumberFormat(ws, 1, table.dateColumn, n, 'yyyy-mm-dd');
      const rfm = scored.output.columns.indexOf('rfm');
      if (rfm >= 0) setNumberFormat(ws, 1, own + rfm, n, '0.00');
      const grade = scored.output.columns.indexOf('grade');
      if (grade >= 0) {
        const gradeRange = ws.getRangeByIndexes(1, own + grade, n, 1);
        const count = scored.result.gradeCounts.length;
        gradeLabels(scored).forEach(({ index, label }) => {
          const cf = gradeRange.conditionalFormats.add(excel.ConditionalFormatType.cellValue);
          cf.cellValue.format.fill.color = gradeFill(index, count);
          cf.cellValue.rule = { formula1: `="${label.replace(/"/g, '""')}"`, operator: excel.ConditionalCellValueOperator.equalTo };
        });
      }
      ws.freezePanes.freezeRows(1);
      ws.getRangeByIndexes(0, 0, 1, 1).getEntireColumn().format.columnWidth = 96;
      ws.getRangeByIndexes(0, table.dateColumn, 1, 1).getEntireColumn().format.columnWidth = 84;
      if (restoreMode !== undefined) app.calculationMode = restoreMode as Excel.CalculationMode;
      syncs += 1;
      await context.sync();
      restoreMode = undefined;
      added.length = 0;
      const written: WriteResult = { sheet: name, address: areaAddress(0, 0, total, width), rowsWritten: n, syncs };
      if (paramSheet) written.paramSheet = paramSheet;
      if (migrationSheet) written.migrationSheet = migrationSheet;
      return written;
    });
  } finally {
    if (restoreMode !== undefined || added.length) {
      const mode = restoreMode;
      const sheets = [...added];
      await excel
        .run(async (context) => {
          if (mode !== undefined) context.workbook.application.calculationMode = mode as Excel.CalculationMode;
          for (const sheet of sheets) context.workbook.worksheets.getItemOrNullObject(sheet).delete();
          await context.sync();
        })
        .catch(() => undefined);
    }
  }
}

/** The grade labels that occur, with their position in the scheme (best first). */
function gradeLabels(scored: ScoredSheet): Array<{ index: number; label: string }> {
  const column = scored.output.columns.indexOf('grade');
  const labels = new Map<number, string>();
  const { grade, gradeCounts } = scored.result;
  const wanted = gradeCounts.filter((n) => n > 0).length;
  for (let row = 0; row < grade.length && labels.size < wanted; row++) {
    const g = grade[row];
    if (g >= 0 && !labels.has(g)) labels.set(g, String(scored.output.cell(row, column)));
  }
  return [...labels].sort((a, b) => a[0] - b[0]).map(([index, label]) => ({ index, label }));
}
