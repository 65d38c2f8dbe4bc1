/**
 * Ctrl+C and `kill` end a run at once, at any stage, and leave nothing behind (docs/limits.md,
 * "Interrupting a run"). The run itself works in a worker thread: parsing, scoring and exceljs'
 * writing are long synchronous stretches that would hold a signal handler on the main thread for
 * seconds, and chunking all of them with awaits would slow every run. The main thread only relays
 * the worker's lines, keeps the list of temporary files the worker is writing, and on SIGINT,
 * SIGTERM or SIGHUP stops the worker (V8 interrupts running JavaScript), removes those files and
 * exits with 128 + the signal number (130, 143, 129) like any Unix command.
 */
import { unlinkSync } from 'node:fs';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import type { Lang } from '../i18n';

/** The message tables are loaded only when a line is printed: the signal handlers come first. */
function t(lang: Lang, key: 'cli.unexpected' | 'limits.interrupted', vars: Record<string, string>): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../i18n') as typeof import('../i18n')).t(lang, key, vars);
}

const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
type Signal = keyof typeof SIGNALS;

/** What the worker tells the main thread. */
export type WorkerMessage =
  | { kind: 'out' | 'err'; line: string }
  | { kind: 'temp'; file: string; writing: boolean }
  | { kind: 'done'; code: number };

/** The worker side: report a temporary file being written (true) or gone/renamed (false). */
export function reportTemp(file: string, writing: boolean): void {
  if (!isMainThread && parentPort) parentPort.postMessage({ kind: 'temp', file, writing } satisfies WorkerMessage);
}

function langHint(argv: string[]): Lang {
  const i = argv.indexOf('--lang');
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  return v === 'zh' ? 'zh' : 'en';
}

function removeAll(files: Set<string>): void {
  for (const file of files) {
    try {
      unlinkSync(file);
    } catch {
      // never created, or already renamed into place
    }
  }
  files.clear();
}

/** Run `rfm-score ARGV` in a worker thread; the process exits with its code, or 128 + a signal's. */
export function supervise(argv: string[]): void {
  for (const stream of [process.stdout, process.stderr]) {
    // `rfm-score … | head` must not end in an EPIPE stack trace.
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  const temps = new Set<string>();
  let finished = false;
  let stopping = false;
  const worker = new Worker(path.join(__dirname, 'worker.js'), { workerData: { argv } });
  const stop = (signal: Signal) => {
    if (stopping) return;
    stopping = true;
    const code = 128 + SIGNALS[signal];
    const end = () => {
      removeAll(temps);
      if (!finished) process.stderr.write(`rfm-score: ${t(langHint(argv), 'limits.interrupted', { signal })}\n`);
      process.exit(code);
    };
    // terminate() resolves once the worker's JavaScript has stopped; a file operation it started may
    // still land, so the temporary files are removed after that. Half a second at most.
    const timer = setTimeout(end, 500);
    void worker.terminate().then(() => {
      clearTimeout(timer);
      end();
    });
  };
  for (const signal of Object.keys(SIGNALS) as Signal[]) process.on(signal, () => stop(signal));
  worker.on('message', (m: WorkerMessage) => {
    if (m.kind === 'out') process.stdout.write(`${m.line}\n`);
    else if (m.kind === 'err') process.stderr.write(`${m.line}\n`);
    else if (m.kind === 'temp') {
      if (m.writing) temps.add(m.file);
      else temps.delete(m.file);
    } else if (m.kind === 'done') {
      finished = true;
      process.exitCode = m.code;
    }
  });
  worker.on('error', (err) => {
    finished = true;
    removeAll(temps);
    if (process.env.RFM_DEBUG) process.stderr.write(`${err.stack ?? String(err)}\n`);
    process.stderr.write(`rfm-score: ${t(langHint(argv), 'cli.unexpected', { detail: err.message })}\n`);
    process.exitCode = 1;
  });
  worker.on('exit', () => {
    removeAll(temps);
    if (!finished && process.exitCode === undefined) process.exitCode = 1;
  });
}
