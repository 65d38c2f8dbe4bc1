/**
 * Atomic output: write to a temporary file next to the target, then rename over it, so a failed or
 * interrupted run leaves no half-written output (docs/limits.md).
 *
 * The temporary file is `.NAME.PID.TIME.tmp`: a run killed outright (SIGKILL, a power cut) cannot
 * remove it, so the next run writing NAME removes those whose process is gone. Replacing an existing
 * output keeps its permissions. A signal is handled by src/cli/signals.ts, which is told of each
 * temporary file.
 */
import { promises as fs, unlinkSync } from 'node:fs';
import * as path from 'node:path';
import { RfmError } from '../core';
import { reportTemp } from './signals';

const pending = new Set<string>();
let hooked = false;

function cleanupSync(): void {
  for (const file of pending) {
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  }
  pending.clear();
}

const TEMP_NAME = /^\.(.+)\.(\d+)\.(\d+)\.tmp$/;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove this output's temporary files left by runs that were killed (their process is gone). */
async function removeStaleTemps(dir: string, base: string): Promise<void> {
  const entries = await fs.readdir(dir).catch(() => [] as string[]);
  for (const entry of entries) {
    const m = TEMP_NAME.exec(entry);
    if (!m || m[1] !== base) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || processAlive(pid)) continue;
    await fs.rm(path.join(dir, entry), { force: true });
  }
}

/** Call `write(tempPath)` to produce the file, then move it to `target`. */
export async function writeAtomically(target: string, write: (tempPath: string) => Promise<void>): Promise<void> {
  if (!hooked) {
    hooked = true;
    process.once('exit', cleanupSync);
  }
  const dir = path.dirname(path.resolve(target));
  const base = path.basename(target);
  await removeStaleTemps(dir, base);
  const temp = path.join(dir, `.${base}.${process.pid}.${Date.now()}.tmp`);
  pending.add(temp);
  reportTemp(temp, true);
  try {
    await write(temp);
    const old = await fs.stat(target).catch(() => undefined);
    if (old?.isFile()) await fs.chmod(temp, old.mode & 0o7777);
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  } finally {
    pending.delete(temp);
    reportTemp(temp, false);
  }
}

/** `writeAtomically`, with a file-system failure turned into the one-line `cli.cannotWrite` naming the output. */
export async function writeOutputFile(target: string, write: (tempPath: string) => Promise<void>): Promise<void> {
  await writeAtomically(target, write).catch((err: NodeJS.ErrnoException) => {
    if (err instanceof RfmError) throw err;
    if (err.code) throw new RfmError('cli.cannotWrite', { file: target, detail: err.message });
    throw err;
  });
}
