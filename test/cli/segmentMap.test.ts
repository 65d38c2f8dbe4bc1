/** rfm-score --segment-map, --print-segment-map, --check-segment-map (docs/segments.md). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { csvInput, readCsvRows, readXlsx, removeTempDirs, rfm, sheet } from './helpers';

afterAll(removeTempDirs);

// Scores (test/insight/segments.test.ts): a 5,5,5; b 4,3,4; c 3,4,3; d 2,1,2; e 1,3,1.
const ROWS = [
  ['ID', 'R', 'F', 'M'],
  ['a', 5, 3, 500],
  ['b', 10, 1, 400],
  ['c', 20, 2, 300],
  ['d', 40, 0, 200],
  ['e', 80, 1, 100],
];

const input = () => csvInput(ROWS);

test('--segment-map rfm10: first match per customer, Others for e, one warning line', async () => {
  const { dir, file } = input();
  const out = path.join(dir, 'out.csv');
  const res = await rfm([file, '--out', out, '--segment-map', 'rfm10']);
  expect(res.code).toBe(0);
  // a Champions; b and c Loyal Customers (R 2–5, F 3–5, M 3–5); d About To Sleep; e (1,3,1) no rule.
  expect(readCsvRows(out).map((r) => r[9])).toEqual(['Segment', 'Champions', 'Loyal Customers', 'Loyal Customers', 'About To Sleep', 'Others']);
  expect(res.out.filter((l) => l.startsWith('Warning: Segment map:'))).toHaveLength(1);
});

test('--summary with rfm10: one row per segment of the map, Others last, counts add up', async () => {
  const { dir, file } = input();
  const out = path.join(dir, 'out.xlsx');
  expect((await rfm([file, '--out', out, '--segment-map', 'rfm10', '--summary'])).code).toBe(0);
  const ws = sheet(await readXlsx(out), 'RFM summary');
  const rows: Array<[string, number]> = [];
  ws.eachRow((row) => {
    const name = row.getCell(1).value;
    if (typeof name === 'string' && ['Champions', 'Loyal Customers', 'About To Sleep', 'Lost', 'Others'].includes(name)) rows.push([name, row.getCell(3).value as number]);
  });
  // a Champions; b, c Loyal Customers; d About To Sleep; e Others; nobody Lost. (The first table
  // with segment names is the per-segment one; the medians per segment follow further down.)
  expect(rows.slice(0, 5)).toEqual([
    ['Champions', 1],
    ['Loyal Customers', 2],
    ['About To Sleep', 1],
    ['Lost', 0],
    ['Others', 1],
  ]);
});

test('--segment-map china8 is the same run as --segments', async () => {
  const { dir, file } = input();
  const a = path.join(dir, 'a.csv');
  const b = path.join(dir, 'b.csv');
  expect((await rfm([file, '--out', a, '--segments', '--lang', 'zh'])).code).toBe(0);
  const res = await rfm([file, '--out', b, '--segment-map', 'china8', '--lang', 'zh']);
  expect(res.code).toBe(0);
  expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
  expect(res.out.some((l) => l.includes('分群规则'))).toBe(false);
});

test('a map file of your own: renamed segments, checked, written to the parameters sheet', async () => {
  const { dir, file } = input();
  const map = path.join(dir, 'map.json');
  // Two rules on five scores: Top R 4–5 (any F, M), Rest R 1–3 → every combination once, no warning.
  writeFileSync(
    map,
    JSON.stringify({ kind: 'ranges', segments: [{ name: { en: 'Top', zh: '头部' }, r: [4, 5], f: [1, 5], m: [1, 5] }, { name: 'Rest', r: [1, 3], f: [1, 5], m: [1, 5] }] }),
  );
  const out = path.join(dir, 'out.xlsx');
  const res = await rfm([file, '--out', out, '--segment-map', map, '--lang', 'zh']);
  expect(res.code).toBe(0);
  expect(res.out.some((l) => l.startsWith('警告：分群规则'))).toBe(false);
  const wb = await readXlsx(out);
  const ws = wb.worksheets[0];
  // R scores 5,4,3,2,1 → Top, Top, Rest, Rest, Rest.
  expect([2, 3, 4, 5, 6].map((r) => ws.getCell(r, 10).value)).toEqual(['头部', '头部', 'Rest', 'Rest', 'Rest']);
  const params = sheet(wb, 'RFM参数');
  const texts: string[] = [];
  params.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
  expect(texts).toContain('头部：R值4–5，F值1–5，M值1–5');
  const options = texts[texts.indexOf('rfm.options') + 1];
  expect(JSON.parse(options).segments.map.segments[1]).toEqual({ name: { en: 'Rest', zh: 'Rest' }, r: [1, 3], f: [1, 5], m: [1, 5] });
  // The next period reads that record back (the map in it is validated like a map file).
  const next = await rfm([file, '--out', path.join(dir, 'next.xlsx'), '--scale-from', out, '--segment-map', map]);
  expect(next.code).toBe(0);
});

test('a bad map file: exit 2, one line naming the file and the place, nothing written', async () => {
  const { dir, file } = input();
  const map = path.join(dir, 'bad.json');
  writeFileSync(map, JSON.stringify({ kind: 'ranges', segments: [{ name: 'A', r: [5, 1], f: 1, m: 1 }] }));
  const out = path.join(dir, 'out.csv');
  const res = await rfm([file, '--out', out, '--segment-map', map]);
  expect(res.code).toBe(2);
  expect(res.err).toEqual([`rfm-score: Segment map ${map}: segments[1].r goes from 5 down to 1; give the lower score first.`]);
  expect(existsSync(out)).toBe(false);
});

test('a score-range map with a raw metric, or with --formulas, is refused', async () => {
  const { dir, file } = input();
  const raw = await rfm([file, '--out', path.join(dir, 'o.csv'), '--segment-map', 'rfm10', '--f-method', 'raw']);
  expect(raw.code).toBe(2);
  expect(raw.err[0]).toMatch(/F is scored "raw"/);
  const fx = await rfm([file, '--out', path.join(dir, 'o.xlsx'), '--segment-map', 'rfm10', '--formulas']);
  expect(fx.code).toBe(2);
  expect(fx.err[0]).toMatch(/^rfm-score: Live formulas write the Segment column for high\/low segment maps only/);
});

test('--print-segment-map writes JSON that --segment-map reads back', async () => {
  const { dir } = input();
  const res = await rfm(['--print-segment-map', 'china8']);
  expect(res.code).toBe(0);
  const json = JSON.parse(res.out.join('\n'));
  expect(json.kind).toBe('highLow');
  expect(json.segments[0]).toEqual({ id: 'importantValue', name: { en: 'Important value', zh: '重要价值客户' }, r: 'high', f: 'high', m: 'high' });
  const file = path.join(dir, 'china8.json');
  writeFileSync(file, res.out.join('\n'));
  expect((await rfm(['--check-segment-map', file])).out).toEqual([`Segment map "${file}": every combination has exactly one rule.`]);
});

test('--check-segment-map: gaps as ranges and overlaps, on the scheme of the options', async () => {
  const { dir } = input();
  const file = path.join(dir, 'gaps.json');
  // On three bins (map A of test/core/segmentMaps.test.ts): ten uncovered combinations in three boxes, one overlap.
  writeFileSync(
    file,
    JSON.stringify({
      kind: 'ranges',
      segments: [
        { name: 'Top', r: 3, f: [2, 3], m: [2, 3] },
        { name: 'Mid', r: [2, 3], f: [1, 3], m: 2 },
        { name: 'Low', r: 1, f: [1, 3], m: [1, 3] },
      ],
    }),
  );
  const res = await rfm(['--check-segment-map', file, '--bins', '3']);
  expect(res.code).toBe(0);
  expect(res.out).toEqual([
    `Segment map "${file}" on R scores 1–3, F scores 1–3, M scores 1–3:`,
    '  10 score combinations match no rule and go to "Others": R 2–3, F 1–3, M 1; R 2, F 1–3, M 3; R 3, F 1, M 3',
    '  "Top" and "Mid" overlap on R 3, F 2–3, M 2 (e.g. R 3, F 2, M 2); there the first, "Top", applies',
  ]);
});

test('an unknown map name', async () => {
  const res = await rfm(['--check-segment-map', 'rfm11']);
  expect(res.code).toBe(2);
  expect(res.err).toEqual(['rfm-score: Unknown segment map "rfm11": give a preset (china8, rfm10) or a .json file.']);
});

test('--list finds a segment of the map by its name, Others included', async () => {
  const { dir, file } = input();
  const out = path.join(dir, 'out.csv');
  const res = await rfm([file, '--out', out, '--segment-map', 'rfm10', '--list', '其他客户', '--list', 'loyal customers']);
  expect(res.code).toBe(0);
  // e (1,3,1) is the only customer no rule covers; b and c are Loyal Customers, b first (M 400 > 300).
  const others = readCsvRows(path.join(dir, 'out-Others.csv'));
  expect(others.slice(1).map((r) => r[1])).toEqual(['e']);
  const loyal = readCsvRows(path.join(dir, 'out-Loyal Customers.csv'));
  expect(loyal.slice(1).map((r) => r[1])).toEqual(['b', 'c']);
  const unknown = await rfm([file, '--out', path.join(dir, 'x.csv'), '--segment-map', 'rfm10', '--list', 'Important value']);
  expect(unknown.code).toBe(2);
});
