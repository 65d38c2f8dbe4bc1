/**
 * The worker thread of `rfm-score` (src/cli/signals.ts): runs the command and sends its lines and
 * exit code to the main thread, which stays free to answer a signal at once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { run } from './main';
import type { WorkerMessage } from './signals';

const port = parentPort!;
const send = (m: WorkerMessage) => port.postMessage(m);
const { argv } = workerData as { argv: string[] };
void run(argv, { out: (line) => send({ kind: 'out', line }), err: (line) => send({ kind: 'err', line }) }).then((code) =>
  send({ kind: 'done', code }),
);
