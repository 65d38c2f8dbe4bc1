/**
 * The pane's actions: the Excel calls (read the selection, restore and save the settings, preview,
 * run, answer the write dialog) around the pure state of src/taskpane/state/pane.ts (docs/pane.md).
 * Components only render the state and call these actions; every Excel call goes through src/excel
 * (the ExcelApi seam), never from a component.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { RfmError, defaultScheme, type Scheme } from '../core';
import {
  currentTable,
  loadSettings,
  onSelectionChange,
  planFormulaWrite,
  planWrite,
  saveSettings,
  selectCell,
  writeFormulas,
  writeOutput,
  type OutputMode,
} from '../excel';
import type { ExcelApi, SavedSettings, WriteTarget } from '../excel/types';
import { t, type Lang } from '../i18n';
import { buildLayout, errorText, type ColumnRole, type PresetChoice, type SchemeErrors, type SchemeForm } from './form';
import { insightOptions, type InsightForm } from './insight';
import { periodsActive, runSheetsOf, scoreWithPeriods, type PeriodsForm } from './periods';
import {
  initialPaneState,
  paneReducer,
  settingsToSave,
  type Notice,
  type NoticePlace,
  type PaneState,
  type PendingWrite,
} from './state/pane';
import { columnsProblem } from './state/problems';
import { PANE_VERSION } from './version';

export type { Intent, Notice, NoticePlace, PaneState, PendingWrite, ProgressState, RunResult, Scored } from './state/pane';

/** Selection events this long after the pane's own selectCell or write are the pane's, not the user's. */
const OWN_SELECTION_MS = 600;

export interface PaneActions {
  setLang(lang: Lang): void;
  setFollow(follow: boolean): void;
  useSelection(): void;
  setHeader(header: boolean): void;
  setColumn(role: ColumnRole, index: number | undefined): void;
  setScheme(patch: Partial<SchemeForm>): void;
  setInsight(patch: Partial<InsightForm>): void;
  setOutput(output: OutputMode): void;
  setPeriods(patch: Partial<PeriodsForm>): void;
  /**
   * Saves the pane's choices in the workbook with `patch` (the sales-records mode adds its form);
   * resolves to a warning when they could not be saved.
   */
  persist(patch?: Partial<SavedSettings>): Promise<Notice | undefined>;
  choosePreset(choice: PresetChoice): void;
  preview(): void;
  run(): void;
  answerDialog(answer: 'overwrite' | 'newSheet' | 'cancel'): void;
  selectInvalid(sheet: string, address: string): void;
}

export interface Pane {
  state: PaneState;
  /** The problem of each scheme field, shown inline as the user types. */
  schemeErrors: SchemeErrors;
  actions: PaneActions;
}

export function usePane(excel: ExcelApi | undefined, initialLang: Lang): Pane {
  const [state, dispatch] = useReducer(paneReducer, initialLang, initialPaneState);
  const ref = useRef(state);
  ref.current = state;
  const quietUntil = useRef(0);
  const tableRequest = useRef(0);

  /** Reads the current selection as the table to score (from a click or a selection change). */
  const refreshTable = useCallback(
    async (fromEvent: boolean) => {
      if (!excel) return;
      const request = ++tableRequest.current;
      if (!fromEvent) dispatch({ type: 'tableLoading' });
      try {
        const table = await currentTable(excel);
        if (request !== tableRequest.current) return;
        const single = table.rowCount * table.columnCount === 1 && !table.tableName;
        if (single) {
          // A sheet holding one value is no customer table; while following the selection the pane
          // keeps the range it has rather than dropping it.
          if (fromEvent && ref.current.table) {
            dispatch({ type: 'tableKept' });
            return;
          }
          dispatch({ type: 'noTable', note: { intent: 'info', text: (l) => t(l, 'pane.range.single'), where: 'top' } });
          return;
        }
        // the reducer keeps the column choices of the same range and detects a new one afresh
        dispatch({ type: 'table', table });
      } catch (e) {
        if (request !== tableRequest.current) return;
        dispatch({ type: 'noTable', note: { intent: 'warning', text: errorText(e), where: 'top' } });
      }
    },
    [excel],
  );

  // Start: restore the settings saved in the workbook, read the selection, follow its changes.
  useEffect(() => {
    if (!excel) return;
    let disposed = false;
    let unsubscribe: (() => Promise<void>) | undefined;
    void (async () => {
      const saved = await loadSettings(excel).catch(() => undefined);
      if (disposed) return;
      if (saved) dispatch({ type: 'restore', saved, notice: { intent: 'info', text: (l) => t(l, 'pane.settingsRestored'), where: 'top' } });
      await refreshTable(false);
      const off = await onSelectionChange(excel, () => {
        if (!ref.current.follow || ref.current.busy || Date.now() < quietUntil.current) return;
        void refreshTable(true);
      });
      if (disposed) void off();
      else unsubscribe = off;
    })();
    return () => {
      disposed = true;
      if (unsubscribe) void unsubscribe();
    };
  }, [excel, refreshTable]);

  const onProgress = useCallback((phase: 'read' | 'write', done: number, total: number) => {
    dispatch({ type: 'progress', progress: { phase, done, total } });
  }, []);

  /** Everything a preview or run needs, or a notice saying what is missing. */
  const inputs = useCallback((where: NoticePlace) => {
    const s = ref.current;
    if (!excel || !s.table) {
      const text = s.tableNote?.text ?? ((l: Lang) => t(l, 'pane.range.none'));
      dispatch({ type: 'notice', notice: { intent: 'warning', text, where } });
      return undefined;
    }
    const { layout } = buildLayout(s.columns);
    if (!layout) {
      dispatch({ type: 'notice', notice: { intent: 'error', text: columnsProblem(s.columns, s.table.firstRow, s.table.columnCount), where } });
      return undefined;
    }
    // on an earlier run's scale the scheme comes from that run: the form's is not needed then
    const frozen = s.periods.scale && s.periods.scaleFrom !== '';
    const scheme = s.built.scheme ?? (frozen ? defaultScheme() : undefined);
    if (!scheme) {
      dispatch({ type: 'notice', notice: { intent: 'error', text: (l) => t(l, 'pane.scheme.fix'), where } });
      return undefined;
    }
    const form = s.insight;
    return {
      inputs: s.inputs,
      excel,
      table: s.table,
      layout,
      scheme,
      lang: s.lang,
      choice: s.scheme.preset,
      // a frozen scale brings its own scheme (and grades): the follow-up labels follow it
      insight: (sc: Scheme) => insightOptions(form, sc, s.lang),
      form: s.periods,
      progress: onProgress,
    };
  }, [excel, onProgress]);

  const fail = useCallback((e: unknown, where: NoticePlace) => {
    dispatch({ type: 'notice', notice: { intent: 'error', text: errorText(e), where } });
  }, []);

  const preview = useCallback(async () => {
    const input = inputs('preview');
    if (!input) return;
    dispatch({ type: 'busy', busy: 'preview' });
    try {
      const r = await scoreWithPeriods(input.excel, input);
      dispatch({ type: 'previewDone', inputs: input.inputs, preview: { table: input.table, scored: r.scored, scheme: r.scheme, lang: input.lang, insight: r.insight, periods: r.periods } });
    } catch (e) {
      fail(e, 'preview');
    }
  }, [inputs, fail]);

  const persist = useCallback(
    async (patch: Partial<SavedSettings> = {}): Promise<Notice | undefined> => {
      if (!excel) return undefined;
      const next = settingsToSave(ref.current, patch);
      try {
        await saveSettings(excel, next);
        dispatch({ type: 'saved', saved: next });
        return undefined;
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        return { intent: 'warning', text: (l) => t(l, 'pane.settingsNotSaved', { message }), where: 'run' };
      }
    },
    [excel],
  );

  const write = useCallback(
    async (pending: PendingWrite, target: WriteTarget, overwrite: boolean, inputs: number) => {
      if (!excel) return;
      dispatch({ type: 'busy', busy: 'run' });
      try {
        const result =
          pending.output === 'formulas'
            ? await writeFormulas(excel, pending.table, pending.scored, pending.plan, target, pending.scheme, pending.lang, onProgress, {
                overwrite,
                insight: pending.insight,
                run: runSheetsOf(pending, PANE_VERSION),
              })
            : await writeOutput(excel, pending.table, pending.scored, pending.plan, target, pending.lang, onProgress, {
                overwrite,
                // period over period (docs/periods.md): the parameters sheet of every run, and the migration sheet of a comparison
                run: runSheetsOf(pending, PANE_VERSION),
              });
        // A sheet the run created is shown, the same for every run that creates one (the sales-records
        // sheet, the summary sheet): the pane's own selection, so following the selection ignores it.
        quietUntil.current = Date.now() + OWN_SELECTION_MS;
        if (target === 'newSheet') await selectCell(excel, result.sheet, 'A1').catch(() => undefined);
        quietUntil.current = Date.now() + OWN_SELECTION_MS;
        // the scheme used, unless it came with an earlier run's scale (the form keeps the user's own)
        const notice = await persist({ lang: pending.lang, mode: 'table', ...(pending.periods?.scaleRun ? {} : { scheme: pending.scheme }) });
        dispatch({ type: 'runDone', result: { ...pending, write: result, target }, inputs, notice });
      } catch (e) {
        quietUntil.current = Date.now() + OWN_SELECTION_MS;
        fail(e, 'run');
      }
    },
    [excel, onProgress, fail, persist],
  );

  const run = useCallback(async () => {
    const input = inputs('run');
    if (!input) return;
    dispatch({ type: 'busy', busy: 'run' });
    try {
      const output = ref.current.output;
      // frozen scales and grade changes are value-mode features (formula mode ranks live)
      if (output === 'formulas' && periodsActive(input.form)) throw new RfmError('panePeriod.formulas');
      // live formulas rank over all customers: nested schemes write values only (docs/binning.md)
      if (output === 'formulas' && input.scheme.binning === 'nested') throw new RfmError('pane.binning.formulas');
      const r = await scoreWithPeriods(input.excel, input);
      const scored = r.scored;
      const plan =
        output === 'formulas'
          ? await planFormulaWrite(input.excel, input.table, scored, r.insight)
          : await planWrite(input.excel, input.table, scored);
      const pending: PendingWrite = { table: input.table, scored, scheme: r.scheme, lang: input.lang, insight: r.insight, periods: r.periods, plan, output };
      if (plan.protectedSheet || plan.mergedArea || plan.conflict === 'user') {
        dispatch({ type: 'dialog', dialog: pending });
        return;
      }
      await write(pending, 'here', false, input.inputs);
    } catch (e) {
      fail(e, 'run');
    }
  }, [inputs, write, fail]);

  const actions = useMemo<PaneActions>(
    () => ({
      setLang: (lang) => dispatch({ type: 'lang', lang }),
      setFollow(follow) {
        dispatch({ type: 'follow', follow });
        if (follow) void refreshTable(false);
      },
      useSelection: () => void refreshTable(false),
      setHeader: (header) => dispatch({ type: 'header', header }),
      setColumn: (role, index) => dispatch({ type: 'column', role, index }),
      setScheme: (patch) => dispatch({ type: 'scheme', patch }),
      setInsight: (patch) => dispatch({ type: 'insight', patch }),
      setOutput: (output) => dispatch({ type: 'output', output }),
      setPeriods: (patch) => dispatch({ type: 'periods', patch }),
      persist,
      choosePreset: (choice) => dispatch({ type: 'preset', choice }),
      preview: () => void preview(),
      run: () => void run(),
      answerDialog(answer) {
        const pending = ref.current.dialog;
        if (!pending) return;
        if (answer === 'cancel') {
          dispatch({ type: 'closeDialog' });
          dispatch({ type: 'notice', notice: { intent: 'info', text: (l) => t(l, 'pane.run.cancelled'), where: 'run' } });
          return;
        }
        dispatch({ type: 'closeDialog' });
        void write(pending, answer === 'newSheet' ? 'newSheet' : 'here', answer === 'overwrite', ref.current.inputs);
      },
      selectInvalid(sheet, address) {
        if (!excel) return;
        quietUntil.current = Date.now() + OWN_SELECTION_MS;
        selectCell(excel, sheet, address).then(
          () => (quietUntil.current = Date.now() + OWN_SELECTION_MS),
          (e: unknown) => fail(e, 'run'),
        );
      },
    }),
    [excel, refreshTable, preview, run, write, fail, persist],
  );

  return { state, schemeErrors: state.built.errors, actions };
}
