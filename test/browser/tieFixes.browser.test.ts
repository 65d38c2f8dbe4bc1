/**
 * Tie-collapse advice in the pane (docs/tie-advice.md), in the built pane on the preview's sample
 * customers: F = 1 and F = 2 are big tie groups that leave F score 2 empty. The preview's warning
 * lists the fixes with their distributions (the engine's own `tieFixes` of the same rows), "Use this"
 * works from the keyboard and changes the scheme form, and the next preview has every F score.
 */
import type { Page } from 'playwright-core';
import { defaultScheme, describeTieFix, describeTieFixCounts, scoreRows, tieFixes, type Warning } from '../../src/core';
import '../../src/preview/handle'; // the type of window.__rfmPreview
import { SHEET, TABLE, openSection, screenshotPane, text, useBrowser, values } from './harness';

const site = useBrowser();

async function selectTable(page: Page): Promise<void> {
  await page.click('button[data-column="A"]');
  await page.click('button[data-column="F"]', { modifiers: ['Shift'] });
  await page.getByTestId('range-address').filter({ hasText: `${SHEET}!${TABLE}` }).waitFor();
}

async function preview(page: Page): Promise<void> {
  await page.getByRole('button', { name: text('en', 'pane.preview.button') }).click();
  await page.getByTestId('preview-result').waitFor();
  await page.getByTestId('stale-mark').waitFor({ state: 'detached' });
}

test('the F ties warning lists the fixes; "Use this" by keyboard sets the cut-offs; the next preview fills every F score', async () => {
  const page = await site.openPreview('en-US');
  await selectTable(page);
  const rows = await values(page, SHEET, TABLE);
  const scheme = defaultScheme();
  const { result } = scoreRows(rows, { header: 'auto' }, scheme, 'en');
  const warning = result.warnings.find((w): w is Extract<Warning, { kind: 'ties' }> => w.kind === 'ties' && w.metric === 'f' && w.emptyScores.length > 0);
  expect(warning).toBeDefined();
  const fixes = tieFixes(result, scheme, warning!);
  // On the sample, nested binning (F ranked within each R score) also fills every F score.
  expect(fixes.map((f) => f.kind)).toEqual(['bins', 'breaks', 'first', 'nested']);

  await preview(page);
  const list = page.getByTestId('preview-result').getByTestId('tie-fixes-f');
  await expect(list.textContent()).resolves.toContain(text('en', 'tieFix.heading', { metric: 'F' }));
  for (const fix of fixes) {
    const item = list.getByTestId(`tie-fix-${fix.kind}`);
    await expect(item.textContent()).resolves.toContain(describeTieFix(fix, 'en'));
    await expect(item.textContent()).resolves.toContain(describeTieFixCounts(fix, 'en'));
  }
  await screenshotPane(page, 'tie-fixes-en.png');

  // The same list in Chinese (the language switch re-translates the shown result).
  await page.getByRole('button', { name: '中文' }).click();
  await expect(list.textContent()).resolves.toContain(text('zh', 'tieFix.heading', { metric: 'F' }));
  for (const fix of fixes) await expect(list.getByTestId(`tie-fix-${fix.kind}`).textContent()).resolves.toContain(describeTieFix(fix, 'zh'));
  await expect(list.getByRole('button', { name: text('zh', 'tieFix.use') }).count()).resolves.toBe(4);
  await screenshotPane(page, 'tie-fixes-zh.png');
  await page.getByRole('button', { name: 'EN' }).click();

  // Keyboard: focus the cut-offs fix's button and press Enter.
  const breaks = fixes[1];
  const use = list.getByRole('button', { name: text('en', 'tieFix.useLabel', { text: describeTieFix(breaks, 'en') }) });
  await use.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('stale-mark').waitFor();
  await openSection(page, 'scheme');
  const cutoffs = page.getByLabel(text('en', 'pane.scheme.cutoffs', { metric: 'F' }), { exact: true });
  await expect(cutoffs.inputValue()).resolves.toBe(breaks.params.cutoffs);

  await preview(page);
  await expect(page.getByTestId('preview-result').getByTestId('tie-fixes-f').count()).resolves.toBe(0);
  const again = scoreRows(rows, { header: 'auto' }, breaks.scheme, 'en').result;
  expect(again.distributions.f.map((d) => d.count)).toEqual(breaks.counts);
  expect(page.errors).toEqual([]);
});
