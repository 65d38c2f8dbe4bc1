/**
 * The pane's reducer (src/taskpane/state/pane.ts), pure: no React, no Office. What a newcomer
 * changing the pane must keep: the scheme parsed once per change, the saved settings in one place,
 * and every input change marking earlier results out of date.
 */
import { defaultScheme } from '../../../src/core';
import type { SavedSettings, TableRef } from '../../../src/excel/types';
import {
  initialPaneState,
  paneReducer,
  previewStale,
  resultStale,
  settingsToSave,
  type PaneAction,
  type PaneState,
  type RunResult,
  type Scored,
} from '../../../src/taskpane/state/pane';

const table = (address = 'A1:F301', firstRow: TableRef['firstRow'] = ['客户编号', '地区', '分析时间', 'R', 'F', 'M']): TableRef => ({
  sheet: '客户',
  address,
  row: 0,
  column: 0,
  rowCount: 301,
  columnCount: firstRow.length,
  firstRow,
  clipped: false,
});

const reduce = (s: PaneState, ...actions: PaneAction[]) => actions.reduce(paneReducer, s);
const notice = { intent: 'info' as const, text: () => 'restored', where: 'top' as const };

/** A preview of the current inputs (its contents do not matter to the reducer). */
const fakeScored = (): Scored => ({ table: table(), scored: {} as Scored['scored'], scheme: defaultScheme(), lang: 'en' });

describe('the scheme', () => {
  test('is parsed when it changes, and an edit makes the preset "custom"', () => {
    const s0 = initialPaneState('en');
    expect(s0.built.scheme).toEqual(defaultScheme());
    const s1 = paneReducer(s0, { type: 'scheme', patch: { weights: ['0.3', '0.3', '0.5'] } });
    expect(s1.scheme.preset).toBe('custom');
    expect(s1.built.scheme).toBeUndefined();
    expect(s1.built.errors.weights).toBeDefined();
    const s2 = paneReducer(s1, { type: 'preset', choice: 'maoming' });
    expect(s2.scheme.preset).toBe('maoming');
    expect(s2.built.scheme?.variant).toBe('additive');
    expect(s2.built.errors).toEqual({});
  });

  test('nested binning (docs/binning.md): a scheme field; independent builds the scheme without it', () => {
    const s1 = paneReducer(initialPaneState('en'), { type: 'scheme', patch: { binning: 'nested' } });
    expect(s1.scheme.preset).toBe('custom');
    expect(s1.built.scheme).toEqual({ ...defaultScheme(), binning: 'nested' });
    const s2 = paneReducer(s1, { type: 'scheme', patch: { binning: 'independent' } });
    expect(s2.built.scheme).toEqual(defaultScheme());
    expect('binning' in s2.built.scheme!).toBe(false);
    // A preset is the registered scheme: independent.
    expect(paneReducer(s1, { type: 'preset', choice: 'hohhot' }).scheme.binning).toBe('independent');
  });

  test('nested binning is saved and restored with the scheme', () => {
    const s1 = paneReducer(initialPaneState('en'), { type: 'scheme', patch: { binning: 'nested' } });
    const saved = settingsToSave(s1);
    expect(saved.scheme.binning).toBe('nested');
    const s2 = paneReducer(initialPaneState('en'), { type: 'restore', saved, notice });
    expect(s2.scheme.binning).toBe('nested');
    expect(s2.built.scheme?.binning).toBe('nested');
  });

  test('"custom" keeps the form as it is', () => {
    const s1 = reduce(initialPaneState('en'), { type: 'preset', choice: 'template' }, { type: 'preset', choice: 'custom' });
    expect(s1.scheme.preset).toBe('custom');
    expect(s1.built.scheme?.methods.r).toEqual({ kind: 'breaks', cutoffs: [30, 60, 90, 180] });
  });
});

describe('the table and its columns', () => {
  test('a new range is detected; the same range again keeps the user’s choices', () => {
    const s1 = paneReducer(initialPaneState('en'), { type: 'table', table: table() });
    expect(s1.columns.columns).toMatchObject({ r: 3, f: 4, m: 5 });
    const s2 = paneReducer(s1, { type: 'column', role: 'r', index: 1 });
    expect(s2.columns.status.r).toEqual({ kind: 'manual' });
    const s3 = paneReducer(s2, { type: 'table', table: table() });
    expect(s3.columns.columns.r).toBe(1);
    expect(s3.inputs).toBe(s2.inputs);
    const s4 = paneReducer(s3, { type: 'table', table: table('A1:F20') });
    expect(s4.columns.columns.r).toBe(3);
    expect(s4.inputs).toBe(s3.inputs + 1);
  });

  test('clearing a metric’s column says whether a header could name it', () => {
    const s1 = reduce(initialPaneState('en'), { type: 'table', table: table() }, { type: 'column', role: 'f', index: undefined });
    expect(s1.columns.status.f).toEqual({ kind: 'missing' });
    const s2 = reduce(s1, { type: 'header', header: false }, { type: 'column', role: 'm', index: undefined });
    expect(s2.columns.status.m).toEqual({ kind: 'noHeader' });
  });
});

describe('saved settings have one owner', () => {
  const saved: SavedSettings = {
    version: 1,
    lang: 'zh',
    preset: 'maoming',
    scheme: { ...defaultScheme(), variant: 'additive', methods: { r: { kind: 'quintile' }, f: { kind: 'raw' }, m: { kind: 'quintile' } } },
    layout: { header: 'yes', r: 0, f: 1, m: 2 },
    output: 'formulas',
    tx: { header: true, columns: { customer: 0 }, since: '2024-01-01', asOf: '' },
  };

  test('a restore fills the forms and applies the saved columns to the first table only', () => {
    const s1 = paneReducer(initialPaneState('en'), { type: 'restore', saved, notice });
    expect(s1.scheme.preset).toBe('maoming');
    expect(s1.built.scheme?.variant).toBe('additive');
    expect(s1.output).toBe('formulas');
    expect(s1.settings).toEqual({ restored: saved, current: saved, layoutPending: true });
    const s2 = paneReducer(s1, { type: 'table', table: table() });
    expect(s2.columns.columns).toMatchObject({ r: 0, f: 1, m: 2 });
    expect(s2.settings.layoutPending).toBe(false);
    const s3 = paneReducer(s2, { type: 'table', table: table('A1:F9') });
    expect(s3.columns.columns).toMatchObject({ r: 3, f: 4, m: 5 });
  });

  test('a save keeps what the pane does not hold (the sales-records form) and takes the patch last', () => {
    const s1 = reduce(initialPaneState('en'), { type: 'restore', saved, notice }, { type: 'table', table: table() }, { type: 'preset', choice: 'shanghai' });
    const next = settingsToSave(s1, { mode: 'table' });
    expect(next.tx).toEqual(saved.tx);
    expect(next.scheme).toEqual(defaultScheme());
    expect(next.preset).toBe('shanghai');
    expect(next.mode).toBe('table');
    expect(next.lang).toBe('en');
    const s2 = paneReducer(s1, { type: 'saved', saved: next });
    expect(s2.settings.current).toBe(next);
    expect(s2.settings.restored).toBe(saved);
  });

  test('a scheme that does not parse saves the one saved before', () => {
    const s1 = reduce(initialPaneState('en'), { type: 'restore', saved, notice }, { type: 'scheme', patch: { grades: 'A:x' } });
    expect(settingsToSave(s1).scheme).toEqual(saved.scheme);
  });
});

describe('results made before a change are marked', () => {
  const inputs: PaneAction[] = [
    { type: 'table', table: table('B1:G9') },
    { type: 'column', role: 'id', index: 1 },
    { type: 'header', header: false },
    { type: 'scheme', patch: { bins: '4' } },
    { type: 'preset', choice: 'hohhot' },
    { type: 'insight', patch: { segments: true } },
    { type: 'output', output: 'formulas' },
    { type: 'periods', patch: { previous: true } },
    { type: 'noTable', note: notice },
  ];

  test.each(inputs.map((a) => [a.type, a] as const))('%s marks the preview and the result', (_, action) => {
    const s0 = paneReducer(initialPaneState('en'), { type: 'table', table: table() });
    const result: RunResult = { ...fakeScored(), write: {} as RunResult['write'], target: 'here' };
    const s1 = reduce(s0, { type: 'runDone', result, inputs: s0.inputs }, { type: 'previewDone', preview: fakeScored(), inputs: s0.inputs });
    expect(previewStale(s1)).toBe(false);
    expect(resultStale(s1)).toBe(false);
    const s2 = paneReducer(s1, action);
    expect(previewStale(s2)).toBe(true);
    expect(resultStale(s2)).toBe(true);
  });

  test('the language, following the selection and progress do not', () => {
    const s0 = initialPaneState('en');
    const s1 = paneReducer(s0, { type: 'previewDone', preview: fakeScored(), inputs: s0.inputs });
    const s2 = reduce(s1, { type: 'lang', lang: 'zh' }, { type: 'follow', follow: false }, { type: 'progress', progress: { phase: 'read', done: 1, total: 2 } });
    expect(previewStale(s2)).toBe(false);
  });

  test('a preview started before a change is out of date when it arrives', () => {
    const s0 = initialPaneState('en');
    const started = s0.inputs;
    const s1 = reduce(s0, { type: 'scheme', patch: { ties: 'min' } }, { type: 'previewDone', preview: fakeScored(), inputs: started });
    expect(previewStale(s1)).toBe(true);
  });

  test('a run replaces the preview', () => {
    const s0 = paneReducer(initialPaneState('en'), { type: 'previewDone', preview: fakeScored(), inputs: 0 });
    const result: RunResult = { ...fakeScored(), write: {} as RunResult['write'], target: 'here' };
    const s1 = paneReducer(s0, { type: 'runDone', result, inputs: 0 });
    expect(s1.preview).toBeUndefined();
    expect(s1.result).toBe(result);
  });
});
