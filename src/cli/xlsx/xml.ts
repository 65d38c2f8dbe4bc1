/**
 * XML helpers of the streaming xlsx path (docs/xlsx.md): escaping, and a small element tree for the
 * few package parts that are edited whole (workbook, relationships, content types, styles); those
 * are parsed with saxes and written back element for element.
 */
import { SaxesParser } from 'saxes';
import { RfmError } from '../../core';

export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\n\r\t]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : `&#${c.charCodeAt(0)};`,
  );
}

/** XML 1.0 has no place for most control characters: drop them from text we write. */
export function xmlSafe(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/** Parse a whole (small) XML part; a syntax error names the part. */
export function parseXml(text: string, file: string, part: string): { decl: string; root: XmlElement } {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let decl = '';
  parser.on('xmldecl', (d) => {
    decl = `<?xml version="${d.version ?? '1.0'}" encoding="UTF-8"${d.standalone ? ` standalone="${d.standalone}"` : ''}?>\n`;
  });
  parser.on('opentag', (tag) => {
    const el: XmlElement = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [] };
    if (stack.length) stack[stack.length - 1].children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (t) => {
    if (stack.length) stack[stack.length - 1].children.push(t);
  });
  parser.on('cdata', (t) => {
    if (stack.length) stack[stack.length - 1].children.push(t);
  });
  try {
    parser.write(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).close();
  } catch (err) {
    throw new RfmError('xlsx.badXml', { file, part, detail: (err as Error).message.split('\n')[0] });
  }
  if (!root) throw new RfmError('xlsx.badXml', { file, part, detail: 'no root element' });
  return { decl: decl || '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', root };
}

export function openTag(name: string, attrs: Record<string, string>, selfClosing = false): string {
  let s = `<${name}`;
  for (const [k, v] of Object.entries(attrs)) s += ` ${k}="${escapeAttr(v)}"`;
  return s + (selfClosing ? '/>' : '>');
}

export function serialize(node: XmlNode): string {
  if (typeof node === 'string') return escapeText(node);
  if (!node.children.length) return openTag(node.name, node.attrs, true);
  return openTag(node.name, node.attrs) + node.children.map(serialize).join('') + `</${node.name}>`;
}

/** The local part of a possibly prefixed name. */
export function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** The prefix (with its colon) of a prefixed name, '' for none. */
export function prefixOf(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? '' : name.slice(0, i + 1);
}

export function childElements(el: XmlElement, localName?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (localName === undefined || local(c.name) === localName));
}

export function child(el: XmlElement, localName: string): XmlElement | undefined {
  return childElements(el, localName)[0];
}

/** Concatenated text of an element and its descendants. */
export function textOf(el: XmlNode): string {
  if (typeof el === 'string') return el;
  return el.children.map(textOf).join('');
}

/** Resolve a relationship target against the folder of the part that owns the relationships. */
export function resolveTarget(ownerPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ownerPart.split('/');
  parts.pop();
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}
