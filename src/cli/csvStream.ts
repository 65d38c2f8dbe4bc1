/**
 * A CSV file streamed row by row, for inputs too large to hold (transactions mode): the file is
 * read in 1 MB chunks, decoded incrementally and parsed by Papa Parse's step mode, so only one
 * chunk and one row are in memory at a time. UTF-8 (a BOM is skipped) is tried first; a file that
 * is not valid UTF-8 is read again as GB 18030/GBK (Excel's "CSV" on Chinese Windows).
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { RfmError } from '../core';
import { guessDelimiter } from './csvFile';
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

/**
 * Hand every physical row of the CSV file to the handler `start()` returns, in order. When the
 * file turns out not to be UTF-8, `start()` is called again for a fresh handler and the file is
 * read again as GB 18030. Resolves to the encoding used.
 */
export async function streamCsv(
  file: string,
  start: () => (index: number, cells: string[]) => void,
): Promise<CsvEncoding> {
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    try {
      await pass(file, encoding, start());
      return encoding;
    } catch (err) {
      if (!(err instanceof NotThisEncoding)) throw err;
    }
  }
  throw new RfmError('cli.csvNotUtf8', { file });
}
