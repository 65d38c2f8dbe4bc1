/**
 * Period over period (docs/periods.md): grade migration between two periods of the same customers, keyed by customer ID — the
 * from × to matrix, who fell and who rose (with both periods' R/F/M side by side), who appeared and
 * who disappeared, the Change column, and the early-warning list (customers who were in the top
 * grades and dropped, by their previous M). Pure: plain rows in, plain tables out (docs/periods.md).
 */
import { t, type Lang, type MessageKey } from '../i18n';
import { etc, listSep, paren, quote } from '../i18n/format';
import { cellAddress } from './address';
import { parseCell } from './cells';
import { RfmError } from './errors';
import { isEmptyCell, type ScoredSheet } from './table';
import { outputHeader } from './output';
import { blockHeader, type RunRecord } from './runRecord';
import { METRICS, type CellValue, type Metric, type Scheme } from './types';

/** One customer row of a period. */
export interface PeriodCustomer {
  /** Matching key: the ID as text, trimmed (a number 1001 and the text "1001" are the same customer). */
  id: string;
  /** The ID as the sheet shows it (for the lists). */
  display: string | number;
  /** Address of the ID cell (`A7`), for messages. */
  cell: string;
  /** Index of the data row in its table (the Change column's row). */
  row: number;
  /** Index into the period's grades; -1 when the row was not scored (invalid). */
  grade: number;
  /** R, F, M values (NaN when invalid). */
  values: Record<Metric, number>;
  /** R, F, M scores and the RFM score (NaN when not scored). */
  scores: Record<Metric, number>;
  composite: number;
}

export interface PeriodTable {
  /** Where the table is, in the user's words (`sheet "Customers" of prev.xlsx`), for messages. */
  where: string;
  /** Grade labels, best first. */
  grades: string[];
  customers: PeriodCustomer[];
  /** Cells of data rows with an empty ID: they cannot be compared. */
  missingIds: string[];
}

/** The matching key of an ID cell, or undefined when it is empty or an error. */
export function customerId(v: CellValue): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString();
  return undefined;
}

function display(v: CellValue, id: string): string | number {
  return typeof v === 'number' ? v : id;
}

/** A period's numbers in columns, read by the customers' getters (see ColumnCustomer). */
interface PeriodColumns {
  values: Record<Metric, ArrayLike<number>>;
  scores: Record<Metric, ArrayLike<number>>;
  composite: ArrayLike<number>;
  /** Sheet column of the ID cells (0-based), for the customers' cell addresses. */
  idColumn: number;
}

/**
 * A customer whose numbers stay in the period's columns: one small object per customer instead of
 * three objects and seven boxed numbers. At a million customers per period that was most of a
 * `--previous` run's memory (docs/xlsx.md "Speed and memory"). `values`, `scores` and `cell` are
 * made when read (the migration sheet reads them for the customers it lists).
 */
class ColumnCustomer implements PeriodCustomer {
  constructor(
    readonly id: string,
    readonly display: string | number,
    readonly row: number,
    readonly grade: number,
    /** Index into the columns. */
    private readonly at: number,
    /** Sheet row of the customer (1-based). */
    private readonly sheetRow: number,
    private readonly columns: PeriodColumns,
  ) {}

  get cell(): string {
    return cellAddress(this.columns.idColumn, this.sheetRow);
  }

  get values(): Record<Metric, number> {
    const v = this.columns.values;
    return { r: v.r[this.at], f: v.f[this.at], m: v.m[this.at] };
  }

  get scores(): Record<Metric, number> {
    const s = this.columns.scores;
    return { r: s.r[this.at], f: s.f[this.at], m: s.m[this.at] };
  }

  get composite(): number {
    return this.columns.composite[this.at];
  }
}

/**
 * This period's table from a scored sheet whose data rows kept their ID cells (`idCells`; scoreRows
 * keeps them). `origin`: sheet position of the table's first cell when the sheet is table-relative.
 */
export function periodOfScored(
  sheet: ScoredSheet,
  scheme: Scheme,
  where: string,
  origin: { row: number; column: number } = { row: 0, column: 0 },
): PeriodTable {
  const idColumn = sheet.layout.id;
  const ids = sheet.idCells;
  if (idColumn === undefined || !ids) throw new RfmError('period.noId');
  const { result } = sheet;
  const columns: PeriodColumns = { values: result.values, scores: result.scores, composite: result.composite, idColumn: origin.column + idColumn };
  const customers: PeriodCustomer[] = [];
  const missingIds: string[] = [];
  sheet.dataRows.forEach((physical, row) => {
    const sheetRow = origin.row + physical + 1;
    const id = customerId(ids[row]);
    if (id === undefined) {
      missingIds.push(cellAddress(columns.idColumn, sheetRow));
      return;
    }
    customers.push(new ColumnCustomer(id, display(ids[row], id), row, result.grade[row], row, sheetRow, columns));
  });
  return { where, grades: scheme.grades.map((g) => g.label), customers, missingIds };
}

/** A problem with an earlier run's sheet, with the cell it is about. */
export interface PeriodProblem {
  key: MessageKey;
  vars: Record<string, string | number>;
}

function numberOf(v: CellValue): number {
  const p = parseCell(v);
  return p.ok ? p.value : NaN;
}

/**
 * The previous period's table from its scored sheet's rows (from A1, or from `origin`) and its run
 * record: IDs from `idColumn` (the record's ID column, or the one the caller found by header), values
 * from the record's R/F/M columns, scores and grades from the output block the record describes.
 * Checks that the header row still reads as it did; throws RfmError naming the cell otherwise.
 */
export function periodOfPrevious(
  rows: readonly (readonly CellValue[])[],
  record: RunRecord,
  idColumn: number,
  where: string,
  lang: Lang,
  origin: { row: number; column: number } = { row: 0, column: 0 },
): PeriodTable {
  const reader = new PreviousPeriodReader(record, idColumn, where, origin);
  for (let i = 0; i < rows.length; i++) if (rows[i]) reader.add(origin.row + i, rows[i]);
  return reader.finish();
}

/**
 * `periodOfPrevious` one row at a time, rows in sheet order: the command line streams a million-row
 * earlier sheet through it without holding the rows (docs/xlsx.md "Speed and memory"). The numbers
 * go into columns (plain number arrays, unboxed) read by the customers' getters.
 */
export class PreviousPeriodReader {
  private readonly out: RunRecord['output'];
  private readonly outColumns: Record<'r' | 'f' | 'm' | 'rfm' | 'grade', number>;
  private readonly labels: string[];
  private readonly first: number;
  private headerDone: boolean;
  private index = 0;
  private readonly customers: PeriodCustomer[] = [];
  private readonly missingIds: string[] = [];
  private readonly columns: PeriodColumns;
  private readonly values: Record<Metric, number[]> = { r: [], f: [], m: [] };
  private readonly scores: Record<Metric, number[]> = { r: [], f: [], m: [] };
  private readonly composite: number[] = [];

  constructor(
    private readonly record: RunRecord,
    private readonly idColumn: number,
    private readonly where: string,
    private readonly origin: { row: number; column: number } = { row: 0, column: 0 },
  ) {
    const out = record.output;
    this.out = out;
    const outCol = (key: 'r' | 'f' | 'm' | 'rfm' | 'grade'): number => {
      const i = out.columns.indexOf(key);
      if (i < 0) throw new RfmError('period.prevNoColumn', { where, header: outputHeader(key, record.lang) });
      return out.startColumn + i;
    };
    this.outColumns = { r: outCol('r'), f: outCol('f'), m: outCol('m'), rfm: outCol('rfm'), grade: outCol('grade') };
    this.labels = record.scheme.grades.map((g) => g.label);
    this.first = out.headerRow >= 0 ? out.headerRow + 1 : out.firstDataRow;
    this.headerDone = out.headerRow < 0;
    this.columns = { values: this.values, scores: this.scores, composite: this.composite, idColumn };
  }

  /** The header row must still read as the record says (a moved or deleted column would mix data up). */
  private header(cells: readonly CellValue[]): void {
    this.headerDone = true;
    const { out, record, where } = this;
    const expect = (c: number, text: string | undefined) => {
      if (text === undefined) return;
      const v = cells[c - this.origin.column] ?? null;
      const found = typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
      if (found !== text) {
        throw new RfmError('period.prevChanged', { where, cell: cellAddress(c, out.headerRow + 1), expected: text, found });
      }
    };
    out.columns.forEach((key, i) => expect(out.startColumn + i, blockHeader(key, record.lang)));
    for (const m of METRICS) expect(record.layout.columns[m], record.layout.headers[m]);
  }

  /** Sheet row `r` (0-based), its cells from the origin's column. */
  add(r: number, cells: readonly CellValue[]): void {
    if (!this.headerDone && r >= this.out.headerRow) this.header(r === this.out.headerRow ? cells : []);
    if (r < this.first) return;
    if (!cells.some((v) => !isEmptyCell(v))) return;
    const at = (c: number): CellValue => cells[c - this.origin.column] ?? null;
    const { idColumn, outColumns, labels, record } = this;
    const row = this.index++;
    const idCell = at(idColumn);
    const id = customerId(idCell);
    if (id === undefined) {
      this.missingIds.push(cellAddress(idColumn, r + 1));
      return;
    }
    const gradeCell = at(outColumns.grade);
    let grade = -1;
    if (!isEmptyCell(gradeCell)) {
      grade = typeof gradeCell === 'string' ? labels.indexOf(gradeCell.trim()) : -1;
      if (grade < 0) {
        throw new RfmError('period.prevBadGrade', {
          where: this.where,
          cell: cellAddress(outColumns.grade, r + 1),
          value: String(gradeCell instanceof Date ? gradeCell.toISOString() : typeof gradeCell === 'object' ? gradeCell?.error : gradeCell),
          grades: labels,
        });
      }
    }
    const scored = grade >= 0;
    const k = this.customers.length;
    for (const m of METRICS) {
      this.values[m].push(numberOf(at(record.layout.columns[m])));
      this.scores[m].push(scored ? numberOf(at(outColumns[m])) : NaN);
    }
    this.composite.push(scored ? numberOf(at(outColumns.rfm)) : NaN);
    this.customers.push(new ColumnCustomer(id, display(idCell, id), row, grade, k, r + 1, this.columns));
  }

  finish(): PeriodTable {
    if (!this.headerDone) this.header([]);
    return { where: this.where, grades: this.labels, customers: this.customers, missingIds: this.missingIds };
  }
}

/** IDs that occur more than once, with their cells, in first-occurrence order. */
export function duplicateIds(table: PeriodTable): Array<{ id: string; cells: string[] }> {
  // A set of IDs first: the cell lists are made only for the IDs that repeat, not one per customer
  // (at a million customers that list per customer was most of a --previous run's peak memory).
  const once = new Set<string>();
  let twice: Set<string> | undefined;
  for (const c of table.customers) {
    if (once.has(c.id)) (twice ??= new Set()).add(c.id);
    else once.add(c.id);
  }
  if (!twice) return [];
  const seen = new Map<string, string[]>();
  for (const c of table.customers) {
    if (!twice.has(c.id)) continue;
    const cells = seen.get(c.id);
    if (cells) cells.push(c.cell);
    else seen.set(c.id, [c.cell]);
  }
  return [...seen].map(([id, cells]) => ({ id, cells }));
}

/** Throws RfmError('period.duplicateIds') naming the table, the first duplicated ID and its cells. */
export function checkNoDuplicates(table: PeriodTable, lang: Lang): void {
  const dups = duplicateIds(table);
  if (!dups.length) return;
  const sep = listSep(lang);
  const shown = dups[0].cells.slice(0, 10);
  const cells = shown.join(sep) + (dups[0].cells.length > shown.length ? etc(lang) : '');
  const others = dups.slice(1, 6).map((d) => quote(lang, d.id) + paren(lang, d.cells.join(sep)));
  throw new RfmError('period.duplicateIds', {
    where: table.where,
    id: dups[0].id,
    cells,
    more:
      dups.length > 1
        ? t(lang, 'period.duplicateMore', { count: dups.length - 1, ids: others.join(sep) + (dups.length > 6 ? etc(lang) : '') })
        : '',
  });
}

export type MoveKind = 'same' | 'up' | 'down' | 'new' | 'gone' | 'unscored';

export interface Move {
  id: string;
  kind: MoveKind;
  previous?: PeriodCustomer;
  current?: PeriodCustomer;
  /** Grades fallen (positive) or risen (negative) when scored in both periods; 0 otherwise. */
  steps: number;
}

export interface WarningMove extends Move {
  /** 1: was in the top grades and dropped or disappeared; 2: any other drop. */
  priority: 1 | 2;
}

export interface Migration {
  grades: string[];
  /**
   * counts[from][to]. from: previous grade index, then `grades.length` = new (not in the previous
   * period), `grades.length + 1` = not scored then. to: current grade index, then `grades.length` =
   * gone (not in this period), `grades.length + 1` = not scored now.
   */
  counts: number[][];
  moves: Move[];
  /** Both periods scored, grade worse now: most grades fallen first, then by previous M. */
  fell: Move[];
  /** Both periods scored, grade better now: most grades risen first, then by current M. */
  rose: Move[];
  same: number;
  /** In this period only: best grade first, then by M. */
  appeared: Move[];
  /** In the previous period only: best previous grade first, then by previous M. */
  disappeared: Move[];
  /** In both, but not scored in one of them (invalid data). */
  unscored: Move[];
  /** Priority 1 (were in the top grades, dropped or disappeared) first, each by previous M, largest first. */
  earlyWarning: WarningMove[];
  /** How many grades count as "top" for the early warning (default 2: A and B). */
  topGrades: number;
  /** Cells without an ID in each period (not compared). */
  missingIds: { previous: string[]; current: string[] };
  /** The move of each current data row (by row index), for the Change column. */
  byCurrentRow: Map<number, Move>;
}

export interface MigrationOptions {
  /** Grades that count as high value for the early warning (default 2: the first two, A and B). */
  topGrades?: number;
}

function byNumberDesc(a: number, b: number): number {
  const x = Number.isNaN(a) ? -Infinity : a;
  const y = Number.isNaN(b) ? -Infinity : b;
  return y - x;
}

const byId = (a: Move, b: Move) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Compare two periods. Both must have the same grade labels, and no ID may occur twice in either
 * (throws RfmError naming the table and cells: duplicates are reported, never merged).
 */
export function migrate(previous: PeriodTable, current: PeriodTable, lang: Lang, options: MigrationOptions = {}): Migration {
  if (previous.grades.length !== current.grades.length || previous.grades.some((g, i) => g !== current.grades[i])) {
    throw new RfmError('period.gradesDiffer', {
      where: previous.where,
      previous: previous.grades,
      current: current.grades,
    });
  }
  checkNoDuplicates(previous, lang);
  checkNoDuplicates(current, lang);
  const grades = current.grades;
  const G = grades.length;
  const topGrades = Math.max(1, Math.min(options.topGrades ?? 2, G - 1));
  const counts = Array.from({ length: G + 2 }, () => new Array<number>(G + 2).fill(0));
  // Previous customers by ID as positions, and who was matched as one byte each: a million
  // customers per period cost two maps less (docs/xlsx.md "Speed and memory").
  const before = new Map<string, number>();
  previous.customers.forEach((c, i) => before.set(c.id, i));
  const matched = new Uint8Array(previous.customers.length);
  const moves: Move[] = [];
  const byCurrentRow = new Map<number, Move>();
  for (const cur of current.customers) {
    const at = before.get(cur.id);
    const prev = at === undefined ? undefined : previous.customers[at];
    if (at !== undefined) matched[at] = 1;
    let move: Move;
    if (!prev) {
      move = { id: cur.id, kind: 'new', current: cur, steps: 0 };
      counts[G][cur.grade >= 0 ? cur.grade : G + 1]++;
    } else if (prev.grade < 0 || cur.grade < 0) {
      move = { id: cur.id, kind: 'unscored', previous: prev, current: cur, steps: 0 };
      counts[prev.grade >= 0 ? prev.grade : G + 1][cur.grade >= 0 ? cur.grade : G + 1]++;
    } else {
      const steps = cur.grade - prev.grade;
      move = { id: cur.id, kind: steps === 0 ? 'same' : steps > 0 ? 'down' : 'up', previous: prev, current: cur, steps };
      counts[prev.grade][cur.grade]++;
    }
    moves.push(move);
    byCurrentRow.set(cur.row, move);
  }
  for (let i = 0; i < previous.customers.length; i++) {
    if (matched[i]) continue;
    const prev = previous.customers[i];
    moves.push({ id: prev.id, kind: 'gone', previous: prev, steps: 0 });
    counts[prev.grade >= 0 ? prev.grade : G + 1][G]++;
  }

  const prevM = (m: Move) => m.previous?.values.m ?? NaN;
  const curM = (m: Move) => m.current?.values.m ?? NaN;
  const fell = moves.filter((m) => m.kind === 'down').sort((a, b) => b.steps - a.steps || byNumberDesc(prevM(a), prevM(b)) || byId(a, b));
  const rose = moves.filter((m) => m.kind === 'up').sort((a, b) => a.steps - b.steps || byNumberDesc(curM(a), curM(b)) || byId(a, b));
  const appeared = moves
    .filter((m) => m.kind === 'new')
    .sort((a, b) => gradeOrder(a.current!.grade, G) - gradeOrder(b.current!.grade, G) || byNumberDesc(curM(a), curM(b)) || byId(a, b));
  const disappeared = moves
    .filter((m) => m.kind === 'gone')
    .sort((a, b) => gradeOrder(a.previous!.grade, G) - gradeOrder(b.previous!.grade, G) || byNumberDesc(prevM(a), prevM(b)) || byId(a, b));
  const unscored = moves.filter((m) => m.kind === 'unscored');
  const top = (m: Move) => (m.previous?.grade ?? -1) >= 0 && m.previous!.grade < topGrades;
  const earlyWarning: WarningMove[] = moves
    .filter((m) => m.kind === 'down' || (m.kind === 'gone' && top(m)))
    .map((m): WarningMove => ({ ...m, priority: top(m) ? 1 : 2 }))
    .sort((a, b) => a.priority - b.priority || byNumberDesc(prevM(a), prevM(b)) || byId(a, b));
  return {
    grades,
    counts,
    moves,
    fell,
    rose,
    same: moves.filter((m) => m.kind === 'same').length,
    appeared,
    disappeared,
    unscored,
    earlyWarning,
    topGrades,
    missingIds: { previous: previous.missingIds, current: current.missingIds },
    byCurrentRow,
  };
}

/** Not scored sorts after every grade. */
function gradeOrder(grade: number, G: number): number {
  return grade < 0 ? G : grade;
}

/** `A→B`, `A→A`, `new`/`新客户`, `?→B` (not scored then), `A→gone`; null when there is nothing to say. */
export function changeText(move: Move | undefined, grades: readonly string[], lang: Lang): string | null {
  if (!move) return null;
  const label = (g: number | undefined) => (g === undefined || g < 0 ? '?' : grades[g]);
  switch (move.kind) {
    case 'new':
      return t(lang, 'period.new');
    case 'gone':
      return `${label(move.previous?.grade)}→${t(lang, 'period.gone')}`;
    case 'unscored':
      return move.current && move.current.grade < 0 ? null : `${label(move.previous?.grade)}→${label(move.current?.grade)}`;
    default:
      return `${label(move.previous?.grade)}→${label(move.current?.grade)}`;
  }
}

/** The Change column of the current table: text per data row (see outputTable's `change` extra). */
export function changeColumn(migration: Migration, lang: Lang): (row: number) => string | null {
  return (row) => changeText(migration.byCurrentRow.get(row), migration.grades, lang);
}

// ---------- the migration sheet, as plain tables ----------

export type ReportCell = string | number | null;

export interface ReportBlock {
  title: string;
  /** Base name for an Excel table (letters, digits, underscores). */
  name: string;
  headers: string[];
  rows: ReportCell[][];
  /** Number format per column index. */
  formats?: Record<number, string>;
  /** Shown instead of the table when there are no rows. */
  empty?: string;
  colourScale?: boolean;
}

export interface MigrationSheet {
  /** Lines above the tables: title, the two periods, the scale. */
  lines: Array<{ text: string; role: 'title' | 'label' | 'warning' }>;
  blocks: ReportBlock[];
}

export interface MigrationContext {
  /** The previous period in words (`sheet "Customers" of 2025-10.xlsx, run 2025-11-01 09:00:00`). */
  previous: string;
  current: string;
  /** True when this period was scored on the previous period's frozen scale. */
  frozen: boolean;
  /** True when some metric is ranked (quintile), so an own scale can move grades by itself. */
  ranked: boolean;
}

const PERCENT = '0.0%';
const DECIMAL = '0.00';

/** The migration sheet's content in the user's language. */
export function migrationSheet(mig: Migration, ctx: MigrationContext, lang: Lang): MigrationSheet {
  const tr = (key: MessageKey, vars?: Record<string, string | number>) => t(lang, key, vars);
  const G = mig.grades.length;
  const lines: MigrationSheet['lines'] = [
    { text: tr('period.sheetTitle'), role: 'title' },
    { text: tr('period.previousIs', { where: ctx.previous }), role: 'label' },
    { text: tr('period.currentIs', { where: ctx.current }), role: 'label' },
    ctx.frozen
      ? { text: tr('period.scaleSame'), role: 'label' }
      : ctx.ranked
        ? { text: tr('period.scaleDiffers'), role: 'warning' }
        : { text: tr('period.scaleFixed'), role: 'label' },
  ];
  const missing = mig.missingIds.previous.length + mig.missingIds.current.length;
  if (missing) {
    lines.push({
      text: tr('period.missingIds', {
        count: missing,
        cells: [...mig.missingIds.previous.map((c) => tr('period.prevCellShort', { cell: c })), ...mig.missingIds.current]
          .slice(0, 5)
          .join(listSep(lang)),
      }),
      role: 'warning',
    });
  }

  const blocks: ReportBlock[] = [];
  blocks.push({
    title: tr('period.overview'),
    name: 'RFM_Change_Overview',
    headers: [tr('period.measure'), tr('period.count')],
    rows: [
      [tr('period.inBoth'), mig.moves.filter((m) => m.kind !== 'new' && m.kind !== 'gone').length],
      [tr('period.unchanged'), mig.same],
      [tr('period.rose'), mig.rose.length],
      [tr('period.fell'), mig.fell.length],
      [tr('period.appeared'), mig.appeared.length],
      [tr('period.disappeared'), mig.disappeared.length],
      [tr('period.unscoredCount'), mig.unscored.length],
      [tr('period.warningCount', { grades: mig.grades.slice(0, mig.topGrades).join('/') }), mig.earlyWarning.filter((w) => w.priority === 1).length],
    ],
  });

  // The matrix: previous grades (+ new, + not scored) × current grades (+ gone, + not scored).
  const fromIdx = [...Array(G).keys(), G, ...(mig.counts[G + 1].some((c) => c) ? [G + 1] : [])];
  const toIdx = [...Array(G).keys(), G, ...(mig.counts.some((r) => r[G + 1]) ? [G + 1] : [])];
  const fromLabel = (i: number) => (i < G ? mig.grades[i] : i === G ? tr('period.new') : tr('period.notScored'));
  const toLabel = (i: number) => (i < G ? mig.grades[i] : i === G ? tr('period.gone') : tr('period.notScored'));
  const corner = tr('period.corner');
  const rowTotal = (i: number) => toIdx.reduce((s, j) => s + mig.counts[i][j], 0);
  const countRows: ReportCell[][] = fromIdx.map((i) => [fromLabel(i), ...toIdx.map((j) => mig.counts[i][j]), rowTotal(i)]);
  countRows.push([tr('period.total'), ...toIdx.map((j) => fromIdx.reduce((s, i) => s + mig.counts[i][j], 0)), fromIdx.reduce((s, i) => s + rowTotal(i), 0)]);
  blocks.push({
    title: tr('period.matrixCounts'),
    name: 'RFM_Migration_Counts',
    headers: [corner, ...toIdx.map(toLabel), tr('period.total')],
    rows: countRows,
    colourScale: true,
  });
  blocks.push({
    title: tr('period.matrixShares'),
    name: 'RFM_Migration_Shares',
    headers: [corner, ...toIdx.map(toLabel)],
    rows: fromIdx.map((i) => {
      const total = rowTotal(i);
      return [fromLabel(i), ...toIdx.map((j) => (total ? mig.counts[i][j] / total : null))];
    }),
    formats: Object.fromEntries(toIdx.map((_, j) => [j + 1, PERCENT])),
    colourScale: true,
  });

  const change = (m: Move) => changeText(m, mig.grades, lang);
  const v = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? null : x);
  const sideHeaders = [
    tr('period.customer'),
    tr('period.changeHeader'),
    tr('period.prevOf', { what: outputHeader('rfm', lang) }),
    outputHeader('rfm', lang),
    ...METRICS.flatMap((m) => [tr('period.prevOf', { what: m.toUpperCase() }), m.toUpperCase()]),
  ];
  const side = (m: Move): ReportCell[] => [
    (m.current ?? m.previous)!.display,
    change(m),
    v(m.previous?.composite),
    v(m.current?.composite),
    ...METRICS.flatMap((k) => [v(m.previous?.values[k]), v(m.current?.values[k])]),
  ];
  const sideFormats = { 2: DECIMAL, 3: DECIMAL };
  blocks.push({
    title: tr('period.warningTitle', { grades: mig.grades.slice(0, mig.topGrades).join('/') }),
    name: 'RFM_Early_Warning',
    headers: [tr('period.priority'), ...sideHeaders],
    rows: mig.earlyWarning.map((m) => [m.priority, ...side(m)]),
    formats: { 3: DECIMAL, 4: DECIMAL },
    empty: tr('period.none'),
  });
  blocks.push({ title: tr('period.fellTitle'), name: 'RFM_Fell', headers: sideHeaders, rows: mig.fell.map(side), formats: sideFormats, empty: tr('period.none') });
  blocks.push({ title: tr('period.roseTitle'), name: 'RFM_Rose', headers: sideHeaders, rows: mig.rose.map(side), formats: sideFormats, empty: tr('period.none') });
  const single = (c: PeriodCustomer): ReportCell[] => [
    c.display,
    c.grade >= 0 ? mig.grades[c.grade] : tr('period.notScored'),
    v(c.composite),
    ...METRICS.map((k) => v(c.values[k])),
  ];
  const singleHeaders = (grade: string, rfm: string) => [tr('period.customer'), grade, rfm, 'R', 'F', 'M'];
  blocks.push({
    title: tr('period.appearedTitle'),
    name: 'RFM_New',
    headers: singleHeaders(outputHeader('grade', lang), outputHeader('rfm', lang)),
    rows: mig.appeared.map((m) => single(m.current!)),
    formats: { 2: DECIMAL },
    empty: tr('period.none'),
  });
  blocks.push({
    title: tr('period.disappearedTitle'),
    name: 'RFM_Gone',
    headers: singleHeaders(tr('period.prevOf', { what: outputHeader('grade', lang) }), tr('period.prevOf', { what: outputHeader('rfm', lang) })),
    rows: mig.disappeared.map((m) => single(m.previous!)),
    formats: { 2: DECIMAL },
    empty: tr('period.none'),
  });
  if (mig.unscored.length) {
    blocks.push({
      title: tr('period.unscoredTitle'),
      name: 'RFM_Not_Scored',
      headers: [tr('period.customer'), tr('period.prevOf', { what: outputHeader('grade', lang) }), outputHeader('grade', lang), tr('period.prevCell'), tr('period.cell')],
      rows: mig.unscored.map((m) => [
        (m.current ?? m.previous)!.display,
        m.previous && m.previous.grade >= 0 ? mig.grades[m.previous.grade] : tr('period.notScored'),
        m.current && m.current.grade >= 0 ? mig.grades[m.current.grade] : tr('period.notScored'),
        m.previous?.cell ?? null,
        m.current?.cell ?? null,
      ]),
    });
  }
  return { lines, blocks };
}
