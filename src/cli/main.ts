/**
 * `rfm-score` (SPEC.md 7): read an xlsx or csv file, score the table with the shared engine, write
 * the input plus the output columns atomically to --out. Exit 0 done, 2 bad input, 1 unexpected.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { RfmError, type CellValue } from '../core';
import { t, type Lang } from '../i18n';
import { writeAtomically } from './atomic';
import { readCsv, writeCsv, type CsvDocument } from './csvFile';
import { parseCommand, type CliOptions } from './options';
import { reportLines } from './report';
import { scoreSheet, type ScoredSheet } from './table';
import { newWorkbook, pickSheet, readWorkbook, sheetRows, writeWorkbook, type Workbook, type Worksheet } from './xlsxFile';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

type Format = 'xlsx' | 'csv';

function formatOf(file: string): Format | undefined {
  const ext = path.extname(file).toLowerCase();
  return ext === '.xlsx' ? 'xlsx' : ext === '.csv' ? 'csv' : undefined;
}

async function checkFiles(o: CliOptions): Promise<{ inFormat: Format; outFormat: Format }> {
  const inFormat = formatOf(o.input);
  const outFormat = formatOf(o.out);
  let stat;
  try {
    stat = await fs.stat(o.input);
  } catch {
    throw new RfmError('cli.inputMissing', { file: o.input });
  }
  if (!stat.isFile()) throw new RfmError('cli.inputNotFile', { file: o.input });
  if (!inFormat) throw new RfmError('cli.badInputType', { file: o.input });
  if (!outFormat) throw new RfmError('cli.badOutputType', { file: o.out });
  const realIn = await fs.realpath(o.input);
  const realOut = await fs.realpath(o.out).catch(() => path.resolve(o.out));
  if (realIn === realOut) throw new RfmError('cli.outIsInput', { file: o.out });
  if (inFormat === 'csv' && o.sheet !== undefined) throw new RfmError('cli.sheetWithCsv', { file: o.input });
  return { inFormat, outFormat };
}

/** Text of a cell for CSV output. */
function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().replace(/T00:00:00\.000Z$/, '').replace(/\.000Z$/, 'Z');
  if (typeof v === 'object') return v.error;
  return String(v);
}

/** A CSV cell for xlsx output: plain numbers become numbers, everything else stays text. */
function csvCellForXlsx(text: string): string | number | null {
  if (text === '') return null;
  return /^-?(?:\d+|\d*\.\d+)$/.test(text) && Number.isFinite(Number(text)) ? Number(text) : text;
}

/** Put the output columns into CSV rows (in place). */
function fillCsvRows(rows: string[][], sheet: ScoredSheet): void {
  const { output, startColumn, replacedColumns } = sheet;
  const width = output.columns.length;
  const clearTo = startColumn + Math.max(width, replacedColumns);
  const place = (row: string[], values: (string | number | null)[]) => {
    while (row.length < startColumn) row.push('');
    for (let c = startColumn; c < Math.min(row.length, clearTo); c++) row[c] = '';
    values.forEach((v, i) => (row[startColumn + i] = v === null ? '' : String(v)));
    while (row.length > startColumn && row.length > startColumn + width && row[row.length - 1] === '') row.pop();
  };
  if (sheet.headerRow >= 0) place(rows[sheet.headerRow], output.headers);
  sheet.dataRows.forEach((physical, i) => {
    const row = rows[physical] ?? (rows[physical] = []);
    place(row, output.columns.map((_, c) => output.cell(i, c)));
  });
}

/** Put the output columns into a worksheet: values, bold headers, 0.00 for the RFM score. */
function fillWorksheet(ws: Worksheet, sheet: ScoredSheet): void {
  const { output, startColumn, replacedColumns } = sheet;
  for (let c = 0; c < replacedColumns; c++) {
    const col = ws.getColumn(startColumn + c + 1);
    col.eachCell({ includeEmpty: false }, (cell) => {
      cell.value = null;
    });
  }
  if (sheet.headerRow >= 0) {
    output.headers.forEach((h, c) => {
      const cell = ws.getCell(sheet.headerRow + 1, startColumn + c + 1);
      cell.value = h;
      cell.font = { ...(cell.font ?? {}), bold: true };
    });
  }
  const rfm = output.columns.indexOf('rfm');
  sheet.dataRows.forEach((physical, i) => {
    const row = ws.getRow(physical + 1);
    output.columns.forEach((_, c) => {
      const v = output.cell(i, c);
      const cell = row.getCell(startColumn + c + 1);
      cell.value = v;
      if (c === rfm && v !== null) cell.numFmt = '0.00';
    });
  });
}

function sheetNameFor(file: string): string {
  const base = path.basename(file, path.extname(file)).replace(/[\\/?*[\]:]/g, '_').slice(0, 31);
  return base || 'Sheet1';
}

async function score(o: CliOptions, io: Io): Promise<void> {
  const { inFormat, outFormat } = await checkFiles(o);
  const lang = o.lang;
  let rows: CellValue[][];
  let csv: CsvDocument | undefined;
  let wb: Workbook | undefined;
  let ws: Worksheet | undefined;
  let where: string;
  if (inFormat === 'csv') {
    csv = await readCsv(o.input);
    rows = csv.rows;
    where = o.input;
  } else {
    wb = await readWorkbook(o.input);
    ws = pickSheet(wb, o.sheet, o.input);
    rows = sheetRows(ws);
    where = t(lang, 'cli.report.sheet', { sheet: ws.name, file: o.input });
  }

  const sheet = scoreSheet(rows, o.layout, o.scheme, lang);

  await writeAtomically(o.out, async (temp) => {
    if (outFormat === 'csv') {
      const doc: CsvDocument = csv ?? {
        rows: rows.map((r) => r.map(cellText)),
        bom: true,
        delimiter: ',',
        newline: '\r\n',
      };
      fillCsvRows(doc.rows, sheet);
      await writeCsv(temp, doc);
    } else {
      if (!wb || !ws) {
        wb = newWorkbook();
        ws = wb.addWorksheet(sheetNameFor(o.input));
        for (const r of csv!.rows) ws.addRow(r.map(csvCellForXlsx));
      }
      fillWorksheet(ws, sheet);
      await writeWorkbook(wb, temp);
    }
  }).catch((err: NodeJS.ErrnoException) => {
    if (err instanceof RfmError) throw err;
    if (err.code) throw new RfmError('cli.cannotWrite', { file: o.out, detail: err.message });
    throw err;
  });

  for (const line of reportLines(sheet, rows, o.scheme, lang, where)) io.out(line);
  if (sheet.replacedColumns) io.out(t(lang, 'cli.report.rerun', { count: sheet.replacedColumns }));
  if (inFormat === 'xlsx' && outFormat === 'csv' && wb && wb.worksheets.length > 1) {
    io.out(t(lang, 'cli.report.csvOnlyScoredSheet', { sheet: ws!.name }));
  }
  io.out(t(lang, 'cli.report.wrote', { file: o.out }));
}

function langHint(argv: string[]): Lang {
  const i = argv.indexOf('--lang');
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  return v === 'zh' ? 'zh' : 'en';
}

function version(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(path.join(__dirname, '..', '..', '..', 'package.json')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Run the command; resolves to the exit code. Never throws. */
export async function run(argv: string[], io: Io = processIo): Promise<number> {
  const lang = langHint(argv);
  try {
    const command = parseCommand(argv);
    if (command.kind === 'help') {
      io.out(t(command.lang, 'cli.usage'));
      return 0;
    }
    if (command.kind === 'version') {
      io.out(version());
      return 0;
    }
    await score(command.options, io);
    return 0;
  } catch (err) {
    if (err instanceof RfmError) {
      io.err(`rfm-score: ${err.localized(lang)}`);
      return 2;
    }
    if (process.env.RFM_DEBUG) io.err((err as Error).stack ?? String(err));
    io.err(`rfm-score: ${t(lang, 'cli.unexpected', { detail: (err as Error).message ?? String(err) })}`);
    return 1;
  }
}

if (require.main === module) {
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
