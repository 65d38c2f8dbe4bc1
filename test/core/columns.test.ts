/**
 * SPEC.md 1: header-row detection and column detection from English and Chinese headers, and
 * resolveLayout (column letters, exact header text, header auto/yes/no).
 */
import { classifyHeader, detectColumns, isHeaderRow, resolveLayout, RfmError, type CellValue } from '../../src/core';
import { expectRfmError } from './helpers';

describe('classifyHeader: the real headers of SPEC.md 1', () => {
  it.each([
    ['R', 'r', true],
    ['R值', 'r', true],
    ['最近一次活动R(天)', 'r', true],
    ['距离上一次购买的天数R(天)', 'r', true],
    // "最近一段时间" is not "最近一次"; the standalone F decides: F, not R.
    ['最近一段时间购买频次F(次)', 'f', true],
    ['消费金额M(元)', 'm', true],
    ['F', 'f', true],
    ['M值', 'm', true],
    ['Recency', 'r', false],
    ['Frequency', 'f', false],
    ['Monetary', 'm', false],
    ['Amount', 'm', false],
    ['recency (days)', 'r', false],
    ['最近一次消费距今天数', 'r', false],
    ['购买次数', 'f', false],
    ['购买频率', 'f', false],
    ['累计消费额', 'm', false],
  ] as const)('%s → %s', (header, metric, byLetter) => {
    expect(classifyHeader(header)).toEqual({ metric, byLetter });
  });

  it.each([['Customer'], ['Name'], ['RFM'], ['客户ID'], [''], ['Region']])('%s is no metric', (header) => {
    expect(classifyHeader(header)).toBeUndefined();
  });

  it('two different standalone letters in one header decide nothing (no silent guess)', () => {
    expect(classifyHeader('R/F')).toBeUndefined();
    expect(classifyHeader('F or M')).toBeUndefined();
    // the same letter twice is still one metric
    expect(classifyHeader('R (R值)')).toEqual({ metric: 'r', byLetter: true });
  });

  it('a header naming two metrics by keyword decides nothing', () => {
    expect(classifyHeader('消费次数与金额')).toBeUndefined();
  });

  it('score, grade and output headers are never input metrics', () => {
    for (const h of ['R得分', 'F得分', 'M得分', 'RFM得分', '客户等级', 'R Score', 'RFM Score', 'Grade']) {
      expect(classifyHeader(h)).toBeUndefined();
    }
  });
});

describe('detectColumns', () => {
  it('Chinese sheet with the real headers', () => {
    const d = detectColumns(['客户ID', '最近一次活动R(天)', '最近一段时间购买频次F(次)', '消费金额M(元)']);
    expect(d.columns).toEqual({ id: 0, r: 1, f: 2, m: 3 });
    expect(d.problems).toEqual([]);
  });

  it('距离上一次购买的天数R(天) with F and M', () => {
    const d = detectColumns(['客户', '距离上一次购买的天数R(天)', '最近一段时间购买频次F(次)', '消费金额M(元)']);
    expect(d.columns).toMatchObject({ r: 1, f: 2, m: 3 });
    expect(d.problems).toEqual([]);
  });

  it('English sheet: Recency, Frequency, Monetary', () => {
    const d = detectColumns(['Customer ID', 'Recency', 'Frequency', 'Monetary']);
    expect(d.columns).toEqual({ id: 0, r: 1, f: 2, m: 3 });
  });

  it('Amount is M, columns in any order', () => {
    const d = detectColumns(['Amount', 'Name', 'Frequency', 'Recency']);
    expect(d.columns).toMatchObject({ r: 3, f: 2, m: 0 });
    expect(d.problems).toEqual([]);
  });

  it('a sheet that already carries R得分/F得分/M得分/RFM得分/客户等级 still finds R值/F值/M值', () => {
    const headers = ['客户编号', 'R值', 'F值', 'M值', 'R得分', 'F得分', 'M得分', 'RFM得分', '客户等级'];
    const d = detectColumns(headers);
    expect(d.columns).toEqual({ id: 0, r: 1, f: 2, m: 3 });
    expect(d.problems).toEqual([]);
  });

  it('output columns of a previous run (R Score …) are not candidates either', () => {
    const d = detectColumns(['R', 'F', 'M', 'R Score', 'F Score', 'M Score', 'RFM Score', 'Grade', 'Check']);
    expect(d.columns).toMatchObject({ r: 0, f: 1, m: 2 });
    expect(d.problems).toEqual([]);
  });

  it('two R headers are ambiguous (never a silent guess)', () => {
    const d = detectColumns(['R', 'R值', 'F', 'M']);
    expect(d.columns.r).toBeUndefined();
    expect(d.problems).toEqual([{ metric: 'r', kind: 'ambiguous', candidates: [0, 1] }]);
  });

  it('two R keywords are ambiguous', () => {
    const d = detectColumns(['Recency', '距今天数', 'Frequency', 'Amount']);
    expect(d.problems).toEqual([{ metric: 'r', kind: 'ambiguous', candidates: [0, 1] }]);
  });

  it('a missing metric is reported missing', () => {
    const d = detectColumns(['Name', 'Frequency', 'Amount']);
    expect(d.columns.r).toBeUndefined();
    expect(d.problems).toEqual([{ metric: 'r', kind: 'missing', candidates: [] }]);
  });

  it('only an R score column (R得分) and no R value column: R is missing', () => {
    const d = detectColumns(['客户', 'R得分', 'F', 'M']);
    expect(d.problems).toEqual([{ metric: 'r', kind: 'missing', candidates: [] }]);
  });
});

describe('isHeaderRow: a header when the R/F/M cells of the first row are not numbers', () => {
  const cols = { r: 0, f: 1, m: 2 };
  it.each<[string, CellValue[], boolean]>([
    ['header text', ['R', 'F', 'M'], true],
    ['Chinese header text', ['R值', 'F值', 'M值'], true],
    ['numbers', [30, 2, 1200], false],
    ['number text', ['30', '2', '1,200'], false],
    ['money text', ['30', '2', '¥1,200'], false],
    ['one number among text: a data row with bad cells', ['n/a', 2, 'x'], false],
    ['a negative number is still a number', ['R', 'F', -5], false],
  ])('%s', (_name, row, header) => {
    expect(isHeaderRow(row, cols)).toBe(header);
  });
});

describe('resolveLayout', () => {
  it('auto: detects header and columns from header text', () => {
    const layout = resolveLayout(['客户ID', 'R值', 'F值', 'M值']);
    expect(layout).toEqual({
      header: true,
      columns: { r: 1, f: 2, m: 3 },
      id: 0,
      detected: { r: true, f: true, m: true },
    });
  });

  it('auto with column letters and a numeric first row: no header', () => {
    const layout = resolveLayout(['A001', 30, 5, 1200], { r: 'B', f: 'C', m: 'D' });
    expect(layout.header).toBe(false);
    expect(layout.columns).toEqual({ r: 1, f: 2, m: 3 });
    expect(layout.detected).toEqual({ r: false, f: false, m: false });
    expect(layout.id).toBeUndefined();
  });

  it('auto with column letters and a text first row: header', () => {
    const layout = resolveLayout(['ID', 'days', 'orders', 'spent'], { r: 'b', f: 'c', m: 'd' });
    expect(layout.header).toBe(true);
    expect(layout.columns).toEqual({ r: 1, f: 2, m: 3 });
  });

  it('header yes forces a header row even over numbers', () => {
    const layout = resolveLayout(['A001', 30, 5, 1200], { header: 'yes', r: 'B', f: 'C', m: 'D' });
    expect(layout.header).toBe(true);
  });

  it('exact header text chooses the column', () => {
    const layout = resolveLayout(['Name', 'Days since', 'Orders', 'Spent'], { r: 'Days since', f: 'Orders', m: 'Spent' });
    expect(layout.columns).toEqual({ r: 1, f: 2, m: 3 });
    expect(layout.header).toBe(true);
  });

  it('a header literally named "R" is that column, not column R', () => {
    const layout = resolveLayout(['ID', 'R', 'F', 'M'], { r: 'R', f: 'F', m: 'M' });
    expect(layout.columns).toEqual({ r: 1, f: 2, m: 3 });
  });

  it('header no: references are column letters (R = 18th column)', () => {
    const layout = resolveLayout(['ID', 'R', 'F', 'M'], { header: 'no', r: 'R', f: 'F', m: 'M' });
    expect(layout.header).toBe(false);
    expect(layout.columns).toEqual({ r: 17, f: 5, m: 12 });
  });

  it('explicit R, F and M detected', () => {
    const layout = resolveLayout(['Name', 'Days', 'Frequency', 'Amount'], { r: 'B' });
    expect(layout.columns).toEqual({ r: 1, f: 2, m: 3 });
    expect(layout.detected).toEqual({ r: false, f: true, m: true });
    expect(layout.header).toBe(true);
  });

  it('header no and nothing chosen: fails asking for letters', () => {
    const e = expectRfmError(() => resolveLayout(['R', 'F', 'M'], { header: 'no' }), 'layout.noHeader');
    expect(e.message).toBe('No header row to find the R, F, M column(s) in: choose them by column letter');
  });

  it('numeric first row and nothing chosen: fails', () => {
    expectRfmError(() => resolveLayout([30, 2, 100]), 'layout.noHeader');
  });

  it('ambiguous headers: fails naming the candidates', () => {
    const e = expectRfmError(() => resolveLayout(['R', 'R值', 'F', 'M']), 'layout.ambiguous');
    expect(e.message).toBe('Several headers could be R: "R", "R值"; choose the R column explicitly');
    expect(e.localized('zh')).toBe('有多个表头可能是R值：“R”、“R值”；请明确指定R值所在的列');
  });

  it('missing header: fails', () => {
    const e = expectRfmError(() => resolveLayout(['Name', 'Frequency', 'Amount']), 'layout.missing');
    expect(e.message).toBe('No header names the R column: choose it explicitly');
  });

  it('ambiguity is resolved by choosing the column', () => {
    const layout = resolveLayout(['R', 'R值', 'F', 'M'], { r: 'R值' });
    expect(layout.columns).toEqual({ r: 1, f: 2, m: 3 });
  });

  it('unknown column text', () => {
    expectRfmError(() => resolveLayout(['R', 'F', 'M'], { r: 'Recency', f: 'F', m: 'M' }), 'layout.noSuchColumn');
  });

  it('the same header twice', () => {
    expectRfmError(() => resolveLayout(['X', 'X', 'F', 'M'], { r: 'X' }), 'layout.headerTwice');
  });

  it('two metrics in one column', () => {
    const e = expectRfmError(() => resolveLayout([1, 2, 3], { r: 'A', f: 'A', m: 'C' }), 'layout.sameColumn');
    expect(e).toBeInstanceOf(RfmError);
    expect(e.message).toBe('R and F are the same column');
  });
});
