/**
 * Atomic output: write to a temporary file next to the target, then rename over it, so a failed or
 * interrupted run leaves no half-written output.
 */
import { promises as fs, unlinkSync } from 'node:fs';
import * as path from 'node:path';

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

function hookSignals(): void {
  if (hooked) return;
  hooked = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      cleanupSync();
      process.exit(130);
    });
  }
  process.once('exit', cleanupSync);
}

/** Call `write(tempPath)` to produce the file, then move it to `target`. */
export async function writeAtomically(target: string, write: (tempPath: string) => Promise<void>): Promise<void> {
  hookSignals();
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  pending.add(temp);
  try {
    await write(temp);
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  } finally {
    pending.delete(temp);
  }
}
