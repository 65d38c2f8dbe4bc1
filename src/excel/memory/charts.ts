/**
 * Charts: `worksheet.charts` and what hangs off a chart (title, series, axes, legend). A minimal
 * model: a chart is a record of its type, title, position and series, each series pointing at cell
 * ranges read when asked, so nothing is drawn. Same proxy rules as everything else (load + sync
 * before reading, queued writes, ItemNotFound at sync, AccessDenied on a protected sheet).
 */
import { type Rect, columnCount, formatRect, isUnbounded, parseAddress, rect, rowCount, sheetPrefix, intersect } from './addresses';
import type { ChartAxisRecord, ChartRecord, ChartSeriesRecord, ChartSource, HostSheet } from './document';
import { invalidArgument, itemNotFound } from './errors';
import { ClientObject, ClientResultImpl, CollectionObject, type AnyProxy, type ScalarGetters } from './proxy';
import { RangeProxy } from './range';
import { alive, assertEditable } from './rules';
import { WorksheetProxy } from './worksheet';

/** Chart types the model accepts (Office.js has more; others fail with InvalidArgument). */
export const CHART_TYPES = [
  'ColumnClustered',
  'ColumnStacked',
  'ColumnStacked100',
  'BarClustered',
  'BarStacked',
  'BarStacked100',
  'Line',
  'LineMarkers',
  'LineStacked',
  'Pie',
  'Doughnut',
  'Area',
  'AreaStacked',
  'XYScatter',
  'Radar',
];

const SERIES_BY = ['Auto', 'Columns', 'Rows'];
const LEGEND_POSITIONS = ['Invalid', 'Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom'];
const DIMENSIONS = ['Categories', 'Values', 'XValues', 'YValues', 'BubbleSizes'];

/** A new chart's size in points (Excel's default 5 × 3 inches). */
export const DEFAULT_CHART_WIDTH = 360;
export const DEFAULT_CHART_HEIGHT = 216;
const STANDARD_WIDTH = 48;
const STANDARD_HEIGHT = 15;

function widthOf(sheet: HostSheet, column: number): number {
  const w = sheet.columnWidths.get(0, column);
  return typeof w === 'number' ? w : STANDARD_WIDTH;
}

function heightOf(sheet: HostSheet, row: number): number {
  const h = sheet.rowHeights.get(row, 0);
  return typeof h === 'number' ? h : STANDARD_HEIGHT;
}

/** Left edge of column `column` in points. */
export function columnLeft(sheet: HostSheet, column: number): number {
  let x = 0;
  for (let c = 0; c < column; c++) x += widthOf(sheet, c);
  return x;
}

/** Top edge of row `row` in points. */
export function rowTop(sheet: HostSheet, row: number): number {
  let y = 0;
  for (let r = 0; r < row; r++) y += heightOf(sheet, r);
  return y;
}

/** The cells under a chart's top-left and bottom-right corners, e.g. "K1:R15". */
export function chartCells(chart: ChartRecord): string {
  const { sheet } = chart;
  const cellAt = (x: number, y: number) => {
    let c = 0;
    for (let left = 0; c < 16383 && left + widthOf(sheet, c) <= x; c++) left += widthOf(sheet, c);
    let r = 0;
    for (let top = 0; r < 1048575 && top + heightOf(sheet, r) <= y; r++) top += heightOf(sheet, r);
    return { r, c };
  };
  const a = cellAt(chart.left, chart.top);
  const b = cellAt(chart.left + Math.max(0, chart.width - 0.01), chart.top + Math.max(0, chart.height - 0.01));
  return formatRect(rect(a.r, a.c, b.r, b.c));
}

/** "='RFM summary'!$C$3:$C$6": how Excel names a series' data source. */
export function sourceString(source: ChartSource | undefined): string {
  if (!source) return '';
  const abs = formatRect(source.area).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
  return `=${sheetPrefix(source.sheet.name)}${abs}`;
}

/** The cells of a source, row by row (a one-column or one-row range gives a flat list). */
export function sourceValues(source: ChartSource | undefined): unknown[] {
  if (!source) return [];
  return source.sheet.cells.read(source.area).flat();
}

function isText(v: unknown): boolean {
  return typeof v === 'string' && v !== '';
}

function newAxis(): ChartAxisRecord {
  return { title: '', titleVisible: false, numberFormat: 'General', reversePlotOrder: false, visible: true };
}

/** A range argument resolved at sync time: a Range proxy, or an address on `sheet`. */
function rangeArg(sheet: HostSheet, arg: RangeProxy | string, location: string): ChartSource {
  if (typeof arg === 'string') {
    const parsed = parseAddress(arg);
    const target = parsed.sheet === undefined ? sheet : sheet.book.sheet(parsed.sheet);
    if (!target) throw itemNotFound(`worksheet '${parsed.sheet}'`, location);
    return { sheet: target, area: parsed.rect };
  }
  const ref = arg._resolve();
  if (ref === null) throw invalidArgument('The range is a null object.', location);
  return { sheet: ref.sheet, area: ref.area };
}

/** Entire columns or rows are cut to the used range, as Excel does for chart data. */
function clipped(source: ChartSource, location: string): ChartSource {
  alive(source.sheet, location);
  if (!isUnbounded(source.area)) return source;
  const used = source.sheet.usedRect(true);
  const area = used === null ? null : intersect(source.area, rect(0, 0, used.r1, used.c1));
  if (area === null) throw invalidArgument('The source data is empty.', location);
  return { sheet: source.sheet, area };
}

/**
 * The series Excel makes from a block of cells. By columns (Auto: when there are at least as many
 * rows as columns) each column is a series; the first row names the series when every cell of it
 * (after the label column) is text, and the first column holds the categories when every cell of it
 * (below the name row) is text. By rows, the same with rows and columns swapped.
 */
export function seriesFrom(book: { newId(prefix: string): string }, source: ChartSource, seriesBy: string): ChartSeriesRecord[] {
  const { sheet, area } = source;
  const rows = rowCount(area);
  const cols = columnCount(area);
  const byColumns = seriesBy === 'Columns' || (seriesBy === 'Auto' && rows >= cols);
  const grid = sheet.cells.read(area);
  const at = (i: number, j: number) => (byColumns ? grid[i][j] : grid[j][i]);
  // i: position along a series (rows when by columns), j: which series
  const length = byColumns ? rows : cols;
  const count = byColumns ? cols : rows;
  const cell = (i0: number, i1: number, j: number): Rect =>
    byColumns ? rect(area.r0 + i0, area.c0 + j, area.r0 + i1, area.c0 + j) : rect(area.r0 + j, area.c0 + i0, area.r0 + j, area.c0 + i1);
  let hasCategories = count > 1;
  let hasNames = length > 1;
  if (hasCategories) {
    for (let i = hasNames ? 1 : 0; i < length; i++) if (!isText(at(i, 0))) hasCategories = false;
  }
  if (hasNames) {
    for (let j = hasCategories ? 1 : 0; j < count; j++) if (!isText(at(0, j))) hasNames = false;
  }
  if (hasCategories && !hasNames) {
    // no name row: the first row is data, so its first cell must be a category too
    for (let i = 0; i < length; i++) if (!isText(at(i, 0))) hasCategories = false;
  }
  const first = hasNames ? 1 : 0;
  const categories = hasCategories ? { sheet, area: cell(first, length - 1, 0) } : undefined;
  const out: ChartSeriesRecord[] = [];
  for (let j = hasCategories ? 1 : 0; j < count; j++) {
    out.push({
      id: book.newId('series-'),
      name: hasNames ? String(at(0, j)) : `Series${out.length + 1}`,
      values: first <= length - 1 ? { sheet, area: cell(first, length - 1, j) } : undefined,
      categories,
      hasDataLabels: false,
    });
  }
  return out;
}

function liveChart(chart: ChartRecord, location: string): ChartRecord {
  if (chart.deleted) throw itemNotFound(`chart '${chart.name}' was deleted`, location);
  alive(chart.sheet, location);
  return chart;
}

/** A chart edit: the sheet must allow editing objects. */
function editChart(chart: ChartRecord, location: string): ChartRecord {
  liveChart(chart, location);
  assertEditable(chart.sheet, 'objects', location);
  return chart;
}

function emitChart(chart: ChartRecord): void {
  chart.sheet.book.emit({ kind: 'charts', sheet: chart.sheet.name, origin: 'api' });
}

export class ChartCollectionProxy extends CollectionObject<HostSheet, ChartProxy, ChartRecord> {
  get _typeName(): string {
    return 'ChartCollection';
  }

  protected _scalars(): ScalarGetters<HostSheet> {
    return { count: (s) => alive(s, 'ChartCollection.count').charts.length };
  }

  protected _itemRefs(sheet: HostSheet): ChartRecord[] {
    return [...alive(sheet, 'ChartCollection').charts];
  }

  protected _makeItem(chart: ChartRecord): ChartProxy {
    return new ChartProxy(this.context, this, () => chart, { preset: { ref: chart } });
  }

  get count(): number {
    return this._get('count');
  }

  private _chart(name: string, args: unknown[], find: (sheet: HostSheet) => ChartRecord | null, action = false): ChartProxy {
    return new ChartProxy(
      this.context,
      this,
      () => {
        const s = this._resolve();
        return s === null ? null : find(s);
      },
      { name, args, action },
    );
  }

  add(type: string, sourceData: RangeProxy, seriesBy: string = 'Auto'): ChartProxy {
    if (!(sourceData instanceof RangeProxy)) throw invalidArgument('sourceData must be a Range.', 'ChartCollection.add');
    this._sameContext(sourceData);
    return this._chart(
      'add',
      [type, '<Range>', seriesBy],
      (sheet) => {
        const location = 'ChartCollection.add';
        alive(sheet, location);
        assertEditable(sheet, 'objects', location);
        if (!CHART_TYPES.includes(type)) throw invalidArgument(`Unknown or unsupported chart type '${type}'.`, location);
        if (!SERIES_BY.includes(seriesBy)) throw invalidArgument(`Unknown seriesBy '${seriesBy}'.`, location);
        const source = clipped(rangeArg(sheet, sourceData, location), location);
        const chart: ChartRecord = {
          id: sheet.book.newId('chart-'),
          name: `Chart ${sheet.nextChartNumber++}`,
          sheet,
          chartType: type,
          title: '',
          titleVisible: false,
          top: 0,
          left: 0,
          width: DEFAULT_CHART_WIDTH,
          height: DEFAULT_CHART_HEIGHT,
          series: seriesFrom(sheet.book, source, seriesBy),
          legend: { visible: true, position: 'Right' },
          axes: { category: newAxis(), value: newAxis() },
          deleted: false,
        };
        sheet.charts.push(chart);
        emitChart(chart);
        return chart;
      },
      true,
    );
  }

  private _byName(sheet: HostSheet, name: string): ChartRecord | undefined {
    return sheet.charts.find((c) => c.name.toLowerCase() === name.toLowerCase());
  }

  getItem(name: string): ChartProxy {
    return this._chart('getItem', [name], (sheet) => {
      const c = this._byName(sheet, name);
      if (!c) throw itemNotFound(`chart '${name}'`, 'ChartCollection.getItem');
      return c;
    });
  }

  getItemOrNullObject(name: string): ChartProxy {
    return this._chart('getItemOrNullObject', [name], (sheet) => this._byName(sheet, name) ?? null);
  }

  getItemAt(index: number): ChartProxy {
    return this._chart('getItemAt', [index], (sheet) => {
      const c = sheet.charts[index];
      if (!c) throw itemNotFound(`chart #${index}`, 'ChartCollection.getItemAt');
      return c;
    });
  }

  getCount(): ClientResultImpl<number> {
    return this._query('getCount', [], (sheet) => alive(sheet, 'ChartCollection.getCount').charts.length);
  }
}

export class ChartProxy extends ClientObject<ChartRecord> {
  get _typeName(): string {
    return 'Chart';
  }

  protected _scalars(): ScalarGetters<ChartRecord> {
    const live = (c: ChartRecord) => liveChart(c, 'Chart');
    return {
      id: (c) => live(c).id,
      name: (c) => live(c).name,
      chartType: (c) => live(c).chartType,
      top: (c) => live(c).top,
      left: (c) => live(c).left,
      width: (c) => live(c).width,
      height: (c) => live(c).height,
    };
  }

  protected _navNames(): readonly string[] {
    return ['title', 'series', 'axes', 'legend', 'worksheet'];
  }

  get id(): string {
    return this._get('id');
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._setProp('name', v, (c) => {
      editChart(c, 'Chart.name');
      if (typeof v !== 'string' || v.trim() === '') throw invalidArgument('A chart name cannot be empty.', 'Chart.name');
      c.name = v;
      emitChart(c);
    });
  }
  get chartType(): string {
    return this._get('chartType');
  }
  set chartType(v: string) {
    this._setProp('chartType', v, (c) => {
      editChart(c, 'Chart.chartType');
      if (!CHART_TYPES.includes(v)) throw invalidArgument(`Unknown or unsupported chart type '${v}'.`, 'Chart.chartType');
      c.chartType = v;
      emitChart(c);
    });
  }

  private _size(name: 'top' | 'left' | 'width' | 'height', v: number): void {
    this._setProp(name, v, (c) => {
      editChart(c, `Chart.${name}`);
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw invalidArgument(`Chart.${name} must be a number ≥ 0.`, `Chart.${name}`);
      c[name] = v;
      emitChart(c);
    });
  }
  get top(): number {
    return this._get('top');
  }
  set top(v: number) {
    this._size('top', v);
  }
  get left(): number {
    return this._get('left');
  }
  set left(v: number) {
    this._size('left', v);
  }
  get width(): number {
    return this._get('width');
  }
  set width(v: number) {
    this._size('width', v);
  }
  get height(): number {
    return this._get('height');
  }
  set height(v: number) {
    this._size('height', v);
  }

  get title(): ChartTitleProxy {
    return this._child('title', () => new ChartTitleProxy(this.context, this, () => this._resolve()));
  }
  get series(): ChartSeriesCollectionProxy {
    return this._child('series', () => new ChartSeriesCollectionProxy(this.context, this, () => this._resolve()));
  }
  get axes(): ChartAxesProxy {
    return this._child('axes', () => new ChartAxesProxy(this.context, this, () => this._resolve()));
  }
  get legend(): ChartLegendProxy {
    return this._child('legend', () => new ChartLegendProxy(this.context, this, () => this._resolve()));
  }
  get worksheet(): WorksheetProxy {
    return this._child('worksheet', () => new WorksheetProxy(this.context, this, () => this._resolve()?.sheet ?? null));
  }

  /** Moves the chart's top-left corner to `startCell`; with `endCell`, its bottom-right corner to that cell's. */
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    for (const arg of [startCell, endCell]) if (arg instanceof RangeProxy) this._sameContext(arg);
    const label = (a: RangeProxy | string | undefined) => (a === undefined ? null : typeof a === 'string' ? a : '<Range>');
    this._action('setPosition', [label(startCell), label(endCell)], (c) => {
      const location = 'Chart.setPosition';
      editChart(c, location);
      const start = rangeArg(c.sheet, startCell, location);
      const end = endCell === undefined ? undefined : rangeArg(c.sheet, endCell, location);
      for (const s of [start, end]) {
        if (s && (s.sheet !== c.sheet || isUnbounded(s.area))) throw invalidArgument('The cell must be a cell of the chart’s worksheet.', location);
      }
      c.left = columnLeft(c.sheet, start.area.c0);
      c.top = rowTop(c.sheet, start.area.r0);
      if (end) {
        const right = columnLeft(c.sheet, end.area.c1 + 1);
        const bottom = rowTop(c.sheet, end.area.r1 + 1);
        if (right <= c.left || bottom <= c.top) throw invalidArgument('The end cell must be below and right of the start cell.', location);
        c.width = right - c.left;
        c.height = bottom - c.top;
      }
      emitChart(c);
    });
  }

  /** Replaces every series with the ones made from `sourceData` (as `charts.add` does). */
  setData(sourceData: RangeProxy, seriesBy: string = 'Auto'): void {
    this._sameContext(sourceData);
    this._action('setData', ['<Range>', seriesBy], (c) => {
      const location = 'Chart.setData';
      editChart(c, location);
      if (!SERIES_BY.includes(seriesBy)) throw invalidArgument(`Unknown seriesBy '${seriesBy}'.`, location);
      c.series = seriesFrom(c.sheet.book, clipped(rangeArg(c.sheet, sourceData, location), location), seriesBy);
      emitChart(c);
    });
  }

  delete(): void {
    this._action('delete', [], (c) => {
      editChart(c, 'Chart.delete');
      c.deleted = true;
      c.sheet.charts = c.sheet.charts.filter((x) => x !== c);
      emitChart(c);
    });
  }
}

export class ChartTitleProxy extends ClientObject<ChartRecord> {
  get _typeName(): string {
    return 'ChartTitle';
  }
  protected _scalars(): ScalarGetters<ChartRecord> {
    return { text: (c) => liveChart(c, 'ChartTitle.text').title, visible: (c) => liveChart(c, 'ChartTitle.visible').titleVisible };
  }
  get text(): string {
    return this._get('text');
  }
  /** Setting a title's text shows the title. */
  set text(v: string) {
    this._setProp('text', v, (c) => {
      editChart(c, 'ChartTitle.text');
      c.title = String(v);
      c.titleVisible = true;
      emitChart(c);
    });
  }
  get visible(): boolean {
    return this._get('visible');
  }
  set visible(v: boolean) {
    this._setProp('visible', v, (c) => {
      editChart(c, 'ChartTitle.visible').titleVisible = v;
      emitChart(c);
    });
  }
}

export class ChartLegendProxy extends ClientObject<ChartRecord> {
  get _typeName(): string {
    return 'ChartLegend';
  }
  protected _scalars(): ScalarGetters<ChartRecord> {
    return {
      visible: (c) => liveChart(c, 'ChartLegend.visible').legend.visible,
      position: (c) => liveChart(c, 'ChartLegend.position').legend.position,
    };
  }
  get visible(): boolean {
    return this._get('visible');
  }
  set visible(v: boolean) {
    this._setProp('visible', v, (c) => {
      editChart(c, 'ChartLegend.visible').legend.visible = v;
      emitChart(c);
    });
  }
  get position(): string {
    return this._get('position');
  }
  set position(v: string) {
    this._setProp('position', v, (c) => {
      editChart(c, 'ChartLegend.position');
      if (!LEGEND_POSITIONS.includes(v)) throw invalidArgument(`Unknown legend position '${v}'.`, 'ChartLegend.position');
      c.legend.position = v;
      emitChart(c);
    });
  }
}

export interface SeriesRef {
  chart: ChartRecord;
  series: ChartSeriesRecord;
}

function liveSeries(ref: SeriesRef, location: string): SeriesRef {
  liveChart(ref.chart, location);
  if (!ref.chart.series.includes(ref.series)) throw itemNotFound('the chart series was deleted', location);
  return ref;
}

export class ChartSeriesCollectionProxy extends CollectionObject<ChartRecord, ChartSeriesProxy, SeriesRef> {
  get _typeName(): string {
    return 'ChartSeriesCollection';
  }

  protected _scalars(): ScalarGetters<ChartRecord> {
    return { count: (c) => liveChart(c, 'ChartSeriesCollection.count').series.length };
  }

  protected _itemRefs(chart: ChartRecord): SeriesRef[] {
    return liveChart(chart, 'ChartSeriesCollection').series.map((series) => ({ chart, series }));
  }

  protected _makeItem(ref: SeriesRef): ChartSeriesProxy {
    return new ChartSeriesProxy(this.context, this, () => ref, { preset: { ref } });
  }

  get count(): number {
    return this._get('count');
  }

  /** A new series without data (give it values with `setValues`), at the end or at `index`. */
  add(name?: string, index?: number): ChartSeriesProxy {
    return new ChartSeriesProxy(
      this.context,
      this,
      () => {
        const chart = this._resolve();
        if (chart === null) return null;
        const location = 'ChartSeriesCollection.add';
        editChart(chart, location);
        const at = index ?? chart.series.length;
        if (!Number.isInteger(at) || at < 0 || at > chart.series.length) throw invalidArgument(`Series index ${at} is out of range.`, location);
        const series: ChartSeriesRecord = {
          id: chart.sheet.book.newId('series-'),
          name: name ?? `Series${chart.series.length + 1}`,
          categories: chart.series[0]?.categories,
          hasDataLabels: false,
        };
        chart.series.splice(at, 0, series);
        emitChart(chart);
        return { chart, series };
      },
      { name: 'add', args: [name ?? null, index ?? null], action: true },
    );
  }

  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(
      this.context,
      this,
      () => {
        const chart = this._resolve();
        if (chart === null) return null;
        const series = liveChart(chart, 'ChartSeriesCollection.getItemAt').series[index];
        if (!series) throw itemNotFound(`chart series #${index}`, 'ChartSeriesCollection.getItemAt');
        return { chart, series };
      },
      { name: 'getItemAt', args: [index] },
    );
  }

  getCount(): ClientResultImpl<number> {
    return this._query('getCount', [], (c) => liveChart(c, 'ChartSeriesCollection.getCount').series.length);
  }
}

export class ChartSeriesProxy extends ClientObject<SeriesRef> {
  get _typeName(): string {
    return 'ChartSeries';
  }

  protected _scalars(): ScalarGetters<SeriesRef> {
    return {
      name: (r) => liveSeries(r, 'ChartSeries.name').series.name,
      hasDataLabels: (r) => liveSeries(r, 'ChartSeries.hasDataLabels').series.hasDataLabels,
      chartType: (r) => liveSeries(r, 'ChartSeries.chartType').chart.chartType,
    };
  }

  private _edit(name: string, payload: unknown, apply: (ref: SeriesRef) => void): void {
    this._action(name, payload, (ref) => {
      const location = `ChartSeries.${name.replace(/=$/, '')}`;
      liveSeries(ref, location);
      editChart(ref.chart, location);
      apply(ref);
      emitChart(ref.chart);
    });
  }

  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._props.set('name', v);
    this._edit('name=', v, (ref) => {
      ref.series.name = String(v);
    });
  }
  get hasDataLabels(): boolean {
    return this._get('hasDataLabels');
  }
  set hasDataLabels(v: boolean) {
    this._props.set('hasDataLabels', v);
    this._edit('hasDataLabels=', v, (ref) => {
      ref.series.hasDataLabels = v === true;
    });
  }
  get chartType(): string {
    return this._get('chartType');
  }

  private _source(name: string, sourceData: RangeProxy, set: (ref: SeriesRef, source: ChartSource) => void): void {
    if (!(sourceData instanceof RangeProxy)) throw invalidArgument('sourceData must be a Range.', `ChartSeries.${name}`);
    this._sameContext(sourceData);
    this._edit(name, ['<Range>'], (ref) => {
      const location = `ChartSeries.${name}`;
      const source = clipped(rangeArg(ref.chart.sheet, sourceData, location), location);
      if (rowCount(source.area) > 1 && columnCount(source.area) > 1) throw invalidArgument('The source must be a single row or column.', location);
      set(ref, source);
    });
  }

  setValues(sourceData: RangeProxy): void {
    this._source('setValues', sourceData, (ref, source) => {
      ref.series.values = source;
    });
  }

  setXAxisValues(sourceData: RangeProxy): void {
    this._source('setXAxisValues', sourceData, (ref, source) => {
      ref.series.categories = source;
    });
  }

  /** The values of one dimension as text (the cells' raw values; number formats are not applied). */
  getDimensionValues(dimension: string): ClientResultImpl<string[]> {
    return this._query('getDimensionValues', [dimension], (ref) => {
      const location = 'ChartSeries.getDimensionValues';
      liveSeries(ref, location);
      if (!DIMENSIONS.includes(dimension)) throw invalidArgument(`Unknown dimension '${dimension}'.`, location);
      const values = sourceValues(ref.series.values);
      if (dimension === 'Categories' || dimension === 'XValues') {
        const categories = sourceValues(ref.series.categories);
        return ref.series.categories ? categories.map(String) : values.map((_, i) => String(i + 1));
      }
      if (dimension === 'BubbleSizes') return [];
      return values.map((v) => (v === '' ? '' : String(v)));
    });
  }

  /** "='Sheet 1'!$B$2:$B$9" for Values / Categories (empty when the series has no such range). */
  getDimensionDataSourceString(dimension: string): ClientResultImpl<string> {
    return this._query('getDimensionDataSourceString', [dimension], (ref) => {
      const location = 'ChartSeries.getDimensionDataSourceString';
      liveSeries(ref, location);
      if (!DIMENSIONS.includes(dimension)) throw invalidArgument(`Unknown dimension '${dimension}'.`, location);
      return sourceString(dimension === 'Categories' || dimension === 'XValues' ? ref.series.categories : ref.series.values);
    });
  }

  delete(): void {
    this._edit('delete', [], (ref) => {
      ref.chart.series = ref.chart.series.filter((s) => s !== ref.series);
    });
  }
}

export class ChartAxesProxy extends ClientObject<ChartRecord> {
  get _typeName(): string {
    return 'ChartAxes';
  }
  protected _scalars(): ScalarGetters<ChartRecord> {
    return {};
  }
  protected _navNames(): readonly string[] {
    return ['categoryAxis', 'valueAxis'];
  }
  get categoryAxis(): ChartAxisProxy {
    return this._child('categoryAxis', () => new ChartAxisProxy(this.context, this, () => this._resolve(), 'category'));
  }
  get valueAxis(): ChartAxisProxy {
    return this._child('valueAxis', () => new ChartAxisProxy(this.context, this, () => this._resolve(), 'value'));
  }
}

export class ChartAxisProxy extends ClientObject<ChartRecord> {
  constructor(
    context: ChartAxesProxy['context'],
    parent: AnyProxy,
    resolver: () => ChartRecord | null,
    readonly _which: 'category' | 'value',
  ) {
    super(context, parent, resolver);
  }

  get _typeName(): string {
    return 'ChartAxis';
  }

  private _axis(c: ChartRecord, location: string): ChartAxisRecord {
    return liveChart(c, location).axes[this._which];
  }

  protected _scalars(): ScalarGetters<ChartRecord> {
    return {
      numberFormat: (c) => this._axis(c, 'ChartAxis.numberFormat').numberFormat,
      reversePlotOrder: (c) => this._axis(c, 'ChartAxis.reversePlotOrder').reversePlotOrder,
      visible: (c) => this._axis(c, 'ChartAxis.visible').visible,
    };
  }

  protected _navNames(): readonly string[] {
    return ['title'];
  }

  private _edit<K extends 'numberFormat' | 'reversePlotOrder' | 'visible'>(name: K, v: ChartAxisRecord[K]): void {
    this._setProp(name, v, (c) => {
      editChart(c, `ChartAxis.${name}`);
      this._axis(c, `ChartAxis.${name}`)[name] = v;
      emitChart(c);
    });
  }

  get numberFormat(): string {
    return this._get('numberFormat');
  }
  set numberFormat(v: string) {
    this._edit('numberFormat', v);
  }
  get reversePlotOrder(): boolean {
    return this._get('reversePlotOrder');
  }
  set reversePlotOrder(v: boolean) {
    this._edit('reversePlotOrder', v);
  }
  get visible(): boolean {
    return this._get('visible');
  }
  set visible(v: boolean) {
    this._edit('visible', v);
  }

  get title(): ChartAxisTitleProxy {
    return this._child('title', () => new ChartAxisTitleProxy(this.context, this, () => this._resolve(), this._which));
  }
}

export class ChartAxisTitleProxy extends ClientObject<ChartRecord> {
  constructor(
    context: ChartAxesProxy['context'],
    parent: AnyProxy,
    resolver: () => ChartRecord | null,
    readonly _which: 'category' | 'value',
  ) {
    super(context, parent, resolver);
  }

  get _typeName(): string {
    return 'ChartAxisTitle';
  }

  protected _scalars(): ScalarGetters<ChartRecord> {
    return {
      text: (c) => liveChart(c, 'ChartAxisTitle.text').axes[this._which].title,
      visible: (c) => liveChart(c, 'ChartAxisTitle.visible').axes[this._which].titleVisible,
    };
  }

  get text(): string {
    return this._get('text');
  }
  set text(v: string) {
    this._setProp('text', v, (c) => {
      const axis = editChart(c, 'ChartAxisTitle.text').axes[this._which];
      axis.title = String(v);
      axis.titleVisible = true;
      emitChart(c);
    });
  }
  get visible(): boolean {
    return this._get('visible');
  }
  set visible(v: boolean) {
    this._setProp('visible', v, (c) => {
      editChart(c, 'ChartAxisTitle.visible').axes[this._which].titleVisible = v;
      emitChart(c);
    });
  }
}
