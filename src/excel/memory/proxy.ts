/**
 * The Office.js proxy rules: every object is a proxy whose methods and property writes are queued
 * and run at the next `context.sync()`, in order; a property can be read only after it was loaded
 * and a sync delivered it; `*OrNullObject` objects report `isNullObject` after a sync.
 */
import {
  ErrorCodes,
  MemoryOfficeError,
  invalidArgument,
  nullObjectProperty,
  officeError,
  propertyNotLoaded,
  valueNotLoaded,
} from './errors';
import type { HostBook } from './document';
import type { RequestContextImpl } from './context';

export interface ResolvedOptions {
  maxRequestBytes: number | undefined;
  maxResponseBytes: number | undefined;
  maxReadCells: number;
  strictNullObjects: boolean;
  coerceStrings: boolean;
  /** ExcelApi 1.N this workbook has (N): newer members fail with ApiNotFound. */
  apiLevel: number;
}

/** One `context.sync()`: payload sizes (JSON text length) and the actions it carried. */
export interface SyncRecord {
  index: number;
  requestBytes: number;
  responseBytes: number;
  /** Property writes, method calls and loads in the batch (object instantiations not counted). */
  ops: number;
  /** Short descriptions such as "Range.values=" or "Range.load(values,address)" (first 500). */
  actions: string[];
  /** The error code when this sync failed. */
  error?: string;
}

export class MemoryLog {
  readonly syncs: SyncRecord[] = [];
  /** Things an add-in most likely did not mean: formulas written through values, NaN written, … */
  readonly warnings: string[] = [];

  reset(): void {
    this.syncs.length = 0;
    this.warnings.length = 0;
  }

  maxRequestBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.requestBytes), 0);
  }

  maxResponseBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.responseBytes), 0);
  }

  totalRequestBytes(): number {
    return this.syncs.reduce((m, s) => m + s.requestBytes, 0);
  }

  totalResponseBytes(): number {
    return this.syncs.reduce((m, s) => m + s.responseBytes, 0);
  }

  warn(message: string): void {
    if (this.warnings.length < 1000) this.warnings.push(message);
  }
}

export interface Env {
  book: HostBook;
  log: MemoryLog;
  options: ResolvedOptions;
}

/** What a load or a query hands back after a successful sync. */
export interface Delivery {
  bytes: number;
  apply: () => void;
}

export interface QueuedOp {
  kind: 'instantiate' | 'action' | 'load';
  target: AnyProxy;
  /** "getRange", "values=", "load(values)", … (prefixed with the type name in the log) */
  name: string;
  /** Log label; defaults to "<TargetType>.<name>" (instantiations use the parent's type). */
  label?: string;
  /** Arguments or written data: counted in the request payload. */
  payload?: unknown;
  /** Counted as an action even though it instantiates an object (`add(...)`). */
  counts: boolean;
  run: () => Delivery | void;
}

/** The non-generic face of a proxy, for heterogeneous lists. */
export interface AnyProxy {
  readonly context: RequestContextImpl;
  readonly _typeName: string;
  _usableIn(generation: number): boolean;
  _keptAlive(): boolean;
  _settleNull(): void;
  _snapshot(paths: string[]): Snapshot;
}

export interface Snapshot {
  json: unknown;
  apply: () => void;
}

export interface ObjectOptions<R> {
  /** Instantiation name and arguments (request payload accounting). */
  name?: string;
  args?: unknown;
  /** The instantiation itself changes the document (e.g. `worksheets.add`). */
  action?: boolean;
  /** The object is known already (collection items): no instantiation is queued. */
  preset?: { ref: R };
}

export type LoadOption =
  | string
  | string[]
  | { select?: string | string[]; expand?: string | string[]; top?: number; skip?: number }
  | Record<string, unknown>;

interface ParsedLoad {
  paths: string[];
  top?: number;
  skip?: number;
}

function splitNames(s: string): string[] {
  return s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

/** Normalizes every load() form Office.js accepts into slash paths ("values", "format/fill/color"). */
export function parseLoadOption(option: unknown): ParsedLoad {
  if (option === undefined || option === null) return { paths: [] };
  if (typeof option === 'string') return { paths: splitNames(option) };
  if (Array.isArray(option)) return { paths: option.flatMap((o) => (typeof o === 'string' ? splitNames(o) : [])) };
  if (typeof option === 'object') {
    const o = option as Record<string, unknown>;
    if ('select' in o || 'expand' in o) {
      const list = (v: unknown) => (typeof v === 'string' ? splitNames(v) : Array.isArray(v) ? v.flatMap((x) => splitNames(String(x))) : []);
      return {
        paths: [...list(o.select), ...list(o.expand)],
        top: typeof o.top === 'number' ? o.top : undefined,
        skip: typeof o.skip === 'number' ? o.skip : undefined,
      };
    }
    const paths: string[] = [];
    const walk = (obj: Record<string, unknown>, prefix: string) => {
      for (const [k, v] of Object.entries(obj)) {
        if (k === '$all' || k === '$top' || k === '$skip') continue;
        if (v === true) paths.push(prefix + k);
        else if (v && typeof v === 'object') {
          const sub = v as Record<string, unknown>;
          const before = paths.length;
          walk(sub, `${prefix}${k}/`);
          if (paths.length === before || sub.$all === true) paths.push(prefix + k);
        }
      }
    };
    walk(o, '');
    return {
      paths,
      top: typeof o.$top === 'number' ? o.$top : undefined,
      skip: typeof o.$skip === 'number' ? o.$skip : undefined,
    };
  }
  throw invalidArgument('load() takes a property name, a comma list, an array or an options object.');
}

function groupPaths(paths: string[]): { own: string[]; nav: Map<string, string[]> } {
  const own: string[] = [];
  const nav = new Map<string, string[]>();
  for (const p of paths) {
    const i = p.indexOf('/');
    if (i < 0) {
      if (!own.includes(p)) own.push(p);
    } else {
      const head = p.slice(0, i);
      const rest = p.slice(i + 1);
      const list = nav.get(head) ?? [];
      if (rest !== '') list.push(rest);
      nav.set(head, list);
    }
  }
  return { own, nav };
}

export type ScalarGetters<R> = Record<string, (ref: R) => unknown>;

export abstract class ClientObject<R> implements AnyProxy {
  readonly context: RequestContextImpl;
  readonly _parent: AnyProxy | undefined;
  _isNull: boolean | undefined;
  _tracked = false;
  /** Root-anchored objects (workbook, worksheets, settings, …) never go stale. */
  _static = false;
  readonly _generation: number;
  protected readonly _props = new Map<string, unknown>();
  private readonly _children = new Map<string, AnyProxy>();
  private readonly _resolver: () => R | null;
  private _resolved = false;
  private _ref: R | null = null;
  private _refError: unknown;

  constructor(context: RequestContextImpl, parent: AnyProxy | undefined, resolver: () => R | null, options: ObjectOptions<R> = {}) {
    this.context = context;
    this._parent = parent;
    this._resolver = resolver;
    this._generation = context._generation;
    if (options.preset) {
      this._ref = options.preset.ref;
      this._resolved = true;
      this._isNull = options.preset.ref === null;
    } else if (!context._processing) {
      context._enqueue({
        kind: 'instantiate',
        target: this,
        name: options.name ?? '',
        label: parent !== undefined && options.name !== undefined ? `${parent._typeName}.${options.name}` : undefined,
        payload: options.args,
        counts: options.action === true,
        run: () => {
          this._resolve();
        },
      });
    }
  }

  abstract get _typeName(): string;

  /** Loadable scalar properties and how to compute each from the resolved object. */
  protected abstract _scalars(): ScalarGetters<R>;

  /** Navigation properties (`format`, `worksheet`, …) that `load('format/fill/color')` can reach. */
  protected _navNames(): readonly string[] {
    return [];
  }

  protected get _env() {
    return this.context._env;
  }

  /** The document object this proxy stands for, or null for a null object (resolved once). */
  _resolve(): R | null {
    if (!this._resolved) {
      if (this._refError !== undefined) throw this._refError;
      try {
        this._ref = this._resolver();
      } catch (e) {
        this._refError = e;
        throw e;
      }
      this._resolved = true;
      this.context._noteResolved(this);
    }
    return this._ref;
  }

  _settleNull(): void {
    if (this._resolved) this._isNull = this._ref === null;
  }

  _usableIn(generation: number): boolean {
    return this._static || this._generation === generation || this._keptAlive();
  }

  /** Tracked, or derived from a tracked object (e.g. `trackedRange.format`). */
  _keptAlive(): boolean {
    return this._tracked || (this._parent !== undefined && this._parent._keptAlive());
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(this._typeName, 'isNullObject');
    return this._isNull;
  }

  /** Reads a loaded (or locally set) property, enforcing load + sync. */
  protected _get<T>(name: string): T {
    if (this._isNull === true) {
      if (this._env.options.strictNullObjects) throw nullObjectProperty(this._typeName, name);
      return undefined as T; // what Office.js itself returns
    }
    if (!this._props.has(name)) throw propertyNotLoaded(this._typeName, name);
    return this._props.get(name) as T;
  }

  /** Property write: kept locally (as Office.js does) and queued for the next sync. */
  protected _setProp(name: string, value: unknown, apply: (ref: R) => void): void {
    this._props.set(name, value);
    this._action(`${name}=`, value, apply);
  }

  /** Queues a method call or write that runs at the next sync (skipped for a null object). */
  protected _action(name: string, payload: unknown, apply: (ref: R) => void): void {
    this.context._enqueue({
      kind: 'action',
      target: this,
      name,
      payload,
      counts: true,
      run: () => {
        const ref = this._resolve();
        if (ref !== null) apply(ref);
      },
    });
  }

  /** Queues a method call that returns a value (`getCount()` …) through a ClientResult. */
  protected _query<T>(name: string, payload: unknown, compute: (ref: R) => T): ClientResultImpl<T> {
    const result = new ClientResultImpl<T>();
    this.context._enqueue({
      kind: 'action',
      target: this,
      name,
      payload,
      counts: true,
      run: () => {
        const ref = this._resolve();
        if (ref === null) return;
        const value = compute(ref);
        return { bytes: jsonLength(value), apply: () => result._deliver(value) };
      },
    });
    return result;
  }

  /** A navigation child, created once per proxy. */
  protected _child<C extends AnyProxy>(name: string, make: () => C): C {
    let c = this._children.get(name) as C | undefined;
    if (c === undefined) {
      c = make();
      if (this._static && c instanceof ClientObject) c._static = true;
      this._children.set(name, c);
    }
    return c;
  }

  /** Throws if this object's context differs from `other`'s (Office: InvalidRequestContext). */
  protected _sameContext(other: AnyProxy): void {
    if (other.context !== this.context) {
      throw officeError(ErrorCodes.invalidRequestContext, 'Cannot use the object across different request contexts.');
    }
  }

  load(option?: LoadOption): this {
    const parsed = parseLoadOption(option);
    this.context._enqueue({
      kind: 'load',
      target: this,
      name: `load(${parsed.paths.join(',')})`,
      payload: parsed.paths,
      counts: true,
      run: () => {
        if (this._resolve() === null) return;
        const snap = this._snapshotWith(parsed);
        return { bytes: jsonLength(snap.json), apply: snap.apply };
      },
    });
    return this;
  }

  _snapshot(paths: string[]): Snapshot {
    return this._snapshotWith({ paths });
  }

  /** Computes the requested properties now (at this point of the batch) and how to deliver them. */
  protected _snapshotWith(load: ParsedLoad): Snapshot {
    const ref = this._resolve();
    if (ref === null) return { json: null, apply: () => undefined };
    const scalars = this._scalars();
    const navNames = this._navNames();
    const { own, nav } = groupPaths(load.paths);
    const names = own.length === 0 && nav.size === 0 ? Object.keys(scalars) : [];
    for (const name of own) {
      if (name in scalars) names.push(name);
      else if (navNames.includes(name)) {
        if (!nav.has(name)) nav.set(name, []);
      } else throw invalidArgument(`The property '${name}' does not exist on ${this._typeName}.`, `${this._typeName}.load`);
    }
    const json: Record<string, unknown> = {};
    for (const name of names) json[name] = scalars[name](ref);
    const applies: Array<() => void> = [];
    for (const [name, rest] of nav) {
      if (!navNames.includes(name)) throw invalidArgument(`The property '${name}' does not exist on ${this._typeName}.`, `${this._typeName}.load`);
      const child = (this as unknown as Record<string, AnyProxy>)[name];
      const s = child._snapshot(rest);
      json[name] = s.json;
      applies.push(s.apply);
    }
    return {
      json,
      apply: () => {
        this._isNull = false;
        for (const name of names) this._props.set(name, json[name]);
        for (const a of applies) a();
      },
    };
  }

  /** `object.set({...})`: assigns several properties (and navigation children) at once. */
  set(properties: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(properties)) {
      if (this._navNames().includes(k) && v !== null && typeof v === 'object' && !Array.isArray(v)) {
        const child = (this as unknown as Record<string, { set?: (p: Record<string, unknown>) => void }>)[k];
        if (typeof child.set === 'function') {
          child.set(v as Record<string, unknown>);
          continue;
        }
      }
      if (!hasSetter(this, k)) throw invalidArgument(`The property '${k}' cannot be set on ${this._typeName}.`);
      (this as unknown as Record<string, unknown>)[k] = v;
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._props);
  }

  track(): this {
    this.context.trackedObjects.add(this);
    return this;
  }

  untrack(): this {
    this.context.trackedObjects.remove(this);
    return this;
  }
}

function hasSetter(obj: object, key: string): boolean {
  for (let p: object | null = Object.getPrototypeOf(obj); p !== null; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, key);
    if (d) return typeof d.set === 'function';
  }
  return false;
}

export function jsonLength(v: unknown): number {
  if (v === undefined) return 0;
  const s = JSON.stringify(v);
  return s === undefined ? 0 : s.length;
}

/** A collection: `items` after load + sync, plus optional collection-level scalars (`count`). */
export abstract class CollectionObject<R, I extends ClientObject<IR>, IR> extends ClientObject<R> {
  private _items: I[] | undefined;

  protected abstract _itemRefs(ref: R): IR[];
  protected abstract _makeItem(ref: IR): I;

  protected _scalars(): ScalarGetters<R> {
    return {};
  }

  get items(): I[] {
    if (this._isNull === true && this._env.options.strictNullObjects) throw nullObjectProperty(this._typeName, 'items');
    if (this._items === undefined) throw propertyNotLoaded(this._typeName, 'items');
    return this._items;
  }

  protected _snapshotWith(load: ParsedLoad): Snapshot {
    const ref = this._resolve();
    if (ref === null) return { json: null, apply: () => undefined };
    const scalars = this._scalars();
    const own: string[] = [];
    const itemPaths: string[] = [];
    let wantItems = load.paths.length === 0;
    for (const p of load.paths) {
      if (p in scalars) own.push(p);
      else if (p === 'items' || p === '$all') wantItems = true;
      else {
        wantItems = true;
        itemPaths.push(p.startsWith('items/') ? p.slice(6) : p);
      }
    }
    const skip = load.skip ?? 0;
    const refs = this._itemRefs(ref);
    const chosen = refs.slice(skip, load.top === undefined ? undefined : skip + load.top);
    const json: Record<string, unknown> = {};
    for (const name of own) json[name] = scalars[name](ref);
    let items: I[] = [];
    let snaps: Snapshot[] = [];
    if (wantItems) {
      items = chosen.map((r) => this._makeItem(r));
      snaps = items.map((it) => it._snapshot(itemPaths));
      json.items = snaps.map((s) => s.json);
    }
    return {
      json,
      apply: () => {
        this._isNull = false;
        for (const name of own) this._props.set(name, json[name]);
        if (wantItems) {
          for (const s of snaps) s.apply();
          this._items = items;
        }
      },
    };
  }

  toJSON(): Record<string, unknown> {
    const base = super.toJSON();
    if (this._items) base.items = this._items.map((i) => i.toJSON());
    return base;
  }
}

/** `ClientResult<T>`: `value` is readable after the sync that computed it. */
export class ClientResultImpl<T> {
  private _has = false;
  private _value: T | undefined;

  get value(): T {
    if (!this._has) throw valueNotLoaded();
    return this._value as T;
  }

  _deliver(v: T): void {
    this._value = v;
    this._has = true;
  }
}

export function errorCode(e: unknown): string {
  return e instanceof MemoryOfficeError ? e.code : e instanceof Error ? e.name : 'Unknown';
}
