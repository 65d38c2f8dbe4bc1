/**
 * The parts of an xlsx package the streaming path needs to understand (docs/xlsx.md): the workbook
 * and its sheet list, the relationships, the content types, the shared strings and which cell
 * styles are dates. Everything else in the package is copied without being parsed.
 */
import { RfmError } from '../../core';
import { quoted } from '../../i18n/format';
import { child, childElements, local, parseXml, relsPartOf, resolveTarget, type XmlElement } from './xml';
import { decodeText, scanPart } from './scan';
import { ZipReader } from './zip';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_TYPE = {
  officeDocument: `${REL_NS}/officeDocument`,
  worksheet: `${REL_NS}/worksheet`,
  sharedStrings: `${REL_NS}/sharedStrings`,
  styles: `${REL_NS}/styles`,
  calcChain: `${REL_NS}/calcChain`,
  table: `${REL_NS}/table`,
};

/** The most text the shared strings may hold in memory (docs/xlsx.md "Limits"). */
export const SHARED_STRINGS_LIMIT = 256 * 1024 * 1024;

export interface XmlPart {
  decl: string;
  root: XmlElement;
}

export interface SheetInfo {
  name: string;
  state: string;
  sheetId: number;
  rId: string;
  /** The worksheet part, e.g. xl/worksheets/sheet1.xml. */
  part: string;
  /** The `<sheet>` element in workbook.xml. */
  el: XmlElement;
}

export interface XlsxPackage {
  zip: ZipReader;
  file: string;
  workbookPart: string;
  workbook: XmlPart;
  workbookRels: XmlPart;
  contentTypes: XmlPart;
  sheets: SheetInfo[];
  date1904: boolean;
  sharedStringsPart?: string;
  stylesPart?: string;
}

async function xmlPart(zip: ZipReader, part: string): Promise<XmlPart> {
  return parseXml(await zip.text(part), zip.file, part);
}

/** The id attribute of a `<sheet>` (r:id under whatever prefix the workbook gave the namespace). */
function relId(el: XmlElement): string {
  for (const [k, v] of Object.entries(el.attrs)) if (k.includes(':') && local(k) === 'id') return v;
  return '';
}

/** Open the package and read its sheet list; a file that is not an xlsx package is an RfmError. */
export async function openPackage(file: string, data?: Buffer): Promise<XlsxPackage> {
  const zip = await ZipReader.open(file, data);
  try {
    if (!zip.has('[Content_Types].xml') || !zip.has('_rels/.rels')) {
      throw new RfmError('xlsx.missingPart', { file, part: zip.has('_rels/.rels') ? '[Content_Types].xml' : '_rels/.rels' });
    }
    const contentTypes = await xmlPart(zip, '[Content_Types].xml');
    const rootRels = await xmlPart(zip, '_rels/.rels');
    const office = childElements(rootRels.root, 'Relationship').find((r) => r.attrs.Type === REL_TYPE.officeDocument);
    if (!office) throw new RfmError('xlsx.missingPart', { file, part: 'officeDocument' });
    const workbookPart = resolveTarget('', office.attrs.Target);
    if (!zip.has(workbookPart)) throw new RfmError('xlsx.missingPart', { file, part: workbookPart });
    const workbook = await xmlPart(zip, workbookPart);
    const relsPart = relsPartOf(workbookPart);
    if (!zip.has(relsPart)) throw new RfmError('xlsx.missingPart', { file, part: relsPart });
    const workbookRels = await xmlPart(zip, relsPart);
    const rels = new Map<string, XmlElement>();
    for (const r of childElements(workbookRels.root, 'Relationship')) rels.set(r.attrs.Id, r);
    const target = (r: XmlElement | undefined) => (r && r.attrs.TargetMode !== 'External' ? resolveTarget(workbookPart, r.attrs.Target) : undefined);
    const sheets: SheetInfo[] = [];
    for (const el of childElements(child(workbook.root, 'sheets') ?? { name: '', attrs: {}, children: [] }, 'sheet')) {
      const rId = relId(el);
      const rel = rels.get(rId);
      // Chart sheets and dialog sheets have no cells: not candidates for scoring, copied as they are.
      if (!rel || rel.attrs.Type !== REL_TYPE.worksheet) continue;
      const part = target(rel)!;
      sheets.push({ name: el.attrs.name ?? '', state: el.attrs.state ?? 'visible', sheetId: Number(el.attrs.sheetId), rId, part, el });
    }
    const pr = child(workbook.root, 'workbookPr');
    const date1904 = pr !== undefined && (pr.attrs.date1904 === '1' || pr.attrs.date1904 === 'true');
    const relOf = (type: string) => target(childElements(workbookRels.root, 'Relationship').find((r) => r.attrs.Type === type));
    const sharedStringsPart = relOf(REL_TYPE.sharedStrings);
    const stylesPart = relOf(REL_TYPE.styles);
    return {
      zip,
      file,
      workbookPart,
      workbook,
      workbookRels,
      contentTypes,
      sheets,
      date1904,
      sharedStringsPart: sharedStringsPart && zip.has(sharedStringsPart) ? sharedStringsPart : undefined,
      stylesPart: stylesPart && zip.has(stylesPart) ? stylesPart : undefined,
    };
  } catch (err) {
    zip.close();
    throw err;
  }
}

/** The sheet to score: --sheet by name, else the first visible worksheet. */
export function pickSheetInfo(pkg: XlsxPackage, name: string | undefined): SheetInfo {
  if (name === undefined) {
    const first = pkg.sheets.find((s) => s.state === 'visible') ?? pkg.sheets[0];
    if (!first) throw new RfmError('cli.noSheets', { file: pkg.file });
    return first;
  }
  const sheet = pkg.sheets.find((s) => s.name === name);
  if (!sheet) throw new RfmError('cli.unknownSheet', { sheet: name, file: pkg.file, sheets: pkg.sheets.map((s) => quoted(s.name)) });
  return sheet;
}

/**
 * The shared-string table as the engine reads it (rich text joined, phonetic runs left out), held
 * with a ceiling on its total text so that a "text bomb" stops with a clear error.
 */
export async function readSharedStrings(pkg: XlsxPackage): Promise<string[]> {
  const strings: string[] = [];
  const part = pkg.sharedStringsPart;
  if (!part) return strings;
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let current = '';
  let total = 0;
  const add = (text: string) => {
    total += text.length;
    if (total > SHARED_STRINGS_LIMIT) {
      throw new RfmError('xlsx.sharedStringsTooLarge', { file: pkg.file, part, limit: String(SHARED_STRINGS_LIMIT / 1024 / 1024) });
    }
    current += text;
  };
  await scanPart(pkg, part, {
    open(name, _raw, selfClosing) {
      if (name === 'si') {
        inSi = true;
        current = '';
      } else if (name === 'rPh') phonetic++;
      else if (name === 't' && inSi && !phonetic && !selfClosing) inT = true;
    },
    close(name) {
      if (name === 'si') {
        inSi = false;
        strings.push(decodeText(current));
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inT = false;
    },
    text(raw) {
      if (inT) add(raw);
    },
    cdata(text) {
      if (inT) add(text.replace(/&/g, '&amp;'));
    },
  });
  return strings;
}

/** Built-in number formats that are dates or times (ECMA-376 18.8.30, with the East Asian ids). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format code shows a date when it has date/time letters outside quotes and brackets (as exceljs decides). */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

/** For each cellXfs index: is it a date style? */
export function dateStyles(styles: XmlElement | undefined): Uint8Array {
  if (!styles) return new Uint8Array(0);
  const custom = new Map<number, string>();
  for (const nf of childElements(child(styles, 'numFmts') ?? { name: '', attrs: {}, children: [] }, 'numFmt')) {
    custom.set(Number(nf.attrs.numFmtId), nf.attrs.formatCode ?? '');
  }
  const xfs = childElements(child(styles, 'cellXfs') ?? { name: '', attrs: {}, children: [] }, 'xf');
  const out = new Uint8Array(xfs.length);
  xfs.forEach((xf, i) => {
    const id = Number(xf.attrs.numFmtId ?? 0);
    const code = custom.get(id);
    out[i] = (code !== undefined ? isDateFormat(code) : BUILTIN_DATES.has(id)) ? 1 : 0;
  });
  return out;
}
