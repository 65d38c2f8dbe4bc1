/**
 * Grade migration (docs/periods.md), hand-worked on small tables: the from × to matrix, who fell and rose,
 * who appeared and disappeared, the Change texts, the early-warning order, and duplicate IDs, which
 * are reported with their cells and never merged.
 */
import {
  changeColumn,
  changeText,
  customerId,
  duplicateIds,
  migrate,
  migrationSheet,
  periodOfScored,
  preset,
  scaleOf,
  scoreRows,
  type PeriodCustomer,
  type PeriodTable,
  type Scheme,
} from '../../src/core';
import { expectRfmError } from '../core/helpers';
import { HEADERS, NOVEMBER, OCTOBER, tableRows } from './fixtures';

const GRADES = ['A', 'B', 'C', 'D'];

/** A customer: id, grade label ('' = not scored), R, F, M. */
function customer(id: string, grade: string, r: number, f: number, m: number, row: number): PeriodCustomer {
  const g = grade ? GRADES.indexOf(grade) : -1;
  return {
    id,
    display: id,
    cell: `A${row + 2}`,
    row,
    grade: g,
    values: { r, f, m },
    scores: g < 0 ? { r: NaN, f: NaN, m: NaN } : { r: 4 - g, f: 4 - g, m: 4 - g },
    composite: g < 0 ? NaN : 4 - g,
  };
}

function table(where: string, rows: [string, string, number, number, number][]): PeriodTable {
  return { where, grades: GRADES, customers: rows.map(([id, g, r, f, m], i) => customer(id, g, r, f, m, i)), missingIds: [] };
}

/*
 * Previous            This period
 *   P1 A  M 900         P1 A          A→A
 *   P2 A  M 500         P2 C          A→C  fell 2   (early warning 1, M 500)
 *   P3 B  M 700         P3 D          B→D  fell 2   (early warning 1, M 700: first)
 *   P4 C  M 300         P4 D          C→D  fell 1   (early warning 2)
 *   P5 D  M 50          P5 B          D→B  rose 2
 *   P6 C  M 100         P6 B          C→B  rose 1
 *   P7 A  M 800         —             A→gone         (early warning 1, M 800: first of all)
 *   P8 D  M 10          —             D→gone         (not a warning: was not A/B)
 *   P9 (not scored)     P9 B          ?→B
 *   —                   N1 A          new
 *   —                   N2 (not scored)  (no Change: the Check column says why)
 */
const PREVIOUS = table('previous', [
  ['P1', 'A', 3, 10, 900],
  ['P2', 'A', 5, 8, 500],
  ['P3', 'B', 9, 6, 700],
  ['P4', 'C', 20, 3, 300],
  ['P5', 'D', 90, 1, 50],
  ['P6', 'C', 40, 2, 100],
  ['P7', 'A', 2, 12, 800],
  ['P8', 'D', 120, 1, 10],
  ['P9', '', NaN, 1, 10],
]);
const CURRENT = table('current', [
  ['N1', 'A', 1, 9, 950],
  ['P1', 'A', 3, 10, 900],
  ['P2', 'C', 30, 2, 200],
  ['P3', 'D', 60, 1, 100],
  ['P4', 'D', 80, 1, 90],
  ['P5', 'B', 10, 5, 600],
  ['P6', 'B', 12, 4, 400],
  ['P9', 'B', 15, 4, 300],
  ['N2', '', 5, NaN, 70],
]);

describe('a hand-worked migration', () => {
  const mig = migrate(PREVIOUS, CURRENT, 'en');

  test('the matrix: previous grade (+ new, + not scored) × this grade (+ gone, + not scored)', () => {
    // columns: A B C D gone not-scored
    expect(mig.counts).toEqual([
      [1, 0, 1, 0, 1, 0], // A: P1→A, P2→C, P7 gone
      [0, 0, 0, 1, 0, 0], // B: P3→D
      [0, 1, 0, 1, 0, 0], // C: P6→B, P4→D
      [0, 1, 0, 0, 1, 0], // D: P5→B, P8 gone
      [1, 0, 0, 0, 0, 1], // new: N1→A, N2 not scored
      [0, 1, 0, 0, 0, 0], // not scored before: P9→B
    ]);
  });

  test('fell (most grades first, then previous M), rose, same, appeared, disappeared', () => {
    expect(mig.fell.map((m) => [m.id, m.steps])).toEqual([
      ['P3', 2],
      ['P2', 2],
      ['P4', 1],
    ]);
    expect(mig.rose.map((m) => [m.id, m.steps])).toEqual([
      ['P5', -2],
      ['P6', -1],
    ]);
    expect(mig.same).toBe(1);
    expect(mig.appeared.map((m) => m.id)).toEqual(['N1', 'N2']);
    expect(mig.disappeared.map((m) => m.id)).toEqual(['P7', 'P8']);
    expect(mig.unscored.map((m) => m.id)).toEqual(['P9']);
  });

  test('early warning: were A or B and dropped or disappeared first, by previous M; then other drops', () => {
    expect(mig.earlyWarning.map((m) => [m.priority, m.id, changeText(m, GRADES, 'en')])).toEqual([
      [1, 'P7', 'A→gone'],
      [1, 'P3', 'B→D'],
      [1, 'P2', 'A→C'],
      [2, 'P4', 'C→D'],
    ]);
  });

  test('the Change column, per row of this period, in both languages', () => {
    const en = changeColumn(mig, 'en');
    expect(CURRENT.customers.map((c) => en(c.row))).toEqual(['new', 'A→A', 'A→C', 'B→D', 'C→D', 'D→B', 'C→B', '?→B', 'new']);
    const zh = changeColumn(migrate(PREVIOUS, CURRENT, 'zh'), 'zh');
    expect(zh(0)).toBe('新增客户');
    expect(zh(99)).toBeNull();
  });

  test('the migration sheet: overview, matrix counts and shares, lists with both periods side by side', () => {
    const sheet = migrationSheet(mig, { previous: 'October', current: 'November', frozen: false, ranked: true }, 'en');
    expect(sheet.lines.map((l) => l.role)).toEqual(['title', 'label', 'label', 'warning']);
    const block = (name: string) => sheet.blocks.find((b) => b.name === name)!;
    expect(block('RFM_Change_Overview').rows.map((r) => r[1])).toEqual([7, 1, 2, 3, 2, 2, 1, 3]);
    const counts = block('RFM_Migration_Counts');
    expect(counts.headers).toEqual(['Previous \\ This period', 'A', 'B', 'C', 'D', 'gone', 'not scored', 'Total']);
    expect(counts.rows[0]).toEqual(['A', 1, 0, 1, 0, 1, 0, 3]);
    expect(counts.rows[counts.rows.length - 1]).toEqual(['Total', 2, 3, 1, 2, 2, 1, 11]);
    const shares = block('RFM_Migration_Shares');
    expect(shares.rows[0]).toEqual(['A', 1 / 3, 0, 1 / 3, 0, 1 / 3, 0]);
    const fell = block('RFM_Fell');
    expect(fell.headers).toEqual(['Customer', 'Change', 'Previous RFM Score', 'RFM Score', 'Previous R', 'R', 'Previous F', 'F', 'Previous M', 'M']);
    expect(fell.rows[0]).toEqual(['P3', 'B→D', 3, 1, 9, 60, 6, 1, 700, 100]);
    const warning = block('RFM_Early_Warning');
    expect(warning.rows[0]).toEqual([1, 'P7', 'A→gone', 4, null, 2, null, 12, null, 800, null]);
    expect(block('RFM_Gone').rows).toEqual([
      ['P7', 'A', 4, 2, 12, 800],
      ['P8', 'D', 1, 120, 1, 10],
    ]);
  });
});

describe('duplicate IDs are reported with their cells, never merged', () => {
  const dup = table('sheet "客户" of 2025-11.xlsx', [
    ['K1', 'A', 1, 1, 1],
    ['K2', 'B', 1, 1, 1],
    ['K1', 'C', 1, 1, 1],
    ['K3', 'B', 1, 1, 1],
    ['K2', 'D', 1, 1, 1],
    ['K1', 'D', 1, 1, 1],
  ]);

  test('duplicateIds lists every duplicated ID and all its cells', () => {
    expect(duplicateIds(dup)).toEqual([
      { id: 'K1', cells: ['A2', 'A4', 'A7'] },
      { id: 'K2', cells: ['A3', 'A6'] },
    ]);
  });

  test('in this period: RfmError naming the table, the ID, its cells and the other duplicates', () => {
    const err = expectRfmError(() => migrate(PREVIOUS, dup, 'en'), 'period.duplicateIds');
    expect(err.localized('en')).toBe(
      'Customer ID "K1" occurs more than once in sheet "客户" of 2025-11.xlsx: cells A2, A4, A7 (and 1 more duplicated IDs: "K2" (A3, A6)). ' +
        'Each customer must appear once per period; remove or merge the duplicates first',
    );
  });

  test('in the previous period too', () => {
    const err = expectRfmError(() => migrate({ ...dup, where: 'the previous file' }, CURRENT, 'zh'), 'period.duplicateIds');
    expect(err.localized('zh')).toContain('客户编号“K1”在the previous file中出现了多次：A2、A4、A7单元格');
  });

  test('IDs match as text: the number 1001 and the text " 1001 " are one customer (a duplicate here)', () => {
    expect(customerId(1001)).toBe('1001');
    expect(customerId(' 1001 ')).toBe('1001');
    expect(customerId('')).toBeUndefined();
    expect(customerId({ error: '#N/A' })).toBeUndefined();
  });
});

test('different grade labels cannot be compared', () => {
  const other = { ...CURRENT, grades: ['Top', 'Mid', 'Low', 'Rest'] };
  const err = expectRfmError(() => migrate(PREVIOUS, other, 'en'), 'period.gradesDiffer');
  expect(err.localized('en')).toContain('previous has A, B, C, D, this run Top, Mid, Low, Rest');
});

test('from scored sheets: November on October’s frozen scale (the fixture’s hand-worked moves)', () => {
  const scheme: Scheme = { ...preset('maoming'), grades: [{ label: 'A', min: '12' }, { label: 'B', min: '9' }, { label: 'C', min: '6' }, { label: 'D', min: null }] };
  const oct = scoreRows(tableRows(OCTOBER), {}, scheme, 'en');
  const nov = scoreRows(tableRows(NOVEMBER, { period: '2025-11' }), {}, scheme, 'en', {}, { scale: scaleOf(oct.result, scheme) });
  // The ID column is detected from the header 客户编号.
  expect([HEADERS[0], oct.layout.id]).toEqual(['客户编号', 0]);
  const mig = migrate(periodOfScored(oct, scheme, 'October'), periodOfScored(nov, scheme, 'November'), 'en');
  expect(mig.fell.map((m) => `${m.id} ${changeText(m, mig.grades, 'en')}`)).toEqual(['K02 A→C', 'K03 A→B', 'K08 C→D']);
  expect(mig.rose.map((m) => `${m.id} ${changeText(m, mig.grades, 'en')}`)).toEqual(['K05 B→A', 'K09 D→C']);
  expect(mig.appeared.map((m) => m.id)).toEqual(['K11', 'K12']);
  expect(mig.disappeared.map((m) => m.id)).toEqual(['K07']);
  expect(mig.earlyWarning.map((m) => [m.priority, m.id])).toEqual([
    [1, 'K02'],
    [1, 'K03'],
    [2, 'K08'],
  ]);
  // A row without an ID is not compared, and said so.
  const noId = scoreRows(tableRows(NOVEMBER, { extra: [[null, 'x', '2025-11', 5, 1, 10]] }), {}, scheme, 'en');
  expect(periodOfScored(noId, scheme, 'November').missingIds).toEqual(['A13']);
});

test('a table without an ID column cannot be compared', () => {
  const scheme = preset('maoming');
  const rows = tableRows(OCTOBER, { headers: ['门店', '地区', '统计期间', 'R', 'F', 'M'] });
  const sheet = scoreRows(rows, {}, scheme, 'en');
  expect(sheet.layout.id).toBeUndefined();
  expectRfmError(() => periodOfScored(sheet, scheme, 'October'), 'period.noId');
});
