/**
 * Period over period (docs/periods.md): the parameters sheet of every xlsx result ("RFM parameters" / "RFM参数"), written with
 * exceljs from the pure cells of src/core/runRecord.ts (and, in formula mode, formula mode's live
 * parameter block above the record), and read back from an earlier result (--scale-from, --previous).
 * A re-run replaces the product's own sheet for the same scored sheet instead of adding another.
 */
import type ExcelJS from 'exceljs';
import type { ParametersCell, ParametersSheet } from '../core';
import { LANGS, t, type Lang } from '../i18n';
import { isParamsTitle } from '../i18n/format';
import { uniqueSheetName } from './summarySheet';

const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const COMPUTED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/** A1 of every parameters sheet: the title in either language. */
function hasTitle(ws: ExcelJS.Worksheet): boolean {
  const title = ws.getCell(1, 1).value;
  return isParamsTitle(title, LANGS.map((lang) => t(lang, 'formula.title')));
}

/** This product's parameters sheet for the scored sheet `scored` (title in A1, the sheet's name in B3), if any. */
export function earlierParamsSheet(wb: ExcelJS.Workbook, scored: string): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((ws) => hasTitle(ws) && ws.getCell(3, 2).value === scored);
}

/**
 * The parameters sheet for this run, empty: a re-run removes the product's own sheet for the same
 * scored sheet and reuses its name; otherwise a free name ("RFM parameters", "RFM parameters (2)" …).
 */
export function claimParamsSheet(wb: ExcelJS.Workbook, scored: string, lang: Lang): ExcelJS.Worksheet {
  const earlier = earlierParamsSheet(wb, scored);
  let name: string;
  if (earlier) {
    name = earlier.name;
    wb.removeWorksheet(earlier.id);
  } else {
    name = uniqueSheetName(wb, t(lang, 'formula.sheetName'));
  }
  return wb.addWorksheet(name);
}

function style(cell: ExcelJS.Cell, p: ParametersCell): void {
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
    case 'key':
      cell.font = { color: { argb: 'FF7F7F7F' }, size: 9 };
      break;
    case 'label':
      break;
  }
  if (p.numFmt) cell.numFmt = p.numFmt;
}

/** Write the parameters sheet's cells; formula cells keep their cached results when `results` is true. */
export function writeParamsSheet(ws: ExcelJS.Worksheet, content: ParametersSheet, results = true): void {
  for (const p of content.cells) {
    const cell = ws.getCell(p.row + 1, p.column + 1);
    if (p.formula !== undefined) {
      cell.value = results && p.result !== undefined ? { formula: p.formula, result: p.result } : { formula: p.formula };
    } else {
      cell.value = p.value ?? null;
    }
    style(cell, p);
  }
  ws.getColumn(1).width = 34;
  for (let c = 2; c <= Math.max(content.columns, 6); c++) ws.getColumn(c).width = 16;
}
