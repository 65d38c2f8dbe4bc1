/**
 * Range and what hangs off it: format (fill, font), conditional formats, merged areas (RangeAreas).
 */
import {
  MAX_COLUMNS,
  MAX_ROWS,
  type Rect,
  boundingRect,
  cellCount,
  columnCount,
  formatAddress,
  formatRect,
  inSheet,
  intersect,
  isEntireColumn,
  isEntireRow,
  parseAddress,
  rect,
  rowCount,
} from './addresses';
import type { ConditionalFormatRecord, FormatProp, FormatValue, HostSheet } from './document';
import { FORMAT_DEFAULTS } from './document';
import { ErrorCodes, invalidArgument, itemNotFound, officeError } from './errors';
import { type AnyProxy, ClientObject, ClientResultImpl, CollectionObject, type ScalarGetters } from './proxy';
import {
  type RangeRef,
  alive,
  assertEditable,
  clearRange,
  normalizeColor,
  readFormat,
  readGrid,
  writeCells,
  writeFormat,
  writeNumberFormat,
} from './rules';
import { TableScopedCollectionProxy } from './tables';
import { WorksheetProxy } from './worksheet';

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
    numberFormatLocal: (r) => readGrid(env, r, 'numberFormat'),
    formulas: (r) => readGrid(env, r, 'formulas'),
    formulasLocal: (r) => readGrid(env, r, 'formulas'),
    valueTypes: (r) => readGrid(env, r, 'valueTypes'),
    hidden: () => false,
    rowHidden: () => false,
    columnHidden: () => false,
    hasSpill: () => false,
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
  get hidden(): boolean {
    return this._get('hidden');
  }
  get rowHidden(): boolean {
    return this._get('rowHidden');
  }
  get columnHidden(): boolean {
    return this._get('columnHidden');
  }
  get hasSpill(): boolean {
    return this._get('hasSpill');
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
  get numberFormatLocal(): Grid {
    return this._get('numberFormatLocal');
  }
  set numberFormatLocal(v: Grid) {
    this._setProp('numberFormatLocal', v, (ref) => writeNumberFormat(this._env, ref, v));
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

  getColumnsBefore(count = 1): RangeProxy {
    return this._derive('getColumnsBefore', [count], ({ area }) => rect(area.r0, area.c0 - count, area.r1, area.c0 - 1));
  }

  getRowsAbove(count = 1): RangeProxy {
    return this._derive('getRowsAbove', [count], ({ area }) => rect(area.r0 - count, area.c0, area.r0 - 1, area.c1));
  }

  getRowsBelow(count = 1): RangeProxy {
    return this._derive('getRowsBelow', [count], ({ area }) => rect(area.r1 + 1, area.c0, area.r1 + count, area.c1));
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

// ---- format -------------------------------------------------------------------------------

abstract class FormatPart extends ClientObject<RangeRef> {
  protected _fmt(prop: FormatProp, fallback: FormatValue): (r: RangeRef) => unknown {
    return (r) => readFormat(r, prop, fallback);
  }

  protected _write(name: string, prop: FormatProp, value: FormatValue | undefined): void {
    this._setProp(name, value, (ref) => writeFormat(this._env, ref, prop, value, `${this._typeName}.${name}`));
  }
}

export class RangeFormatProxy extends FormatPart {
  get _typeName(): string {
    return 'RangeFormat';
  }

  protected _scalars(): ScalarGetters<RangeRef> {
    return {
      horizontalAlignment: this._fmt('horizontalAlignment', 'General'),
      verticalAlignment: this._fmt('verticalAlignment', 'Bottom'),
      wrapText: this._fmt('wrapText', false),
      columnWidth: (r) => r.sheet.columnWidths.uniform(rect(0, r.area.c0, 0, r.area.c1), 48),
      rowHeight: (r) => r.sheet.rowHeights.uniform(rect(r.area.r0, 0, r.area.r1, 0), 15),
    };
  }

  protected _navNames(): readonly string[] {
    return ['fill', 'font'];
  }

  get fill(): RangeFillProxy {
    return this._child('fill', () => new RangeFillProxy(this.context, this, () => this._resolve()));
  }

  get font(): RangeFontProxy {
    return this._child('font', () => new RangeFontProxy(this.context, this, () => this._resolve()));
  }

  get horizontalAlignment(): string {
    return this._get('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    this._write('horizontalAlignment', 'horizontalAlignment', v);
  }
  get verticalAlignment(): string {
    return this._get('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    this._write('verticalAlignment', 'verticalAlignment', v);
  }
  get wrapText(): boolean {
    return this._get('wrapText');
  }
  set wrapText(v: boolean) {
    this._write('wrapText', 'wrapText', v);
  }

  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(v: number) {
    this._setProp('columnWidth', v, (ref) => {
      alive(ref.sheet, 'RangeFormat.columnWidth');
      assertEditable(ref.sheet, 'columns', 'RangeFormat.columnWidth');
      ref.sheet.columnWidths.setRect(rect(0, ref.area.c0, 0, ref.area.c1), v);
    });
  }

  get rowHeight(): number {
    return this._get('rowHeight');
  }
  set rowHeight(v: number) {
    this._setProp('rowHeight', v, (ref) => {
      alive(ref.sheet, 'RangeFormat.rowHeight');
      assertEditable(ref.sheet, 'rows', 'RangeFormat.rowHeight');
      ref.sheet.rowHeights.setRect(rect(ref.area.r0, 0, ref.area.r1, 0), v);
    });
  }

  autofitColumns(): void {
    this._action('autofitColumns', [], (ref) => {
      alive(ref.sheet, 'RangeFormat.autofitColumns');
      assertEditable(ref.sheet, 'columns', 'RangeFormat.autofitColumns');
      ref.sheet.autofitColumnsCalls.push(formatRect(ref.area));
    });
  }

  autofitRows(): void {
    this._action('autofitRows', [], (ref) => {
      alive(ref.sheet, 'RangeFormat.autofitRows');
      assertEditable(ref.sheet, 'rows', 'RangeFormat.autofitRows');
      ref.sheet.autofitRowsCalls.push(formatRect(ref.area));
    });
  }
}

export class RangeFillProxy extends FormatPart {
  get _typeName(): string {
    return 'RangeFill';
  }

  protected _scalars(): ScalarGetters<RangeRef> {
    return { color: this._fmt('fill', '#FFFFFF'), pattern: (r) => (readFormat(r, 'fill', '') === '' ? 'None' : 'Solid') };
  }

  /** "#RRGGBB"; "#FFFFFF" when there is no fill; null when cells differ. */
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._props.set('color', v);
    this._action('color=', v, (ref) => writeFormat(this._env, ref, 'fill', normalizeColor(v, 'RangeFill.color'), 'RangeFill.color'));
  }

  get pattern(): string {
    return this._get('pattern');
  }

  clear(): void {
    this._action('clear', [], (ref) => writeFormat(this._env, ref, 'fill', undefined, 'RangeFill.clear'));
  }
}

export class RangeFontProxy extends FormatPart {
  get _typeName(): string {
    return 'RangeFont';
  }

  protected _scalars(): ScalarGetters<RangeRef> {
    const d = FORMAT_DEFAULTS;
    return {
      bold: this._fmt('fontBold', d.fontBold as boolean),
      italic: this._fmt('fontItalic', d.fontItalic as boolean),
      color: this._fmt('fontColor', d.fontColor as string),
      name: this._fmt('fontName', d.fontName as string),
      size: this._fmt('fontSize', d.fontSize as number),
      underline: this._fmt('fontUnderline', d.fontUnderline as string),
      strikethrough: this._fmt('fontStrikethrough', d.fontStrikethrough as boolean),
    };
  }

  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._write('bold', 'fontBold', v);
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this._write('italic', 'fontItalic', v);
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._props.set('color', v);
    this._action('color=', v, (ref) => writeFormat(this._env, ref, 'fontColor', normalizeColor(v, 'RangeFont.color'), 'RangeFont.color'));
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._write('name', 'fontName', v);
  }
  get size(): number {
    return this._get('size');
  }
  set size(v: number) {
    this._write('size', 'fontSize', v);
  }
  get underline(): string {
    return this._get('underline');
  }
  set underline(v: string) {
    this._write('underline', 'fontUnderline', v);
  }
  get strikethrough(): boolean {
    return this._get('strikethrough');
  }
  set strikethrough(v: boolean) {
    this._write('strikethrough', 'fontStrikethrough', v);
  }
}

// ---- conditional formats ------------------------------------------------------------------

export const CONDITIONAL_FORMAT_TYPES = ['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue'];

export interface CfRef {
  sheet: HostSheet;
  record: ConditionalFormatRecord;
}

function liveCf(ref: CfRef, location: string): CfRef {
  alive(ref.sheet, location);
  if (ref.record.deleted) throw itemNotFound('the conditional format was deleted', location);
  return ref;
}

export class ConditionalFormatCollectionProxy extends CollectionObject<RangeRef, ConditionalFormatProxy, CfRef> {
  get _typeName(): string {
    return 'ConditionalFormatCollection';
  }

  protected _itemRefs(ref: RangeRef): CfRef[] {
    alive(ref.sheet, 'ConditionalFormatCollection');
    return ref.sheet.conditionalFormats
      .filter((cf) => !cf.deleted && intersect(cf.area, ref.area) !== null)
      .sort((a, b) => a.priority - b.priority)
      .map((record) => ({ sheet: ref.sheet, record }));
  }

  protected _makeItem(ref: CfRef): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, this, () => ref, { preset: { ref } });
  }

  add(type: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(
      this.context,
      this,
      () => {
        const ref = this._resolve();
        if (ref === null) return null;
        const location = 'ConditionalFormatCollection.add';
        alive(ref.sheet, location);
        assertEditable(ref.sheet, 'format', location);
        if (!CONDITIONAL_FORMAT_TYPES.includes(type)) throw invalidArgument(`Unknown conditional format type '${type}'.`, location);
        for (const cf of ref.sheet.conditionalFormats) cf.priority += 1;
        const record: ConditionalFormatRecord = {
          id: this._env.book.newId('cf-'),
          type,
          address: formatRect(ref.area),
          area: ref.area,
          rule: {},
          format: {},
          priority: 0,
          stopIfTrue: false,
          deleted: false,
        };
        ref.sheet.conditionalFormats.push(record);
        this._env.book.emit({ kind: 'conditionalFormats', sheet: ref.sheet.name, address: record.address, origin: 'api' });
        return { sheet: ref.sheet, record };
      },
      { name: 'add', args: [type], action: true },
    );
  }

  getItem(id: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(
      this.context,
      this,
      () => {
        const ref = this._resolve();
        if (ref === null) return null;
        const found = this._itemRefs(ref).find((c) => c.record.id === id);
        if (!found) throw itemNotFound(`conditional format '${id}'`, 'ConditionalFormatCollection.getItem');
        return found;
      },
      { name: 'getItem', args: [id] },
    );
  }

  getItemAt(index: number): ConditionalFormatProxy {
    return new ConditionalFormatProxy(
      this.context,
      this,
      () => {
        const ref = this._resolve();
        if (ref === null) return null;
        const found = this._itemRefs(ref)[index];
        if (!found) throw itemNotFound(`conditional format #${index}`, 'ConditionalFormatCollection.getItemAt');
        return found;
      },
      { name: 'getItemAt', args: [index] },
    );
  }

  getCount(): ClientResultImpl<number> {
    return this._query('getCount', [], (ref) => this._itemRefs(ref).length);
  }

  clearAll(): void {
    this._action('clearAll', [], (ref) => {
      assertEditable(ref.sheet, 'format', 'ConditionalFormatCollection.clearAll');
      for (const { record } of this._itemRefs(ref)) record.deleted = true;
      ref.sheet.conditionalFormats = ref.sheet.conditionalFormats.filter((c) => !c.deleted);
      this._env.book.emit({ kind: 'conditionalFormats', sheet: ref.sheet.name, address: formatRect(ref.area), origin: 'api' });
    });
  }
}

export class ConditionalFormatProxy extends ClientObject<CfRef> {
  get _typeName(): string {
    return 'ConditionalFormat';
  }

  protected _scalars(): ScalarGetters<CfRef> {
    return {
      id: (r) => r.record.id,
      type: (r) => liveCf(r, 'ConditionalFormat.type').record.type,
      priority: (r) => r.record.priority,
      stopIfTrue: (r) => r.record.stopIfTrue,
    };
  }

  protected _navNames(): readonly string[] {
    return ['textComparison', 'custom', 'cellValue', 'colorScale'];
  }

  get id(): string {
    return this._get('id');
  }
  get type(): string {
    return this._get('type');
  }
  get priority(): number {
    return this._get('priority');
  }
  set priority(v: number) {
    this._setProp('priority', v, (ref) => {
      liveCf(ref, 'ConditionalFormat.priority').record.priority = v;
    });
  }
  get stopIfTrue(): boolean {
    return this._get('stopIfTrue');
  }
  set stopIfTrue(v: boolean) {
    this._setProp('stopIfTrue', v, (ref) => {
      liveCf(ref, 'ConditionalFormat.stopIfTrue').record.stopIfTrue = v;
    });
  }

  private _typed<C extends AnyProxy>(name: string, type: string, make: (resolver: () => CfRef | null) => C): C {
    return this._child(name, () =>
      make(() => {
        const ref = this._resolve();
        if (ref === null) return null;
        liveCf(ref, `ConditionalFormat.${name}`);
        if (ref.record.type !== type) {
          throw officeError(ErrorCodes.invalidOperation, `This conditional format is of type '${ref.record.type}', not '${type}'.`, `ConditionalFormat.${name}`);
        }
        return ref;
      }),
    );
  }

  get textComparison(): TextConditionalFormatProxy {
    return this._typed('textComparison', 'ContainsText', (res) => new TextConditionalFormatProxy(this.context, this, res));
  }

  get custom(): CustomConditionalFormatProxy {
    return this._typed('custom', 'Custom', (res) => new CustomConditionalFormatProxy(this.context, this, res));
  }

  get cellValue(): CellValueConditionalFormatProxy {
    return this._typed('cellValue', 'CellValue', (res) => new CellValueConditionalFormatProxy(this.context, this, res));
  }

  get colorScale(): ColorScaleConditionalFormatProxy {
    return this._typed('colorScale', 'ColorScale', (res) => new ColorScaleConditionalFormatProxy(this.context, this, res));
  }

  getRange(): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      () => {
        const ref = this._resolve();
        if (ref === null) return null;
        liveCf(ref, 'ConditionalFormat.getRange');
        return { sheet: ref.sheet, area: ref.record.area };
      },
      { name: 'getRange', args: [] },
    );
  }

  delete(): void {
    this._action('delete', [], (ref) => {
      liveCf(ref, 'ConditionalFormat.delete');
      assertEditable(ref.sheet, 'format', 'ConditionalFormat.delete');
      ref.record.deleted = true;
      ref.sheet.conditionalFormats = ref.sheet.conditionalFormats.filter((c) => !c.deleted);
      this._env.book.emit({ kind: 'conditionalFormats', sheet: ref.sheet.name, address: ref.record.address, origin: 'api' });
    });
  }
}

/** Shared by the typed conditional formats: the rule object and a `format` child. */
abstract class RuleHolder extends ClientObject<CfRef> {
  protected _navNames(): readonly string[] {
    return ['format'];
  }

  get format(): ConditionalRangeFormatProxy {
    return this._child('format', () => new ConditionalRangeFormatProxy(this.context, this, () => this._resolve()));
  }

  protected _setRule(value: unknown, allowed: string[]): void {
    this._setProp('rule', value, (ref) => {
      const location = `${this._typeName}.rule`;
      liveCf(ref, location);
      assertEditable(ref.sheet, 'format', location);
      if (value === null || typeof value !== 'object') throw invalidArgument('The rule must be an object.', location);
      const rule: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (!allowed.includes(k)) throw invalidArgument(`Unknown rule property '${k}'.`, location);
        rule[k] = v;
      }
      ref.record.rule = rule;
      this._env.book.emit({ kind: 'conditionalFormats', sheet: ref.sheet.name, address: ref.record.address, origin: 'api' });
    });
  }
}

export class TextConditionalFormatProxy extends RuleHolder {
  get _typeName(): string {
    return 'TextConditionalFormat';
  }
  protected _scalars(): ScalarGetters<CfRef> {
    return { rule: (r) => ({ ...r.record.rule }) };
  }
  get rule(): { operator: string; text: string } {
    return this._get('rule');
  }
  set rule(v: { operator: string; text: string }) {
    this._setRule(v, ['operator', 'text']);
  }
}

export class CellValueConditionalFormatProxy extends RuleHolder {
  get _typeName(): string {
    return 'CellValueConditionalFormat';
  }
  protected _scalars(): ScalarGetters<CfRef> {
    return { rule: (r) => ({ ...r.record.rule }) };
  }
  get rule(): { formula1: string; formula2?: string; operator: string } {
    return this._get('rule');
  }
  set rule(v: { formula1: string; formula2?: string; operator: string }) {
    this._setRule(v, ['formula1', 'formula2', 'operator']);
  }
}

export class CustomConditionalFormatProxy extends RuleHolder {
  get _typeName(): string {
    return 'CustomConditionalFormat';
  }
  protected _scalars(): ScalarGetters<CfRef> {
    return {};
  }
  protected _navNames(): readonly string[] {
    return ['format', 'rule'];
  }
  get rule(): ConditionalFormatRuleProxy {
    return this._child('rule', () => new ConditionalFormatRuleProxy(this.context, this, () => this._resolve()));
  }
}

export class ConditionalFormatRuleProxy extends ClientObject<CfRef> {
  get _typeName(): string {
    return 'ConditionalFormatRule';
  }
  protected _scalars(): ScalarGetters<CfRef> {
    const f = (r: CfRef) => (typeof r.record.rule.formula === 'string' ? r.record.rule.formula : '');
    return { formula: f, formulaLocal: f, formulaR1C1: f };
  }
  get formula(): string {
    return this._get('formula');
  }
  set formula(v: string) {
    this._setFormula('formula', v);
  }
  get formulaLocal(): string {
    return this._get('formulaLocal');
  }
  set formulaLocal(v: string) {
    this._setFormula('formulaLocal', v);
  }
  private _setFormula(name: string, v: string): void {
    this._setProp(name, v, (ref) => {
      liveCf(ref, `ConditionalFormatRule.${name}`);
      assertEditable(ref.sheet, 'format', `ConditionalFormatRule.${name}`);
      ref.record.rule = { ...ref.record.rule, formula: v };
      this._env.book.emit({ kind: 'conditionalFormats', sheet: ref.sheet.name, address: ref.record.address, origin: 'api' });
    });
  }
}

export interface ColorScaleCriterion {
  type: string;
  formula?: string | null;
  color?: string | null;
}

export interface ColorScaleCriteria {
  minimum: ColorScaleCriterion;
  midpoint?: ColorScaleCriterion | null;
  maximum: ColorScaleCriterion;
}

const CRITERION_TYPES = ['LowestValue', 'HighestValue', 'Number', 'Percent', 'Formula', 'Percentile'];

/** Checks a colour scale as Excel does: minimum and maximum required, a formula where the type needs one. */
function colorScaleCriteria(value: unknown, location: string): ColorScaleCriteria {
  if (value === null || typeof value !== 'object') throw invalidArgument('The criteria must be an object.', location);
  const v = value as Record<string, unknown>;
  for (const k of Object.keys(v)) if (!['minimum', 'midpoint', 'maximum'].includes(k)) throw invalidArgument(`Unknown criteria property '${k}'.`, location);
  const one = (name: 'minimum' | 'midpoint' | 'maximum'): ColorScaleCriterion => {
    const c = v[name];
    if (c === null || typeof c !== 'object') throw invalidArgument(`The ${name} criterion is missing.`, location);
    const { type, formula, color } = c as Record<string, unknown>;
    if (typeof type !== 'string' || !CRITERION_TYPES.includes(type)) throw invalidArgument(`Unknown ${name} criterion type '${String(type)}'.`, location);
    if ((name === 'minimum' && type === 'HighestValue') || (name === 'maximum' && type === 'LowestValue') || (name === 'midpoint' && /Value$/.test(type))) {
      throw invalidArgument(`The ${name} criterion cannot be of type '${type}'.`, location);
    }
    const needsFormula = !/Value$/.test(type);
    if (needsFormula && (typeof formula !== 'string' || formula.trim() === '')) throw invalidArgument(`The ${name} criterion of type '${type}' needs a formula.`, location);
    return {
      type,
      formula: needsFormula ? (formula as string) : null,
      color: color === undefined || color === null ? null : normalizeColor(color, location),
    };
  };
  const criteria: ColorScaleCriteria = { minimum: one('minimum'), maximum: one('maximum') };
  if (v.midpoint !== undefined && v.midpoint !== null) criteria.midpoint = one('midpoint');
  return criteria;
}

/** A two- or three-colour scale: `criteria` (minimum, optional midpoint, maximum). */
export class ColorScaleConditionalFormatProxy extends ClientObject<CfRef> {
  get _typeName(): string {
    return 'ColorScaleConditionalFormat';
  }
  protected _scalars(): ScalarGetters<CfRef> {
    const criteria = (r: CfRef) => (r.record.rule.criteria as ColorScaleCriteria | undefined) ?? null;
    return {
      criteria: (r) => {
        const c = criteria(r);
        return c === null ? { minimum: null, midpoint: null, maximum: null } : JSON.parse(JSON.stringify(c));
      },
      threeColorScale: (r) => Boolean(criteria(r)?.midpoint),
    };
  }
  get criteria(): ColorScaleCriteria {
    return this._get('criteria');
  }
  set criteria(v: ColorScaleCriteria) {
    this._setProp('criteria', v, (ref) => {
      const location = 'ColorScaleConditionalFormat.criteria';
      liveCf(ref, location);
      assertEditable(ref.sheet, 'format', location);
      ref.record.rule = { criteria: colorScaleCriteria(v, location) };
      this._env.book.emit({ kind: 'conditionalFormats', sheet: ref.sheet.name, address: ref.record.address, origin: 'api' });
    });
  }
  get threeColorScale(): boolean {
    return this._get('threeColorScale');
  }
}

type CfFormatKey = 'fill' | 'fontColor' | 'bold' | 'italic' | 'numberFormat';

abstract class CfFormatPart extends ClientObject<CfRef> {
  protected _cfWrite(name: string, key: CfFormatKey, value: string | boolean | null, color = false): void {
    this._props.set(name, value);
    this._action(`${name}=`, value, (ref) => {
      const location = `${this._typeName}.${name}`;
      liveCf(ref, location);
      assertEditable(ref.sheet, 'format', location);
      const stored = color && value !== null ? normalizeColor(value, location) : value;
      ref.record.format = { ...ref.record.format, [key]: stored };
      this._env.book.emit({ kind: 'conditionalFormats', sheet: ref.sheet.name, address: ref.record.address, origin: 'api' });
    });
  }
}

export class ConditionalRangeFormatProxy extends CfFormatPart {
  get _typeName(): string {
    return 'ConditionalRangeFormat';
  }
  protected _scalars(): ScalarGetters<CfRef> {
    return { numberFormat: (r) => r.record.format.numberFormat ?? null };
  }
  protected _navNames(): readonly string[] {
    return ['fill', 'font'];
  }
  get numberFormat(): string {
    return this._get('numberFormat');
  }
  set numberFormat(v: string) {
    this._cfWrite('numberFormat', 'numberFormat', v);
  }
  get fill(): ConditionalRangeFillProxy {
    return this._child('fill', () => new ConditionalRangeFillProxy(this.context, this, () => this._resolve()));
  }
  get font(): ConditionalRangeFontProxy {
    return this._child('font', () => new ConditionalRangeFontProxy(this.context, this, () => this._resolve()));
  }
}

export class ConditionalRangeFillProxy extends CfFormatPart {
  get _typeName(): string {
    return 'ConditionalRangeFill';
  }
  protected _scalars(): ScalarGetters<CfRef> {
    return { color: (r) => r.record.format.fill ?? null };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._cfWrite('color', 'fill', v, true);
  }
  clear(): void {
    this._cfWrite('color', 'fill', null);
  }
}

export class ConditionalRangeFontProxy extends CfFormatPart {
  get _typeName(): string {
    return 'ConditionalRangeFont';
  }
  protected _scalars(): ScalarGetters<CfRef> {
    return {
      color: (r) => r.record.format.fontColor ?? null,
      bold: (r) => r.record.format.bold ?? null,
      italic: (r) => r.record.format.italic ?? null,
    };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._cfWrite('color', 'fontColor', v, true);
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._cfWrite('bold', 'bold', v);
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this._cfWrite('italic', 'italic', v);
  }
  clear(): void {
    this._cfWrite('color', 'fontColor', null);
  }
}

// ---- RangeAreas ---------------------------------------------------------------------------

export interface AreasRef {
  sheet: HostSheet;
  areas: Rect[];
}

export class RangeAreasProxy extends ClientObject<AreasRef> {
  get _typeName(): string {
    return 'RangeAreas';
  }

  protected _scalars(): ScalarGetters<AreasRef> {
    return {
      address: (r) => r.areas.map((a) => formatAddress(r.sheet.name, a)).join(', '),
      addressLocal: (r) => r.areas.map((a) => formatAddress(r.sheet.name, a)).join(', '),
      areaCount: (r) => r.areas.length,
      cellCount: (r) => r.areas.reduce((n, a) => n + cellCount(a), 0),
      isEntireColumn: (r) => r.areas.every(isEntireColumn),
      isEntireRow: (r) => r.areas.every(isEntireRow),
    };
  }

  protected _navNames(): readonly string[] {
    return ['areas', 'worksheet'];
  }

  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get areaCount(): number {
    return this._get('areaCount');
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

  get areas(): RangeCollectionProxy {
    return this._child('areas', () => new RangeCollectionProxy(this.context, this, () => this._resolve()));
  }

  get worksheet(): WorksheetProxy {
    return this._child('worksheet', () => new WorksheetProxy(this.context, this, () => this._resolve()?.sheet ?? null));
  }
}

export class RangeCollectionProxy extends CollectionObject<AreasRef, RangeProxy, RangeRef> {
  get _typeName(): string {
    return 'RangeCollection';
  }

  protected _itemRefs(ref: AreasRef): RangeRef[] {
    return ref.areas.map((area) => ({ sheet: ref.sheet, area }));
  }

  protected _makeItem(ref: RangeRef): RangeProxy {
    return new RangeProxy(this.context, this, () => ref, { preset: { ref } });
  }

  getCount(): ClientResultImpl<number> {
    return this._query('getCount', [], (ref) => ref.areas.length);
  }

  getItemAt(index: number): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      () => {
        const ref = this._resolve();
        if (ref === null) return null;
        const area = ref.areas[index];
        if (!area) throw itemNotFound(`area #${index}`, 'RangeCollection.getItemAt');
        return { sheet: ref.sheet, area };
      },
      { name: 'getItemAt', args: [index] },
    );
  }
}
