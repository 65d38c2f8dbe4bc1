/**
 * The contract between the task pane (src/taskpane) and the Excel I/O (src/excel). The pane holds UI
 * state only; every Office.js call lives behind these functions, which take the `Excel` namespace as
 * a parameter so the same code runs against real Excel and the in-memory workbook
 * (src/excel/memory) in jest and in the local preview.
 */
import type {
  CellValue,
  InsightOptions,
  LayoutOptions,
  Metric,
  MigrationSheet,
  OutputTable,
  RunRef,
  Scale,
  Scheme,
  ScoreResult,
  ScoredSheet,
  SegmentBasis,
  SegmentMap,
  SegmentReference,
} from '../core';
import type { Lang } from '../i18n';

/** The Office.js `Excel` namespace (real, or the in-memory one). */
export type ExcelApi = typeof Excel;

/** The table the analyst chose: the selection, narrowed and resolved. */
export interface TableRef {
  sheet: string;
  /** Absolute address without the sheet, e.g. "B2:H830" (whole columns already clipped). */
  address: string;
  /** 0-based sheet position of the table's top-left cell. */
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
  /** Values of the table's first row (header candidates). */
  firstRow: CellValue[];
  /** Set when the selection was inside an Excel table and the whole table is used. */
  tableName?: string;
  /** True when a whole-column/row selection was clipped to the used range. */
  clipped: boolean;
  /** The single cell selected when the sheet's used range was taken for it (e.g. "C5"). */
  fromCell?: string;
}

/** Progress of long work: done of total rows; `phase` for the label. */
export type Progress = (phase: 'read' | 'write', done: number, total: number) => void;

/** What is in the way of writing the output next to the table. */
export interface WritePlan {
  sheet: string;
  /** 0-based sheet position of the first output cell (the header cell when there is a header). */
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
  /** Address of the output area, e.g. "I2:N830". */
  address: string;
  /**
   * none: the area is empty; own: it holds this product's earlier output (replaced without asking);
   * user: it holds cells the user typed — ask: overwrite / new sheet / cancel.
   */
  conflict: 'none' | 'own' | 'user';
  /** First non-empty cell in the way (user conflict), e.g. "J5". */
  conflictCell?: string;
  /** The sheet is protected: nothing can be written there (offer a new sheet). */
  protectedSheet: boolean;
  /** A merged area overlaps the output area (address), which Excel cannot write into. */
  mergedArea?: string;
  /**
   * Width of this product's own earlier output block that starts at `column` (0 or absent: none).
   * It may be wider than the new output (an earlier run had a Check column): its extra columns are
   * cleared when the output is written here.
   */
  ownColumns?: number;
}

export type WriteTarget = 'here' | 'newSheet';

export interface WriteOptions {
  /** The user said yes to overwriting their cells (a 'user' conflict); without it the write refuses. */
  overwrite?: boolean;
  /**
   * Period over period (docs/periods.md): also write the run's parameters sheet (and, comparing periods, the migration sheet).
   * The write adds what it decides itself: the output sheet, the block's position and columns.
   */
  run?: RunSheets;
}

/**
 * Period over period (docs/periods.md): what a run's parameters sheet records beyond what the writer knows (src/core/runRecord.ts
 * `buildRunRecord`), and the migration sheet of a comparison with the previous period.
 */
export interface RunSheets {
  /** The scheme the table was scored with (a frozen-scale run: the earlier run's). */
  scheme: Scheme;
  /** Product version (the pane's build). */
  version: string;
  /** Default `add-in` (ADDIN_TOOL); the sales-records mode writes `add-in, sales records`. */
  tool?: string;
  /** Default: the scored table's sheet and range. */
  input?: { file?: string; sheet?: string; range?: string };
  segments?: InsightOptions['segments'];
  followUp?: InsightOptions['followUp'];
  /** Scored on an earlier run's frozen scale. */
  frozen?: { scale: Scale; from: RunRef };
  /** Compared with a previous period. */
  previous?: RunRef;
  /** When the run happened (default now). */
  now?: Date;
  /** The migration sheet's content (comparing with a previous period). */
  migration?: MigrationSheet;
  /**
   * Parameters sheets this run reads (its scale's source, the previous period's): never reused for
   * this run's record, even when they name the same scored sheet (a copy from another workbook).
   */
  keep?: readonly string[];
}

export interface WriteResult {
  /** The sheet written to (the new sheet's name for 'newSheet'). */
  sheet: string;
  /** The area written, e.g. "I1:N830" (on a new sheet: the ID column and the outputs). */
  address: string;
  /** Customer (data) rows written. */
  rowsWritten: number;
  /** context.sync() calls the write took. */
  syncs: number;
  /**
   * The parameters sheet of the run (docs/periods.md: written when `WriteOptions.run` is given; formula mode:
   * always, it is the sheet the formulas read).
   */
  paramSheet?: string;
  /** The migration sheet added (comparing with a previous period). */
  migrationSheet?: string;
}

/**
 * Saved per workbook (document settings) and restored when it reopens. Still version 1: the later
 * fields are optional, and a missing or unreadable one is simply not restored.
 */
export interface SavedSettings {
  version: 1;
  lang?: Lang;
  preset?: string;
  scheme: Scheme;
  layout: LayoutOptions;
  /** Segment and Follow-up columns (docs/insight.md); `labels`: the user's follow-up label per grade ('' = default). */
  insight?: { segments: boolean; reference: SegmentReference; basis: SegmentBasis; followUp: boolean; labels: string[]; map?: SegmentMap };
  /** Output: values or live formulas (docs/formulas.md). */
  output?: 'values' | 'formulas';
  /** What the pane starts from (docs/transactions.md). */
  mode?: 'table' | 'transactions';
  /** The sales-records form (docs/transactions.md): table-relative column indexes, dates as YYYY-MM-DD ('' = none). */
  tx?: { header: boolean; columns: Partial<Record<'customer' | 'date' | 'amount' | 'order', number>>; since: string; asOf: string };
  /** Period over period (docs/periods.md): the switches and the parameters sheets chosen ('' = none). */
  periods?: { scale: boolean; scaleFrom: string; previous: boolean; previousFrom: string };
}

export interface ScoredTable {
  table: ScoredSheet;
  result: ScoreResult;
  output: OutputTable;
}

export type { Metric };
