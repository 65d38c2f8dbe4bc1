/**
 * Sparse cell storage: values in per-row arrays (a 1,048,576-row sheet costs only the rows in use),
 * formulas in a map, and formats in layers that hold either single cells or whole rectangles
 * (so a fill on `A:D` is one entry, not four million).
 */
import { MAX_COLUMNS, type Rect, contains, intersect, isUnbounded, cellCount, rect } from './addresses';
import type { CellValue } from './numberFormat';

const key = (r: number, c: number) => r * MAX_COLUMNS + c;

export class CellStore {
  private readonly rows = new Map<number, Array<CellValue | undefined>>();
  private readonly formulas = new Map<number, string>();
  private cachedBounds: Rect | null | undefined;

  get(r: number, c: number): CellValue {
    const row = this.rows.get(r);
    if (row === undefined) return '';
    const v = row[c];
    return v === undefined ? '' : v;
  }

  /** Stores a value; "" makes the cell blank. Does not touch the formula. */
  set(r: number, c: number, v: CellValue): void {
    let row = this.rows.get(r);
    if (v === '') {
      if (row !== undefined && row[c] !== undefined) {
        row[c] = undefined;
        this.cachedBounds = undefined;
      }
      return;
    }
    if (row === undefined) {
      row = [];
      this.rows.set(r, row);
    }
    row[c] = v;
    this.cachedBounds = undefined;
  }

  getFormula(r: number, c: number): string | undefined {
    return this.formulas.size === 0 ? undefined : this.formulas.get(key(r, c));
  }

  setFormula(r: number, c: number, formula: string | undefined): void {
    if (formula === undefined) {
      if (this.formulas.size > 0) this.formulas.delete(key(r, c));
    } else {
      this.formulas.set(key(r, c), formula);
    }
  }

  hasFormulas(): boolean {
    return this.formulas.size > 0;
  }

  /** Values of a bounded rectangle, row by row; blanks are "". */
  read(area: Rect): CellValue[][] {
    const out: CellValue[][] = new Array(area.r1 - area.r0 + 1);
    const width = area.c1 - area.c0 + 1;
    for (let r = area.r0; r <= area.r1; r++) {
      const row = this.rows.get(r);
      const line: CellValue[] = new Array(width);
      if (row === undefined) {
        line.fill('');
      } else {
        for (let c = 0; c < width; c++) {
          const v = row[area.c0 + c];
          line[c] = v === undefined ? '' : v;
        }
      }
      out[r - area.r0] = line;
    }
    return out;
  }

  /** Blanks every value and formula inside the rectangle (cheap for entire columns/rows). */
  clear(area: Rect): void {
    for (const [r, row] of this.rows) {
      if (r < area.r0 || r > area.r1) continue;
      const end = Math.min(area.c1, row.length - 1);
      for (let c = area.c0; c <= end; c++) row[c] = undefined;
    }
    for (const k of [...this.formulas.keys()]) {
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      if (r >= area.r0 && r <= area.r1 && c >= area.c0 && c <= area.c1) this.formulas.delete(k);
    }
    this.cachedBounds = undefined;
  }

  /** Smallest rectangle holding every non-blank value, or null for an empty sheet. */
  bounds(): Rect | null {
    if (this.cachedBounds !== undefined) return this.cachedBounds;
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    for (const [r, row] of this.rows) {
      let first = -1;
      let last = -1;
      for (let c = 0; c < row.length; c++) {
        if (row[c] !== undefined) {
          first = c;
          break;
        }
      }
      if (first < 0) {
        this.rows.delete(r);
        continue;
      }
      for (let c = row.length - 1; c >= first; c--) {
        if (row[c] !== undefined) {
          last = c;
          break;
        }
      }
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (first < c0) c0 = first;
      if (last > c1) c1 = last;
    }
    this.cachedBounds = r1 < 0 ? null : rect(r0, c0, r1, c1);
    return this.cachedBounds;
  }

  formulaCells(): Array<{ row: number; column: number; formula: string }> {
    return [...this.formulas.entries()]
      .map(([k, formula]) => ({ row: Math.floor(k / MAX_COLUMNS), column: k % MAX_COLUMNS, formula }))
      .sort((a, b) => a.row - b.row || a.column - b.column);
  }
}

interface Stamped<T> {
  v: T | undefined;
  s: number;
}

/** Small rectangles are stored cell by cell; larger ones as a single rectangle entry. */
const RECT_THRESHOLD = 1024;

/**
 * One formatting property (number format, fill color, bold, …) over a sheet. Every write gets a
 * stamp; a cell's value is the newest entry that covers it. `undefined` means "default".
 */
export class FormatLayer<T> {
  private stamp = 0;
  private readonly cells = new Map<number, Stamped<T>>();
  private rects: Array<{ area: Rect; v: T | undefined; s: number }> = [];

  setCell(r: number, c: number, v: T | undefined): void {
    this.cells.set(key(r, c), { v, s: ++this.stamp });
  }

  setRect(area: Rect, v: T | undefined): void {
    if (!isUnbounded(area) && cellCount(area) <= RECT_THRESHOLD) {
      for (let r = area.r0; r <= area.r1; r++) for (let c = area.c0; c <= area.c1; c++) this.setCell(r, c, v);
      return;
    }
    this.rects = this.rects.filter((e) => !contains(area, e.area));
    if (v === undefined) {
      // a reset that covers every cell entry inside it: drop them too
      for (const k of [...this.cells.keys()]) {
        const r = Math.floor(k / MAX_COLUMNS);
        const c = k % MAX_COLUMNS;
        if (r >= area.r0 && r <= area.r1 && c >= area.c0 && c <= area.c1) this.cells.delete(k);
      }
    }
    this.rects.push({ area, v, s: ++this.stamp });
  }

  get(r: number, c: number): T | undefined {
    const cell = this.cells.size === 0 ? undefined : this.cells.get(key(r, c));
    let best = cell;
    for (let i = this.rects.length - 1; i >= 0; i--) {
      const e = this.rects[i];
      if (best !== undefined && e.s < best.s) break;
      const a = e.area;
      if (r >= a.r0 && r <= a.r1 && c >= a.c0 && c <= a.c1) {
        if (best === undefined || e.s > best.s) best = e;
        break;
      }
    }
    return best?.v;
  }

  isEmpty(): boolean {
    return this.cells.size === 0 && this.rects.length === 0;
  }

  /**
   * The single value over a rectangle, or null when it differs between cells (as Excel reports a
   * mixed format). Huge rectangles are judged from the entries that touch them.
   */
  uniform(area: Rect, fallback: T): T | null {
    if (this.isEmpty()) return fallback;
    if (!isUnbounded(area) && cellCount(area) <= 200_000) {
      let first: T | undefined;
      let seen = false;
      for (let r = area.r0; r <= area.r1; r++) {
        for (let c = area.c0; c <= area.c1; c++) {
          const v = this.get(r, c) ?? fallback;
          if (!seen) {
            first = v;
            seen = true;
          } else if (v !== first) return null;
        }
      }
      return first === undefined ? fallback : first;
    }
    const touching = this.rects.filter((e) => intersect(e.area, area) !== null);
    const cellsInside = [...this.cells.entries()].filter(([k]) => {
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      return r >= area.r0 && r <= area.r1 && c >= area.c0 && c <= area.c1;
    });
    if (touching.length === 0 && cellsInside.length === 0) return fallback;
    const newestCover = [...touching].reverse().find((e) => contains(e.area, area));
    if (newestCover === undefined) return null;
    const newer = [...touching, ...cellsInside.map(([, e]) => ({ v: e.v, s: e.s }))].filter((e) => e.s > newestCover.s);
    if (newer.some((e) => e.v !== newestCover.v)) return null;
    return newestCover.v ?? fallback;
  }

  /** Bounds of every non-default entry (entire-column/row rectangles are left out, as Excel does). */
  bounds(): Rect | null {
    let out: Rect | null = null;
    const grow = (a: Rect) => {
      out = out === null ? a : rect(Math.min(out.r0, a.r0), Math.min(out.c0, a.c0), Math.max(out.r1, a.r1), Math.max(out.c1, a.c1));
    };
    for (const [k, e] of this.cells) {
      if (e.v === undefined) continue;
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      if (this.get(r, c) === undefined) continue;
      grow(rect(r, c, r, c));
    }
    for (const e of this.rects) if (e.v !== undefined && !isUnbounded(e.area)) grow(e.area);
    return out;
  }
}
