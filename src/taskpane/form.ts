/**
 * The pane's form state and how it turns into the engine's Scheme and LayoutOptions.
 * Pure: no React, no Office. Every check is the engine's own (validateScheme, parse*Text), so the
 * pane accepts exactly what the command line accepts; problems are kept per field as RfmError and
 * translated when shown.
 */
import {
  METRICS,
  PRESET_IDS,
  RfmError,
  columnLetter,
  defaultScheme,
  detectColumns,
  gradesText,
  isHeaderRow,
  looksNumeric,
  parseBinsText,
  parseGradesText,
  parseMethodText,
  preset,
  validateScheme,
  type Binning,
  type CellValue,
  type LayoutOptions,
  type Metric,
  type PresetId,
  type Scheme,
  type TiePolicy,
  type Variant,
} from '../core';
import { t, type Lang } from '../i18n';

/** A message translated when it is shown, so a language switch re-translates it. */
export type Localized = (lang: Lang) => string;

export function errorText(e: unknown): Localized {
  if (e instanceof RfmError) return (lang) => e.localized(lang);
  const message = e instanceof Error ? e.message : String(e);
  return (lang) => t(lang, 'pane.error', { message });
}

// ---------------------------------------------------------------- scheme

export type PresetChoice = PresetId | 'custom';
export type MethodKind = 'quintile' | 'breaks' | 'raw';

export interface SchemeForm {
  preset: PresetChoice;
  variant: Variant;
  weights: [string, string, string];
  methods: Record<Metric, { kind: MethodKind; cutoffs: string }>;
  bins: string;
  ties: TiePolicy;
  /** Nested binning (docs/binning.md); independent is saved as no field. */
  binning: Binning;
  grades: string;
}

export type SchemeField = 'weights' | Metric | 'bins' | 'grades' | 'scheme';
export type SchemeErrors = Partial<Record<SchemeField, RfmError>>;

export function schemeForm(scheme: Scheme, choice: PresetChoice): SchemeForm {
  const methods = {} as SchemeForm['methods'];
  for (const metric of METRICS) {
    const m = scheme.methods[metric];
    methods[metric] = { kind: m.kind, cutoffs: m.kind === 'breaks' ? m.cutoffs.join(',') : '' };
  }
  return {
    preset: choice,
    variant: scheme.variant,
    weights: [...scheme.weights],
    methods,
    bins: String(scheme.bins),
    ties: scheme.ties,
    binning: scheme.binning ?? 'independent',
    grades: gradesText(scheme.grades),
  };
}

export function presetForm(id: PresetChoice): SchemeForm {
  return schemeForm(id === 'custom' ? defaultScheme() : preset(id), id);
}

export const PRESET_CHOICES: readonly PresetChoice[] = [...PRESET_IDS, 'custom'];

/** Cut-offs typed as "30, 60 90；180" → "30,60,90,180". */
function normalizeList(text: string): string {
  return text
    .trim()
    .split(/[\s,，;；、]+/)
    .filter((p) => p !== '')
    .join(',');
}

function attempt<T>(field: SchemeField, errors: SchemeErrors, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RfmError) errors[field] = e;
    else throw e;
    return undefined;
  }
}

/** The form as a Scheme, or the problem of each field. */
export function buildScheme(form: SchemeForm): { scheme?: Scheme; errors: SchemeErrors } {
  const errors: SchemeErrors = {};
  const base = defaultScheme();
  const scheme: Scheme = { ...base, variant: form.variant, ties: form.ties };
  if (form.binning === 'nested') scheme.binning = 'nested';

  if (form.variant === 'weighted') {
    const weights: [string, string, string] = [form.weights[0].trim(), form.weights[1].trim(), form.weights[2].trim()];
    // The engine's own check: each a non-negative decimal, the sum exactly 1 in decimals.
    if (attempt('weights', errors, () => validateScheme({ ...base, weights }))) scheme.weights = weights;
  } else {
    scheme.weights = base.weights;
  }

  const methods = { ...base.methods };
  for (const metric of METRICS) {
    const m = form.methods[metric];
    const text = m.kind === 'breaks' ? `breaks:${normalizeList(m.cutoffs)}` : m.kind;
    const parsed = attempt(metric, errors, () => parseMethodText(metric, text));
    if (parsed) methods[metric] = parsed;
  }
  scheme.methods = methods;

  const bins = attempt('bins', errors, () => parseBinsText(form.bins));
  if (bins !== undefined) scheme.bins = bins;

  const grades = attempt('grades', errors, () => parseGradesText(form.grades.trim()));
  if (grades) scheme.grades = grades;

  if (Object.keys(errors).length > 0) return { errors };
  attempt('scheme', errors, () => validateScheme(scheme));
  return Object.keys(errors).length > 0 ? { errors } : { scheme, errors };
}

// ---------------------------------------------------------------- columns

export type ColumnRole = Metric | 'id';
export const COLUMN_ROLES: readonly ColumnRole[] = ['r', 'f', 'm', 'id'];

/** How a metric's column was found: by the header, by the user, or not (yet). */
export type ColumnStatus =
  | { kind: 'detected' }
  | { kind: 'manual' }
  | { kind: 'ambiguous'; candidates: number[] }
  | { kind: 'missing' }
  | { kind: 'noHeader' };

export interface ColumnsForm {
  header: boolean;
  /** 0-based column indexes within the table; undefined = not chosen. */
  columns: Partial<Record<ColumnRole, number>>;
  status: Record<Metric, ColumnStatus>;
}

export const EMPTY_COLUMNS: ColumnsForm = {
  header: true,
  columns: {},
  status: { r: { kind: 'missing' }, f: { kind: 'missing' }, m: { kind: 'missing' } },
};

/** Header detection on a new table's first row (SPEC.md 1): never guesses an ambiguous column. */
export function detectForm(firstRow: readonly CellValue[], saved?: LayoutOptions): ColumnsForm {
  const detection = detectColumns(firstRow);
  const columns: ColumnsForm['columns'] = {};
  const status = {} as ColumnsForm['status'];
  for (const metric of METRICS) {
    const found = detection.columns[metric];
    if (found !== undefined) {
      columns[metric] = found;
      status[metric] = { kind: 'detected' };
    } else {
      const problem = detection.problems.find((p) => p.metric === metric);
      status[metric] = problem?.kind === 'ambiguous' ? { kind: 'ambiguous', candidates: problem.candidates } : { kind: 'missing' };
    }
  }
  let header: boolean;
  if (columns.r !== undefined && columns.f !== undefined && columns.m !== undefined) {
    header = isHeaderRow(firstRow, { r: columns.r, f: columns.f, m: columns.m });
  } else {
    header = firstRow.some((v) => typeof v === 'string' && v.trim() !== '' && !looksNumeric(v));
  }
  if (header) columns.id = detection.columns.id;
  else for (const metric of METRICS) if (columns[metric] === undefined) status[metric] = { kind: 'noHeader' };

  // Settings saved in the workbook: the user's own column choices win where they fit this table.
  if (saved) {
    if (saved.header === 'yes') header = true;
    if (saved.header === 'no') header = false;
    for (const role of COLUMN_ROLES) {
      const ref = saved[role];
      if (typeof ref === 'number' && ref >= 0 && ref < firstRow.length) {
        columns[role] = ref;
        if (role !== 'id') status[role] = { kind: 'manual' };
      }
    }
  }
  return { header, columns, status };
}

/** The layout handed to the Excel layer, or the first column still to choose. */
export function buildLayout(form: ColumnsForm): { layout?: LayoutOptions; missing?: Metric } {
  for (const metric of METRICS) {
    if (form.columns[metric] === undefined) return { missing: metric };
  }
  return {
    layout: {
      header: form.header ? 'yes' : 'no',
      r: form.columns.r,
      f: form.columns.f,
      m: form.columns.m,
      id: form.columns.id,
    },
  };
}

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') return v.error;
  return String(v).trim();
}

/** The option text of a column: its letter in the sheet and its header (or first value). */
export function columnLabel(lang: Lang, tableColumn: number, index: number, firstRow: readonly CellValue[], header: boolean): string {
  const letter = columnLetter(tableColumn + index);
  const text = cellText(firstRow[index]);
  if (!text) return t(lang, 'pane.columns.optionEmpty', { letter });
  return header ? t(lang, 'pane.columns.option', { letter, header: text }) : t(lang, 'pane.columns.optionValue', { letter, value: text });
}

export function headerText(firstRow: readonly CellValue[], index: number | undefined): string {
  return index === undefined ? '' : cellText(firstRow[index]);
}

/**
 * The header switch. On: columns the user chose stay, the others are detected from the first row.
 * Off: the chosen columns stay (now the user's choice), nothing is "detected".
 */
export function withHeader(form: ColumnsForm, firstRow: readonly CellValue[], header: boolean): ColumnsForm {
  const columns = { ...form.columns };
  const status = { ...form.status };
  if (header) {
    const detection = detectColumns(firstRow);
    for (const metric of METRICS) {
      if (form.status[metric].kind === 'manual' && form.columns[metric] !== undefined) continue;
      const found = detection.columns[metric];
      const problem = detection.problems.find((p) => p.metric === metric);
      columns[metric] = found;
      status[metric] =
        found !== undefined
          ? { kind: 'detected' }
          : problem?.kind === 'ambiguous'
            ? { kind: 'ambiguous', candidates: problem.candidates }
            : { kind: 'missing' };
    }
    if (columns.id === undefined) columns.id = detection.columns.id;
  } else {
    for (const metric of METRICS) status[metric] = columns[metric] === undefined ? { kind: 'noHeader' } : { kind: 'manual' };
  }
  return { header, columns, status };
}
