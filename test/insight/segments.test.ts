/**
 * SPEC.md 5: the eight-segment model and the follow-up cadence; the summary (docs/insight.md).
 * Worked by hand in the comments.
 */
import {
  defaultScheme,
  outputTable,
  preset,
  scoreRows,
  scoreTable,
  segmentOf,
  segmentTable,
  SEGMENTS,
  summarize,
} from '../../src/core';

// Five customers, default scheme (quintiles, 0.3/0.3/0.4):
//   R 5,10,20,40,80     → R scores 5,4,3,2,1           mean 3
//   F 3,1,2,0,1         → F desc ranks 1, 3.5, 2, 5, 3.5 → scores 5,3,4,1,3   mean 16/5 = 3.2
//   M 500,400,300,200,100 → M scores 5,4,3,2,1         mean 3
const R = [5, 10, 20, 40, 80];
const F = [3, 1, 2, 0, 1];
const M = [500, 400, 300, 200, 100];

describe('segmentOf follows the SPEC.md 5 table', () => {
  test.each([
    [true, true, true, 'importantValue'],
    [true, false, true, 'importantDevelopment'],
    [false, true, true, 'importantRetention'],
    [false, false, true, 'importantWinBack'],
    [true, true, false, 'generalValue'],
    [true, false, false, 'generalDevelopment'],
    [false, true, false, 'generalRetention'],
    [false, false, false, 'generalWinBack'],
  ] as const)('R high %s, F high %s, M high %s → %s', (r, f, m, segment) => {
    expect(segmentOf(r, f, m)).toBe(segment);
  });
});

describe('segments against the mean of the scores', () => {
  const result = scoreTable({ r: R, f: F, m: M }, defaultScheme());
  const seg = segmentTable(result);

  test('thresholds are the means of the scores', () => {
    expect(seg.thresholds).toEqual({ r: 3, f: 3.2, m: 3 });
  });

  test('a score exactly at the mean is high', () => {
    // c: R score 3 = mean 3 → high; F 4 ≥ 3.2 → high; M 3 = mean → high → important value.
    // a: 5,5,5 → value. b: R 4 high, F 3 < 3.2 low, M 4 high → important development.
    // d: 2,1,2 → all low → general win-back. e: 1,3,1 → all low → general win-back.
    expect([...seg.segment].map((i) => SEGMENTS[i])).toEqual([
      'importantValue',
      'importantDevelopment',
      'importantValue',
      'generalWinBack',
      'generalWinBack',
    ]);
    expect(seg.counts).toEqual([2, 1, 0, 0, 0, 0, 0, 2]);
  });

  test('median reference: F scores 5,3,4,1,3 → median 3, so F = 3 is high', () => {
    const med = segmentTable(result, { reference: 'median' });
    expect(med.thresholds.f).toBe(3);
    // b: R 4 ≥ 3, F 3 ≥ 3, M 4 ≥ 3 → important value; e: R 1 low, F 3 high, M 1 low → general retention.
    expect(SEGMENTS[med.segment[1]]).toBe('importantValue');
    expect(SEGMENTS[med.segment[4]]).toBe('generalRetention');
  });

  test('raw values: R is high when at or below its mean (recent is good)', () => {
    // mean R = 155/5 = 31 → a, b, c high (5, 10, 20 ≤ 31); mean F = 7/5 = 1.4 → a, c high;
    // mean M = 300 → a, b, c high (c exactly at the mean).
    const raw = segmentTable(result, { basis: 'values' });
    expect(raw.thresholds).toEqual({ r: 31, f: 1.4, m: 300 });
    expect([...raw.segment].map((i) => SEGMENTS[i])).toEqual([
      'importantValue',
      'importantDevelopment',
      'importantValue',
      'generalWinBack',
      'generalWinBack',
    ]);
  });

  test('a mean with decimals is compared exactly: 0.1 + 0.2 + 0.3 is 0.6 / 3 = 0.2 exactly', () => {
    // Raw M 0.1, 0.2, 0.3: the mean is exactly 0.2, so the customer with 0.2 is high (float mean 0.20000000000000004 would say low).
    const r2 = scoreTable({ r: [1, 2, 3], f: [1, 2, 3], m: [0.1, 0.2, 0.3] }, { ...defaultScheme(), methods: { ...defaultScheme().methods, m: { kind: 'raw' } } });
    const s = segmentTable(r2);
    expect(SEGMENTS[s.segment[1]].startsWith('important')).toBe(true);
  });

  test('invalid rows get no segment', () => {
    const r3 = scoreTable({ r: [...R, 'n/a'], f: [...F, 1], m: [...M, 1] }, defaultScheme());
    expect(segmentTable(r3).segment[5]).toBe(-1);
  });
});

describe('Segment and Follow-up columns', () => {
  test('headers, labels and cadence in both languages', () => {
    const rows = [['ID', 'R', 'F', 'M'], ...R.map((r, i) => [`c${i}`, r, F[i], M[i]])];
    const zh = scoreRows(rows, {}, defaultScheme(), 'zh', { segments: true, followUp: true });
    expect(zh.output.headers).toEqual(['R得分', 'F得分', 'M得分', 'RFM得分', '客户等级', '客户分群', '回访周期']);
    // a: 5,5,5 → 5 → A → 每月; b: 4,3,4 → 1.2+0.9+1.6 = 3.7 → B → 每季度; d: 2,1,2 → 0.6+0.3+0.8 = 1.7 → D → 每年
    expect(zh.output.cell(0, 5)).toBe('重要价值客户');
    expect(zh.output.cell(0, 6)).toBe('每月');
    expect(zh.output.cell(1, 6)).toBe('每季度');
    expect(zh.output.cell(3, 5)).toBe('一般挽留客户');
    expect(zh.output.cell(3, 6)).toBe('每年');
    const en = scoreRows(rows, {}, defaultScheme(), 'en', { segments: true, followUp: ['Call', 'Mail', 'Email', 'None'] });
    expect(en.output.headers.slice(5)).toEqual(['Segment', 'Follow-up']);
    expect(en.output.cell(0, 5)).toBe('Important value');
    expect(en.output.cell(3, 6)).toBe('None');
  });

  test('without the options the columns are absent', () => {
    const result = scoreTable({ r: R, f: F, m: M }, defaultScheme());
    expect(outputTable(result, defaultScheme(), 'en').headers).toEqual(['R Score', 'F Score', 'M Score', 'RFM Score', 'Grade']);
  });
});

describe('summary', () => {
  const scheme = defaultScheme();
  const result = scoreTable({ r: [...R, 7], f: [...F, 'x'], m: [...M, 50] }, scheme);
  const summary = summarize(result, scheme, segmentTable(result));

  test('grade rows add up to the whole: counts and M', () => {
    // grades: a 5 → A; b 3.7 → B; c 0.9+1.2+1.2 = 3.3 → B; d 1.7 → D; e 0.3+0.9+0.4 = 1.6 → D
    expect(summary.n).toBe(5);
    expect(summary.grades.map((g) => [g.label, g.count, g.totalM])).toEqual([
      ['A', 1, 500],
      ['B', 2, 700],
      ['C', 0, 0],
      ['D', 2, 300],
    ]);
    expect(summary.grades.reduce((s, g) => s + g.count, 0)).toBe(summary.n);
    expect(summary.grades.reduce((s, g) => s + g.totalM, 0)).toBe(summary.totalM);
    expect(summary.totalM).toBe(1500);
    expect(summary.grades[1]).toMatchObject({ share: 0.4, meanR: 15, meanF: 1.5, meanM: 350, mShare: 700 / 1500 });
  });

  test('segment rows add up to the whole', () => {
    const segs = summary.segments!;
    expect(segs.reduce((s, g) => s + g.count, 0)).toBe(5);
    expect(segs.reduce((s, g) => s + g.totalM, 0)).toBe(1500);
    expect(segs.find((s) => s.segment === 'importantValue')).toMatchObject({ count: 2, totalM: 800, meanR: 12.5 });
  });

  test('R × F matrix: counts add up, mean M per cell', () => {
    const { rScores, fScores, cells } = summary.heatmap;
    expect(rScores).toEqual([5, 4, 3, 2, 1]);
    expect(fScores).toEqual([5, 4, 3, 1]);
    expect(cells.flat().reduce((s, c) => s + c.count, 0)).toBe(5);
    // e: R score 1, F score 3, M 100
    expect(cells[4][2]).toEqual({ count: 1, meanM: 100, meanMText: '100.00' });
    expect(Number.isNaN(cells[0][1].meanM)).toBe(true);
  });

  test('Maoming: raw F scores become the matrix columns', () => {
    const mm = scoreTable({ r: R, f: F, m: M }, preset('maoming'));
    expect(summarize(mm, preset('maoming')).heatmap.fScores).toEqual([3, 2, 1, 0]);
  });
});
