/**
 * The R × F heat map of mean M and the per-segment medians (docs/lists.md, "Heat map"): exact means
 * and medians, worked by hand in the comments.
 */
import {
  defaultScheme,
  exactMean,
  exactMedian,
  exactSum,
  roundedMeanText,
  scoreRows,
  scoreTable,
  segmentTable,
  summarize,
  summaryBlocks,
  type Scheme,
} from '../../src/core';

// Raw R and F (score = value), so the matrix' rows and columns are the values themselves.
//   R F M
//   1 1 0.1  ┐
//   1 1 0.2  ├ R1·F1: 3 customers, mean (0.1+0.2+0.3)/3 = 0.2 exactly (a float sum gives 0.20000000000000004)
//   1 1 0.3  ┘
//   2 1 1.004 ┐ R2·F1: 2 customers, mean 2.01/2 = 1.005 exactly → 1.01 at 2 places (half up; the float
//   2 1 1.006 ┘        1.005 is 1.00499999999999989…, which toFixed(2) shows as 1.00)
//   1 2 7      R1·F2: 1 customer, mean 7
//              R2·F2: empty
const raw: Scheme = {
  ...defaultScheme(),
  methods: { r: { kind: 'raw' }, f: { kind: 'raw' }, m: { kind: 'quintile' } },
};
const R = [1, 1, 1, 2, 2, 1];
const F = [1, 1, 1, 1, 1, 2];
const M = [0.1, 0.2, 0.3, 1.004, 1.006, 7];

describe('exact means and medians', () => {
  test('mean of an exact sum', () => {
    expect(exactMean(exactSum([0.1, 0.2, 0.3]), 3)).toBe(0.2);
    expect(exactMean(exactSum([1, 2]), 2)).toBe(1.5);
    // 1/3 to the nearest double
    expect(exactMean(exactSum([1]), 3)).toBe(1 / 3);
    expect(exactMean(exactSum([]), 0)).toBeNaN();
  });

  test('rounded half up on the exact quotient', () => {
    expect(roundedMeanText(exactSum([1.004, 1.006]), 2)).toBe('1.01');
    expect(roundedMeanText(exactSum([0.1, 0.2, 0.3]), 3)).toBe('0.20');
    // 2/3 = 0.666… → 0.67; 1/8 = 0.125 → 0.13; 1/400 = 0.0025 → 0.00
    expect(roundedMeanText(exactSum([2]), 3)).toBe('0.67');
    expect(roundedMeanText(exactSum([1]), 8)).toBe('0.13');
    expect(roundedMeanText(exactSum([1]), 400)).toBe('0.00');
    expect(roundedMeanText(exactSum([1234567]), 1)).toBe('1234567.00');
    expect(roundedMeanText(exactSum([]), 0)).toBe('');
  });

  test('median: the middle value, or the exact half of the two middle ones', () => {
    expect(exactMedian([5, 1, 3])).toBe(3);
    expect(exactMedian([4, 1, 3, 2])).toBe(2.5);
    // (0.1 + 0.2) / 2 = 0.15 exactly; in floats it is 0.15000000000000002
    expect(exactMedian([0.2, 0.1])).toBe(0.15);
    expect(exactMedian([7, 7])).toBe(7);
    expect(exactMedian([])).toBeNaN();
  });
});

describe('summary: the R × F matrix of mean M', () => {
  const result = scoreTable({ r: R, f: F, m: M }, raw);
  const summary = summarize(result, raw);

  test('counts and exact means per cell, best scores first', () => {
    expect(summary.heatmap.rScores).toEqual([2, 1]);
    expect(summary.heatmap.fScores).toEqual([2, 1]);
    const [r2, r1] = summary.heatmap.cells;
    expect(r2[0]).toEqual({ count: 0, meanM: NaN, meanMText: '' });
    expect(r2[1]).toEqual({ count: 2, meanM: 1.005, meanMText: '1.01' });
    expect(r1[0]).toEqual({ count: 1, meanM: 7, meanMText: '7.00' });
    expect(r1[1]).toEqual({ count: 3, meanM: 0.2, meanMText: '0.20' });
  });

  test('the sheet block: exact means, 0.00 format, a colour scale, empty cells blank', () => {
    const block = summaryBlocks(summary, raw, 'en').find((b) => b.kind === 'heatmapMeanM')!;
    expect(block.title).toBe('R score × F score: mean M');
    expect(block.headers).toEqual(['R score \\ F score', 'F 2', 'F 1']);
    expect(block.rows).toEqual([
      ['R 2', null, 1.005],
      ['R 1', 7, 0.2],
    ]);
    expect(block.formats).toEqual({ 1: '0.00', 2: '0.00' });
    expect(block.colourScale).toBe(true);
    expect(summaryBlocks(summary, raw, 'zh').find((b) => b.kind === 'heatmapMeanM')!.title).toBe('R得分 × F得分：平均M值');
  });

  test('no segments, no medians block', () => {
    expect(summary.medians).toBeUndefined();
    expect(summaryBlocks(summary, raw, 'en').map((b) => b.kind)).not.toContain('segmentMedians');
  });
});

describe('summary: median R, F and M per segment', () => {
  // Five customers, default scheme (see test/insight/segments.test.ts):
  //   R 5,10,20,40,80 → scores 5,4,3,2,1; F 3,1,2,0,1 → 5,3,4,1,3; M 500,400,300,200,100 → 5,4,3,2,1
  //   segments (mean of scores): a, c important value; b important development; d, e general win-back.
  //   important value: R 5, 20 → median 12.5; F 3, 2 → 2.5; M 500, 300 → 400
  //   important development: b alone → R 10, F 1, M 400
  //   general win-back: d, e → R 40, 80 → 60; F 0, 1 → 0.5; M 200, 100 → 150
  const rows = [['R', 'F', 'M'], [5, 3, 500], [10, 1, 400], [20, 2, 300], [40, 0, 200], [80, 1, 100]];
  const scheme = defaultScheme();
  const sheet = scoreRows(rows, {}, scheme, 'en', { segments: true });
  const summary = summarize(sheet.result, scheme, sheet.segments);

  test('medians of the values, per segment in segment order', () => {
    const byName = Object.fromEntries(summary.medians!.map((s) => [s.segment, [s.count, s.medianR, s.medianF, s.medianM]]));
    expect(byName.importantValue).toEqual([2, 12.5, 2.5, 400]);
    expect(byName.importantDevelopment).toEqual([1, 10, 1, 400]);
    expect(byName.generalWinBack).toEqual([2, 60, 0.5, 150]);
    expect(byName.generalValue).toEqual([0, NaN, NaN, NaN]);
  });

  test('the medians block, last, in both languages', () => {
    const en = summaryBlocks(summary, scheme, 'en');
    expect(en.map((b) => b.kind)).toEqual(['grades', 'segments', 'heatmapCount', 'heatmapMeanM', 'distribution', 'segmentMedians']);
    const block = en[5];
    expect(block.title).toBe('Median R, F and M by segment');
    expect(block.headers).toEqual(['Segment', 'Customers', 'Median R', 'Median F', 'Median M']);
    expect(block.rows[0]).toEqual(['Important value', 2, 12.5, 2.5, 400]);
    expect(block.rows[4]).toEqual(['General value', 0, null, null, null]);
    expect(block.rows[7]).toEqual(['General win-back', 2, 60, 0.5, 150]);
    const zh = summaryBlocks(summary, scheme, 'zh')[5];
    expect(zh.title).toBe('各客户分群的R值、F值、M值中位数');
    expect(zh.headers).toEqual(['客户分群', '客户数', 'R值中位数', 'F值中位数', 'M值中位数']);
    expect(zh.rows[0][0]).toBe('重要价值客户');
  });

  test('the medians agree with segmentTable on who is in which segment', () => {
    const seg = segmentTable(sheet.result);
    expect(summary.medians!.map((s) => s.count)).toEqual(seg.counts);
  });
});
