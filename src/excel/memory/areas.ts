/** RangeAreas (merged areas, several selected areas) and their RangeCollection (ExcelApi 1.9). */
import { type Rect, cellCount, formatAddress, isEntireColumn, isEntireRow } from './addresses';
import type { HostSheet } from './document';
import { itemNotFound } from './errors';
import { ClientObject, ClientResultImpl, CollectionObject, type ScalarGetters } from './proxy';
import { type RangeRef } from './rules';
import { WorksheetProxy } from './worksheet';
import { RangeProxy } from './range';

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
