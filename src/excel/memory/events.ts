/**
 * Office events (`onSelectionChanged`, `onChanged`, `onActivated`, …): `add(handler)` is queued and
 * registered at the next sync; handlers run asynchronously after the change that raised them.
 */
import type { EventRegistration, HostEventPayload } from './document';
import type { RequestContextImpl } from './context';
import type { Env } from './proxy';

let nextRegistration = 1;

/** Queues a registration change; the callback gets the sheet id when the owner is one worksheet. */
export type EventQueue = (name: string, apply: (sheetId: string | undefined) => void) => void;

export class EventHandlerResultImpl {
  constructor(
    readonly context: RequestContextImpl,
    private readonly onRemove: () => void,
  ) {}

  remove(): void {
    this.onRemove();
  }
}

export class EventHandlersImpl<T> {
  constructor(
    private readonly context: RequestContextImpl,
    private readonly queue: EventQueue,
    private readonly kind: EventRegistration['kind'],
    private readonly makeArgs: (payload: HostEventPayload) => T,
  ) {}

  add(handler: (args: T) => Promise<unknown> | unknown): EventHandlerResultImpl {
    const book = this.context._env.book;
    const reg: EventRegistration = {
      id: nextRegistration++,
      kind: this.kind,
      handler: handler as (args: unknown) => unknown,
      makeArgs: this.makeArgs,
    };
    this.queue(`${this.kind}.add`, (sheetId) => {
      reg.sheetId = sheetId;
      book.registrations.push(reg);
    });
    // removal is anchored at the workbook, so `Excel.run(result.context, …)` can remove it later
    return new EventHandlerResultImpl(this.context, () =>
      this.unregister(`${this.kind}.remove`, () => {
        book.registrations = book.registrations.filter((r) => r !== reg);
      }),
    );
  }

  remove(handler: (args: T) => Promise<unknown> | unknown): void {
    const book = this.context._env.book;
    this.unregister(`${this.kind}.remove`, () => {
      book.registrations = book.registrations.filter((r) => !(r.handler === handler && r.kind === this.kind));
    });
  }

  private unregister(name: string, apply: () => void): void {
    this.context._enqueue({ kind: 'action', target: this.context.workbook, name, counts: true, run: apply });
  }
}

export interface SelectionChangedArgs {
  type: 'WorksheetSelectionChanged';
  address: string;
  worksheetId: string;
  source: 'Local';
}

export interface ChangedArgs {
  type: 'WorksheetChanged';
  address: string;
  changeType: 'RangeEdited';
  source: 'Local';
  worksheetId: string;
  /** "ThisLocalAddin" when the change came through Office.js, as Excel reports it. */
  triggerSource: 'ThisLocalAddin' | 'Unknown';
  details: null;
  getRange(ctx: RequestContextImpl): unknown;
  getRangeOrNullObject(ctx: RequestContextImpl): unknown;
}

export const selectionArgs = (p: HostEventPayload): SelectionChangedArgs => ({
  type: 'WorksheetSelectionChanged',
  address: p.address ?? '',
  worksheetId: p.sheetId ?? '',
  source: 'Local',
});

export const changedArgs = (p: HostEventPayload): ChangedArgs => ({
  type: 'WorksheetChanged',
  address: p.address ?? '',
  changeType: 'RangeEdited',
  source: 'Local',
  worksheetId: p.sheetId ?? '',
  triggerSource: p.origin === 'api' ? 'ThisLocalAddin' : 'Unknown',
  details: null,
  getRange: (ctx) => ctx.workbook.worksheets.getItem(p.sheetId ?? '').getRange(p.address ?? ''),
  getRangeOrNullObject: (ctx) => ctx.workbook.worksheets.getItem(p.sheetId ?? '').getRange(p.address ?? ''),
});

export const activatedArgs = (p: HostEventPayload) => ({
  type: p.kind === 'activated' ? ('WorksheetActivated' as const) : ('WorksheetDeactivated' as const),
  worksheetId: p.sheetId ?? '',
});

/** `workbook.onSelectionChanged` hands over a workbook of a fresh request context. */
export function workbookSelectionArgs(env: Env, newContext: (env: Env) => RequestContextImpl) {
  return () => ({ workbook: newContext(env).workbook });
}
