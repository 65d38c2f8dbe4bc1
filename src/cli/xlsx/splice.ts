/**
 * New sheets on the streaming xlsx path (docs/xlsx.md): the parameters, summary and migration
 * sheets are small, so they are made with exceljs in a workbook of their own and spliced into the
 * output package as new parts — their styles appended to the input's styles.xml, their tables
 * renamed where a name is taken, each registered in workbook.xml, its relationships and
 * [Content_Types].xml. The input's own parts keep their bytes.
 */
import type ExcelJS from 'exceljs';
import { REL_TYPE, openPackage, readSharedStrings, type XlsxPackage } from './package';
import type { StyleBook } from './styles';
import { child, childElements, escapeText, parseXml, xmlSafe, relsPartOf, resolveTarget, serialize, type XmlElement } from './xml';
import type { OutEntry } from './zip';

export const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A part to add to (or put in place of one in) the output package. */
export interface NewPart {
  name: string;
  data: string;
}

/** The input package as it will be written: parts replaced, added and dropped. */
export class PackagePlan {
  readonly replaced = new Map<string, string>();
  readonly added: NewPart[] = [];
  readonly dropped = new Set<string>();
  private readonly names: Set<string>;
  private readonly tableNames = new Set<string>();
  private maxTableId = 0;

  constructor(readonly pkg: XlsxPackage) {
    this.names = new Set(pkg.zip.order);
  }

  /** Names and ids of the input's tables (table names are unique across a workbook). */
  async readTables(): Promise<void> {
    for (const name of this.pkg.zip.order) {
      if (!/^xl\/tables\/[^/]+\.xml$/i.test(name)) continue;
      const { root } = parseXml(await this.pkg.zip.text(name), this.pkg.file, name);
      if (root.attrs.name) this.tableNames.add(root.attrs.name.toLowerCase());
      if (root.attrs.displayName) this.tableNames.add(root.attrs.displayName.toLowerCase());
      this.maxTableId = Math.max(this.maxTableId, Number(root.attrs.id) || 0);
    }
  }

  /** A part name not used yet: `xl/worksheets/sheet7.xml` … */
  freeName(folder: string, base: string, ext: string): string {
    for (let i = 1; ; i++) {
      const name = `${folder}/${base}${i}.${ext}`;
      if (!this.names.has(name)) {
        this.names.add(name);
        return name;
      }
    }
  }

  add(name: string, data: string): void {
    this.names.add(name);
    this.added.push({ name, data });
  }

  contentType(part: string, type: string): void {
    const root = this.pkg.contentTypes.root;
    const partName = `/${part}`;
    const existing = childElements(root, 'Override').find((o) => o.attrs.PartName === partName);
    if (existing) existing.attrs.ContentType = type;
    else root.children.push({ name: 'Override', attrs: { PartName: partName, ContentType: type }, children: [] });
  }

  /** Add a relationship from the workbook to `part`; returns its id. */
  workbookRel(type: string, part: string): string {
    const root = this.pkg.workbookRels.root;
    const ids = new Set(childElements(root, 'Relationship').map((r) => r.attrs.Id));
    let id = 'rIdRfm1';
    for (let i = 2; ids.has(id); i++) id = `rIdRfm${i}`;
    root.children.push({ name: root.name.replace(/Relationships$/, 'Relationship'), attrs: { Id: id, Type: type, Target: relativeTarget(this.pkg.workbookPart, part) }, children: [] });
    return id;
  }

  /** Drop the calculation chain (its cells may be gone); Excel rebuilds it. */
  dropCalcChain(): void {
    const root = this.pkg.workbookRels.root;
    root.children = root.children.filter((r) => {
      if (typeof r === 'string' || r.attrs.Type !== REL_TYPE.calcChain) return true;
      const part = resolveTarget(this.pkg.workbookPart, r.attrs.Target);
      this.dropped.add(part);
      const ct = this.pkg.contentTypes.root;
      ct.children = ct.children.filter((o) => typeof o === 'string' || o.attrs.PartName !== `/${part}`);
      return false;
    });
  }

  /** Register a new worksheet `name` at `part` in workbook.xml (after the last sheet). */
  addSheetEntry(name: string, part: string): void {
    const rId = this.workbookRel(REL_TYPE.worksheet, part);
    const wb = this.pkg.workbook.root;
    const sheets = child(wb, 'sheets');
    if (!sheets) throw new Error('workbook without <sheets>');
    const all = childElements(sheets, 'sheet');
    const sheetId = Math.max(0, ...all.map((s) => Number(s.attrs.sheetId) || 0)) + 1;
    const prefix = Object.entries(wb.attrs).find(([k, v]) => k.startsWith('xmlns:') && v === REL_NS)?.[0].slice(6);
    const attrs: Record<string, string> = { name, sheetId: String(sheetId) };
    if (prefix) attrs[`${prefix}:id`] = rId;
    else {
      attrs['xmlns:r'] = REL_NS;
      attrs['r:id'] = rId;
    }
    sheets.children.push({ name: sheets.name.replace(/sheets$/, 'sheet'), attrs, children: [] });
  }

  /**
   * Move sheet `name` to the end of the tab order (a re-run's parameters sheet goes after the
   * sheets it came before, as if added anew); sheet-scoped names and the active tab follow their
   * sheets, since workbook.xml refers to sheets by position.
   */
  moveSheetToEnd(name: string): void {
    const wb = this.pkg.workbook.root;
    const sheets = child(wb, 'sheets');
    if (!sheets) return;
    const all = childElements(sheets, 'sheet');
    const from = all.findIndex((s) => s.attrs.name === name);
    if (from < 0 || from === all.length - 1) return;
    const moved = all[from];
    sheets.children = sheets.children.filter((c) => c !== moved);
    sheets.children.push(moved);
    const at = (i: number) => (i === from ? all.length - 1 : i > from ? i - 1 : i);
    for (const dn of childElements(child(wb, 'definedNames') ?? { name: '', attrs: {}, children: [] }, 'definedName')) {
      if (dn.attrs.localSheetId !== undefined) dn.attrs.localSheetId = String(at(Number(dn.attrs.localSheetId)));
    }
    for (const view of childElements(child(wb, 'bookViews') ?? { name: '', attrs: {}, children: [] }, 'workbookView')) {
      for (const key of ['activeTab', 'firstSheet']) if (view.attrs[key] !== undefined) view.attrs[key] = String(at(Number(view.attrs[key])));
    }
  }

  /** A table name free in the workbook: base, base_2 … */
  tableName(base: string): string {
    let name = base;
    for (let i = 2; this.tableNames.has(name.toLowerCase()); i++) name = `${base}_${i}`;
    this.tableNames.add(name.toLowerCase());
    return name;
  }

  nextTableId(): number {
    return ++this.maxTableId;
  }
}

function relativeTarget(owner: string, part: string): string {
  const from = owner.split('/').slice(0, -1);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

function rewriteStyles(xml: string, xf: (i: number) => number, dxf: (i: number) => number): string {
  return xml
    .replace(/(<(?:c|row)\b[^>]*?\ss=")(\d+)(")/g, (_, a: string, n: string, b: string) => `${a}${xf(Number(n))}${b}`)
    .replace(/(<col\b[^>]*?\sstyle=")(\d+)(")/g, (_, a: string, n: string, b: string) => `${a}${xf(Number(n))}${b}`)
    .replace(/(<cfRule\b[^>]*?\sdxfId=")(\d+)(")/g, (_, a: string, n: string, b: string) => `${a}${dxf(Number(n))}${b}`);
}

/** exceljs writes shared strings whatever it is asked; the new sheets carry theirs inline instead. */
function inlineStrings(xml: string, strings: readonly string[]): string {
  return xml.replace(/<c ([^>]*?)\s?t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_, a: string, b: string, n: string) => {
    const text = xmlSafe(strings[Number(n)] ?? '');
    const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
    return `<c ${a}${b} t="inlineStr"><is><t${space}>${escapeText(text)}</t></is></c>`.replace('<c  ', '<c ');
  });
}

/**
 * Splice the sheets `names` of the exceljs workbook `wb` into `plan`. `inPlace` maps a sheet name
 * to an input part it replaces (a re-run's parameters sheet keeps its place, name and part).
 */
export async function spliceSheets(
  wb: ExcelJS.Workbook,
  names: readonly string[],
  plan: PackagePlan,
  styles: StyleBook,
  inPlace: Map<string, { part: string }>,
): Promise<void> {
  if (!names.length) return;
  const buffer = Buffer.from(await wb.xlsx.writeBuffer({ useSharedStrings: false } as ExcelJS.XlsxWriteOptions));
  const temp = await openPackage('(new sheets)', buffer);
  try {
    const tempStyles = temp.stylesPart ? parseXml(await temp.zip.text(temp.stylesPart), temp.file, temp.stylesPart).root : undefined;
    const map = tempStyles ? styles.merge(tempStyles) : { xf: () => 0, dxf: () => 0 };
    const strings = await readSharedStrings(temp);
    for (const name of names) {
      const info = temp.sheets.find((s) => s.name === name);
      if (!info) continue;
      const target = inPlace.get(name)?.part ?? plan.freeName('xl/worksheets', 'sheet', 'xml');
      let xml = inlineStrings(rewriteStyles(await temp.zip.text(info.part), map.xf, map.dxf), strings);
      const tempRels = relsPartOf(info.part);
      const outRels = relsPartOf(target);
      if (temp.zip.has(tempRels)) {
        const rels = parseXml(await temp.zip.text(tempRels), temp.file, tempRels);
        for (const rel of childElements(rels.root, 'Relationship')) {
          if (rel.attrs.Type !== REL_TYPE.table) continue;
          const tablePart = resolveTarget(info.part, rel.attrs.Target);
          const table = parseXml(await temp.zip.text(tablePart), temp.file, tablePart);
          const tableName = plan.tableName(table.root.attrs.name ?? 'Table');
          table.root.attrs.id = String(plan.nextTableId());
          table.root.attrs.name = tableName;
          table.root.attrs.displayName = tableName;
          const newTable = plan.freeName('xl/tables', 'table', 'xml');
          plan.add(newTable, table.decl + serialize(table.root));
          plan.contentType(newTable, CT.table);
          rel.attrs.Target = relativeTarget(target, newTable);
        }
        const relsXml = rels.decl + serialize(rels.root);
        if (plan.pkg.zip.has(outRels)) plan.replaced.set(outRels, relsXml);
        else plan.add(outRels, relsXml);
      } else if (plan.pkg.zip.has(outRels)) {
        plan.dropped.add(outRels);
      }
      // exceljs writes no <dimension> on an empty sheet; nothing else of its XML needs changing.
      xml = xml.replace(/^\uFEFF/, '');
      if (inPlace.has(name)) {
        plan.replaced.set(target, xml);
      } else {
        plan.add(target, xml);
        plan.contentType(target, CT.worksheet);
        plan.addSheetEntry(name, target);
      }
    }
  } finally {
    temp.zip.close();
  }
}


/**
 * The output package's entries in the input's order, for writeZip: the parts `plan` dropped left out,
 * the edited styles, workbook part, its relationships and the content types (and `plan`'s replaced
 * parts) in place of the input's, `rewrite`'s parts streamed by their own writer (the scored sheet),
 * every other part copied as its compressed bytes inflate, then the new parts. A package without
 * styles gets one, registered in the workbook's relationships and the content types.
 */
export function packageEntries(
  plan: PackagePlan,
  stylesDoc: { decl: string; root: XmlElement },
  rewrite: ReadonlyMap<string, () => AsyncIterable<Buffer | string>> = new Map(),
): () => Generator<OutEntry> {
  const pkg = plan.pkg;
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
  return function* entries(): Generator<OutEntry> {
    for (const name of pkg.zip.order) {
      if (plan.dropped.has(name)) continue;
      const writer = rewrite.get(name);
      if (writer) yield { name, chunks: writer };
      else if (replaced.has(name)) yield { name, data: replaced.get(name)! };
      else yield { name, chunks: () => pkg.zip.chunks(name) };
    }
    for (const part of plan.added) yield { name: part.name, data: replaced.get(part.name) ?? part.data };
  };
}
