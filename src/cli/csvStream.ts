/**
 * A CSV file streamed row by row, for inputs too large to hold (transactions mode): the file is
 * read in 4 MB chunks, so only a chunk and a row are in memory at a time. UTF-8 (a BOM is skipped)
 * goes through the byte-level scanner (docs/engine.md), which decodes only the fields the handler
 * says it needs; a file that is not valid UTF-8 is read again as GB 18030/GBK (Excel's "CSV" on
 * Chinese Windows), decoded incrementally and parsed by Papa Parse's step mode.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { RfmError } from '../core';
import { fieldEmpty, fieldText, Fields, guessDelimiter, guessFormat, LineScanner } from './csvFile';
import { LineBreakNormalizer } from './lineBreaks';

export type CsvEncoding = 'utf-8' | 'gb18030';

class NotThisEncoding extends Error {}

const CHUNK = 1 << 20;

/**
 * The file's text chunk by chunk, every line break outside quotes as LF (src/cli/lineBreaks.ts), so
 * one stray line ending cannot glue two sales records together.
 */
async function* decodedChunks(file: string, encoding: CsvEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let lines: LineBreakNormalizer | undefined;
  const normalized = (text: string) => (lines ??= new LineBreakNormalizer(guessDelimiter(text))).push(text);
  const input = createReadStream(file, { highWaterMark: CHUNK });
  try {
    for await (const chunk of input) {
      let text: string;
      try {
        text = decoder.decode(chunk as Buffer, { stream: true });
      } catch {
        throw new NotThisEncoding();
      }
      if (text) yield normalized(text);
    }
    let tail: string;
    try {
      tail = decoder.decode();
    } catch {
      throw new NotThisEncoding();
    }
    if (tail) yield normalized(tail);
  } finally {
    input.destroy();
  }
}

function pass(file: string, encoding: CsvEncoding, onRow: (index: number, cells: string[]) => void): Promise<void> {
  const source = Readable.from(decodedChunks(file, encoding));
  return new Promise<void>((resolve, reject) => {
    let index = 0;
    let failure: unknown;
    let settled = false;
    const settle = (err?: unknown) => {
      if (settled) return;
      settled = true;
      source.destroy();
      if (err) reject(err);
      else resolve();
    };
    Papa.parse<string[]>(source, {
      newline: '\n',
      step: (res, parser) => {
        if (settled || failure) return;
        try {
          const quoteError = res.errors.find((e) => e.type === 'Quotes');
          if (quoteError) throw new RfmError('cli.csvBroken', { file, row: index + 1, detail: quoteError.message });
          onRow(index++, res.data);
        } catch (err) {
          failure = err;
          parser.abort();
          settle(err);
        }
      },
      complete: () => settle(failure),
      error: (err: unknown) => settle(err),
    });
  });
}

/** The fields a row handler reads (undefined: all of them), asked again on every row. */
export type WantedColumns = () => readonly number[] | undefined;

/**
 * A record's fields as byte ranges of `bytes`, for a handler that reads them itself (the sales-record
 * fast path, docs/engine.md); false when it did not take the record, which then goes to the row
 * handler as cells.
 */
export type FieldsHandler = (index: number, bytes: Buffer, fields: Fields) => boolean;

const BYTE_CHUNK = 4 << 20;

/**
 * The UTF-8 pass with the byte-level scanner: each row's wanted fields decoded, the others left
 * empty — unless all the wanted ones are empty, when the whole row is decoded (so a row with text
 * only elsewhere is still seen as not empty).
 */
function bytePass(file: string, onRow: (index: number, cells: string[]) => void, wanted: WantedColumns, onFields?: FieldsHandler): void {
  const fd = openSync(file, 'r');
  try {
    let buf = Buffer.allocUnsafe(BYTE_CHUNK);
    let have = 0;
    let pos = 0;
    let validated = 0;
    let eof = false;
    let row = 0;
    let scanner: LineScanner | undefined;
    let format: { delimiter: string; newline: string } | undefined;
    const fields = new Fields();
    const cells: string[] = [];
    for (;;) {
      if (!eof) {
        if (have === buf.length) {
          const bigger = Buffer.allocUnsafe(buf.length * 2);
          buf.copy(bigger, 0, 0, have);
          buf = bigger;
        }
        const n = readSync(fd, buf, have, buf.length - have, null);
        if (n === 0) eof = true;
        have += n;
      }
      if (!format) {
        if (have >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = validated = 3;
        format = guessFormat(buf.subarray(0, have), pos);
      }
      // Check UTF-8 up to the last ASCII byte (always the end of a character).
      let boundary = have;
      if (!eof) while (boundary > validated && buf[boundary - 1] >= 0x80) boundary--;
      if (!isUtf8(buf.subarray(validated, boundary))) throw new NotThisEncoding();
      validated = boundary;

      const view = buf.subarray(0, have);
      scanner = new LineScanner(view, have, format.delimiter.charCodeAt(0), true, fields, file);
      while (pos < have) {
        const next = scanner.next(pos, eof, row);
        if (next < 0) break;
        if (onFields?.(row, view, fields)) {
          row++;
          pos = next;
          continue;
        }
        const want = wanted();
        let some = false;
        if (want) {
          cells.length = fields.count;
          cells.fill('');
          for (const c of want) {
            if (c < fields.count && !fieldEmpty(view, fields, c)) {
              cells[c] = fieldText(view, fields, c);
              some = true;
            } else if (c < fields.count) cells[c] = fieldText(view, fields, c);
          }
        }
        if (!some) {
          cells.length = fields.count;
          for (let i = 0; i < fields.count; i++) cells[i] = fieldText(view, fields, i);
        }
        onRow(row++, cells);
        pos = next;
      }
      if (eof && pos >= have) return;
      // Keep the unfinished line for the next read.
      buf.copy(buf, 0, pos, have);
      have -= pos;
      validated -= pos;
      pos = 0;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Hand every physical row of the CSV file to the handler `start()` returns, in order (in a UTF-8
 * file, first to `onFields` as byte ranges, when given). When the file turns out not to be UTF-8, `start()` is called again for a fresh handler and the file is
 * read again as GB 18030. Resolves to the encoding used.
 */
export async function streamCsv(
  file: string,
  start: () => (index: number, cells: string[]) => void,
  wanted?: WantedColumns,
  onFields?: FieldsHandler,
): Promise<CsvEncoding> {
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    try {
      if (encoding === 'utf-8' && wanted) bytePass(file, start(), wanted, onFields);
      else await pass(file, encoding, start());
      return encoding;
    } catch (err) {
      if (!(err instanceof NotThisEncoding)) throw err;
    }
  }
  throw new RfmError('cli.csvNotUtf8', { file });
}
