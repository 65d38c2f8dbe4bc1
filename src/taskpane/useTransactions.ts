/**
 * State and actions of the pane's "from sales records" mode (docs/transactions.md): the sales table is the pane's
 * range (usePane follows the selection), its columns and the period are this hook's form; preview
 * reads and scores without writing, run writes the per-customer sheet. Every Excel call goes through
 * src/excel (aggregateSalesInExcel, writeCustomerSheet, selectCell).
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { InsightOptions, Scheme, ScoredSheet, TransactionResult, TxRole } from '../core';
import { ADDIN_TX_TOOL, aggregateSalesInExcel, scoreSales, writeCustomerSheet } from '../excel';
import type { ExcelApi, SalesOptions, TableRef, WriteResult } from '../excel';
import { t, type Lang } from '../i18n';
import { errorText } from './form';
import { insightOptions } from './insight';
import { runSheetsOf } from './periods';
import {
  EMPTY_TX_FORM,
  buildSalesOptions,
  detectTxForm,
  periodErrors,
  savedTxOf,
  withSavedTx,
  withTxColumn,
  withTxHeader,
  type PeriodErrors,
  type TxForm,
} from './txForm';
import { PANE_VERSION } from './version';
import type { Notice, NoticePlace, Pane, PaneState, ProgressState } from './usePane';

export type PaneMode = 'table' | 'transactions';

/** Sales records read and scored: what the preview shows and a run writes. */
export interface TxOutcome {
  table: TableRef;
  options: SalesOptions;
  sales: TransactionResult;
  scored: ScoredSheet;
  scheme: Scheme;
  lang: Lang;
  insight?: InsightOptions;
  /** `txInputs` when the preview or run started: compared with the current one to mark it out of date. */
  made: string;
}

export interface TxRunResult extends TxOutcome {
  write: WriteResult;
}

export interface TxState {
  mode: PaneMode;
  form: TxForm;
  /** The table the form was detected on (sheet, address, first row). */
  formFor?: string;
  busy?: 'preview' | 'run';
  progress?: ProgressState;
  preview?: TxOutcome;
  /** Bumped by every change of the sales-records form. */
  formVersion: number;
  result?: TxRunResult;
  notice?: Notice;
}

type Action =
  | { type: 'mode'; mode: PaneMode }
  | { type: 'form'; form: TxForm; formFor?: string }
  | { type: 'busy'; busy: 'preview' | 'run' }
  | { type: 'progress'; progress: ProgressState }
  | { type: 'previewDone'; preview: TxOutcome }
  | { type: 'runDone'; result: TxRunResult }
  | { type: 'notice'; notice?: Notice };

function reducer(s: TxState, a: Action): TxState {
  switch (a.type) {
    case 'mode':
      return { ...s, mode: a.mode, notice: undefined };
    case 'form':
      return { ...s, form: a.form, formFor: a.formFor ?? s.formFor, formVersion: s.formVersion + 1 };
    case 'busy':
      return { ...s, busy: a.busy, progress: undefined, notice: undefined };
    case 'progress':
      return { ...s, progress: a.progress };
    case 'previewDone':
      return { ...s, busy: undefined, progress: undefined, preview: a.preview };
    case 'runDone':
      return { ...s, busy: undefined, progress: undefined, result: a.result, preview: undefined };
    case 'notice':
      return { ...s, busy: undefined, progress: undefined, notice: a.notice };
  }
}

export interface TxActions {
  setMode(mode: PaneMode): void;
  setHeader(header: boolean): void;
  setColumn(role: TxRole, index: number | undefined): void;
  setSince(text: string): void;
  setAsOf(text: string): void;
  preview(): void;
  run(): void;
  /** Activates a sheet the run wrote (its A1). */
  showSheet(sheet: string): void;
}

export interface TxPane {
  state: TxState;
  periodErrors: PeriodErrors;
  actions: TxActions;
}

/** What a sales-records result depends on: the pane's inputs (range, scheme, segments) and the form. */
export function txInputs(pane: PaneState, tx: TxState): string {
  return `${pane.inputs}:${tx.formVersion}`;
}

/** The outcome no longer describes the inputs. */
export function txStale(pane: PaneState, tx: TxState, outcome: TxOutcome | undefined): boolean {
  return outcome !== undefined && outcome.made !== txInputs(pane, tx);
}

/** The key of a table for "is this still the table the form was made for". */
function tableKey(table: TableRef | undefined): string | undefined {
  return table ? JSON.stringify([table.sheet, table.address, table.firstRow]) : undefined;
}

export function useTransactions(excel: ExcelApi | undefined, pane: Pane): TxPane {
  const [state, dispatch] = useReducer(reducer, undefined, (): TxState => ({ mode: 'table', form: EMPTY_TX_FORM, formVersion: 0 }));
  const ref = useRef(state);
  ref.current = state;
  const paneRef = useRef(pane);
  paneRef.current = pane;

  // Settings restored from the workbook: the mode, the period at once, the columns on the next table.
  const saved = pane.state.settings.restored;
  useEffect(() => {
    if (!saved) return;
    if (saved.mode) dispatch({ type: 'mode', mode: saved.mode });
    if (saved.tx) dispatch({ type: 'form', form: { ...ref.current.form, since: saved.tx.since, asOf: saved.tx.asOf } });
  }, [saved]);

  // A new sales table (the pane follows the selection): its columns are detected afresh.
  const table = pane.state.table;
  const key = tableKey(table);
  useEffect(() => {
    if (!table || key === ref.current.formFor) return;
    // the first sales table after a restore takes the saved column choices (the pane's settings own them)
    const restored = ref.current.formFor === undefined ? saved?.tx : undefined;
    const period = restored ?? ref.current.form;
    const detected = detectTxForm(table.firstRow, { since: period.since, asOf: period.asOf });
    dispatch({ type: 'form', form: restored ? withSavedTx(detected, table.firstRow, restored) : detected, formFor: key });
  }, [table, key, saved]);

  const errors = useMemo(() => periodErrors(state.form), [state.form]);

  const onProgress = useCallback((phase: 'read' | 'write', done: number, total: number) => {
    dispatch({ type: 'progress', progress: { phase, done, total } });
  }, []);

  const notice = useCallback((intent: Notice['intent'], text: Notice['text'], where: NoticePlace) => {
    dispatch({ type: 'notice', notice: { intent, text, where } });
  }, []);

  /** Reads and scores the sales records: the preview, and the first half of a run. */
  const score = useCallback(
    async (where: NoticePlace): Promise<TxOutcome | undefined> => {
      const s = ref.current;
      const p = paneRef.current.state;
      if (!excel || !p.table) {
        notice('warning', p.tableNote?.text ?? ((l: Lang) => t(l, 'paneMode.tx.select')), where);
        return undefined;
      }
      const built = buildSalesOptions(s.form);
      if (built.missing) {
        const missing = built.missing;
        notice('error', (l) => t(l, 'paneMode.tx.required', { role: t(l, `tx.role.${missing}`) }), where);
        return undefined;
      }
      if (!built.options) {
        notice('error', (l) => t(l, 'paneMode.period.fix'), where);
        return undefined;
      }
      const { scheme } = p.built;
      if (!scheme) {
        notice('error', (l) => t(l, 'pane.scheme.fix'), where);
        return undefined;
      }
      const table = p.table;
      const lang = p.lang;
      const made = txInputs(p, s);
      const sales = await aggregateSalesInExcel(excel, table, built.options, onProgress);
      // Segment and Follow-up columns as in the other mode (the command line's --transactions --segments)
      const insight = insightOptions(p.insight, scheme, lang);
      const scored = scoreSales(sales, scheme, lang, insight);
      return { table, options: built.options, sales, scored, scheme, lang, insight, made };
    },
    [excel, notice, onProgress],
  );

  const preview = useCallback(async () => {
    dispatch({ type: 'busy', busy: 'preview' });
    try {
      const outcome = await score('preview');
      if (outcome) dispatch({ type: 'previewDone', preview: outcome });
    } catch (e) {
      notice('error', errorText(e), 'preview');
    }
  }, [score, notice]);

  const run = useCallback(async () => {
    if (!excel) return;
    dispatch({ type: 'busy', busy: 'run' });
    try {
      const outcome = await score('run');
      if (!outcome) return;
      // period over period (docs/periods.md): the RFM sheet gets its parameters sheet, as the command line's --transactions does
      const run = { ...runSheetsOf(outcome, PANE_VERSION, ADDIN_TX_TOOL), input: { sheet: outcome.table.sheet, range: outcome.table.address } };
      const write = await writeCustomerSheet(excel, outcome.sales.customers, outcome.scored, outcome.lang, onProgress, { run });
      dispatch({ type: 'runDone', result: { ...outcome, write } });
      // the new per-customer sheet is shown, as every sheet a run creates (docs/pane.md)
      paneRef.current.actions.selectInvalid(write.sheet, 'A1');
      const warning = await paneRef.current.actions.persist({ lang: outcome.lang, mode: 'transactions', tx: savedTxOf(ref.current.form) });
      if (warning) dispatch({ type: 'notice', notice: warning });
    } catch (e) {
      notice('error', errorText(e), 'run');
    }
  }, [excel, score, notice, onProgress]);

  const actions = useMemo<TxActions>(
    () => ({
      setMode: (mode) => dispatch({ type: 'mode', mode }),
      setHeader(header) {
        const firstRow = paneRef.current.state.table?.firstRow ?? [];
        dispatch({ type: 'form', form: withTxHeader(ref.current.form, firstRow, header) });
      },
      setColumn: (role, index) => dispatch({ type: 'form', form: withTxColumn(ref.current.form, role, index) }),
      setSince: (since) => dispatch({ type: 'form', form: { ...ref.current.form, since } }),
      setAsOf: (asOf) => dispatch({ type: 'form', form: { ...ref.current.form, asOf } }),
      preview: () => void preview(),
      run: () => void run(),
      showSheet(sheet) {
        if (!excel) return;
        // Through the pane's action: its selection-follow ignores the pane's own selection.
        paneRef.current.actions.selectInvalid(sheet, 'A1');
      },
    }),
    [excel, preview, run],
  );

  return { state, periodErrors: errors, actions };
}
