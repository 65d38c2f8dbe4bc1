/**
 * Formula mode in the pane (docs/formulas.md): the output columns as live Excel formulas —
 * R Score … Grade [Segment] [Follow-up], Check (always), then the three helper columns — and the
 * scheme on a parameter sheet ("RFM parameters" / "RFM参数") that the formulas read. The formula text
 * comes from the pure writer (src/core/formulas.ts, dialect 'excel': names as typed in Excel, no
 * `_xlfn.` prefix) and is set through `Range.formulas` in chunks planned within PAYLOAD_BUDGET.
 *
 * Same safety as value mode (src/excel/write.ts): the place is planned by the same `planWrite` (an
 * earlier block of this product, value or formula mode, is replaced; the user's cells need a yes;
 * protected sheets and merged cells are refused before anything is written); nothing is written when
 * a check fails. Text stays text: headers, labels and copied IDs are written with Excel's apostrophe,
 * so only the cells meant to be formulas are formulas.
 *
 * A re-run on the same sheet reuses this product's own parameter sheet for it (cleared and rewritten,
 * so other formulas that point at it keep working). With `options.run` (docs/periods.md) the same sheet also
 * holds the record of the run below the live block (src/excel/runSheets.ts), as the command line does.
 * "Write to a new sheet" makes the new sheet self-contained: the ID and a copy of the R, F, M columns
 * (values), the formulas reading those.
 */
import {
  RfmError,
  columnLetter,
  followUpLabels,
  formulaSheet,
  isDefaultSegmentMap,
  parametersSheet,
  type CellValue,
  type FormulaLayout,
  type FormulaSheet,
  type InsightOptions,
  type OutputColumn,
  type ParametersSheet,
  type Scheme,
  type ScoredSheet,
} from '../core';
import { t, type Lang } from '../i18n';
import { hasExcelApi, mergedAddress, mergedAreasOf, mergedWriteError, suspendScreenUpdating } from './capabilities';
import { onSheet } from './read';
import { ownParamsSheet, paramSheetName, planRunSheets, recordOf, surveySheets, writeParamsSheet } from './runSheets';
import type { ExcelApi, Progress, TableRef, WriteOptions, WritePlan, WriteResult, WriteTarget } from './types';
import {
  ChunkSizer,
  PAYLOAD_BUDGET,
  areaAddress,
  copyCell,
  syncChunk,
  jsonBytes,
  textCell,
  yieldToUi,
} from './util';
import { checkPlan, gradeFill, newSheetName, planWrite } from './write';

/** How the pane writes its results: fixed values, or live formulas with a parameter sheet. */
export type OutputMode = 'values' | 'formulas';

export interface FormulaWriteResult extends WriteResult {
  /** The parameter sheet the formulas read. */
  paramSheet: string;
}

export interface FormulaWriteOptions extends WriteOptions {
  /** Segment / follow-up options; default: what the scored sheet holds (its Segment and Follow-up columns). */
  insight?: InsightOptions;
}

/** The scored sheet's own segment / follow-up options (follow-up labels as written, per grade). */
export function insightOf(scored: ScoredSheet, scheme: Scheme, lang: Lang): InsightOptions {
  const insight: InsightOptions = {};
  if (scored.segments) {
    insight.segments = { reference: scored.segments.reference, basis: scored.segments.basis };
    // Keep a segment map other than the eight segments (docs/segments.md).
    if (!isDefaultSegmentMap(scored.segments.map)) insight.segments.map = scored.segments.map;
  }
  const col = scored.output.columns.indexOf('followUp');
  if (col >= 0) {
    const labels = followUpLabels(scheme, lang);
    const seen = new Set<number>();
    scored.result.grade.forEach((g, row) => {
      if (g < 0 || seen.has(g)) return;
      seen.add(g);
      const v = scored.output.cell(row, col);
      if (typeof v === 'string') labels[g] = v;
    });
    insight.followUp = labels;
  }
  return insight;
}

/** Output columns of formula mode: outputs, Check (always), three helpers. */
export function formulaColumnCount(scored: ScoredSheet, insight?: InsightOptions): number {
  const segments = insight ? Boolean(insight.segments) : scored.segments !== undefined;
  const followUp = insight ? Boolean(insight.followUp) : scored.output.columns.includes('followUp');
  return 5 + (segments ? 1 : 0) + (followUp ? 1 : 0) + 1 + 3;
}

/** The scored sheet as planWrite sees it when the block is formula mode's (only its width differs). */
function widened(scored: ScoredSheet, width: number): ScoredSheet {
  return { ...scored, output: { ...scored.output, columns: new Array<OutputColumn>(width).fill('check') } };
}

/**
 * Where formula mode's block goes and what is in the way: value mode's plan (same re-run detection,
 * conflict, protection and merge checks) for formula mode's wider block.
 */
export function planFormulaWrite(excel: ExcelApi, table: TableRef, scored: ScoredSheet, insight?: InsightOptions): Promise<WritePlan> {
  return planWrite(excel, table, widened(scored, formulaColumnCount(scored, insight)));
}

/** Excel's error values, typed as themselves when copied (the engine and the Check formula call them errors). */
const ERROR_VALUE = /^#(?:N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/;

function copyDataCell(v: unknown): string | number | boolean {
  return typeof v === 'string' && ERROR_VALUE.test(v) ? v : copyCell(v);
}

/**
 * The parameter cells holding the grade labels (column of the block, first row), found below the
 * "Label" heading of the grades table: the grade fills compare with them, so relabelling a grade on
 * the parameter sheet keeps its colour.
 */
function gradeLabelCells(fx: FormulaSheet, lang: Lang, grades: number): { row: number; column: number } | undefined {
  const heading = fx.params.find((p) => p.role === 'heading' && p.value === t(lang, 'formula.gradeLabel'));
  if (!heading) return undefined;
  const first = heading.row + 1;
  const labels = fx.params.filter((p) => p.column === heading.column && p.row >= first && p.row < first + grades && p.role === 'input');
  return labels.length === grades ? { row: first, column: heading.column } : undefined;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

/**
 * Writes formula mode's block: here (right of the table, over an earlier block) or on a new sheet,
 * and the parameter sheet. Refuses like writeOutput (plan mismatch, protection, merged cells, the
 * user's cells without `overwrite`) before anything is written.
 */
export async function writeFormulas(
  excel: ExcelApi,
  table: TableRef,
  scored: ScoredSheet,
  plan: WritePlan,
  target: WriteTarget,
  scheme: Scheme,
  lang: Lang,
  progress?: Progress,
  options: FormulaWriteOptions = {},
): Promise<FormulaWriteResult> {
  const { run } = options;
  // frozen scales and grade changes are value-mode features: formula mode ranks live
  if (run?.frozen || run?.migration) throw new RfmError('panePeriod.formulas');
  const insight = options.insight ?? insightOf(scored, scheme, lang);
  const width = formulaColumnCount(scored, insight);
  const { dataRows, headerRow, layout } = scored;
  if (dataRows.length === 0) throw new RfmError('excel.planMismatch');
  const firstRel = headerRow >= 0 ? headerRow : dataRows[0];
  const lastRel = dataRows[dataRows.length - 1];
  const rowCount = lastRel - firstRel + 1;
  const here = checkPlan(plan, table, { row: table.row + firstRel, rowCount, columnCount: width }, target, options);
  const own = here ? (plan.ownColumns ?? 0) : 0;
  const span = Math.max(width, own);
  const idColumn = layout.id ?? 0;
  /** Columns copied to a new sheet: the ID, then R, F, M (table-relative). */
  const copied = [idColumn, layout.columns.r, layout.columns.f, layout.columns.m];
  const sheetRows = dataRows.map((rel) => table.row + rel);

  let syncs = 0;
  let restoreMode: string | undefined;
  try {
    return await onSheet(excel, table.sheet, async (context) => {
      const app = context.workbook.application;
      app.load('calculationMode');
      const source = context.workbook.worksheets.getItem(table.sheet);
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');

      // 1. checks (again: the sheet may have changed since the plan), and the sheets there are
      let protection: Excel.WorksheetProtection | undefined;
      let merged: Excel.RangeAreas | undefined;
      if (here) {
        protection = context.workbook.worksheets.getItem(table.sheet).protection;
        protection.load('protected');
        merged = mergedAreasOf(source.getRangeByIndexes(plan.row, plan.column, plan.rowCount, span));
      }
      syncs += 1;
      await context.sync();
      if (protection && protection.protected) throw new RfmError('excel.protected', { sheet: table.sheet });
      const mergedArea = mergedAddress(merged);
      if (mergedArea) throw new RfmError('excel.merged', { area: mergedArea });
      const names = sheets.items.map((s) => s.name);

      // 2. the scored sheet and the parameter sheet: this product's own one for the scored sheet is
      //    reused (a re-run here), else a new one (docs/periods.md: it also holds the run record)
      const sheetName = here ? table.sheet : newSheetName(names, lang);
      let earlier: string | undefined;
      if (here || run) {
        const survey = await surveySheets(context, names);
        syncs += 1;
        if (run) {
          const planned = planRunSheets(survey, sheetName, run, lang, here ? [] : [sheetName]);
          if (planned.params.existing) earlier = planned.params.name;
        } else {
          const own = ownParamsSheet(survey, sheetName);
          if (own?.protected) throw new RfmError('excel.protected', { sheet: own.name });
          earlier = own?.name;
        }
      }
      const paramName = earlier ?? paramSheetName(here ? names : [...names, sheetName], lang);
      const fxLayout: FormulaLayout = {
        sheetName,
        paramSheetName: paramName,
        columns: here
          ? { r: table.column + layout.columns.r, f: table.column + layout.columns.f, m: table.column + layout.columns.m }
          : { r: 1, f: 2, m: 3 },
        dataRows: sheetRows,
        startColumn: here ? plan.column : copied.length,
      };
      const fx = formulaSheet(scheme, fxLayout, { lang, segments: insight.segments, followUp: insight.followUp, dialect: 'excel' });
      if (fx.columns.length !== width) throw new RfmError('excel.planMismatch');

      // 3. set-up: calculation manual, the sheets, the block cleared, number formats, headers, parameters
      const original = app.calculationMode;
      const manual = excel.CalculationMode.manual as string;
      if (original !== manual) {
        app.calculationMode = manual as Excel.CalculationMode;
        restoreMode = original;
      }
      const ws = here ? source : context.workbook.worksheets.add(sheetName);
      const start = fxLayout.startColumn;
      if (here) {
        if (own > 0) ws.getRangeByIndexes(plan.row, start, plan.rowCount, span).clear(excel.ClearApplyTo.all);
        else if (plan.conflict === 'user') ws.getRangeByIndexes(plan.row, start, plan.rowCount, width).clear(excel.ClearApplyTo.contents);
      }
      // General before the formulas: a formula typed into a text-formatted ("@") cell stays text
      fx.columns.forEach((c, i) => {
        const range = ws.getRangeByIndexes(plan.row, start + i, plan.rowCount, 1) as unknown as { numberFormat: string };
        range.numberFormat = c.numFmt ?? 'General';
      });
      if (headerRow >= 0) {
        const headerCells: (string | number | boolean)[] = fx.headers.map(textCell);
        ws.getRangeByIndexes(plan.row, start, 1, width).values = [headerCells];
        if (!here) {
          ws.getRangeByIndexes(plan.row, 0, 1, copied.length).values = [copied.map((c) => copyCell(scored.headerCells[c]))];
        }
      }
      // the parameter sheet: formula mode's live block, then (docs/periods.md) the record of this run
      let content: ParametersSheet = { cells: fx.params.map((p) => ({ ...p })), columns: fx.paramColumns, machineRow: -1 };
      if (run) {
        const record = recordOf(run, {
          scored,
          lang,
          outputSheet: sheetName,
          origin: { row: table.row, column: table.column },
          inputSheet: table.sheet,
          startColumn: start,
          outputColumns: fx.columns.map((c) => c.key),
          formulas: true,
        });
        // a new sheet holds copies of the ID and R, F, M in A–D: the record describes that sheet
        if (!here) record.layout.columns = { r: 1, f: 2, m: 3, ...(layout.id !== undefined ? { id: 0 } : {}) };
        content = parametersSheet(record, fx.params);
      }
      suspendScreenUpdating(app);
      syncs += (await writeParamsSheet(context, excel, { name: paramName, existing: earlier !== undefined }, content)).syncs;

      // 4. the formulas, run by run (adjacent data rows), chunk by chunk; a new sheet gets the copied
      //    ID and R, F, M cells of the same rows first (read from the table chunk by chunk)
      const total = dataRows.length;
      const formulasOf = (i: number) => fx.columns.map((_, c) => `=${fx.formula(i, c)}`);
      const sizer = new ChunkSizer(width + (here ? 0 : 2 * copied.length));
      sizer.observe(1, jsonBytes([formulasOf(0)]));
      let done = 0;
      progress?.('write', 0, total);
      for (const run of fx.runs) {
        let i = run.start;
        while (i <= run.end) {
          let count = Math.min(sizer.next(total - done), run.end - i + 1);
          let copies: (string | number | boolean)[][] | undefined;
          if (!here) {
            const ranges = copied.map((c) => {
              const r = source.getRangeByIndexes(sheetRows[i], table.column + c, count, 1);
              r.load('values');
              return r;
            });
            syncs += 1;
            // one read per chunk, on purpose; a payload Excel refuses as too large is retried in smaller chunks
            // eslint-disable-next-line office-addins/no-context-sync-in-loop -- see above
            if (!(await syncChunk(context.sync(), sizer, count))) continue;
            const columns = ranges.map((r) => r.values as unknown[][]);
            copies = Array.from({ length: count }, (_, k) => columns.map((col) => copyDataCell(col[k]?.[0] as CellValue)));
          }
          let block = Array.from({ length: count }, (_, k) => formulasOf(i + k));
          let bytes = jsonBytes(block) + (copies ? jsonBytes(copies) : 0);
          if (bytes > PAYLOAD_BUDGET && count > 1) {
            count = Math.max(1, Math.floor((count * PAYLOAD_BUDGET * 0.9) / bytes));
            block = block.slice(0, count);
            copies = copies?.slice(0, count);
            bytes = jsonBytes(block) + (copies ? jsonBytes(copies) : 0);
          }
          sizer.observe(count, bytes);
          suspendScreenUpdating(app);
          if (copies) ws.getRangeByIndexes(sheetRows[i], 0, count, copied.length).values = copies;
          ws.getRangeByIndexes(sheetRows[i], start, count, width).formulas = block;
          syncs += 1;
          // one write per chunk, on purpose; a payload Excel refuses as too large is retried in smaller chunks
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- see above
          if (!(await syncChunk(context.sync(), sizer, count))) continue;
          i += count;
          done += count;
          progress?.('write', done, total);
          if (done < total) await yieldToUi();
        }
      }

      // 5. formats: bold headers (helpers italic), grade fills that follow the parameter sheet's
      //    labels; calculation back on (and a full recalculation when the user calculates manually)
      suspendScreenUpdating(app);
      if (headerRow >= 0) {
        ws.getRangeByIndexes(plan.row, here ? start : 0, 1, here ? width : start + width).format.font.bold = true;
        ws.getRangeByIndexes(plan.row, start + fx.helperStart, 1, width - fx.helperStart).format.font.italic = true;
      }
      const firstData = sheetRows[0];
      const dataCount = sheetRows[sheetRows.length - 1] - firstData + 1;
      const grade = fx.columns.findIndex((c) => c.key === 'grade');
      const labels = gradeLabelCells(fx, lang, scheme.grades.length);
      if (grade >= 0 && labels) {
        const gradeRange = ws.getRangeByIndexes(firstData, start + grade, dataCount, 1);
        scheme.grades.forEach((_, index) => {
          const cf = gradeRange.conditionalFormats.add(excel.ConditionalFormatType.cellValue);
          cf.cellValue.format.fill.color = gradeFill(index, scheme.grades.length);
          const cell = `$${columnLetter(labels.column)}$${labels.row + index + 1}`;
          cf.cellValue.rule = { formula1: `=${quoteSheet(paramName)}${cell}`, operator: excel.ConditionalCellValueOperator.equalTo };
        });
      }
      if (restoreMode !== undefined) app.calculationMode = restoreMode as Excel.CalculationMode;
      else app.calculate(excel.CalculationType.full);
      syncs += 1;
      await context.sync();
      restoreMode = undefined;

      // 6. the helper columns as one collapsible column group (ExcelApi 1.10; best effort, its own sync;
      //    older Excel leaves them ungrouped: docs/requirements.md)
      if (hasExcelApi('1.10')) {
        const helpers = ws.getRangeByIndexes(0, start + fx.helperStart, 1, width - fx.helperStart).getEntireColumn();
        try {
          helpers.group('ByColumns' as Excel.GroupOption);
          syncs += 1;
          await context.sync();
        } catch {
          // grouping is a convenience; older Excel without it still has the formulas
        }
      }

      const columnFrom = here ? start : 0;
      return {
        sheet: sheetName,
        address: areaAddress(plan.row, columnFrom, plan.rowCount, here ? width : start + width),
        rowsWritten: total,
        syncs,
        paramSheet: paramName,
      };
    });
  } catch (e) {
    // below ExcelApi 1.13 merged cells were not checked before writing: the refused write names them
    throw (here ? mergedWriteError(e, plan.address) : undefined) ?? e;
  } finally {
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
