// Unpacks the Chromium shipped inside the npm package @sparticuz/chromium (no download, no system
// package) and prints what a launcher needs as one JSON line: the executable, and the environment
// its bundled libraries and fonts need. Used by the browser tests when /usr/bin/chromium is absent
// (test/browser/chromium.ts). The package unpacks its own libraries only when AWS_EXECUTION_ENV names
// a Lambda Node runtime, so that is set here, in this helper process only.
process.env.AWS_EXECUTION_ENV ??= 'AWS_Lambda_nodejs20.x';
const { default: chromium } = await import('@sparticuz/chromium');
const executablePath = await chromium.executablePath();
const env = {};
for (const key of ['LD_LIBRARY_PATH', 'FONTCONFIG_PATH']) if (process.env[key]) env[key] = process.env[key];
process.stdout.write(JSON.stringify({ executablePath, env }) + '\n');
