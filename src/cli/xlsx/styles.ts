/**
 * styles.xml on the streaming xlsx path (docs/xlsx.md): the input's styles keep every index; the
 * formats this product needs (bold headers, 0.00 for the RFM score, the new sheets' formats) are
 * appended to the lists, in the order ECMA-376 gives a stylesheet's children.
 */
import { child, childElements, local, prefixOf, type XmlElement } from './xml';

const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** A stylesheet with nothing but Excel's defaults (a package without styles.xml gets this one). */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

function clone(el: XmlElement): XmlElement {
  return { name: el.name, attrs: { ...el.attrs }, children: el.children.map((c) => (typeof c === 'string' ? c : clone(c))) };
}

export interface StyleMap {
  xf(i: number): number;
  dxf(i: number): number;
}

export class StyleBook {
  private readonly p: string;

  constructor(readonly root: XmlElement) {
    this.p = prefixOf(root.name);
  }

  /** The list element `name`, created in its ECMA-376 place when missing. */
  private list(name: string): XmlElement {
    const found = child(this.root, name);
    if (found) return found;
    const el: XmlElement = { name: `${this.p}${name}`, attrs: { count: '0' }, children: [] };
    const rank = ORDER.indexOf(name);
    const at = this.root.children.findIndex((c) => typeof c !== 'string' && ORDER.indexOf(local(c.name)) > rank);
    if (at < 0) this.root.children.push(el);
    else this.root.children.splice(at, 0, el);
    return el;
  }

  private count(name: string): number {
    const el = child(this.root, name);
    return el ? childElements(el).length : 0;
  }

  private append(name: string, item: XmlElement): number {
    const el = this.list(name);
    const index = childElements(el).length;
    el.children.push(item);
    el.attrs.count = String(index + 1);
    return index;
  }

  private el(name: string, attrs: Record<string, string> = {}, children: XmlElement[] = []): XmlElement {
    return { name: `${this.p}${name}`, attrs, children };
  }

  /** A new custom number format id for `code` (reusing an equal one). */
  numFmt(code: string): number {
    const list = child(this.root, 'numFmts');
    const existing = list ? childElements(list, 'numFmt') : [];
    const same = existing.find((nf) => nf.attrs.formatCode === code);
    if (same) return Number(same.attrs.numFmtId);
    const id = Math.max(163, ...existing.map((nf) => Number(nf.attrs.numFmtId) || 0)) + 1;
    this.append('numFmts', this.el('numFmt', { numFmtId: String(id), formatCode: code }));
    return id;
  }

  /** The default font made bold (and italic: formula mode's helper headers), as a new font. */
  boldFont(italic = false): number {
    const base = childElements(this.list('fonts'), 'font')[0];
    const font = base ? clone(base) : this.el('font', {}, [this.el('sz', { val: '11' }), this.el('name', { val: 'Calibri' })]);
    font.children = font.children.filter((c) => typeof c !== 'string' && local(c.name) !== 'b' && local(c.name) !== 'i');
    if (italic) font.children.unshift(this.el('i'));
    font.children.unshift(this.el('b'));
    return this.append('fonts', font);
  }

  /** A new cell format on the default fill and border. */
  xf(attrs: { numFmtId?: number; fontId?: number }): number {
    if (!this.count('cellXfs')) this.append('cellXfs', this.el('xf', { numFmtId: '0', fontId: '0', fillId: '0', borderId: '0', xfId: '0' }));
    const a: Record<string, string> = {
      numFmtId: String(attrs.numFmtId ?? 0),
      fontId: String(attrs.fontId ?? 0),
      fillId: '0',
      borderId: '0',
      xfId: '0',
    };
    if (attrs.numFmtId) a.applyNumberFormat = '1';
    if (attrs.fontId) a.applyFont = '1';
    return this.append('cellXfs', this.el('xf', a));
  }

  /**
   * Append another stylesheet's fonts, fills, borders, number formats, cell formats and
   * differential formats (a sheet made by exceljs); returns where its indexes went.
   */
  merge(other: XmlElement): StyleMap {
    const items = (name: string) => {
      const el = child(other, name);
      return el ? childElements(el) : [];
    };
    const numFmtIds = new Map<number, number>();
    for (const nf of items('numFmts')) numFmtIds.set(Number(nf.attrs.numFmtId), this.numFmt(nf.attrs.formatCode ?? 'General'));
    const mapNumFmt = (id: string | undefined) => String(numFmtIds.get(Number(id ?? 0)) ?? Number(id ?? 0));
    const offsets: Record<string, number> = {};
    for (const [list, item] of [
      ['fonts', 'font'],
      ['fills', 'fill'],
      ['borders', 'border'],
    ] as const) {
      offsets[item] = this.count(list);
      for (const el of items(list)) this.append(list, { ...clone(el), name: `${this.p}${item}` });
    }
    if (!this.count('cellXfs')) this.append('cellXfs', this.el('xf', { numFmtId: '0', fontId: '0', fillId: '0', borderId: '0', xfId: '0' }));
    const xfs = items('cellXfs').map((xf) => {
      const copy = clone(xf);
      copy.name = `${this.p}xf`;
      copy.attrs.numFmtId = mapNumFmt(xf.attrs.numFmtId);
      copy.attrs.fontId = String(Number(xf.attrs.fontId ?? 0) + offsets.font);
      copy.attrs.fillId = String(Number(xf.attrs.fillId ?? 0) + offsets.fill);
      copy.attrs.borderId = String(Number(xf.attrs.borderId ?? 0) + offsets.border);
      copy.attrs.xfId = '0';
      return this.append('cellXfs', copy);
    });
    const dxfs = items('dxfs').map((dxf) => {
      const copy = clone(dxf);
      for (const nf of childElements(copy, 'numFmt')) nf.attrs.numFmtId = mapNumFmt(nf.attrs.numFmtId);
      return this.append('dxfs', copy);
    });
    return { xf: (i) => xfs[i] ?? 0, dxf: (i) => dxfs[i] ?? 0 };
  }
}
