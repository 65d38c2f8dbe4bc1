/**
 * Period over period in the pane (docs/periods.md): reading earlier runs from this workbook — the product's own parameters sheets
 * ("RFM parameters" / "RFM参数", A1 the title, B3 the scored sheet, the machine block at the bottom) —
 * to score on an earlier run's frozen scale, and reading the previous period's scored sheet through its
 * run record to compare grades customer by customer. The rules are the pure functions of src/core
 * (runRecord, scale, migration, periods); this file reads the workbook in chunks (one sync each,
 * responses planned within PAYLOAD_BUDGET) and words the problems for the pane (the command line's
 * messages name its options). Nothing here writes: the sheets are written by writeOutput
 * (src/excel/write.ts, src/excel/runSheets.ts) after every check passed.
 */
import {
  RfmError,
  changeColumn,
  checkSameMapping,
  displayTime,
  hasQuintile,
  migrate,
  migrationSheet,
  outputTable,
  periodOfPrevious,
  periodOfScored,
  previousIdColumn,
  readRunRecord,
  type CellValue,
  type CurrentTable,
  type InsightOptions,
  type Migration,
  type MigrationSheet,
  type PeriodTable,
  type RunRecord,
  type RunRef,
  type Scheme,
  type ScoredSheet,
} from '../core';
import { t, type Lang, type MessageKey } from '../i18n';
import { readRows } from './read';
import { ADDIN_TOOL, isParamsHead, surveySheets } from './runSheets';
import type { ExcelApi, TableRef } from './types';

/** An earlier run as the pane lists it: one per parameters sheet of this workbook. */
export interface EarlierRunInfo {
  /** The parameters sheet. */
  paramsSheet: string;
  /** The scored sheet it records (B3; the record's output sheet when it can be read). */
  scoredSheet: string;
  /** When that run happened (ISO 8601), when the record can be read. */
  time?: string;
  /** The record cannot be read: where and why. */
  problem?: { cell: string; detail: string };
  /** The scored sheet is a sheet of this workbook. */
  scoredExists: boolean;
}

/** An earlier run read from its parameters sheet. */
export interface EarlierRun {
  paramsSheet: string;
  record: RunRecord;
  /** `sheet "Customers"`: the scored table, for messages and the migration sheet. */
  where: string;
  /** What this run's record says about it (`rfm.scaleFrom`, `rfm.previous`). */
  ref: RunRef;
}

/** The pane's wording of the command line's period problems (same variables, no option names). */
const PANE_KEYS: Partial<Record<string, MessageKey>> = {
  'period.noId': 'panePeriod.noId',
  'period.noIdColumn': 'panePeriod.noIdColumn',
  'period.mappingDiffers': 'panePeriod.mappingDiffers',
  'period.gradesDiffer': 'panePeriod.gradesDiffer',
  'period.prevChanged': 'panePeriod.prevChanged',
};

export function paneError(e: unknown): unknown {
  if (e instanceof RfmError) {
    const key = PANE_KEYS[e.key];
    if (key) return new RfmError(key, e.vars);
  }
  return e;
}

export function whereOf(sheet: string, lang: Lang): string {
  return t(lang, 'panePeriod.where', { sheet });
}

/** A sheet's cells from A1 to the end of its used range, read in chunks. */
async function sheetValues(context: Excel.RequestContext, ws: Excel.Worksheet): Promise<CellValue[][]> {
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('rowIndex, columnIndex, rowCount, columnCount');
  await context.sync();
  if (used.isNullObject) return [];
  const rows = used.rowIndex + used.rowCount;
  const columns = used.columnIndex + used.columnCount;
  const out: CellValue[][] = new Array<CellValue[]>(rows);
  await readRows(context, ws, { row: 0, column: 0, columnCount: columns }, 0, rows, (start, values) => {
    for (let i = 0; i < values.length; i++) out[start + i] = values[i] as CellValue[];
  });
  return out;
}

/**
 * Every parameters sheet of the workbook, with the run it records (or why it cannot be read): what the
 * pane offers under "use the scale of…" and "compare with…".
 */
export async function listEarlierRuns(excel: ExcelApi, lang: Lang): Promise<EarlierRunInfo[]> {
  return excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    const names = sheets.items.map((s) => s.name);
    const survey = await surveySheets(context, names);
    const runs: EarlierRunInfo[] = [];
    for (const p of survey.params) {
      // a few small sheets, one read each
      const rows = await sheetValues(context, context.workbook.worksheets.getItem(p.name));
      const reading = readRunRecord(rows, lang);
      const scoredSheet = reading.ok ? reading.record.output.sheet : p.scored;
      const info: EarlierRunInfo = { paramsSheet: p.name, scoredSheet, scoredExists: names.includes(scoredSheet) };
      if (reading.ok) info.time = reading.record.time;
      else info.problem = reading.reason === 'bad' ? { cell: reading.cell, detail: reading.detail } : { cell: 'A1', detail: t(lang, 'period.recordKeyMissing', { key: 'rfm.format' }) };
      runs.push(info);
    }
    return runs;
  });
}

/** The run recorded on the parameters sheet `paramsSheet`; RfmError naming the sheet and cell otherwise. */
export async function readEarlierRun(excel: ExcelApi, paramsSheet: string, lang: Lang): Promise<EarlierRun> {
  return excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(paramsSheet);
    await context.sync();
    const notParams = () => new RfmError('panePeriod.noParams', { sheet: paramsSheet, title: t(lang, 'formula.title') });
    if (ws.isNullObject) throw notParams();
    const rows = await sheetValues(context, ws);
    if (!isParamsHead(rows)) throw notParams();
    const reading = readRunRecord(rows, lang);
    if (!reading.ok) {
      if (reading.reason === 'missing') throw new RfmError('panePeriod.noRecord', { sheet: paramsSheet });
      throw new RfmError('panePeriod.badParams', { sheet: paramsSheet, cell: reading.cell, detail: reading.detail });
    }
    const { record } = reading;
    return { paramsSheet, record, where: whereOf(record.output.sheet, lang), ref: { sheet: record.output.sheet, time: record.time } };
  });
}

/**
 * The sheet holding the customers' R, F and M of a recorded run: its output sheet, except for the
 * pane's value mode written to a new sheet (only the ID is copied there; R, F and M stay on the input
 * sheet, which the record's columns describe).
 */
export function valuesSheetOf(record: RunRecord): string {
  const input = record.input.sheet;
  return record.tool === ADDIN_TOOL && !record.options.formulas && input && input !== record.output.sheet ? input : record.output.sheet;
}

/**
 * The previous period's table: its scored sheet read back through the record (IDs, R, F, M, the
 * scores and grades the user saw). `current` is this period's table; `currentSheet` its sheet, which
 * the previous period must not be.
 */
export async function readPreviousPeriod(excel: ExcelApi, run: EarlierRun, current: CurrentTable, currentSheet: string, lang: Lang): Promise<PeriodTable> {
  const { record } = run;
  const outSheet = record.output.sheet;
  if (outSheet === currentSheet) throw new RfmError('panePeriod.prevSameSheet', { sheet: currentSheet });
  const valuesSheet = valuesSheetOf(record);
  const { rows, reading } = await excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(outSheet);
    const vs = valuesSheet !== outSheet ? context.workbook.worksheets.getItemOrNullObject(valuesSheet) : undefined;
    await context.sync();
    if (ws.isNullObject) throw new RfmError('panePeriod.prevSheetMissing', { params: run.paramsSheet, sheet: outSheet });
    if (vs?.isNullObject) throw new RfmError('panePeriod.prevSheetMissing', { params: run.paramsSheet, sheet: valuesSheet });
    const out = await sheetValues(context, ws);
    return { rows: out, reading: vs ? await sheetValues(context, vs) : undefined };
  });
  let rec = record;
  let cells = rows;
  if (reading) {
    // R, F, M (and the ID) from the input sheet, appended right of the output sheet's cells (same rows)
    const width = rows.reduce((m, r) => Math.max(m, r?.length ?? 0), 0);
    const roles = (['r', 'f', 'm', 'id'] as const).filter((r) => record.layout.columns[r] !== undefined);
    const count = Math.max(rows.length, reading.length);
    cells = Array.from({ length: count }, (_, i) => {
      const row: CellValue[] = new Array<CellValue>(width).fill(null);
      (rows[i] ?? []).forEach((v, c) => (row[c] = v));
      for (const role of roles) row.push(reading[i]?.[record.layout.columns[role]!] ?? null);
      return row;
    });
    const columns = Object.fromEntries(roles.map((role, k) => [role, width + k])) as RunRecord['layout']['columns'];
    rec = { ...record, layout: { ...record.layout, columns } };
  }
  try {
    const headerCells = rec.output.headerRow >= 0 ? (cells[rec.output.headerRow] ?? []) : [];
    const idColumn = previousIdColumn(rec, run.where, headerCells, current);
    return periodOfPrevious(cells, rec, idColumn, run.where, lang);
  } catch (e) {
    throw paneError(e);
  }
}

/** The parameters sheets chosen in the pane ('' or absent: not used). */
export interface PeriodsChoice {
  /** Score on the scale recorded on this parameters sheet. */
  scaleFrom?: string;
  /** Compare with the scored sheet of the run recorded on this parameters sheet. */
  previous?: string;
}

export interface Periods {
  scaleRun?: EarlierRun;
  previousRun?: EarlierRun;
}

/** Reads the earlier runs chosen (before anything is scored or written). */
export async function readPeriods(excel: ExcelApi, choice: PeriodsChoice, lang: Lang): Promise<Periods> {
  const scaleRun = choice.scaleFrom ? await readEarlierRun(excel, choice.scaleFrom, lang) : undefined;
  const previousRun = choice.previous
    ? choice.previous === choice.scaleFrom
      ? scaleRun
      : await readEarlierRun(excel, choice.previous, lang)
    : undefined;
  return { scaleRun, previousRun };
}

export interface Compared {
  /** The scored table, with the Change column in its output when compared. */
  scored: ScoredSheet;
  migration?: { result: Migration; sheet: MigrationSheet };
}

/** The migration sheet's lines in the pane's words (the command line's name its option). */
function paneLines(content: MigrationSheet, lang: Lang): MigrationSheet {
  const replace: Array<[MessageKey, MessageKey]> = [
    ['period.scaleSame', 'panePeriod.scaleSame'],
    ['period.scaleDiffers', 'panePeriod.scaleDiffers'],
  ];
  const lines = content.lines.map((line) => {
    const hit = replace.find(([from]) => t(lang, from) === line.text);
    return hit ? { ...line, text: t(lang, hit[1]) } : line;
  });
  return { ...content, lines };
}

/**
 * The checks and the comparison after scoring: this table uses the same columns as the earlier runs
 * (R, F, M, and the ID when both have one); with a previous period, the migration by customer ID and
 * the Change column added to the output. Throws RfmError (the pane's wording) naming sheets and cells:
 * duplicated IDs in either period, no ID column, a changed previous sheet, different grades.
 */
export async function comparePeriodsInExcel(
  excel: ExcelApi,
  periods: Periods,
  table: TableRef,
  scored: ScoredSheet,
  scheme: Scheme,
  lang: Lang,
  insight?: InsightOptions,
): Promise<Compared> {
  const origin = { row: table.row, column: table.column };
  const where = whereOf(table.sheet, lang);
  const current: CurrentTable = {
    where,
    layout: scored.layout,
    headerRow: scored.headerRow >= 0 ? table.row + scored.headerRow : -1,
    headerCells: scored.headerCells,
    origin,
  };
  try {
    const { scaleRun, previousRun } = periods;
    if (previousRun && scored.layout.id === undefined) throw new RfmError('panePeriod.noId');
    if (scaleRun) checkSameMapping(scaleRun.record, scaleRun.where, current, lang);
    if (!previousRun) return { scored };
    checkSameMapping(previousRun.record, previousRun.where, current, lang);
    const previous = await readPreviousPeriod(excel, previousRun, current, table.sheet, lang);
    const result = migrate(previous, periodOfScored(scored, scheme, where, origin), lang);
    const output = outputTable(scored.result, scheme, lang, {
      segments: scored.segments,
      followUp: insight?.followUp,
      change: changeColumn(result, lang),
    });
    const context = {
      previous: t(lang, 'period.refAt', { where: previousRun.where, time: displayTime(previousRun.record.time, lang) }),
      current: where,
      frozen: scaleRun !== undefined,
      ranked: hasQuintile(scheme),
    };
    return { scored: { ...scored, output }, migration: { result, sheet: paneLines(migrationSheet(result, context, lang), lang) } };
  } catch (e) {
    throw paneError(e);
  }
}
