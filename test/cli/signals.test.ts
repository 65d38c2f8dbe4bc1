/**
 * Interrupting a run (docs/limits.md): SIGTERM and SIGINT end `rfm-score` within a second at any
 * stage — reading, scoring, writing a large xlsx — with exit code 143 / 130 and nothing left behind:
 * no output, no temporary file. A real child process on a large generated CSV file.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { listDir, removeTempDirs, sha256, tempDir } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'rfm-score.js');

beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'lib', 'src', 'cli', 'signals.js'))) {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT, stdio: 'pipe' });
  }
}, 120000);

afterAll(removeTempDirs);

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** Milliseconds from the signal to the process's end. */
  ms: number;
}

/** Start `rfm-score ARGS`, send `signal` after `delay` ms, and wait for the end. */
function interrupt(args: string[], cwd: string, signal: NodeJS.Signals, delay: number): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let sent = 0;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      sent = Date.now();
      child.kill(signal);
    }, delay);
    child.on('error', reject);
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      if (!sent) reject(new Error(`the run ended before the signal (exit ${code}): ${stderr}`));
      else resolve({ code, signal: sig, stderr, ms: Date.now() - sent });
    });
  });
}

describe('SIGTERM and SIGINT', () => {
  test('end a run within a second at any stage, exit 143 / 130, nothing left behind', async () => {
    const dir = tempDir();
    const lines = ['Customer,R,F,M'];
    for (let i = 0; i < 600_000; i++) lines.push(`C${i},${i % 365},${i % 50},${(i * 7) % 10000}.5`);
    writeFileSync(path.join(dir, 'in.csv'), `${lines.join('\n')}\n`);
    const hash = sha256(path.join(dir, 'in.csv'));
    // Reading and scoring, then building the workbook, then exceljs writing it (seconds of
    // synchronous work each on 600,000 rows).
    const stages: Array<[NodeJS.Signals, number]> = [
      ['SIGTERM', 500],
      ['SIGINT', 1500],
      ['SIGTERM', 3000],
      ['SIGINT', 5000],
    ];
    for (const [signal, delay] of stages) {
      const ended = await interrupt(['in.csv', '--out', 'out.xlsx', '--summary'], dir, signal, delay);
      const expected = signal === 'SIGTERM' ? 143 : 130;
      // The exit status a shell sees: the program's own code, or 128 + the signal when the signal
      // came while Node itself was still starting (before any handler could be installed).
      const status = ended.code ?? (ended.signal === signal ? expected : -1);
      expect({ signal, delay, status, fast: ended.ms < 1000 }).toEqual({ signal, delay, status: expected, fast: true });
      if (ended.code !== null) expect(ended.stderr).toBe(`rfm-score: Interrupted by ${signal}: nothing was written\n`);
      expect(listDir(dir)).toEqual(['in.csv']);
    }
    expect(sha256(path.join(dir, 'in.csv'))).toBe(hash);
  }, 60000);
});
