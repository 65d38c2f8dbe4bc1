/**
 * `--formulas` (issue 6): write the output columns as live Excel formulas (src/core/formulas.ts)
 * with the engine's values as cached results, the helper columns grouped to their right, and the
 * parameter block on its own sheet ("RFM parameters" / "RFM参数").
 */
import type ExcelJS from 'exceljs';
import { formulaSheet, type InsightOptions, type ParamCell, type Scheme, type ScoredSheet } from '../core';
import { LANGS, t, type Lang } from '../i18n';
import { uniqueSheetName } from './summarySheet';

const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const COMPUTED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/** A parameter sheet this product wrote earlier for the same scored sheet (re-run): its name, or undefined. */
function earlierParamSheet(wb: ExcelJS.Workbook, scored: string): ExcelJS.Worksheet | undefined {
  const titles = LANGS.map((lang) => t(lang, 'fx.title'));
  return wb.worksheets.find((ws) => {
    const title = ws.getCell(1, 1).value;
    return typeof title === 'string' && titles.includes(title) && ws.getCell(3, 2).value === scored;
  });
}

function styleParam(cell: ExcelJS.Cell, p: ParamCell): void {
  switch (p.role) {
    case 'title':
      cell.font = { bold: true, size: 14 };
      break;
    case 'note':
      cell.font = { italic: true, color: { argb: 'FF595959' } };
      break;
    case 'heading':
      cell.font = { bold: true };
      break;
    case 'input':
      cell.fill = INPUT_FILL;
      break;
    case 'computed':
      cell.fill = COMPUTED_FILL;
      break;
    case 'label':
      break;
  }
}

export interface FormulaWriteOptions {
  /** Store the engine's values as cached results (default true). */
  results?: boolean;
}

/**
 * Write the formulas into `ws` (the scored sheet) and the parameter block into its own sheet;
 * returns the parameter sheet's name.
 */
export function addFormulas(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  sheet: ScoredSheet,
  scheme: Scheme,
  lang: Lang,
  insight: InsightOptions,
  options: FormulaWriteOptions = {},
): string {
  const withResults = options.results !== false;

  // The parameter sheet: a re-run reuses this product's own sheet for the same scored sheet.
  const earlier = earlierParamSheet(wb, ws.name);
  let paramName: string;
  if (earlier) {
    paramName = earlier.name;
    wb.removeWorksheet(earlier.id);
  } else {
    paramName = uniqueSheetName(wb, t(lang, 'fx.sheetName'));
  }

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
      if (c === fx.helperStart) cell.note = fx.helperNote;
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

  const ps = wb.addWorksheet(paramName);
  for (const p of fx.params) {
    const cell = ps.getCell(p.row + 1, p.column + 1);
    if (p.formula !== undefined) {
      cell.value = withResults && p.result !== undefined ? { formula: p.formula, result: p.result } : { formula: p.formula };
    } else {
      cell.value = p.value ?? null;
    }
    styleParam(cell, p);
  }
  ps.getColumn(1).width = 34;
  for (let c = 2; c <= Math.max(fx.paramColumns, 5); c++) ps.getColumn(c).width = 14;

  // Excel recalculates everything when it opens the file.
  wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
  return paramName;
}
