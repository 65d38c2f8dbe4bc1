/**
 * Nested binning in the pane (docs/binning.md), in a real browser (the local preview from dist/,
 * headless Chromium, the in-memory workbook standing in for Excel): the Binning field in the Scheme
 * section, a run whose written cells are the engine's nested scores, the formula-mode notice and
 * refusal, and the field restored from the saved settings.
 *
 *   npm run test:browser        (builds dist/ first)
 */
import type { Page } from 'playwright-core';
import { columnLetter, defaultScheme, scoreRows, withBinning, type ScoredSheet } from '../../src/core';
import '../../src/preview/handle'; // the type of window.__rfmPreview
import { SHEET, TABLE, openSection, text, useBrowser, values } from './harness';

const site = useBrowser();

function expectedBlock(scored: ScoredSheet): (string | number)[][] {
  const out: (string | number)[][] = [scored.output.headers];
  scored.dataRows.forEach((_, k) => out.push(scored.output.columns.map((__, c) => scored.output.cell(k, c) ?? '')));
  return out;
}

async function selectTable(page: Page): Promise<void> {
  await page.evaluate((s) => window.__rfmPreview!.workbook.select(s, 'A1:F301'), SHEET);
  await page.getByTestId('range-address').filter({ hasText: `${SHEET}!${TABLE}` }).waitFor();
}

test('nested binning: the run writes the engine’s nested scores; formulas are refused; the field is restored', async () => {
  const page = await site.openPreview('en-US');
  await selectTable(page);
  await openSection(page, 'scheme');
  const binning = page.getByLabel(text('en', 'pane.binning.label'), { exact: true });
  await expect(binning.inputValue()).resolves.toBe('independent');
  await binning.selectOption('nested');
  await expect(page.getByLabel(text('en', 'pane.scheme.preset'), { exact: true }).inputValue()).resolves.toBe('custom');

  await page.getByRole('button', { name: text('en', 'pane.run.button') }).click();
  await page.getByTestId('run-result').waitFor();
  const rows = await values(page, SHEET, TABLE);
  const nested = expectedBlock(scoreRows(rows, { header: 'auto' }, withBinning(defaultScheme(), 'nested'), 'en'));
  const independent = expectedBlock(scoreRows(rows, { header: 'auto' }, defaultScheme(), 'en'));
  expect(nested).not.toEqual(independent);
  const last = columnLetter(6 + nested[0].length - 1);
  await expect(values(page, SHEET, `G1:${last}301`)).resolves.toEqual(nested);

  // Live formulas rank over all customers: a notice at the field, and Run refuses.
  await openSection(page, 'output');
  await page.getByLabel(text('en', 'paneMode.output.formulas')).check();
  await page.getByTestId('binning-formulas').waitFor();
  await page.getByRole('button', { name: text('en', 'pane.run.button') }).click();
  await page.getByText(text('en', 'pane.binning.formulas')).nth(1).waitFor();
  await expect(values(page, SHEET, `G1:${last}301`)).resolves.toEqual(nested);
  await page.getByRole('radio', { name: text('en', 'paneMode.output.values'), exact: true }).check();

  // Saved with the scheme after the run, restored when the pane opens again.
  await page.evaluate(() => window.__rfmPreview!.reopenPane!());
  await page.getByText(text('en', 'pane.settingsRestored')).waitFor();
  await openSection(page, 'scheme');
  await expect(page.getByLabel(text('en', 'pane.binning.label'), { exact: true }).inputValue()).resolves.toBe('nested');
  expect((page as Page & { errors?: string[] }).errors).toEqual([]);
  await page.close();
});
