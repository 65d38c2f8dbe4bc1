/**
 * Which Chromium the browser tests launch, with nothing installed by hand: `CHROMIUM_PATH` when set,
 * else an installed Chromium, Chrome or Edge (Debian's `/usr/bin/chromium` first; the usual macOS
 * and Windows paths), else on Linux x64 the Chromium shipped inside the npm package
 * `@sparticuz/chromium` (unpacked to the temp folder by scripts/sparticuz-chromium.mjs, which also
 * reports the library and font paths its bundled libraries need). See README → "Set up".
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ChromiumLaunch {
  executablePath: string;
  /** Extra environment for the browser process (the bundled libraries' paths), if any. */
  env?: Record<string, string>;
  /** Where it came from, for the test log. */
  source: string;
}

function installed(): string[] {
  if (process.platform === 'darwin') {
    return ['Chromium', 'Google Chrome', 'Microsoft Edge'].map((app) => `/Applications/${app}.app/Contents/MacOS/${app}`);
  }
  if (process.platform === 'win32') {
    const roots = [process.env.ProgramFiles, process.env['ProgramFiles(x86)'], process.env.LOCALAPPDATA].filter((d): d is string => !!d);
    return roots.flatMap((root) => [
      path.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
}

let cached: ChromiumLaunch | undefined;

export function chromiumLaunch(): ChromiumLaunch {
  if (cached) return cached;
  const local = process.env.CHROMIUM_PATH ?? installed().find((file) => fs.existsSync(file));
  if (local) cached = { executablePath: local, source: local };
  else {
    const helper = path.join(__dirname, '..', '..', 'scripts', 'sparticuz-chromium.mjs');
    const out = execFileSync(process.execPath, [helper], { encoding: 'utf8' });
    const found = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { executablePath: string; env: Record<string, string> };
    cached = { executablePath: found.executablePath, env: { ...process.env, ...found.env } as Record<string, string>, source: '@sparticuz/chromium' };
  }
  return cached;
}
