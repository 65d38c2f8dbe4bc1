/**
 * Whole calendar days independent of the machine's time zone: the command runs in child processes
 * under TZ=Asia/Shanghai (UTC+8) and TZ=America/Los_Angeles (UTC−8/−7, with the 2025-03-09 DST
 * change inside the data), from the TypeScript sources (transpiled on the fly, so no stale build),
 * and must write byte-identical per-customer tables. Jest's own process keeps the TZ it started with,
 * hence the spawning.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { csvText, readCsvRows, readXlsx, removeTempDirs, sheet, tempDir, writeXlsx } from '../cli/helpers';

afterAll(removeTempDirs);

const ROOT = path.resolve(__dirname, '..', '..');
const ZONES = ['Asia/Shanghai', 'America/Los_Angeles'];

/** `node -e` that compiles src/**.ts with TypeScript's transpileModule and runs the CLI. */
const RUNNER = `
const fs = require('node:fs');
const ts = require(${JSON.stringify(require.resolve('typescript'))});
require.extensions['.ts'] = (module, file) => {
  const out = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(out.outputText, file);
};
const { run } = require(${JSON.stringify(path.join(ROOT, 'src', 'cli', 'main.ts'))});
(async () => {
  for (const args of JSON.parse(process.argv[1])) process.exitCode = Math.max(process.exitCode ?? 0, await run(args));
})();
`;

/** Several `rfm-score` runs in one child process under time zone `tz`. */
function runIn(tz: string, runs: string[][], cwd: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: tz };
  delete env.RFM_DEBUG;
  return spawnSync(process.execPath, ['-e', RUNNER, JSON.stringify(runs)], { cwd, env, encoding: 'utf8', timeout: 60000 });
}

/** Late-evening and early-morning times, the DST change, 29 February, month ends. */
const SALES: [string, string, number][] = [
  ['A', '2025-03-31', 10],
  ['A', '2025-03-08', 20],
  ['B', '2025-03-09', 30],
  ['B', '2024-02-29', 40],
  ['C', '2025-03-10', 50],
  ['C', '2024-11-03', 60],
  ['D', '2025-01-31', 70],
  ['D', '2024-12-31', 80],
];

test('the time zones really differ in the child processes', () => {
  const offsets = ZONES.map((tz) =>
    spawnSync(process.execPath, ['-e', 'process.stdout.write(String(new Date(Date.UTC(2025, 0, 1)).getTimezoneOffset()))'], {
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
    }).stdout,
  );
  expect(offsets).toEqual(['-480', '480']);
});

test('csv and xlsx sales records give the same per-customer table under both time zones', async () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'sales.csv'), csvText([['Customer', 'Date', 'Amount'], ...SALES]));
  await writeXlsx(path.join(dir, 'sales.xlsx'), (wb) => {
    const ws = wb.addWorksheet('Sales');
    ws.addRow(['Customer', 'Date', 'Amount']);
    SALES.forEach(([c, date, amount], i) => {
      const [y, m, d] = date.split('-').map(Number);
      // Wall-clock times as exceljs stores them (UTC fields): 23:59 and 00:01 must stay on their day.
      const when = new Date(Date.UTC(y, m - 1, d, i % 2 ? 23 : 0, i % 2 ? 59 : 1));
      ws.addRow([c, i % 3 === 2 ? date : when, amount]);
      ws.getCell(i + 2, 2).numFmt = 'yyyy-mm-dd hh:mm';
    });
  });

  const outputs: string[] = [];
  for (const tz of ZONES) {
    const inputs = ['sales.csv', 'sales.xlsx'];
    const out = (input: string) => `${tz.replace('/', '_')}-${input}.csv`;
    const res = runIn(
      tz,
      inputs.map((input) => [input, '--transactions', '--since', '2024-06-01', '--as-of', '2025-03-31', '--out', out(input)]),
      dir,
    );
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('Period: 2024-06-01 to 2025-03-31 (as-of date given)');
    for (const input of inputs) outputs.push(readFileSync(path.join(dir, out(input)), 'utf8'));
  }
  expect(new Set(outputs).size).toBe(1);
  // A 03-31 → R 0; B 03-09 → R 22 (B's 2024-02-29 is before since); C 03-10 → R 21; D 01-31 → R 59.
  expect(readCsvRows(path.join(dir, 'Asia_Shanghai-sales.csv.csv')).map((r) => r.slice(0, 5))).toEqual([
    ['Customer', 'Last purchase', 'R', 'F', 'M'],
    ['A', '2025-03-31', '0', '2', '30'],
    ['B', '2025-03-09', '22', '1', '30'],
    ['C', '2025-03-10', '21', '2', '110'],
    ['D', '2025-01-31', '59', '2', '150'],
  ]);
}, 120000);

test('the xlsx output writes the same date cells under both time zones', async () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'sales.csv'), csvText([['Customer', 'Date', 'Amount'], ...SALES]));
  const days: string[][] = [];
  for (const tz of ZONES) {
    const out = `${tz.replace('/', '_')}.xlsx`;
    expect(runIn(tz, [['sales.csv', '--transactions', '--out', out]], dir).status).toBe(0);
    // exceljs reads a date cell's serial number as the UTC midnight of its day.
    const ws = sheet(await readXlsx(path.join(dir, out)), 'RFM');
    const column: string[] = [];
    ws.getColumn(2).eachCell((cell, row) => {
      if (row > 1) column.push(`${(cell.value as Date).toISOString()} ${cell.numFmt}`);
    });
    days.push(column);
  }
  expect(days[0]).toEqual([
    '2025-03-31T00:00:00.000Z yyyy-mm-dd',
    '2025-03-09T00:00:00.000Z yyyy-mm-dd',
    '2025-03-10T00:00:00.000Z yyyy-mm-dd',
    '2025-01-31T00:00:00.000Z yyyy-mm-dd',
  ]);
  expect(days[1]).toEqual(days[0]);
}, 120000);
