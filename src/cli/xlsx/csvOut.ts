/**
 * `rfm-score IN.xlsx --out OUT.csv`: the scored sheet as a CSV file, on the streaming reader
 * (docs/xlsx.md "xlsx to CSV"). Pass 1 hands each row to the engine (only the header and the R, F,
 * M cells stay); pass 2 reads the sheet again and writes one CSV line per row as it goes, the output
 * cells appended to the header and data rows. Nothing of the workbook is held whole.
 *
 * The lines are the ones the exceljs route wrote (BOM, CRLF, Papa Parse's quoting, text that a
 * spreadsheet would run as a formula prefixed with ' — docs/limits.md "Formula injection"), with two
 * deliberate differences: a number cell no double holds (`1.8e308`, which exceljs read as Infinity
 * and wrote as `Infinity`) is exit 2 naming the cell, and a merged range's value is written once, in
 * its top-left cell, as Excel's own "Save as CSV" does (exceljs repeated it in every merged cell).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { cellAddress, RfmError, TableCollector, type CellValue, type ScoredSheet } from '../../core';
import { t, type Lang } from '../../i18n';
import { writeOutputFile } from '../atomic';
import { field, FORMULA_START } from '../csvFile';
import type { Io } from '../main';
import type { CliOptions } from '../options';
import { listReportLines, withListFiles } from '../lists';
import { readPeriods, runReportLines, scoreCollected } from '../periods';
import { dateStyles, openPackage, pickSheetInfo, readSharedStrings } from './package';
import { MAX_COLUMNS, MAX_ROWS, readSheetRows, type SheetContext } from './sheetReader';
import { parseXml } from './xml';

const NEWLINE = '\r\n';
const DELIMITER = ',';
const FLUSH_AT = 1 << 20;

/** A cell as text for the CSV, as the exceljs route made it before quoting. */
function cellText(v: CellValue): string | number {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().replace(/T00:00:00\.000Z$/, '').replace(/\.000Z$/, 'Z');
  if (typeof v === 'object') return v.error;
  return v;
}

/**
 * One field as Papa Parse's unparse writes it (papaparse 5 `safe`): with `escape`, text that starts
 * like a formula gets a ' and quotes; quotes when the text holds a quote, CR, LF, BOM or the
 * delimiter, or starts or ends with a space. Numbers as `String(n)`, never escaped.
 */
export function papaField(v: string | number, escape: boolean): string {
  let s = String(v);
  let quote = false;
  if (escape && typeof v === 'string' && FORMULA_START.test(s)) {
    s = `'${s}`;
    quote = true;
  }
  const escaped = s.indexOf('"') >= 0 ? s.replace(/"/g, '""') : s;
  quote ||= /[\r\n"\uFEFF,]/.test(escaped) || escaped.charCodeAt(0) === 32 || escaped.charCodeAt(escaped.length - 1) === 32;
  return quote ? `"${escaped}"` : escaped;
}

/** The row's cells up to its last one that is not empty (exceljs left out empty cells at the end). */
function trimmed(cells: readonly CellValue[]): number {
  let n = cells.length;
  while (n > 0 && (cells[n - 1] === null || cells[n - 1] === undefined)) n--;
  return n;
}

/** Pass 2: the CSV text of the sheet's rows, written to `file` in large pieces. */
async function writeCsv(file: string, ctx: SheetContext, part: string, sheet: ScoredSheet, lastRow: number): Promise<void> {
  const fd = openSync(file, 'w');
  try {
    let pending = '\uFEFF';
    const flush = () => {
      const bytes = Buffer.from(pending, 'utf8');
      let off = 0;
      while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
      pending = '';
    };
    const { output, startColumn, dataRows, headerRow } = sheet;
    const headerTail = DELIMITER + output.headers.map((h) => field(h, DELIMITER)).join(DELIMITER);
    const columns = output.columns.length;
    let dataIndex = 0;
    let next = 0;
    const line = (i: number, cells: readonly CellValue[]) => {
      // Rows the sheet does not hold, or holds empty, are empty lines.
      for (; next < i; next++) pending += NEWLINE;
      next = i + 1;
      const isHeader = i === headerRow;
      const isData = !isHeader && dataIndex < dataRows.length && dataRows[dataIndex] === i;
      const n = trimmed(cells);
      let text = '';
      if (!isHeader && !isData) {
        for (let c = 0; c < n; c++) text += (c ? DELIMITER : '') + papaField(cellText(cells[c]), true);
      } else if (n > startColumn) {
        // Cells right of the table (a previous run's output) are dropped; the kept ones were
        // quoted again without the formula escape, which their ' already carries.
        for (let c = 0; c < startColumn; c++) {
          const v = cellText(cells[c]);
          const escaped = typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : v;
          text += (c ? DELIMITER : '') + papaField(escaped, false);
        }
      } else {
        for (let c = 0; c < n; c++) text += (c ? DELIMITER : '') + papaField(cellText(cells[c]), true);
        text += DELIMITER.repeat(startColumn - Math.max(n, 1));
      }
      if (isHeader) text += headerTail;
      else if (isData) {
        for (let c = 0; c < columns; c++) text += DELIMITER + field(output.cell(dataIndex, c), DELIMITER);
        dataIndex++;
      }
      pending += text + NEWLINE;
      if (pending.length > FLUSH_AT) flush();
    };
    await readSheetRows(ctx, part, (i, cells) => {
      if (i > lastRow) return false;
      line(i, cells);
    });
    for (; next <= lastRow; next++) pending += NEWLINE;
    flush();
  } finally {
    closeSync(fd);
  }
}

export async function scoreXlsxToCsv(o: CliOptions, io: Io): Promise<void> {
  const lang: Lang = o.lang;
  const pkg = await openPackage(o.input);
  try {
    const info = pickSheetInfo(pkg, o.sheet);
    const periods = await readPeriods(o, lang, info.name);
    const scheme = periods.scheme;
    const styles = pkg.stylesPart ? parseXml(await pkg.zip.text(pkg.stylesPart), pkg.file, pkg.stylesPart).root : undefined;
    const ctx: SheetContext = { pkg, strings: await readSharedStrings(pkg), dates: dateStyles(styles) };

    // Pass 1: the engine sees every row; the last row holding a value ends the CSV.
    const collector = new TableCollector(o.layout, { ids: o.lists.length > 0 });
    let lastRow = -1;
    await readSheetRows(
      ctx,
      info.part,
      (i, cells) => {
        // Excel's grid, as the exceljs route checked it first: a CSV has none, but a cell past it is damage.
        if (cells.length > MAX_COLUMNS || i >= MAX_ROWS) {
          throw new RfmError('xlsx.outsideGrid', { sheet: info.name, file: o.input, cell: cellAddress(cells.length - 1, i + 1) });
        }
        if (trimmed(cells)) lastRow = i;
        collector.add(i, cells);
      },
      undefined,
      (col, row, value) => {
        throw new RfmError('xlsx.notFinite', { file: o.input, sheet: info.name, cell: cellAddress(col, row + 1), value });
      },
    );
    const where = t(lang, 'cli.report.sheet', { sheet: info.name, file: o.input });
    const { sheet, lists } = await scoreCollected(o, collector, periods, where);
    await withListFiles(lists, {}, () => writeOutputFile(o.out, (temp) => writeCsv(temp, ctx, info.part, sheet, lastRow)));
    const note = pkg.sheets.length > 1 ? t(lang, 'cli.report.csvOnlyScoredSheet', { sheet: info.name }) : undefined;
    for (const line of runReportLines({ sheet, scheme, lang, where, periods, out: o.out, note })) io.out(line);
    for (const line of listReportLines(lists, lang)) io.out(line);
  } finally {
    pkg.zip.close();
  }
}

