/**
 * Cell values, Excel's typing rules for strings written through `values`, and a small number-format
 * renderer for `Range.text` (General, 0 / 0.00, #,##0, percent, "@", literal text and common dates).
 */

/** What a cell holds. "" is a blank cell, as Office.js reports it. */
export type CellValue = number | string | boolean;

/** Error literals: typing one of these makes an error cell in Excel. */
export const ERROR_LITERALS: ReadonlySet<string> = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
]);

export type ValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';

export function valueTypeOf(v: CellValue): ValueType {
  if (v === '') return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return ERROR_LITERALS.has(v) ? 'Error' : 'String';
}

const NUMBER_TEXT = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

export interface TypedInput {
  value: CellValue;
  /** Set when the input was a formula ("=…"). `value` then holds the formula text. */
  formula?: string;
  /** Set when a string was turned into a number, a date or a boolean, as Excel does for typed text. */
  coerced?: boolean;
  /** A number format Excel applies to a General cell along with the value (percent, date). */
  numberFormat?: string;
}

const PERCENT_TEXT = /^\s*([+-]?(\d+(\.\d*)?|\.\d+))%\s*$/;
const ISO_DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** Excel serial date (1900 system) for a UTC calendar date and time. */
export function dateSerial(year: number, month: number, day: number, h = 0, m = 0, sec = 0): number {
  return (Date.UTC(year, month - 1, day, h, m, sec) - Date.UTC(1899, 11, 30)) / 86400000;
}

function isoDate(input: string): TypedInput | undefined {
  const m = ISO_DATE_TEXT.exec(input);
  if (!m) return undefined;
  const [y, mo, d, h, mi, se] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || se > 59 || y < 1900) return undefined;
  const withTime = m[4] !== undefined;
  return { value: dateSerial(y, mo, d, h, mi, se), coerced: true, numberFormat: withTime ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd' };
}

/**
 * A string written through `Range.values` is treated as if typed: "=…" is a formula, so is text
 * starting with "+" or "-" that is not a number; "123" becomes a number, "12%" 0.12, "2024-01-31" a
 * date serial, "TRUE" a boolean; a leading apostrophe forces text; a cell formatted as text ("@")
 * keeps the string as it is. With `coerce` false only "=…" formulas are recognised.
 */
export function typeString(input: string, cellFormat: string, coerce: boolean): TypedInput {
  if (input.length > 1 && input.startsWith('=')) return { value: input, formula: input };
  if (cellFormat === '@') return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (!coerce) return { value: input };
  if (NUMBER_TEXT.test(input)) {
    const n = Number(input);
    if (Number.isFinite(n)) return { value: n === 0 ? 0 : n, coerced: true };
  }
  const percent = PERCENT_TEXT.exec(input);
  if (percent) {
    const n = Number(percent[1]) / 100;
    return { value: n === 0 ? 0 : n, coerced: true, numberFormat: percent[1].includes('.') ? '0.00%' : '0%' };
  }
  const date = isoDate(input.trim());
  if (date) return date;
  const upper = input.trim().toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { value: upper === 'TRUE', coerced: true };
  if (input.length > 1 && (input.startsWith('+') || input.startsWith('-'))) {
    const formula = `=${input}`;
    return { value: formula, formula };
  }
  return { value: input };
}

// ---------------------------------------------------------------------------------------------
// Rendering (Range.text)

/** Excel's "General": integers up to 11 digits as they are, else about 10 significant digits. */
export function formatGeneral(n: number): string {
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa, exp] = n.toExponential(5).split('e');
    const m = mantissa.replace(/\.?0+$/, '');
    const e = Number(exp);
    return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (Number.isInteger(n)) return String(n);
  const digitsBeforePoint = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const decimals = Math.max(0, Math.min(9, 10 - digitsBeforePoint));
  return n.toFixed(decimals).replace(/\.?0+$/, '');
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && i + 1 < format.length) {
      current += ch + format[i + 1];
      i += 1;
      continue;
    }
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  sections.push(current);
  return sections;
}

/** Removes [Red]/[$-409] brackets, `_x` padding and `*x` fill; keeps quoted and escaped literals marked. */
function tokenize(section: string): Array<{ literal: boolean; text: string }> {
  const out: Array<{ literal: boolean; text: string }> = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const text = end < 0 ? section.slice(i + 1) : section.slice(i + 1, end);
      out.push({ literal: true, text });
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      out.push({ literal: true, text: section[i + 1] ?? '' });
      i += 1;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const inner = end < 0 ? '' : section.slice(i + 1, end);
      const currency = /^\$([^-]*)/.exec(inner);
      if (currency && currency[1]) out.push({ literal: true, text: currency[1] });
      i = end < 0 ? section.length : end;
    } else if (ch === '_') {
      out.push({ literal: true, text: ' ' });
      i += 1;
    } else if (ch === '*') {
      i += 1;
    } else {
      out.push({ literal: false, text: ch });
    }
  }
  return out;
}

function isDateFormat(section: string): boolean {
  const plain = tokenize(section)
    .filter((t) => !t.literal)
    .map((t) => t.text)
    .join('');
  return /[dyhs]/i.test(plain) || (/m/i.test(plain) && !/[0#?]/.test(plain));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function formatDate(serial: number, section: string): string {
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  const plain = tokenize(section);
  const text = plain.map((t) => (t.literal ? `\u0000${t.text}\u0000` : t.text)).join('');
  const hasAmPm = /AM\/PM|A\/P/i.test(text);
  const parts = text.split('\u0000');
  let out = '';
  let sawHour = false;
  for (let p = 0; p < parts.length; p++) {
    if (p % 2 === 1) {
      out += parts[p];
      continue;
    }
    const re = /yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|AM\/PM|A\/P|./gi;
    const tokens = parts[p].match(re) ?? [];
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i];
      const low = tok.toLowerCase();
      const hours24 = d.getUTCHours();
      const hours = hasAmPm ? ((hours24 + 11) % 12) + 1 : hours24;
      const nextIsSeconds = tokens.slice(i + 1).find((t) => /^[a-z]/i.test(t))?.toLowerCase().startsWith('s') ?? false;
      switch (low) {
        case 'yyyy':
          out += String(d.getUTCFullYear());
          break;
        case 'yy':
          out += String(d.getUTCFullYear() % 100).padStart(2, '0');
          break;
        case 'mmmm':
          out += MONTHS[d.getUTCMonth()];
          break;
        case 'mmm':
          out += MONTHS[d.getUTCMonth()].slice(0, 3);
          break;
        case 'mm':
        case 'm': {
          const minutes = sawHour || nextIsSeconds;
          const n = minutes ? d.getUTCMinutes() : d.getUTCMonth() + 1;
          out += low === 'mm' ? String(n).padStart(2, '0') : String(n);
          break;
        }
        case 'dddd':
          out += DAYS[d.getUTCDay()];
          break;
        case 'ddd':
          out += DAYS[d.getUTCDay()].slice(0, 3);
          break;
        case 'dd':
          out += String(d.getUTCDate()).padStart(2, '0');
          break;
        case 'd':
          out += String(d.getUTCDate());
          break;
        case 'hh':
          out += String(hours).padStart(2, '0');
          sawHour = true;
          break;
        case 'h':
          out += String(hours);
          sawHour = true;
          break;
        case 'ss':
          out += String(d.getUTCSeconds()).padStart(2, '0');
          break;
        case 's':
          out += String(d.getUTCSeconds());
          break;
        case 'am/pm':
          out += hours24 < 12 ? 'AM' : 'PM';
          break;
        case 'a/p':
          out += hours24 < 12 ? 'A' : 'P';
          break;
        default:
          out += tok;
      }
      if (low !== 'hh' && low !== 'h' && /^[a-z]/i.test(low) && low !== 'mm' && low !== 'm') sawHour = false;
    }
  }
  return out;
}

function withThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatNumberSection(n: number, section: string): string {
  const tokens = tokenize(section);
  const firstPlaceholder = tokens.findIndex((t) => !t.literal && /[0#?]/.test(t.text));
  if (firstPlaceholder < 0) {
    return tokens.map((t) => (t.literal || t.text !== '@' ? t.text : String(n))).join('');
  }
  let lastPlaceholder = firstPlaceholder;
  tokens.forEach((t, i) => {
    if (!t.literal && /[0#?.,]/.test(t.text)) lastPlaceholder = i;
  });
  const prefix = tokens
    .slice(0, firstPlaceholder)
    .map((t) => t.text)
    .join('');
  const suffix = tokens
    .slice(lastPlaceholder + 1)
    .map((t) => t.text)
    .join('');
  const body = tokens
    .slice(firstPlaceholder, lastPlaceholder + 1)
    .filter((t) => !t.literal)
    .map((t) => t.text)
    .join('');
  const percents = (body.match(/%/g) ?? []).length + (suffix.match(/%/g) ?? []).length;
  let value = n * Math.pow(100, percents);
  const numeric = body.replace(/%/g, '');
  const point = numeric.indexOf('.');
  const intPart = point < 0 ? numeric : numeric.slice(0, point);
  const fracPart = point < 0 ? '' : numeric.slice(point + 1);
  // trailing commas scale by 1000 each
  const trailingCommas = /,+$/.exec(intPart)?.[0].length ?? 0;
  value /= Math.pow(1000, trailingCommas);
  const thousands = intPart.replace(/,+$/, '').includes(',');
  const minIntDigits = (intPart.match(/0/g) ?? []).length;
  const fracDigits = (fracPart.match(/[0#?]/g) ?? []).length;
  const minFracDigits = (fracPart.match(/0/g) ?? []).length;
  const [whole, frac = ''] = Math.abs(value).toFixed(fracDigits).split('.');
  let i = whole === '0' && minIntDigits === 0 ? '' : whole.padStart(minIntDigits, '0');
  let f = frac;
  while (f.length > minFracDigits && f.endsWith('0')) f = f.slice(0, -1);
  if (thousands) i = withThousands(i);
  const fixed = point >= 0 ? `${i}.${f}` : i;
  return prefix + fixed + suffix;
}

/** Renders a cell value with a number format, as `Range.text` shows it (column width ignored). */
export function formatValue(v: CellValue, format: string): string {
  if (v === '') return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const fmt = format.trim() === '' ? 'General' : format;
  const sections = splitSections(fmt);
  if (typeof v === 'string') {
    const textSection = sections.length >= 4 ? sections[3] : sections.find((s) => s.includes('@'));
    if (!textSection) return v;
    return tokenize(textSection)
      .map((t) => (t.literal || t.text !== '@' ? t.text : v))
      .join('');
  }
  let section = sections[0];
  let n = v;
  let negativeSection = false;
  if (v < 0 && sections.length >= 2 && sections[1] !== '') {
    section = sections[1];
    n = -v;
    negativeSection = true;
  } else if (v === 0 && sections.length >= 3) {
    section = sections[2];
  }
  if (/^general$/i.test(section.trim()) || section.trim() === '') {
    return negativeSection ? formatGeneral(n) : formatGeneral(v);
  }
  if (section.trim() === '@') return formatGeneral(v);
  try {
    if (isDateFormat(section)) return formatDate(n, section);
    const body = formatNumberSection(n, section);
    if (!negativeSection && n < 0 && /[1-9]/.test(body)) return `-${body}`;
    return body;
  } catch {
    return formatGeneral(v);
  }
}
