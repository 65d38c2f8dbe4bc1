/**
 * SPEC.md 6: the columns written back — R score, F score, M score, RFM score, Grade — with headers
 * in the user's language, values (not text), and a Check column only when a row is invalid.
 */
import { isOwnOutputHeader, outputHeader, outputTable, scoreTable, type OutputTable } from '../../src/core';
import { schemeWith } from './helpers';

const EN = ['R Score', 'F Score', 'M Score', 'RFM Score', 'Grade', 'Segment', 'Follow-up', 'Check'];
const ZH = ['R得分', 'F得分', 'M得分', 'RFM得分', '客户等级', '客户分群', '回访周期', '数据检查'];

function rowsOf(table: OutputTable, rows: number): Array<Array<number | string | null>> {
  return Array.from({ length: rows }, (_, r) => table.headers.map((_h, c) => table.cell(r, c)));
}

describe('output headers: the exact SPEC.md 6 strings', () => {
  const columns = ['r', 'f', 'm', 'rfm', 'grade', 'segment', 'followUp', 'check'] as const;
  it('en', () => expect(columns.map((c) => outputHeader(c, 'en'))).toEqual(EN));
  it('zh', () => expect(columns.map((c) => outputHeader(c, 'zh'))).toEqual(ZH));
  it('a re-run recognises its own columns in either language', () => {
    for (const h of [...EN, ...ZH]) expect(isOwnOutputHeader(h)).toBe(true);
    expect(isOwnOutputHeader('R值')).toBe(false);
  });
});

describe('outputTable', () => {
  const scheme = schemeWith();
  // R ascending 10..50 → 5,4,3,2,1; F, M descending → 5,4,3,2,1 (n = 5: one row per score)
  const valid = { r: [10, 20, 30, 40, 50], f: [9, 7, 5, 3, 1], m: [900, 700, 500, 300, 100] };

  it('all rows valid: five columns, no Check; values are numbers', () => {
    const result = scoreTable(valid, scheme);
    const en = outputTable(result, scheme, 'en');
    expect(en.headers).toEqual(EN.slice(0, 5));
    expect(en.columns).toEqual(['r', 'f', 'm', 'rfm', 'grade']);
    expect(outputTable(result, scheme, 'zh').headers).toEqual(ZH.slice(0, 5));
    // composites 5, 4, 3, 2, 1 → A, A, B, C, D
    expect(rowsOf(en, 5)).toEqual([
      [5, 5, 5, 5, 'A'],
      [4, 4, 4, 4, 'A'],
      [3, 3, 3, 3, 'B'],
      [2, 2, 2, 2, 'C'],
      [1, 1, 1, 1, 'D'],
    ]);
  });

  it('an invalid row adds Check / 数据检查 with its reasons, and leaves its scores empty', () => {
    const table = {
      r: [10, '', 20, 30, 40, 50],
      f: [9, -2, 7, 5, 3, 1],
      m: [900, 5, 700, 500, 'n/a', 100],
    };
    const result = scoreTable(table, scheme);
    // valid rows 0, 2, 3, 5 (n = 4): R 10, 20, 30, 50 → ranks 1..4 → 5 − floor(5(rank−1)/4) = 5, 4, 3, 2
    const en = outputTable(result, scheme, 'en');
    expect(en.headers).toEqual([...EN.slice(0, 5), 'Check']);
    expect(rowsOf(en, 6)).toEqual([
      [5, 5, 5, 5, 'A', null],
      [null, null, null, null, null, 'R is empty; F is negative'],
      [4, 4, 4, 4, 'A', null],
      [3, 3, 3, 3, 'B', null],
      [null, null, null, null, null, 'M is not a number'],
      [2, 2, 2, 2, 'C', null],
    ]);
    const zh = outputTable(result, scheme, 'zh');
    expect(zh.headers).toEqual([...ZH.slice(0, 5), '数据检查']);
    expect(zh.cell(1, 5)).toBe('R值为空；F值为负数');
    expect(zh.cell(4, 5)).toBe('M值不是数字');
    expect(zh.cell(0, 4)).toBe('A');
  });

  it('the RFM score is the exact decimal as a number', () => {
    const s = schemeWith({ weights: ['0.35', '0.35', '0.3'] });
    const result = scoreTable(valid, s);
    const en = outputTable(result, s, 'en');
    // row 2: scores 3,3,3 → 0.35·3 + 0.35·3 + 0.3·3 = 3 exactly (floats: 2.9999999999999996) → B
    expect(en.cell(2, 3)).toBe(3);
    expect(en.cell(2, 4)).toBe('B');
  });
});
