/**
 * The pane on an older Excel (the preview with `?api=1.8`: the in-memory workbook at ExcelApi 1.8,
 * Office 2019, and its `Office` shim): the note names each fallback and the set and Excel versions that
 * have it, in both languages; on the newest Excel there is no note. docs/requirements.md
 *
 *   npm run test:browser        (builds dist/ first)
 */
import type { Page } from 'playwright-core';
import '../../src/preview/handle'; // the type of window.__rfmPreview
import type { Lang } from '../../src/i18n';
import { screenshotPane, text, useBrowser, useCjkFont } from './harness';

const site = useBrowser();

async function open(locale: string, query: string): Promise<Page & { errors: string[] }> {
  const page = (await site.browser.newPage({ locale, viewport: { width: 1400, height: 1000 } })) as Page & { errors: string[] };
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(`${site.url}/preview.html${query}`);
  await page.waitForFunction(() => window.__rfmPreview !== undefined);
  await useCjkFont(page);
  return page;
}

test.each<[string, Lang]>([
  ['en-US', 'en'],
  ['zh-CN', 'zh'],
])('ExcelApi 1.8 (%s): the note names the merged-cell check, grouping and screen updating', async (locale, lang) => {
  const page = await open(locale, '?api=1.8');
  const note = page.getByTestId('requirement-note');
  await note.waitFor();
  const shown = await note.innerText();
  expect(shown).toContain(text(lang, 'req.title', { set: '1.13' }));
  expect(shown).toContain(text(lang, 'req.mergedCheck', { set: '1.13' }));
  expect(shown).toContain(text(lang, 'req.groupHelpers', { set: '1.10' }));
  expect(shown).toContain(text(lang, 'req.screenUpdating', { set: '1.9' }));
  await screenshotPane(page, `requirements-1.8-${lang}.png`);
  expect(page.errors).toEqual([]);
  await page.close();
});

test('ExcelApi 1.14 and the newest: no note', async () => {
  for (const query of ['?api=1.14', '']) {
    const page = await open('en-US', query);
    await page.getByText(text('en', 'pane.tagline')).waitFor();
    expect(await page.getByTestId('requirement-note').count()).toBe(0);
    await page.close();
  }
});
