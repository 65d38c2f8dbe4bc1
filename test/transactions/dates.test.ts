/**
 * src/core/dates.ts: civil day numbers, Excel serials (1900 leap-year bug), JS Dates read by their
 * UTC fields, and the text formats — none of it may depend on the process time zone (the spawned
 * runs in tz.test.ts check that end to end under two TZ values).
 */
import {
  civilDay,
  civilFromExcelSerial,
  civilFromJsDate,
  civilToYmd,
  dayOfCell,
  excelSerialFromCivil,
  formatCivilDay,
  jsDateFromCivil,
  MAX_CIVIL_DAY,
  MIN_CIVIL_DAY,
  parseDateCell,
  parseDateText,
  parseIsoDay,
} from '../../src/core';

const day = (text: string) => {
  const d = parseIsoDay(text);
  if (d === undefined) throw new Error(`bad test date ${text}`);
  return d;
};

describe('civil day numbers', () => {
  test('known days', () => {
    expect(civilDay(1970, 1, 1)).toBe(0);
    expect(civilDay(2025, 3, 31)).toBe(20178);
    expect(civilDay(1900, 1, 1)).toBe(MIN_CIVIL_DAY);
    expect(formatCivilDay(MIN_CIVIL_DAY)).toBe('1900-01-01');
    expect(formatCivilDay(MAX_CIVIL_DAY)).toBe('9999-12-31');
  });

  test('every day from 1900 to 2100 round-trips and follows the previous one', () => {
    let prev = MIN_CIVIL_DAY - 1;
    for (let y = 1900; y <= 2100; y++) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= 31; d++) {
          const n = civilDay(y, m, d);
          const real = d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
          if (!real) {
            expect(n).toBeUndefined();
            continue;
          }
          expect(n).toBe(prev + 1);
          expect(civilToYmd(n!)).toEqual({ year: y, month: m, day: d });
          expect(n).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
          prev = n!;
        }
      }
    }
  });

  test('29 February only in leap years (2000 yes, 1900 and 2100 no)', () => {
    expect(civilDay(2024, 2, 29)).toBe(day('2024-02-29'));
    expect(civilDay(2000, 2, 29)).toBeDefined();
    expect(civilDay(2025, 2, 29)).toBeUndefined();
    expect(civilDay(1900, 2, 29)).toBeUndefined();
    expect(civilDay(2100, 2, 29)).toBeUndefined();
    expect(day('2024-03-01') - day('2024-02-28')).toBe(2);
    expect(day('2025-03-01') - day('2025-02-28')).toBe(1);
  });

  test('outside 1900–9999 is not a date', () => {
    expect(civilDay(1899, 12, 31)).toBeUndefined();
    expect(civilDay(10000, 1, 1)).toBeUndefined();
    expect(civilDay(2025, 13, 1)).toBeUndefined();
    expect(civilDay(2025, 4, 31)).toBeUndefined();
  });
});

describe('Excel serial numbers (1900 date system)', () => {
  test('known serials, and serial 60 (the fictitious 1900-02-29) is not a date', () => {
    expect(formatCivilDay(civilFromExcelSerial(1)!)).toBe('1900-01-01');
    expect(formatCivilDay(civilFromExcelSerial(59)!)).toBe('1900-02-28');
    expect(civilFromExcelSerial(60)).toBeUndefined();
    expect(formatCivilDay(civilFromExcelSerial(61)!)).toBe('1900-03-01');
    expect(formatCivilDay(civilFromExcelSerial(25569)!)).toBe('1970-01-01');
    expect(formatCivilDay(civilFromExcelSerial(45747)!)).toBe('2025-03-31');
    expect(formatCivilDay(civilFromExcelSerial(45351)!)).toBe('2024-02-29');
    expect(formatCivilDay(civilFromExcelSerial(2958465)!)).toBe('9999-12-31');
  });

  test('a time of day (the fraction) is dropped; < 1, NaN and beyond 9999 are not dates', () => {
    expect(formatCivilDay(civilFromExcelSerial(45747.999)!)).toBe('2025-03-31');
    expect(civilFromExcelSerial(0)).toBeUndefined();
    expect(civilFromExcelSerial(0.5)).toBeUndefined();
    expect(civilFromExcelSerial(-3)).toBeUndefined();
    expect(civilFromExcelSerial(NaN)).toBeUndefined();
    expect(civilFromExcelSerial(2958466)).toBeUndefined();
    expect(civilFromExcelSerial(20250331)).toBeUndefined();
  });

  test('serial ↔ day round-trips on both sides of the bug', () => {
    for (const serial of [1, 2, 58, 59, 61, 62, 25569, 45747, 2958465]) {
      expect(excelSerialFromCivil(civilFromExcelSerial(serial)!)).toBe(serial);
    }
  });
});

describe('JS Dates: the wall-clock date stored as UTC (exceljs, Office)', () => {
  test('the UTC calendar day, whatever the time of day', () => {
    expect(formatCivilDay(civilFromJsDate(new Date(Date.UTC(2025, 2, 31)))!)).toBe('2025-03-31');
    expect(formatCivilDay(civilFromJsDate(new Date(Date.UTC(2025, 2, 31, 23, 59, 59)))!)).toBe('2025-03-31');
    expect(formatCivilDay(civilFromJsDate(new Date(Date.UTC(2024, 1, 29, 0, 0, 1)))!)).toBe('2024-02-29');
    expect(civilFromJsDate(new Date(NaN))).toBeUndefined();
    expect(civilFromJsDate(new Date(Date.UTC(1899, 11, 31)))).toBeUndefined();
  });

  test('jsDateFromCivil is UTC midnight', () => {
    expect(jsDateFromCivil(day('2025-03-31')).toISOString()).toBe('2025-03-31T00:00:00.000Z');
  });
});

describe('dates written as text', () => {
  const ok = (text: string) => {
    const p = parseDateText(text);
    return p.ok ? formatCivilDay(p.day) : p.reason;
  };

  test.each([
    ['2025-03-31', '2025-03-31'],
    ['2025/3/31', '2025-03-31'],
    ['2025/03/31', '2025-03-31'],
    ['2025.3.31', '2025-03-31'],
    ['2025-3-1', '2025-03-01'],
    ['2025年3月31日', '2025-03-31'],
    ['2025 年 3 月 1 日', '2025-03-01'],
    ['2025年3月31号', '2025-03-31'],
    ['  2025-03-31  ', '2025-03-31'],
    ['2025-03-31 14:05', '2025-03-31'],
    ['2025-03-31 14:05:09', '2025-03-31'],
    ['2025-03-31T23:30:00Z', '2025-03-31'],
    ['2025-03-31T23:30:00.123-08:00', '2025-03-31'],
    ['2025/3/31 9:05', '2025-03-31'],
    ['2025年3月31日 14:05', '2025-03-31'],
    ['31/03/2025', '2025-03-31'],
    ['31.03.2025', '2025-03-31'],
    ['03/31/2025', '2025-03-31'],
    ['13/01/2025', '2025-01-13'],
    ['05/05/2025', '2025-05-05'],
    ['29/02/2024', '2024-02-29'],
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (text, expected) => {
    expect(ok(text)).toBe(expected);
  });

  test.each([
    ['03/04/2025', 'ambiguousDate'],
    ['1/2/2025', 'ambiguousDate'],
    ['2025-02-29', 'notDate'],
    ['1900-02-29', 'notDate'],
    ['29/02/2025', 'notDate'],
    ['2025-13-01', 'notDate'],
    ['2025-04-31', 'notDate'],
    ['31/13/2025', 'notDate'],
    ['2025-03-31 25:00', 'notDate'],
    ['25-03-31', 'notDate'],
    ['20250331', 'notDate'],
    ['2025-03', 'notDate'],
    ['March 31, 2025', 'notDate'],
    ['today', 'notDate'],
    ['1899-12-31', 'notDate'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['#N/A', 'error'],
  ])('%s is invalid: %s', (text, reason) => {
    expect(ok(text)).toBe(reason);
  });
});

describe('date cells', () => {
  test('numbers are serials, Dates are read by UTC fields, other types are invalid', () => {
    expect(parseDateCell(45747)).toEqual({ ok: true, day: day('2025-03-31') });
    expect(parseDateCell(new Date(Date.UTC(2025, 2, 31, 12)))).toEqual({ ok: true, day: day('2025-03-31') });
    expect(parseDateCell('2025/3/31')).toEqual({ ok: true, day: day('2025-03-31') });
    expect(parseDateCell(null)).toEqual({ ok: false, reason: 'empty' });
    expect(parseDateCell(undefined)).toEqual({ ok: false, reason: 'empty' });
    expect(parseDateCell(true)).toEqual({ ok: false, reason: 'boolean' });
    expect(parseDateCell({ error: '#VALUE!' })).toEqual({ ok: false, reason: 'error' });
    expect(parseDateCell(60)).toEqual({ ok: false, reason: 'notDate' });
  });

  test('dayOfCell agrees with parseDateCell', () => {
    const cells = [45747, 60, '2025-03-31', '2025/03/31', '2025-02-29', '2025/3/31', '31/03/2025', '03/04/2025', '', null, true];
    for (const v of cells) {
      const p = parseDateCell(v);
      expect(dayOfCell(v)).toBe(p.ok ? p.day : undefined);
    }
  });

  test('option dates are strictly YYYY-MM-DD', () => {
    expect(parseIsoDay('2025-03-31')).toBe(20178);
    expect(parseIsoDay('2025/03/31')).toBeUndefined();
    expect(parseIsoDay('2025-3-31')).toBeUndefined();
    expect(parseIsoDay('2025-02-29')).toBeUndefined();
  });
});
