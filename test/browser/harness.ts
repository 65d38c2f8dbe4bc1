/**
 * The set-up shared by the real-browser suites (test/browser/*.browser.test.ts): dist/ served on a
 * random localhost port, a headless Chromium (Debian's, else the one inside the npm package
 * @sparticuz/chromium: see chromium.ts; playwright-core, no browser download), the local preview page
 * opened in it with a CJK web font (so the zh screenshots read on a machine without CJK fonts), and the
 * small helpers every suite uses on that page.
 *
 *   npm run test:browser        (builds dist/ first)
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { CellValue } from '../../src/core';
import '../../src/preview/handle'; // the type of window.__rfmPreview
import { t, type Lang, type MessageKey } from '../../src/i18n';
import { chromiumLaunch } from './chromium';

export const ROOT = path.join(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const RESULTS = path.join(ROOT, 'test-results');
/** Noto Sans SC from the npm package @fontsource/noto-sans-sc, served under this path by `serve`. */
const FONT_DIR = path.join(ROOT, 'node_modules', '@fontsource', 'noto-sans-sc');
const FONT_PREFIX = '/__test-fonts/noto-sans-sc/';

/** The preview's sample customer sheet and its table. */
export const SHEET = '客户';
export const TABLE = 'A1:F301';

export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
};

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export interface Site {
  url: string;
  close: () => Promise<void>;
}

/** A tiny static server for dist/ on a random localhost port. */
export function serve(dir: string): Promise<Site> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const font = pathname.startsWith(FONT_PREFIX);
    const base = font ? FONT_DIR : dir;
    const file = path.normalize(path.join(base, font ? pathname.slice(FONT_PREFIX.length) : pathname === '/' ? 'preview.html' : pathname));
    if (!file.startsWith(base) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

/** A page of the preview, with the page errors seen since it opened. */
export type PreviewPage = Page & { errors: string[] };

export interface BrowserSession {
  /** The launched Chromium (available once beforeAll has run). */
  readonly browser: Browser;
  /** The served dist/'s base URL, e.g. http://127.0.0.1:12345 (available once beforeAll has run). */
  readonly url: string;
  /** Opens the preview page in `locale`; `setup` runs on the page before it loads (e.g. to add listeners). */
  openPreview(locale: string, setup?: (page: Page) => void): Promise<PreviewPage>;
}

/**
 * Registers the suite's beforeAll (dist/preview.html must exist; creates test-results/, serves `dist`,
 * launches Chromium) and afterAll (closes both), and returns the session.
 */
export function useBrowser(dist: string = DIST): BrowserSession {
  let browser: Browser | undefined;
  let site: Site | undefined;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(dist, 'preview.html'))) {
      throw new Error(`${dist === DIST ? 'dist' : dist}/preview.html is missing: run \`npm run build\` first`);
    }
    fs.mkdirSync(RESULTS, { recursive: true });
    site = await serve(dist);
    const launch = chromiumLaunch();
    browser = await chromium.launch({ executablePath: launch.executablePath, env: launch.env, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const session: BrowserSession = {
    get browser(): Browser {
      if (!browser) throw new Error('the browser is not launched yet (use it inside a test)');
      return browser;
    },
    get url(): string {
      if (!site) throw new Error('dist/ is not served yet (use it inside a test)');
      return site.url;
    },
    async openPreview(locale: string, setup?: (page: Page) => void): Promise<PreviewPage> {
      const page = (await session.browser.newPage({ locale, viewport: { width: 1400, height: 1000 } })) as PreviewPage;
      page.errors = [];
      page.on('pageerror', (e) => page.errors.push(String(e)));
      setup?.(page);
      await page.goto(`${session.url}/preview.html`);
      await page.waitForFunction(() => window.__rfmPreview !== undefined);
      await useCjkFont(page);
      return page;
    },
  };
  return session;
}

export const text = (lang: Lang, key: MessageKey, vars?: Record<string, string | number>) => t(lang, key, vars);

/** Loads Noto Sans SC into the page and puts it after the pane's own fonts, for the Chinese text. */
export async function useCjkFont(page: Page): Promise<void> {
  await page.addStyleTag({ url: `${FONT_PREFIX}400.css` });
  await page.addStyleTag({ content: `body, body * { font-family: 'Segoe UI', 'Noto Sans SC', sans-serif !important; }` });
}

/** The values of `sheet`!`address` in the preview's in-memory workbook. */
export async function values(page: Page, sheet: string, address: string): Promise<CellValue[][]> {
  return page.evaluate(([s, a]) => window.__rfmPreview!.workbook.sheet(s).getValues(a), [sheet, address] as const);
}

/** The pane's own column, cut to its content, as a PNG in test-results/; the viewport is set back to 1400×1000 after unless `restoreViewport` is false. */
export async function screenshotPane(page: Page, file: string, restoreViewport = true): Promise<void> {
  const height = await page.evaluate(() => {
    const pane = document.querySelector('[data-testid="pane"]') as HTMLElement;
    const column = document.querySelector('[data-testid="pane-column"]') as HTMLElement;
    column.scrollTop = 0;
    return Math.ceil(pane.scrollHeight + column.getBoundingClientRect().top);
  });
  await page.setViewportSize({ width: 1400, height: Math.max(1000, height + 8) });
  await page.evaluate(() => document.fonts.ready);
  await page.getByTestId('pane-column').screenshot({ path: path.join(RESULTS, file) });
  if (restoreViewport) await page.setViewportSize({ width: 1400, height: 1000 });
}

/**
 * Opens a collapsed section of the pane (scheme, insight, periods, output, columns): sections show a
 * one-line summary until their heading button is pressed (docs/pane.md, "Layout").
 */
export async function openSection(page: Page, name: 'columns' | 'scheme' | 'insight' | 'periods' | 'output'): Promise<void> {
  const toggle = page.getByTestId(`section-${name}-toggle`);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}
