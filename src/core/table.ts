/**
 * A table as rows (a sheet, a CSV file, a selected range): find the header and the data rows as they
 * stream by, score them, and decide where the output columns go (after the last used column, or over
 * this product's own earlier output columns on a re-run). Shared by the command line and the pane.
 */
import type { Lang } from '../i18n';
import { colon } from '../i18n/format';
import { cellAddress, columnLetter } from './address';
import { scoreTable, type ScoreOptions } from './engine';
import { RfmError } from './errors';
import { resolveLayout, type Layout, type LayoutOptions } from './layout';
import { describeInvalid, outputTable, ownOutputBlockStart, type OutputTable } from './output';
import { segmentTable, type SegmentOptions, type SegmentResult } from './segments';
import type { CellValue, Metric, Scheme, ScoreResult } from './types';

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
 * metric cells of each data row, the last used column — and scores them (`finish`). Completely empty
 * rows are not customers: they are skipped, not reported.
 */
export class TableCollector {
  private layout?: Layout;
  private headerRow = -1;
  private headerCells: readonly CellValue[] = [];
  private lastColumn = -1;
  private readonly dataRows: number[] = [];
  private readonly cells: Record<Metric, CellValue[]> = { r: [], f: [], m: [] };
  private readonly ids: CellValue[] = [];

  /** `keep.ids`: also keep each data row's customer ID cell (`ScoredSheet.idCells`, for migration). */
  constructor(
    private readonly options: LayoutOptions,
    private readonly keep: { ids?: boolean } = {},
  ) {}

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
    this.dataRows.push(index);
    this.cells.r.push(row[columns.r]);
    this.cells.f.push(row[columns.f]);
    this.cells.m.push(row[columns.m]);
    if (this.keep.ids && this.layout.id !== undefined) this.ids.push(row[this.layout.id]);
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

    const result = scoreTable(this.cells, scheme, scoring);
    const segments = insight.segments
      ? segmentTable(result, insight.segments === true ? {} : insight.segments)
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
