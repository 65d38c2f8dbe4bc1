/**
 * Which Excel JavaScript API the running Excel has (docs/requirements.md). The manifest declares
 * ExcelApi 1.8 (Office 2019) as the minimum: Excel that lacks it never offers the add-in. Every member
 * of a newer set is used only under `hasExcelApi('1.N')`, with a fallback or the feature shown
 * disabled; `npm run check:api` fails when one is not (the guard convention is in
 * docs/requirements.md). Outside Office (jest, the local preview) the in-memory workbook's `Office`
 * shim answers for its API level (src/excel/memory/office.ts).
 */
import { RfmError } from '../core';
import { officeCode, stripSheet } from './util';

/** Must equal manifest.xml's `<Set Name="ExcelApi" MinVersion="…"/>` (checked by npm run check:api). */
export const MIN_EXCEL_API = '1.8';

/** The ExcelApi sets the product asks about (each one's members: docs/requirements.md). */
export type ExcelApiSet = '1.8' | '1.9' | '1.10' | '1.13' | '1.14';

/** A feature that needs a newer set than the minimum, and whether this Excel has it. */
export interface Capability {
  feature: CapabilityFeature;
  set: ExcelApiSet;
  supported: boolean;
}

/**
 * The features with a fallback or without one below their set:
 * - `selectionAreas`: several selected areas are recognised (ExcelApi 1.9); below, `getSelectedRange`
 *   fails on a multiple selection and that failure becomes the same message.
 * - `tableAtSelection`: the Excel table under the selection found directly (1.9); below, every table of
 *   the workbook is read with its sheet and range (one more sync).
 * - `screenUpdating`: the screen is not redrawn while writing (1.9); below, Excel redraws.
 * - `groupHelpers`: formula mode's helper columns are grouped (1.10); below, they are not.
 * - `mergedCheck`: merged cells in the output area are found before anything is written (1.13); below,
 *   a write that meets them fails before its first value and the message names the output area.
 */
export type CapabilityFeature = 'selectionAreas' | 'tableAtSelection' | 'screenUpdating' | 'groupHelpers' | 'mergedCheck';

export const FEATURE_SETS: Record<CapabilityFeature, ExcelApiSet> = {
  selectionAreas: '1.9',
  tableAtSelection: '1.9',
  screenUpdating: '1.9',
  groupHelpers: '1.10',
  mergedCheck: '1.13',
};

interface OfficeLike {
  context?: { requirements?: { isSetSupported?: (name: string, minVersion?: string) => boolean } };
}

/**
 * Whether this Excel supports ExcelApi `set` (`Office.context.requirements.isSetSupported`). Without
 * an `Office` object only the manifest's minimum is assumed: Excel below it never loads the add-in.
 */
export function hasExcelApi(set: ExcelApiSet): boolean {
  const office = (globalThis as { Office?: OfficeLike }).Office;
  const requirements = office?.context?.requirements;
  if (!requirements || typeof requirements.isSetSupported !== 'function') return minor(set) <= minor(MIN_EXCEL_API);
  try {
    return requirements.isSetSupported('ExcelApi', set);
  } catch {
    return false;
  }
}

function minor(set: string): number {
  return Number(set.split('.')[1]);
}

/** Every feature above the minimum with its set and whether this Excel has it (the pane's notes). */
export function capabilities(): Capability[] {
  return (Object.keys(FEATURE_SETS) as CapabilityFeature[]).map((feature) => ({
    feature,
    set: FEATURE_SETS[feature],
    supported: hasExcelApi(FEATURE_SETS[feature]),
  }));
}

/** `suspendScreenUpdatingUntilNextSync` (ExcelApi 1.9) where the Excel has it; below, Excel redraws. */
export function suspendScreenUpdating(app: Excel.Application): void {
  if (hasExcelApi('1.9')) app.suspendScreenUpdatingUntilNextSync();
}

/**
 * The merged areas inside `range`, loaded with their address (`getMergedAreasOrNullObject`, ExcelApi
 * 1.13); `undefined` below 1.13, where no member finds merged cells without changing them: the write
 * itself then meets them before its first value and `mergedWriteError` names the output area.
 */
export function mergedAreasOf(range: Excel.Range): Excel.RangeAreas | undefined {
  if (!hasExcelApi('1.13')) return undefined;
  const merged = range.getMergedAreasOrNullObject();
  merged.load('address');
  return merged;
}

/** After the sync: the first merged area found by `mergedAreasOf` ("B2:C3"), if any. */
export function mergedAddress(merged: Excel.RangeAreas | undefined): string | undefined {
  if (merged === undefined || !hasExcelApi('1.13')) return undefined;
  return merged.isNullObject ? undefined : stripSheet(merged.address);
}

/**
 * Below ExcelApi 1.13 merged cells are found by the write that meets them: Excel refuses to change
 * part of a merged area (`InvalidOperation`, or `MergedRangeConflict`). Turns that refusal into the
 * pane's message naming the output area; `undefined` for any other error or where merged cells were
 * checked before writing.
 */
export function mergedWriteError(e: unknown, area: string): RfmError | undefined {
  if (hasExcelApi('1.13')) return undefined;
  const code = officeCode(e);
  if (code !== 'InvalidOperation' && code !== 'MergedRangeConflict') return undefined;
  return new RfmError('excel.mergedUnchecked', { area, set: FEATURE_SETS.mergedCheck });
}
