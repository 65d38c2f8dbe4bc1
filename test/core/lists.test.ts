/**
 * Customer lists (docs/lists.md): a list is the scored table filtered on one grade or segment,
 * sorted by M descending with ties in input order. Every expected value below is worked by hand.
 */
import {
  customerList,
  defaultScheme,
  findList,
  listNames,
  listTable,
  scoreRows,
  SEGMENTS,
  type ListChoice,
  type ScoredSheet,
} from '../../src/core';

// Ten valid customers and one invalid (c11, M "n/a"); default scheme: quintiles, 0.3/0.3/0.4,
// grades A ≥ 4, B ≥ 3, C ≥ 2, D. With n = 10, score = 5 − floor((rank − 1) / 2).
//   R 1..10 ascending (smaller is better) → R scores 5,5,4,4,3,3,2,2,1,1
//   F 10..1 descending                    → F scores 5,5,4,4,3,3,2,2,1,1
//   M 100,300,300,50,1000,20,700,10,5,1: ranks c5 1, c7 2, c2/c3 3.5 (tie), c1 5, c4 6, c6 7, c8 8, c9 9, c10 10
//                                          → M scores 3,4,4,3,5,2,5,2,1,1
//   RFM: c1 1.5+1.5+1.2 = 4.2 A; c2 4.6 A; c3 1.2+1.2+1.6 = 4.0 A (exactly 4); c4 3.6 B; c5 0.9+0.9+2.0 = 3.8 B;
//        c6 2.6 C; c7 0.6+0.6+2.0 = 3.2 B; c8 2.0 C (exactly 2); c9 1.0 D; c10 1.0 D.
// Segments (mean of the scores: R 3, F 3, M 30/10 = 3; high when ≥ the mean):
//   c1..c5 all high → important value; c6 R,F high, M 2 low → general value;
//   c7 R,F low, M high → important win-back; c8, c9, c10 all low → general win-back.
const ROWS = [
  ['Customer', 'Recency', 'Frequency', 'Monetary'],
  ['c1', 1, 10, 100],
  ['c2', 2, 9, 300],
  ['c3', 3, 8, 300],
  ['c4', 4, 7, 50],
  ['c5', 5, 6, 1000],
  ['c6', 6, 5, 20],
  ['c7', 7, 4, 700],
  ['c8', 8, 3, 10],
  ['c9', 9, 2, 5],
  ['c10', 10, 1, 1],
  ['c11', 1, 1, 'n/a'],
];

const scheme = defaultScheme();
const layout = { r: 'Recency', f: 'Frequency', m: 'Monetary', id: 'Customer' };

function ids(sheet: ScoredSheet, choice: ListChoice): unknown[] {
  return customerList(sheet, choice).rows.map((row) => sheet.idCells![row]);
}

describe('findList: one lookup for grade labels and segment names in both languages', () => {
  test.each([
    ['A', { kind: 'grade', index: 0 }],
    [' d ', { kind: 'grade', index: 3 }],
    ['Important value', { kind: 'segment', index: 0 }],
    ['important VALUE', { kind: 'segment', index: 0 }],
    ['Important value customers', { kind: 'segment', index: 0 }],
    ['重要价值客户', { kind: 'segment', index: 0 }],
    ['重要价值', { kind: 'segment', index: 0 }],
    ['一般挽留客户', { kind: 'segment', index: 7 }],
    ['General win-back', { kind: 'segment', index: 7 }],
    ['generalwinback', { kind: 'segment', index: 7 }],
    ['importantWinBack', { kind: 'segment', index: 3 }],
  ] as const)('%p → %p', (name, choice) => {
    expect(findList(name, scheme)).toEqual(choice);
  });

  test('unknown names find nothing', () => {
    expect(findList('At Risk', scheme)).toBeUndefined();
    expect(findList('', scheme)).toBeUndefined();
    expect(findList('E', scheme)).toBeUndefined();
  });

  test('a grade label that is also a segment name is the grade', () => {
    const s = { ...scheme, grades: [{ label: 'Important value', min: '3' }, { label: 'Rest', min: null }] };
    expect(findList('Important value', s)).toEqual({ kind: 'grade', index: 0 });
    expect(findList('重要价值客户', s)).toEqual({ kind: 'segment', index: 0 });
  });

  test('the names offered: grades, then the eight segments in the language', () => {
    expect(listNames(scheme, 'zh')).toEqual(['A', 'B', 'C', 'D', '重要价值客户', '重要发展客户', '重要保持客户', '重要挽留客户', '一般价值客户', '一般发展客户', '一般保持客户', '一般挽留客户']);
  });
});

describe('customerList: a filter of the scored table, M descending, ties in input order', () => {
  const sheet = scoreRows(ROWS, layout, scheme, 'en', { segments: true });

  test('grades', () => {
    // A: c1 100, c2 300, c3 300 → c2, c3 (tie: input order), c1
    expect(ids(sheet, { kind: 'grade', index: 0 })).toEqual(['c2', 'c3', 'c1']);
    // B: c4 50, c5 1000, c7 700 → c5, c7, c4
    expect(ids(sheet, { kind: 'grade', index: 1 })).toEqual(['c5', 'c7', 'c4']);
    // C: c6 20, c8 10
    expect(ids(sheet, { kind: 'grade', index: 2 })).toEqual(['c6', 'c8']);
    // D: c9 5, c10 1 — never the invalid c11
    expect(ids(sheet, { kind: 'grade', index: 3 })).toEqual(['c9', 'c10']);
  });

  test('segments', () => {
    expect(ids(sheet, findList('重要价值客户', scheme)!)).toEqual(['c5', 'c2', 'c3', 'c1', 'c4']);
    expect(ids(sheet, findList('General value', scheme)!)).toEqual(['c6']);
    expect(ids(sheet, findList('Important win-back', scheme)!)).toEqual(['c7']);
    expect(ids(sheet, findList('General win-back', scheme)!)).toEqual(['c8', 'c9', 'c10']);
    expect(ids(sheet, findList('Important retention', scheme)!)).toEqual([]);
  });

  test('every valid customer is in exactly one grade list and one segment list', () => {
    const all = (kind: 'grade' | 'segment', count: number) =>
      Array.from({ length: count }, (_, index) => customerList(sheet, { kind, index }).rows).flat().sort((a, b) => a - b);
    const valid = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(all('grade', 4)).toEqual(valid);
    expect(all('segment', SEGMENTS.length)).toEqual(valid);
  });

  test('a segment list of a run without segments uses the default segment rule', () => {
    const plain = scoreRows(ROWS, layout, scheme, 'en');
    expect(plain.segments).toBeUndefined();
    expect(ids(plain, findList('General win-back', scheme)!)).toEqual(['c8', 'c9', 'c10']);
    // a grade list of such a run has no Segment column
    const table = listTable(plain, scheme, customerList(plain, { kind: 'grade', index: 0 }), 'en');
    expect(table.headers).not.toContain('Segment');
  });

  test('M is compared exactly, value by value', () => {
    // One grade holds everyone (RFM ≥ 0). M 0.3, 0.30000000000000004, 0.3: the second is the
    // larger number, the other two are equal and keep their input order.
    const rows = [
      ['id', 'R', 'F', 'M'],
      ['x', 1, 1, 0.3],
      ['y', 1, 1, 0.30000000000000004],
      ['z', 1, 1, 0.3],
    ];
    const one = { ...scheme, grades: [{ label: 'All', min: '0' }, { label: 'None', min: null }] };
    const s = scoreRows(rows, { id: 'id' }, one, 'en');
    expect(customerList(s, findList('All', one)!).rows.map((r) => s.idCells![r])).toEqual(['y', 'x', 'z']);
  });
});

describe('listTable: the columns written', () => {
  test('English: Row, the input\'s ID header, values, scores, RFM score, grade, segment', () => {
    const sheet = scoreRows(ROWS, layout, scheme, 'en', { segments: true });
    const table = listTable(sheet, scheme, customerList(sheet, { kind: 'grade', index: 1 }), 'en');
    expect(table.name).toBe('B');
    expect(table.headers).toEqual(['Row', 'Customer', 'R value', 'F value', 'M value', 'R Score', 'F Score', 'M Score', 'RFM Score', 'Grade', 'Segment']);
    // c5 is on sheet row 6 (header in row 1): R 5, F 6, M 1000; scores 3, 3, 5; RFM 3.8
    expect(table.rows[0]).toEqual([6, 'c5', 5, 6, 1000, 3, 3, 5, 3.8, 'B', 'Important value']);
    // c7 row 8: R 7, F 4, M 700; scores 2, 2, 5; RFM 3.2; important win-back
    expect(table.rows[1]).toEqual([8, 'c7', 7, 4, 700, 2, 2, 5, 3.2, 'B', 'Important win-back']);
    expect(table.rows[2]).toEqual([5, 'c4', 4, 7, 50, 4, 4, 3, 3.6, 'B', 'Important value']);
  });

  test('Chinese, a table lower on the sheet, no ID column', () => {
    const noId = ROWS.map((r) => r.slice(1));
    const sheet = scoreRows(noId, {}, scheme, 'zh', { segments: true });
    const table = listTable(sheet, scheme, customerList(sheet, findList('一般挽留', scheme)!), 'zh', { row: 4 });
    expect(table.name).toBe('一般挽留客户');
    expect(table.headers).toEqual(['行号', 'R值', 'F值', 'M值', 'R得分', 'F得分', 'M得分', 'RFM得分', '客户等级', '客户分群']);
    // c8, c9, c10 are data rows 8, 9, 10 → sheet rows 4 + 8 + 1 = 13, 14, 15
    expect(table.rows.map((r) => r[0])).toEqual([13, 14, 15]);
    expect(table.rows[0]).toEqual([13, 8, 3, 10, 2, 2, 2, 2, 'C', '一般挽留客户']);
  });
});
