/** A1-style addresses: 0-based column index ↔ letters; rows are 1-based as Excel shows them. */

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "B" → 1, "aa" → 26; undefined when the text is not 1–3 letters within XFD. */
export function columnIndex(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1 <= 16383 ? n - 1 : undefined;
}

export function cellAddress(column: number, row1: number): string {
  return `${columnLetter(column)}${row1}`;
}
