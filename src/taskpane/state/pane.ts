/**
 * The task pane's state and reducer — pure: no React, no Office. `usePane` (src/taskpane/usePane.ts)
 * holds this state in `useReducer` and runs the Excel calls; everything the pane decides without
 * Excel is here, so it can be read and changed in one place and unit-tested (test/taskpane/state).
 *
 * Three rules a change should keep (docs/pane.md):
 * - The scheme form is parsed once per change (`built`), never again by a component or an action.
 * - The workbook's saved settings have one owner: `settings` (what was restored, what was last saved,
 *   whether the restored column layout is still waiting for its table).
 * - Every change of an input (range, columns, scheme, segments, output, periods) bumps `inputs`; a
 *   preview or run remembers the `inputs` it was made from, so the pane can say it is out of date.
 */
import { defaultScheme, type InsightOptions, type Scheme, type ScoredSheet } from '../../core';
import type { OutputMode } from '../../excel';
import type { SavedSettings, TableRef, WritePlan, WriteResult, WriteTarget } from '../../excel/types';
import type { Lang } from '../../i18n';
import {
  EMPTY_COLUMNS,
  PRESET_CHOICES,
  buildLayout,
  buildScheme,
  detectForm,
  presetForm,
  schemeForm,
  withHeader,
  type ColumnRole,
  type ColumnsForm,
  type Localized,
  type PresetChoice,
  type SchemeErrors,
  type SchemeForm,
} from '../form';
import { DEFAULT_INSIGHT, type InsightForm } from '../insight';
import { DEFAULT_PERIODS, type PeriodsForm, type PeriodsOutcome } from '../periods';

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

/** The scheme form parsed: the Scheme, or the problem of each field. */
export interface BuiltScheme {
  scheme?: Scheme;
  errors: SchemeErrors;
}

/** The settings saved in the workbook, owned here and nowhere else. */
export interface SettingsState {
  /** As restored when the pane opened (the sales-records mode takes its part from here). */
  restored?: SavedSettings;
  /** As last restored or saved: a save keeps what the pane does not hold. */
  current?: SavedSettings;
  /** The restored column layout applies to the first table the pane reads after restoring. */
  layoutPending: boolean;
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
  /** `scheme` parsed, once per change. */
  built: BuiltScheme;
  /** The optional Segment and Follow-up columns (docs/insight.md). */
  insight: InsightForm;
  /** Write values or live formulas (docs/formulas.md). */
  output: OutputMode;
  /** Period over period (docs/periods.md): an earlier run's scale, the previous period. */
  periods: PeriodsForm;
  settings: SettingsState;
  /** Bumped by every change of an input; see `previewStale` / `resultStale`. */
  inputs: number;
  busy?: 'preview' | 'run';
  progress?: ProgressState;
  preview?: Scored;
  /** The `inputs` the preview was made from. */
  previewInputs?: number;
  result?: RunResult;
  /** The `inputs` the run was made from. */
  resultInputs?: number;
  notice?: Notice;
  dialog?: PendingWrite;
}

export type PaneAction =
  | { type: 'lang'; lang: Lang }
  | { type: 'follow'; follow: boolean }
  | { type: 'tableLoading' }
  | { type: 'tableKept' }
  | { type: 'table'; table: TableRef }
  | { type: 'noTable'; note: Notice }
  | { type: 'header'; header: boolean }
  | { type: 'column'; role: ColumnRole; index: number | undefined }
  | { type: 'scheme'; patch: Partial<SchemeForm> }
  | { type: 'preset'; choice: PresetChoice }
  | { type: 'insight'; patch: Partial<InsightForm> }
  | { type: 'output'; output: OutputMode }
  | { type: 'periods'; patch: Partial<PeriodsForm> }
  | { type: 'restore'; saved: SavedSettings; notice: Notice }
  | { type: 'saved'; saved: SavedSettings }
  | { type: 'busy'; busy: 'preview' | 'run' }
  | { type: 'progress'; progress: ProgressState }
  | { type: 'previewDone'; preview: Scored; inputs: number }
  | { type: 'runDone'; result: RunResult; inputs: number; notice?: Notice }
  | { type: 'dialog'; dialog: PendingWrite }
  | { type: 'closeDialog' }
  | { type: 'notice'; notice?: Notice };

function withScheme(scheme: SchemeForm): Pick<PaneState, 'scheme' | 'built'> {
  return { scheme, built: buildScheme(scheme) };
}

export function initialPaneState(lang: Lang): PaneState {
  return {
    lang,
    follow: true,
    tableLoading: false,
    columns: EMPTY_COLUMNS,
    ...withScheme(presetForm('shanghai')),
    insight: DEFAULT_INSIGHT,
    output: 'values',
    periods: DEFAULT_PERIODS,
    settings: { layoutPending: false },
    inputs: 0,
  };
}

/** The same range as before (sheet, address and first row): its column choices are kept. */
export function sameTable(a: TableRef | undefined, b: TableRef): boolean {
  return a !== undefined && a.sheet === b.sheet && a.address === b.address && JSON.stringify(a.firstRow) === JSON.stringify(b.firstRow);
}

/** An input changed: whatever a preview or run showed no longer describes the form. */
const changed = (s: PaneState): Pick<PaneState, 'inputs'> => ({ inputs: s.inputs + 1 });

export function paneReducer(s: PaneState, a: PaneAction): PaneState {
  switch (a.type) {
    case 'lang':
      return { ...s, lang: a.lang };
    case 'follow':
      return { ...s, follow: a.follow };
    case 'tableLoading':
      return { ...s, tableLoading: true };
    case 'tableKept':
      return { ...s, tableLoading: false };
    case 'table': {
      if (sameTable(s.table, a.table)) return { ...s, tableLoading: false, table: a.table, tableNote: undefined };
      // A new range is detected afresh; the first one after a restore takes the saved column choices.
      const layout = s.settings.layoutPending ? s.settings.current?.layout : undefined;
      return {
        ...s,
        ...changed(s),
        tableLoading: false,
        table: a.table,
        tableNote: undefined,
        columns: detectForm(a.table.firstRow, layout),
        settings: { ...s.settings, layoutPending: false },
      };
    }
    case 'noTable':
      return { ...s, ...changed(s), tableLoading: false, table: undefined, tableNote: a.note };
    case 'header':
      return { ...s, ...changed(s), columns: withHeader(s.columns, s.table?.firstRow ?? [], a.header) };
    case 'column': {
      const columns = { ...s.columns.columns, [a.role]: a.index };
      const status = { ...s.columns.status };
      if (a.role !== 'id') status[a.role] = a.index === undefined ? { kind: s.columns.header ? 'missing' : 'noHeader' } : { kind: 'manual' };
      return { ...s, ...changed(s), columns: { ...s.columns, columns, status } };
    }
    case 'scheme':
      // Any edit makes the scheme the user's own: the preset then reads "Custom".
      return { ...s, ...changed(s), ...withScheme({ ...s.scheme, ...a.patch, preset: 'custom' }) };
    case 'preset':
      return { ...s, ...changed(s), ...withScheme(a.choice === 'custom' ? { ...s.scheme, preset: 'custom' } : presetForm(a.choice)) };
    case 'insight':
      return { ...s, ...changed(s), insight: { ...s.insight, ...a.patch } };
    case 'output':
      return { ...s, ...changed(s), output: a.output };
    case 'periods':
      return { ...s, ...changed(s), periods: { ...s.periods, ...a.patch } };
    case 'restore':
      return { ...s, ...changed(s), ...restoredForms(a.saved, s), settings: { restored: a.saved, current: a.saved, layoutPending: true }, notice: a.notice };
    case 'saved':
      return { ...s, settings: { ...s.settings, current: a.saved } };
    case 'busy':
      return { ...s, busy: a.busy, progress: undefined, notice: undefined };
    case 'progress':
      return { ...s, progress: a.progress };
    case 'previewDone':
      return { ...s, busy: undefined, progress: undefined, preview: a.preview, previewInputs: a.inputs };
    case 'runDone':
      // The run's result shows everything the preview did, for what was actually written.
      return {
        ...s,
        busy: undefined,
        progress: undefined,
        dialog: undefined,
        result: a.result,
        resultInputs: a.inputs,
        notice: a.notice,
        preview: undefined,
        previewInputs: undefined,
      };
    case 'dialog':
      return { ...s, busy: undefined, progress: undefined, dialog: a.dialog };
    case 'closeDialog':
      return { ...s, dialog: undefined };
    case 'notice':
      return { ...s, busy: undefined, progress: undefined, notice: a.notice };
  }
}

/** The forms as saved in the workbook; settings of another version leave the forms as they are. */
function restoredForms(saved: SavedSettings, s: PaneState): Partial<PaneState> {
  try {
    const choice = PRESET_CHOICES.find((p) => p === saved.preset) ?? 'custom';
    return {
      ...withScheme(schemeForm(saved.scheme, choice)),
      insight: saved.insight ? { ...saved.insight, labels: [...saved.insight.labels] } : s.insight,
      output: saved.output ?? s.output,
      periods: saved.periods ? { ...saved.periods } : s.periods,
    };
  } catch {
    return {};
  }
}

/** The preview no longer describes the inputs (they changed since it was made). */
export function previewStale(s: PaneState): boolean {
  return s.preview !== undefined && s.previewInputs !== s.inputs;
}

/** The run's result no longer describes the inputs (they changed since the run). */
export function resultStale(s: PaneState): boolean {
  return s.result !== undefined && s.resultInputs !== s.inputs;
}

/** The scheme as typed, or the defaults while it does not parse (for hints that name grades). */
export function schemeShown(s: PaneState): Scheme {
  return s.built.scheme ?? defaultScheme();
}

/** What a save writes: the pane's forms over the settings last saved, and `patch` over both. */
export function settingsToSave(s: PaneState, patch: Partial<SavedSettings> = {}): SavedSettings {
  const base = s.settings.current;
  return {
    ...base,
    version: 1,
    lang: s.lang,
    preset: s.scheme.preset,
    scheme: s.built.scheme ?? base?.scheme ?? defaultScheme(),
    layout: buildLayout(s.columns).layout ?? base?.layout ?? {},
    insight: { ...s.insight, labels: [...s.insight.labels] },
    output: s.output,
    periods: { ...s.periods },
    ...patch,
  };
}
