/**
 * The document itself, outside Office.js: sheets and their cells, formats, merges, protection,
 * tables, conditional formats, settings, selection and the registered event handlers.
 * The Office-rule layer (proxies) and the host handle (tests, preview page) both work on this.
 */
import {
  MAX_ROWS,
  type Rect,
  boundingRect,
  formatAddress,
  formatRect,
  overlaps,
  rect,
  contains,
  isUnbounded,
} from './addresses';
import { CellStore, FormatLayer } from './cells';
import { ErrorCodes, invalidArgument, officeError } from './errors';
import { type CellValue, type TypedInput, typeString } from './numberFormat';

export type FormatProp =
  | 'numberFormat'
  | 'fill'
  | 'fontBold'
  | 'fontItalic'
  | 'fontColor'
  | 'fontName'
  | 'fontSize'
  | 'fontUnderline'
  | 'fontStrikethrough'
  | 'horizontalAlignment'
  | 'verticalAlignment'
  | 'wrapText';

export type FormatValue = string | number | boolean;

/** What a cell shows when nothing was set. `fill` has no default color: null means "no fill". */
export const FORMAT_DEFAULTS: Readonly<Record<FormatProp, FormatValue | null>> = {
  numberFormat: 'General',
  fill: null,
  fontBold: false,
  fontItalic: false,
  fontColor: '#000000',
  fontName: 'Aptos Narrow',
  fontSize: 11,
  fontUnderline: 'None',
  fontStrikethrough: false,
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  wrapText: false,
};

export const FORMAT_PROPS = Object.keys(FORMAT_DEFAULTS) as FormatProp[];

export interface ConditionalFormatFormat {
  fill?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
  italic?: boolean | null;
  numberFormat?: string | null;
}

export interface ConditionalFormatRecord {
  id: string;
  type: string;
  /** Address without sheet, e.g. "B2:B200". */
  address: string;
  area: Rect;
  rule: Record<string, unknown>;
  format: ConditionalFormatFormat;
  priority: number;
  stopIfTrue: boolean;
  deleted: boolean;
}

export interface TableRecord {
  id: string;
  name: string;
  sheet: HostSheet;
  /** The whole table, header row included (and total row when shown). */
  area: Rect;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
  deleted: boolean;
}

/** A cell range a chart reads (possibly on another sheet than the chart). */
export interface ChartSource {
  sheet: HostSheet;
  area: Rect;
}

export interface ChartSeriesRecord {
  id: string;
  name: string;
  /** The plotted numbers; undefined for a series added without data yet. */
  values?: ChartSource;
  /** The category (x-axis) labels; undefined: 1, 2, 3 … */
  categories?: ChartSource;
  hasDataLabels: boolean;
}

export interface ChartAxisRecord {
  title: string;
  titleVisible: boolean;
  numberFormat: string;
  reversePlotOrder: boolean;
  visible: boolean;
}

export interface ChartRecord {
  id: string;
  name: string;
  sheet: HostSheet;
  chartType: string;
  title: string;
  titleVisible: boolean;
  /** Position and size in points, from the sheet's top-left corner. */
  top: number;
  left: number;
  width: number;
  height: number;
  series: ChartSeriesRecord[];
  legend: { visible: boolean; position: string };
  axes: { category: ChartAxisRecord; value: ChartAxisRecord };
  deleted: boolean;
}

/** Change notices for the host's onChange listeners (a grid view re-renders on these). */
export interface WorkbookChange {
  kind: 'values' | 'format' | 'sheets' | 'selection' | 'settings' | 'tables' | 'merge' | 'protection' | 'conditionalFormats' | 'application' | 'charts';
  sheet?: string;
  address?: string;
  /** 'api' for changes made through Office.js, 'host' for changes through the host handle. */
  origin: 'api' | 'host';
}

export interface HostEventPayload {
  kind: 'selectionChanged' | 'changed' | 'activated' | 'deactivated' | 'settingsChanged';
  sheetId?: string;
  address?: string;
  origin: 'api' | 'host';
}

export interface EventRegistration {
  id: number;
  kind: HostEventPayload['kind'] | 'workbookSelectionChanged';
  /** undefined: any sheet (collection-level); otherwise only this sheet's events. */
  sheetId?: string;
  handler: (args: unknown) => unknown;
  makeArgs: (payload: HostEventPayload) => unknown;
}

export interface BookOptions {
  /** Turn numeric/boolean text written through `values` into numbers/booleans, as Excel does. */
  coerceStrings: boolean;
  /** Reads of more cells than this return null for cell-level properties. */
  maxReadCells: number;
  warn: (message: string) => void;
}

export class HostSheet {
  readonly cells = new CellStore();
  readonly formats: Record<FormatProp, FormatLayer<FormatValue>>;
  merges: Rect[] = [];
  /** `Range.group` (ExcelApi 1.10): the grouped rows or columns, as grouped. */
  groups: Array<{ by: 'ByRows' | 'ByColumns'; area: Rect }> = [];
  protected = false;
  protectionPassword: string | undefined;
  protectionOptions: Record<string, unknown> = {};
  frozenRows = 0;
  frozenColumns = 0;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  showGridlines = true;
  tabColor = '';
  conditionalFormats: ConditionalFormatRecord[] = [];
  charts: ChartRecord[] = [];
  /** Numbers the default chart names ("Chart 1", "Chart 2" …). */
  nextChartNumber = 1;
  selection: Rect[] = [rect(0, 0, 0, 0)];
  activeCell = { row: 0, column: 0 };
  autofitColumnsCalls: string[] = [];
  /** Column widths at (0, column) and row heights at (row, 0), in points. */
  readonly columnWidths = new FormatLayer<FormatValue>();
  readonly rowHeights = new FormatLayer<FormatValue>();
  deleted = false;

  constructor(
    readonly book: HostBook,
    readonly id: string,
    public name: string,
  ) {
    const formats = {} as Record<FormatProp, FormatLayer<FormatValue>>;
    for (const p of FORMAT_PROPS) formats[p] = new FormatLayer<FormatValue>();
    this.formats = formats;
  }

  get position(): number {
    return this.book.sheets.indexOf(this);
  }

  address(area: Rect): string {
    return formatAddress(this.name, area);
  }

  format(prop: FormatProp, r: number, c: number): FormatValue | null {
    const v = this.formats[prop].get(r, c);
    return v === undefined ? FORMAT_DEFAULTS[prop] : v;
  }

  numberFormat(r: number, c: number): string {
    return String(this.format('numberFormat', r, c));
  }

  /** Used range: values only, or values plus formatted cells (Excel's default). */
  usedRect(valuesOnly: boolean): Rect | null {
    let out = this.cells.bounds();
    if (!valuesOnly) {
      for (const p of FORMAT_PROPS) {
        const b = this.formats[p].bounds();
        if (b) out = out ? boundingRect(out, b) : b;
      }
    }
    return out;
  }

  mergeAreasIn(area: Rect): Rect[] {
    return this.merges.filter((m) => overlaps(m, area));
  }

  /** Throws when the rectangle cuts through a merged area (Excel: "Cannot change part of a merged cell"). */
  assertNoPartialMerge(area: Rect, location: string): void {
    for (const m of this.merges) {
      if (overlaps(m, area) && !contains(area, m)) {
        throw officeError(
          ErrorCodes.invalidOperation,
          `We can't do that to a merged cell: ${formatRect(area)} covers only part of the merged area ${formatRect(m)}.`,
          location,
        );
      }
    }
  }

  /** Cells that do not hold data: every cell of a merged area but its top-left one. */
  isHiddenByMerge(r: number, c: number): boolean {
    for (const m of this.merges) {
      if (r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1) return !(r === m.r0 && c === m.c0);
    }
    return false;
  }

  /** Writes one typed input into a cell, keeping formulas in their own map. */
  putTyped(r: number, c: number, input: TypedInput): void {
    this.cells.set(r, c, input.value);
    this.cells.setFormula(r, c, input.formula);
  }

  /** Writes a raw JS value (host side): numbers, strings, booleans; null/undefined/"" blank; Date → serial. */
  putRaw(r: number, c: number, value: unknown, asTyped: boolean): void {
    const v = toCellValue(value);
    if (asTyped && typeof v === 'string') {
      const cellFormat = this.numberFormat(r, c);
      const typed = typeString(v, cellFormat, this.book.options.coerceStrings);
      if (typed.numberFormat !== undefined && cellFormat === 'General') this.formats.numberFormat.setCell(r, c, typed.numberFormat);
      this.putTyped(r, c, typed);
    } else {
      this.putTyped(r, c, { value: v });
    }
  }

  merge(area: Rect, origin: 'api' | 'host'): void {
    if (isUnbounded(area)) throw invalidArgument('Cannot merge entire columns or rows.');
    for (const m of this.merges) {
      if (overlaps(m, area) && !contains(area, m)) {
        throw officeError(ErrorCodes.mergedRangeConflict, `The range ${formatRect(area)} overlaps the merged area ${formatRect(m)}.`);
      }
    }
    this.merges = this.merges.filter((m) => !contains(area, m));
    if (area.r0 === area.r1 && area.c0 === area.c1) return;
    // Excel keeps only the upper-left value
    for (let r = area.r0; r <= area.r1; r++) {
      for (let c = area.c0; c <= area.c1; c++) {
        if (r === area.r0 && c === area.c0) continue;
        this.cells.set(r, c, '');
        this.cells.setFormula(r, c, undefined);
      }
    }
    this.merges.push(area);
    this.book.emit({ kind: 'merge', sheet: this.name, address: formatRect(area), origin });
  }

  unmerge(area: Rect, origin: 'api' | 'host'): void {
    const before = this.merges.length;
    this.merges = this.merges.filter((m) => !overlaps(m, area));
    if (this.merges.length !== before) this.book.emit({ kind: 'merge', sheet: this.name, address: formatRect(area), origin });
  }

  clearFormats(area: Rect): void {
    for (const p of FORMAT_PROPS) this.formats[p].setRect(area, undefined);
    for (const cf of this.conditionalFormats) if (contains(area, cf.area)) cf.deleted = true;
    this.conditionalFormats = this.conditionalFormats.filter((cf) => !cf.deleted);
    this.merges = this.merges.filter((m) => !contains(area, m));
  }

  tables(): TableRecord[] {
    return this.book.tables.filter((t) => t.sheet === this && !t.deleted);
  }
}

export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`Cannot store ${value} in a cell.`);
    return value === 0 ? 0 : value;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.getTime() / 86400000 + 25569;
  throw new TypeError(`Cannot store a ${typeof value} in a cell.`);
}

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/;

export class HostBook {
  readonly sheets: HostSheet[] = [];
  activeSheet: HostSheet | undefined;
  /** Settings as JSON text, as Office stores them. */
  readonly settings = new Map<string, string>();
  readonly tables: TableRecord[] = [];
  readonly application = {
    calculationMode: 'Automatic',
    calculateCalls: 0,
    screenUpdatingSuspensions: 0,
    apiCalculationSuspensions: 0,
  };
  private readonly listeners = new Set<(change: WorkbookChange) => void>();
  registrations: EventRegistration[] = [];
  private readonly pendingHandlers = new Set<Promise<unknown>>();
  private queuedEvents: HostEventPayload[] | undefined;
  private nextSheetNumber = 1;
  private nextTableNumber = 1;
  private nextId = 1;

  constructor(readonly options: BookOptions) {}

  newId(prefix: string): string {
    return `${prefix}${this.nextId++}`;
  }

  sheet(nameOrId: string): HostSheet | undefined {
    const lower = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower || s.id === nameOrId);
  }

  validateSheetName(name: string, except?: HostSheet): void {
    if (name.length === 0 || name.length > 31 || INVALID_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw invalidArgument(`The sheet name '${name}' is not valid: 1–31 characters, none of [ ] : * ? / \\, not starting or ending with an apostrophe.`);
    }
    const existing = this.sheet(name);
    if (existing && existing !== except && existing.name.toLowerCase() === name.toLowerCase()) {
      throw officeError(ErrorCodes.itemAlreadyExists, `A sheet named '${name}' already exists.`);
    }
  }

  addSheet(name: string | undefined, origin: 'api' | 'host'): HostSheet {
    let finalName = name;
    if (finalName === undefined || finalName === '') {
      do finalName = `Sheet${this.nextSheetNumber++}`;
      while (this.sheet(finalName));
    }
    this.validateSheetName(finalName);
    const n = this.sheets.length + 1;
    const id = `{00000000-0001-0000-${n.toString(16).toUpperCase().padStart(2, '0')}00-000000000000}`;
    const sheet = new HostSheet(this, this.sheet(id) ? `${id}-${this.newId('')}` : id, finalName);
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    this.emit({ kind: 'sheets', sheet: finalName, origin });
    return sheet;
  }

  renameSheet(sheet: HostSheet, name: string, origin: 'api' | 'host'): void {
    if (sheet.name === name) return;
    this.validateSheetName(name, sheet);
    sheet.name = name;
    this.emit({ kind: 'sheets', sheet: name, origin });
  }

  deleteSheet(sheet: HostSheet, origin: 'api' | 'host'): void {
    const visible = this.sheets.filter((s) => s.visibility === 'Visible');
    if (visible.length === 1 && visible[0] === sheet) {
      throw officeError(ErrorCodes.invalidOperation, 'A workbook must contain at least one visible worksheet.');
    }
    const i = this.sheets.indexOf(sheet);
    this.sheets.splice(i, 1);
    sheet.deleted = true;
    for (const t of this.tables) if (t.sheet === sheet) t.deleted = true;
    for (const c of sheet.charts) c.deleted = true;
    if (this.activeSheet === sheet) this.activeSheet = this.sheets.find((s) => s.visibility === 'Visible');
    this.emit({ kind: 'sheets', sheet: sheet.name, origin });
  }

  active(): HostSheet {
    if (!this.activeSheet) throw officeError(ErrorCodes.itemNotFound, 'The workbook has no worksheet.');
    return this.activeSheet;
  }

  activate(sheet: HostSheet, origin: 'api' | 'host'): void {
    if (this.activeSheet === sheet) return;
    const previous = this.activeSheet;
    this.activeSheet = sheet;
    if (previous) this.raise({ kind: 'deactivated', sheetId: previous.id, origin });
    this.raise({ kind: 'activated', sheetId: sheet.id, origin });
    this.select(sheet, sheet.selection, origin);
  }

  /** Sets the selection (several areas allowed); the active cell goes to the last area's top-left. */
  select(sheet: HostSheet, areas: Rect[], origin: 'api' | 'host'): void {
    if (areas.length === 0) throw invalidArgument('Nothing to select.');
    const previous = this.activeSheet;
    this.activeSheet = sheet;
    if (previous !== sheet) {
      if (previous) this.raise({ kind: 'deactivated', sheetId: previous.id, origin });
      this.raise({ kind: 'activated', sheetId: sheet.id, origin });
    }
    sheet.selection = areas.map((a) => ({ ...a }));
    const last = areas[areas.length - 1];
    sheet.activeCell = { row: last.r0, column: last.c0 };
    const address = areas.map((a) => formatRect(a)).join(',');
    this.emit({ kind: 'selection', sheet: sheet.name, address, origin });
    this.raise({ kind: 'selectionChanged', sheetId: sheet.id, address, origin });
  }

  addTable(sheet: HostSheet, area: Rect, hasHeaders: boolean, name: string | undefined, origin: 'api' | 'host'): TableRecord {
    if (isUnbounded(area)) throw invalidArgument('A table cannot span entire columns or rows.');
    for (const t of this.tables) {
      if (!t.deleted && t.sheet === sheet && overlaps(t.area, area)) {
        throw officeError(ErrorCodes.invalidOperation, `A table can't overlap another table (${t.name}).`);
      }
    }
    if (sheet.mergeAreasIn(area).length > 0) {
      throw officeError(ErrorCodes.invalidOperation, "A table can't overlap merged cells.");
    }
    let tableName = name;
    if (tableName === undefined) {
      do tableName = `Table${this.nextTableNumber++}`;
      while (this.table(tableName));
    } else {
      this.validateTableName(tableName);
    }
    let finalArea = area;
    if (!hasHeaders) {
      // Excel inserts generated headers and shifts the data down one row
      if (area.r1 + 1 >= MAX_ROWS) throw invalidArgument('No room below the range for the shifted data.');
      const data = sheet.cells.read(area);
      for (let r = area.r0; r <= area.r1 + 1; r++) for (let c = area.c0; c <= area.c1; c++) sheet.cells.set(r, c, '');
      data.forEach((line, i) => line.forEach((v, j) => sheet.cells.set(area.r0 + 1 + i, area.c0 + j, v)));
      for (let c = area.c0; c <= area.c1; c++) sheet.cells.set(area.r0, c, `Column${c - area.c0 + 1}`);
      finalArea = rect(area.r0, area.c0, area.r1 + 1, area.c1);
    } else if (area.r0 === area.r1) {
      // a table always has at least one data row
      finalArea = rect(area.r0, area.c0, area.r1 + 1, area.c1);
    }
    // headers must be unique, non-blank text
    const seen = new Set<string>();
    for (let c = finalArea.c0; c <= finalArea.c1; c++) {
      let h = String(sheet.cells.get(finalArea.r0, c));
      if (h === '') h = `Column${c - finalArea.c0 + 1}`;
      let unique = h;
      for (let k = 2; seen.has(unique.toLowerCase()); k++) unique = `${h}${k}`;
      seen.add(unique.toLowerCase());
      sheet.cells.set(finalArea.r0, c, unique);
      sheet.cells.setFormula(finalArea.r0, c, undefined);
    }
    const table: TableRecord = {
      id: this.newId('table-'),
      name: tableName,
      sheet,
      area: finalArea,
      showHeaders: true,
      showTotals: false,
      style: 'TableStyleMedium2',
      deleted: false,
    };
    this.tables.push(table);
    this.emit({ kind: 'tables', sheet: sheet.name, address: formatRect(finalArea), origin });
    return table;
  }

  validateTableName(name: string, except?: TableRecord): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^[RrCc]$/.test(name)) {
      throw invalidArgument(`The table name '${name}' is not valid.`);
    }
    const existing = this.table(name);
    if (existing && existing !== except) throw officeError(ErrorCodes.itemAlreadyExists, `A table named '${name}' already exists.`);
  }

  table(nameOrId: string): TableRecord | undefined {
    const lower = nameOrId.toLowerCase();
    return this.tables.find((t) => !t.deleted && (t.name.toLowerCase() === lower || t.id === nameOrId));
  }

  liveTables(): TableRecord[] {
    return this.tables.filter((t) => !t.deleted);
  }

  tableColumns(t: TableRecord): string[] {
    const names: string[] = [];
    for (let c = t.area.c0; c <= t.area.c1; c++) {
      const v = t.sheet.cells.get(t.area.r0, c);
      names.push(v === '' ? `Column${c - t.area.c0 + 1}` : String(v));
    }
    return names;
  }

  // ---- change listeners (grid view) -------------------------------------------------------

  onChange(listener: (change: WorkbookChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: WorkbookChange): void {
    for (const l of this.listeners) {
      try {
        l(change);
      } catch (e) {
        this.options.warn(`onChange listener threw: ${String(e)}`);
      }
    }
  }

  /** Records a value change for onChange listeners and the Office onChanged events. */
  changed(sheet: HostSheet, area: Rect, origin: 'api' | 'host', kind: WorkbookChange['kind'] = 'values'): void {
    const address = formatRect(area);
    this.emit({ kind, sheet: sheet.name, address, origin });
    if (kind === 'values') this.raise({ kind: 'changed', sheetId: sheet.id, address, origin });
  }

  // ---- Office events --------------------------------------------------------------------

  /** While a sync runs, events are held and raised after it completes (handlers run async). */
  holdEvents(): void {
    this.queuedEvents ??= [];
  }

  releaseEvents(): void {
    const queued = this.queuedEvents ?? [];
    this.queuedEvents = undefined;
    for (const e of queued) this.dispatch(e);
  }

  raise(payload: HostEventPayload): void {
    if (this.queuedEvents) this.queuedEvents.push(payload);
    else this.dispatch(payload);
  }

  private dispatch(payload: HostEventPayload): void {
    for (const reg of this.registrations) {
      const matches =
        reg.kind === 'workbookSelectionChanged'
          ? payload.kind === 'selectionChanged'
          : reg.kind === payload.kind && (reg.sheetId === undefined || reg.sheetId === payload.sheetId);
      if (!matches) continue;
      const p: Promise<unknown> = Promise.resolve()
        .then(() => reg.handler(reg.makeArgs(payload)))
        .catch((e: unknown) => this.options.warn(`event handler (${reg.kind}) failed: ${e instanceof Error ? e.message : String(e)}`))
        .finally(() => this.pendingHandlers.delete(p));
      this.pendingHandlers.add(p);
    }
  }

  /** Resolves once every event handler started so far (and any they triggered) has finished. */
  async idle(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      if (this.pendingHandlers.size === 0) return;
      await Promise.all([...this.pendingHandlers]);
    }
  }
}

