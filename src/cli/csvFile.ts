/**
 * CSV in and out with Papa Parse (quotes, embedded line breaks, delimiter and line-break detection).
 *
 * Rows stream through Papa Parse's step callback, so only the three metric cells of each row are
 * kept, and the output reuses each input line's original text with the new cells appended: the
 * input's cells come out byte for byte as they went in. A UTF-8 byte-order mark is kept; GB 18030/GBK
 * input (Excel's "CSV" on Chinese Windows) is read too and written back as UTF-8 with a BOM.
 * Cells this program writes (and cells it copies from an xlsx sheet) that start like a formula are
 * neutralised; a CSV input's own lines are copied as they are (docs/limits.md).
 */
import { promises as fs } from 'node:fs';
import Papa from 'papaparse';
import { RfmError, type CellValue, type ScoredSheet } from '../core';
import { normalizeLineBreaks } from './lineBreaks';

export interface CsvSource {
  text: string;
  bom: boolean;
  delimiter: string;
  newline: string;
  /** Offset in `text` where physical row i starts; one extra entry marks the end. */
  rowStart: number[];
  /** Number of fields of physical row i. */
  fieldCount: number[];
}

/** Papa Parse's delimiter guess on the first lines (line endings unified for the guess). */
export function guessDelimiter(text: string): string {
  const head = text.slice(0, 1 << 16).replace(/\r\n?/g, '\n');
  return Papa.parse<string[]>(head, { preview: 10, newline: '\n' }).meta.delimiter || ',';
}

export async function readCsvText(file: string): Promise<{ text: string; bom: boolean }> {
  const buffer = await fs.readFile(file);
  const bom = buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
  const text = buffer.toString('utf8', bom ? 3 : 0);
  if (!text.includes('\uFFFD')) return { text, bom };
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(buffer), bom: true };
  } catch {
    throw new RfmError('cli.csvNotUtf8', { file });
  }
}

/** Parse the CSV file, handing each physical row to `onRow` in order. */
export async function scanCsv(file: string, onRow: (index: number, cells: string[]) => void): Promise<CsvSource> {
  const { text, bom } = await readCsvText(file);
  return scanCsvText(text, bom, file, onRow);
}

export function scanCsvText(
  text: string,
  bom: boolean,
  file: string,
  onRow: (index: number, cells: string[]) => void,
): CsvSource {
  const rowStart: number[] = [];
  const fieldCount: number[] = [];
  let start = 0;
  let failure: unknown;
  let delimiter = ',';
  let newline = '\n';
  // Mixed line endings: read every line break outside quotes as one (docs/limits.md).
  let guessed: string | undefined;
  const guess = () => (guessed ??= guessDelimiter(text));
  const mixed = normalizeLineBreaks(text, guess);
  const input = mixed.text;
  if (mixed.newline) newline = mixed.newline;
  Papa.parse<string[]>(input, {
    ...(mixed.newline ? { newline: '\n', delimiter: guess() } : {}),
    step: (res, parser) => {
      const end = res.meta.cursor;
      if (end === start) return; // the empty record after a final line break
      const quoteError = res.errors.find((e) => e.type === 'Quotes');
      try {
        if (quoteError) throw new RfmError('cli.csvBroken', { file, row: rowStart.length + 1, detail: quoteError.message });
        delimiter = res.meta.delimiter || delimiter;
        if (!mixed.newline) newline = res.meta.linebreak || newline;
        rowStart.push(start);
        fieldCount.push(res.data.length);
        onRow(rowStart.length - 1, res.data);
      } catch (err) {
        failure = err;
        parser.abort();
      }
      start = end;
    },
  });
  if (failure) throw failure;
  rowStart.push(input.length);
  return { text: input, bom, delimiter, newline, rowStart, fieldCount };
}

/**
 * Text that a spreadsheet would run as a formula when it opens the CSV file (= + - @, and a tab or
 * CR before them): OWASP's "CSV injection" advice is to prefix such cells with ' and quote them.
 * Only text cells are neutralised, never numbers (-5 stays -5). docs/limits.md, "Formula injection".
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

function field(v: string | number | null, delimiter: string): string {
  if (v === null) return '';
  const s = String(v);
  if (typeof v === 'string' && FORMULA_START.test(s)) return `"'${s.replace(/"/g, '""')}"`;
  return s.includes(delimiter) || /["\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

function lineText(src: CsvSource, i: number): string {
  const line = src.text.slice(src.rowStart[i], src.rowStart[i + 1]);
  return line.replace(/\r?\n$|\r$/, '');
}

/** The output CSV: every input line as it was, the header and data rows with the output cells appended. */
export function scoredCsv(src: CsvSource, sheet: ScoredSheet): string {
  const { output, startColumn, dataRows, headerRow } = sheet;
  const d = src.delimiter;
  const columnsOf = (i: number) => output.columns.map((_, c) => output.cell(i, c));
  const parts: string[] = [];
  let dataIndex = 0;
  for (let i = 0; i < src.fieldCount.length; i++) {
    let cells: (string | number | null)[] | undefined;
    if (i === headerRow) cells = output.headers;
    else if (dataIndex < dataRows.length && dataRows[dataIndex] === i) cells = columnsOf(dataIndex++);
    let line = lineText(src, i);
    if (cells) {
      const count = src.fieldCount[i];
      if (count > startColumn) {
        // Fields beyond the table (empty ones, or a previous run's output): rewrite the kept fields.
        const kept = Papa.parse<string[]>(line, { delimiter: d }).data[0].slice(0, startColumn);
        line = Papa.unparse([kept], { delimiter: d, newline: src.newline });
      } else if (count < startColumn) {
        line += d.repeat(startColumn - count);
      }
      line += d + cells.map((v) => field(v, d)).join(d);
    }
    parts.push(line);
  }
  return (src.bom ? '\uFEFF' : '') + parts.join(src.newline) + src.newline;
}

/** Rows held in memory (an xlsx sheet) as a CSV source with a BOM, one line per row. */
export function csvSourceOfRows(rows: readonly (readonly CellValue[])[], toText: (v: CellValue) => string): CsvSource {
  // Numbers stay numbers so that only text is neutralised against formula injection.
  const cells = rows.map((r) => (r.length ? r.map((v) => (typeof v === 'number' ? v : toText(v))) : ['']));
  const text = Papa.unparse(cells, { newline: '\r\n', escapeFormulae: FORMULA_START });
  return scanCsvText(`${text}\r\n`, true, '', () => undefined);
}
