/**
 * `--formulas` on the streaming xlsx path (docs/formulas.md, docs/xlsx.md): the output block as live
 * formulas written straight into the scored sheet's XML by the second pass (sheetWriter.ts), instead
 * of loading the workbook into exceljs.
 *
 * - Each run of adjacent data rows is one shared formula per column (`<f t="shared" ref si>` on the
 *   run's first row, `<f t="shared" si/>` below it), as Excel stores a filled-down formula: the text of
 *   the long Check and helper formulas is written once per run, not once per row. The `si` numbers
 *   start after the largest one the sheet already uses.
 * - Every formula cell carries the engine's value as its cached result (`<v>`), so viewers that do
 *   not recalculate show the numbers, and `<calcPr fullCalcOnLoad="1">` asks Excel to recalculate
 *   when it opens the file — the same pair the exceljs writer (src/cli/formulaSheet.ts) produces.
 * - The helper columns get one column outline level; their explanation is a note on the parameters
 *   sheet (paramsWithHelperNote in src/cli/formulaSheet.ts), not a cell comment: a comment needs a
 *   comments part, a VML drawing and the scored sheet's relationships, and merging into a sheet's
 *   existing comments would rewrite parts the user made.
 */
import { StringDecoder } from 'node:string_decoder';
import { formulaSheet, type FormulaSheet, type InsightOptions, type Scheme, type ScoredSheet } from '../../core';
import type { Lang } from '../../i18n';
import type { XlsxPackage } from './package';
import type { SheetEdit } from './sheetWriter';
import type { StyleBook } from './styles';
import { child, escapeText, local, prefixOf, xmlSafe, type XmlElement } from './xml';

/** The formula block for the scored sheet `sheetName`, reading the parameter block on `paramsName`. */
export function streamFormulas(
  sheet: ScoredSheet,
  scheme: Scheme,
  lang: Lang,
  insight: InsightOptions,
  sheetName: string,
  paramsName: string,
): FormulaSheet {
  return formulaSheet(
    scheme,
    {
      sheetName,
      paramSheetName: paramsName,
      columns: sheet.layout.columns,
      dataRows: sheet.dataRows,
      startColumn: sheet.startColumn,
    },
    { lang, segments: insight.segments, followUp: insight.followUp },
    { result: sheet.result, segments: sheet.segments },
  );
}

const SI_ATTR = /\ssi\s*=\s*["'](\d+)["']/g;

/**
 * The first shared-formula index (`si`) free in worksheet `part`: one more than the largest in use.
 * Only read when the first pass saw formulas; a stray match in text only makes the number larger.
 */
export async function freeSharedIndex(pkg: XlsxPackage, part: string): Promise<number> {
  let max = -1;
  let tail = '';
  const decoder = new StringDecoder('utf8');
  for await (const chunk of pkg.zip.chunks(part)) {
    const text = tail + decoder.write(chunk);
    for (const m of text.matchAll(SI_ATTR)) max = Math.max(max, Number(m[1]));
    // An attribute split between chunks is found in the next one (a complete match there is counted twice: harmless).
    tail = text.slice(-24);
  }
  return max + 1;
}

/**
 * The sheet writer's hooks for the formula block: header styles (bold, helpers bold italic), the
 * outline of the helper columns and each data cell's XML.
 */
export function formulaCells(
  fx: FormulaSheet,
  dataRows: number,
  styles: StyleBook,
  headerStyle: number,
  firstSi: number,
): Pick<SheetEdit, 'cellXml' | 'headerStyles' | 'outline'> {
  const n = fx.columns.length;
  const italicHeader = styles.xf({ fontId: styles.boldFont(true) });
  const numFmtStyle = new Map<string, number>();
  const valueStyle = fx.columns.map((col) => {
    if (!col.numFmt) return 0;
    if (!numFmtStyle.has(col.numFmt)) numFmtStyle.set(col.numFmt, styles.xf({ numFmtId: col.numFmt === '0.00' ? 2 : styles.numFmt(col.numFmt) }));
    return numFmtStyle.get(col.numFmt)!;
  });

  // Which run each data row is in, and the shared index of each run of more than one row.
  const runOf = new Int32Array(dataRows);
  const siOf: number[] = [];
  let si = firstSi;
  fx.runs.forEach((run, k) => {
    for (let i = run.start; i <= run.end; i++) runOf[i] = k;
    siOf.push(run.end > run.start ? si : -1);
    if (run.end > run.start) si += n;
  });

  return {
    headerStyles: fx.columns.map((col) => (col.helper ? italicHeader : headerStyle)),
    outline: fx.columns.map((col) => (col.helper ? 1 : 0)),
    cellXml(i, c, ref, p) {
      const run = fx.runs[runOf[i]];
      const shared = siOf[runOf[i]];
      let f: string;
      if (i === run.start) {
        const text = escapeText(fx.formula(i, c));
        if (shared < 0) f = `<${p}f>${text}</${p}f>`;
        else {
          const lastRow = Number(/\d+$/.exec(ref)![0]) + (run.end - run.start);
          const letters = ref.replace(/\d+$/, '');
          f = `<${p}f t="shared" ref="${ref}:${letters}${lastRow}" si="${shared + c}">${text}</${p}f>`;
        }
      } else {
        f = `<${p}f t="shared" si="${shared + c}"/>`;
      }
      const v = fx.result!(i, c);
      const s = valueStyle[c] ? ` s="${valueStyle[c]}"` : '';
      if (typeof v === 'number') {
        // A number past a double (Infinity) has no cached form: Excel computes it on load.
        return `<${p}c r="${ref}"${s}>${f}${Number.isFinite(v) ? `<${p}v>${v}</${p}v>` : ''}</${p}c>`;
      }
      return `<${p}c r="${ref}"${s} t="str">${f}<${p}v>${escapeText(xmlSafe(v))}</${p}v></${p}c>`;
    },
  };
}

/** Workbook children that come after `<calcPr>` in ECMA-376's order. */
const AFTER_CALC_PR = new Set([
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
]);

/** `<calcPr fullCalcOnLoad="1">` in workbook.xml: Excel recalculates every formula when it opens the file. */
export function setFullCalcOnLoad(workbook: XmlElement): void {
  const existing = child(workbook, 'calcPr');
  if (existing) {
    existing.attrs.fullCalcOnLoad = '1';
    return;
  }
  const el: XmlElement = { name: `${prefixOf(workbook.name)}calcPr`, attrs: { fullCalcOnLoad: '1' }, children: [] };
  const at = workbook.children.findIndex((c) => typeof c !== 'string' && AFTER_CALC_PR.has(local(c.name)));
  if (at < 0) workbook.children.push(el);
  else workbook.children.splice(at, 0, el);
}
