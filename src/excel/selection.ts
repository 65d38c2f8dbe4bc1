/**
 * The table the analyst means, from the current selection: one area; whole columns or rows clipped
 * to the used part of the sheet; a selection inside an Excel table means the whole table; a single
 * cell elsewhere means the sheet's used range (Office.js has no "current region").
 */
import { RfmError, type CellValue } from '../core';
import type { ExcelApi, TableRef } from './types';
import { hasExcelApi } from './capabilities';
import { areaAddress, officeCode } from './util';

interface Box {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

function inside(inner: Box, outer: Box): boolean {
  return (
    inner.rowIndex >= outer.rowIndex &&
    inner.columnIndex >= outer.columnIndex &&
    inner.rowIndex + inner.rowCount <= outer.rowIndex + outer.rowCount &&
    inner.columnIndex + inner.columnCount <= outer.columnIndex + outer.columnCount
  );
}

type SelectedArea = Box & { isEntireColumn: boolean; isEntireRow: boolean };

interface Selected {
  area: Excel.Range & SelectedArea;
  sheet: Excel.Worksheet;
  used: Excel.Range;
  /** The Excel tables overlapping the area, after one more sync (below ExcelApi 1.9). */
  tables: () => Promise<Excel.Table[]>;
}

/**
 * The one selected area, its sheet's name and used range, and the Excel tables overlapping it, in one
 * sync. ExcelApi 1.9 counts the areas (`getSelectedRanges`) and asks the area for its tables
 * (`getTables`). Below it `getSelectedRange()` is the only way in, and it fails the batch on a multiple
 * selection (`InvalidSelection`), which becomes the same message; the tables are every table of the
 * workbook with its sheet, kept when they overlap (one more sync). docs/requirements.md
 */
async function selectedArea(context: Excel.RequestContext): Promise<Selected> {
  // the selection is always on the active sheet
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load('name');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('rowIndex, columnIndex, rowCount, columnCount');
  if (hasExcelApi('1.9')) {
    // getSelectedRange() fails the whole batch on a multiple selection: ask for the areas instead
    const selected = context.workbook.getSelectedRanges();
    selected.load('areaCount');
    const area = selected.areas.getItemAt(0);
    area.load('rowIndex, columnIndex, rowCount, columnCount, isEntireColumn, isEntireRow');
    const tables = area.getTables(false);
    tables.load('items/name, items/showTotals');
    await context.sync();
    if (selected.areaCount > 1) throw new RfmError('excel.multiArea');
    // eslint-disable-next-line office-addins/load-object-before-read -- the items' name and showTotals are loaded
    return { area, sheet, used, tables: async () => tables.items };
  }
  const area = context.workbook.getSelectedRange();
  area.load('rowIndex, columnIndex, rowCount, columnCount, isEntireColumn, isEntireRow');
  const all = context.workbook.tables;
  all.load('items/name, items/showTotals, items/worksheet/name');
  try {
    await context.sync();
  } catch (e) {
    if (officeCode(e) === 'InvalidSelection') throw new RfmError('excel.multiArea');
    throw e;
  }
  const tables = async (): Promise<Excel.Table[]> => {
    const ranges = all.items
      .filter((table) => table.worksheet.name === sheet.name)
      .map((table) => {
        const range = table.getRange();
        range.load('rowIndex, columnIndex, rowCount, columnCount');
        return { table, range };
      });
    if (ranges.length === 0) return [];
    await context.sync();
    return ranges.filter(({ range }) => overlaps(area, range)).map(({ table }) => table);
  };
  return { area, sheet, used, tables };
}

function overlaps(a: Box, b: Box): boolean {
  return (
    a.rowIndex < b.rowIndex + b.rowCount &&
    b.rowIndex < a.rowIndex + a.rowCount &&
    a.columnIndex < b.columnIndex + b.columnCount &&
    b.columnIndex < a.columnIndex + a.columnCount
  );
}

export async function currentTable(excel: ExcelApi): Promise<TableRef> {
  return excel.run(async (context) => {
    const { area, sheet, used, tables } = await selectedArea(context);
    const overlapping = await tables();

    let target: Excel.Range | undefined;
    let tableName: string | undefined;
    let clipped = false;
    let fromCell: string | undefined;

    if (overlapping.length > 0) {
      const candidates = overlapping.map((table) => {
        const range = table.getRange();
        range.load('rowIndex, columnIndex, rowCount, columnCount');
        return { table, range };
      });
      await context.sync();
      const hit = candidates.find((c) => inside(area, c.range));
      if (hit) {
        tableName = hit.table.name;
        // a totals row is not a customer
        target = hit.table.showTotals && hit.range.rowCount > 1 ? hit.range.getResizedRange(-1, 0) : hit.range;
      }
    }

    if (target === undefined) {
      const single = area.rowCount === 1 && area.columnCount === 1;
      if (single || area.isEntireColumn || area.isEntireRow) {
        if (used.isNullObject) throw new RfmError('excel.emptySelection');
        if (single) {
          target = used;
          // said in the pane: one cell stood for the whole used range
          fromCell = areaAddress(area.rowIndex, area.columnIndex, 1, 1);
        } else {
          target = area.getIntersectionOrNullObject(used);
          clipped = true;
        }
      } else {
        target = area;
      }
    }

    target.load('rowIndex, columnIndex, rowCount, columnCount');
    const firstRow = target.getRow(0);
    firstRow.load('values');
    await context.sync();
    if (target.isNullObject) throw new RfmError('excel.emptySelection');

    return {
      sheet: sheet.name,
      address: areaAddress(target.rowIndex, target.columnIndex, target.rowCount, target.columnCount),
      row: target.rowIndex,
      column: target.columnIndex,
      rowCount: target.rowCount,
      columnCount: target.columnCount,
      firstRow: (firstRow.values[0] ?? []) as CellValue[],
      ...(tableName !== undefined ? { tableName } : {}),
      clipped,
      ...(fromCell !== undefined ? { fromCell } : {}),
    };
  });
}

/**
 * Calls `handler` whenever the selection changes anywhere in the workbook. Resolves to a function
 * that removes the handler again.
 */
export async function onSelectionChange(excel: ExcelApi, handler: () => void | Promise<void>): Promise<() => Promise<void>> {
  const registration = await excel.run(async (context) => {
    const result = context.workbook.onSelectionChanged.add(async () => {
      await handler();
    });
    await context.sync();
    return result;
  });
  let removed = false;
  return async () => {
    if (removed) return;
    removed = true;
    await excel.run(registration.context, async (context) => {
      registration.remove();
      await context.sync();
    });
  };
}
