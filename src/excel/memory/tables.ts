/**
 * Tables (ListObjects): the workbook- and worksheet-level collections, columns and row appends.
 */
import { type Rect, columnCount, contains, overlaps, parseAddress, rect } from './addresses';
import type { HostBook, HostSheet, TableRecord } from './document';
import { ErrorCodes, invalidArgument, itemNotFound, officeError } from './errors';
import { ClientObject, ClientResultImpl, CollectionObject, type ScalarGetters } from './proxy';
import { RangeProxy, type RangeRef } from './range';
import { alive, assertEditable, writeCells } from './rules';
import { WorksheetProxy } from './worksheet';

export interface TablesScope {
  book: HostBook;
  /** Set for `worksheet.tables`; undefined for `workbook.tables`. */
  sheet?: HostSheet;
  /** Set for `range.getTables()`: tables overlapping (or inside) this area of `sheet`. */
  area?: Rect;
  fullyContained?: boolean;
}

function live(t: TableRecord, location: string): TableRecord {
  if (t.deleted) throw itemNotFound(`table '${t.name}' was deleted`, location);
  alive(t.sheet, location);
  return t;
}

function dataRows(t: TableRecord): { first: number; last: number } {
  return { first: t.area.r0 + 1, last: t.area.r1 - (t.showTotals ? 1 : 0) };
}

export class TableCollectionProxy extends CollectionObject<TablesScope, TableProxy, TableRecord> {
  get _typeName(): string {
    return 'TableCollection';
  }

  protected _scalars(): ScalarGetters<TablesScope> {
    return { count: (scope) => this._itemRefs(scope).length };
  }

  protected _itemRefs(scope: TablesScope): TableRecord[] {
    const { area } = scope;
    const tables = scope.book.liveTables().filter((t) => scope.sheet === undefined || t.sheet === scope.sheet);
    if (area === undefined) return tables;
    return tables
      .filter((t) => (scope.fullyContained ? contains(area, t.area) : overlaps(area, t.area)))
      .sort((a, b) => a.area.r0 - b.area.r0 || a.area.c0 - b.area.c0);
  }

  protected _makeItem(t: TableRecord): TableProxy {
    return new TableProxy(this.context, this, () => t, { preset: { ref: t } });
  }

  get count(): number {
    return this._get('count');
  }

  private _table(name: string, args: unknown[], find: (scope: TablesScope) => TableRecord | null, action = false): TableProxy {
    return new TableProxy(
      this.context,
      this,
      () => {
        const scope = this._resolve();
        return scope === null ? null : find(scope);
      },
      { name, args, action },
    );
  }

  /** `address` like "A1:D20" (worksheet.tables) or "Sheet1!A1:D20" (workbook.tables). */
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    if (typeof address !== 'string') this._sameContext(address);
    return this._table(
      'add',
      [typeof address === 'string' ? address : '<Range>', hasHeaders],
      (scope) => {
        const location = 'TableCollection.add';
        let sheet: HostSheet;
        let area: Rect;
        if (typeof address === 'string') {
          const parsed = parseAddress(address);
          const named = parsed.sheet !== undefined ? scope.book.sheet(parsed.sheet) : undefined;
          if (parsed.sheet !== undefined && !named) throw itemNotFound(`worksheet '${parsed.sheet}'`, location);
          if (scope.sheet && named && named !== scope.sheet) throw invalidArgument(`'${address}' names another worksheet.`, location);
          sheet = scope.sheet ?? named ?? scope.book.active();
          area = parsed.rect;
        } else {
          const ref = address._resolve();
          if (ref === null) throw invalidArgument('The range is a null object.', location);
          sheet = ref.sheet;
          area = ref.area;
        }
        alive(sheet, location);
        assertEditable(sheet, 'objects', location);
        return scope.book.addTable(sheet, area, hasHeaders, undefined, 'api');
      },
      true,
    );
  }

  getItem(key: string): TableProxy {
    return this._table('getItem', [key], (scope) => {
      const t = this._itemRefs(scope).find((x) => x.name.toLowerCase() === key.toLowerCase() || x.id === key);
      if (!t) throw itemNotFound(`table '${key}'`, 'TableCollection.getItem');
      return t;
    });
  }

  getItemOrNullObject(key: string): TableProxy {
    return this._table('getItemOrNullObject', [key], (scope) => this._itemRefs(scope).find((x) => x.name.toLowerCase() === key.toLowerCase() || x.id === key) ?? null);
  }

  getItemAt(index: number): TableProxy {
    return this._table('getItemAt', [index], (scope) => {
      const t = this._itemRefs(scope)[index];
      if (!t) throw itemNotFound(`table #${index}`, 'TableCollection.getItemAt');
      return t;
    });
  }

  getCount(): ClientResultImpl<number> {
    return this._query('getCount', [], (scope) => this._itemRefs(scope).length);
  }
}

/** `range.getTables()`: the tables that overlap a range, top to bottom, left to right. */
export class TableScopedCollectionProxy extends TableCollectionProxy {
  get _typeName(): string {
    return 'TableScopedCollection';
  }

  getFirst(): TableProxy {
    return new TableProxy(
      this.context,
      this,
      () => {
        const scope = this._resolve();
        if (scope === null) return null;
        const first = this._itemRefs(scope)[0];
        if (!first) throw itemNotFound('no table in the range', 'TableScopedCollection.getFirst');
        return first;
      },
      { name: 'getFirst', args: [] },
    );
  }
}

export class TableProxy extends ClientObject<TableRecord> {
  get _typeName(): string {
    return 'Table';
  }

  protected _scalars(): ScalarGetters<TableRecord> {
    return {
      id: (t) => t.id,
      name: (t) => live(t, 'Table.name').name,
      showHeaders: (t) => t.showHeaders,
      showTotals: (t) => t.showTotals,
      style: (t) => t.style,
    };
  }

  protected _navNames(): readonly string[] {
    return ['columns', 'rows', 'worksheet'];
  }

  get id(): string {
    return this._get('id');
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._setProp('name', v, (t) => {
      live(t, 'Table.name');
      this._env.book.validateTableName(v, t);
      t.name = v;
      this._env.book.emit({ kind: 'tables', sheet: t.sheet.name, origin: 'api' });
    });
  }
  get showHeaders(): boolean {
    return this._get('showHeaders');
  }
  get showTotals(): boolean {
    return this._get('showTotals');
  }
  set showTotals(v: boolean) {
    this._setProp('showTotals', v, (t) => {
      live(t, 'Table.showTotals');
      if (v === t.showTotals) return;
      t.showTotals = v;
      t.area = rect(t.area.r0, t.area.c0, t.area.r1 + (v ? 1 : -1), t.area.c1);
      this._env.book.emit({ kind: 'tables', sheet: t.sheet.name, origin: 'api' });
    });
  }
  get style(): string {
    return this._get('style');
  }
  set style(v: string) {
    this._setProp('style', v, (t) => {
      live(t, 'Table.style').style = v;
    });
  }

  get columns(): TableColumnCollectionProxy {
    return this._child('columns', () => new TableColumnCollectionProxy(this.context, this, () => this._resolve()));
  }

  get rows(): TableRowCollectionProxy {
    return this._child('rows', () => new TableRowCollectionProxy(this.context, this, () => this._resolve()));
  }

  get worksheet(): WorksheetProxy {
    return this._child('worksheet', () => new WorksheetProxy(this.context, this, () => this._resolve()?.sheet ?? null));
  }

  private _part(name: string, fn: (t: TableRecord) => Rect): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      (): RangeRef | null => {
        const t = this._resolve();
        if (t === null) return null;
        live(t, `Table.${name}`);
        return { sheet: t.sheet, area: fn(t) };
      },
      { name, args: [] },
    );
  }

  getRange(): RangeProxy {
    return this._part('getRange', (t) => t.area);
  }

  getHeaderRowRange(): RangeProxy {
    return this._part('getHeaderRowRange', (t) => rect(t.area.r0, t.area.c0, t.area.r0, t.area.c1));
  }

  getDataBodyRange(): RangeProxy {
    return this._part('getDataBodyRange', (t) => {
      const { first, last } = dataRows(t);
      return rect(first, t.area.c0, last, t.area.c1);
    });
  }

  getTotalRowRange(): RangeProxy {
    return this._part('getTotalRowRange', (t) => {
      if (!t.showTotals) throw officeError(ErrorCodes.invalidOperation, 'The table has no total row.', 'Table.getTotalRowRange');
      return rect(t.area.r1, t.area.c0, t.area.r1, t.area.c1);
    });
  }

  delete(): void {
    this._action('delete', [], (t) => {
      live(t, 'Table.delete');
      assertEditable(t.sheet, 'objects', 'Table.delete');
      t.sheet.cells.clear(t.area);
      t.deleted = true;
      this._env.book.emit({ kind: 'tables', sheet: t.sheet.name, origin: 'api' });
      this._env.book.changed(t.sheet, t.area, 'api');
    });
  }

  convertToRange(): RangeProxy {
    const range = this._part('convertToRange', (t) => t.area);
    this._action('convertToRange', [], (t) => {
      live(t, 'Table.convertToRange').deleted = true;
      this._env.book.emit({ kind: 'tables', sheet: t.sheet.name, origin: 'api' });
    });
    return range;
  }
}

export interface ColumnRef {
  table: TableRecord;
  index: number;
}

export class TableColumnCollectionProxy extends CollectionObject<TableRecord, TableColumnProxy, ColumnRef> {
  get _typeName(): string {
    return 'TableColumnCollection';
  }

  protected _scalars(): ScalarGetters<TableRecord> {
    return { count: (t) => columnCount(live(t, 'TableColumnCollection.count').area) };
  }

  protected _itemRefs(t: TableRecord): ColumnRef[] {
    live(t, 'TableColumnCollection');
    return Array.from({ length: columnCount(t.area) }, (_, index) => ({ table: t, index }));
  }

  protected _makeItem(ref: ColumnRef): TableColumnProxy {
    return new TableColumnProxy(this.context, this, () => ref, { preset: { ref } });
  }

  get count(): number {
    return this._get('count');
  }

  private _column(name: string, args: unknown[], find: (t: TableRecord) => ColumnRef | null): TableColumnProxy {
    return new TableColumnProxy(
      this.context,
      this,
      () => {
        const t = this._resolve();
        return t === null ? null : find(live(t, `TableColumnCollection.${name}`));
      },
      { name, args },
    );
  }

  private _byKey(t: TableRecord, key: string | number): ColumnRef | null {
    const names = this._env.book.tableColumns(t);
    const index = typeof key === 'number' ? key - 1 : names.findIndex((n) => n.toLowerCase() === key.toLowerCase());
    return index >= 0 && index < names.length ? { table: t, index } : null;
  }

  /** By name, or by id (ids are 1-based column numbers here). */
  getItem(key: string | number): TableColumnProxy {
    return this._column('getItem', [key], (t) => {
      const c = this._byKey(t, key);
      if (!c) throw itemNotFound(`table column '${key}'`, 'TableColumnCollection.getItem');
      return c;
    });
  }

  getItemOrNullObject(key: string | number): TableColumnProxy {
    return this._column('getItemOrNullObject', [key], (t) => this._byKey(t, key));
  }

  getItemAt(index: number): TableColumnProxy {
    return this._column('getItemAt', [index], (t) => {
      if (index < 0 || index >= columnCount(t.area)) throw itemNotFound(`table column #${index}`, 'TableColumnCollection.getItemAt');
      return { table: t, index };
    });
  }

  getCount(): ClientResultImpl<number> {
    return this._query('getCount', [], (t) => columnCount(live(t, 'TableColumnCollection.getCount').area));
  }
}

export class TableColumnProxy extends ClientObject<ColumnRef> {
  get _typeName(): string {
    return 'TableColumn';
  }

  protected _scalars(): ScalarGetters<ColumnRef> {
    return {
      id: (c) => c.index + 1,
      index: (c) => c.index,
      name: (c) => this._env.book.tableColumns(live(c.table, 'TableColumn.name'))[c.index],
      values: (c) => {
        const t = live(c.table, 'TableColumn.values');
        const col = t.area.c0 + c.index;
        return t.sheet.cells.read(rect(t.area.r0, col, t.area.r1, col));
      },
    };
  }

  get id(): number {
    return this._get('id');
  }
  get index(): number {
    return this._get('index');
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._setProp('name', v, (c) => {
      const t = live(c.table, 'TableColumn.name');
      const col = t.area.c0 + c.index;
      writeCells(this._env, { sheet: t.sheet, area: rect(t.area.r0, col, t.area.r0, col) }, 'values', [[`'${v}`]]);
    });
  }
  get values(): unknown[][] {
    return this._get('values');
  }

  private _part(name: string, fn: (t: TableRecord, col: number) => Rect): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      (): RangeRef | null => {
        const c = this._resolve();
        if (c === null) return null;
        const t = live(c.table, `TableColumn.${name}`);
        return { sheet: t.sheet, area: fn(t, t.area.c0 + c.index) };
      },
      { name, args: [] },
    );
  }

  getRange(): RangeProxy {
    return this._part('getRange', (t, col) => rect(t.area.r0, col, t.area.r1, col));
  }

  getHeaderRowRange(): RangeProxy {
    return this._part('getHeaderRowRange', (t, col) => rect(t.area.r0, col, t.area.r0, col));
  }

  getDataBodyRange(): RangeProxy {
    return this._part('getDataBodyRange', (t, col) => {
      const { first, last } = dataRows(t);
      return rect(first, col, last, col);
    });
  }
}

export class TableRowCollectionProxy extends ClientObject<TableRecord> {
  get _typeName(): string {
    return 'TableRowCollection';
  }

  protected _scalars(): ScalarGetters<TableRecord> {
    return {
      count: (t) => {
        const { first, last } = dataRows(live(t, 'TableRowCollection.count'));
        return last - first + 1;
      },
    };
  }

  get count(): number {
    return this._get('count');
  }

  getCount(): ClientResultImpl<number> {
    return this._query('getCount', [], (t) => {
      const { first, last } = dataRows(live(t, 'TableRowCollection.getCount'));
      return last - first + 1;
    });
  }

  /**
   * Appends rows at the end of the table (index null/undefined or equal to the row count).
   * Inserting in the middle, or appending over non-blank cells, would need Excel to shift cells:
   * not supported here (NotImplemented).
   */
  add(index?: number | null, values?: unknown[][]): void {
    this._action('add', [index ?? null, values ?? null], (t) => {
      const location = 'TableRowCollection.add';
      live(t, location);
      assertEditable(t.sheet, 'cells', location);
      if (t.showTotals) throw officeError(ErrorCodes.notImplemented, 'The in-memory workbook cannot add rows to a table with a total row.', location);
      const { first, last } = dataRows(t);
      const count = last - first + 1;
      if (index !== null && index !== undefined && index !== count) {
        throw officeError(ErrorCodes.notImplemented, 'The in-memory workbook only appends table rows at the end.', location);
      }
      const width = columnCount(t.area);
      const rows = values ?? [new Array<unknown>(width).fill('')];
      if (!Array.isArray(rows) || rows.length === 0 || !rows.every((r) => Array.isArray(r) && r.length === width)) {
        throw invalidArgument(`The number of rows or columns in the input array doesn't match the size or dimensions of the range. (table has ${width} columns)`, location);
      }
      // a table whose single data row is still blank takes the first new row there
      const blankBody = count === 1 && t.sheet.cells.read(rect(first, t.area.c0, first, t.area.c1))[0].every((v) => v === '');
      const start = blankBody ? first : last + 1;
      const target = rect(start, t.area.c0, start + rows.length - 1, t.area.c1);
      if (target.r1 >= 1048576) throw invalidArgument('No room for more rows.', location);
      if (!blankBody || rows.length > 1) {
        const below = rect(blankBody ? first + 1 : last + 1, t.area.c0, target.r1, t.area.c1);
        if (below.r0 <= below.r1 && t.sheet.cells.read(below).some((line) => line.some((v) => v !== ''))) {
          throw officeError(ErrorCodes.notImplemented, 'Cells below the table are not blank; the in-memory workbook cannot shift them down.', location);
        }
      }
      const grow = target.r1 - last;
      if (grow > 0) t.area = rect(t.area.r0, t.area.c0, t.area.r1 + grow, t.area.c1);
      writeCells(this._env, { sheet: t.sheet, area: target }, 'values', rows);
      this._env.book.emit({ kind: 'tables', sheet: t.sheet.name, origin: 'api' });
    });
  }
}

