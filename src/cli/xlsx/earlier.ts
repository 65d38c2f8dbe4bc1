/**
 * `--scale-from` / `--previous` read an earlier result on the streaming path too (docs/xlsx.md,
 * docs/periods.md): its parameters sheets (A1 the title in either language) in full — they are
 * small — and, for --previous, its scored sheet's rows: only the columns the comparison reads (ID,
 * R, F, M and the output block) when the run record names them, so a million-row earlier sheet costs
 * its customers, not its width. Other sheets are read up to their first row.
 */
import { isEmptyCell, type CellValue } from '../../core';
import { LANGS, t } from '../../i18n';
import { dateStyles, openPackage, readSharedStrings, type XlsxPackage } from './package';
import { readSheetRows, type SheetContext } from './sheetReader';
import { parseXml } from './xml';

export interface EarlierBook {
  /** Every worksheet's name, in tab order. */
  sheets: string[];
  /** The parameters sheets with their rows. */
  params: Array<{ name: string; rows: CellValue[][] }>;
  /**
   * The rows of sheet `name` (row i of the array is sheet row i + 1), or undefined without such a
   * sheet. With `keep`, rows up to `keep.headerRow` come whole and the rows below hold only the cells
   * of `keep.columns` (a row with values elsewhere only keeps its first one, so that it still reads
   * as a row that is not empty).
   */
  rows(name: string, keep?: KeptColumns): Promise<CellValue[][] | undefined>;
}

/** The columns of an earlier sheet that a comparison reads (0-based), below its header row. */
export interface KeptColumns {
  headerRow: number;
  columns: readonly number[];
}

function project(cells: CellValue[], columns: readonly number[]): CellValue[] {
  const kept: CellValue[] = [];
  let any = false;
  for (const c of columns) {
    const v = cells[c];
    if (v === null || v === undefined) continue;
    kept[c] = v;
    if (!isEmptyCell(v)) any = true;
  }
  if (!any) {
    const first = cells.findIndex((v) => !isEmptyCell(v));
    if (first >= 0) kept[first] = cells[first];
  }
  return kept;
}

async function context(pkg: XlsxPackage): Promise<SheetContext> {
  const styles = pkg.stylesPart ? parseXml(await pkg.zip.text(pkg.stylesPart), pkg.file, pkg.stylesPart).root : undefined;
  return { pkg, strings: await readSharedStrings(pkg), dates: dateStyles(styles) };
}

function dense(rows: CellValue[][]): CellValue[][] {
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
  return rows;
}

/** Open an earlier result; `rows` may be called until the returned promise of `use` settles. */
export async function withEarlierBook<T>(file: string, use: (book: EarlierBook) => Promise<T>): Promise<T> {
  const pkg = await openPackage(file);
  try {
    const ctx = await context(pkg);
    const titles = new Set(LANGS.map((lang) => t(lang, 'formula.title')));
    const params: EarlierBook['params'] = [];
    for (const info of pkg.sheets) {
      const rows: CellValue[][] = [];
      let isParams = false;
      await readSheetRows(ctx, info.part, (i, cells) => {
        if (!rows.length && !isParams) {
          isParams = i === 0 && typeof cells[0] === 'string' && titles.has(cells[0]);
          if (!isParams) return false;
        }
        rows[i] = cells;
      });
      if (isParams) params.push({ name: info.name, rows: dense(rows) });
    }
    return await use({
      sheets: pkg.sheets.map((s) => s.name),
      params,
      async rows(name, keep) {
        const info = pkg.sheets.find((s) => s.name === name);
        if (!info) return undefined;
        const rows: CellValue[][] = [];
        await readSheetRows(ctx, info.part, (i, cells) => {
          rows[i] = keep && i > keep.headerRow ? project(cells, keep.columns) : cells;
        });
        return dense(rows);
      },
    });
  } finally {
    pkg.zip.close();
  }
}
