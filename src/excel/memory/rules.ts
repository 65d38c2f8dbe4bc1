/**
 * What Excel checks when a batch runs: protected sheets (AccessDenied), unbounded ranges (null on read,
 * error on write), array shapes (InvalidArgument), merged areas, the 5,000,000-cell read limit, and
 * Excel's typing of strings written to cells.
 */
import { type Rect, cellCount, cellName, columnCount, formatRect, isUnbounded, rowCount } from './addresses';
import type { FormatProp, FormatValue, HostSheet } from './document';
import { ErrorCodes, invalidArgument, itemNotFound, officeError } from './errors';
import { type TypedInput, formatValue, typeString, valueTypeOf } from './numberFormat';
import type { Env } from './proxy';

export interface RangeRef {
  sheet: HostSheet;
  area: Rect;
}

export function alive(sheet: HostSheet, location: string): HostSheet {
  if (sheet.deleted) throw itemNotFound(`the worksheet '${sheet.name}' was deleted`, location);
  return sheet;
}

export type EditKind = 'cells' | 'format' | 'columns' | 'rows' | 'objects';

/** A protected sheet refuses edits unless its protection options allow that kind. */
export function assertEditable(sheet: HostSheet, kind: EditKind, location: string): void {
  if (!sheet.protected) return;
  const o = sheet.protectionOptions;
  if (kind === 'format' && o.allowFormatCells === true) return;
  if (kind === 'columns' && o.allowFormatColumns === true) return;
  if (kind === 'rows' && o.allowFormatRows === true) return;
  if (kind === 'objects' && o.allowEditObjects === true) return;
  throw officeError(
    ErrorCodes.accessDenied,
    `The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. (worksheet '${sheet.name}')`,
    location,
  );
}

export type GridKind = 'values' | 'text' | 'numberFormat' | 'formulas' | 'valueTypes';

/** Cell-level read. Null for entire columns/rows and for more cells than the read limit, as Excel does. */
export function readGrid(env: Env, ref: RangeRef, kind: GridKind): unknown[][] | null {
  const { sheet, area } = ref;
  alive(sheet, `Range.${kind}`);
  if (isUnbounded(area) || cellCount(area) > env.options.maxReadCells) return null;
  const values = sheet.cells.read(area);
  switch (kind) {
    case 'values':
      return values;
    case 'formulas': {
      if (!sheet.cells.hasFormulas()) return values;
      return values.map((line, i) => line.map((v, j) => sheet.cells.getFormula(area.r0 + i, area.c0 + j) ?? v));
    }
    case 'valueTypes':
      return values.map((line) => line.map(valueTypeOf));
    case 'numberFormat': {
      if (sheet.formats.numberFormat.isEmpty()) return values.map((line) => line.map(() => 'General'));
      return values.map((line, i) => line.map((_, j) => sheet.numberFormat(area.r0 + i, area.c0 + j)));
    }
    case 'text': {
      const plain = sheet.formats.numberFormat.isEmpty();
      return values.map((line, i) => line.map((v, j) => formatValue(v, plain ? 'General' : sheet.numberFormat(area.r0 + i, area.c0 + j))));
    }
  }
}

/** A scalar (applied to every cell) or a 2D array of exactly the range's shape. */
function cellsOf(input: unknown, area: Rect, what: string, location: string): (i: number, j: number) => unknown {
  if (!Array.isArray(input)) {
    if (input !== null && typeof input === 'object' && !(input instanceof Date)) {
      throw invalidArgument(`The argument is invalid or missing or has an incorrect format. (${what} must be a 2D array or a single value)`, location);
    }
    return () => input;
  }
  const rows = rowCount(area);
  const cols = columnCount(area);
  const ok = input.length === rows && input.every((line) => Array.isArray(line) && line.length === cols);
  if (!ok) {
    const first = input[0];
    const shape = `${input.length}×${Array.isArray(first) ? first.length : 'not an array'}`;
    throw invalidArgument(
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (range ${formatRect(area)} is ${rows}×${cols}, ${what} is ${shape})`,
      location,
    );
  }
  return (i, j) => (input[i] as unknown[])[j];
}

function unboundedWrite(what: string, area: Rect, location: string) {
  return invalidArgument(
    `Cannot set ${what} on the unbounded range ${formatRect(area)} (entire columns or rows): the request is too large. Narrow it first, e.g. with getUsedRange() or getIntersection().`,
    location,
  );
}

/** `Range.values` / `Range.formulas` write. */
export function writeCells(env: Env, ref: RangeRef, kind: 'values' | 'formulas', input: unknown): void {
  const { sheet, area } = ref;
  const location = `Range.${kind}`;
  alive(sheet, location);
  if (isUnbounded(area)) throw unboundedWrite(kind, area, location);
  assertEditable(sheet, 'cells', location);
  const get = cellsOf(input, area, kind, location);
  sheet.assertNoPartialMerge(area, location);
  const coerce = env.options.coerceStrings;
  const hasMerges = sheet.merges.length > 0;
  let formulas = 0;
  let firstFormula = '';
  let nonFinite = 0;
  const height = rowCount(area);
  const width = columnCount(area);
  for (let i = 0; i < height; i++) {
    const r = area.r0 + i;
    for (let j = 0; j < width; j++) {
      const v = get(i, j);
      if (v === null || v === undefined) continue; // null leaves the cell unchanged
      const c = area.c0 + j;
      if (hasMerges && sheet.isHiddenByMerge(r, c)) continue;
      let typed: TypedInput;
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) {
          nonFinite += 1; // JSON turns NaN/Infinity into null: the cell is left unchanged
          continue;
        }
        typed = { value: v === 0 ? 0 : v };
      } else if (typeof v === 'boolean') {
        typed = { value: v };
      } else if (typeof v === 'string') {
        const cellFormat = sheet.numberFormat(r, c);
        typed = typeString(v, cellFormat, coerce);
        if (typed.numberFormat !== undefined && cellFormat === 'General') sheet.formats.numberFormat.setCell(r, c, typed.numberFormat);
        if (typed.formula !== undefined) {
          formulas += 1;
          if (firstFormula === '') firstFormula = `${cellName(r, c)}: ${typed.formula}`;
        }
      } else if (v instanceof Date) {
        typed = { value: v.toJSON() }; // what JSON carries to Excel
      } else {
        throw invalidArgument(`Cell values must be numbers, strings or booleans; got ${typeof v} for ${cellName(r, c)}.`, location);
      }
      sheet.putTyped(r, c, typed);
    }
  }
  const where = sheet.address(area);
  if (formulas > 0 && kind === 'values') {
    env.log.warn(`${formulas} formula(s) written through Range.values at ${where} (first ${firstFormula})`);
  }
  if (nonFinite > 0) env.log.warn(`${nonFinite} NaN/Infinity value(s) written at ${where}: sent as null, cells left unchanged`);
  env.book.changed(sheet, area, 'api');
}

/** `Range.numberFormat` write (cell-level: refused on entire columns/rows). */
export function writeNumberFormat(env: Env, ref: RangeRef, input: unknown): void {
  const { sheet, area } = ref;
  const location = 'Range.numberFormat';
  alive(sheet, location);
  if (isUnbounded(area)) throw unboundedWrite('numberFormat', area, location);
  assertEditable(sheet, 'format', location);
  const layer = sheet.formats.numberFormat;
  if (!Array.isArray(input)) {
    if (input !== null && input !== undefined) layer.setRect(area, String(input));
  } else {
    const get = cellsOf(input, area, 'numberFormat', location);
    const first = get(0, 0);
    const uniform = typeof first === 'string' && input.every((line: unknown[]) => line.every((v) => v === first));
    if (uniform) layer.setRect(area, first);
    else {
      for (let i = 0; i < rowCount(area); i++) {
        for (let j = 0; j < columnCount(area); j++) {
          const v = get(i, j);
          if (v !== null && v !== undefined) layer.setCell(area.r0 + i, area.c0 + j, String(v));
        }
      }
    }
  }
  env.book.changed(sheet, area, 'api', 'format');
}

/** A format property over the whole range (entire columns allowed, as in Excel). */
export function writeFormat(env: Env, ref: RangeRef, prop: FormatProp, value: FormatValue | undefined, location: string): void {
  const { sheet, area } = ref;
  alive(sheet, location);
  assertEditable(sheet, 'format', location);
  sheet.formats[prop].setRect(area, value);
  env.book.changed(sheet, area, 'api', 'format');
}

export function readFormat(ref: RangeRef, prop: FormatProp, fallback: FormatValue): FormatValue | null {
  alive(ref.sheet, 'RangeFormat');
  return ref.sheet.formats[prop].uniform(ref.area, fallback);
}

export function clearRange(env: Env, ref: RangeRef, applyTo: string): void {
  const { sheet, area } = ref;
  const location = 'Range.clear';
  alive(sheet, location);
  const contents = applyTo === 'All' || applyTo === 'Contents' || applyTo === 'ResetContents';
  const formats = applyTo === 'All' || applyTo === 'Formats';
  if (!contents && !formats && applyTo !== 'Hyperlinks' && applyTo !== 'RemoveHyperlinks') {
    throw invalidArgument(`Unknown clear type '${applyTo}'.`, location);
  }
  assertEditable(sheet, contents ? 'cells' : 'format', location);
  if (contents) {
    sheet.assertNoPartialMerge(area, location);
    sheet.cells.clear(area);
    env.book.changed(sheet, area, 'api');
  }
  if (formats) {
    sheet.clearFormats(area);
    env.book.changed(sheet, area, 'api', 'format');
  }
}

const NAMED_COLORS: Readonly<Record<string, string>> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  lime: '#00FF00',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  silver: '#C0C0C0',
  pink: '#FFC0CB',
  lightgreen: '#90EE90',
  lightblue: '#ADD8E6',
  lightgray: '#D3D3D3',
  lightgrey: '#D3D3D3',
  lightyellow: '#FFFFE0',
  darkgreen: '#006400',
  darkred: '#8B0000',
  navy: '#000080',
  teal: '#008080',
  maroon: '#800000',
  olive: '#808000',
  cyan: '#00FFFF',
  magenta: '#FF00FF',
};

/** Excel reports colors as "#RRGGBB"; it accepts "#RGB", "#RRGGBB" and HTML color names. */
export function normalizeColor(input: unknown, location: string): string {
  if (typeof input !== 'string') throw invalidArgument(`A color must be a string such as "#FF0000".`, location);
  const s = input.trim();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(s);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toUpperCase();
  if (/^#[0-9a-f]{6}$/i.test(s)) return s.toUpperCase();
  const named = NAMED_COLORS[s.toLowerCase()];
  if (named) return named;
  if (/^[a-z]+$/i.test(s)) return s; // another HTML color name: kept as written
  throw invalidArgument(`The color '${input}' is not valid: use "#RRGGBB" or an HTML color name.`, location);
}

