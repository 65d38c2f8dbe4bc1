/**
 * The table the analyst means, from the current selection: one area; whole columns or rows clipped
 * to the used part of the sheet; a selection inside an Excel table means the whole table; a single
 * cell elsewhere means the sheet's used range (Office.js has no "current region").
 */
import { RfmError, type CellValue } from '../core';
import type { ExcelApi, TableRef } from './types';
import { areaAddress } from './util';

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

export async function currentTable(excel: ExcelApi): Promise<TableRef> {
  return excel.run(async (context) => {
    // getSelectedRange() fails the whole batch on a multiple selection: ask for the areas instead
    const selected = context.workbook.getSelectedRanges();
    selected.load('areaCount');
    const area = selected.areas.getItemAt(0);
    area.load('rowIndex, columnIndex, rowCount, columnCount, isEntireColumn, isEntireRow');
    // the selection is always on the active sheet
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name');
    const tables = area.getTables(false);
    tables.load('items/name, items/showTotals');
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('rowIndex, columnIndex, rowCount, columnCount');
    await context.sync();

    if (selected.areaCount > 1) throw new RfmError('excel.multiArea');

    let target: Excel.Range | undefined;
    let tableName: string | undefined;
    let clipped = false;
    let fromCell: string | undefined;

    // eslint-disable-next-line office-addins/load-object-before-read -- the items' name and showTotals are loaded
    const overlapping = tables.items;
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
