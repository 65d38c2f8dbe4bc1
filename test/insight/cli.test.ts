/** rfm-score --segments, --follow-up, --summary (docs/insight.md, command line part). */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { csvInput, readCsvRows, readXlsx, removeTempDirs, rfm, rowValues, sheet } from '../cli/helpers';

afterAll(removeTempDirs);

// Same five customers as segments.test.ts: segments value, development, value, win-back, win-back;
// grades A (5), B (3.7), B (3.3), D (1.7), D (1.6).
const ROWS = [
  ['客户编号', 'R值', 'F值', 'M值'],
  ['a', 5, 3, 500],
  ['b', 10, 1, 400],
  ['c', 20, 2, 300],
  ['d', 40, 0, 200],
  ['e', 80, 1, 100],
];

const input = () => csvInput(ROWS);

test('--segments --follow-up add the two columns before Check, in the chosen language', async () => {
  const { dir, file } = input();
  const out = path.join(dir, 'out.csv');
  const res = await rfm([file, '--out', out, '--segments', '--follow-up', '--lang', 'zh']);
  expect(res.code).toBe(0);
  const rows = readCsvRows(out);
  expect(rows[0].slice(4)).toEqual(['R得分', 'F得分', 'M得分', 'RFM得分', '客户等级', '客户分群', '回访周期']);
  expect(rows.slice(1).map((r) => r.slice(8))).toEqual([
    ['A', '重要价值客户', '每月'],
    ['B', '重要发展客户', '每季度'],
    ['B', '重要价值客户', '每季度'],
    ['D', '一般挽留客户', '每年'],
    ['D', '一般挽留客户', '每年'],
  ]);
});

test('--follow-up-labels must give one label per grade', async () => {
  const { dir, file } = input();
  const res = await rfm([file, '--out', path.join(dir, 'o.csv'), '--follow-up-labels', 'x,y']);
  expect(res.code).toBe(2);
  expect(res.err).toEqual(['rfm-score: --follow-up-labels needs one label per grade: got 2, there are 4 grades']);
});

test('--summary writes a summary sheet of Excel tables whose totals add up', async () => {
  const { dir, file } = input();
  const out = path.join(dir, 'out.xlsx');
  const res = await rfm([file, '--out', out, '--segments', '--summary']);
  expect(res.code).toBe(0);
  expect(res.out).toContain('Added the summary sheet "RFM summary"');
  const wb = await readXlsx(out);
  const ws = sheet(wb, 'RFM summary');
  expect(Object.keys((ws as unknown as { tables: object }).tables)).toEqual([
    'RFM_Grades',
    'RFM_Segments',
    'RFM_RxF_Customers',
    'RFM_RxF_MeanM',
    'RFM_Distribution',
    'RFM_Segment_Medians',
  ]);
  expect(rowValues(ws, 2, 1, 9)).toEqual(['Grade', 'Follow-up', 'Customers', 'Share', 'Mean R', 'Mean F', 'Mean M', 'Total M', 'Share of M']);
  // B: b and c → 2 customers, 40%, mean R 15, mean F 1.5, mean M 350, total 700, 700/1500 of M
  expect(rowValues(ws, 4, 1, 9)).toEqual(['B', 'Quarterly', 2, 0.4, 15, 1.5, 350, 700, 700 / 1500]);
  const counts = [3, 4, 5, 6].map((r) => ws.getCell(r, 3).value as number);
  expect(counts.reduce((a, b) => a + b, 0)).toBe(5);
});

test('--summary with a CSV output is refused and writes nothing', async () => {
  const { dir, file } = input();
  const out = path.join(dir, 'out.csv');
  const res = await rfm([file, '--out', out, '--summary']);
  expect(res.code).toBe(2);
  expect(existsSync(out)).toBe(false);
});
