/**
 * A lean XML tokenizer for the two big parts of a workbook, the worksheet and the shared strings
 * (docs/xlsx.md): tags found with indexOf (quotes, comments, CDATA and processing instructions
 * respected), attributes read only when asked for, text handed over raw. saxes checks every
 * character and builds an attribute object for every element, which made it most of the time of a
 * million-row sheet; the small parts (workbook, styles, relationships) still go through saxes.
 */
import { StringDecoder } from 'node:string_decoder';
import { RfmError } from '../../core';
import type { XlsxPackage } from './package';

export interface ScanHandler {
  /** A start tag: its local name, its full text (for attributes), whether it closes itself. */
  open(local: string, raw: string, selfClosing: boolean): void;
  close(local: string): void;
  /** Raw text between tags (entities not decoded: see decodeText). */
  text(raw: string): void;
  /** The content of a CDATA section. */
  cdata(text: string): void;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text with its character and entity references replaced. */
export function decodeText(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e],
  );
}

/** The value of attribute `name` in a start tag's text (entities decoded), or undefined. */
export function attrOf(raw: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const i = raw.indexOf(name, from);
    if (i < 0) return undefined;
    from = i + name.length;
    const before = raw.charCodeAt(i - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let j = from;
    while (raw.charCodeAt(j) === 32) j++;
    if (raw.charCodeAt(j) !== 61 /* = */) continue;
    j++;
    while (raw.charCodeAt(j) === 32) j++;
    const q = raw[j];
    if (q !== '"' && q !== "'") continue;
    const end = raw.indexOf(q, j + 1);
    return decodeText(raw.slice(j + 1, end));
  }
}

function tagEnd(s: string, lt: number): number {
  let quote = 0;
  for (let i = lt + 1; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === 34 || ch === 39) quote = ch;
    else if (ch === 62) return i;
  }
  return -1;
}

function localOf(s: string, from: number, end: number): string {
  let i = from;
  let colon = -1;
  while (i < end) {
    const ch = s.charCodeAt(i);
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47 || ch === 62) break;
    if (ch === 58) colon = i;
    i++;
  }
  return s.slice(colon < 0 ? from : colon + 1, i);
}

/**
 * Scan part `part` chunk by chunk. `after` runs after each chunk and may return false to stop.
 * A tag that never ends, or a part that ends inside one, is reported as not well-formed.
 */
export async function scanPart(pkg: XlsxPackage, part: string, h: ScanHandler, after?: () => boolean | void): Promise<void> {
  let depth = 0;
  function step(s: string): string {
    let pos = 0;
    for (;;) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        if (pos < s.length) h.text(s.slice(pos));
        return '';
      }
      if (lt > pos) h.text(s.slice(pos, lt));
      pos = lt;
      if (lt + 1 >= s.length) return s.slice(lt);
      const next = s.charCodeAt(lt + 1);
      if (next === 33 /* ! */) {
        if (s.startsWith('<![CDATA[', lt)) {
          const end = s.indexOf(']]>', lt + 9);
          if (end < 0) return s.slice(lt);
          h.cdata(s.slice(lt + 9, end));
          pos = end + 3;
          continue;
        }
        if (s.startsWith('<!--', lt)) {
          const end = s.indexOf('-->', lt + 4);
          if (end < 0) return s.slice(lt);
          pos = end + 3;
          continue;
        }
        if (s.length - lt < 9) return s.slice(lt);
        const end = tagEnd(s, lt);
        if (end < 0) return s.slice(lt);
        pos = end + 1; // a DOCTYPE: not used in OOXML parts, skipped
        continue;
      }
      if (next === 63 /* ? */) {
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) return s.slice(lt);
        pos = end + 2;
        continue;
      }
      const end = tagEnd(s, lt);
      if (end < 0) return s.slice(lt);
      pos = end + 1;
      if (next === 47 /* / */) {
        depth--;
        h.close(localOf(s, lt + 2, end));
        continue;
      }
      const selfClosing = s.charCodeAt(end - 1) === 47;
      const local = localOf(s, lt + 1, end);
      const raw = s.slice(lt, end + 1);
      if (!selfClosing) depth++;
      h.open(local, raw, selfClosing);
      if (selfClosing) h.close(local);
    }
  }
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let first = true;
  for await (const chunk of pkg.zip.chunks(part)) {
    let text = decoder.write(chunk);
    if (first && text.length) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    rest = step(rest + text);
    if (rest.length > 16 * 1024 * 1024) throw new RfmError('xlsx.badXml', { file: pkg.file, part, detail: 'a tag longer than 16 MB' });
    if (after && after() === false) return;
  }
  rest = step(rest + decoder.end());
  if (rest.trim() || depth !== 0) throw new RfmError('xlsx.badXml', { file: pkg.file, part, detail: 'the part ends inside an element' });
}
