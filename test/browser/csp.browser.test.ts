/**
 * The built task pane stays in its lane (docs/deploy.md → "Content Security Policy"): opened from the
 * production dist/ in Chromium, it requests nothing outside its own origin and the Office.js CDN, its
 * CSP refuses anything else, and nothing it needs is refused. The CDN is not reachable here, so its URL
 * is answered by the same files from @microsoft/office-js (page.route); the requests are recorded as
 * the page makes them. The help pages are checked the same way (their own origin only).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { OFFICE_CDN, OFFICE_CDN_ORIGIN } from '../../scripts/addin-settings';
import { RESULTS, ROOT, useBrowser, text } from './harness';

const OFFICE_JS_DIR = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
const CDN_PREFIX = `${OFFICE_CDN_ORIGIN}/lib/1/hosted/`;

const session = useBrowser();

interface Recorded {
  page: Page;
  /** Every request the page started (Playwright reports one even when the CSP then blocks it). */
  requests: string[];
  /** The URLs that got a response. */
  responses: string[];
  cdnServed: string[];
  violations: () => Promise<string[]>;
}

/** Opens `file` of the served dist/, recording every request and every CSP violation from the start. */
async function open(file: string, locale = 'en-US'): Promise<Recorded> {
  const page = await session.browser.newPage({ locale });
  const requests: string[] = [];
  const responses: string[] = [];
  const cdnServed: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('response', (response) => responses.push(response.url()));
  await page.route(`${OFFICE_CDN_ORIGIN}/**`, async (route) => {
    const url = route.request().url();
    const rest = url.startsWith(CDN_PREFIX) ? url.slice(CDN_PREFIX.length).replace(/[?#].*$/, '') : '';
    const local = path.join(OFFICE_JS_DIR, ...rest.split('/'));
    if (rest && local.startsWith(OFFICE_JS_DIR) && fs.existsSync(local) && fs.statSync(local).isFile()) {
      cdnServed.push(rest);
      await route.fulfill({ path: local, contentType: 'text/javascript; charset=utf-8' });
    } else await route.fulfill({ status: 404, body: 'not in @microsoft/office-js' });
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${session.url}/${file}`);
  return { page, requests, responses, cdnServed, violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.slice()) };
}

const origin = (url: string) => new URL(url).origin;

describe('the task pane of the production build', () => {
  let pane: Recorded;

  beforeAll(async () => {
    pane = await open('taskpane.html');
    // Outside Office, Office.onReady resolves without a host and the pane says to open it from Excel.
    await pane.page.getByText(text('en', 'pane.notInExcel')).waitFor({ timeout: 60_000 });
    // The record, for a reader of test-results/: every request the pane made until it was ready, in order.
    fs.writeFileSync(path.join(RESULTS, 'pane-requests.txt'), `${pane.requests.map((url) => url.replace(session.url, '<pane origin>')).join('\n')}\n`);
  });

  afterAll(async () => pane.page.close());

  test('loads Office.js from the CDN URL, in <head>', async () => {
    expect(pane.requests).toContain(OFFICE_CDN);
    expect(pane.cdnServed).toContain('office.js');
    const first = await pane.page.evaluate(() => (document.head.querySelector('script[src]') as HTMLScriptElement).src);
    expect(first).toBe(OFFICE_CDN);
  });

  test('requests nothing outside its own origin and the Office CDN (not even an attempt the CSP would block)', () => {
    const allowed = new Set([session.url, OFFICE_CDN_ORIGIN]);
    expect(pane.requests.length).toBeGreaterThan(2);
    expect(pane.requests.filter((url) => !url.startsWith('data:') && !allowed.has(origin(url)))).toEqual([]);
  });

  test('its CSP refused nothing the pane and Office.js needed', async () => {
    expect(await pane.violations()).toEqual([]);
    expect(await pane.page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'))).toContain(
      `script-src 'self' ${OFFICE_CDN_ORIGIN}`,
    );
  });

  test('its CSP refuses a script, a fetch and an image from any other origin', async () => {
    const outcome = await pane.page.evaluate(async () => {
      const fetched = await fetch('https://example.com/data.json').then(
        () => 'loaded',
        () => 'refused',
      );
      const load = (tag: 'script' | 'img', src: string) =>
        new Promise<string>((resolve) => {
          const el = document.createElement(tag);
          el.onload = () => resolve('loaded');
          el.onerror = () => resolve('refused');
          el.src = src;
          document.body.appendChild(el);
        });
      return { fetched, script: await load('script', 'https://cdn.example.net/x.js'), image: await load('img', 'https://cdn.example.net/x.png') };
    });
    expect(outcome).toEqual({ fetched: 'refused', script: 'refused', image: 'refused' });
    const violations = await pane.violations();
    expect(violations).toEqual(
      expect.arrayContaining(['connect-src https://example.com/data.json', 'script-src-elem https://cdn.example.net/x.js', 'img-src https://cdn.example.net/x.png']),
    );
    // The refused requests got no response: the browser never sent them.
    expect(pane.responses.filter((url) => url.includes('example.'))).toEqual([]);
  });
});

describe.each([
  ['help/en-US.html', 'en-US'],
  ['help/zh-CN.html', 'zh-CN'],
])('the help page %s', (file, locale) => {
  test('loads, requests only its own origin and breaks no CSP rule', async () => {
    const help = await open(file, locale);
    try {
      await help.page.waitForLoadState('load');
      expect(await help.page.evaluate(() => document.documentElement.lang)).toBe(locale);
      expect(help.requests.filter((url) => origin(url) !== session.url)).toEqual([]);
      expect(help.requests).toContain(`${session.url}/assets/icon-32.png`);
      expect(await help.violations()).toEqual([]);
    } finally {
      await help.page.close();
    }
  });
});
