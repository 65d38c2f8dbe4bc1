/**
 * Range: values, formulas, number formats, addresses and the ranges derived from it. Its format is in
 * format.ts, its conditional formats in conditionalFormats.ts, merged and selected areas in areas.ts.
 */
import {
  MAX_COLUMNS,
  MAX_ROWS,
  type Rect,
  boundingRect,
  cellCount,
  columnCount,
  formatAddress,
  inSheet,
  intersect,
  isEntireColumn,
  isEntireRow,
  parseAddress,
  rect,
  rowCount,
} from './addresses';
import { invalidArgument, itemNotFound } from './errors';
import { ClientObject, type ScalarGetters } from './proxy';
import {
  type RangeRef,
  alive,
  assertEditable,
  clearRange,
  readGrid,
  writeCells,
  writeNumberFormat,
} from './rules';
import { TableScopedCollectionProxy } from './tables';
import { WorksheetProxy } from './worksheet';
import { RangeFormatProxy } from './format';
import { ConditionalFormatCollectionProxy } from './conditionalFormats';
import { RangeAreasProxy } from './areas';

export type { RangeRef };

/** Resolves a Range argument (a Range proxy or an address on the same sheet) at sync time. */
export function otherArea(self: RangeRef, other: RangeProxy | string, location: string): Rect {
  if (typeof other === 'string') {
    const parsed = parseAddress(other);
    if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== self.sheet.name.toLowerCase()) {
      throw invalidArgument(`The address '${other}' is on another worksheet.`, location);
    }
    return parsed.rect;
  }
  const ref = other._resolve();
  if (ref === null) throw invalidArgument('The other range is a null object.', location);
  if (ref.sheet !== self.sheet) throw invalidArgument('The ranges are on different worksheets.', location);
  return ref.area;
}

const RANGE_SCALARS = (proxy: RangeProxy): ScalarGetters<RangeRef> => {
  const env = proxy.context._env;
  return {
    address: (r) => formatAddress(r.sheet.name, r.area),
    addressLocal: (r) => formatAddress(r.sheet.name, r.area),
    rowIndex: (r) => r.area.r0,
    columnIndex: (r) => r.area.c0,
    rowCount: (r) => rowCount(r.area),
    columnCount: (r) => columnCount(r.area),
    cellCount: (r) => cellCount(r.area),
    isEntireColumn: (r) => isEntireColumn(r.area),
    isEntireRow: (r) => isEntireRow(r.area),
    values: (r) => readGrid(env, r, 'values'),
    text: (r) => readGrid(env, r, 'text'),
    numberFormat: (r) => readGrid(env, r, 'numberFormat'),
    formulas: (r) => readGrid(env, r, 'formulas'),
    formulasLocal: (r) => readGrid(env, r, 'formulas'),
    valueTypes: (r) => readGrid(env, r, 'valueTypes'),
    style: () => 'Normal',
  };
};

type Grid = unknown[][];

export class RangeProxy extends ClientObject<RangeRef> {
  get _typeName(): string {
    return 'Range';
  }

  protected _scalars(): ScalarGetters<RangeRef> {
    return RANGE_SCALARS(this);
  }

  protected _navNames(): readonly string[] {
    return ['format', 'worksheet', 'conditionalFormats'];
  }

  // ---- properties -------------------------------------------------------------------------

  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get isEntireColumn(): boolean {
    return this._get('isEntireColumn');
  }
  get isEntireRow(): boolean {
    return this._get('isEntireRow');
  }
  get text(): string[][] {
    return this._get('text');
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }
  get style(): string {
    return this._get('style');
  }

  get values(): Grid {
    return this._get('values');
  }
  set values(v: Grid) {
    this._setProp('values', v, (ref) => writeCells(this._env, ref, 'values', v));
  }

  get formulas(): Grid {
    return this._get('formulas');
  }
  set formulas(v: Grid) {
    this._setProp('formulas', v, (ref) => writeCells(this._env, ref, 'formulas', v));
  }
  get formulasLocal(): Grid {
    return this._get('formulasLocal');
  }
  set formulasLocal(v: Grid) {
    this._setProp('formulasLocal', v, (ref) => writeCells(this._env, ref, 'formulas', v));
  }

  get numberFormat(): Grid {
    return this._get('numberFormat');
  }
  set numberFormat(v: Grid) {
    this._setProp('numberFormat', v, (ref) => writeNumberFormat(this._env, ref, v));
  }

  get format(): RangeFormatProxy {
    return this._child('format', () => new RangeFormatProxy(this.context, this, () => this._resolve()));
  }

  get worksheet(): WorksheetProxy {
    return this._child(
      'worksheet',
      () =>
        new WorksheetProxy(this.context, this, () => {
          const r = this._resolve();
          return r === null ? null : alive(r.sheet, 'Range.worksheet');
        }),
    );
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this._child('conditionalFormats', () => new ConditionalFormatCollectionProxy(this.context, this, () => this._resolve()));
  }

  // ---- derived ranges ---------------------------------------------------------------------

  /** A new Range computed from this one when the batch runs; null result → null object. */
  private _derive(name: string, args: unknown[], fn: (ref: RangeRef) => Rect | null): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      () => {
        const p = this._resolve();
        if (p === null) return null;
        alive(p.sheet, `Range.${name}`);
        const area = fn(p);
        if (area === null) return null;
        if (!inSheet(area)) throw invalidArgument(`The resulting range is outside the worksheet (Range.${name}).`, `Range.${name}`);
        return { sheet: p.sheet, area };
      },
      { name, args },
    );
  }

  getCell(row: number, column: number): RangeProxy {
    return this._derive('getCell', [row, column], ({ area }) => rect(area.r0 + row, area.c0 + column, area.r0 + row, area.c0 + column));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this._derive('getOffsetRange', [rowOffset, columnOffset], ({ area }) =>
      rect(area.r0 + rowOffset, area.c0 + columnOffset, area.r1 + rowOffset, area.c1 + columnOffset),
    );
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this._derive('getResizedRange', [deltaRows, deltaColumns], ({ area }) => rect(area.r0, area.c0, area.r1 + deltaRows, area.c1 + deltaColumns));
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): RangeProxy {
    return this._derive('getAbsoluteResizedRange', [numRows, numColumns], ({ area }) => {
      if (numRows < 1 || numColumns < 1) throw invalidArgument('numRows and numColumns must be at least 1.', 'Range.getAbsoluteResizedRange');
      return rect(area.r0, area.c0, area.r0 + numRows - 1, area.c0 + numColumns - 1);
    });
  }

  getColumn(column: number): RangeProxy {
    return this._derive('getColumn', [column], ({ area }) => rect(area.r0, area.c0 + column, area.r1, area.c0 + column));
  }

  getRow(row: number): RangeProxy {
    return this._derive('getRow', [row], ({ area }) => rect(area.r0 + row, area.c0, area.r0 + row, area.c1));
  }

  getColumnsAfter(count = 1): RangeProxy {
    return this._derive('getColumnsAfter', [count], ({ area }) => rect(area.r0, area.c1 + 1, area.r1, area.c1 + count));
  }


  getRowsAbove(count = 1): RangeProxy {
    return this._derive('getRowsAbove', [count], ({ area }) => rect(area.r0 - count, area.c0, area.r0 - 1, area.c1));
  }


  getEntireColumn(): RangeProxy {
    return this._derive('getEntireColumn', [], ({ area }) => rect(0, area.c0, MAX_ROWS - 1, area.c1));
  }

  getEntireRow(): RangeProxy {
    return this._derive('getEntireRow', [], ({ area }) => rect(area.r0, 0, area.r1, MAX_COLUMNS - 1));
  }

  getLastRow(): RangeProxy {
    return this._derive('getLastRow', [], ({ area }) => rect(area.r1, area.c0, area.r1, area.c1));
  }

  getLastColumn(): RangeProxy {
    return this._derive('getLastColumn', [], ({ area }) => rect(area.r0, area.c1, area.r1, area.c1));
  }

  getLastCell(): RangeProxy {
    return this._derive('getLastCell', [], ({ area }) => rect(area.r1, area.c1, area.r1, area.c1));
  }

  getIntersection(anotherRange: RangeProxy | string): RangeProxy {
    if (typeof anotherRange !== 'string') this._sameContext(anotherRange);
    return this._derive('getIntersection', [typeof anotherRange === 'string' ? anotherRange : '<Range>'], (ref) => {
      const i = intersect(ref.area, otherArea(ref, anotherRange, 'Range.getIntersection'));
      if (i === null) throw itemNotFound('the ranges do not intersect', 'Range.getIntersection');
      return i;
    });
  }

  getIntersectionOrNullObject(anotherRange: RangeProxy | string): RangeProxy {
    if (typeof anotherRange !== 'string') this._sameContext(anotherRange);
    return this._derive('getIntersectionOrNullObject', [typeof anotherRange === 'string' ? anotherRange : '<Range>'], (ref) =>
      intersect(ref.area, otherArea(ref, anotherRange, 'Range.getIntersectionOrNullObject')),
    );
  }

  getBoundingRect(anotherRange: RangeProxy | string): RangeProxy {
    if (typeof anotherRange !== 'string') this._sameContext(anotherRange);
    return this._derive('getBoundingRect', [typeof anotherRange === 'string' ? anotherRange : '<Range>'], (ref) =>
      boundingRect(ref.area, otherArea(ref, anotherRange, 'Range.getBoundingRect')),
    );
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    return this._derive('getUsedRange', [valuesOnly], ({ sheet, area }) => {
      const used = sheet.usedRect(valuesOnly);
      const i = used === null ? null : intersect(used, area);
      if (i === null) throw itemNotFound('the range has no used cells', 'Range.getUsedRange');
      return i;
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this._derive('getUsedRangeOrNullObject', [valuesOnly], ({ sheet, area }) => {
      const used = sheet.usedRect(valuesOnly);
      return used === null ? null : intersect(used, area);
    });
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(
      this.context,
      this,
      () => {
        const p = this._resolve();
        if (p === null) return null;
        alive(p.sheet, 'Range.getMergedAreasOrNullObject');
        const areas = p.sheet.mergeAreasIn(p.area);
        return areas.length === 0 ? null : { sheet: p.sheet, areas };
      },
      { name: 'getMergedAreasOrNullObject', args: [] },
    );
  }

  /** The tables that overlap this range (or lie inside it with `fullyContained`). */
  getTables(fullyContained = false): TableScopedCollectionProxy {
    return new TableScopedCollectionProxy(
      this.context,
      this,
      () => {
        const p = this._resolve();
        if (p === null) return null;
        alive(p.sheet, 'Range.getTables');
        return { book: this._env.book, sheet: p.sheet, area: p.area, fullyContained };
      },
      { name: 'getTables', args: [fullyContained] },
    );
  }

  // ---- actions ----------------------------------------------------------------------------

  clear(applyTo: string = 'All'): void {
    this._action('clear', [applyTo], (ref) => clearRange(this._env, ref, applyTo));
  }

  select(): void {
    this._action('select', [], (ref) => {
      alive(ref.sheet, 'Range.select');
      this._env.book.select(ref.sheet, [ref.area], 'api');
    });
  }

  merge(across = false): void {
    this._action('merge', [across], (ref) => {
      alive(ref.sheet, 'Range.merge');
      assertEditable(ref.sheet, 'cells', 'Range.merge');
      if (!across) ref.sheet.merge(ref.area, 'api');
      else for (let r = ref.area.r0; r <= ref.area.r1; r++) ref.sheet.merge(rect(r, ref.area.c0, r, ref.area.c1), 'api');
    });
  }

  unmerge(): void {
    this._action('unmerge', [], (ref) => {
      alive(ref.sheet, 'Range.unmerge');
      assertEditable(ref.sheet, 'cells', 'Range.unmerge');
      ref.sheet.unmerge(ref.area, 'api');
    });
  }

  calculate(): void {
    this._action('calculate', [], () => undefined);
  }

  /** Groups the range's rows or columns (ExcelApi 1.10): recorded, shown by `columnGroups()`. */
  group(groupOption: string): void {
    this._action('group', [groupOption], (ref) => {
      alive(ref.sheet, 'Range.group');
      if (groupOption !== 'ByRows' && groupOption !== 'ByColumns') throw invalidArgument(`Unknown group option '${groupOption}'.`, 'Range.group');
      assertEditable(ref.sheet, 'cells', 'Range.group');
      ref.sheet.groups.push({ by: groupOption, area: ref.area });
    });
  }
}
