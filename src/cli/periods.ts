/**
 * `--scale-from PREVIOUS.xlsx` and `--previous PREVIOUS.xlsx` (docs/periods.md): read an
 * earlier result's parameters sheet, score on its frozen scale, compare the two periods' grades by
 * customer ID, and write the migration sheet. The rules are the pure functions of src/core
 * (runRecord, scale, migration, periods); this file only reads and writes xlsx.
 */
import { promises as fs } from 'node:fs';
import type ExcelJS from 'exceljs';
import {
  changeColumn,
  changeText,
  checkSameMapping,
  migrate,
  outputTable,
  periodOfScored,
  type ScoredSheet,
  columnLetter,
  displayTime,
  hasQuintile,
  metricName,
  migrationSheet,
  periodOfPrevious,
  PreviousPeriodReader,
  previousIdColumn,
  RfmError,
  type CellValue,
  type CurrentTable,
  readRunRecord,
  type Migration,
  type MigrationSheet,
  type PeriodTable,
  buildRunRecord,
  tableRange,
  type RecordInput,
  type RunRecord,
  type RunRef,
  type Scheme,
  type ScoreResult,
  type TableCollector,
} from '../core';
import { t, type Lang } from '../i18n';
import { quoted } from '../i18n/format';
import { formatOf } from './files';
import type { CliOptions } from './options';
import { version } from './version';
import { uniqueSheetName } from './summarySheet';
import { withEarlierBook, type EarlierBook } from './xlsx/earlier';
import { reportLines } from './report';
import { checkComposite } from './limits';
import { checkListFiles, planLists, type ListPlan } from './lists';

export type EarlierOption = '--scale-from' | '--previous';

/** An earlier result and the run record on its parameters sheet. */
export interface EarlierRun {
  file: string;
  option: EarlierOption;
  /** The earlier scored sheet's rows (read for --previous only, when its record names no ID column). */
  rows?: CellValue[][];
  /** The earlier period's table, streamed from its sheet (--previous, the record naming the ID column), or the problem found. */
  period?: { table?: PeriodTable; error?: RfmError };
  /** The parameters sheet the record was read from. */
  paramsSheet: string;
  record: RunRecord;
  /** `sheet "Customers" of prev.xlsx`: the earlier scored table. */
  where: string;
}

/**
 * Read `file`'s run record. With several parameters sheets (several scored sheets), the one whose
 * scored sheet is named `scoredHint` is used. Every problem is an RfmError naming the file and sheet.
 */
export async function readEarlierRun(file: string, option: EarlierOption, lang: Lang, scoredHint?: string, withRows = false): Promise<EarlierRun> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new RfmError('period.fileMissing', { option, file });
  }
  if (!stat.isFile() || formatOf(file) !== 'xlsx') throw new RfmError('period.notXlsx', { option, file });
  // The earlier result is streamed like the input (docs/xlsx.md): parameters sheets in full, the
  // scored sheet only for --previous.
  return withEarlierBook(file, async (book) => {
    const sheets = book.params.map((p) => ({ name: p.name, reading: readRunRecord(p.rows, lang) }));
    const good = sheets.flatMap((s) => (s.reading.ok ? [{ name: s.name, record: s.reading.record }] : []));
    if (!good.length) {
      const bad = sheets.find((s) => !s.reading.ok);
      if (bad && !bad.reading.ok && bad.reading.reason === 'bad') {
        throw new RfmError('period.badParams', { option, file, sheet: bad.name, cell: bad.reading.cell, detail: bad.reading.detail });
      }
      throw new RfmError('period.noParams', { option, file, sheets: book.sheets.map((name) => quoted(name)) });
    }
    let chosen = good[0];
    if (good.length > 1) {
      const match = good.filter((g) => g.record.output.sheet === scoredHint);
      if (match.length !== 1) {
        throw new RfmError('period.manyParams', { option, file, sheets: good.map((g) => quoted(g.record.output.sheet)) });
      }
      chosen = match[0];
    }
    const where = t(lang, 'cli.report.sheet', { sheet: chosen.record.output.sheet, file });
    let rows: CellValue[][] | undefined;
    let period: EarlierRun['period'];
    if (withRows && chosen.record.layout.columns.id !== undefined) period = await streamPreviousPeriod(book, chosen.record, where, file);
    else if (withRows) {
      rows = await book.rows(chosen.record.output.sheet);
      if (!rows) throw new RfmError('period.prevSheetMissing', { file, sheet: chosen.record.output.sheet });
    }
    return {
      file,
      option,
      rows,
      period,
      paramsSheet: chosen.name,
      record: chosen.record,
      where,
    };
  });
}

/**
 * The earlier period's table read straight from its sheet, row by row, when its run record names the
 * ID column: a million-row earlier sheet is never held (docs/xlsx.md "Speed and memory"). A problem
 * with the sheet is kept and thrown where `previousPeriod` would have found it, after the current
 * table's checks, so the messages come in the same order as when the rows were held.
 */
async function streamPreviousPeriod(book: EarlierBook, record: RunRecord, where: string, file: string): Promise<NonNullable<EarlierRun['period']>> {
  let reader: PreviousPeriodReader | undefined;
  let error: RfmError | undefined;
  const keep = (err: unknown) => {
    if (!(err instanceof RfmError)) throw err;
    error = err;
  };
  try {
    reader = new PreviousPeriodReader(record, record.layout.columns.id!, where);
  } catch (err) {
    keep(err);
  }
  const found = await book.read(record.output.sheet, (i, cells) => {
    if (!reader || error) return false;
    try {
      reader.add(i, cells);
    } catch (err) {
      keep(err);
      return false;
    }
  });
  if (!found) throw new RfmError('period.prevSheetMissing', { file, sheet: record.output.sheet });
  if (error || !reader) return { error };
  try {
    return { table: reader.finish() };
  } catch (err) {
    keep(err);
    return { error };
  }
}

export function runRef(run: EarlierRun): RunRef {
  return { file: run.file, sheet: run.record.output.sheet, time: run.record.time };
}

/**
 * The run record of a scoring run of the command line (its parameters sheet, docs/periods.md), the
 * same on the workbook path (main.ts) and the streaming xlsx path (xlsx/score.ts): they differ only
 * in the sheets and, in formula mode, the output columns.
 */
export function cliRunRecord(
  o: CliOptions,
  sheet: ScoredSheet,
  scheme: Scheme,
  lang: Lang,
  periods: Periods | undefined,
  where: { inputSheet?: string; outputSheet: string; outputColumns?: RecordInput['outputColumns'] },
): RunRecord {
  return buildRunRecord({
    sheet,
    scheme,
    lang,
    version: version(),
    tool: 'rfm-score',
    input: { file: o.input, sheet: where.inputSheet, range: tableRange(sheet) },
    outputSheet: where.outputSheet,
    outputColumns: where.outputColumns,
    segments: o.insight.segments,
    followUp: o.insight.followUp,
    formulas: o.formulas,
    frozen: periods?.scaleRun ? { scale: periods.scaleRun.record.scale, from: runRef(periods.scaleRun) } : undefined,
    previous: periods?.previousRun ? runRef(periods.previousRun) : undefined,
  });
}

/** Both runs score the same columns (R, F, M, and the ID when both have one). */
export function checkMapping(run: EarlierRun, current: CurrentTable, lang: Lang): void {
  checkSameMapping(run.record, run.where, current, lang);
}

/** The earlier period's table: its scored sheet read back through the record. */
export function previousPeriod(run: EarlierRun, current: CurrentTable, lang: Lang): PeriodTable {
  if (run.period) {
    if (run.period.error || !run.period.table) throw run.period.error;
    return run.period.table;
  }
  const { record, rows } = run;
  if (!rows) throw new RfmError('period.prevSheetMissing', { file: run.file, sheet: record.output.sheet });
  const headerCells = record.output.headerRow >= 0 ? (rows[record.output.headerRow] ?? []) : [];
  const idColumn = previousIdColumn(record, run.where, headerCells, current);
  return periodOfPrevious(rows, record, idColumn, run.where, lang);
}

/** --scale-from and --previous (docs/periods.md): the earlier runs, the scheme to use, and the migration once scored. */
export interface Periods {
  scheme: Scheme;
  scaleRun?: EarlierRun;
  previousRun?: EarlierRun;
  migration?: { result: Migration; sheet: MigrationSheet };
}

/** Read the earlier runs before anything is scored (problems stop here: exit 2, nothing written). */
export async function readPeriods(o: CliOptions, lang: Lang, scoredSheet: string): Promise<Periods> {
  const scaleRun = o.scaleFrom !== undefined ? await readEarlierRun(o.scaleFrom, '--scale-from', lang, scoredSheet) : undefined;
  const previousRun = o.previous === undefined ? undefined : await readEarlierRun(o.previous, '--previous', lang, scoredSheet, true);
  const scheme = scaleRun ? scaleRun.record.scheme : o.scheme;
  const labels = o.insight.followUp;
  if (Array.isArray(labels) && labels.length !== scheme.grades.length) {
    throw new RfmError('cli.badFollowUpLabels', { count: labels.length, grades: scheme.grades.length });
  }
  return { scheme, scaleRun, previousRun };
}

/**
 * Same columns as the earlier runs (`checkColumns`; a --transactions table is the product's own);
 * with --previous, the migration, and the Change column added to the sheet's output.
 */
export function comparePeriods(o: CliOptions, periods: Periods, sheet: ScoredSheet, where: string, lang: Lang, checkColumns: boolean): void {
  const current: CurrentTable = { where, layout: sheet.layout, headerRow: sheet.headerRow, headerCells: sheet.headerCells };
  if (periods.scaleRun && checkColumns) checkMapping(periods.scaleRun, current, lang);
  const run = periods.previousRun;
  if (!run) return;
  if (checkColumns) checkMapping(run, current, lang);
  if (sheet.layout.id === undefined) throw new RfmError('period.noId');
  const previous = previousPeriod(run, current, lang);
  // The earlier sheet's rows are read once: freed before the migration, whose peak they would add to.
  run.rows = undefined;
  const result = migrate(previous, periodOfScored(sheet, periods.scheme, where), lang);
  sheet.output = outputTable(sheet.result, periods.scheme, lang, {
    segments: sheet.segments,
    followUp: o.insight.followUp,
    change: changeColumn(result, lang),
  });
  const context = migrationContext(run, where, !!periods.scaleRun, periods.scheme, lang);
  periods.migration = { result, sheet: migrationSheet(result, context, lang) };
}

// ---------- the migration sheet ----------

const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 14 };
const WARNING_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };

function uniqueTableName(wb: ExcelJS.Workbook, base: string): string {
  const taken = new Set<string>();
  for (const ws of wb.worksheets) {
    for (const name of Object.keys((ws as unknown as { tables?: object }).tables ?? {})) taken.add(name.toLowerCase());
  }
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}_${i}`;
  return name;
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

/** Add the migration sheet under a free name ("Migration", "Migration (2)" …); returns the name. */
export function addMigrationSheet(wb: ExcelJS.Workbook, content: MigrationSheet, lang: Lang): string {
  const name = uniqueSheetName(wb, t(lang, 'period.sheetName'));
  const ws = wb.addWorksheet(name);
  let row = 1;
  for (const line of content.lines) {
    const cell = ws.getCell(row++, 1);
    cell.value = line.text;
    if (line.role === 'title') cell.font = TITLE_FONT;
    if (line.role === 'warning') cell.font = WARNING_FONT;
  }
  row++;
  for (const block of content.blocks) {
    const title = ws.getCell(row++, 1);
    title.value = block.title;
    title.font = { bold: true, size: 12 };
    if (!block.rows.length) {
      ws.getCell(row++, 1).value = block.empty ?? '';
      row++;
      continue;
    }
    ws.addTable({
      name: uniqueTableName(wb, block.name),
      ref: `A${row}`,
      headerRow: true,
      style: { theme: 'TableStyleMedium2', showRowStripes: true },
      columns: distinct(block.headers).map((h) => ({ name: h })),
      rows: block.rows,
    });
    const first = row + 1;
    const last = row + block.rows.length;
    for (const [col, fmt] of Object.entries(block.formats ?? {})) {
      for (let r = first; r <= last; r++) ws.getCell(r, Number(col) + 1).numFmt = fmt;
    }
    if (block.colourScale && block.headers.length > 1) {
      ws.addConditionalFormatting({
        ref: `B${first}:${columnLetter(block.headers.length - 1)}${last}`,
        rules: [
          {
            type: 'colorScale',
            priority: 1,
            cfvo: [{ type: 'min' }, { type: 'max' }],
            color: [{ argb: 'FFFFFFFF' }, { argb: 'FFF8696B' }],
          },
        ],
      });
    }
    row = last + 3;
  }
  ws.getColumn(1).width = 28;
  for (let c = 2; c <= 14; c++) ws.getColumn(c).width = 13;
  return name;
}

export function migrationContext(previous: EarlierRun, currentWhere: string, frozen: boolean, scheme: Scheme, lang: Lang) {
  return {
    previous: t(lang, 'period.refAt', { where: previous.where, time: displayTime(previous.record.time, lang) }),
    current: currentWhere,
    frozen,
    ranked: hasQuintile(scheme),
  };
}

// ---------- what the command prints ----------

/** How many early-warning customers are listed on the console. */
const WARNINGS_LISTED = 5;

export function scaleReportLines(run: EarlierRun, result: ScoreResult, lang: Lang): string[] {
  const lines = [t(lang, 'period.report.scale', { from: t(lang, 'period.refAt', { where: run.where, time: displayTime(run.record.time, lang) }) })];
  for (const m of ['r', 'f', 'm'] as const) {
    const scale = run.record.scale[m];
    const out = result.frozen?.outside[m];
    if (scale.kind !== 'quintile' || !out || (!out.better && !out.worse)) continue;
    lines.push(
      t(lang, 'period.report.outside', {
        metric: metricName(m),
        better: out.better,
        best: scale.bands[0].score,
        worse: out.worse,
        worst: scale.bands[scale.bands.length - 1].score,
      }),
    );
  }
  return lines;
}

export function migrationReportLines(mig: Migration, previous: EarlierRun, frozen: boolean, scheme: Scheme, lang: Lang, sheetName: string): string[] {
  const lines: string[] = [];
  lines.push(
    t(lang, 'period.report.compared', {
      where: previous.where,
      both: mig.moves.filter((m) => m.kind !== 'new' && m.kind !== 'gone').length,
      new: mig.appeared.length,
      gone: mig.disappeared.length,
    }),
  );
  lines.push(t(lang, 'period.report.moves', { same: mig.same, rose: mig.rose.length, fell: mig.fell.length }));
  const top = mig.earlyWarning.filter((w) => w.priority === 1);
  if (top.length) {
    lines.push(t(lang, 'period.report.warning', { count: top.length, grades: mig.grades.slice(0, mig.topGrades).join('/') }));
    for (const w of top.slice(0, WARNINGS_LISTED)) {
      lines.push(
        t(lang, 'period.report.warningItem', {
          id: String((w.current ?? w.previous)!.display),
          change: changeText(w, mig.grades, lang) ?? '',
          m: String(w.previous?.values.m ?? ''),
        }),
      );
    }
    if (top.length > WARNINGS_LISTED) lines.push(`  ${t(lang, 'cli.report.more', { count: top.length - WARNINGS_LISTED })}`);
  }
  const missing = [...mig.missingIds.previous.map((c) => t(lang, 'period.prevCellShort', { cell: c })), ...mig.missingIds.current];
  if (missing.length) {
    lines.push(t(lang, 'period.report.missingIds', { count: missing.length, cells: missing.slice(0, 5) }));
  }
  if (!frozen && hasQuintile(scheme)) lines.push(t(lang, 'period.report.ownScale', { file: previous.file }));
  lines.push(t(lang, 'period.report.sheet', { sheet: sheetName }));
  return lines;
}

/**
 * The collected table scored and checked before anything is written, the same on every scoring route
 * (CSV, xlsx to xlsx, xlsx to CSV): compared with the earlier runs, a composite past a double refused
 * (docs/limits.md), the lists planned and their files checked (docs/lists.md) — an unknown list name
 * stops the run here.
 */
export async function scoreCollected(
  o: CliOptions,
  collector: TableCollector,
  periods: Periods,
  where: string,
): Promise<{ sheet: ScoredSheet; lists: ListPlan[] }> {
  const sheet = collector.finish(periods.scheme, o.lang, o.insight, { scale: periods.scaleRun?.record.scale });
  comparePeriods(o, periods, sheet, where, o.lang, true);
  checkComposite(sheet, o.out);
  const lists = planLists(o, sheet, periods.scheme, o.lang);
  await checkListFiles(o, lists);
  return { sheet, lists };
}

/**
 * Everything a scoring run prints once its output is written, the same on the CSV/workbook path
 * (main.ts) and the streaming xlsx path (xlsx/score.ts): the report, the frozen scale, a re-run,
 * the summary and migration sheets, the parameters sheet, the output file.
 */
export function runReportLines(r: {
  sheet: ScoredSheet;
  scheme: Scheme;
  lang: Lang;
  where: string;
  periods: Periods;
  out: string;
  note?: string;
  summaryName?: string;
  migrationName?: string;
  /** The line naming the parameters sheet, if one was written. */
  paramsLine?: string;
}): string[] {
  const { sheet, scheme, lang, periods } = r;
  const lines = reportLines(sheet, scheme, lang, r.where);
  if (periods.scaleRun) lines.push(...scaleReportLines(periods.scaleRun, sheet.result, lang));
  if (sheet.replacedColumns) lines.push(t(lang, 'cli.report.rerun', { count: sheet.replacedColumns }));
  if (r.note) lines.push(r.note);
  if (r.summaryName) lines.push(t(lang, 'cli.report.summary', { sheet: r.summaryName }));
  if (periods.migration && periods.previousRun && r.migrationName) {
    lines.push(...migrationReportLines(periods.migration.result, periods.previousRun, !!periods.scaleRun, scheme, lang, r.migrationName));
  }
  if (r.paramsLine) lines.push(r.paramsLine);
  lines.push(t(lang, 'cli.report.wrote', { file: r.out }));
  return lines;
}
