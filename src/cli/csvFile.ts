/**
 * CSV in and out for customer tables: a byte-level scanner over the file's Buffer (docs/engine.md,
 * "CSV scanner").
 *
 * The scanner finds each physical line's fields (RFC 4180 quoting, quoted line breaks), decodes only
 * the fields the engine needs — every field of the rows up to the header, then just R, F, M (and the
 * ID when kept) — parses the common number forms straight from the bytes, and remembers where each
 * line's bytes are. The output copies each input line's bytes as they are and appends the new cells,
 * written in large buffers. A UTF-8 byte-order mark is kept; GB 18030/GBK input (Excel's "CSV" on
 * Chinese Windows) is transcoded to UTF-8 first, so the scanner only ever sees UTF-8, and is written
 * back as UTF-8 with a BOM. Delimiter and line-break guessing is Papa Parse's, on the file's first
 * megabyte, so files are read as before. Cells this program writes (and cells it copies from an xlsx
 * sheet) that start like a formula are neutralised; a CSV input's own lines are copied as they are
 * (docs/limits.md).
 */
import { closeSync, openSync, promises as fs, writeSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import Papa from 'papaparse';
import {
  parseCell,
  RfmError,
  TableCollector,
  type CellValue,
  type InvalidReason,
  type Metric,
  type ScoredSheet,
} from '../core';
import { Float64Column } from '../core/columnar';

export interface CsvSource {
  /** The file as UTF-8 bytes (GB 18030 input transcoded); `begin` skips a BOM. */
  bytes: Buffer;
  begin: number;
  bom: boolean;
  delimiter: string;
  newline: string;
  /** Physical row i is bytes lineStart[i] … lineEnd[i] (without its line break). */
  lineStart: Float64Array;
  lineEnd: Float64Array;
  /** Number of fields of physical row i. */
  fieldCount: Float64Array;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const REPLACEMENT = Buffer.from('\uFFFD', 'utf8');

/**
 * The file as UTF-8 bytes: UTF-8 as it is (a BOM noted and skipped); anything that is not valid
 * UTF-8, or holds U+FFFD (the mark of a bad decode), is read as GB 18030/GBK and transcoded.
 */
export async function readCsvBytes(file: string): Promise<{ bytes: Buffer; begin: number; bom: boolean }> {
  const buffer = await fs.readFile(file);
  const bom = buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
  if (isUtf8(buffer) && buffer.indexOf(REPLACEMENT) < 0) return { bytes: buffer, begin: bom ? 3 : 0, bom };
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(buffer);
  } catch {
    throw new RfmError('cli.csvNotUtf8', { file });
  }
  return { bytes: Buffer.from(text, 'utf8'), begin: 0, bom: true };
}

/** Papa Parse's delimiter and line-break guesses on the first megabyte of text. */
export function guessFormat(bytes: Buffer, begin: number): { delimiter: string; newline: string } {
  const head = bytes.toString('utf8', begin, Math.min(bytes.length, begin + 4 * (1 << 20))).slice(0, 1 << 20);
  const meta = Papa.parse<string[]>(head, { preview: 10 }).meta;
  // The delimiter from the first lines with their line endings unified (a stray LF or CR must not
  // mislead the guess), as the other CSV readers do (guessDelimiter).
  return { delimiter: guessDelimiter(head), newline: meta.linebreak || '\n' };
}

/** Per-line field boundaries, reused from line to line. */
export class Fields {
  start = new Int32Array(64);
  end = new Int32Array(64);
  /** 1 when the field was quoted and holds an escaped quote (`""`). */
  escaped = new Uint8Array(64);
  count = 0;

  push(s: number, e: number, escaped: boolean): void {
    if (this.count === this.start.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.start = grow(this.start, (n) => new Int32Array(n));
      this.end = grow(this.end, (n) => new Int32Array(n));
      this.escaped = grow(this.escaped, (n) => new Uint8Array(n));
    }
    this.start[this.count] = s;
    this.end[this.count] = e;
    this.escaped[this.count] = escaped ? 1 : 0;
    this.count++;
  }
}

/**
 * Finds one physical line's fields (RFC 4180: a field that starts with a quote runs to the closing
 * quote, `""` inside is a quote, line breaks inside are kept; spaces may follow the closing quote).
 * Only ASCII bytes are compared, and in UTF-8 every byte of a multi-byte character is ≥ 0x80, so a
 * character is never split (GB 18030 input is transcoded before it gets here, docs/engine.md).
 */
export class LineScanner {
  /** Where the last line's text ends (its line break not included). */
  end = 0;

  constructor(
    private readonly bytes: Buffer,
    private readonly length: number,
    private readonly delim: number,
    private readonly crEnds: boolean,
    private readonly fields: Fields,
    private readonly file: string,
  ) {}

  /**
   * Scan the line starting at `pos` into `fields`; returns where the next line starts, or -1 when
   * the bytes end inside the line and more may come (`atEof` false).
   */
  next(pos: number, atEof: boolean, row: number): number {
    const { bytes, length, delim, crEnds, fields, file } = this;
    fields.count = 0;
    for (;;) {
      if (bytes[pos] === QUOTE) {
        const open = pos;
        let p = pos + 1;
        let escaped = false;
        let close: number;
        for (;;) {
          let q = bytes.indexOf(QUOTE, p);
          if (q >= length) q = -1;
          if (q < 0 || (q + 1 >= length && !atEof)) {
            if (!atEof) return -1;
            throw new RfmError('cli.csvBroken', { file, row: row + 1, detail: 'Quoted field unterminated' });
          }
          if (bytes[q + 1] === QUOTE) {
            escaped = true;
            p = q + 2;
            continue;
          }
          // A closing quote: spaces may follow before the delimiter or line break.
          let k = q + 1;
          while (k < length && bytes[k] === SPACE) k++;
          if (k >= length && !atEof) return -1;
          const next = bytes[k];
          if (k >= length || next === delim || next === LF || next === CR) {
            close = q;
            pos = k;
            break;
          }
          throw new RfmError('cli.csvBroken', { file, row: row + 1, detail: 'Trailing quote on quoted field is malformed' });
        }
        fields.push(open + 1, close, escaped);
      } else {
        let p = pos;
        while (p < length) {
          const b = bytes[p];
          if (b === delim || b === LF || b === CR) break;
          p++;
        }
        fields.push(pos, p, false);
        pos = p;
      }
      if (pos >= length) {
        if (!atEof) return -1;
        this.end = length;
        return length;
      }
      const b = bytes[pos];
      if (b === delim) {
        pos++;
        if (pos >= length) {
          if (!atEof) return -1;
          fields.push(pos, pos, false);
          this.end = length;
          return length;
        }
        continue;
      }
      if (b === LF) {
        this.end = pos;
        return pos + 1;
      }
      // CR: a CRLF pair must be seen whole.
      if (pos + 1 >= length && !atEof) return -1;
      if (bytes[pos + 1] === LF) {
        this.end = pos;
        return pos + 2;
      }
      if (crEnds) {
        this.end = pos;
        return pos + 1;
      }
      // A lone CR inside an unquoted field of an LF/CRLF file is part of the field.
      const from = fields.start[fields.count - 1];
      fields.count--;
      let p = pos + 1;
      while (p < length) {
        const c = bytes[p];
        if (c === delim || c === LF || (c === CR && bytes[p + 1] === LF)) break;
        p++;
      }
      if (p >= length && !atEof) return -1;
      fields.push(from, p, false);
      pos = p;
      if (pos >= length) {
        this.end = length;
        return length;
      }
      if (bytes[pos] === delim) {
        pos++;
        continue;
      }
      this.end = pos;
      return pos + (bytes[pos] === CR ? 2 : 1);
    }
  }
}

export function fieldText(bytes: Buffer, fields: Fields, i: number): string {
  if (i >= fields.count) return '';
  const s = bytes.toString('utf8', fields.start[i], fields.end[i]);
  return fields.escaped[i] ? s.replace(/""/g, '"') : s;
}

/** Whether field i is empty after trimming (ASCII whitespace by bytes; anything else decoded and trimmed). */
export function fieldEmpty(bytes: Buffer, fields: Fields, i: number): boolean {
  for (let p = fields.start[i], e = fields.end[i]; p < e; p++) {
    const b = bytes[p];
    if (b === SPACE || (b >= 0x09 && b <= 0x0d)) continue;
    if (b < 0x80) return false;
    return fieldText(bytes, fields, i).trim() === '';
  }
  return true;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The common number forms straight from the bytes: digits with at most one dot, at most 15 digits
 * in all. The digits as an integer m < 10^15 and the power 10^d (d ≤ 15) are both exact doubles, so
 * m / 10^d is the correctly rounded value — the same double `Number(text)` gives (docs/engine.md).
 * Returns -1 for anything else (signs, spaces, separators, exponents, currency signs, long digit
 * runs), which then goes through the engine's own cell parser.
 */
function fastNumber(bytes: Buffer, s: number, e: number): number {
  if (e <= s || e - s > 16) return -1;
  let m = 0;
  let digits = 0;
  let dot = -1;
  for (let p = s; p < e; p++) {
    const b = bytes[p];
    if (b >= 0x30 && b <= 0x39) {
      m = m * 10 + (b - 0x30);
      digits++;
    } else if (b === 0x2e && dot < 0) dot = p;
    else return -1;
  }
  if (digits === 0 || digits > 15) return -1;
  return dot < 0 ? m : m / POW10[e - dot - 1];
}

const METRIC_ORDER: readonly Metric[] = ['r', 'f', 'm'];

/**
 * Scan the customer CSV `file`: every row goes to `collector` (the rows up to and including the
 * first non-empty one as cells, to find the header and the columns; later rows as parsed values).
 * With `onRow`, every row is also handed over as cells (for xlsx output, which needs them all).
 */
export async function scanCsv(
  file: string,
  collector: TableCollector,
  onRow?: (index: number, cells: string[]) => void,
): Promise<CsvSource> {
  const { bytes, begin, bom } = await readCsvBytes(file);
  return scanCsvBytes(bytes, begin, bom, file, collector, onRow);
}

export function scanCsvBytes(
  bytes: Buffer,
  begin: number,
  bom: boolean,
  file: string,
  collector: TableCollector | undefined,
  onRow?: (index: number, cells: string[]) => void,
): CsvSource {
  const { delimiter, newline } = guessFormat(bytes, begin);
  const delim = delimiter.charCodeAt(0);
  // Every line break outside quotes ends a line, whatever the file's own kind (a CRLF file with one
  // LF-only or CR-only line still has a customer on each line; docs/limits.md, "Line endings").
  const crEnds = true;
  const kinds = { crlf: 0, lf: 0, cr: 0 };
  // Room for the lines up front, estimated from the line breaks in the first megabyte.
  const sample = Math.min(bytes.length - begin, 1 << 20);
  let breaks = 0;
  for (let p = bytes.indexOf(LF, begin); p >= 0 && p < begin + sample; p = bytes.indexOf(LF, p + 1)) breaks++;
  const expected = sample > 0 ? Math.ceil(((bytes.length - begin) / sample) * (breaks + 1) * 1.05) + 16 : 16;
  collector?.expectRows(expected);
  const lineStart = new Float64Column(expected);
  const lineEnd = new Float64Column(expected);
  const fieldCount = new Float64Column(expected);
  const fields = new Fields();
  const length = bytes.length;
  let reasons: Array<{ metric: Metric; reason: InvalidReason }> | undefined;
  let row = 0;
  let pos = begin;

  const lines = new LineScanner(bytes, length, delim, crEnds, fields, file);
  while (pos < length) {
    const start = pos;
    pos = lines.next(pos, true, row);
    const end = lines.end;

    if (pos - end === 2) kinds.crlf++;
    else if (pos - end === 1) {
      if (bytes[end] === LF) kinds.lf++;
      else kinds.cr++;
    }
    lineStart.push(start);
    lineEnd.push(end);
    fieldCount.push(fields.count);
    const layout = collector?.resolvedLayout;
    if (onRow || !layout) {
      const cells = new Array<string>(fields.count);
      for (let i = 0; i < fields.count; i++) cells[i] = fieldText(bytes, fields, i);
      collector?.add(row, cells);
      onRow?.(row, cells);
    } else {
      // The fast path: only the metric fields (and the ID) are decoded.
      let last = fields.count - 1;
      while (last >= 0 && fieldEmpty(bytes, fields, last)) last--;
      if (last >= 0) {
        const cols = layout.columns;
        reasons = undefined;
        let r = NaN;
        let f = NaN;
        let m = NaN;
        for (let k = 0; k < 3; k++) {
          const metric = METRIC_ORDER[k];
          const c = cols[metric];
          let v = c < fields.count && !fields.escaped[c] ? fastNumber(bytes, fields.start[c], fields.end[c]) : -1;
          if (v < 0) {
            const p = parseCell(c < fields.count ? fieldText(bytes, fields, c) : undefined);
            if (p.ok) v = p.value;
            else {
              v = NaN;
              (reasons ??= []).push({ metric, reason: p.reason });
            }
          }
          if (k === 0) r = v;
          else if (k === 1) f = v;
          else m = v;
        }
        const id: CellValue =
          collector.keepsIds && layout.id! < fields.count ? fieldText(bytes, fields, layout.id!) : undefined;
        collector.addValues(row, r, f, m, last, reasons, id);
      }
    }
    row++;
  }
  // Mixed line endings: the output uses the one most lines use (CRLF on a tie), as src/cli/lineBreaks.ts.
  const mixed = (kinds.crlf > 0 ? 1 : 0) + (kinds.lf > 0 ? 1 : 0) + (kinds.cr > 0 ? 1 : 0) > 1;
  let outNewline = newline;
  if (mixed) {
    if (kinds.crlf >= kinds.lf && kinds.crlf >= kinds.cr) outNewline = '\r\n';
    else outNewline = kinds.cr > kinds.lf ? '\r' : '\n';
  }
  return {
    bytes,
    begin,
    bom,
    delimiter,
    newline: outNewline,
    lineStart: lineStart.toArray(),
    lineEnd: lineEnd.toArray(),
    fieldCount: fieldCount.toArray(),
  };
}

/**
 * Text that a spreadsheet would run as a formula when it opens the CSV file (= + - @, and a tab or
 * CR before them): OWASP's "CSV injection" advice is to prefix such cells with ' and quote them.
 * Only text cells are neutralised, never numbers (-5 stays -5). docs/limits.md, "Formula injection".
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** Papa Parse's delimiter guess on the first lines (line endings unified for the guess). */
export function guessDelimiter(text: string): string {
  const head = text.slice(0, 1 << 16).replace(/\r\n?/g, '\n');
  return Papa.parse<string[]>(head, { preview: 10, newline: '\n' }).meta.delimiter || ',';
}

export function field(v: string | number | null, delimiter: string): string {
  if (v === null) return '';
  const s = String(v);
  if (typeof v === 'string' && FORMULA_START.test(s)) return `"'${s.replace(/"/g, '""')}"`;
  return s.includes(delimiter) || /["\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

const CHUNK = 4 << 20;

/** Output bytes gathered in large buffers and written to an open file descriptor. */
class ChunkWriter {
  private buf = Buffer.allocUnsafe(CHUNK);
  private pos = 0;

  constructor(private readonly fd: number) {}

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) this.buf = Buffer.allocUnsafe(n);
  }

  bytes(src: Uint8Array, s: number, e: number): void {
    this.room(e - s);
    if (e - s > 256) {
      this.buf.set(src.subarray(s, e), this.pos);
      this.pos += e - s;
      return;
    }
    // Short runs (a customer's line) byte by byte: cheaper than a native copy call per line.
    const buf = this.buf;
    let pos = this.pos;
    for (let p = s; p < e; p++) buf[pos++] = src[p];
    this.pos = pos;
  }

  text(s: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.room(3 * s.length);
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  flush(): void {
    let off = 0;
    while (off < this.pos) off += writeSync(this.fd, this.buf, off, this.pos - off);
    this.pos = 0;
  }
}

/**
 * Write the output CSV to `file`: every input line's bytes as they were, the header and data rows
 * with the output cells appended, lines joined by the input's line break.
 */
export async function writeScoredCsv(file: string, src: CsvSource, sheet: ScoredSheet): Promise<void> {
  const fd = openSync(file, 'w');
  try {
    const out = new ChunkWriter(fd);
    if (src.bom) out.text('\uFEFF');
    const { output, startColumn, dataRows, headerRow, result } = sheet;
    const d = src.delimiter;
    const nl = src.newline;
    const newline = Buffer.from(nl, 'utf8');
    const numberText = new Map<number, string>();
    const stringText = new Map<string, string>();
    const cellText = (v: string | number | null): string => {
      if (v === null) return '';
      const cache = typeof v === 'number' ? numberText : stringText;
      let s = (cache as Map<string | number, string>).get(v);
      if (s === undefined) {
        s = field(v, d);
        (cache as Map<string | number, string>).set(v, s);
      }
      return s;
    };
    const columns = output.columns.length;
    // The usual columns (scores, RFM score, grade) depend only on the three scores: their text is
    // made once per score combination when the scores are small integers.
    const byScores = output.columns.every((c) => c === 'r' || c === 'f' || c === 'm' || c === 'rfm' || c === 'grade');
    const appended = new Map<number, Uint8Array>();
    const { r: sr, f: sf, m: sm } = result.scores;
    const tail = (i: number): Uint8Array => {
      let key = -1;
      if (byScores && result.grade[i] >= 0) {
        const a = sr[i];
        const b = sf[i];
        const c = sm[i];
        if (a >= 0 && a < 128 && b >= 0 && b < 128 && c >= 0 && c < 128 && (a | 0) === a && (b | 0) === b && (c | 0) === c) {
          key = (a << 14) | (b << 7) | c;
          const hit = appended.get(key);
          if (hit !== undefined) return hit;
        }
      }
      let s = '';
      for (let c = 0; c < columns; c++) s += d + cellText(output.cell(i, c));
      const bytes = Buffer.from(s + nl, 'utf8');
      if (key >= 0) appended.set(key, bytes);
      return bytes;
    };

    let dataIndex = 0;
    const rows = src.fieldCount.length;
    for (let i = 0; i < rows; i++) {
      const isHeader = i === headerRow;
      const isData = !isHeader && dataIndex < dataRows.length && dataRows[dataIndex] === i;
      const s = src.lineStart[i];
      const e = src.lineEnd[i];
      if (!isHeader && !isData) {
        out.bytes(src.bytes, s, e);
        out.bytes(newline, 0, newline.length);
        continue;
      }
      const count = src.fieldCount[i];
      if (count > startColumn) {
        // Fields beyond the table (empty ones, or a previous run's output): rewrite the kept fields.
        const line = src.bytes.toString('utf8', s, e);
        const kept = Papa.parse<string[]>(line, { delimiter: d }).data[0].slice(0, startColumn);
        out.text(Papa.unparse([kept], { delimiter: d, newline: nl }));
      } else {
        out.bytes(src.bytes, s, e);
        if (count < startColumn) out.text(d.repeat(startColumn - count));
      }
      if (isHeader) out.text(d + output.headers.map((h) => field(h, d)).join(d) + nl);
      else {
        const t = tail(dataIndex++);
        out.bytes(t, 0, t.length);
      }
    }
    out.flush();
  } finally {
    closeSync(fd);
  }
}
