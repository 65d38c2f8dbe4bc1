/**
 * Worksheet, the worksheet collection, sheet protection and freeze panes.
 */
import { type Rect, WHOLE_SHEET, inSheet, intersect, parseAddress, parseAreas, rect } from './addresses';
import type { HostBook, HostEventPayload, HostSheet } from './document';
import { ErrorCodes, invalidArgument, itemNotFound, officeError } from './errors';
import { EventHandlersImpl, activatedArgs, changedArgs, selectionArgs } from './events';
import { ClientObject, ClientResultImpl, CollectionObject, type ScalarGetters } from './proxy';
import { RangeAreasProxy } from './areas';
import { RangeProxy } from './range';
import { alive } from './rules';
import { TableCollectionProxy } from './tables';
import { ChartCollectionProxy } from './charts';

/** Parses an address given to a worksheet: a sheet prefix, if any, must name this sheet. */
function areaOn(sheet: HostSheet, address: string, location: string): Rect {
  const parsed = parseAddress(address);
  if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
    throw invalidArgument(`The address '${address}' names another worksheet.`, location);
  }
  return parsed.rect;
}

export class WorksheetProxy extends ClientObject<HostSheet> {
  get _typeName(): string {
    return 'Worksheet';
  }

  protected _scalars(): ScalarGetters<HostSheet> {
    const live = (s: HostSheet) => alive(s, 'Worksheet');
    return {
      name: (s) => live(s).name,
      id: (s) => live(s).id,
      position: (s) => live(s).position,
      visibility: (s) => live(s).visibility,
      showGridlines: (s) => live(s).showGridlines,
      tabColor: (s) => live(s).tabColor,
      standardWidth: () => 8.43,
      standardHeight: () => 15,
      enableCalculation: () => true,
    };
  }

  protected _navNames(): readonly string[] {
    return ['protection', 'freezePanes', 'tables', 'charts'];
  }

  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._setProp('name', v, (s) => this._env.book.renameSheet(alive(s, 'Worksheet.name'), v, 'api'));
  }
  get id(): string {
    return this._get('id');
  }
  get position(): number {
    return this._get('position');
  }
  set position(v: number) {
    this._setProp('position', v, (s) => {
      const book = this._env.book;
      alive(s, 'Worksheet.position');
      if (v < 0 || v >= book.sheets.length) throw invalidArgument(`Position ${v} is outside 0…${book.sheets.length - 1}.`, 'Worksheet.position');
      book.sheets.splice(book.sheets.indexOf(s), 1);
      book.sheets.splice(v, 0, s);
      book.emit({ kind: 'sheets', sheet: s.name, origin: 'api' });
    });
  }
  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(v: string) {
    this._setProp('visibility', v, (s) => {
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw invalidArgument(`Unknown visibility '${v}'.`, 'Worksheet.visibility');
      alive(s, 'Worksheet.visibility').visibility = v;
      this._env.book.emit({ kind: 'sheets', sheet: s.name, origin: 'api' });
    });
  }
  get showGridlines(): boolean {
    return this._get('showGridlines');
  }
  set showGridlines(v: boolean) {
    this._setProp('showGridlines', v, (s) => {
      alive(s, 'Worksheet.showGridlines').showGridlines = v;
    });
  }
  get tabColor(): string {
    return this._get('tabColor');
  }
  set tabColor(v: string) {
    this._setProp('tabColor', v, (s) => {
      alive(s, 'Worksheet.tabColor').tabColor = v;
    });
  }
  get standardWidth(): number {
    return this._get('standardWidth');
  }
  get standardHeight(): number {
    return this._get('standardHeight');
  }

  get protection(): WorksheetProtectionProxy {
    return this._child('protection', () => new WorksheetProtectionProxy(this.context, this, () => this._resolve()));
  }

  get freezePanes(): WorksheetFreezePanesProxy {
    return this._child('freezePanes', () => new WorksheetFreezePanesProxy(this.context, this, () => this._resolve()));
  }

  get tables(): TableCollectionProxy {
    return this._child('tables', () => new TableCollectionProxy(this.context, this, () => {
      const s = this._resolve();
      return s === null ? null : { book: this._env.book, sheet: s };
    }));
  }

  get charts(): ChartCollectionProxy {
    return this._child('charts', () => new ChartCollectionProxy(this.context, this, () => this._resolve()));
  }

  private _range(name: string, args: unknown[], fn: (s: HostSheet) => Rect | null): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      () => {
        const s = this._resolve();
        if (s === null) return null;
        alive(s, `Worksheet.${name}`);
        const area = fn(s);
        if (area === null) return null;
        if (!inSheet(area)) throw invalidArgument(`The range is outside the worksheet (Worksheet.${name}).`, `Worksheet.${name}`);
        return { sheet: s, area };
      },
      { name, args },
    );
  }

  /** `getRange()` is the whole sheet; otherwise one A1 reference ("A1:D10", "A:D", "3:5"). */
  getRange(address?: string): RangeProxy {
    return this._range('getRange', address === undefined ? [] : [address], (s) => (address === undefined ? WHOLE_SHEET : areaOn(s, address, 'Worksheet.getRange')));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return this._range('getRangeByIndexes', [startRow, startColumn, rowCount, columnCount], () => {
      if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0) {
        throw invalidArgument('The argument is invalid or missing or has an incorrect format. (rowCount and columnCount must be at least 1)', 'Worksheet.getRangeByIndexes');
      }
      return rect(startRow, startColumn, startRow + rowCount - 1, startColumn + columnCount - 1);
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return this._range('getCell', [row, column], () => rect(row, column, row, column));
  }

  /** The used range; for an empty sheet Excel returns A1. */
  getUsedRange(valuesOnly = false): RangeProxy {
    return this._range('getUsedRange', [valuesOnly], (s) => s.usedRect(valuesOnly) ?? rect(0, 0, 0, 0));
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this._range('getUsedRangeOrNullObject', [valuesOnly], (s) => s.usedRect(valuesOnly));
  }

  /** Several areas: "A1:B2, D4:D9". */
  getRanges(address: string): RangeAreasProxy {
    return new RangeAreasProxy(
      this.context,
      this,
      () => {
        const s = this._resolve();
        if (s === null) return null;
        alive(s, 'Worksheet.getRanges');
        const areas = parseAreas(address).map((p) => {
          if (p.sheet !== undefined && p.sheet.toLowerCase() !== s.name.toLowerCase()) throw invalidArgument(`'${address}' names another worksheet.`, 'Worksheet.getRanges');
          return p.rect;
        });
        if (areas.length === 0) throw invalidArgument('No address given.', 'Worksheet.getRanges');
        return { sheet: s, areas };
      },
      { name: 'getRanges', args: [address] },
    );
  }

  activate(): void {
    this._action('activate', [], (s) => {
      alive(s, 'Worksheet.activate');
      if (s.visibility !== 'Visible') throw officeError(ErrorCodes.invalidOperation, 'A hidden worksheet cannot be activated.', 'Worksheet.activate');
      this._env.book.activate(s, 'api');
    });
  }

  delete(): void {
    this._action('delete', [], (s) => this._env.book.deleteSheet(alive(s, 'Worksheet.delete'), 'api'));
  }

  calculate(markAllDirty = false): void {
    this._action('calculate', [markAllDirty], () => {
      this._env.book.application.calculateCalls += 1;
    });
  }

  private _events<T>(kind: 'selectionChanged' | 'changed' | 'activated' | 'deactivated', makeArgs: (p: HostEventPayload) => T) {
    return new EventHandlersImpl<T>(this.context, (name, apply) => this._action(name, [], (s) => apply(alive(s, 'Worksheet.events').id)), kind, makeArgs);
  }

  get onSelectionChanged() {
    return this._events('selectionChanged', selectionArgs);
  }
  get onChanged() {
    return this._events('changed', changedArgs);
  }
  get onActivated() {
    return this._events('activated', activatedArgs);
  }
  get onDeactivated() {
    return this._events('deactivated', activatedArgs);
  }
}

export class WorksheetCollectionProxy extends CollectionObject<HostBook, WorksheetProxy, HostSheet> {
  get _typeName(): string {
    return 'WorksheetCollection';
  }

  protected _itemRefs(book: HostBook): HostSheet[] {
    return [...book.sheets];
  }

  protected _makeItem(sheet: HostSheet): WorksheetProxy {
    return new WorksheetProxy(this.context, this, () => sheet, { preset: { ref: sheet } });
  }

  private _sheet(name: string, args: unknown[], find: (book: HostBook) => HostSheet | null, action = false): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      this,
      () => {
        const book = this._resolve();
        return book === null ? null : find(book);
      },
      { name, args, action },
    );
  }

  getItem(key: string): WorksheetProxy {
    return this._sheet('getItem', [key], (book) => {
      const s = book.sheet(key);
      if (!s) throw itemNotFound(`worksheet '${key}'`, 'WorksheetCollection.getItem');
      return s;
    });
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return this._sheet('getItemOrNullObject', [key], (book) => book.sheet(key) ?? null);
  }

  add(name?: string): WorksheetProxy {
    return this._sheet('add', name === undefined ? [] : [name], (book) => book.addSheet(name, 'api'), true);
  }

  getActiveWorksheet(): WorksheetProxy {
    return this._sheet('getActiveWorksheet', [], (book) => book.active());
  }

  getFirst(visibleOnly = false): WorksheetProxy {
    return this._sheet('getFirst', [visibleOnly], (book) => {
      const s = book.sheets.find((x) => !visibleOnly || x.visibility === 'Visible');
      if (!s) throw itemNotFound('no worksheet', 'WorksheetCollection.getFirst');
      return s;
    });
  }

  getLast(visibleOnly = false): WorksheetProxy {
    return this._sheet('getLast', [visibleOnly], (book) => {
      const s = [...book.sheets].reverse().find((x) => !visibleOnly || x.visibility === 'Visible');
      if (!s) throw itemNotFound('no worksheet', 'WorksheetCollection.getLast');
      return s;
    });
  }

  getCount(visibleOnly = false): ClientResultImpl<number> {
    return this._query('getCount', [visibleOnly], (book) => book.sheets.filter((s) => !visibleOnly || s.visibility === 'Visible').length);
  }

  private _events<T>(kind: 'selectionChanged' | 'changed' | 'activated' | 'deactivated', makeArgs: (p: HostEventPayload) => T) {
    return new EventHandlersImpl<T>(this.context, (name, apply) => this._action(name, [], () => apply(undefined)), kind, makeArgs);
  }

  get onSelectionChanged() {
    return this._events('selectionChanged', selectionArgs);
  }
  get onChanged() {
    return this._events('changed', changedArgs);
  }
  get onActivated() {
    return this._events('activated', activatedArgs);
  }
  get onDeactivated() {
    return this._events('deactivated', activatedArgs);
  }
}

export class WorksheetProtectionProxy extends ClientObject<HostSheet> {
  get _typeName(): string {
    return 'WorksheetProtection';
  }

  protected _scalars(): ScalarGetters<HostSheet> {
    return {
      protected: (s) => alive(s, 'WorksheetProtection').protected,
      options: (s) => ({ ...s.protectionOptions }),
    };
  }

  get protected(): boolean {
    return this._get('protected');
  }

  get options(): Record<string, unknown> {
    return this._get('options');
  }

  protect(options?: Record<string, unknown>, password?: string): void {
    this._action('protect', [options ?? null, password === undefined ? null : '***'], (s) => {
      alive(s, 'WorksheetProtection.protect');
      if (s.protected) throw officeError(ErrorCodes.invalidOperation, 'The worksheet is already protected.', 'WorksheetProtection.protect');
      s.protected = true;
      s.protectionOptions = { ...(options ?? {}) };
      s.protectionPassword = password;
      this._env.book.emit({ kind: 'protection', sheet: s.name, origin: 'api' });
    });
  }

  unprotect(password?: string): void {
    this._action('unprotect', [password === undefined ? null : '***'], (s) => {
      alive(s, 'WorksheetProtection.unprotect');
      if (s.protected && s.protectionPassword !== undefined && s.protectionPassword !== password) {
        throw invalidArgument('The password you supplied is not correct.', 'WorksheetProtection.unprotect');
      }
      s.protected = false;
      s.protectionPassword = undefined;
      this._env.book.emit({ kind: 'protection', sheet: s.name, origin: 'api' });
    });
  }
}

export class WorksheetFreezePanesProxy extends ClientObject<HostSheet> {
  get _typeName(): string {
    return 'WorksheetFreezePanes';
  }

  protected _scalars(): ScalarGetters<HostSheet> {
    return {};
  }

  private _freeze(name: string, args: unknown[], rows: (s: HostSheet) => number, columns: (s: HostSheet) => number): void {
    this._action(name, args, (s) => {
      alive(s, `WorksheetFreezePanes.${name}`);
      const r = rows(s);
      const c = columns(s);
      if (r < 0 || c < 0) throw invalidArgument('Counts must not be negative.', `WorksheetFreezePanes.${name}`);
      s.frozenRows = r;
      s.frozenColumns = c;
    });
  }

  freezeRows(count = 1): void {
    this._freeze('freezeRows', [count], () => count, () => 0);
  }

  freezeColumns(count = 1): void {
    this._freeze('freezeColumns', [count], () => 0, () => count);
  }

  freezeAt(frozenRange: RangeProxy | string): void {
    if (typeof frozenRange !== 'string') this._sameContext(frozenRange);
    const area = (s: HostSheet): Rect => {
      if (typeof frozenRange === 'string') return areaOn(s, frozenRange, 'WorksheetFreezePanes.freezeAt');
      const ref = frozenRange._resolve();
      if (ref === null) throw invalidArgument('The range is a null object.', 'WorksheetFreezePanes.freezeAt');
      return ref.area;
    };
    this._freeze(
      'freezeAt',
      [typeof frozenRange === 'string' ? frozenRange : '<Range>'],
      (s) => area(s).r1 + 1,
      (s) => area(s).c1 + 1,
    );
  }

  unfreeze(): void {
    this._freeze('unfreeze', [], () => 0, () => 0);
  }

  getLocationOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      () => {
        const s = this._resolve();
        if (s === null || (s.frozenRows === 0 && s.frozenColumns === 0)) return null;
        const rows = s.frozenRows === 0 ? null : s.frozenRows;
        const cols = s.frozenColumns === 0 ? null : s.frozenColumns;
        const area = rect(0, 0, (rows ?? 1048576) - 1, (cols ?? 16384) - 1);
        return { sheet: s, area: intersect(area, WHOLE_SHEET) ?? area };
      },
      { name: 'getLocationOrNullObject', args: [] },
    );
  }
}
