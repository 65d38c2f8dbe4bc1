/**
 * The request context and `Excel.run`: queued operations, `sync()` with payload accounting and the
 * Excel-on-the-web size limits, tracked objects, and the final flush at the end of a batch.
 */
import { ErrorCodes, MemoryOfficeError, invalidArgument, officeError } from './errors';
import { type AnyProxy, ClientObject, type Delivery, type Env, type LoadOption, type QueuedOp, errorCode, jsonLength } from './proxy';
import { apiNotFound, memberSet } from './apiSets';
import { WorkbookProxy } from './workbook';

export class TrackedObjectsImpl {
  constructor(private readonly context: RequestContextImpl) {}

  add(objects: AnyProxy | AnyProxy[]): void {
    for (const o of Array.isArray(objects) ? objects : [objects]) {
      if (o.context !== this.context) {
        throw officeError(ErrorCodes.invalidRequestContext, 'Cannot use the object across different request contexts.');
      }
      (o as ClientObject<unknown>)._tracked = true;
    }
  }

  /** Takes effect after the next sync, as in Office.js. */
  remove(objects: AnyProxy | AnyProxy[]): void {
    for (const o of Array.isArray(objects) ? objects : [objects]) this.context._untrackAfterSync.push(o);
  }
}

function staleObject(typeName: string): MemoryOfficeError {
  return officeError(
    ErrorCodes.invalidObjectPath,
    `The object path isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`,
    typeName,
  );
}

export class RequestContextImpl {
  readonly _env: Env;
  /** Bumped when an `Excel.run` batch ends: older untracked objects can no longer be used. */
  _generation = 0;
  /** True while a sync runs: objects created then (load results) queue nothing. */
  _processing = false;
  readonly trackedObjects: TrackedObjectsImpl;
  readonly traceMessages: string[] = [];
  private _queue: QueuedOp[] = [];
  _untrackAfterSync: AnyProxy[] = [];
  private _resolvedInSync: AnyProxy[] = [];
  private _workbook: WorkbookProxy | undefined;

  constructor(env: Env) {
    this._env = env;
    this.trackedObjects = new TrackedObjectsImpl(this);
  }

  get workbook(): WorkbookProxy {
    if (this._workbook === undefined) {
      const book = this._env.book;
      this._workbook = new WorkbookProxy(this, undefined, () => book, { preset: { ref: book } });
      this._workbook._static = true;
    }
    return this._workbook;
  }

  get application() {
    return this.workbook.application;
  }

  /** Number of operations waiting for the next sync. */
  get pendingOperations(): number {
    return this._queue.length;
  }

  _enqueue(op: QueuedOp): void {
    if (op.target.context !== this) {
      throw officeError(ErrorCodes.invalidRequestContext, 'Cannot use the object across different request contexts.');
    }
    this._queue.push(op);
  }

  _discardPending(): void {
    this._queue = [];
  }

  _noteResolved(obj: AnyProxy): void {
    this._resolvedInSync.push(obj);
  }

  load(object: AnyProxy & { load(option?: LoadOption): unknown }, option?: LoadOption): void {
    object.load(option);
  }

  trace(message: string): void {
    this.traceMessages.push(message);
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const ops = this._queue;
    this._queue = [];
    const untrack = this._untrackAfterSync;
    this._untrackAfterSync = [];
    try {
      return await this._run(ops, passThroughValue);
    } finally {
      for (const o of untrack) (o as ClientObject<unknown>)._tracked = false;
    }
  }

  private async _run<T>(ops: QueuedOp[], passThroughValue?: T): Promise<T> {
    const { log, book, options } = this._env;
    if (ops.length === 0) {
      // nothing queued: Office.js makes no round trip
      await Promise.resolve();
      return passThroughValue as T;
    }

    let requestBytes = 0;
    let count = 0;
    const actions: string[] = [];
    for (const op of ops) {
      const label = op.label ?? `${op.target._typeName}.${op.name}`;
      requestBytes += jsonLength(op.payload === undefined ? [label] : [label, op.payload]);
      if (op.kind !== 'instantiate' || op.counts) {
        count += 1;
        if (actions.length < 500) actions.push(label);
      }
    }
    const record = { index: log.syncs.length, requestBytes, responseBytes: 0, ops: count, actions } as (typeof log.syncs)[number];
    log.syncs.push(record);

    const fail = (e: unknown): never => {
      record.error = errorCode(e);
      throw e;
    };

    if (options.maxRequestBytes !== undefined && requestBytes > options.maxRequestBytes) {
      fail(
        officeError(
          ErrorCodes.requestPayloadSizeLimitExceeded,
          `The request payload size has exceeded the limit (${requestBytes} > ${options.maxRequestBytes} bytes). Split the writes into smaller chunks.`,
        ),
      );
    }
    for (const op of ops) {
      if (!op.target._usableIn(this._generation)) fail(staleObject(op.target._typeName));
    }

    const deliveries: Delivery[] = [];
    let responseBytes = 0;
    this._processing = true;
    this._resolvedInSync = [];
    book.holdEvents(); // handlers run after the batch, asynchronously
    try {
      for (const op of ops) {
        gate(op, options.apiLevel);
        const d = op.run();
        if (d) {
          deliveries.push(d);
          responseBytes += d.bytes;
        }
      }
    } catch (e) {
      fail(e);
    } finally {
      this._processing = false;
      book.releaseEvents();
    }
    const resolved = this._resolvedInSync;
    this._resolvedInSync = [];
    record.responseBytes = responseBytes;

    // results travel back asynchronously: nothing is readable before the promise settles
    await Promise.resolve();

    if (options.maxResponseBytes !== undefined && responseBytes > options.maxResponseBytes) {
      fail(
        officeError(
          ErrorCodes.responsePayloadSizeLimitExceeded,
          `The response payload size has exceeded the limit (${responseBytes} > ${options.maxResponseBytes} bytes). Read the range in smaller chunks.`,
        ),
      );
    }
    for (const o of resolved) o._settleNull();
    for (const d of deliveries) d.apply();
    return passThroughValue as T;
  }
}

/**
 * A member newer than the workbook's API level fails the sync where it stands in the batch, as in
 * Excel of that version: the operations before it ran, it and the rest did not (`ApiNotFound`).
 */
function gate(op: QueuedOp, level: number): void {
  const type = op.target._typeName;
  if (op.kind === 'load') {
    const paths = Array.isArray(op.payload) ? (op.payload as string[]) : [];
    for (const head of paths.map((p) => p.split('/')[0])) {
      if (memberSet(type, head) > level) throw apiNotFound(`${type}.${head}`);
    }
    if (memberSet(type) > level) throw apiNotFound(`${type}.load`);
    return;
  }
  if (op.kind === 'instantiate' && op.label !== undefined) {
    const dot = op.label.indexOf('.');
    if (memberSet(op.label.slice(0, dot), op.label.slice(dot + 1)) > level) throw apiNotFound(op.label);
    return;
  }
  if (op.kind === 'action') {
    const write = op.name.endsWith('=');
    const member = write ? op.name.slice(0, -1) : op.name;
    if (memberSet(type, member, write) > level) throw apiNotFound(`${type}.${member}`);
  }
}

type Batch<T> = (context: RequestContextImpl) => Promise<T>;

/** `Excel.run(batch)`, `Excel.run(object | objects | context | options, batch)`. */
export function createRun(env: Env) {
  return async function run<T>(first: unknown, second?: unknown): Promise<T> {
    let batch: unknown;
    let context: RequestContextImpl;
    if (typeof first === 'function') {
      batch = first;
      context = new RequestContextImpl(env);
    } else {
      batch = second;
      const head = Array.isArray(first) ? first[0] : first;
      if (head instanceof RequestContextImpl) context = head;
      else if (head instanceof ClientObject) context = head.context;
      else context = new RequestContextImpl(env);
    }
    if (typeof batch !== 'function') throw invalidArgument('Excel.run needs a batch function.');
    try {
      const pending: unknown = (batch as Batch<T>)(context);
      if (pending === null || typeof pending !== 'object' || typeof (pending as Promise<T>).then !== 'function') {
        throw officeError(
          ErrorCodes.runMustReturnPromise,
          'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
        );
      }
      const value = await (pending as Promise<T>);
      if (context.pendingOperations > 0) await context.sync();
      return value;
    } finally {
      context._discardPending();
      context._generation += 1;
    }
  };
}
