/**
 * Second pass of the streaming xlsx path (docs/xlsx.md): the scored sheet's XML is copied as it is,
 * text for text, with this product's cells put into each row in column order (every cell with its
 * `r` address), an earlier run's output cells dropped, the `<dimension>` made true and widths for
 * the new columns in `<cols>` (created before `<sheetData>` when missing, as ECMA-376 orders a
 * worksheet's children).
 *
 * Like the first pass it finds tag boundaries with indexOf (quotes, comments, CDATA and processing
 * instructions respected; see scan.ts for why not saxes): this is the hot loop of a million-row
 * sheet, and everything it does not touch keeps its exact text.
 */
import { StringDecoder } from 'node:string_decoder';
import { columnLetter, RfmError } from '../../core';
import type { XlsxPackage } from './package';
import { attrOf, tagEnd } from './scan';
import { parseRef } from './sheetReader';
import { escapeText, xmlSafe } from './xml';

export type NewCell = number | string | null;

export interface SheetEdit {
  /** First column (0-based) of this product's block. */
  startColumn: number;
  /** Existing cells in [startColumn, clearEnd) are dropped (the block being replaced, or overwritten). */
  clearEnd: number;
  headerRow: number;
  headers: readonly string[];
  /** Sorted 0-based sheet rows that get values; `value(i, c)` is data row i's output column c. */
  dataRows: readonly number[];
  value(i: number, c: number): NewCell;
  /** cellXfs index per output column for values (0 = default), and for the header cells. */
  valueStyle: readonly number[];
  headerStyle: number;
  /** The new `<dimension ref>`; empty: the element is kept as it is. */
  dimension: string;
  /** Width per output column, added where `<cols>` says nothing about the column yet. */
  widths: readonly number[];
  /**
   * Formula mode (src/cli/xlsx/formulas.ts, docs/formulas.md): the whole XML of data row i's output
   * cell c at address `ref` ('' for none), written instead of `value`; `p` is the sheet's element prefix.
   */
  cellXml?(i: number, c: number, ref: string, p: string): string;
  /** cellXfs index per header cell (formula mode's italic helper headers); default `headerStyle`. */
  headerStyles?: readonly number[];
  /** Column outline level per output column (formula mode groups its helper columns); default none. */
  outline?: readonly number[];
}

/** The name of the tag starting at `lt` (after `<` or `</`), and its local part. */
function tagName(s: string, from: number, end: number): string {
  let i = from;
  while (i < end) {
    const ch = s.charCodeAt(i);
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47 || ch === 62) break;
    i++;
  }
  return s.slice(from, i);
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}


const SPANS_ATTR = /\sspans\s*=\s*(?:"[^"]*"|'[^']*')/;

/** The rewritten worksheet part, a string per chunk of input, pulled with back-pressure by the zip writer. */
export async function* rewriteSheet(pkg: XlsxPackage, part: string, edit: SheetEdit): AsyncGenerator<string> {
  let p = ''; // the namespace prefix of the worksheet's elements, with its colon
  let inCols = false;
  const cols: Array<{ min: number; raw: string }> = [];
  let colsWritten = false;
  let skipCell = false;
  let rowIndex = -1;
  let col = -1;
  let ours = '';
  let dataPtr = 0;
  const n = edit.headers.length;
  const letters = edit.headers.map((_, c) => columnLetter(edit.startColumn + c));
  const outlineLevel = Math.max(0, ...(edit.outline ?? []));
  let formatPrSeen = false;

  function cellXml(c: number, row: number, v: NewCell, style: number): string {
    const s = style ? ` s="${style}"` : '';
    if (typeof v === 'number') return `<${p}c r="${letters[c]}${row + 1}"${s}><${p}v>${v}</${p}v></${p}c>`;
    const text = xmlSafe(String(v));
    const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
    return `<${p}c r="${letters[c]}${row + 1}"${s} t="inlineStr"><${p}is><${p}t${space}>${escapeText(text)}</${p}t></${p}is></${p}c>`;
  }

  function oursFor(row: number): string {
    let s = '';
    if (row === edit.headerRow) {
      for (let c = 0; c < n; c++) s += cellXml(c, row, edit.headers[c], edit.headerStyles?.[c] ?? edit.headerStyle);
      return s;
    }
    while (dataPtr < edit.dataRows.length && edit.dataRows[dataPtr] < row) dataPtr++;
    if (dataPtr < edit.dataRows.length && edit.dataRows[dataPtr] === row) {
      if (edit.cellXml) {
        for (let c = 0; c < n; c++) s += edit.cellXml(dataPtr, c, `${letters[c]}${row + 1}`, p);
        return s;
      }
      for (let c = 0; c < n; c++) {
        const v = edit.value(dataPtr, c);
        if (v !== null) s += cellXml(c, row, v, edit.valueStyle[c]);
      }
    }
    return s;
  }

  function colsXml(): string {
    const all = [...cols];
    const covered = (index: number) =>
      cols.some((e) => {
        const min = Number(attrOf(e.raw, 'min'));
        const max = Number(attrOf(e.raw, 'max'));
        return min <= index && index <= max;
      });
    edit.widths.forEach((w, c) => {
      const index = edit.startColumn + c + 1;
      const level = edit.outline?.[c] ? ` outlineLevel="${edit.outline[c]}"` : '';
      if (!covered(index)) all.push({ min: index, raw: `<${p}col min="${index}" max="${index}" width="${w}" customWidth="1"${level}/>` });
    });
    all.sort((a, b) => a.min - b.min);
    colsWritten = true;
    // An outline needs <sheetFormatPr outlineLevelCol>; a sheet without the element gets one here, its place before <cols>.
    const formatPr = outlineLevel && !formatPrSeen ? `<${p}sheetFormatPr defaultRowHeight="15" outlineLevelCol="${outlineLevel}"/>` : '';
    formatPrSeen = true;
    return `${formatPr}<${p}cols>${all.map((e) => e.raw).join('')}</${p}cols>`;
  }

  /** Process `s` from the start; returns the output and the unfinished tail to keep for the next chunk. */
  function step(s: string, last: boolean): { out: string; rest: string } {
    let out = '';
    let pos = 0;
    for (;;) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        if (!skipCell && !inCols) out += s.slice(pos);
        return { out, rest: '' };
      }
      if (lt > pos && !skipCell && !inCols) out += s.slice(pos, lt);
      pos = lt;
      const next = s.charCodeAt(lt + 1);
      let end: number;
      if (s.startsWith('<!--', lt)) {
        end = s.indexOf('-->', lt + 4);
        if (end < 0) break;
        end += 2;
        if (!skipCell && !inCols) out += s.slice(lt, end + 1);
        pos = end + 1;
        continue;
      }
      if (s.startsWith('<![CDATA[', lt)) {
        end = s.indexOf(']]>', lt + 9);
        if (end < 0) break;
        end += 2;
        if (!skipCell && !inCols) out += s.slice(lt, end + 1);
        pos = end + 1;
        continue;
      }
      if (next === 63 /* ? */) {
        end = s.indexOf('?>', lt + 2);
        if (end < 0) break;
        end += 1;
        out += s.slice(lt, end + 1);
        pos = end + 1;
        continue;
      }
      if (lt + 1 >= s.length) break; // the chunk ends right after '<'
      end = tagEnd(s, lt);
      if (end < 0) break;
      pos = end + 1;
      const raw = s.slice(lt, end + 1);
      if (next === 47 /* / */) {
        const name = localName(tagName(s, lt + 2, end));
        if (skipCell) {
          if (name === 'c') skipCell = false;
          continue;
        }
        if (name === 'cols' && inCols) {
          inCols = false;
          out += colsXml();
          continue;
        }
        if (name === 'row' && ours) {
          out += ours;
          ours = '';
        }
        out += raw;
        continue;
      }
      const qname = tagName(s, lt + 1, end);
      const name = localName(qname);
      const selfClosing = s.charCodeAt(end - 1) === 47;
      if (skipCell) continue;
      if (inCols) {
        if (name === 'col') cols.push({ min: Number(attrOf(raw, 'min')), raw });
        continue;
      }
      switch (name) {
        case 'worksheet':
          p = qname.length > name.length ? qname.slice(0, qname.length - name.length) : '';
          out += raw;
          break;
        case 'dimension':
          // An empty <dimension></dimension> keeps its end tag, copied as it comes.
          out += edit.dimension ? `<${qname} ref="${edit.dimension}"${selfClosing ? '/' : ''}>` : raw;
          break;
        case 'sheetFormatPr': {
          formatPrSeen = true;
          const had = Number(attrOf(raw, 'outlineLevelCol') ?? 0);
          if (outlineLevel > had) {
            const tag = raw.replace(/\soutlineLevelCol\s*=\s*(?:"[^"]*"|'[^']*')/, '');
            out += tag.replace(/\s*(\/?)>$/, ` outlineLevelCol="${outlineLevel}"$1>`);
          } else out += raw;
          break;
        }
        case 'cols':
          if (selfClosing) out += colsXml();
          else inCols = true;
          break;
        case 'sheetData':
          if (!colsWritten && edit.widths.length) out += colsXml();
          out += raw;
          break;
        case 'row': {
          const r = attrOf(raw, 'r');
          rowIndex = r !== undefined ? Number(r) - 1 : rowIndex + 1;
          col = -1;
          // spans is a hint of the row's used columns: stale once cells are added, and optional.
          let tag = raw.includes('spans') ? raw.replace(SPANS_ATTR, '') : raw;
          if (!r) tag = `<${qname} r="${rowIndex + 1}"${tag.slice(qname.length + 1)}`;
          ours = oursFor(rowIndex);
          if (selfClosing && ours) {
            out += `${tag.replace(/\s*\/>$/, '>')}${ours}</${qname}>`;
            ours = '';
          } else {
            out += tag;
          }
          break;
        }
        case 'c': {
          const r = attrOf(raw, 'r');
          col = r !== undefined ? parseRef(r).col : col + 1;
          if (col >= edit.startColumn && col < edit.clearEnd) {
            if (!selfClosing) skipCell = true;
            break;
          }
          if (ours && col >= edit.clearEnd) {
            out += ours;
            ours = '';
          }
          out += r ? raw : `<${qname} r="${columnLetter(col)}${rowIndex + 1}"${raw.slice(qname.length + 1)}`;
          break;
        }
        default:
          out += raw;
      }
    }
    if (last) throw new Error('unexpected end of the part');
    return { out, rest: s.slice(pos) };
  }

  const decoder = new StringDecoder('utf8');
  let rest = '';
  let first = true;
  try {
    for await (const chunk of pkg.zip.chunks(part)) {
      let text = decoder.write(chunk);
      if (first && text.length) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      const done = step(rest + text, false);
      rest = done.rest;
      if (done.out) yield done.out;
    }
    const done = step(rest + decoder.end(), true);
    if (done.out) yield done.out;
  } catch (err) {
    if (err instanceof RfmError) throw err;
    throw new RfmError('xlsx.badXml', { file: pkg.file, part, detail: (err as Error).message.split('\n')[0] });
  }
}
