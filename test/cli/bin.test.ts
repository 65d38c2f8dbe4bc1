/**
 * End to end through the package bin: `node bin/rfm-score.js …` as `npx rfm-score` runs it.
 * bin/rfm-score.js requires the compiled lib/src/cli/main.js; it is built here when missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { baseRows, csvText, listDir, removeTempDirs, sha256, tempDir } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'rfm-score.js');

beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'lib', 'src', 'cli', 'main.js'))) {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT, stdio: 'pipe' });
  }
}, 60000);

afterAll(removeTempDirs);

function bin(args: string[], cwd: string) {
  const env = { ...process.env };
  delete env.RFM_DEBUG;
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env, timeout: 30000 });
}

describe('node bin/rfm-score.js', () => {
  test('bad input: exit code 2, one line on stderr, nothing on stdout, nothing written', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'in.csv'), csvText(baseRows()));
    const hash = sha256(path.join(dir, 'in.csv'));

    const res = bin(['in.csv', '--out', 'out.csv', '--weights', '0.3,0.3,0.3'], dir);

    expect(res.status).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toBe('rfm-score: Weights must add up to exactly 1; they add up to 0.9\n');
    expect(listDir(dir)).toEqual(['in.csv']);
    expect(sha256(path.join(dir, 'in.csv'))).toBe(hash);

    const missing = bin(['nope.xlsx', '--out', 'out.xlsx'], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('rfm-score: Input file not found: nope.xlsx\n');
    expect(missing.stderr).not.toContain('    at ');
  });

  test('a good run: exit code 0, report on stdout, the scored file written', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'in.csv'), csvText(baseRows()));

    const res = bin(['in.csv', '--out', 'out.csv'], dir);

    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout.split('\n')).toEqual([
      'Scored 10 of 10 customers in in.csv: R = C "Recency", F = D "Frequency", M = E "Monetary"',
      'Grades: A 2 (20%), B 4 (40%), C 3 (30%), D 1 (10%)',
      'Wrote out.csv',
      '',
    ]);
    expect(readFileSync(path.join(dir, 'out.csv'), 'utf8').split('\n')[1]).toBe('C01,North,3,12,800,5,4,2,3.5,B');
    expect(listDir(dir)).toEqual(['in.csv', 'out.csv']);
  });
});
