/**
 * Workbook (selection, active cell), settings and the application object.
 */
import type { HostBook } from './document';
import { ErrorCodes, invalidArgument, itemNotFound, officeError } from './errors';
import { EventHandlersImpl, workbookSelectionArgs } from './events';
import { ClientObject, ClientResultImpl, CollectionObject, type ScalarGetters } from './proxy';
import { RangeAreasProxy } from './areas';
import { RangeProxy } from './range';
import { TableCollectionProxy } from './tables';
import { WorksheetCollectionProxy } from './worksheet';
import { RequestContextImpl } from './context';

export class WorkbookProxy extends ClientObject<HostBook> {
  get _typeName(): string {
    return 'Workbook';
  }

  protected _scalars(): ScalarGetters<HostBook> {
    return { name: () => 'Book1.xlsx', readOnly: () => false, isDirty: () => false };
  }

  protected _navNames(): readonly string[] {
    return ['worksheets', 'tables', 'settings', 'application'];
  }

  get name(): string {
    return this._get('name');
  }
  get readOnly(): boolean {
    return this._get('readOnly');
  }

  get worksheets(): WorksheetCollectionProxy {
    return this._child('worksheets', () => new WorksheetCollectionProxy(this.context, this, () => this._resolve()));
  }

  get tables(): TableCollectionProxy {
    return this._child('tables', () => new TableCollectionProxy(this.context, this, () => {
      const book = this._resolve();
      return book === null ? null : { book };
    }));
  }

  get settings(): SettingCollectionProxy {
    return this._child('settings', () => new SettingCollectionProxy(this.context, this, () => this._resolve()));
  }

  get application(): ApplicationProxy {
    return this._child('application', () => new ApplicationProxy(this.context, this, () => this._resolve()));
  }

  /** The selected range; Excel fails (InvalidSelection) when several areas are selected. */
  getSelectedRange(): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      () => {
        const book = this._env.book;
        const sheet = book.active();
        if (sheet.selection.length !== 1) {
          throw officeError(
            ErrorCodes.invalidSelection,
            'The current selection is invalid for this operation: several ranges are selected. Use getSelectedRanges() for a multiple selection.',
            'Workbook.getSelectedRange',
          );
        }
        return { sheet, area: sheet.selection[0] };
      },
      { name: 'getSelectedRange', args: [] },
    );
  }

  getSelectedRanges(): RangeAreasProxy {
    return new RangeAreasProxy(
      this.context,
      this,
      () => {
        const sheet = this._env.book.active();
        return { sheet, areas: sheet.selection };
      },
      { name: 'getSelectedRanges', args: [] },
    );
  }

  getActiveCell(): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      () => {
        const sheet = this._env.book.active();
        const { row, column } = sheet.activeCell;
        return { sheet, area: { r0: row, c0: column, r1: row, c1: column } };
      },
      { name: 'getActiveCell', args: [] },
    );
  }

  get onSelectionChanged() {
    const env = this._env;
    return new EventHandlersImpl(
      this.context,
      (name, apply) => this._action(name, [], () => apply(undefined)),
      'workbookSelectionChanged',
      workbookSelectionArgs(env, (e) => new RequestContextImpl(e)),
    );
  }
}

// ---- settings -----------------------------------------------------------------------------

export interface SettingRef {
  book: HostBook;
  key: string;
}

function liveSetting(ref: SettingRef, location: string): SettingRef {
  if (!ref.book.settings.has(ref.key)) throw itemNotFound(`setting '${ref.key}'`, location);
  return ref;
}

function storeSetting(book: HostBook, key: string, value: unknown, location: string): void {
  if (typeof key !== 'string' || key === '' || key.length > 255) throw invalidArgument('A setting key must be a non-empty string of at most 255 characters.', location);
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') {
    throw invalidArgument(`The value of setting '${key}' cannot be serialized to JSON.`, location);
  }
  const json = JSON.stringify(value);
  if (json === undefined) throw invalidArgument(`The value of setting '${key}' cannot be serialized to JSON.`, location);
  book.settings.set(key, json);
  book.emit({ kind: 'settings', origin: 'api' });
  book.raise({ kind: 'settingsChanged', origin: 'api' });
}

export class SettingCollectionProxy extends CollectionObject<HostBook, SettingProxy, SettingRef> {
  get _typeName(): string {
    return 'SettingCollection';
  }

  protected _itemRefs(book: HostBook): SettingRef[] {
    return [...book.settings.keys()].map((key) => ({ book, key }));
  }

  protected _makeItem(ref: SettingRef): SettingProxy {
    return new SettingProxy(this.context, this, () => ref, { preset: { ref } });
  }

  private _setting(name: string, args: unknown[], find: (book: HostBook) => SettingRef | null, action = false): SettingProxy {
    return new SettingProxy(
      this.context,
      this,
      () => {
        const book = this._resolve();
        return book === null ? null : find(book);
      },
      { name, args, action },
    );
  }

  /** Adds or replaces a setting (the value is stored as JSON, like Office does). */
  add(key: string, value: unknown): SettingProxy {
    return this._setting(
      'add',
      [key, value],
      (book) => {
        storeSetting(book, key, value, 'SettingCollection.add');
        return { book, key };
      },
      true,
    );
  }

  getItem(key: string): SettingProxy {
    return this._setting('getItem', [key], (book) => liveSetting({ book, key }, 'SettingCollection.getItem'));
  }

  getItemOrNullObject(key: string): SettingProxy {
    return this._setting('getItemOrNullObject', [key], (book) => (book.settings.has(key) ? { book, key } : null));
  }

  getCount(): ClientResultImpl<number> {
    return this._query('getCount', [], (book) => book.settings.size);
  }
}

export class SettingProxy extends ClientObject<SettingRef> {
  get _typeName(): string {
    return 'Setting';
  }

  protected _scalars(): ScalarGetters<SettingRef> {
    return {
      key: (r) => r.key,
      value: (r) => JSON.parse(liveSetting(r, 'Setting.value').book.settings.get(r.key) as string) as unknown,
    };
  }

  get key(): string {
    return this._get('key');
  }

  get value(): unknown {
    return this._get('value');
  }
  set value(v: unknown) {
    this._setProp('value', v, (r) => storeSetting(r.book, r.key, v, 'Setting.value'));
  }

  delete(): void {
    this._action('delete', [], (r) => {
      r.book.settings.delete(r.key);
      r.book.emit({ kind: 'settings', origin: 'api' });
      r.book.raise({ kind: 'settingsChanged', origin: 'api' });
    });
  }
}

// ---- application --------------------------------------------------------------------------

const CALCULATION_MODES = ['Automatic', 'AutomaticExceptTables', 'Manual'];

export class ApplicationProxy extends ClientObject<HostBook> {
  get _typeName(): string {
    return 'Application';
  }

  protected _scalars(): ScalarGetters<HostBook> {
    return {
      calculationMode: (b) => b.application.calculationMode,
      calculationState: () => 'Done',
      calculationEngineVersion: () => 0,
    };
  }

  get calculationMode(): string {
    return this._get('calculationMode');
  }
  set calculationMode(v: string) {
    this._setProp('calculationMode', v, (b) => {
      if (!CALCULATION_MODES.includes(v)) throw invalidArgument(`Unknown calculation mode '${v}'.`, 'Application.calculationMode');
      b.application.calculationMode = v;
      b.emit({ kind: 'application', origin: 'api' });
    });
  }

  get calculationState(): string {
    return this._get('calculationState');
  }

  calculate(calculationType: string = 'Recalculate'): void {
    this._action('calculate', [calculationType], (b) => {
      b.application.calculateCalls += 1;
    });
  }

  suspendApiCalculationUntilNextSync(): void {
    this._action('suspendApiCalculationUntilNextSync', [], (b) => {
      b.application.apiCalculationSuspensions += 1;
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this._action('suspendScreenUpdatingUntilNextSync', [], (b) => {
      b.application.screenUpdatingSuspensions += 1;
    });
  }
}

