/**
 * SPEC.md 1, "Cell values": numbers are numbers; number text with spaces, thousands separators and a
 * leading currency sign is accepted; empty, text, booleans, errors, negatives, NaN/Infinity are invalid.
 * Every case is checked on the engine and on the independent reference.
 */
import { cellAddress, columnIndex, columnLetter, looksNumeric, parseCell, parseNumberText, type CellValue } from '../../src/core';
import { refParseCell } from './reference';

type Expect = number | 'empty' | 'notNumber' | 'boolean' | 'error' | 'negative' | 'notFinite';

const cases: Array<[string, CellValue, Expect]> = [
  // valid numbers
  ['plain number', 42, 42],
  ['zero', 0, 0],
  ['decimal number', 12.75, 12.75],
  ['thousands separators: "1,234.50" = 1234 + 0.50', '1,234.50', 1234.5],
  ['spaces and ¥: " ¥2,000 " = 2000', ' ¥2,000 ', 2000],
  ['full-width yuan sign: "￥3" = 3', '￥3', 3],
  ['dollar: "$12.5" = 12.5', '$12.5', 12.5],
  ['plain number text', '17', 17],
  ['text with spaces', '  8  ', 8],
  ['several groups: "1,234,567" = 1234567', '1,234,567', 1234567],
  ['exponent text: "1e3" = 1 × 10³ = 1000', '1e3', 1000],
  ['leading dot: ".5" = 0.5', '.5', 0.5],
  ['zero text', '0', 0],
  // invalid
  ['negative number', -5, 'negative'],
  ['negative text "-5"', '-5', 'negative'],
  ['negative money "-$5"', '-$5', 'negative'],
  ['negative money "¥-1,000"', '¥-1,000', 'negative'],
  ['"n/a" is not a number', 'n/a', 'notNumber'],
  ['empty string', '', 'empty'],
  ['blank string', '   ', 'empty'],
  ['null', null, 'empty'],
  ['undefined', undefined, 'empty'],
  ['TRUE', true, 'boolean'],
  ['FALSE', false, 'boolean'],
  ['#N/A text', '#N/A', 'error'],
  ['#DIV/0! text', '#DIV/0!', 'error'],
  ['error object from an adapter', { error: '#N/A' }, 'error'],
  ['NaN', NaN, 'notFinite'],
  ['Infinity', Infinity, 'notFinite'],
  ['-Infinity', -Infinity, 'notFinite'],
  ['"1,23": a comma that is not a thousands separator', '1,23', 'notNumber'],
  ['"12,34,567": bad grouping', '12,34,567', 'notNumber'],
  ['"1,2345": bad grouping', '1,2345', 'notNumber'],
  ['currency sign after the number is not a leading sign', '2000¥', 'notNumber'],
  ['two numbers', '1 2', 'notNumber'],
  ['a word', 'abc', 'notNumber'],
  ['a lone currency sign', '¥', 'notNumber'],
  ['a lone dot', '.', 'notNumber'],
  ['hex text', '0x10', 'notNumber'],
];

describe('parseCell (SPEC.md 1)', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    const want = typeof expected === 'number' ? { ok: true, value: expected } : { ok: false, reason: expected };
    expect(parseCell(input)).toEqual(want);
    expect(refParseCell(input)).toEqual(want);
  });

  it('a Date object is not a metric value', () => {
    expect(parseCell(new Date(2024, 0, 1))).toEqual({ ok: false, reason: 'notNumber' });
  });

  it('negative zero is zero, not negative', () => {
    const p = parseCell(-0);
    expect(p.ok).toBe(true);
    expect(p.ok && Object.is(p.value, 0)).toBe(true);
  });

  it('a huge exponent overflows to Infinity and is not finite', () => {
    expect(parseCell('1e400')).toEqual({ ok: false, reason: 'notFinite' });
    expect(refParseCell('1e400')).toEqual({ ok: false, reason: 'notFinite' });
  });

  it('parseNumberText keeps the sign so the caller can call it negative', () => {
    expect(parseNumberText('-5')).toBe(-5);
    expect(parseNumberText('1,234.50')).toBe(1234.5);
    expect(parseNumberText('n/a')).toBeUndefined();
  });

  it('looksNumeric: a number, even an invalid one, is not header text', () => {
    expect(looksNumeric(-3)).toBe(true);
    expect(looksNumeric('-3')).toBe(true);
    expect(looksNumeric(Infinity)).toBe(true);
    expect(looksNumeric('12')).toBe(true);
    expect(looksNumeric('R')).toBe(false);
    expect(looksNumeric(null)).toBe(false);
    expect(looksNumeric(true)).toBe(false);
  });
});

describe('cell addresses (invalid cells are reported with their address)', () => {
  it('column letters', () => {
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(columnLetter(16383)).toBe('XFD');
    expect(columnIndex('b')).toBe(1);
    expect(columnIndex('AA')).toBe(26);
    expect(columnIndex('XFE')).toBeUndefined();
    expect(columnIndex('B2')).toBeUndefined();
  });

  it('cellAddress uses 1-based rows', () => {
    expect(cellAddress(3, 7)).toBe('D7');
  });
});
