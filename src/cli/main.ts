/**
 * `rfm-score` (SPEC.md 7): read an xlsx or csv file, score the table with the shared engine, write
 * the input plus the output columns atomically to --out. Exit 0 done, 2 bad input, 1 unexpected.
 */
import * as path from 'node:path';
import {
  formulaColumnKeys,
  parametersSheet,
  RfmError,
  TableCollector,
  type ScoredSheet,
} from '../core';
import { t, type Lang } from '../i18n';
import { colon } from '../i18n/format';
import { writeOutputFile } from './atomic';
import { scanCsv, writeScoredCsv } from './csvFile';
import { checkFiles, formatOf } from './files';
import { checkCsvSize, checkOutputColumns, checkWorkbookCells, xlsxRowCheck } from './limits';
import { parseCommand, type CliOptions } from './options';
import { runTransactions } from './transactions';
import { runSql } from './sql';
import { mapWarnings, runSegmentMapCommand } from './segmentMap';
import { addSummarySheet } from './summarySheet';
import { addListSheets, listReportLines, withListFiles } from './lists';
import { addFormulas, paramsWithHelperNote } from './formulaSheet';
import { claimParamsSheet, writeParamsSheet } from './paramsSheet';
import { addMigrationSheet, cliRunRecord, readPeriods, runReportLines, scoreCollected, type Periods } from './periods';
import { version } from './version';
import { newWorkbook, writeWorkbook, type Worksheet } from './xlsxFile';
import { scoreXlsxStream } from './xlsx/score';
import { scoreXlsxToCsv } from './xlsx/csvOut';
import { runTransactionsXlsx } from './xlsx/transactions';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** A CSV cell for xlsx output: plain numbers become numbers, everything else stays text. */
function csvCellForXlsx(text: string): string | number | null {
  if (text === '') return null;
  return /^-?(?:\d+|\d*\.\d+)$/.test(text) && Number.isFinite(Number(text)) ? Number(text) : text;
}

/** Put the output columns into a worksheet: values, bold headers, 0.00 for the RFM score. */
function fillWorksheet(ws: Worksheet, sheet: ScoredSheet): void {
  const { output, startColumn, replacedColumns } = sheet;
  for (let c = 0; c < replacedColumns; c++) {
    ws.getColumn(startColumn + c + 1).eachCell({ includeEmpty: false }, (cell) => {
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
  // xlsx to xlsx streams the package (docs/xlsx.md), --formulas included (docs/formulas.md).
  if (inFormat === 'xlsx' && outFormat === 'xlsx') return scoreXlsxStream(o, io);
  const lang = o.lang;
  if (o.summary && outFormat !== 'xlsx') throw new RfmError('cli.summaryNeedsXlsx');
  if (o.formulas && outFormat !== 'xlsx') throw new RfmError('formula.needsXlsx');
  if (o.previous !== undefined && outFormat !== 'xlsx') throw new RfmError('period.previousNeedsXlsx');
  // xlsx to CSV streams the scored sheet too (docs/xlsx.md "xlsx to CSV").
  if (inFormat === 'xlsx' && outFormat === 'csv') return scoreXlsxToCsv(o, io);

  // Here the input is CSV: xlsx input took one of the streaming paths above.
  const outputSheet = sheetNameFor(o.input);
  const periods: Periods = await readPeriods(o, lang, outputSheet);
  const scheme = periods.scheme;
  const collector = new TableCollector(o.layout, { ids: o.previous !== undefined || o.lists.length > 0 });
  const keptRows: string[][] = [];
  // Limits (docs/limits.md): checked before the file is read, and row by row as it is read.
  await checkCsvSize(o.input);
  const fits = outFormat === 'xlsx' ? xlsxRowCheck(o.input, o.out) : undefined;
  const src = await scanCsv(
    o.input,
    collector,
    fits
      ? (i, cells) => {
          fits(i, cells);
          keptRows.push(cells);
        }
      : undefined,
  );
  const where = o.input;
  const { sheet, lists } = await scoreCollected(o, collector, periods, where);
  if (outFormat === 'xlsx') {
    const columns = o.formulas ? formulaColumnKeys(!!o.insight.segments, !!o.insight.followUp).length : undefined;
    checkOutputColumns(sheet, o.input, o.out, columns);
  }

  let paramsName: string | undefined;
  let summaryName: string | undefined;
  let migrationName: string | undefined;
  const produce: (temp: string) => Promise<void> =
    outFormat === 'csv'
      ? (temp) => writeScoredCsv(temp, src, sheet)
      : async (temp) => {
          const wb = newWorkbook();
          const ws = wb.addWorksheet(outputSheet);
          keptRows.forEach((cells, i) => {
            ws.getRow(i + 1).values = cells.map(csvCellForXlsx);
          });
          // One parameters sheet per scored sheet (docs/periods.md).
          const paramsWs = claimParamsSheet(wb, ws.name, lang);
          paramsName = paramsWs.name;
          const fx = o.formulas ? addFormulas(wb, ws, sheet, scheme, lang, o.insight, paramsWs.name) : undefined;
          if (!fx) fillWorksheet(ws, sheet);
          if (o.summary) summaryName = addSummarySheet(wb, sheet, scheme, lang, o.insight.followUp);
          addListSheets(wb, lists, lang);
          if (periods.migration) migrationName = addMigrationSheet(wb, periods.migration.sheet, lang);
          const record = cliRunRecord(o, sheet, scheme, lang, periods, { outputSheet: ws.name, outputColumns: fx?.columns.map((c) => c.key) });
          writeParamsSheet(paramsWs, parametersSheet(record, fx && paramsWithHelperNote(fx)));
          checkWorkbookCells(wb, o.out);
          await writeWorkbook(wb, temp);
        };
  await withListFiles(lists, { newline: src.newline, bom: src.bom }, () => writeOutputFile(o.out, produce));
  const paramsLine = paramsName ? t(lang, o.formulas ? 'formula.report' : 'period.report.params', { sheet: paramsName }) : undefined;
  for (const line of runReportLines({ sheet, scheme, lang, where, periods, out: o.out, summaryName, migrationName, paramsLine })) io.out(line);
  for (const line of listReportLines(lists, lang)) io.out(line);
}

function langHint(argv: string[]): Lang {
  const i = argv.indexOf('--lang');
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  return v === 'zh' ? 'zh' : 'en';
}

/** Run the command; resolves to the exit code. Never throws. */
export async function run(argv: string[], io: Io = processIo): Promise<number> {
  const lang = langHint(argv);
  try {
    const command = parseCommand(argv);
    if (command.kind === 'help') {
      io.out(`${t(command.lang, 'cli.usage')}\n\n${t(command.lang, 'sql.usage')}`);
      return 0;
    }
    if (command.kind === 'version') {
      io.out(version());
      return 0;
    }
    if (command.kind === 'segmentMap') {
      runSegmentMapCommand(command.args, command.lang, io.out);
      return 0;
    }
    if (command.kind === 'sql') await runSql(command.args, io);
    // Sales records in a workbook are read on the streaming xlsx path (docs/xlsx.md).
    else if (command.options.transactions && formatOf(command.options.input) === 'xlsx') await runTransactionsXlsx(command.options, command.options.transactions, io);
    else if (command.options.transactions) await runTransactions(command.options, command.options.transactions, io);
    else await score(command.options, io);
    if (command.kind === 'run') {
      // The segment map's gaps, overlaps and unused rules (docs/segments.md), after the run's report.
      const o = command.options;
      const map = o.insight.segments && o.insight.segments !== true ? o.insight.segments.map : undefined;
      if (o.scaleFrom === undefined) for (const line of mapWarnings(map, o.scheme, o.lang)) io.out(line);
    }
    return 0;
  } catch (err) {
    if (err instanceof RfmError) {
      io.err(`rfm-score${colon(lang)}${err.localized(lang)}`);
      return 2;
    }
    if (process.env.RFM_DEBUG) io.err((err as Error).stack ?? String(err));
    io.err(`rfm-score${colon(lang)}${t(lang, 'cli.unexpected', { detail: (err as Error).message ?? String(err) })}`);
    return 1;
  }
}

/**
 * The command in this thread, as a process: `rfm-score … | head` must not end in an EPIPE stack
 * trace. The package bin runs it in a worker instead (src/cli/signals.ts), so signals stop it at once.
 */
export function main(argv: string[] = process.argv.slice(2)): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  void run(argv).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) main();
