/**
 * CSV in and out with Papa Parse: quotes, embedded newlines, delimiter and line-break detection.
 * A UTF-8 byte-order mark is kept if the input had one (Excel needs it to read Chinese headers);
 * GB 18030/GBK input (Excel's "CSV" on Chinese Windows) is read too and written back as UTF-8 with a BOM.
 */
import { promises as fs } from 'node:fs';
import Papa from 'papaparse';
import { RfmError } from '../core';

export interface CsvDocument {
  rows: string[][];
  bom: boolean;
  delimiter: string;
  newline: string;
}

export async function readCsv(file: string): Promise<CsvDocument> {
  const buffer = await fs.readFile(file);
  const bom = buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
  let text = buffer.toString('utf8', bom ? 3 : 0);
  let gb18030 = false;
  if (text.includes('\uFFFD')) {
    // Excel on Chinese Windows saves "CSV" in the ANSI code page (GBK); GB 18030 is its superset.
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(buffer);
      gb18030 = true;
    } catch {
      throw new RfmError('cli.csvNotUtf8', { file });
    }
  }
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new RfmError('cli.csvBroken', { file, row: (fatal.row ?? 0) + 1, detail: fatal.message });
  const rows = parsed.data;
  // A final line break yields one empty record at the end: not a row of the table.
  while (rows.length && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '') rows.pop();
  // Output is always UTF-8; a GB 18030 input gets a BOM so Excel still reads the Chinese text.
  return { rows, bom: bom || gb18030, delimiter: parsed.meta.delimiter || ',', newline: parsed.meta.linebreak || '\n' };
}

export function csvText(doc: CsvDocument): string {
  const body = Papa.unparse(doc.rows, { delimiter: doc.delimiter, newline: doc.newline, quotes: false });
  return (doc.bom ? '\uFEFF' : '') + body + doc.newline;
}

export async function writeCsv(file: string, doc: CsvDocument): Promise<void> {
  await fs.writeFile(file, csvText(doc), 'utf8');
}
