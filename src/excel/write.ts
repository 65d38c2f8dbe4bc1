/**
 * Writing the scores back (SPEC.md 6). `planWrite` looks at the place right of the table — the
 * product's own earlier output (replaced without asking), the user's cells (ask first), protection,
 * merged cells — and `writeOutput` writes there or to a new sheet: values in chunks within the
 * payload budget with screen updating suspended, calculation set to manual for the duration, then
 * the formats (bold headers, 0.00 on the RFM score, a fill per grade). With `options.run` (docs/periods.md) the
 * run's parameters sheet, and the migration sheet of a comparison, are written too (src/excel/runSheets.ts).
 * Every check runs before the first cell is touched: when one fails, nothing is written.
 */
import {
  RfmError,
  cellAddress,
  isEmptyCell,
  ownOutputBlockStart,
  parametersSheet,
  type CellValue,
  type OutputColumn,
  type ScoredSheet,
} from '../core';
import { t, type Lang } from '../i18n';
import { mergedAddress, mergedAreasOf, mergedWriteError, suspendScreenUpdating } from './capabilities';
import { onSheet } from './read';
import { planRunSheets, recordOf, surveySheets, writeMigrationSheet, writeParamsSheet, type RunSheetsPlan } from './runSheets';
import type { ExcelApi, Progress, TableRef, WriteOptions, WritePlan, WriteResult, WriteTarget } from './types';
import {
  ChunkSizer,
  PAYLOAD_BUDGET,
  SHEET_COLUMNS,
  SHEET_ROWS,
  areaAddress,
  copyCell,
  syncChunk,
  jsonBytes,
  textCell,
  yieldToUi,
} from './util';

/** Header cells read right of the table to find an earlier output block (at most 8 columns wide). */
const EXTENSION_COLUMNS = 16;

/** Light fills by grade position: first (A) green, then blue, amber, last (D) red. */
const GRADE_FILLS = ['#C6EFCE', '#DDEBF7', '#FFEB9C', '#FFC7CE'];

export function gradeFill(index: number, count: number): string {
  if (count <= 1) return GRADE_FILLS[0];
  return GRADE_FILLS[Math.round((index * (GRADE_FILLS.length - 1)) / (count - 1))];
}

function numberFormatOf(column: OutputColumn): string {
  return column === 'rfm' ? '0.00' : 'General';
}

/**
 * Sets one number format on every cell of a range. Office.js accepts a single value here and applies
 * it to the whole range (documented for values/formulas/numberFormat; the TypeScript type only
 * admits a 2D array), which keeps a million-row column to one small request.
 */
function setNumberFormat(ws: Excel.Worksheet, row: number, column: number, rowCount: number, format: string): void {
  // cell-level properties cannot be set on an entire column: a full-height column goes in two halves
  const parts = rowCount >= SHEET_ROWS ? [[row, rowCount >> 1], [row + (rowCount >> 1), rowCount - (rowCount >> 1)]] : [[row, rowCount]];
  for (const [first, count] of parts) {
    const range = ws.getRangeByIndexes(first, column, count, 1);
    (range as unknown as { numberFormat: string }).numberFormat = format;
  }
}

/** Table-relative rows the output spans: the header row (if any) through the last data row. */
interface Rows {
  firstRel: number;
  lastRel: number;
  /** 0-based sheet row of the first output row, and the number of rows. */
  row: number;
  rowCount: number;
}

function outputRows(table: TableRef, scored: ScoredSheet): Rows {
  const { dataRows, headerRow } = scored;
  const firstRel = headerRow >= 0 ? headerRow : dataRows[0] ?? 0;
  const lastRel = dataRows.length > 0 ? dataRows[dataRows.length - 1] : firstRel;
  return { firstRel, lastRel, row: table.row + firstRel, rowCount: lastRel - firstRel + 1 };
}

/** Index of the first data row at or after table row `rel` (dataRows ascend). */
function firstDataIndex(dataRows: readonly number[], rel: number): number {
  let lo = 0;
  let hi = dataRows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dataRows[mid] < rel) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first table row at or after `rel` that gets output (the header or a data row); Infinity if none. */
function nextNonBlank(scored: ScoredSheet, rel: number): number {
  const k = firstDataIndex(scored.dataRows, rel);
  const data = k < scored.dataRows.length ? scored.dataRows[k] : Infinity;
  return scored.headerRow >= rel ? Math.min(scored.headerRow, data) : data;
}

/** The last table row at or before `rel` that gets output (the header or a data row); -1 if none. */
function lastNonBlank(scored: ScoredSheet, rel: number): number {
  const k = firstDataIndex(scored.dataRows, rel + 1) - 1;
  const data = k >= 0 ? scored.dataRows[k] : -1;
  return scored.headerRow <= rel ? Math.max(scored.headerRow, data) : data;
}

function outputCell(v: number | string | null): number | string {
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'string') return textCell(v);
  return ''; // "" clears the cell; null would leave an earlier value in place
}

/** The output rows for table rows `startRel … startRel+count-1`, with `lead` cells (new sheet: the ID) first. */
function buildRows(scored: ScoredSheet, startRel: number, count: number, lead?: unknown[][]): (string | number | boolean)[][] {
  const { output, dataRows, headerRow } = scored;
  const width = output.columns.length;
  const headers = output.headers.map(textCell);
  const blank = new Array<string>(width).fill('');
  let k = firstDataIndex(dataRows, startRel);
  const rows: (string | number | boolean)[][] = new Array(count);
  for (let i = 0; i < count; i++) {
    const rel = startRel + i;
    let cells: (string | number)[];
    if (rel === headerRow) cells = headers;
    else if (k < dataRows.length && dataRows[k] === rel) {
      cells = new Array<string | number>(width);
      for (let c = 0; c < width; c++) cells[c] = outputCell(output.cell(k, c));
      k++;
    } else cells = blank;
    rows[i] = lead ? [copyCell(lead[i]?.[0]), ...cells] : cells;
  }
  return rows;
}

/** The first non-empty cell (formulas included) of an area, row by row, read in chunks. */
async function firstNonEmpty(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  box: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number },
): Promise<string | undefined> {
  const sizer = new ChunkSizer(box.columnCount);
  let done = 0;
  while (done < box.rowCount) {
    const rows = sizer.next(box.rowCount - done);
    const range = ws.getRangeByIndexes(box.rowIndex + done, box.columnIndex, rows, box.columnCount);
    range.load('formulas');
    // one sync per chunk, on purpose; a payload Excel refuses as too large is retried in smaller chunks
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- see above
    if (!(await syncChunk(context.sync(), sizer, rows))) continue;
    const cells = range.formulas as unknown[][];
    sizer.observe(rows, jsonBytes(cells));
    for (let i = 0; i < cells.length; i++) {
      const j = cells[i].findIndex((v) => !isEmptyCell(v as CellValue));
      if (j >= 0) return cellAddress(box.columnIndex + j, box.rowIndex + done + i + 1);
    }
    done += rows;
  }
  return undefined;
}

export async function planWrite(excel: ExcelApi, table: TableRef, scored: ScoredSheet): Promise<WritePlan> {
  const width = scored.output.columns.length;
  const rows = outputRows(table, scored);
  return onSheet(excel, table.sheet, async (context) => {
    const ws = context.workbook.worksheets.getItem(table.sheet);
    const protection = context.workbook.worksheets.getItem(table.sheet).protection;
    protection.load('protected');
    // the header row continued right of the table: an earlier run's output block?
    const extensionStart = table.column + table.columnCount;
    const extensionWidth = Math.min(EXTENSION_COLUMNS, SHEET_COLUMNS - extensionStart);
    const hasHeader = scored.headerRow >= 0;
    const extension =
      hasHeader && extensionWidth > 0
        ? ws.getRangeByIndexes(table.row + scored.headerRow, extensionStart, 1, extensionWidth)
        : undefined;
    if (extension) extension.load('values');
    await context.sync();

    let start = table.column + scored.startColumn;
    let own = scored.replacedColumns;
    if (extension) {
      const headers: unknown[] = [];
      for (let c = 0; c < table.columnCount; c++) headers.push(scored.headerCells[c] ?? '');
      headers.push(...extension.values[0]);
      let last = headers.length - 1;
      while (last >= 0 && isEmptyCell(headers[last] as CellValue)) last--;
      const found = ownOutputBlockStart(headers, last);
      const { r, f, m } = scored.layout.columns;
      if (found >= 0 && r < found && f < found && m < found) {
        start = table.column + found;
        own = last - found + 1;
      }
    }
    const span = Math.max(width, own);
    if (start + span > SHEET_COLUMNS) throw new RfmError('excel.noRoom', { count: width });

    const merged = mergedAreasOf(ws.getRangeByIndexes(rows.row, start, rows.rowCount, span));
    // cells that must be empty: the whole output area, or (re-run) the columns beyond the old block
    const fresh =
      own === 0
        ? ws.getRangeByIndexes(rows.row, start, rows.rowCount, width)
        : width > own
          ? ws.getRangeByIndexes(rows.row, start + own, rows.rowCount, width - own)
          : undefined;
    const used = fresh ? fresh.getUsedRangeOrNullObject(true) : undefined;
    if (used) used.load('rowIndex, columnIndex, rowCount, columnCount');
    await context.sync();

    // the used range's first row normally holds the first cell in the way: usually one small read
    const conflictCell = used && !used.isNullObject ? await firstNonEmpty(context, ws, used) : undefined;
    const plan: WritePlan = {
      sheet: table.sheet,
      row: rows.row,
      column: start,
      rowCount: rows.rowCount,
      columnCount: width,
      address: areaAddress(rows.row, start, rows.rowCount, width),
      conflict: conflictCell ? 'user' : own > 0 ? 'own' : 'none',
      protectedSheet: protection.protected,
      ownColumns: own,
    };
    if (conflictCell) plan.conflictCell = conflictCell;
    const mergedArea = mergedAddress(merged);
    if (mergedArea) plan.mergedArea = mergedArea;
    return plan;
  });
}

/**
 * The checks every write makes before touching the workbook: the plan was made for this table and
 * this output width, and — when writing next to the table — the sheet is not protected, no merged
 * area is in the way, and the user said yes to overwriting their cells. Returns whether the target is
 * next to the table ('here').
 */
export function checkPlan(
  plan: WritePlan,
  table: TableRef,
  expected: { row: number; rowCount: number; columnCount: number },
  target: WriteTarget,
  options: WriteOptions,
): boolean {
  if (
    plan.sheet !== table.sheet ||
    plan.row !== expected.row ||
    plan.rowCount !== expected.rowCount ||
    plan.columnCount !== expected.columnCount
  ) {
    throw new RfmError('excel.planMismatch');
  }
  if (target !== 'here') return false;
  if (plan.protectedSheet) throw new RfmError('excel.protected', { sheet: table.sheet });
  if (plan.mergedArea) throw new RfmError('excel.merged', { area: plan.mergedArea });
  if (plan.conflict === 'user' && !options.overwrite) {
    throw new RfmError('excel.conflict', { cell: plan.conflictCell ?? plan.address });
  }
  return true;
}

/** "RFM results", "RFM results (2)", … : a name no sheet has (Excel compares names case-insensitively). */
export function newSheetName(existing: readonly string[], lang: Lang): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const base = t(lang, 'excel.sheetName');
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

export async function writeOutput(
  excel: ExcelApi,
  table: TableRef,
  scored: ScoredSheet,
  plan: WritePlan,
  target: WriteTarget,
  lang: Lang,
  progress?: Progress,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const { output } = scored;
  const width = output.columns.length;
  const rows = outputRows(table, scored);
  const here = checkPlan(plan, table, { row: rows.row, rowCount: rows.rowCount, columnCount: width }, target, options);
  const own = here ? (plan.ownColumns ?? 0) : 0;
  const span = Math.max(width, own);
  const idColumn = scored.layout.id ?? 0;
  const { run } = options;
  const destWidth = here ? width : width + 1;
  const total = rows.rowCount;

  let syncs = 0;
  /** Set once the switch to manual calculation was sent: the finally block puts it back. */
  let restoreMode: string | undefined;
  try {
    return await onSheet(excel, table.sheet, async (context) => {
      const app = context.workbook.application;
      app.load('calculationMode');
      const source = context.workbook.worksheets.getItem(table.sheet);

      // 1. checks (re-done now: the sheet may have changed since the plan)
      let protection: Excel.WorksheetProtection | undefined;
      let merged: Excel.RangeAreas | undefined;
      let sheets: Excel.WorksheetCollection | undefined;
      let tables: Excel.TableCollection | undefined;
      if (here) {
        protection = context.workbook.worksheets.getItem(table.sheet).protection;
        protection.load('protected');
        merged = mergedAreasOf(source.getRangeByIndexes(rows.row, plan.column, rows.rowCount, span));
      }
      if (!here || run) {
        sheets = context.workbook.worksheets;
        sheets.load('items/name');
      }
      if (run?.migration) tables = context.workbook.tables.load('items/name');
      syncs += 1;
      await context.sync();
      if (protection && protection.protected) throw new RfmError('excel.protected', { sheet: table.sheet });
      const mergedArea = mergedAddress(merged);
      if (mergedArea) throw new RfmError('excel.merged', { area: mergedArea });
      const names = sheets ? sheets.items.map((s) => s.name) : [];
      const newName = here ? undefined : newSheetName(names, lang);
      // period over period (docs/periods.md): the parameters and migration sheets of the run, checked before anything is written
      let runPlan: RunSheetsPlan | undefined;
      if (run) {
        const survey = await surveySheets(context, names);
        syncs += 1;
        runPlan = planRunSheets(survey, newName ?? table.sheet, run, lang, newName ? [newName] : []);
      }

      // 2. set-up: manual calculation, the destination, the number formats that decide typing
      const original = app.calculationMode;
      const manual = excel.CalculationMode.manual as string;
      if (original !== manual) {
        app.calculationMode = manual as Excel.CalculationMode;
        restoreMode = original;
      }
      let ws: Excel.Worksheet;
      let sheetName: string;
      let column: number;
      if (newName) {
        sheetName = newName;
        ws = context.workbook.worksheets.add(sheetName);
        column = 0;
      } else {
        ws = source;
        sheetName = table.sheet;
        column = plan.column;
        // a re-run: the earlier block goes (values, formats, its conditional formats), also where wider;
        // the user's cells (they said yes): their contents
        if (own > 0) ws.getRangeByIndexes(rows.row, column, rows.rowCount, span).clear(excel.ClearApplyTo.all);
        else if (plan.conflict === 'user') ws.getRangeByIndexes(rows.row, column, rows.rowCount, width).clear(excel.ClearApplyTo.contents);
        // General before the values: a text-formatted ("@") cell would keep the apostrophe prefix
        output.columns.forEach((c, i) => setNumberFormat(ws, rows.row, column + i, rows.rowCount, numberFormatOf(c)));
      }
      const outColumn = here ? column : column + 1;
      suspendScreenUpdating(app);
      syncs += 1;
      await context.sync();

      // 3. values, chunk by chunk (new sheet: the table's ID column first, read chunk by chunk)
      const sizer = new ChunkSizer(destWidth + (here ? 0 : 2));
      let done = 0;
      progress?.('write', 0, total);
      while (done < total) {
        // the area is empty now (checked, or cleared): runs of empty rows need no writing
        const startRel = rows.firstRel + done;
        const skip = nextNonBlank(scored, startRel) - startRel;
        if (skip > 0) {
          done = Math.min(total, done + skip);
          progress?.('write', done, total);
          continue;
        }
        let count = sizer.next(total - done);
        count = lastNonBlank(scored, startRel + count - 1) - startRel + 1;
        let ids: unknown[][] | undefined;
        let idFormats: unknown[][] | undefined;
        if (!here) {
          const idRange = source.getRangeByIndexes(rows.row + done, table.column + idColumn, count, 1);
          idRange.load('values, numberFormat');
          syncs += 1;
          // one read per chunk, on purpose; a payload Excel refuses as too large is retried in smaller chunks
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- see above
          if (!(await syncChunk(context.sync(), sizer, count))) continue;
          ids = idRange.values as unknown[][];
          idFormats = idRange.numberFormat as unknown[][];
          sizer.observe(count, jsonBytes(ids) + jsonBytes(idFormats));
        }
        let block = buildRows(scored, rows.firstRel + done, count, ids);
        let bytes = jsonBytes(block) + (idFormats ? jsonBytes(idFormats) : 0);
        if (bytes > PAYLOAD_BUDGET && count > 1) {
          // wider rows than measured so far: send fewer of them (the next chunk re-reads the rest)
          count = Math.max(1, Math.floor((count * PAYLOAD_BUDGET * 0.9) / bytes));
          block = block.slice(0, count);
          idFormats = idFormats?.slice(0, count);
          bytes = jsonBytes(block) + (idFormats ? jsonBytes(idFormats) : 0);
        }
        sizer.observe(count, bytes);
        suspendScreenUpdating(app);
        ws.getRangeByIndexes(rows.row + done, column, count, destWidth).values = block;
        // the ID column's formats after its values (a text format first would keep the apostrophe)
        if (idFormats && idFormats.some((f) => f[0] !== 'General')) {
          ws.getRangeByIndexes(rows.row + done, column, count, 1).numberFormat = idFormats;
        }
        syncs += 1;
        // one write per chunk, on purpose; a payload Excel refuses as too large is retried in smaller chunks
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- see above
        if (!(await syncChunk(context.sync(), sizer, count))) continue;
        done += count;
        progress?.('write', done, total);
        if (done < total) await yieldToUi();
      }

      // 4. period over period (docs/periods.md): the parameters sheet (the run record) and, comparing periods, the migration sheet
      let paramSheet: string | undefined;
      let migrationSheet: string | undefined;
      if (run && runPlan) {
        const record = recordOf(run, {
          scored,
          lang,
          outputSheet: sheetName,
          origin: { row: table.row, column: table.column },
          inputSheet: table.sheet,
          startColumn: here ? undefined : outColumn,
        });
        syncs += (await writeParamsSheet(context, excel, runPlan.params, parametersSheet(record))).syncs;
        paramSheet = runPlan.params.name;
        if (run.migration && runPlan.migration && tables) {
          const taken = new Set(tables.items.map((x) => x.name.toLowerCase()));
          syncs += (await writeMigrationSheet(context, excel, runPlan.migration, run.migration, taken)).syncs;
          migrationSheet = runPlan.migration;
        }
      }

      // 5. formats: bold headers, 0.00 on the RFM score (new sheet), a fill per grade; calculation back on
      suspendScreenUpdating(app);
      if (scored.headerRow >= 0) ws.getRangeByIndexes(rows.row, column, 1, destWidth).format.font.bold = true;
      const firstData = scored.dataRows[0];
      const dataRow = table.row + firstData;
      const dataCount = rows.lastRel - firstData + 1;
      const rfm = output.columns.indexOf('rfm');
      if (!here && rfm >= 0) setNumberFormat(ws, dataRow, outColumn + rfm, dataCount, '0.00');
      const grade = output.columns.indexOf('grade');
      if (grade >= 0) {
        const gradeRange = ws.getRangeByIndexes(dataRow, outColumn + grade, dataCount, 1);
        const grades = scored.result.gradeCounts.length;
        for (const { index, label } of gradeLabels(scored)) {
          const cf = gradeRange.conditionalFormats.add(excel.ConditionalFormatType.cellValue);
          cf.cellValue.format.fill.color = gradeFill(index, grades);
          cf.cellValue.rule = { formula1: `="${label.replace(/"/g, '""')}"`, operator: excel.ConditionalCellValueOperator.equalTo };
        }
      }
      if (restoreMode !== undefined) app.calculationMode = restoreMode as Excel.CalculationMode;
      syncs += 1;
      await context.sync();
      restoreMode = undefined;

      const written: WriteResult = {
        sheet: sheetName,
        address: areaAddress(rows.row, column, rows.rowCount, destWidth),
        rowsWritten: scored.dataRows.length,
        syncs,
      };
      if (paramSheet) written.paramSheet = paramSheet;
      if (migrationSheet) written.migrationSheet = migrationSheet;
      return written;
    });
  } catch (e) {
    // below ExcelApi 1.13 merged cells were not checked before writing: the refused write names them
    throw (here ? mergedWriteError(e, plan.address) : undefined) ?? e;
  } finally {
    // the write failed after calculation was set to manual: put the user's mode back
    if (restoreMode !== undefined) {
      const mode = restoreMode;
      await excel
        .run(async (context) => {
          context.workbook.application.calculationMode = mode as Excel.CalculationMode;
          await context.sync();
        })
        .catch(() => undefined);
    }
  }
}

/**
 * The grade labels that occur, with their position in the scheme (best first): the first row of each
 * grade gives its label. A grade nobody got needs no rule.
 */
function gradeLabels(scored: ScoredSheet): Array<{ index: number; label: string }> {
  const column = scored.output.columns.indexOf('grade');
  const { grade, gradeCounts } = scored.result;
  const labels = new Map<number, string>();
  const wanted = gradeCounts.filter((n) => n > 0).length;
  for (let row = 0; row < grade.length && labels.size < wanted; row++) {
    const g = grade[row];
    if (g >= 0 && !labels.has(g)) labels.set(g, String(scored.output.cell(row, column)));
  }
  return [...labels].sort((a, b) => a[0] - b[0]).map(([index, label]) => ({ index, label }));
}

/** Activates `sheet` and selects `address` on it (an invalid row the user clicked in the pane). */
export async function selectCell(excel: ExcelApi, sheet: string, address: string): Promise<void> {
  await onSheet(excel, sheet, async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}
