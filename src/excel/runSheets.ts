/**
 * Period over period in the pane (docs/periods.md): the sheets a run adds beside its output — the parameters sheet ("RFM parameters"
 * / "RFM参数", the run record of src/core/runRecord.ts, after formula mode's live block when there is
 * one) and, comparing with a previous period, the migration sheet ("Migration" / "等级迁移", the tables
 * of src/core/migration.ts as Excel tables). The command line writes the same content with exceljs
 * (src/cli/paramsSheet.ts, src/cli/periods.ts).
 *
 * - One parameters sheet per scored sheet: a re-run reuses this product's own sheet for the same
 *   scored sheet (A1 its title in either language, B3 the scored sheet's name), cleared and rewritten
 *   so references to it stay valid; otherwise a new sheet under a free name.
 * - The migration sheet is always new (`Migration (2)` …).
 * - Cells go in row pieces measured against PAYLOAD_BUDGET (a `Batch` sends what is queued before a
 *   piece would not fit); text is written with Excel's apostrophe, so it stays text.
 * - The callers run the checks (`surveySheets`, `checkRunSheets`) before their first write.
 */
import {
  RfmError,
  buildRunRecord,
  tableRange,
  type FormulaColumnKey,
  type MigrationSheet,
  type ParametersCell,
  type ParametersSheet,
  type ReportBlock,
  type ReportCell,
  type RunRecord,
  type ScoredSheet,
} from '../core';
import { LANGS, t, type Lang } from '../i18n';
import { isParamsTitle } from '../i18n/format';
import type { ExcelApi, RunSheets } from './types';
import { PAYLOAD_BUDGET, SHEET_ROWS, areaAddress, jsonBytes, textCell } from './util';

/** `rfm.tool` of the pane's runs on a customer table. */
export const ADDIN_TOOL = 'add-in';
/** `rfm.tool` of the pane's sales-records runs. */
export const ADDIN_TX_TOOL = 'add-in, sales records';

const INPUT_FILL = '#FFF2CC';
const COMPUTED_FILL = '#F2F2F2';
const NOTE_COLOR = '#595959';
const KEY_COLOR = '#7F7F7F';
const WARNING_COLOR = '#9C0006';
const TABLE_STYLE = 'TableStyleMedium2';
const SCALE_LOW = '#FFFFFF';
const SCALE_HIGH = '#F8696B';

/** Queues writes and sends them when the next piece would take the request over the budget. */
export class Batch {
  syncs = 0;
  private bytes = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget = PAYLOAD_BUDGET,
  ) {}

  /** Call before queueing about `bytes` more: what is queued goes first when they would not fit. */
  async reserve(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.budget) await this.flush();
    this.bytes += bytes;
  }

  /** Sends what is queued. */
  async flush(): Promise<void> {
    this.syncs += 1;
    await this.context.sync();
    this.bytes = 0;
  }
}

/** A grid written in row pieces that each fit the budget (`formulas` also takes constants). */
async function writeGrid(
  batch: Batch,
  ws: Excel.Worksheet,
  row: number,
  column: number,
  grid: (string | number)[][],
  property: 'values' | 'formulas',
): Promise<void> {
  const width = grid[0]?.length ?? 0;
  if (width === 0) return;
  let start = 0;
  while (start < grid.length) {
    let bytes = 0;
    let end = start;
    while (end < grid.length) {
      const b = jsonBytes(grid[end]) + 1;
      if (end > start && bytes + b > PAYLOAD_BUDGET * 0.9) break;
      bytes += b;
      end++;
    }
    await batch.reserve(bytes + 200);
    const range = ws.getRangeByIndexes(row + start, column, end - start, width);
    if (property === 'values') range.values = grid.slice(start, end);
    else range.formulas = grid.slice(start, end);
    start = end;
  }
}

// ---------------------------------------------------------------- which sheets there are

/** The sheets of the workbook and this product's parameters sheets among them. */
export interface SheetsSurvey {
  names: string[];
  /** Parameters sheets (A1 the title in either language) with the scored sheet named in B3. */
  params: Array<{ name: string; scored: string; protected: boolean }>;
}

/** True when A1:B3 read like this product's parameters sheet. */
export function isParamsHead(cells: readonly (readonly unknown[])[] | undefined): boolean {
  const title = cells?.[0]?.[0];
  return isParamsTitle(title, LANGS.map((l) => t(l, 'formula.title')));
}

/** One sync: A1:B3 and the protection of every sheet in `names`. */
export async function surveySheets(context: Excel.RequestContext, names: readonly string[]): Promise<SheetsSurvey> {
  const heads = names.map((name) => {
    const range = context.workbook.worksheets.getItem(name).getRange('A1:B3');
    range.load('values');
    const protection = context.workbook.worksheets.getItem(name).protection;
    protection.load('protected');
    return { name, range, protection };
  });
  if (heads.length) await context.sync();
  const params = heads
    .filter((h) => isParamsHead(h.range.values))
    .map((h) => ({ name: h.name, scored: String(h.range.values[2]?.[1] ?? '').trim(), protected: h.protection.protected }));
  return { names: [...names], params };
}

/** This product's parameters sheet for the scored sheet `scored`, unless it is one the run reads (`keep`). */
export function ownParamsSheet(survey: SheetsSurvey, scored: string, keep: readonly string[] = []): SheetsSurvey['params'][number] | undefined {
  return survey.params.find((p) => p.scored === scored && !keep.includes(p.name));
}

function freeName(existing: readonly string[], base: string): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} (${i})`;
  return name;
}

/** "RFM parameters", "RFM parameters (2)", …: a name no sheet has (compared case-insensitively). */
export function paramSheetName(existing: readonly string[], lang: Lang): string {
  return freeName(existing, t(lang, 'formula.sheetName'));
}

/** "Migration", "Migration (2)", …: a name no sheet has. */
export function migrationSheetName(existing: readonly string[], lang: Lang): string {
  return freeName(existing, t(lang, 'period.sheetName'));
}

/** Where the parameters sheet (and the migration sheet) of a run on `scored` go. */
export interface RunSheetsPlan {
  params: { name: string; existing: boolean };
  migration?: string;
}

/**
 * Decides the sheets a run adds and refuses, before anything is written, what would fail half way: the
 * product's own parameters sheet for this scored sheet is protected, or the migration sheet would not
 * fit on a sheet. `extra`: names the write adds before these (a new results sheet).
 */
export function planRunSheets(survey: SheetsSurvey, scored: string, run: RunSheets, lang: Lang, extra: readonly string[] = []): RunSheetsPlan {
  const own = ownParamsSheet(survey, scored, run.keep);
  if (own?.protected) throw new RfmError('excel.protected', { sheet: own.name });
  const names = [...survey.names, ...extra];
  const params = own ? { name: own.name, existing: true } : { name: paramSheetName(names, lang), existing: false };
  if (!own) names.push(params.name);
  let migration: string | undefined;
  if (run.migration) {
    const rows = placeMigration(run.migration).rows;
    if (rows > SHEET_ROWS) throw new RfmError('panePeriod.migrationTooLarge', { rows });
    migration = migrationSheetName(names, lang);
  }
  return { params, migration };
}

// ---------------------------------------------------------------- the run record

export interface RecordPlace {
  scored: ScoredSheet;
  lang: Lang;
  /** The sheet holding the output block. */
  outputSheet: string;
  /** Sheet position of the scored table's first cell (its indexes are table-relative). */
  origin: { row: number; column: number };
  /** The input sheet, when the record's default input is wanted. */
  inputSheet?: string;
  /** Sheet column of the first output column, when it is not the table's (a new sheet). */
  startColumn?: number;
  /** Formula mode's block columns. */
  outputColumns?: FormulaColumnKey[];
  formulas?: boolean;
}

/** The run record of a write. */
export function recordOf(run: RunSheets, p: RecordPlace): RunRecord {
  const record = buildRunRecord({
    sheet: p.scored,
    scheme: run.scheme,
    lang: p.lang,
    version: run.version,
    tool: run.tool ?? ADDIN_TOOL,
    now: run.now,
    input: run.input ?? { sheet: p.inputSheet, range: tableRange(p.scored, p.origin) },
    outputSheet: p.outputSheet,
    outputColumns: p.outputColumns,
    origin: p.origin,
    segments: run.segments,
    followUp: run.followUp,
    formulas: p.formulas,
    frozen: run.frozen,
    previous: run.previous,
  });
  if (p.startColumn !== undefined) record.output.startColumn = p.startColumn;
  return record;
}

// ---------------------------------------------------------------- the parameters sheet

/** The sheet's cells as one rectangle for `Range.formulas`: formulas, numbers, text kept as text. */
export function paramsGrid(content: ParametersSheet): (string | number)[][] {
  const rows = content.cells.reduce((m, p) => Math.max(m, p.row + 1), 0);
  const columns = content.cells.reduce((m, p) => Math.max(m, p.column + 1), 0);
  const grid = Array.from({ length: rows }, () => new Array<string | number>(columns).fill(''));
  for (const p of content.cells) {
    grid[p.row][p.column] =
      p.formula !== undefined ? `=${p.formula}` : typeof p.value === 'number' ? p.value : textCell(p.value ?? '');
  }
  return grid;
}

/** Cells of one column, role and format in consecutive rows: one range to format. */
function styleRuns(cells: readonly ParametersCell[]): Array<{ row: number; column: number; rows: number; cell: ParametersCell }> {
  const sorted = [...cells].sort((a, b) => a.column - b.column || a.row - b.row);
  const runs: Array<{ row: number; column: number; rows: number; cell: ParametersCell }> = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.column === c.column && last.row + last.rows === c.row && last.cell.role === c.role && last.cell.numFmt === c.numFmt) last.rows++;
    else runs.push({ row: c.row, column: c.column, rows: 1, cell: c });
  }
  return runs.filter((r) => r.cell.role !== 'label' || r.cell.numFmt);
}

function style(range: Excel.Range, p: ParametersCell): void {
  switch (p.role) {
    case 'title':
      range.format.font.bold = true;
      range.format.font.size = 14;
      break;
    case 'note':
      range.format.font.italic = true;
      range.format.font.color = NOTE_COLOR;
      break;
    case 'heading':
      range.format.font.bold = true;
      break;
    case 'input':
      range.format.fill.color = INPUT_FILL;
      break;
    case 'computed':
      range.format.fill.color = COMPUTED_FILL;
      break;
    case 'key':
      range.format.font.color = KEY_COLOR;
      range.format.font.size = 9;
      break;
    case 'label':
      break;
  }
}

/**
 * Writes the parameters sheet: clears this product's earlier one (`existing`) or adds it, then the
 * cells in pieces, then the formats. Sends what it queued (the caller's queue too) before returning.
 */
export async function writeParamsSheet(
  context: Excel.RequestContext,
  excel: ExcelApi,
  target: { name: string; existing: boolean },
  content: ParametersSheet,
): Promise<{ syncs: number }> {
  const batch = new Batch(context);
  const ps = target.existing ? context.workbook.worksheets.getItem(target.name) : context.workbook.worksheets.add(target.name);
  if (target.existing) ps.getRange().clear(excel.ClearApplyTo.all);
  await writeGrid(batch, ps, 0, 0, paramsGrid(content), 'formulas');
  for (const run of styleRuns(content.cells)) {
    await batch.reserve(300);
    const range = ps.getRangeByIndexes(run.row, run.column, run.rows, 1);
    style(range, run.cell);
    if (run.cell.numFmt) (range as unknown as { numberFormat: string }).numberFormat = run.cell.numFmt;
  }
  ps.getRangeByIndexes(0, 0, 1, 1).getEntireColumn().format.columnWidth = 190;
  ps.getRangeByIndexes(0, 1, 1, Math.max(content.columns, 6) - 1).getEntireColumn().format.columnWidth = 90;
  await batch.flush();
  return { syncs: batch.syncs };
}

// ---------------------------------------------------------------- the migration sheet

export interface PlacedMigration {
  lines: Array<{ row: number; text: string; role: 'title' | 'label' | 'warning' }>;
  blocks: Array<{ block: ReportBlock; title: number; row: number }>;
  /** Rows the sheet uses. */
  rows: number;
}

/**
 * The command line's layout (src/cli/periods.ts): the lines, an empty row, then each block as a title
 * row and a table (header and rows) with two empty rows after it, or its "(none)" line and one empty row.
 */
export function placeMigration(content: MigrationSheet): PlacedMigration {
  const lines = content.lines.map((line, i) => ({ row: i, text: line.text, role: line.role }));
  let row = lines.length + 1;
  const blocks: PlacedMigration['blocks'] = [];
  for (const block of content.blocks) {
    blocks.push({ block, title: row, row: row + 1 });
    row += block.rows.length ? block.rows.length + 4 : 3;
  }
  return { lines, blocks, rows: row };
}

function reportCell(v: ReportCell): string | number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'string') return textCell(v);
  return '';
}

/** Excel table headers must differ (a grade labelled like "Total" or "gone" would clash): suffix repeats. */
function distinct(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h) => {
    let name = h;
    for (let i = 2; seen.has(name.toLowerCase()); i++) name = `${h} (${i})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/**
 * Adds the migration sheet `name`: the lines, then every block as an Excel table (names unique in the
 * workbook: `RFM_Fell`, `RFM_Fell_2` …) with its number formats and, for the matrices, a colour scale.
 * `tableNames`: the workbook's table names (lower case), updated with the new ones.
 */
export async function writeMigrationSheet(
  context: Excel.RequestContext,
  excel: ExcelApi,
  name: string,
  content: MigrationSheet,
  tableNames: Set<string>,
): Promise<{ syncs: number }> {
  const placed = placeMigration(content);
  const batch = new Batch(context);
  const ws = context.workbook.worksheets.add(name);
  for (const line of placed.lines) {
    await batch.reserve(jsonBytes(line.text) + 200);
    const cell = ws.getCell(line.row, 0);
    cell.values = [[textCell(line.text)]];
    if (line.role === 'title') {
      cell.format.font.bold = true;
      cell.format.font.size = 14;
    }
    if (line.role === 'warning') cell.format.font.color = WARNING_COLOR;
  }
  for (const { block, title, row } of placed.blocks) {
    await batch.reserve(jsonBytes(block.title) + 200);
    const cell = ws.getCell(title, 0);
    cell.values = [[textCell(block.title)]];
    cell.format.font.bold = true;
    cell.format.font.size = 12;
    if (!block.rows.length) {
      await batch.reserve(200);
      ws.getCell(row, 0).values = [[textCell(block.empty ?? '')]];
      continue;
    }
    const width = block.headers.length;
    const grid = [distinct(block.headers).map(textCell), ...block.rows.map((r) => Array.from({ length: width }, (_, c) => reportCell(r[c] ?? null)))];
    await writeGrid(batch, ws, row, 0, grid, 'values');
  }
  // the tables over the cells written, their formats and colour scales
  for (const { block, row } of placed.blocks) {
    if (!block.rows.length) continue;
    await batch.reserve(1000);
    const width = block.headers.length;
    const rows = block.rows.length;
    const table = ws.tables.add(areaAddress(row, 0, rows + 1, width), true);
    let tableName = block.name;
    for (let i = 2; tableNames.has(tableName.toLowerCase()); i++) tableName = `${block.name}_${i}`;
    tableNames.add(tableName.toLowerCase());
    table.name = tableName;
    table.style = TABLE_STYLE;
    for (const [column, format] of Object.entries(block.formats ?? {})) {
      const range = ws.getRangeByIndexes(row + 1, Number(column), rows, 1) as unknown as { numberFormat: string };
      range.numberFormat = format;
    }
    if (block.colourScale && width > 1) {
      const scale = ws.getRangeByIndexes(row + 1, 1, rows, width - 1).conditionalFormats.add(excel.ConditionalFormatType.colorScale);
      scale.colorScale.criteria = {
        minimum: { type: excel.ConditionalFormatColorCriterionType.lowestValue, color: SCALE_LOW },
        maximum: { type: excel.ConditionalFormatColorCriterionType.highestValue, color: SCALE_HIGH },
      };
    }
  }
  ws.getRangeByIndexes(0, 0, 1, 1).getEntireColumn().format.columnWidth = 150;
  ws.getRangeByIndexes(0, 1, 1, 13).getEntireColumn().format.columnWidth = 72;
  await batch.flush();
  return { syncs: batch.syncs };
}
