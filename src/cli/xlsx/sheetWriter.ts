/**
 * Second pass of the streaming xlsx path (docs/xlsx.md): the scored sheet's XML is parsed again and
 * written back element for element, with this product's cells put into each row in column order
 * (every cell with its `r` address), an earlier run's output cells dropped, the `<dimension>`
 * widened and widths for the new columns in `<cols>` (created before `<sheetData>` when missing,
 * as ECMA-376 orders a worksheet's children). Nothing else of the sheet changes meaning.
 */
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { columnLetter, RfmError } from '../../core';
import type { XlsxPackage } from './package';
import { parseRef } from './sheetReader';
import { escapeAttr, escapeText, local, prefixOf, xmlSafe } from './xml';

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
  /** The new `<dimension ref>`. */
  dimension: string;
  /** Width per output column, added where `<cols>` says nothing about the column yet. */
  widths: readonly number[];
}

export interface SheetEditResult {
  /** A formula cell was dropped: the calculation chain may name it and must go. */
  droppedFormula: boolean;
}

interface ColSpec {
  min: number;
  max: number;
  attrs: Record<string, string>;
}

function open(name: string, attrs: Record<string, string>, selfClosing: boolean): string {
  let s = `<${name}`;
  for (const k in attrs) s += ` ${k}="${escapeAttr(attrs[k])}"`;
  return s + (selfClosing ? '/>' : '>');
}

/** The rewritten worksheet part, a string per chunk of input, pulled with back-pressure by the zip writer. */
export async function* rewriteSheet(pkg: XlsxPackage, part: string, edit: SheetEdit, result: SheetEditResult): AsyncGenerator<string> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let out = '';
  let p = '';
  let skip = 0;
  let inCols = false;
  let cols: ColSpec[] | undefined;
  let colsWritten = false;
  let rowIndex = -1;
  let col = -1;
  let rowTag = '';
  let ours = ''; // the cells still to put into the current row
  let dataPtr = 0;
  const n = edit.headers.length;
  const letters = edit.headers.map((_, c) => columnLetter(edit.startColumn + c));

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
      for (let c = 0; c < n; c++) s += cellXml(c, row, edit.headers[c], edit.headerStyle);
      return s;
    }
    while (dataPtr < edit.dataRows.length && edit.dataRows[dataPtr] < row) dataPtr++;
    if (dataPtr < edit.dataRows.length && edit.dataRows[dataPtr] === row) {
      for (let c = 0; c < n; c++) {
        const v = edit.value(dataPtr, c);
        if (v !== null) s += cellXml(c, row, v, edit.valueStyle[c]);
      }
    }
    return s;
  }

  function colsXml(existing: ColSpec[]): string {
    const all = [...existing];
    edit.widths.forEach((w, c) => {
      const index = edit.startColumn + c + 1;
      if (!existing.some((e) => e.min <= index && index <= e.max)) {
        all.push({ min: index, max: index, attrs: { min: String(index), max: String(index), width: String(w), customWidth: '1' } });
      }
    });
    all.sort((a, b) => a.min - b.min);
    return `<${p}cols>${all.map((e) => open(`${p}col`, e.attrs, true)).join('')}</${p}cols>`;
  }

  parser.on('xmldecl', (d) => {
    out += `<?xml version="${d.version ?? '1.0'}" encoding="UTF-8"${d.standalone ? ` standalone="${d.standalone}"` : ''}?>`;
  });
  parser.on('processinginstruction', (pi) => {
    if (!skip) out += `<?${pi.target}${pi.body ? ` ${pi.body}` : ''}?>`;
  });
  parser.on('comment', (c) => {
    if (!skip) out += `<!--${c}-->`;
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (skip) {
      if (local(tag.name) === 'f') result.droppedFormula = true;
      if (!tag.isSelfClosing) skip++;
      return;
    }
    const name = local(tag.name);
    const attrs = tag.attributes as Record<string, string>;
    switch (name) {
      case 'worksheet':
        p = prefixOf(tag.name);
        break;
      case 'dimension':
        out += open(tag.name, { ...attrs, ref: edit.dimension }, tag.isSelfClosing);
        return;
      case 'cols':
        inCols = true;
        cols = [];
        if (tag.isSelfClosing) {
          out += colsXml([]);
          colsWritten = true;
          inCols = false;
        }
        return;
      case 'col':
        if (inCols) {
          cols!.push({ min: Number(attrs.min), max: Number(attrs.max), attrs });
          return;
        }
        break;
      case 'sheetData':
        if (!colsWritten && edit.widths.length) {
          out += colsXml([]);
          colsWritten = true;
        }
        break;
      case 'row': {
        rowIndex = attrs.r !== undefined ? Number(attrs.r) - 1 : rowIndex + 1;
        col = -1;
        const a: Record<string, string> = { r: String(rowIndex + 1) };
        for (const k in attrs) if (k !== 'r' && k !== 'spans') a[k] = attrs[k];
        ours = oursFor(rowIndex);
        rowTag = tag.name;
        if (tag.isSelfClosing) {
          out += ours ? `${open(tag.name, a, false)}${ours}</${tag.name}>` : open(tag.name, a, true);
          ours = '';
        } else {
          out += open(tag.name, a, false);
        }
        return;
      }
      case 'c': {
        col = attrs.r !== undefined ? parseRef(attrs.r).col : col + 1;
        if (col >= edit.startColumn && col < edit.clearEnd) {
          if (!tag.isSelfClosing) skip = 1;
          return;
        }
        if (ours && col >= edit.clearEnd) {
          out += ours;
          ours = '';
        }
        if (attrs.r === undefined) {
          out += open(tag.name, { r: `${columnLetter(col)}${rowIndex + 1}`, ...attrs }, tag.isSelfClosing);
          return;
        }
        break;
      }
    }
    out += open(tag.name, attrs, tag.isSelfClosing);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    if (skip) {
      // saxes reports a self-closing element's end too; only elements that were opened count.
      if (!tag.isSelfClosing) skip--;
      return;
    }
    if (tag.isSelfClosing) return;
    const name = local(tag.name);
    if (name === 'cols' && inCols) {
      out += colsXml(cols!);
      colsWritten = true;
      inCols = false;
      return;
    }
    if (name === 'col' && inCols) return;
    if (name === 'row' && tag.name === rowTag && ours) {
      out += ours;
      ours = '';
    }
    out += `</${tag.name}>`;
  });
  parser.on('text', (text) => {
    if (!skip && !inCols) out += escapeText(text);
  });
  parser.on('cdata', (text) => {
    if (!skip) out += escapeText(text);
  });

  const decoder = new StringDecoder('utf8');
  let first = true;
  try {
    for await (const chunk of pkg.zip.chunks(part)) {
      let text = decoder.write(chunk);
      if (first && text.length) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      parser.write(text);
      if (out.length) {
        yield out;
        out = '';
      }
    }
    parser.write(decoder.end());
    parser.close();
  } catch (err) {
    if (err instanceof RfmError) throw err;
    throw new RfmError('xlsx.badXml', { file: pkg.file, part, detail: (err as Error).message.split('\n')[0] });
  }
  if (out.length) yield out;
}
