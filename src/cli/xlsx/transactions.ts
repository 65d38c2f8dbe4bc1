/**
 * `rfm-score SALES.xlsx --transactions …` on the streaming xlsx path (docs/xlsx.md "Sales records
 * in a workbook", docs/transactions.md): the sales sheet is read row by row by the streaming reader
 * into the aggregator (which keeps only its customer, date, amount and order columns), so the
 * workbook is never loaded whole. The per-customer sheet, the parameters sheet and `--summary`'s and
 * `--previous`'s sheets are made with exceljs in a workbook of their own (as on the exceljs route:
 * the same fill functions) and added to the package as new parts — registered in the workbook part,
 * its relationships and the content types; `styles.xml` gets their formats appended. Every other
 * input part is copied byte for byte. CSV output writes the per-customer table alone.
 */
import { promises as fs } from 'node:fs';
import {
  buildRunRecord,
  describeInvalid,
  describeTxInvalid,
  formatCivilDay,
  invalidAddress,
  parametersSheet,
  RfmError,
  scoreCustomers,
  TransactionAggregator,
  txInvalidAddress,
  customerTable,
  type TxOptions,
} from '../../core';
import { t, type Lang } from '../../i18n';
import { colon } from '../../i18n/format';
import { writeOutputFile } from '../atomic';
import { checkFiles } from '../files';
import { checkWorkbookCells } from '../limits';
import type { Io } from '../main';
import type { CliOptions } from '../options';
import { writeParamsSheet } from '../paramsSheet';
import { addMigrationSheet, comparePeriods, migrationReportLines, readPeriods, runRef, scaleReportLines } from '../periods';
import { reportLines } from '../report';
import { addSummarySheet, uniqueSheetName } from '../summarySheet';
import { addListSheets, checkListFiles, listReportLines, planLists, withListFiles } from '../lists';
import { customerCsv, fillCustomerSheet, transactionReportLines } from '../transactions';
import { version } from '../version';
import { newWorkbook } from '../xlsxFile';
import { dateStyles, openPackage, pickSheetInfo, readSharedStrings, REL_TYPE } from './package';
import { allSheetNames } from './score';
import { readSheetRows, type SheetContext } from './sheetReader';
import { CT, PackagePlan, spliceSheets } from './splice';
import { MINIMAL_STYLES, StyleBook } from './styles';
import { parseXml, relsPartOf, serialize } from './xml';
import { writeZip, type OutEntry } from './zip';

/** Rows of an xlsx sheet, the header included (Excel's limit). */
const XLSX_MAX_ROWS = 1_048_576;

export async function runTransactionsXlsx(o: CliOptions, options: TxOptions, io: Io): Promise<void> {
  const { outFormat } = await checkFiles(o);
  const lang: Lang = o.lang;
  if (o.summary && outFormat !== 'xlsx') throw new RfmError('cli.summaryNeedsXlsx');
  if (o.formulas) throw new RfmError('tx.noFormulas');
  if (o.previous !== undefined && outFormat !== 'xlsx') throw new RfmError('period.previousNeedsXlsx');
  const pkg = await openPackage(o.input);
  try {
    const info = pickSheetInfo(pkg, o.sheet);
    const stylesDoc = pkg.stylesPart
      ? parseXml(await pkg.zip.text(pkg.stylesPart), pkg.file, pkg.stylesPart)
      : parseXml(MINIMAL_STYLES, pkg.file, 'styles.xml');
    const ctx: SheetContext = { pkg, strings: await readSharedStrings(pkg), dates: dateStyles(stylesDoc.root) };

    // The sales sheet, one row at a time: the aggregator keeps its columns of each row, nothing else.
    const aggregator = new TransactionAggregator(options);
    await readSheetRows(ctx, info.part, (i, cells) => aggregator.add(i, cells));
    const { customers, report } = aggregator.finish();
    const where = t(lang, 'cli.report.sheet', { sheet: info.name, file: o.input });

    // The checks and messages of the exceljs route (src/cli/transactions.ts), in its order.
    if (report.rows === 0) throw new RfmError('tx.noRows');
    if (report.validRows === 0) {
      const cell = report.invalid[0];
      throw new RfmError('tx.noValidRows', { first: `${txInvalidAddress(cell)}${colon(lang)}${describeTxInvalid(cell, lang, report)}` });
    }
    if (customers.length === 0) {
      throw new RfmError('tx.noPurchases', { since: formatCivilDay(report.since ?? report.firstDate!), asOf: formatCivilDay(report.asOf!) });
    }
    const overflow = customers.find((c) => !Number.isFinite(c.m));
    if (overflow) throw new RfmError('limits.amountOverflow', { customer: overflow.customer, file: o.input });
    if (outFormat === 'xlsx' && customers.length >= XLSX_MAX_ROWS) throw new RfmError('tx.tooManyForXlsx', { count: customers.length });

    const periods = await readPeriods(o, lang, t(lang, 'tx.sheetName'));
    const scheme = periods.scheme;
    const sheet = scoreCustomers(customers, scheme, lang, o.insight, { scale: periods.scaleRun?.record.scale });
    if (sheet.result.n === 0) {
      const bad = sheet.result.invalid[0];
      throw new RfmError('layout.noValidRows', { first: `${invalidAddress(sheet, bad.row, bad.metric)}${colon(lang)}${describeInvalid(bad, lang)}` });
    }

    // The new sheets' workbook holds every input sheet's name, so the new names are free in the output.
    const wb = outFormat === 'xlsx' ? newWorkbook() : undefined;
    if (wb) {
      // Dates are written as serial numbers in the input's date system.
      if (pkg.date1904) wb.properties.date1904 = true;
      for (const name of allSheetNames(pkg)) {
        try {
          wb.addWorksheet(name);
        } catch {
          // A name exceljs refuses can't collide with the names it makes.
        }
      }
    }
    const sheetName = wb ? uniqueSheetName(wb, t(lang, 'tx.sheetName')) : undefined;
    const outWhere = sheetName ? t(lang, 'cli.report.sheet', { sheet: sheetName, file: o.out }) : o.out;
    comparePeriods(o, periods, sheet, outWhere, lang, false);
    const table = customerTable(customers, sheet);
    // --list (docs/lists.md): unknown names stop the run here, before anything is written.
    const lists = planLists(o, sheet, scheme, lang);
    await checkListFiles(o, lists);

    let summaryName: string | undefined;
    let paramsName: string | undefined;
    let migrationName: string | undefined;
    if (!wb || !sheetName) {
      await withListFiles(lists, {}, () => writeOutputFile(o.out, (temp) => fs.writeFile(temp, customerCsv(table, o.out), 'utf8')));
    } else {
      const ws = wb.addWorksheet(sheetName);
      fillCustomerSheet(ws, table, table.headers.length - sheet.output.headers.length + sheet.output.columns.indexOf('rfm'));
      paramsName = uniqueSheetName(wb, t(lang, 'formula.sheetName'));
      const paramsWs = wb.addWorksheet(paramsName);
      if (o.summary) summaryName = addSummarySheet(wb, sheet, scheme, lang, o.insight.followUp);
      const listNames = addListSheets(wb, lists, lang);
      if (periods.migration) migrationName = addMigrationSheet(wb, periods.migration.sheet, lang);
      const record = buildRunRecord({
        sheet,
        scheme,
        lang,
        version: version(),
        tool: 'rfm-score --transactions',
        input: { file: o.input, sheet: info.name },
        outputSheet: sheetName,
        segments: o.insight.segments,
        followUp: o.insight.followUp,
        frozen: periods.scaleRun ? { scale: periods.scaleRun.record.scale, from: runRef(periods.scaleRun) } : undefined,
        previous: periods.previousRun ? runRef(periods.previousRun) : undefined,
      });
      writeParamsSheet(paramsWs, parametersSheet(record));
      checkWorkbookCells(wb, o.out);

      const plan = new PackagePlan(pkg);
      await plan.readTables();
      const styles = new StyleBook(stylesDoc.root);
      const added = [sheetName, paramsName, ...(summaryName ? [summaryName] : []), ...listNames, ...(migrationName ? [migrationName] : [])];
      await spliceSheets(wb, added, plan, styles, new Map());
      let stylesPart = pkg.stylesPart;
      if (!stylesPart) {
        const folder = pkg.workbookPart.slice(0, pkg.workbookPart.lastIndexOf('/') + 1);
        stylesPart = pkg.zip.has(`${folder}styles.xml`) ? plan.freeName(folder.replace(/\/$/, ''), 'styles', 'xml') : `${folder}styles.xml`;
        plan.workbookRel(REL_TYPE.styles, stylesPart);
        plan.contentType(stylesPart, CT.styles);
        plan.add(stylesPart, '');
      }
      const replaced = new Map(plan.replaced);
      replaced.set(stylesPart, stylesDoc.decl + serialize(stylesDoc.root));
      replaced.set(pkg.workbookPart, pkg.workbook.decl + serialize(pkg.workbook.root));
      replaced.set(relsPartOf(pkg.workbookPart), pkg.workbookRels.decl + serialize(pkg.workbookRels.root));
      replaced.set('[Content_Types].xml', pkg.contentTypes.decl + serialize(pkg.contentTypes.root));
      function* entries(): Generator<OutEntry> {
        for (const name of pkg.zip.order) {
          if (plan.dropped.has(name)) continue;
          if (replaced.has(name)) yield { name, data: replaced.get(name)! };
          else yield { name, chunks: () => pkg.zip.chunks(name) };
        }
        for (const part of plan.added) yield { name: part.name, data: replaced.get(part.name) ?? part.data };
      }
      await withListFiles(lists, {}, () => writeOutputFile(o.out, (temp) => writeZip(temp, entries())));
    }

    for (const line of transactionReportLines(report, lang, where)) io.out(line);
    for (const line of reportLines(sheet, scheme, lang, outWhere)) io.out(line);
    if (periods.scaleRun) for (const line of scaleReportLines(periods.scaleRun, sheet.result, lang)) io.out(line);
    if (sheetName !== undefined) io.out(t(lang, 'tx.report.newSheet', { sheet: sheetName }));
    if (summaryName) io.out(t(lang, 'cli.report.summary', { sheet: summaryName }));
    if (periods.migration && periods.previousRun && migrationName) {
      for (const line of migrationReportLines(periods.migration.result, periods.previousRun, !!periods.scaleRun, scheme, lang, migrationName)) io.out(line);
    }
    if (paramsName) io.out(t(lang, 'period.report.params', { sheet: paramsName }));
    io.out(t(lang, 'cli.report.wrote', { file: o.out }));
    for (const line of listReportLines(lists, lang)) io.out(line);
  } finally {
    pkg.zip.close();
  }
}
