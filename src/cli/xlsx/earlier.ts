/**
 * `--scale-from` / `--previous` read an earlier result on the streaming path too (docs/xlsx.md,
 * docs/periods.md): its parameters sheets (A1 the title in either language) in full — they are
 * small — and, for --previous, its scored sheet's rows: streamed one at a time (`read`) when the
 * run record names the ID column, so a million-row earlier sheet is never held, else held whole
 * (`rows`). Other sheets are read up to their first row.
 */
import type { CellValue } from '../../core';
import { LANGS, t } from '../../i18n';
import { dateStyles, openPackage, readSharedStrings, type XlsxPackage } from './package';
import { readSheetRows, type SheetContext } from './sheetReader';
import { parseXml } from './xml';

export interface EarlierBook {
  /** Every worksheet's name, in tab order. */
  sheets: string[];
  /** The parameters sheets with their rows. */
  params: Array<{ name: string; rows: CellValue[][] }>;
  /** The rows of sheet `name` (row i of the array is sheet row i + 1), or undefined without such a sheet. */
  rows(name: string): Promise<CellValue[][] | undefined>;
  /**
   * Sheet `name`'s rows handed to `onRow` one at a time (0-based index, cells), none kept; `onRow`
   * may return false to stop (the rows of the chunk already inflated still come). Resolves to false
   * without such a sheet.
   */
  read(name: string, onRow: (index: number, cells: CellValue[]) => boolean | void): Promise<boolean>;
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
      async rows(name) {
        const info = pkg.sheets.find((s) => s.name === name);
        if (!info) return undefined;
        const rows: CellValue[][] = [];
        await readSheetRows(ctx, info.part, (i, cells) => {
          rows[i] = cells;
        });
        return dense(rows);
      },
      async read(name, onRow) {
        const info = pkg.sheets.find((s) => s.name === name);
        if (!info) return false;
        await readSheetRows(ctx, info.part, onRow);
        return true;
      },
    });
  } finally {
    pkg.zip.close();
  }
}
