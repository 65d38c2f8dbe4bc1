/**
 * Line breaks of a CSV file, read quote-aware (docs/limits.md, "Line endings"): Papa Parse splits
 * records on one line ending only (the one it guesses), so in a CRLF file a line that ends in LF
 * alone would be glued to the next one and two customers would become one. Every line break outside
 * quotes is turned into LF before parsing; line breaks inside quoted fields (Excel writes Alt+Enter
 * as a bare LF inside quotes) are cell content and stay as they are.
 */

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

export type LineBreak = '\r\n' | '\n' | '\r';

/**
 * Rewrites line breaks chunk by chunk (a CR at the end of one chunk and the LF at the start of the
 * next are one line break). `delimiter`: the field separator, which is where a quoted field may start.
 */
export class LineBreakNormalizer {
  private inQuotes = false;
  private fieldStart = true;
  /** The last chunk ended in a CR outside quotes: an LF at the start of the next one belongs to it. */
  private pendingCr = false;
  /** A quote inside quotes ended the last chunk: it closes the field or escapes a following quote. */
  private pendingQuote = false;
  private readonly delimiter: number;
  readonly counts: Record<LineBreak, number> = { '\r\n': 0, '\n': 0, '\r': 0 };

  constructor(delimiter: string) {
    this.delimiter = delimiter.length === 1 ? delimiter.charCodeAt(0) : 0x2c;
  }

  /** The chunk with every line break outside quotes as LF. */
  push(chunk: string): string {
    const parts: string[] = [];
    let from = 0;
    let i = 0;
    const n = chunk.length;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (n > 0 && chunk.charCodeAt(0) === LF) {
        this.counts['\r\n']++;
        i = 1;
        from = 1; // the CR already became an LF
      } else this.counts['\r']++;
    }
    if (this.pendingQuote) {
      this.pendingQuote = false;
      if (n > 0 && chunk.charCodeAt(i) === QUOTE) i++;
      else this.inQuotes = false;
    }
    const d = this.delimiter;
    for (; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (this.inQuotes) {
        if (c !== QUOTE) continue;
        if (i + 1 === n) this.pendingQuote = true;
        else if (chunk.charCodeAt(i + 1) === QUOTE) i++;
        else this.inQuotes = false;
        continue;
      }
      if (c === QUOTE && this.fieldStart) {
        this.inQuotes = true;
        this.fieldStart = false;
      } else if (c === CR) {
        parts.push(chunk.slice(from, i), '\n');
        if (i + 1 === n) this.pendingCr = true;
        else if (chunk.charCodeAt(i + 1) === LF) {
          this.counts['\r\n']++;
          i++;
        } else this.counts['\r']++;
        from = i + 1;
        this.fieldStart = true;
      } else if (c === LF) {
        this.counts['\n']++;
        this.fieldStart = true;
      } else {
        this.fieldStart = c === d;
      }
    }
    if (from === 0) return chunk;
    parts.push(chunk.slice(from));
    return parts.join('');
  }

  /** The line ending most lines use outside quotes (LF when there is none). */
  majority(): LineBreak {
    const c = this.counts;
    if (c['\r\n'] >= c['\n'] && c['\r\n'] >= c['\r'] && c['\r\n'] > 0) return '\r\n';
    return c['\r'] > c['\n'] ? '\r' : '\n';
  }
}

/**
 * A whole text with mixed line endings (CRLF, LF, CR) rewritten to LF outside quotes; a text with
 * one kind of line ending is returned as it is. `newline`: what most lines used, when rewritten.
 */
export function normalizeLineBreaks(text: string, delimiter: () => string): { text: string; newline?: LineBreak } {
  const hasCr = text.includes('\r');
  if (!hasCr) return { text };
  if (!/\r(?!\n)/.test(text) && !/(?:^|[^\r])\n/.test(text)) return { text };
  const normalizer = new LineBreakNormalizer(delimiter());
  // Even with one kind outside quotes, Papa Parse's guess could be misled by the quoted ones.
  return { text: normalizer.push(text), newline: normalizer.majority() };
}
