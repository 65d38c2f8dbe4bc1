/**
 * The pane at a laptop's height (docs/pane.md, "Layout"): the preview page at 1400×864, whose pane
 * column is 380 px wide, in English and Chinese. Run is visible without scrolling, the result comes
 * into view after a run, a change marks it "Changed — run again", and the keyboard reaches Run in
 * fewer than 10 Tab presses.
 *
 *   npm run test:browser        (builds dist/ first)
 */
import type { Locator, Page } from 'playwright-core';
import type { Lang } from '../../src/i18n';
import { SHEET, TABLE, openSection, text, useBrowser, values, type PreviewPage } from './harness';

const WIDTH = 1400;
const HEIGHT = 864;
const site = useBrowser();

async function open(locale: string): Promise<PreviewPage> {
  const page = await site.openPreview(locale);
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  await page.evaluate((s) => window.__rfmPreview!.workbook.select(s, 'A:F'), SHEET);
  await page.getByTestId('range-address').filter({ hasText: `${SHEET}!${TABLE}` }).waitFor();
  return page;
}

/** The part of `el` inside the pane column's visible box (0 when scrolled out or covered). */
async function inView(page: Page, el: Locator): Promise<{ visible: boolean; top: number; bottom: number; column: { top: number; bottom: number; width: number } }> {
  const box = await el.boundingBox();
  const column = await page.getByTestId('pane-column').boundingBox();
  if (!box || !column) throw new Error('not rendered');
  return {
    visible: box.y >= column.y - 1 && box.y + box.height <= column.y + column.height + 1,
    top: box.y,
    bottom: box.y + box.height,
    column: { top: column.y, bottom: column.y + column.height, width: column.width },
  };
}

describe.each<[Lang, string]>([
  ['en', 'en-US'],
  ['zh', 'zh-CN'],
])('380×864 in %s', (lang, locale) => {
  test('the header links the help page in the pane’s language, served beside the pane', async () => {
    const page = await open(locale);
    const link = page.getByTestId('help-link');
    await expect(link.textContent()).resolves.toBe(text(lang, 'pane.help'));
    const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
    expect(href).toMatch(lang === 'en' ? /\/help\/en-US\.html$/ : /\/help\/zh-CN\.html$/);
    const res = await page.request.get(href);
    expect(res.status()).toBe(200);
    await expect(res.text()).resolves.toMatch(lang === 'en' ? /<html lang="?en-US/ : /<html lang="?zh-CN/);
    await page.close();
  });

  test('range, columns, the scheme’s summary and Run fit the first screen; the result comes into view', async () => {
    const page = await open(locale);
    const run = page.getByTestId('run');
    const where = await inView(page, run);
    // the preview's pane column: 380 px of pane and its 1 px left border
    expect(where.column.width).toBe(381);
    expect(where.column.bottom).toBeLessThanOrEqual(HEIGHT);
    expect(where.visible).toBe(true);
    await expect(page.getByTestId('pane-column').evaluate((c) => c.scrollTop)).resolves.toBe(0);
    // what the analyst checks before running is above the footer, unscrolled
    const footerTop = (await inView(page, page.getByTestId('pane-footer'))).top;
    for (const part of [page.getByTestId('range-address'), page.getByTestId('section-columns-toggle'), page.getByTestId('section-scheme-toggle')]) {
      const box = await inView(page, part);
      expect(box.visible).toBe(true);
      expect(box.bottom).toBeLessThanOrEqual(footerTop);
    }
    await expect(page.getByTestId('section-columns-toggle').textContent()).resolves.toContain(text(lang, 'pane.summary.columns', { r: 'D', f: 'E', m: 'F' }));
    await expect(page.getByTestId('section-scheme-toggle').textContent()).resolves.toContain(lang === 'en' ? 'Weighted 0.3/0.3/0.4 · quintiles · A ≥ 4' : '加权0.3/0.3/0.4 · 五分位 · A ≥ 4');

    await run.click();
    const result = page.getByTestId('run-result');
    await result.waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'run-result');
    const grades = result.getByTestId('grade-table');
    await expect(inView(page, grades)).resolves.toMatchObject({ visible: true });
    // Run is still there, below the result
    await expect(inView(page, run)).resolves.toMatchObject({ visible: true });
    expect(page.errors).toEqual([]);
    await page.close();
  });

  test('a change after the run marks the result “Changed — run again”; a new run clears it', async () => {
    const page = await open(locale);
    await page.getByTestId('run').click();
    await page.getByTestId('run-result').waitFor();
    await expect(page.getByTestId('stale-mark').count()).resolves.toBe(0);
    await openSection(page, 'scheme');
    await page.getByLabel(text(lang, 'pane.scheme.preset'), { exact: true }).selectOption('template');
    const mark = page.getByTestId('run-result').getByTestId('stale-mark');
    await expect(mark.textContent()).resolves.toContain(text(lang, 'pane.stale'));
    await expect(inView(page, page.getByTestId('run'))).resolves.toMatchObject({ visible: true });
    await page.getByTestId('run').click();
    await page.getByTestId('run-result').getByTestId('grade-table').waitFor();
    await expect(page.getByTestId('stale-mark').count()).resolves.toBe(0);
    await page.close();
  });

  test('keyboard only: Run is fewer than 10 Tab presses from the top, Enter scores', async () => {
    const page = await open(locale);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.getByTestId('pane').focus().catch(() => undefined);
    // start from the pane's first control, as a task pane opens
    await page.getByTestId('pane').evaluate((pane) => {
      const first = pane.querySelector<HTMLElement>('button, input, select, [tabindex="0"]');
      first?.focus();
    });
    let presses = 0;
    while (presses < 10 && (await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) !== 'run') {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(presses).toBeLessThan(10);
    // the focused Run has a visible 2px ring
    const outline = await page.getByTestId('run').evaluate((b) => getComputedStyle(b).outlineWidth);
    expect(outline).toBe('2px');
    await page.keyboard.press('Enter');
    await page.getByTestId('run-result').waitFor();
    const written = await values(page, SHEET, 'K1:K2');
    expect(written[0][0]).toBe(lang === 'en' ? 'Grade' : '客户等级');
    await page.close();
  });
});

test('Maoming as registered: the grade field says the thresholds do not fit and applies suggested ones', async () => {
  const page = await open('en-US');
  await openSection(page, 'scheme');
  await page.getByLabel(text('en', 'pane.scheme.preset'), { exact: true }).selectOption('maoming');
  // before any run: raw F is added as it is; a preview (nothing written) checks the thresholds
  const advice = page.getByTestId('grade-advice');
  await expect(advice.textContent()).resolves.toContain(text('en', 'pane.grades.check'));
  await advice.getByTestId('grade-advice-suggest').click();
  await page.getByTestId('preview-result').waitFor();
  await page.getByTestId('grade-advice-use').waitFor();
  // the answer to "Suggest thresholds" is the button beside it, not the preview below: it has focus, in view
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'grade-advice-use');
  const box = await page.getByTestId('grade-advice-use').boundingBox();
  const viewport = page.viewportSize()!;
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
  await expect(values(page, SHEET, 'G1')).resolves.toEqual([['']]);
  const before = (await advice.textContent()) ?? '';
  expect(before).toMatch(/A \d+ · B \d+ · C 0 · D 0/);
  await page.getByTestId('grade-advice-use').click();
  const grades = await page.getByLabel(text('en', 'pane.scheme.grades'), { exact: true }).inputValue();
  expect(grades).not.toBe('A:4,B:3,C:2,D');
  await expect(page.getByLabel(text('en', 'pane.scheme.preset'), { exact: true }).inputValue()).resolves.toBe('custom');
  await page.getByTestId('run').click();
  const rows = await page.getByTestId('run-result').getByTestId('grade-table').locator('tbody tr').allTextContents();
  expect(rows).toHaveLength(4);
  for (const row of rows) expect(row).not.toMatch(/^[A-D]0/);
  await page.close();
});

test('B:C selected: the footer names every missing column and the reason', async () => {
  const page = await open('zh-CN');
  await page.evaluate((s) => window.__rfmPreview!.workbook.select(s, 'B:C'), SHEET);
  await page.getByTestId('range-address').filter({ hasText: `${SHEET}!B1:C301` }).waitFor();
  await page.getByTestId('run').click();
  const footer = page.getByTestId('pane-footer');
  await footer.getByText(text('zh', 'pane.columns.missingList', { metrics: 'R、F、M' }) + text('zh', 'pane.columns.reasonFew', { count: 2 })).waitFor();
  await expect(inView(page, footer.getByText(text('zh', 'pane.columns.reasonFew', { count: 2 }), { exact: false }))).resolves.toMatchObject({ visible: true });
  await page.close();
});
