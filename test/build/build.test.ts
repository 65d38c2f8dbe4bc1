/**
 * The production build of each Office.js variant (webpack.config.js, docs/deploy.md): built once per
 * variant into a temp folder with webpack's node API, then checked on the files it wrote.
 *   cdn (default)     taskpane.html loads office.js from Microsoft's CDN in <head>; no copy is shipped
 *   local (OFFICE_JS=local)  taskpane.html loads office-js/office.js, shipped with the host files
 * Both: the manifest passes every offline check on the public URL, the help pages exist in both
 * languages with the stamped version, the pane's CSP allows its own origin (and the CDN for cdn) only.
 * Only the pane entry is built and nothing is minified (`quick`): what this checks does not depend on
 * either, and it keeps the two builds to about a minute.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import webpack from 'webpack';
import { manifestVersion, productVersion, officeJsSource, OFFICE_CDN, type OfficeJsSource } from '../../scripts/addin-settings';
import { checkManifest } from '../../scripts/validate-manifest';
import webpackConfig, { makeConfig } from '../../webpack.config';

const URL_BASE = 'https://rfm.example.com/addin';
const VARIANTS: OfficeJsSource[] = ['cdn', 'local'];

let out: string;

function build(configs: webpack.Configuration[]): Promise<webpack.MultiStats> {
  return new Promise((resolve, reject) => {
    webpack(configs, (err, stats) => {
      if (err) reject(err);
      else if (!stats) reject(new Error('webpack returned no stats'));
      else if (stats.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve(stats);
    });
  });
}

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-build-'));
  await build(
    VARIANTS.map((officeJs) =>
      makeConfig({ production: true, officeJs, publicUrl: URL_BASE, outputPath: path.join(out, officeJs), entries: ['taskpane'], quick: true }),
    ),
  );
}, 600_000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

const read = (variant: OfficeJsSource, file: string) => fs.readFileSync(path.join(out, variant, file), 'utf8');

/** The <script src> values of the page's <head>, in order. */
function headScripts(html: string): string[] {
  const head = /<head>([\s\S]*)<\/head>/i.exec(html)?.[1] ?? '';
  return [...head.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)"?/gi)].map((m) => m[1]);
}

function csp(html: string): string {
  const meta = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/i.exec(html);
  if (!meta) throw new Error('no Content-Security-Policy meta tag');
  return meta[1];
}

describe('Office.js from the CDN (the default production build)', () => {
  test('taskpane.html loads office.js from the CDN in <head>, before the bundle', () => {
    const scripts = headScripts(read('cdn', 'taskpane.html'));
    expect(scripts[0]).toBe(OFFICE_CDN);
    expect(scripts[1]).toMatch(/^taskpane\.[0-9a-f]{8}\.js$/);
    expect(scripts).toHaveLength(2);
  });

  test('no copy of Office.js is shipped', () => {
    expect(fs.existsSync(path.join(out, 'cdn', 'office-js'))).toBe(false);
    expect(read('cdn', 'taskpane.html')).not.toContain('office-js/');
  });

  test('the CSP allows scripts from the pane’s origin and the CDN only', () => {
    const policy = csp(read('cdn', 'taskpane.html'));
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(policy).not.toMatch(/unsafe-eval|\*/);
  });
});

describe('the local copy of Office.js (OFFICE_JS=local)', () => {
  test('taskpane.html loads office-js/office.js in <head>, before the bundle', () => {
    const html = read('local', 'taskpane.html');
    expect(headScripts(html)[0]).toBe('office-js/office.js');
    expect(html).not.toContain('appsforoffice.microsoft.com');
  });

  test('the loader, the host mapping table, the Excel host files and the en-us and zh-cn strings are shipped', () => {
    const dir = path.join(out, 'local', 'office-js');
    for (const file of ['office.js', 'o15apptofilemappingtable.js', 'excel-web-16.00.js', 'excel-win32-16.01.js', 'en-us/office_strings.js', 'zh-cn/office_strings.js']) {
      expect(fs.existsSync(path.join(dir, file))).toBe(true);
    }
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.debug.js'))).toEqual([]);
  });

  test('the CSP allows scripts from the pane’s origin only', () => {
    expect(csp(read('local', 'taskpane.html'))).toContain("script-src 'self';");
  });
});

describe.each(VARIANTS)('both variants: %s', (variant) => {
  test('the manifest passes every offline check on the public URL', async () => {
    const file = path.join(out, variant, 'manifest.xml');
    expect(await checkManifest(file, { publicUrl: URL_BASE, version: manifestVersion(), dir: path.join(out, variant) })).toEqual([]);
    expect(read(variant, 'manifest.xml')).toContain(`<Version>${manifestVersion()}</Version>`);
  });

  test('the help pages are there in both languages, stamped with the version', () => {
    const en = read(variant, 'help/en-US.html');
    const zh = read(variant, 'help/zh-CN.html');
    expect(en).toMatch(/<html lang="?en-US"?>/);
    expect(zh).toMatch(/<html lang="?zh-CN"?>/);
    expect(en).toContain(`Version ${productVersion()}`);
    expect(zh).toContain(`版本${productVersion()}`);
    expect(en).not.toMatch(/<script/i);
  });
});

test('OFFICE_JS chooses the variant: cdn for production, local for development, unless set', () => {
  expect(officeJsSource(true, {})).toBe('cdn');
  expect(officeJsSource(false, {})).toBe('local');
  expect(officeJsSource(true, { OFFICE_JS: 'local' })).toBe('local');
  expect(officeJsSource(false, { OFFICE_JS: 'CDN' })).toBe('cdn');
  expect(() => officeJsSource(true, { OFFICE_JS: 'bundle' })).toThrow(/OFFICE_JS must be "cdn" or "local"/);
});

describe('what `webpack` (the CLI) builds for each mode, without building', () => {
  const saved = process.env.OFFICE_JS;
  afterEach(() => {
    if (saved === undefined) delete process.env.OFFICE_JS;
    else process.env.OFFICE_JS = saved;
  });

  /** The Office.js URL the task pane page gets, and whether the local files are copied. */
  function officeJsOf(config: webpack.Configuration) {
    const plugins = (config.plugins ?? []) as Array<{ constructor: { name: string }; userOptions?: { filename?: string; templateParameters?: { officeJsUrl?: string } }; patterns?: Array<{ to?: string }> }>;
    const pane = plugins.find((p) => p.userOptions?.filename === 'taskpane.html');
    const copy = plugins.find((p) => p.constructor.name === 'CopyPlugin');
    return { url: pane?.userOptions?.templateParameters?.officeJsUrl, copied: Boolean(copy?.patterns?.some((p) => p.to === 'office-js/')) };
  }

  test('the dev server and build:dev use the local copy (offline), npm run build the CDN', () => {
    delete process.env.OFFICE_JS;
    expect(officeJsOf(webpackConfig({}, { mode: 'development' }))).toEqual({ url: 'office-js/office.js', copied: true });
    expect(officeJsOf(webpackConfig({ preview: true }, { mode: 'development' }))).toEqual({ url: 'office-js/office.js', copied: true });
    expect(officeJsOf(webpackConfig({}, { mode: 'production' }))).toEqual({ url: OFFICE_CDN, copied: false });
    process.env.OFFICE_JS = 'local';
    expect(officeJsOf(webpackConfig({}, { mode: 'production' }))).toEqual({ url: 'office-js/office.js', copied: true });
  });
});
