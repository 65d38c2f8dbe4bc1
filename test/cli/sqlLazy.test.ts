/**
 * `rfm-score --engine duckdb` loads @duckdb/node-api on demand (docs/sql.md): a scoring run and
 * `--sql` never load it, so the usual start time is unchanged. Checked on the compiled CLI in a fresh
 * Node process (lib/ is built here when missing, as in bin.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { removeTempDirs, tempDir } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'lib', 'src', 'cli', 'main.js');

beforeAll(() => {
  if (!existsSync(MAIN)) {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT, stdio: 'pipe' });
  }
}, 60000);
afterAll(removeTempDirs);

/** Run `rfm-score ARGS` in a fresh process; true when DuckDB's module was loaded. */
function loadsDuckdb(args: string[]): boolean {
  const script = `
    const cli = require(${JSON.stringify(MAIN)});
    cli.run(${JSON.stringify(args)}, { out() {}, err() {} }).then(() => {
      process.stdout.write(String(Object.keys(require.cache).some((k) => k.includes('@duckdb'))));
    });`;
  return execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }) === 'true';
}

test('a scoring run, --sql and --help do not load DuckDB; --engine duckdb does', () => {
  const dir = tempDir();
  const csv = path.join(dir, 'in.csv');
  writeFileSync(csv, 'R,F,M\n1,2,3\n4,5,6\n');
  expect(loadsDuckdb([csv, '--out', path.join(dir, 'scored.csv')])).toBe(false);
  expect(loadsDuckdb(['--sql', 'duckdb'])).toBe(false);
  expect(loadsDuckdb(['--help'])).toBe(false);
  expect(loadsDuckdb(['--engine', 'duckdb', csv, '--out', path.join(dir, 'graded.csv')])).toBe(true);
  expect(existsSync(path.join(dir, 'graded.csv'))).toBe(true);
});
