/**
 * A table as rows (a sheet, a CSV file, a selected range): find the header and the data rows as they
 * stream by, score them, and decide where the output columns go (after the last used column, or over
 * this product's own earlier output columns on a re-run). Shared by the command line and the pane.
 */
import type { Lang } from '../i18n';
import { colon } from '../i18n/format';
import { cellAddress, columnLetter } from './address';
import { parseCell } from './cells';
import { Float64Column } from './columnar';
import { scoreColumns, type ScoreOptions } from './engine';
import { RfmError } from './errors';
import { resolveLayout, type Layout, type LayoutOptions } from './layout';
import { describeInvalid, outputTable, ownOutputBlockStart, type OutputTable } from './output';
import { segmentTable, type SegmentOptions, type SegmentResult } from './segments';
import type { CellValue, InvalidCell, Metric, Scheme, ScoreResult } from './types';

/** Optional columns of SPEC.md 6: Segment (with its reference options) and Follow-up (with labels). */
export interface InsightOptions {
  segments?: boolean | SegmentOptions;
  followUp?: boolean | string[];
}

export interface ScoredSheet {
  layout: Layout;
  /** 0-based physical index of the header row, or -1. */
  headerRow: number;
  headerCells: readonly CellValue[];
  /** 0-based physical indexes of the data rows (completely empty rows are skipped). */
  dataRows: number[];
  result: ScoreResult;
  /** Present when segments were asked for. */
  segments?: SegmentResult;
  output: OutputTable;
  /** 0-based column where the first output column goes. */
  startColumn: number;
  /** Number of this product's earlier output columns being replaced (0 when appending). */
  replacedColumns: number;
  /** The customer ID cell of each data row, when the layout has an ID column (docs/periods.md: migration). */
  idCells?: CellValue[];
}

export function isEmptyCell(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * Address in the user's terms of the invalid cell of data row `row`; `origin` is the sheet position
 * (0-based row, column) of the table's first cell when the table does not start at A1.
 */
export function invalidAddress(
  sheet: ScoredSheet,
  row: number,
  metric: Metric,
  origin: { row: number; column: number } = { row: 0, column: 0 },
): string {
  return cellAddress(origin.column + sheet.layout.columns[metric], origin.row + sheet.dataRows[row] + 1);
}

/**
 * Receives a sheet's rows in order (`add`), keeps only what scoring needs — the header, the three
 * metric values of each data row (parsed at once into typed columns, docs/engine.md), the last used
 * column — and scores them (`finish`). Completely empty rows are not customers: they are skipped, not
 * reported. Scanners that find the metric fields themselves feed parsed values through `addValues`.
 */
export class TableCollector {
  private layout?: Layout;
  private headerRow = -1;
  private headerCells: readonly CellValue[] = [];
  private lastColumn = -1;
  private readonly dataRows: number[] = [];
  private values: Record<Metric, Float64Column> = {
    r: new Float64Column(),
    f: new Float64Column(),
    m: new Float64Column(),
  };
  private readonly invalid: InvalidCell[] = [];
  private readonly ids: CellValue[] = [];

  /** `keep.ids`: also keep each data row's customer ID cell (`ScoredSheet.idCells`, for migration). */
  constructor(
    private readonly options: LayoutOptions,
    private readonly keep: { ids?: boolean } = {},
  ) {}

  /** Room for about `rows` data rows up front (a scanner's estimate), so the columns need not grow. */
  expectRows(rows: number): void {
    if (this.dataRows.length === 0 && rows > 1024) {
      for (const metric of ['r', 'f', 'm'] as const) this.values[metric] = new Float64Column(rows);
    }
  }

  add(index: number, row: readonly CellValue[]): void {
    for (let c = row.length - 1; c > this.lastColumn; c--) {
      if (!isEmptyCell(row[c])) {
        this.lastColumn = c;
        break;
      }
    }
    if (!row.some((v) => !isEmptyCell(v))) return;
    if (!this.layout) {
      this.layout = resolveLayout(row, this.options);
      if (this.layout.header) {
        this.headerRow = index;
        this.headerCells = [...row];
        return;
      }
    }
    const { columns } = this.layout;
    const data = this.dataRows.length;
    this.dataRows.push(index);
    this.pushCell(data, 'r', row[columns.r]);
    this.pushCell(data, 'f', row[columns.f]);
    this.pushCell(data, 'm', row[columns.m]);
    if (this.keep.ids && this.layout.id !== undefined) this.ids.push(row[this.layout.id]);
  }

  private pushCell(data: number, metric: Metric, v: CellValue): void {
    if (typeof v === 'number' && v >= 0 && v < Infinity) {
      this.values[metric].push(v === 0 ? 0 : v);
      return;
    }
    const p = parseCell(v);
    if (p.ok) this.values[metric].push(p.value);
    else {
      this.values[metric].push(NaN);
      this.invalid.push({ row: data, metric, reason: p.reason });
    }
  }

  /** The layout, once the first non-empty row has been seen (scanners use it to find the metric fields). */
  get resolvedLayout(): Layout | undefined {
    return this.layout;
  }

  /** Whether the customer ID of each data row is kept (then scanners must pass `id` to `addValues`). */
  get keepsIds(): boolean {
    return !!this.keep.ids && this.layout?.id !== undefined;
  }

  /**
   * A data row whose metric cells a scanner parsed itself (the CSV fast path, docs/engine.md): call
   * only after the layout is resolved, for a non-empty row. `r`, `f`, `m` are valid values, or NaN
   * with `reasons` giving why (in r, f, m order); `lastColumn` is the row's last non-empty column.
   */
  addValues(
    index: number,
    r: number,
    f: number,
    m: number,
    lastColumn: number,
    reasons?: ReadonlyArray<{ metric: Metric; reason: InvalidCell['reason'] }>,
    id?: CellValue,
  ): void {
    if (lastColumn > this.lastColumn) this.lastColumn = lastColumn;
    const data = this.dataRows.length;
    this.dataRows.push(index);
    this.values.r.push(r);
    this.values.f.push(f);
    this.values.m.push(m);
    if (reasons) for (const x of reasons) this.invalid.push({ row: data, metric: x.metric, reason: x.reason });
    if (this.keepsIds) this.ids.push(id);
  }

  /** `scoring.scale`: score on an earlier run's frozen scale (docs/periods.md). */
  finish(scheme: Scheme, lang: Lang, insight: InsightOptions = {}, scoring: ScoreOptions = {}): ScoredSheet {
    const layout = this.layout;
    if (!layout) throw new RfmError('cli.emptySheet');
    let lastColumn = this.lastColumn;

    // A re-run: the header ends with this product's own output columns; write over them.
    let replacedColumns = 0;
    if (this.headerRow >= 0) {
      const start = ownOutputBlockStart(this.headerCells, lastColumn);
      const metricsBefore = (['r', 'f', 'm'] as const).every((metric) => layout.columns[metric] < start);
      if (start >= 0 && metricsBefore) {
        replacedColumns = lastColumn - start + 1;
        lastColumn = start - 1;
      }
    }
    for (const metric of ['r', 'f', 'm'] as const) {
      const col = layout.columns[metric];
      if (col > lastColumn) {
        throw new RfmError('cli.columnEmpty', { metric: metric.toUpperCase(), column: columnLetter(col) });
      }
    }

    // Views, not copies: the engine only marks invalid rows NaN in all three, which is idempotent.
    const values = { r: this.values.r.toArray(), f: this.values.f.toArray(), m: this.values.m.toArray() };
    const result = scoreColumns(values, this.invalid.slice(), scheme, scoring);
    const segments = insight.segments
      ? segmentTable(result, insight.segments === true ? {} : insight.segments, scheme)
      : undefined;
    const sheet: ScoredSheet = {
      layout,
      headerRow: this.headerRow,
      headerCells: this.headerCells,
      dataRows: this.dataRows,
      result,
      segments,
      output: outputTable(result, scheme, lang, { segments, followUp: insight.followUp }),
      startColumn: lastColumn + 1,
      replacedColumns,
      idCells: this.keep.ids && layout.id !== undefined ? this.ids : undefined,
    };
    if (result.n === 0) {
      const bad = result.invalid[0];
      if (!bad) throw new RfmError('layout.noDataRows');
      throw new RfmError('layout.noValidRows', { first: `${invalidAddress(sheet, bad.row, bad.metric)}${colon(lang)}${describeInvalid(bad, lang)}` });
    }
    return sheet;
  }
}

/** Score rows held in memory (xlsx sheets, a range's values). */
export function scoreRows(
  rows: readonly (readonly CellValue[])[],
  options: LayoutOptions,
  scheme: Scheme,
  lang: Lang,
  insight: InsightOptions = {},
  scoring: ScoreOptions = {},
): ScoredSheet {
  const collector = new TableCollector(options, { ids: true });
  rows.forEach((row, i) => collector.add(i, row));
  return collector.finish(scheme, lang, insight, scoring);
}
