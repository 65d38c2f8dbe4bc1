/**
 * The pane's state and actions. Components only render this state and call these actions; every
 * Excel call goes through src/excel (the ExcelApi seam), never from a component.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { RfmError, defaultScheme, type InsightOptions, type Scheme, type ScoredSheet } from '../core';
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
import type { ExcelApi, SavedSettings, TableRef, WritePlan, WriteResult, WriteTarget } from '../excel/types';
import { t, type Lang } from '../i18n';
import {
  EMPTY_COLUMNS,
  PRESET_CHOICES,
  buildLayout,
  buildScheme,
  detectForm,
  errorText,
  presetForm,
  schemeForm,
  type ColumnRole,
  type ColumnsForm,
  type Localized,
  type PresetChoice,
  type SchemeErrors,
  type SchemeForm,
  withHeader,
} from './form';
import { DEFAULT_INSIGHT, insightOptions, type InsightForm } from './insight';
import { DEFAULT_PERIODS, periodsActive, runSheetsOf, scoreWithPeriods, type PeriodsForm, type PeriodsOutcome } from './periods';
import { PANE_VERSION } from './version';

export type Intent = 'error' | 'warning' | 'success' | 'info';
/** Where a notice shows: at the top of the pane, or next to the button that caused it. */
export type NoticePlace = 'top' | 'preview' | 'run';
export interface Notice {
  intent: Intent;
  text: Localized;
  where: NoticePlace;
}

/** A scored table: what the preview shows and what a run writes. */
export interface Scored {
  table: TableRef;
  scored: ScoredSheet;
  scheme: Scheme;
  lang: Lang;
  /** The Segment / Follow-up options it was scored with (docs/insight.md). */
  insight?: InsightOptions;
  /** Period over period (docs/periods.md): the earlier runs used and the comparison. */
  periods?: PeriodsOutcome;
}

export interface RunResult extends Scored {
  write: WriteResult;
  target: WriteTarget;
  output?: OutputMode;
}

/** A run waiting for the user's answer (non-empty target, protected sheet, merged cells). */
export interface PendingWrite extends Scored {
  plan: WritePlan;
  /** Values, or live formulas with a parameter sheet (docs/formulas.md); default values. */
  output?: OutputMode;
}

export interface ProgressState {
  phase: 'read' | 'write';
  done: number;
  total: number;
}

export interface PaneState {
  lang: Lang;
  follow: boolean;
  tableLoading: boolean;
  table?: TableRef;
  /** Why there is no usable table (nothing selected, a single cell, an error). */
  tableNote?: Notice;
  columns: ColumnsForm;
  scheme: SchemeForm;
  /** The optional Segment and Follow-up columns (docs/insight.md). */
  insight: InsightForm;
  /** Write values or live formulas (docs/formulas.md). */
  output: OutputMode;
  /** Period over period (docs/periods.md): an earlier run's scale, the previous period. */
  periods: PeriodsForm;
  /** The settings restored from the workbook (the sales-records mode takes its part from here). */
  saved?: SavedSettings;
  busy?: 'preview' | 'run';
  progress?: ProgressState;
  preview?: Scored;
  previewStale: boolean;
  result?: RunResult;
  notice?: Notice;
  dialog?: PendingWrite;
}

type Action =
  | { type: 'lang'; lang: Lang }
  | { type: 'follow'; follow: boolean }
  | { type: 'tableLoading' }
  | { type: 'tableKept' }
  | { type: 'table'; table: TableRef; columns: ColumnsForm }
  | { type: 'noTable'; note: Notice }
  | { type: 'columns'; columns: ColumnsForm }
  | { type: 'scheme'; scheme: SchemeForm }
  | { type: 'insight'; insight: InsightForm }
  | { type: 'output'; output: OutputMode }
  | { type: 'periods'; periods: PeriodsForm }
  | { type: 'saved'; saved: SavedSettings }
  | { type: 'busy'; busy: 'preview' | 'run' }
  | { type: 'progress'; progress: ProgressState }
  | { type: 'previewDone'; preview: Scored }
  | { type: 'runDone'; result: RunResult; notice?: Notice }
  | { type: 'dialog'; dialog: PendingWrite }
  | { type: 'closeDialog' }
  | { type: 'notice'; notice?: Notice };

function initialState(lang: Lang): PaneState {
  return {
    lang,
    follow: true,
    tableLoading: false,
    columns: EMPTY_COLUMNS,
    scheme: presetForm('shanghai'),
    insight: DEFAULT_INSIGHT,
    output: 'values',
    periods: DEFAULT_PERIODS,
    previewStale: false,
  };
}

/** Inputs changed: an existing preview no longer describes them. */
const stale = (s: PaneState): Partial<PaneState> => ({ previewStale: s.preview !== undefined });

function reducer(s: PaneState, a: Action): PaneState {
  switch (a.type) {
    case 'lang':
      return { ...s, lang: a.lang };
    case 'follow':
      return { ...s, follow: a.follow };
    case 'tableLoading':
      return { ...s, tableLoading: true };
    case 'tableKept':
      return { ...s, tableLoading: false };
    case 'table':
      return { ...s, ...stale(s), tableLoading: false, table: a.table, tableNote: undefined, columns: a.columns };
    case 'noTable':
      return { ...s, ...stale(s), tableLoading: false, table: undefined, tableNote: a.note };
    case 'columns':
      return { ...s, ...stale(s), columns: a.columns };
    case 'scheme':
      return { ...s, ...stale(s), scheme: a.scheme };
    case 'insight':
      return { ...s, ...stale(s), insight: a.insight };
    case 'output':
      return { ...s, output: a.output };
    case 'periods':
      return { ...s, ...stale(s), periods: a.periods };
    case 'saved':
      return { ...s, saved: a.saved };
    case 'busy':
      return { ...s, busy: a.busy, progress: undefined, notice: undefined };
    case 'progress':
      return { ...s, progress: a.progress };
    case 'previewDone':
      return { ...s, busy: undefined, progress: undefined, preview: a.preview, previewStale: false };
    case 'runDone':
      // The run's result shows everything the preview did, for what was actually written.
      return { ...s, busy: undefined, progress: undefined, dialog: undefined, result: a.result, notice: a.notice, preview: undefined, previewStale: false };
    case 'dialog':
      return { ...s, busy: undefined, progress: undefined, dialog: a.dialog };
    case 'closeDialog':
      return { ...s, dialog: undefined };
    case 'notice':
      return { ...s, busy: undefined, progress: undefined, notice: a.notice };
  }
}

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
  const [state, dispatch] = useReducer(reducer, initialLang, initialState);
  const ref = useRef(state);
  ref.current = state;
  const quietUntil = useRef(0);
  const tableRequest = useRef(0);
  const savedLayout = useRef<SavedSettings['layout'] | undefined>(undefined);
  /** The settings as last loaded or saved: a save keeps what this pane does not hold (the sales form). */
  const savedRef = useRef<SavedSettings | undefined>(undefined);

  const { errors: schemeErrors } = useMemo(() => buildScheme(state.scheme), [state.scheme]);

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
        const previous = ref.current.table;
        const same =
          previous !== undefined &&
          previous.sheet === table.sheet &&
          previous.address === table.address &&
          JSON.stringify(previous.firstRow) === JSON.stringify(table.firstRow);
        // The same range again keeps the user's column choices; a new one is detected afresh.
        const columns = same ? ref.current.columns : detectForm(table.firstRow, savedLayout.current);
        savedLayout.current = undefined;
        dispatch({ type: 'table', table, columns });
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
      if (saved) {
        try {
          const choice = PRESET_CHOICES.find((p) => p === saved.preset) ?? 'custom';
          dispatch({ type: 'scheme', scheme: schemeForm(saved.scheme, choice) });
          savedLayout.current = saved.layout;
          savedRef.current = saved;
          if (saved.insight) dispatch({ type: 'insight', insight: { ...saved.insight, labels: [...saved.insight.labels] } });
          if (saved.output) dispatch({ type: 'output', output: saved.output });
          if (saved.periods) dispatch({ type: 'periods', periods: { ...saved.periods } });
          dispatch({ type: 'saved', saved });
          dispatch({ type: 'notice', notice: { intent: 'info', text: (l) => t(l, 'pane.settingsRestored'), where: 'top' } });
        } catch {
          // Settings from another version of the add-in: start from the defaults.
        }
      }
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
    const { layout, missing } = buildLayout(s.columns);
    if (!layout) {
      const metric = (missing ?? 'r').toUpperCase();
      dispatch({ type: 'notice', notice: { intent: 'error', text: (l) => t(l, 'pane.columns.required', { metric }), where } });
      return undefined;
    }
    // on an earlier run's scale the scheme comes from that run: the form's is not needed then
    const frozen = s.periods.scale && s.periods.scaleFrom !== '';
    const scheme = buildScheme(s.scheme).scheme ?? (frozen ? defaultScheme() : undefined);
    if (!scheme) {
      dispatch({ type: 'notice', notice: { intent: 'error', text: (l) => t(l, 'pane.scheme.fix'), where } });
      return undefined;
    }
    const form = s.insight;
    return {
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
      dispatch({ type: 'previewDone', preview: { table: input.table, scored: r.scored, scheme: r.scheme, lang: input.lang, insight: r.insight, periods: r.periods } });
    } catch (e) {
      fail(e, 'preview');
    }
  }, [inputs, fail]);

  const persist = useCallback(
    async (patch: Partial<SavedSettings> = {}): Promise<Notice | undefined> => {
      if (!excel) return undefined;
      const s = ref.current;
      const base = savedRef.current;
      const next: SavedSettings = {
        ...base,
        version: 1,
        lang: s.lang,
        preset: s.scheme.preset,
        scheme: buildScheme(s.scheme).scheme ?? base?.scheme ?? defaultScheme(),
        layout: buildLayout(s.columns).layout ?? base?.layout ?? {},
        insight: { ...s.insight, labels: [...s.insight.labels] },
        output: s.output,
        periods: { ...s.periods },
        ...patch,
      };
      try {
        await saveSettings(excel, next);
        savedRef.current = next;
        return undefined;
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        return { intent: 'warning', text: (l) => t(l, 'pane.settingsNotSaved', { message }), where: 'run' };
      }
    },
    [excel],
  );

  const write = useCallback(
    async (pending: PendingWrite, target: WriteTarget, overwrite: boolean) => {
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
        quietUntil.current = Date.now() + OWN_SELECTION_MS;
        // the scheme used, unless it came with an earlier run's scale (the form keeps the user's own)
        const notice = await persist({ lang: pending.lang, mode: 'table', ...(pending.periods?.scaleRun ? {} : { scheme: pending.scheme }) });
        dispatch({ type: 'runDone', result: { ...pending, write: result, target }, notice });
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
      if (output === 'formulas' && periodsActive(input.form)) throw new RfmError('pp.formulas');
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
      await write(pending, 'here', false);
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
      setHeader(header) {
        const s = ref.current;
        dispatch({ type: 'columns', columns: withHeader(s.columns, s.table?.firstRow ?? [], header) });
      },
      setColumn(role, index) {
        const s = ref.current;
        const columns = { ...s.columns.columns, [role]: index };
        const status = { ...s.columns.status };
        if (role !== 'id') status[role] = index === undefined ? { kind: s.columns.header ? 'missing' : 'noHeader' } : { kind: 'manual' };
        dispatch({ type: 'columns', columns: { ...s.columns, columns, status } });
      },
      setScheme: (patch) => dispatch({ type: 'scheme', scheme: { ...ref.current.scheme, ...patch, preset: 'custom' } }),
      setInsight: (patch) => dispatch({ type: 'insight', insight: { ...ref.current.insight, ...patch } }),
      setOutput: (output) => dispatch({ type: 'output', output }),
      setPeriods: (patch) => dispatch({ type: 'periods', periods: { ...ref.current.periods, ...patch } }),
      persist,
      choosePreset: (choice) =>
        dispatch({ type: 'scheme', scheme: choice === 'custom' ? { ...ref.current.scheme, preset: 'custom' } : presetForm(choice) }),
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
        void write(pending, answer === 'newSheet' ? 'newSheet' : 'here', answer === 'overwrite');
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

  return { state, schemeErrors, actions };
}
