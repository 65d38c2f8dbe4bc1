import * as path from 'node:path';

/** The package version, from the nearest package.json above this file (src/ or lib/src/). */
export function version(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const pkg = require(path.join(dir, 'package.json')) as { name?: string; version: string };
      if (pkg.name === 'rfm-grader') return pkg.version;
    } catch {
      // keep looking upwards
    }
  }
  return 'unknown';
}
