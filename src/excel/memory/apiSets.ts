/**
 * The ExcelApi requirement set of every member of this workbook newer than ExcelApi 1.1, from the
 * `[Api set: ExcelApi 1.N]` notes of @types/office-js (test/memory/apiLevel.test.ts checks this table
 * against them). A workbook created with `apiLevel` below a member's set behaves as Excel of that
 * version: the member fails the sync with `ApiNotFound` (docs/requirements.md).
 *
 * Keys: "Type" (every member of the type), "Type.member", or "Type.member=" for a property whose
 * write needs a newer set than its read (`Application.calculationMode`: read 1.1, write 1.8).
 */
import { ErrorCodes, MemoryOfficeError } from './errors';

/** The newest ExcelApi set (1.N) of @types/office-js: a workbook without `apiLevel` has all of it. */
export const NEWEST_EXCEL_API = 21;

export const MEMBER_SETS: Readonly<Record<string, number>> = {
  // ExcelApi 1.2
  'Chart.worksheet': 2,
  'Range.getColumnsAfter': 2,
  'Range.getResizedRange': 2,
  'Range.getRowsAbove': 2,
  'Range.merge': 2,
  'Range.unmerge': 2,
  'RangeFormat.autofitColumns': 2,
  'RangeFormat.columnWidth': 2,
  'RangeFormat.rowHeight': 2,
  'Table.convertToRange': 2,
  'Table.worksheet': 2,
  'Workbook.onSelectionChanged': 2,
  'Worksheet.protection': 2,
  'Worksheet.visibility': 2,
  'WorksheetProtection': 2,
  'WorksheetProtection.options': 2,
  'WorksheetProtection.protect': 2,
  'WorksheetProtection.protected': 2,
  // ExcelApi 1.4
  'ChartCollection.getCount': 4,
  'ChartCollection.getItemOrNullObject': 4,
  'ChartSeriesCollection.getCount': 4,
  'Range.getIntersectionOrNullObject': 4,
  'Range.getUsedRangeOrNullObject': 4,
  'Setting': 4,
  'Setting.delete': 4,
  'Setting.key': 4,
  'Setting.value': 4,
  'SettingCollection': 4,
  'SettingCollection.add': 4,
  'SettingCollection.getCount': 4,
  'SettingCollection.getItem': 4,
  'SettingCollection.getItemOrNullObject': 4,
  'TableCollection.getCount': 4,
  'TableCollection.getItemOrNullObject': 4,
  'TableColumn.name': 4,
  'TableColumnCollection.getCount': 4,
  'TableColumnCollection.getItemOrNullObject': 4,
  'TableRowCollection.getCount': 4,
  'Workbook.settings': 4,
  'Worksheet.getUsedRangeOrNullObject': 4,
  'WorksheetCollection.getCount': 4,
  'WorksheetCollection.getItemOrNullObject': 4,
  // ExcelApi 1.5
  'WorksheetCollection.getFirst': 5,
  'WorksheetCollection.getLast': 5,
  // ExcelApi 1.6
  'Application.suspendApiCalculationUntilNextSync': 6,
  'CellValueConditionalFormat': 6,
  'CellValueConditionalFormat.rule': 6,
  'ColorScaleConditionalFormat': 6,
  'ColorScaleConditionalFormat.criteria': 6,
  'ColorScaleConditionalFormat.threeColorScale': 6,
  'ConditionalFormat': 6,
  'ConditionalFormat.cellValue': 6,
  'ConditionalFormat.colorScale': 6,
  'ConditionalFormat.delete': 6,
  'ConditionalFormat.getRange': 6,
  'ConditionalFormat.id': 6,
  'ConditionalFormat.priority': 6,
  'ConditionalFormat.stopIfTrue': 6,
  'ConditionalFormat.textComparison': 6,
  'ConditionalFormat.type': 6,
  'ConditionalFormatCollection': 6,
  'ConditionalFormatCollection.add': 6,
  'ConditionalFormatCollection.clearAll': 6,
  'ConditionalFormatCollection.getCount': 6,
  'ConditionalFormatCollection.getItem': 6,
  'ConditionalFormatCollection.getItemAt': 6,
  'ConditionalRangeFill': 6,
  'ConditionalRangeFill.clear': 6,
  'ConditionalRangeFill.color': 6,
  'ConditionalRangeFont': 6,
  'ConditionalRangeFont.bold': 6,
  'ConditionalRangeFont.clear': 6,
  'ConditionalRangeFont.color': 6,
  'ConditionalRangeFont.italic': 6,
  'ConditionalRangeFormat': 6,
  'ConditionalRangeFormat.fill': 6,
  'ConditionalRangeFormat.font': 6,
  'ConditionalRangeFormat.numberFormat': 6,
  'Range.calculate': 6,
  'Range.conditionalFormats': 6,
  'TextConditionalFormat': 6,
  'TextConditionalFormat.rule': 6,
  'Worksheet.calculate': 6,
  // ExcelApi 1.7
  'Chart.chartType': 7,
  'Chart.id': 7,
  'ChartAxis.reversePlotOrder': 7,
  'ChartAxis.visible': 7,
  'ChartSeries.chartType': 7,
  'ChartSeries.delete': 7,
  'ChartSeries.hasDataLabels': 7,
  'ChartSeries.setValues': 7,
  'ChartSeries.setXAxisValues': 7,
  'ChartSeriesCollection.add': 7,
  'Range.getAbsoluteResizedRange': 7,
  'Range.isEntireColumn': 7,
  'Range.isEntireRow': 7,
  'Range.style': 7,
  'Workbook.getActiveCell': 7,
  'Workbook.name': 7,
  'Worksheet.freezePanes': 7,
  'Worksheet.getRangeByIndexes': 7,
  'Worksheet.onActivated': 7,
  'Worksheet.onChanged': 7,
  'Worksheet.onDeactivated': 7,
  'Worksheet.onSelectionChanged': 7,
  'Worksheet.standardHeight': 7,
  'Worksheet.standardWidth': 7,
  'Worksheet.tabColor': 7,
  'WorksheetCollection.onActivated': 7,
  'WorksheetCollection.onDeactivated': 7,
  'WorksheetFreezePanes': 7,
  'WorksheetFreezePanes.freezeAt': 7,
  'WorksheetFreezePanes.freezeColumns': 7,
  'WorksheetFreezePanes.freezeRows': 7,
  'WorksheetFreezePanes.getLocationOrNullObject': 7,
  'WorksheetFreezePanes.unfreeze': 7,
  'WorksheetProtection.unprotect': 7,
  // ExcelApi 1.8
  'Application.calculationMode=': 8,
  'ChartAxis.numberFormat': 8,
  'Workbook.readOnly': 8,
  'Worksheet.showGridlines': 8,
  // ExcelApi 1.9
  'Application.calculationState': 9,
  'Application.suspendScreenUpdatingUntilNextSync': 9,
  'Range.getTables': 9,
  'RangeAreas': 9,
  'RangeAreas.address': 9,
  'RangeAreas.addressLocal': 9,
  'RangeAreas.areaCount': 9,
  'RangeAreas.areas': 9,
  'RangeAreas.cellCount': 9,
  'RangeAreas.isEntireColumn': 9,
  'RangeAreas.isEntireRow': 9,
  'RangeAreas.worksheet': 9,
  'RangeCollection': 9,
  'RangeCollection.getCount': 9,
  'RangeCollection.getItemAt': 9,
  'RangeFill.pattern': 9,
  'RangeFont.strikethrough': 9,
  'TableScopedCollection': 9,
  'TableScopedCollection.getFirst': 9,
  'Workbook.getSelectedRanges': 9,
  'Worksheet.getRanges': 9,
  'WorksheetCollection.onChanged': 9,
  'WorksheetCollection.onSelectionChanged': 9,
  // ExcelApi 1.10
  'Range.group': 10,
  // ExcelApi 1.12
  'ChartSeries.getDimensionValues': 12,
  // ExcelApi 1.13
  'Range.getMergedAreasOrNullObject': 13,
  // ExcelApi 1.15
  'ChartSeries.getDimensionDataSourceString': 15,
};

/** "1.9" → 9; `undefined` for anything that is not an ExcelApi 1.x version. */
export function apiMinor(version: string | undefined): number | undefined {
  const m = /^1\.(\d+)$/.exec(version ?? '');
  return m ? Number(m[1]) : undefined;
}

/** The set a member needs (1 when none is listed: ExcelApi 1.1). */
export function memberSet(typeName: string, member?: string, write = false): number {
  const own = member === undefined ? undefined : ((write ? MEMBER_SETS[`${typeName}.${member}=`] : undefined) ?? MEMBER_SETS[`${typeName}.${member}`]);
  return Math.max(own ?? 1, MEMBER_SETS[typeName] ?? 1);
}

/** Office's error for a member this Excel does not have. */
export function apiNotFound(location: string): MemoryOfficeError {
  return new MemoryOfficeError(
    ErrorCodes.apiNotFound,
    "The API you are trying to use could not be found. It may be available in a newer version of Excel. Please refer to the documentation: 'Office client application and platform availability for Office Add-ins'.",
    location,
  );
}
