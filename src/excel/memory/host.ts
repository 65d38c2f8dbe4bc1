/**
 * The host-side handle: how tests and the preview page set up and inspect the workbook, outside the
 * Office.js rules (no load/sync, no protection checks). Changes made here still raise the Office
 * events an add-in registered (selection changed, worksheet changed) and the onChange listeners.
 */
import { type Rect, cellName, columnLetters, formatRect, intersect, isUnbounded, parseAddress, rect, splitSheet } from './addresses';
import { chartCells, sourceString, sourceValues } from './charts';
import { type ChartAxisRecord, type ChartRecord, type FormatProp, type FormatValue, type HostBook, type HostSheet, type WorkbookChange } from './document';
import type { CellValue } from './numberFormat';

export interface HostFormat {
  numberFormat?: string;
  /** "#RRGGBB"; null for no fill. */
  fill?: string | null;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  horizontalAlignment?: string;
}

export interface ConditionalFormatInfo {
  id: string;
  type: string;
  /** Without sheet, e.g. "E2:E201". */
  address: string;
  rule: Record<string, unknown>;
  format: { fill?: string | null; fontColor?: string | null; bold?: boolean | null; italic?: boolean | null; numberFormat?: string | null };
  priority: number;
  stopIfTrue: boolean;
}

export interface TableInfo {
  name: string;
  sheet: string;
  address: string;
  columns: string[];
  style: string;
}

export interface ChartSeriesInfo {
  name: string;
  /** Data sources as Excel names them ("='RFM summary'!$C$3:$C$6"); "" when not set. */
  values: string;
  categories: string;
  /** The cells' current values. */
  valueData: CellValue[];
  categoryData: CellValue[];
  hasDataLabels: boolean;
}

export interface ChartInfo {
  name: string;
  type: string;
  /** "" when the chart has no title shown. */
  title: string;
  /** The cells under its top-left and bottom-right corners, e.g. "K1:R15". */
  cells: string;
  top: number;
  left: number;
  width: number;
  height: number;
  legend: { visible: boolean; position: string };
  axes: { category: ChartAxisRecord; value: ChartAxisRecord };
  series: ChartSeriesInfo[];
}

export interface MemorySheet {
  readonly name: string;
  readonly id: string;
  /** Writes rows (ragged allowed) from the top-left cell of `topLeftAddress`. Values are stored as given
   *  (numbers, strings, booleans; null/undefined/"" blank; Date → serial) unless `asTyped`, which applies
   *  Excel's typing ("123" → 123, "=…" → formula). */
  setValues(topLeftAddress: string, rows: unknown[][], options?: { asTyped?: boolean }): MemorySheet;
  getValue(address: string): CellValue;
  /** 2D values; entire columns/rows are cut to the used range. */
  getValues(address: string): CellValue[][];
  getFormula(address: string): string | undefined;
  clear(address?: string): MemorySheet;
  setFormat(address: string, format: HostFormat): MemorySheet;
  formatOf(address: string): Required<HostFormat>;
  numberFormatOf(address: string): string;
  fillOf(address: string): string | null;
  protect(password?: string, options?: Record<string, unknown>): MemorySheet;
  unprotect(): MemorySheet;
  isProtected(): boolean;
  merge(address: string): MemorySheet;
  merges(): string[];
  /** Column groups made by `Range.group('ByColumns')`, e.g. "K:M". */
  columnGroups(): string[];
  addTable(name: string, address: string, hasHeaders?: boolean): MemorySheet;
  usedRange(valuesOnly?: boolean): string | null;
  conditionalFormats(): ConditionalFormatInfo[];
  formulaCells(): Array<{ address: string; formula: string }>;
  frozen(): { rows: number; columns: number };
  autofitCalls(): string[];
  /** The sheet's charts in creation order. */
  charts(): ChartInfo[];
  /** Column width in points (Excel's standard: 48). */
  columnWidth(column: string): number;
}

export interface MemoryWorkbook {
  /** Adds a sheet (an existing empty sheet of that name, like the initial "Sheet1", is reused). */
  addSheet(name: string, rows?: unknown[][]): MemorySheet;
  sheet(name: string): MemorySheet;
  hasSheet(name: string): boolean;
  sheetNames(): string[];
  removeSheet(name: string): void;
  activeSheet(): string;
  activate(name: string): Promise<void>;
  /** Selects one or several areas (as a user would); resolves after the selection handlers ran. */
  select(sheetName: string, address: string | string[]): Promise<void>;
  selection(): { sheet: string; areas: string[]; activeCell: string };
  getSettings(): Record<string, unknown>;
  setSetting(key: string, value: unknown): void;
  usedRange(sheetName: string, valuesOnly?: boolean): string | null;
  /** "Sheet1!B2", or "B2" on the active sheet. */
  numberFormatOf(address: string): string;
  fillOf(address: string): string | null;
  conditionalFormats(sheetName: string): ConditionalFormatInfo[];
  formulaCells(sheetName: string): Array<{ address: string; formula: string }>;
  tables(): TableInfo[];
  application(): { calculationMode: string; calculateCalls: number; screenUpdatingSuspensions: number; apiCalculationSuspensions: number };
  /** Called after every change (API or host); returns an unsubscribe function. */
  onChange(listener: (change: WorkbookChange) => void): () => void;
  /** Resolves when every Office event handler started so far has finished. */
  idle(): Promise<void>;
}

function hostFormat(sheet: HostSheet, r: number, c: number): Required<HostFormat> {
  const f = (p: FormatProp) => sheet.format(p, r, c);
  return {
    numberFormat: String(f('numberFormat')),
    fill: (f('fill') as string | null) ?? null,
    bold: f('fontBold') === true,
    italic: f('fontItalic') === true,
    fontColor: String(f('fontColor')),
    horizontalAlignment: String(f('horizontalAlignment')),
  };
}

class SheetHandle implements MemorySheet {
  constructor(private readonly s: HostSheet) {}

  get name(): string {
    return this.s.name;
  }

  get id(): string {
    return this.s.id;
  }

  private area(address: string): Rect {
    const parsed = parseAddress(address);
    if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== this.s.name.toLowerCase()) {
      throw new Error(`'${address}' names another sheet than '${this.s.name}'.`);
    }
    return parsed.rect;
  }

  private cell(address: string): { r: number; c: number } {
    const a = this.area(address);
    return { r: a.r0, c: a.c0 };
  }

  setValues(topLeftAddress: string, rows: unknown[][], options: { asTyped?: boolean } = {}): MemorySheet {
    const { r, c } = this.cell(topLeftAddress);
    let width = 0;
    rows.forEach((line, i) => {
      line.forEach((v, j) => this.s.putRaw(r + i, c + j, v, options.asTyped === true));
      width = Math.max(width, line.length);
    });
    if (rows.length > 0 && width > 0) this.s.book.changed(this.s, rect(r, c, r + rows.length - 1, c + width - 1), 'host');
    return this;
  }

  getValue(address: string): CellValue {
    const { r, c } = this.cell(address);
    return this.s.cells.get(r, c);
  }

  getValues(address: string): CellValue[][] {
    let a = this.area(address);
    if (isUnbounded(a)) {
      const used = this.s.usedRect(true);
      const clipped = used === null ? null : intersect(a, rect(0, 0, used.r1, used.c1));
      if (clipped === null) return [];
      a = clipped;
    }
    return this.s.cells.read(a);
  }

  getFormula(address: string): string | undefined {
    const { r, c } = this.cell(address);
    return this.s.cells.getFormula(r, c);
  }

  clear(address?: string): MemorySheet {
    const a = address === undefined ? rect(0, 0, 1048575, 16383) : this.area(address);
    this.s.cells.clear(a);
    this.s.clearFormats(a);
    this.s.book.changed(this.s, a, 'host');
    return this;
  }

  setFormat(address: string, format: HostFormat): MemorySheet {
    const a = this.area(address);
    const set = (p: FormatProp, v: FormatValue | null | undefined) => {
      if (v !== undefined) this.s.formats[p].setRect(a, v === null ? undefined : v);
    };
    set('numberFormat', format.numberFormat);
    set('fill', format.fill);
    set('fontBold', format.bold);
    set('fontItalic', format.italic);
    set('fontColor', format.fontColor);
    set('horizontalAlignment', format.horizontalAlignment);
    this.s.book.emit({ kind: 'format', sheet: this.s.name, address: formatRect(a), origin: 'host' });
    return this;
  }

  formatOf(address: string): Required<HostFormat> {
    const { r, c } = this.cell(address);
    return hostFormat(this.s, r, c);
  }

  numberFormatOf(address: string): string {
    return this.formatOf(address).numberFormat;
  }

  fillOf(address: string): string | null {
    return this.formatOf(address).fill;
  }

  protect(password?: string, options: Record<string, unknown> = {}): MemorySheet {
    this.s.protected = true;
    this.s.protectionPassword = password;
    this.s.protectionOptions = { ...options };
    this.s.book.emit({ kind: 'protection', sheet: this.s.name, origin: 'host' });
    return this;
  }

  unprotect(): MemorySheet {
    this.s.protected = false;
    this.s.protectionPassword = undefined;
    this.s.book.emit({ kind: 'protection', sheet: this.s.name, origin: 'host' });
    return this;
  }

  isProtected(): boolean {
    return this.s.protected;
  }

  merge(address: string): MemorySheet {
    this.s.merge(this.area(address), 'host');
    return this;
  }

  merges(): string[] {
    return this.s.merges.map(formatRect);
  }

  columnGroups(): string[] {
    return this.s.groups.filter((g) => g.by === 'ByColumns').map((g) => `${columnLetters(g.area.c0)}:${columnLetters(g.area.c1)}`);
  }

  addTable(name: string, address: string, hasHeaders = true): MemorySheet {
    this.s.book.addTable(this.s, this.area(address), hasHeaders, name, 'host');
    return this;
  }

  usedRange(valuesOnly = false): string | null {
    const u = this.s.usedRect(valuesOnly);
    return u === null ? null : formatRect(u);
  }

  conditionalFormats(): ConditionalFormatInfo[] {
    return [...this.s.conditionalFormats]
      .filter((cf) => !cf.deleted)
      .sort((a, b) => a.priority - b.priority)
      .map((cf) => ({
        id: cf.id,
        type: cf.type,
        address: cf.address,
        rule: { ...cf.rule },
        format: { ...cf.format },
        priority: cf.priority,
        stopIfTrue: cf.stopIfTrue,
      }));
  }

  formulaCells(): Array<{ address: string; formula: string }> {
    return this.s.cells.formulaCells().map((f) => ({ address: cellName(f.row, f.column), formula: f.formula }));
  }

  frozen(): { rows: number; columns: number } {
    return { rows: this.s.frozenRows, columns: this.s.frozenColumns };
  }

  autofitCalls(): string[] {
    return [...this.s.autofitColumnsCalls];
  }

  charts(): ChartInfo[] {
    return this.s.charts.map(chartInfo);
  }

  columnWidth(column: string): number {
    const w = this.s.columnWidths.get(0, parseAddress(`${column}1`).rect.c0);
    return typeof w === 'number' ? w : 48;
  }
}

function chartInfo(c: ChartRecord): ChartInfo {
  return {
    name: c.name,
    type: c.chartType,
    title: c.titleVisible ? c.title : '',
    cells: chartCells(c),
    top: c.top,
    left: c.left,
    width: c.width,
    height: c.height,
    legend: { ...c.legend },
    axes: { category: { ...c.axes.category }, value: { ...c.axes.value } },
    series: c.series.map((s) => ({
      name: s.name,
      values: sourceString(s.values),
      categories: sourceString(s.categories),
      valueData: sourceValues(s.values) as CellValue[],
      categoryData: sourceValues(s.categories) as CellValue[],
      hasDataLabels: s.hasDataLabels,
    })),
  };
}

export function createHostHandle(book: HostBook): MemoryWorkbook {
  const find = (name: string): HostSheet => {
    const s = book.sheet(name);
    if (!s) throw new Error(`No sheet named '${name}'. Sheets: ${book.sheets.map((x) => x.name).join(', ')}`);
    return s;
  };
  const locate = (address: string): { sheet: HostSheet; address: string } => {
    const { sheet, ref } = splitSheet(address);
    return { sheet: sheet === undefined ? book.active() : find(sheet), address: ref };
  };

  return {
    addSheet(name, rows) {
      const existing = book.sheet(name);
      let sheet: HostSheet;
      if (existing && existing.name.toLowerCase() === name.toLowerCase()) {
        if (existing.usedRect(false) !== null) throw new Error(`A sheet named '${name}' already exists and is not empty.`);
        sheet = existing;
      } else {
        sheet = book.addSheet(name, 'host');
      }
      const handle = new SheetHandle(sheet);
      if (rows && rows.length > 0) handle.setValues('A1', rows);
      return handle;
    },
    sheet: (name) => new SheetHandle(find(name)),
    hasSheet: (name) => book.sheet(name) !== undefined,
    sheetNames: () => book.sheets.map((s) => s.name),
    removeSheet: (name) => book.deleteSheet(find(name), 'host'),
    activeSheet: () => book.active().name,
    activate(name) {
      book.activate(find(name), 'host');
      return book.idle();
    },
    select(sheetName, address) {
      const sheet = find(sheetName);
      const list = Array.isArray(address) ? address : [address];
      const areas = list.map((a) => {
        const parsed = parseAddress(a);
        return parsed.rect;
      });
      book.select(sheet, areas, 'host');
      return book.idle();
    },
    selection() {
      const s = book.active();
      return { sheet: s.name, areas: s.selection.map(formatRect), activeCell: cellName(s.activeCell.row, s.activeCell.column) };
    },
    getSettings() {
      const out: Record<string, unknown> = {};
      for (const [k, json] of book.settings) out[k] = JSON.parse(json) as unknown;
      return out;
    },
    setSetting(key, value) {
      book.settings.set(key, JSON.stringify(value));
      book.emit({ kind: 'settings', origin: 'host' });
    },
    usedRange: (sheetName, valuesOnly = false) => new SheetHandle(find(sheetName)).usedRange(valuesOnly),
    numberFormatOf(address) {
      const { sheet, address: a } = locate(address);
      return new SheetHandle(sheet).numberFormatOf(a);
    },
    fillOf(address) {
      const { sheet, address: a } = locate(address);
      return new SheetHandle(sheet).fillOf(a);
    },
    conditionalFormats: (sheetName) => new SheetHandle(find(sheetName)).conditionalFormats(),
    formulaCells: (sheetName) => new SheetHandle(find(sheetName)).formulaCells(),
    tables: () =>
      book.liveTables().map((t) => ({ name: t.name, sheet: t.sheet.name, address: formatRect(t.area), columns: book.tableColumns(t), style: t.style })),
    application: () => ({ ...book.application }),
    onChange: (listener) => book.onChange(listener),
    idle: () => book.idle(),
  };
}

