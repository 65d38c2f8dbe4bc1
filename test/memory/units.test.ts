/** Addresses, number formats and Excel's typing of strings. */
import { columnIndex, columnLetters, formatAddress, formatRect, parseAddress, sheetPrefix } from '../../src/excel/memory/addresses';
import { formatGeneral, formatValue, typeString } from '../../src/excel/memory/numberFormat';
import { FormatLayer } from '../../src/excel/memory/cells';

describe('addresses', () => {
  test('column letters round-trip up to XFD', () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA', 'XFD']);
    expect(['A', 'z', 'AA', 'xfd'].map(columnIndex)).toEqual([0, 25, 26, 16383]);
    expect(columnIndex('XFE')).toBe(-1);
  });

  test('parse and format', () => {
    const cases: Array<[string, string]> = [
      ['A1', 'A1'],
      ['$B$2:$D$10', 'B2:D10'],
      ['D10:B2', 'B2:D10'],
      ['a:d', 'A:D'],
      ['D:A', 'A:D'],
      ['3:5', '3:5'],
      ['A1:XFD1048576', '1:1048576'],
      ['C1:C1048576', 'C:C'],
      ['A7:XFD7', '7:7'],
    ];
    for (const [input, out] of cases) expect(formatRect(parseAddress(input).rect)).toBe(out);
    expect(parseAddress("'My sheet'!A1:B2")).toEqual({ sheet: 'My sheet', rect: { r0: 0, c0: 0, r1: 1, c1: 1 } });
    expect(parseAddress("'It''s'!A1").sheet).toBe("It's");
    expect(parseAddress('Data!C3').sheet).toBe('Data');
    for (const bad of ['', 'A', '1', 'A1:B', 'A0', 'XFE1', 'A1048577', 'A1,B2', 'A1:B2:C3']) {
      expect(() => parseAddress(bad)).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    }
  });

  test('sheet names are quoted when Excel quotes them', () => {
    expect(sheetPrefix('Data')).toBe('Data!');
    expect(sheetPrefix('RFM Scores')).toBe("'RFM Scores'!");
    expect(sheetPrefix('A1')).toBe("'A1'!");
    expect(sheetPrefix('2024')).toBe("'2024'!");
    expect(formatAddress("Bob's", { r0: 0, c0: 0, r1: 0, c1: 0 })).toBe("'Bob''s'!A1");
  });
});

describe('number formats (Range.text)', () => {
  test('General', () => {
    expect([0, 1, -2.5, 120.5, 1 / 3, 12345678901, 123456789012, 0.0000000001].map(formatGeneral)).toEqual([
      '0',
      '1',
      '-2.5',
      '120.5',
      '0.333333333',
      '12345678901',
      '1.23457E+11',
      '1E-10',
    ]);
  });

  test('common formats', () => {
    expect(formatValue(1234.567, '#,##0.00')).toBe('1,234.57');
    expect(formatValue(-1234.567, '#,##0')).toBe('-1,235');
    expect(formatValue(0.256, '0%')).toBe('26%');
    expect(formatValue(0.256, '0.0%')).toBe('25.6%');
    expect(formatValue(5, '0.00')).toBe('5.00');
    expect(formatValue(5, '000')).toBe('005');
    expect(formatValue(-5, '0;(0)')).toBe('(5)');
    expect(formatValue(12.5, '"$"#,##0.00')).toBe('$12.50');
    expect(formatValue(45292, 'yyyy-mm-dd')).toBe('2024-01-01');
    expect(formatValue(45292.5, 'd/m/yyyy hh:mm')).toBe('1/1/2024 12:00');
    expect(formatValue(123, '@')).toBe('123');
    expect(formatValue('abc', '0.00')).toBe('abc');
    expect(formatValue(true, 'General')).toBe('TRUE');
    expect(formatValue('', '0.00')).toBe('');
  });
});

describe('typing strings as Excel does', () => {
  test('numbers, booleans, apostrophes, text format and formulas', () => {
    expect(typeString('123', 'General', true)).toEqual({ value: 123, coerced: true });
    expect(typeString(' -1.5e3 ', 'General', true)).toEqual({ value: -1500, coerced: true });
    expect(typeString('true', 'General', true)).toEqual({ value: true, coerced: true });
    expect(typeString("'123", 'General', true)).toEqual({ value: '123' });
    expect(typeString('123', '@', true)).toEqual({ value: '123' });
    expect(typeString('123', 'General', false)).toEqual({ value: '123' });
    expect(typeString('=A1', '@', true)).toEqual({ value: '=A1', formula: '=A1' });
    expect(typeString('12a', 'General', true)).toEqual({ value: '12a' });
  });

  test('percentages, ISO dates, and "+"/"-" text that Excel reads as a formula', () => {
    expect(typeString('12%', 'General', true)).toEqual({ value: 0.12, coerced: true, numberFormat: '0%' });
    expect(typeString('12.5%', 'General', true)).toEqual({ value: 0.125, coerced: true, numberFormat: '0.00%' });
    expect(typeString('2024-01-31', 'General', true)).toEqual({ value: 45322, coerced: true, numberFormat: 'yyyy-mm-dd' });
    expect(typeString('2024-02-30', 'General', true)).toEqual({ value: '2024-02-30' });
    expect(typeString('-', 'General', true)).toEqual({ value: '-' });
    expect(typeString('-n/a', 'General', true)).toEqual({ value: '=-n/a', formula: '=-n/a' });
    expect(typeString('+31 20 555', 'General', true)).toEqual({ value: '=+31 20 555', formula: '=+31 20 555' });
    expect(typeString('+31 20 555', 'General', false)).toEqual({ value: '+31 20 555' });
    expect(formatValue(45322, 'yyyy-mm-dd')).toBe('2024-01-31');
  });
});

describe('format layers', () => {
  test('newest write wins between cells and rectangles', () => {
    const layer = new FormatLayer<string>();
    layer.setRect({ r0: 0, c0: 0, r1: 1048575, c1: 3 }, 'col');
    layer.setCell(5, 1, 'cell');
    expect(layer.get(5, 1)).toBe('cell');
    expect(layer.get(6, 1)).toBe('col');
    layer.setRect({ r0: 0, c0: 1, r1: 1048575, c1: 1 }, 'newer');
    expect(layer.get(5, 1)).toBe('newer');
    expect(layer.get(5, 0)).toBe('col');
    expect(layer.get(5, 9)).toBeUndefined();
    expect(layer.uniform({ r0: 0, c0: 1, r1: 1048575, c1: 1 }, 'default')).toBe('newer');
    expect(layer.uniform({ r0: 0, c0: 0, r1: 1048575, c1: 1 }, 'default')).toBeNull();
    expect(layer.uniform({ r0: 0, c0: 8, r1: 9, c1: 9 }, 'default')).toBe('default');
  });
});
