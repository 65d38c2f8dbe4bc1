/**
 * Tie-collapse advice in the command-line report (src/cli/report.ts, docs/tie-advice.md): the ties
 * warning lists each fix with the option to pass and the distribution it gives; passing that option
 * gives that distribution.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { csvText, readCsvRows, removeTempDirs, rfm, tempDir } from './helpers';

afterAll(removeTempDirs);

/**
 * Ten customers, F = 7, 3, 3, 1 ×6, 5 (R and M all different). F, k = 5, ties average, ranks best
 * first: 7 → 1, 5 → 2, 3 → 3.5, 1 → 7.5; scores 5, 5, 4, 2: no one scores 1 or 3. By hand:
 * - fewer bins: k = 4 → 4, 4, 3, 2 and k = 3 → 3, 3, 3, 2 leave 1 empty; k = 2 → 2, 2, 2, 1: F 1 ×6, 2 ×4;
 * - cut-offs 3, 5, 7 (four distinct values ≤ k, each its own score): 1 → 1 ×6, 3 → 2 ×2, 5 → 3, 7 → 4;
 * - ties first: positions 1–10 → 5, 5, 4, 4, 3, 3, 2, 2, 1, 1: two customers per score.
 */
const rows = (): (string | number)[][] => [
  ['ID', 'Recency', 'Frequency', 'Monetary'],
  ...[7, 3, 3, 1, 1, 1, 1, 1, 1, 5].map((f, i) => [`T${i + 1}`, (i + 1) * 10, f, (10 - i) * 100]),
];

async function score(args: string[]) {
  const dir = tempDir();
  const input = path.join(dir, 'in.csv');
  const output = path.join(dir, 'out.csv');
  writeFileSync(input, csvText(rows()));
  const res = await rfm([input, '--out', output, ...args]);
  expect(res.code).toBe(0);
  const fScores = readCsvRows(output)
    .slice(1)
    .map((r) => Number(r[5]));
  return { ...res, fScores };
}

/** Customers per F score 1..top. */
function counts(scores: number[], top: number): number[] {
  const c = new Array<number>(top).fill(0);
  for (const s of scores) c[s - 1]++;
  return c;
}

test('English: the fixes, each with its option and distribution', async () => {
  const res = await score([]);
  const at = res.out.indexOf('  F scores: 5 → 2 (20%), 4 → 2 (20%), 2 → 6 (60%)');
  expect(at).toBeGreaterThan(0);
  expect(res.out.slice(at + 1, at + 8)).toEqual([
    '  Changes for the empty F scores, with the F scores each gives:',
    '    2 bins instead of 5 (for every metric scored in quintiles); then no one can reach A, B: adjust the grade thresholds (option --bins 2)',
    '      F scores: 2 → 4 (40%), 1 → 6 (60%)',
    '    Fixed cut-offs for F: 3,5,7 (scores 1–4) (option --f-method breaks:3,5,7)',
    '      F scores: 4 → 1 (10%), 3 → 1 (10%), 2 → 2 (20%), 1 → 6 (60%)',
    '    Ties by row order: equal values then get different scores, decided by the order of the rows (option --ties first)',
    '      F scores: 5 → 2 (20%), 4 → 2 (20%), 3 → 2 (20%), 2 → 2 (20%), 1 → 2 (20%)',
  ]);
});

test('Chinese: the same fixes, in Chinese, with the same options', async () => {
  const res = await score(['--lang', 'zh']);
  const at = res.out.findIndex((l) => l.startsWith('  填补F值空缺得分'));
  expect(at).toBeGreaterThan(0);
  expect(res.out.slice(at, at + 7)).toEqual([
    '  填补F值空缺得分的改法，以及各自的F值得分分布：',
    '    分档数由5改为2（对所有按五分位评分的指标生效）；此后无人能达到A、B级：需调整等级下限（选项：--bins 2）',
    '      F得分分布：2分：4位（40%），1分：6位（60%）',
    '    F值改用固定分界值3,5,7（得分1–4）（选项：--f-method breaks:3,5,7）',
    '      F得分分布：4分：1位（10%），3分：1位（10%），2分：2位（20%），1分：6位（60%）',
    '    并列处理方式改为“按行顺序”：相同的值会因所在行的先后得到不同的得分（选项：--ties first）',
    '      F得分分布：5分：2位（20%），4分：2位（20%），3分：2位（20%），2分：2位（20%），1分：2位（20%）',
  ]);
});

test.each([
  [['--bins', '2'], 2, [6, 4]],
  [['--f-method', 'breaks:3,5,7'], 4, [6, 2, 1, 1]],
  [['--ties', 'first'], 5, [2, 2, 2, 2, 2]],
])('passing %j gives the distribution the report promised, and no empty-score warning', async (args, top, expected) => {
  const res = await score(args);
  expect(counts(res.fScores, top)).toEqual(expected);
  expect(res.out.some((l) => l.includes('no one can score'))).toBe(false);
  expect(res.out.some((l) => l.includes('Changes for the empty'))).toBe(false);
});
