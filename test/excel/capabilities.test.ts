/** The capability checks of src/excel/capabilities.ts, answered by the in-memory workbook's Office shim. */
import { RfmError } from '../../src/core';
import { capabilities, FEATURE_SETS, hasExcelApi, MIN_EXCEL_API, mergedWriteError } from '../../src/excel/capabilities';
import { createMemoryExcel, installOffice } from '../../src/excel/memory';

function at(level: string): () => void {
  return installOffice(createMemoryExcel({ apiLevel: level }).Office);
}

test('hasExcelApi asks Office.context.requirements; without Office only the minimum is assumed', () => {
  const scope = globalThis as { Office?: unknown };
  const before = scope.Office;
  delete scope.Office;
  expect(hasExcelApi(MIN_EXCEL_API)).toBe(true);
  expect(hasExcelApi('1.9')).toBe(false);
  const restore = at('1.10');
  expect(hasExcelApi('1.9')).toBe(true);
  expect(hasExcelApi('1.10')).toBe(true);
  expect(hasExcelApi('1.13')).toBe(false);
  restore();
  if (before !== undefined) scope.Office = before;
});

test('capabilities lists every feature above the minimum with its set and support', () => {
  const restore = at('1.9');
  const list = capabilities();
  expect(list.map((c) => c.feature).sort()).toEqual(Object.keys(FEATURE_SETS).sort());
  expect(list.filter((c) => !c.supported).map((c) => c.feature).sort()).toEqual(['groupHelpers', 'mergedCheck']);
  restore();
  const newest = at('1.21');
  expect(capabilities().every((c) => c.supported)).toBe(true);
  newest();
});

test('a refused write names merged cells only where they could not be checked before', () => {
  const refusal = Object.assign(new Error('merged'), { code: 'InvalidOperation' });
  const older = at('1.12');
  const error = mergedWriteError(refusal, 'E1:I21');
  expect(error).toBeInstanceOf(RfmError);
  expect(error).toMatchObject({ key: 'excel.mergedUnchecked', vars: { area: 'E1:I21', set: '1.13' } });
  expect(mergedWriteError(Object.assign(new Error('x'), { code: 'AccessDenied' }), 'E1:I21')).toBeUndefined();
  older();
  const newer = at('1.13');
  expect(mergedWriteError(refusal, 'E1:I21')).toBeUndefined();
  newer();
});
