/**
 * The check before exceljs loads a user's workbook (docs/xlsx.md "Limits and bad input", docs/limits.md):
 * `--formulas` on xlsx input still builds exceljs'
 * object model of the whole workbook, which has no limits of its own — a zip bomb or a text bomb
 * is only stopped when memory runs out, and a cell past column XFD ends in an exceljs exception.
 * So the package is first read with the streaming path's reader, which holds one chunk at a time:
 * every part is inflated and counted against the same limits the streaming path uses (declared
 * size and bytes actually inflated), the shared strings' text against its ceiling, and the scored
 * sheet's cells against Excel's grid. Any problem is exit 2 with one line, before anything is loaded.
 */
import { columnLetter, RfmError } from '../../core';
import { openPackage, pickSheetInfo, SHARED_STRINGS_LIMIT, type XlsxPackage } from './package';
import { attrOf, scanPart } from './scan';
import { MAX_COLUMNS, MAX_ROWS, parseRef } from './sheetReader';
import { rewriteSheet, type SheetEdit } from './sheetWriter';
import { inflateLimit, zipToBuffer } from './zip';

const MB = 1024 * 1024;

/** The shared strings' text is counted, not kept: the limit is the streaming path's. */
async function countSharedStrings(pkg: XlsxPackage, part: string): Promise<void> {
  let inT = 0;
  let total = 0;
  const add = (n: number) => {
    total += n;
    if (total > SHARED_STRINGS_LIMIT) {
      throw new RfmError('xlsx.sharedStringsTooLarge', { file: pkg.file, part, limit: String(SHARED_STRINGS_LIMIT / MB) });
    }
  };
  await scanPart(pkg, part, {
    open(name, _raw, selfClosing) {
      if (name === 't' && !selfClosing) inT++;
    },
    close(name) {
      if (name === 't' && inT > 0) inT--;
    },
    text(raw) {
      if (inT) add(raw.length);
    },
    cdata(text) {
      if (inT) add(text.length);
    },
  });
}

/**
 * Every cell of the sheet inside Excel's grid (A1:XFD1048576); the first one outside is named.
 * Returns whether a row or cell has no `r` address (optional in ECMA-376, but exceljs cannot read it).
 */
async function checkGrid(pkg: XlsxPackage, sheetName: string, part: string): Promise<boolean> {
  let row = -1;
  let col = -1;
  let positional = false;
  await scanPart(pkg, part, {
    open(name, raw) {
      if (name === 'row') {
        const r = attrOf(raw, 'r');
        if (r === undefined) positional = true;
        row = r !== undefined ? Number(r) - 1 : row + 1;
        col = -1;
      } else if (name === 'c') {
        const r = attrOf(raw, 'r');
        if (r === undefined) positional = true;
        col = r !== undefined ? parseRef(r).col : col + 1;
        if (col >= MAX_COLUMNS || row >= MAX_ROWS) {
          throw new RfmError('xlsx.outsideGrid', { sheet: sheetName, file: pkg.file, cell: r ?? `${columnLetter(Math.min(col, MAX_COLUMNS))}${row + 1}` });
        }
      }
    },
    close() {},
    text() {},
    cdata() {},
  });
  return positional;
}

export interface Preflight {
  /** Worksheet parts with rows or cells without an `r` address: exceljs gets them with addresses added. */
  positional: string[];
}

/**
 * Check the workbook `file` before exceljs loads it; `sheet` is the sheet the run will read
 * (--sheet, else the first visible worksheet, as exceljs' caller picks it). Every worksheet is
 * checked against the grid: exceljs loads them all.
 */
export async function preflightWorkbook(file: string, sheet: string | undefined): Promise<Preflight> {
  const pkg = await openPackage(file);
  try {
    pickSheetInfo(pkg, sheet);
    // Declared sizes first: a bomb that says what it is stops before a byte is inflated.
    for (const name of pkg.zip.order) {
      const entry = pkg.zip.entries.get(name)!;
      const limit = inflateLimit(entry);
      if (entry.uncompressedSize > limit) throw new RfmError('xlsx.partTooLarge', { file, part: name, limit: String(Math.round(limit / MB)) });
    }
    const worksheets = new Map(pkg.sheets.map((s) => [s.part, s.name]));
    const positional: string[] = [];
    for (const name of pkg.zip.order) {
      const sheetName = worksheets.get(name);
      if (sheetName !== undefined) {
        if (await checkGrid(pkg, sheetName, name)) positional.push(name);
      } else if (name === pkg.sharedStringsPart) await countSharedStrings(pkg, name);
      else for await (const chunk of pkg.zip.chunks(name)) void chunk; // counted by chunks() while inflating
    }
    return { positional };
  } finally {
    pkg.zip.close();
  }
}

/** Nothing added or dropped: the streaming writer only gives every row and cell its address. */
const ADDRESSES_ONLY: SheetEdit = {
  startColumn: MAX_COLUMNS,
  clearEnd: MAX_COLUMNS,
  headerRow: -1,
  headers: [],
  dataRows: [],
  value: () => null,
  valueStyle: [],
  headerStyle: 0,
  dimension: '',
  widths: [],
};

/**
 * The package in memory with `positional` worksheets given their addresses (the streaming path's
 * sheet writer, nothing else changed), for exceljs to load: a sheet written without `r` attributes
 * is valid, and the streaming path reads it, so the paths that use exceljs read it too.
 */
export async function withAddresses(file: string, positional: readonly string[]): Promise<Buffer> {
  const pkg = await openPackage(file);
  try {
    const rewrite = new Set(positional);
    return await zipToBuffer(
      pkg.zip.order.map((name) => ({ name, chunks: () => (rewrite.has(name) ? rewriteSheet(pkg, name, ADDRESSES_ONLY) : pkg.zip.chunks(name)) })),
    );
  } finally {
    pkg.zip.close();
  }
}
