/**
 * `rfm-score IN.xlsx --out OUT.xlsx`: the streaming path (docs/xlsx.md). Two passes over the
 * scored sheet's XML — the first keeps only the header and the R, F, M (and ID) cells of each row
 * for the engine, the second copies the sheet with the output cells put in (values, or with
 * --formulas live formulas: formulas.ts) — and every other part of the package copied as it is.
 * Memory grows with the customers, not the file.
 */
import { columnLetter, formulaColumnKeys, parametersSheet, RfmError, TableCollector, type FormulaSheet, type Scheme, type ScoredSheet } from '../../core';
import { LANGS, t, type Lang } from '../../i18n';
import { writeOutputFile } from '../atomic';
import type { Io } from '../main';
import type { CliOptions } from '../options';
import { writeParamsSheet } from '../paramsSheet';
import { addMigrationSheet, cliRunRecord, readPeriods, runReportLines, scoreCollected } from '../periods';
import { addSummarySheet, uniqueSheetName } from '../summarySheet';
import { addListSheets, listReportLines, withListFiles } from '../lists';
import { newWorkbook } from '../xlsxFile';
import { paramsWithHelperNote } from '../formulaSheet';
import { formulaCells, freeSharedIndex, setFullCalcOnLoad, streamFormulas } from './formulas';
import { dateStyles, openPackage, pickSheetInfo, readSharedStrings, type SheetInfo, type XlsxPackage } from './package';
import { MAX_COLUMNS, readSheetRows, type SheetContext, type UsedRange } from './sheetReader';
import { rewriteSheet, type SheetEdit } from './sheetWriter';
import { PackagePlan, packageEntries, spliceSheets } from './splice';
import { MINIMAL_STYLES, StyleBook } from './styles';
import { parseXml, type XmlElement } from './xml';
import { writeZip } from './zip';

/** This product's parameters sheet for scored sheet `scored` in the input (A1 the title, B3 the sheet's name). */
async function earlierParamsSheet(ctx: SheetContext, scored: SheetInfo): Promise<SheetInfo | undefined> {
  const titles = new Set(LANGS.map((lang) => t(lang, 'formula.title')));
  for (const info of ctx.pkg.sheets) {
    if (info === scored) continue;
    let a1: unknown;
    let b3: unknown;
    await readSheetRows(ctx, info.part, (i, cells) => {
      if (i === 0) a1 = cells[0];
      if (i === 2) b3 = cells[1];
      return i < 2;
    });
    if (typeof a1 === 'string' && titles.has(a1) && b3 === scored.name) return info;
  }
  return undefined;
}

/** Width of an output column: enough for its header (CJK counts double), at least 10. */
function widthOf(header: string): number {
  let w = 0;
  for (const ch of header) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return Math.max(10, w + 2);
}

function dimension(used: UsedRange, sheet: ScoredSheet, columns: number): string {
  const minRow = Math.max(0, used.minRow);
  const minCol = Math.max(0, Math.min(used.minCol < 0 ? 0 : used.minCol, sheet.startColumn));
  const maxCol = Math.max(used.maxCol, sheet.startColumn + columns - 1);
  const maxRow = Math.max(used.maxRow, 0);
  return `${columnLetter(minCol)}${minRow + 1}:${columnLetter(maxCol)}${maxRow + 1}`;
}

/** Every sheet's name in workbook.xml (worksheets, chart sheets, dialog sheets), in tab order. */
export function allSheetNames(pkg: XlsxPackage): string[] {
  const sheets = pkg.workbook.root.children.find((c): c is XmlElement => typeof c !== 'string' && /(^|:)sheets$/.test(c.name));
  return (sheets?.children ?? []).flatMap((c) => (typeof c !== 'string' && c.attrs.name !== undefined ? [c.attrs.name] : []));
}

export async function scoreXlsxStream(o: CliOptions, io: Io): Promise<void> {
  const lang: Lang = o.lang;
  const pkg = await openPackage(o.input);
  try {
    const info = pickSheetInfo(pkg, o.sheet);
    const periods = await readPeriods(o, lang, info.name);
    const scheme: Scheme = periods.scheme;
    const stylesDoc = pkg.stylesPart
      ? parseXml(await pkg.zip.text(pkg.stylesPart), pkg.file, pkg.stylesPart)
      : parseXml(MINIMAL_STYLES, pkg.file, 'styles.xml');
    const ctx: SheetContext = { pkg, strings: await readSharedStrings(pkg), dates: dateStyles(stylesDoc.root) };

    // Pass 1: the engine sees every row once; only the header and the metric (and ID) cells stay.
    const collector = new TableCollector(o.layout, { ids: o.previous !== undefined || o.lists.length > 0 });
    const formulaColumns = new Uint8Array(MAX_COLUMNS + 1);
    const used = await readSheetRows(ctx, info.part, (i, cells) => collector.add(i, cells), formulaColumns);
    const where = t(lang, 'cli.report.sheet', { sheet: info.name, file: o.input });
    const { sheet, lists } = await scoreCollected(o, collector, periods, where);
    const { output } = sheet;
    // --formulas (docs/formulas.md) adds the Check column and three helper columns to the block.
    const count = o.formulas ? formulaColumnKeys(!!o.insight.segments, !!o.insight.followUp).length : output.headers.length;
    if (sheet.startColumn + count > MAX_COLUMNS) {
      throw new RfmError('xlsx.tooManyColumns', { sheet: info.name, file: o.input, last: columnLetter(Math.min(used.maxCol, MAX_COLUMNS - 1)), count });
    }

    // Styles for the output cells, appended after the input's own.
    const styles = new StyleBook(stylesDoc.root);
    const headerStyle = styles.xf({ fontId: styles.boldFont() });
    const rfmStyle = styles.xf({ numFmtId: 2 });
    const rfm = output.columns.indexOf('rfm');
    const clearEnd = sheet.startColumn + Math.max(count, sheet.replacedColumns);
    const edit: SheetEdit = {
      startColumn: sheet.startColumn,
      clearEnd,
      headerRow: sheet.headerRow,
      headers: output.headers,
      dataRows: sheet.dataRows,
      value: (i, c) => output.cell(i, c),
      valueStyle: output.columns.map((_, c) => (c === rfm ? rfmStyle : 0)),
      headerStyle,
      dimension: dimension(used, sheet, count),
      widths: output.headers.map(widthOf),
    };

    const plan = new PackagePlan(pkg);
    await plan.readTables();
    // Formula mode adds formula cells a calculation chain does not list: Excel rebuilds it on load.
    if (o.formulas || formulaColumns.subarray(sheet.startColumn, clearEnd).some((v) => v)) plan.dropCalcChain();

    // The new sheets: made by exceljs in a workbook of their own, then spliced in.
    const earlier = await earlierParamsSheet(ctx, info);
    const wb = newWorkbook();
    for (const name of allSheetNames(pkg)) {
      if (earlier && name === earlier.name) continue;
      try {
        wb.addWorksheet(name);
      } catch {
        // A name exceljs refuses can't collide with the names it makes.
      }
    }
    const paramsName = earlier ? earlier.name : uniqueSheetName(wb, t(lang, 'formula.sheetName'));
    let fx: FormulaSheet | undefined;
    if (o.formulas) {
      fx = streamFormulas(sheet, scheme, lang, o.insight, info.name, paramsName);
      const firstSi = formulaColumns.some((v) => v) ? await freeSharedIndex(pkg, info.part) : 0;
      Object.assign(edit, { headers: fx.headers, widths: fx.headers.map(widthOf) }, formulaCells(fx, sheet.dataRows.length, styles, headerStyle, firstSi));
      setFullCalcOnLoad(pkg.workbook.root);
    }
    const paramsWs = wb.addWorksheet(paramsName);
    const summaryName = o.summary ? addSummarySheet(wb, sheet, scheme, lang, o.insight.followUp) : undefined;
    const migrationName = periods.migration ? addMigrationSheet(wb, periods.migration.sheet, lang) : undefined;
    const listNames = addListSheets(wb, lists, lang);
    const record = cliRunRecord(o, sheet, scheme, lang, periods, { inputSheet: info.name, outputSheet: info.name, outputColumns: fx?.columns.map((c) => c.key) });
    writeParamsSheet(paramsWs, parametersSheet(record, fx && paramsWithHelperNote(fx)));
    const inPlace = new Map<string, { part: string }>();
    if (earlier) {
      inPlace.set(earlier.name, { part: earlier.part });
      plan.moveSheetToEnd(earlier.name);
    }
    await spliceSheets(wb, [paramsName, ...(summaryName ? [summaryName] : []), ...(migrationName ? [migrationName] : []), ...listNames], plan, styles, inPlace);

    const entries = packageEntries(plan, stylesDoc, new Map([[info.part, () => rewriteSheet(pkg, info.part, edit)]]));

    await withListFiles(lists, {}, () => writeOutputFile(o.out, (temp) => writeZip(temp, entries())));
    const paramsLine = t(lang, fx ? 'formula.report' : 'period.report.params', { sheet: paramsName });
    for (const line of runReportLines({ sheet, scheme, lang, where, periods, out: o.out, summaryName, migrationName, paramsLine })) io.out(line);
    for (const line of listReportLines(lists, lang)) io.out(line);
  } finally {
    pkg.zip.close();
  }
}
