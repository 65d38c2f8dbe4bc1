/**
 * `--formulas` (docs/formulas.md): write the output columns as live Excel formulas (src/core/formulas.ts)
 * with the engine's values as cached results and the helper columns grouped to their right. The
 * parameter block they read goes at the top of the run's parameters sheet ("RFM parameters" /
 * "RFM参数", src/cli/paramsSheet.ts), above the run record (docs/periods.md).
 */
import type ExcelJS from 'exceljs';
import { formulaSheet, type FormulaSheet, type InsightOptions, type ParamCell, type Scheme, type ScoredSheet } from '../core';
import type { Lang } from '../i18n';

/**
 * The parameter block with the helper columns' explanation below it. It goes on the parameters
 * sheet rather than in a comment on the first helper header, on both the exceljs and the streaming
 * writer (src/cli/xlsx/formulas.ts): a comment would add parts to the scored sheet (docs/formulas.md).
 */
export function paramsWithHelperNote(fx: FormulaSheet): ParamCell[] {
  const last = Math.max(0, ...fx.params.map((p) => p.row));
  return [...fx.params, { row: last + 2, column: 0, value: fx.helperNote, role: 'note' }];
}

export interface FormulaWriteOptions {
  /** Store the engine's values as cached results (default true). */
  results?: boolean;
}

/**
 * Write the formulas into `ws` (the scored sheet), referring to the parameter block on sheet
 * `paramName`; returns the formula sheet, whose `params` the caller writes on that sheet.
 */
export function addFormulas(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  sheet: ScoredSheet,
  scheme: Scheme,
  lang: Lang,
  insight: InsightOptions,
  paramName: string,
  options: FormulaWriteOptions = {},
): FormulaSheet {
  const withResults = options.results !== false;

  const fx = formulaSheet(
    scheme,
    {
      sheetName: ws.name,
      paramSheetName: paramName,
      columns: sheet.layout.columns,
      dataRows: sheet.dataRows,
      startColumn: sheet.startColumn,
    },
    { lang, segments: insight.segments, followUp: insight.followUp },
    withResults ? { result: sheet.result, segments: sheet.segments } : undefined,
  );

  // This product's earlier output columns (a re-run) are cleared first.
  for (let c = 0; c < sheet.replacedColumns; c++) {
    ws.getColumn(sheet.startColumn + c + 1).eachCell({ includeEmpty: false }, (cell) => {
      cell.value = null;
    });
  }

  if (sheet.headerRow >= 0) {
    fx.headers.forEach((h, c) => {
      const cell = ws.getCell(sheet.headerRow + 1, sheet.startColumn + c + 1);
      cell.value = h;
      cell.font = { ...(cell.font ?? {}), bold: true, italic: fx.columns[c].helper || undefined };
    });
  }
  // Each run of adjacent rows is one shared formula per column: the text is stored once, not per row.
  for (const run of fx.runs) {
    fx.columns.forEach((column, c) => {
      const col = sheet.startColumn + c + 1;
      const master = ws.getCell(sheet.dataRows[run.start] + 1, col);
      for (let i = run.start; i <= run.end; i++) {
        const cell = i === run.start ? master : ws.getCell(sheet.dataRows[i] + 1, col);
        const result = fx.result?.(i, c);
        const value: ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue =
          i === run.start ? { formula: fx.formula(i, c) } : { sharedFormula: master.address };
        cell.value = result === undefined ? value : { ...value, result };
        if (column.numFmt) cell.numFmt = column.numFmt;
      }
    });
  }
  // Helper columns: one outline group right of the outputs (collapsible, left visible for auditing).
  for (let c = fx.helperStart; c < fx.columns.length; c++) {
    ws.getColumn(sheet.startColumn + c + 1).outlineLevel = 1;
  }
  ws.properties.outlineLevelCol = Math.max(ws.properties.outlineLevelCol ?? 0, 1);

  // Excel recalculates everything when it opens the file.
  wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
  return fx;
}
