/**
 * `rfm-score SALES.xlsx --transactions …` on the streaming xlsx path (docs/xlsx.md "Sales records
 * in a workbook", docs/transactions.md): the sales sheet is read row by row by the streaming reader
 * into the aggregator (which keeps only its customer, date, amount and order columns), so the
 * workbook is never loaded whole. The per-customer sheet, the parameters sheet and `--summary`'s and
 * `--previous`'s sheets are made with exceljs in a workbook of their own (with the fill functions of
 * CSV input, src/cli/transactions.ts) and added to the package as new parts — registered in the workbook part,
 * its relationships and the content types; `styles.xml` gets their formats appended. Every other
 * input part is copied byte for byte. CSV output writes the per-customer table alone.
 */
import { promises as fs } from 'node:fs';
import { TransactionAggregator, customerTable, type TxOptions } from '../../core';
import { t, type Lang } from '../../i18n';
import { writeOutputFile } from '../atomic';
import { checkFiles } from '../files';
import type { Io } from '../main';
import type { CliOptions } from '../options';
import { comparePeriods } from '../periods';
import { uniqueSheetName } from '../summarySheet';
import { checkListFiles, planLists, withListFiles } from '../lists';
import { addTxSheets, checkTxOptions, customerCsv, scoreAggregated, txReportLines } from '../transactions';
import { newWorkbook } from '../xlsxFile';
import { dateStyles, openPackage, pickSheetInfo, readSharedStrings } from './package';
import { allSheetNames } from './score';
import { readSheetRows, type SheetContext } from './sheetReader';
import { PackagePlan, packageEntries, spliceSheets } from './splice';
import { MINIMAL_STYLES, StyleBook } from './styles';
import { parseXml } from './xml';
import { writeZip } from './zip';

export async function runTransactionsXlsx(o: CliOptions, options: TxOptions, io: Io): Promise<void> {
  const { outFormat } = await checkFiles(o);
  const lang: Lang = o.lang;
  checkTxOptions(o, outFormat);
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
    const result = aggregator.finish();
    const { customers, report } = result;
    const where = t(lang, 'cli.report.sheet', { sheet: info.name, file: o.input });
    const { periods, scheme, sheet } = await scoreAggregated(o, result, outFormat);

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

    let added: ReturnType<typeof addTxSheets> | undefined;
    if (!wb || !sheetName) {
      await withListFiles(lists, {}, () => writeOutputFile(o.out, (temp) => fs.writeFile(temp, customerCsv(table, o.out), 'utf8')));
    } else {
      added = addTxSheets(o, wb, sheetName, { sheet, scheme, periods, table, lists, inputSheet: info.name });

      const plan = new PackagePlan(pkg);
      await plan.readTables();
      const styles = new StyleBook(stylesDoc.root);
      const names = [sheetName, added.paramsName, ...(added.summaryName ? [added.summaryName] : []), ...added.listNames, ...(added.migrationName ? [added.migrationName] : [])];
      await spliceSheets(wb, names, plan, styles, new Map());
      const entries = packageEntries(plan, stylesDoc);
      await withListFiles(lists, {}, () => writeOutputFile(o.out, (temp) => writeZip(temp, entries())));
    }

    const newSheet = sheetName !== undefined ? t(lang, 'tx.report.newSheet', { sheet: sheetName }) : undefined;
    for (const line of txReportLines(o, { report, where, outWhere, sheet, scheme, periods }, { newSheet, ...added, lists })) io.out(line);
  } finally {
    pkg.zip.close();
  }
}
