/**
 * The task pane in a real browser: dist/ (the production build) served on localhost, the local
 * preview page opened in Debian's headless Chromium (playwright-core, no browser download), the
 * in-memory workbook standing in for Excel. The test selects the customer table with the mouse,
 * checks the detected columns, previews, runs, and compares every written cell with the engine's
 * own scoring of the same rows; then the safety dialog (new sheet, overwrite, cancel), a re-run in
 * the other language, a keyboard-only run, and screenshots of the pane in both languages.
 *
 *   npm run test:browser        (builds dist/ first)
 */
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { defaultScheme, scoreRows, type ScoredSheet } from '../../src/core';
import '../../src/preview/handle'; // the type of window.__rfmPreview
import { t, type Lang, type MessageKey } from '../../src/i18n';
import { RESULTS, SHEET, TABLE, openSection, screenshotPane, text, useBrowser, values } from './harness';

const requests: string[] = [];
const site = useBrowser();

/** Opens the preview page; the pane starts in `locale`'s language (no Office: the browser's). */
const openPreview = (locale = 'en-US'): Promise<Page> => site.openPreview(locale, (page) => page.on('request', (r) => requests.push(r.url())));

/** Clicks column letters `from` then shift-clicks `to`: whole columns, as a user selects a table. */
async function selectColumns(page: Page, from: string, to: string): Promise<void> {
  await page.click(`button[data-column="${from}"]`);
  await page.click(`button[data-column="${to}"]`, { modifiers: ['Shift'] });
}

/** What the written block must hold: header + one row per customer, from the engine itself. */
function expectedBlock(scored: ScoredSheet): (string | number)[][] {
  const out: (string | number)[][] = [scored.output.headers];
  scored.dataRows.forEach((_, k) => {
    out.push(scored.output.columns.map((__, c) => scored.output.cell(k, c) ?? ''));
  });
  return out;
}

async function expectedFor(page: Page, lang: Lang): Promise<ScoredSheet> {
  const rows = await values(page, SHEET, TABLE);
  return scoreRows(rows, { header: 'auto' }, defaultScheme(), lang);
}

async function runAndWait(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('button', { name: text(lang, 'pane.run.button') }).click();
  await page.getByTestId('run-result').waitFor();
}

test('select, detect, preview, run: the written cells are the engine’s scores', async () => {
  const page = await openPreview('en-US');
  await expect(page.getByTestId('preview-banner').textContent()).resolves.toBe(text('en', 'preview.banner'));

  await selectColumns(page, 'A', 'F');
  await expect(page.evaluate(() => window.__rfmPreview!.workbook.selection().areas)).resolves.toEqual(['A:F']);
  await page.getByTestId('range-address').filter({ hasText: `${SHEET}!${TABLE}` }).waitFor();
  await expect(page.getByTestId('range-rows').textContent()).resolves.toBe(
    text('en', 'pane.range.rowsHeader', { rows: 301, columns: 6, data: 300 }),
  );
  await expect(page.getByText(text('en', 'pane.range.clipped')).count()).resolves.toBe(1);

  // Columns detected from the Chinese headers: D, E, F (indexes within the table) and the ID in A.
  await openSection(page, 'columns');
  const column = (key: MessageKey) => page.getByLabel(text('en', key), { exact: true });
  await expect(column('pane.columns.r').inputValue()).resolves.toBe('3');
  await expect(column('pane.columns.f').inputValue()).resolves.toBe('4');
  await expect(column('pane.columns.m').inputValue()).resolves.toBe('5');
  await expect(column('pane.columns.id').inputValue()).resolves.toBe('0');
  await expect(page.getByText(text('en', 'pane.columns.detected', { header: '最近一段时间购买频次F(次)' })).count()).resolves.toBe(1);

  const expected = await expectedFor(page, 'en');
  const { result } = expected;

  // Preview: counts and warnings, nothing written.
  await page.getByRole('button', { name: text('en', 'pane.preview.button') }).click();
  const preview = page.getByTestId('preview-result');
  await preview.waitFor();
  await expect(preview.textContent()).resolves.toContain(text('en', 'pane.preview.summary', { n: result.n, invalid: result.rows - result.n }));
  const gradeRows = await preview.getByTestId('grade-table').locator('tbody tr').allTextContents();
  expect(gradeRows).toEqual(
    defaultScheme().grades.map((g, i) => `${g.label}${result.gradeCounts[i]}${Math.round((100 * result.gradeCounts[i]) / result.n)}%`),
  );
  expect(result.warnings.length).toBeGreaterThan(0); // F = 1 for ~40% of the sample
  await expect(preview.getByTestId('warnings').textContent()).resolves.toContain('F: ');
  await expect(values(page, SHEET, 'G1:L301')).resolves.toEqual(Array.from({ length: 301 }, () => Array(6).fill('')));

  // Run: the section-6 block right of the table equals the engine's output, cell for cell.
  await runAndWait(page, 'en');
  const block = expectedBlock(expected);
  const width = expected.output.columns.length;
  expect(expected.output.headers).toEqual(['R Score', 'F Score', 'M Score', 'RFM Score', 'Grade', 'Check']);
  await expect(values(page, SHEET, `G1:L301`)).resolves.toEqual(block);
  await expect(page.getByRole('status').filter({ hasText: text('en', 'pane.run.done', { rows: 300, sheet: SHEET, address: 'G1:L301' }) }).count()).resolves.toBe(1);
  const formats = await page.evaluate((s) => {
    const wb = window.__rfmPreview!.workbook;
    return { rfm: wb.numberFormatOf(`${s}!J2`), header: wb.sheet(s).formatOf('G1').bold, cfs: wb.conditionalFormats(s).map((c) => c.address) };
  }, SHEET);
  expect(formats.rfm).toBe('0.00');
  expect(formats.header).toBe(true);
  expect(new Set(formats.cfs)).toEqual(new Set(['K2:K301']));
  expect(width).toBe(6);

  // Invalid rows are listed with their cells; a click selects the cell, the pane keeps its range.
  const invalid = page.getByTestId('run-result').getByTestId('invalid-rows');
  await expect(invalid.textContent()).resolves.toContain(text('en', 'pane.invalid.heading', { count: 4 }));
  await invalid.getByRole('button', { name: text('en', 'pane.invalid.select', { address: 'D23' }) }).click();
  await page.waitForFunction(() => window.__rfmPreview!.workbook.selection().areas[0] === 'D23');
  await page.waitForTimeout(300);
  await expect(page.getByTestId('range-address').textContent()).resolves.toBe(`${SHEET}!${TABLE}`);
  await selectColumns(page, 'A', 'F');

  // A re-run replaces the earlier output (no dialog, no second block).
  await runAndWait(page, 'en');
  await expect(page.getByRole('alertdialog').count()).resolves.toBe(0);
  await expect(values(page, SHEET, 'G1:M301')).resolves.toEqual(block.map((row) => [...row, '']));
  await screenshotPane(page, 'pane-en.png', false);

  // The same re-run in Chinese: the English block is recognised and replaced by the Chinese one.
  await page.getByRole('button', { name: '中文' }).click();
  await page.setViewportSize({ width: 1400, height: 1000 });
  await runAndWait(page, 'zh');
  const zh = expectedBlock(await expectedFor(page, 'zh'));
  expect(zh[0]).toEqual(['R得分', 'F得分', 'M得分', 'RFM得分', '客户等级', '数据检查']);
  await expect(values(page, SHEET, 'G1:M301')).resolves.toEqual(zh.map((row) => [...row, '']));
  await expect(page.getByTestId('preview-banner').textContent()).resolves.toBe(text('zh', 'preview.banner'));
  await screenshotPane(page, 'pane-zh.png', false);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.screenshot({ path: path.join(RESULTS, 'preview-page.png') });

  expect((page as Page & { errors?: string[] }).errors).toEqual([]);
  await page.close();
});

test('cells the user typed in the target area: the dialog asks (new sheet, cancel, overwrite)', async () => {
  const page = await openPreview('en-US');
  await page.evaluate((s) => window.__rfmPreview!.workbook.sheet(s).setValues('H3', [['keep me']]), SHEET);
  await selectColumns(page, 'A', 'F');
  await page.getByTestId('range-address').filter({ hasText: `${SHEET}!${TABLE}` }).waitFor();
  const expected = await expectedFor(page, 'en');
  const block = expectedBlock(expected);
  const run = page.getByRole('button', { name: text('en', 'pane.run.button') });
  const dialog = page.getByRole('alertdialog');

  // 1. New sheet: the output goes to "RFM results" (ID first), the user's cell stays.
  await run.click();
  await dialog.waitFor();
  await expect(dialog.textContent()).resolves.toContain(text('en', 'pane.dialog.user', { address: `${SHEET}!G1:L301`, cell: 'H3' }));
  // The safe answer has the focus: Enter alone never overwrites.
  await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(text('en', 'pane.dialog.newSheet'));
  await dialog.getByRole('button', { name: text('en', 'pane.dialog.newSheet') }).click();
  await page.getByTestId('run-result').waitFor();
  const sheetName = text('en', 'excel.sheetName');
  await expect(page.evaluate(() => window.__rfmPreview!.workbook.sheetNames())).resolves.toContain(sheetName);
  const ids = (await values(page, SHEET, 'A1:A301')).map((r) => r[0]);
  await expect(values(page, sheetName, 'A1:G301')).resolves.toEqual(block.map((row, i) => [ids[i], ...row]));
  await expect(values(page, SHEET, 'G1:L301')).resolves.toEqual(
    Array.from({ length: 301 }, (_, i) => Array.from({ length: 6 }, (__, c) => (i === 2 && c === 1 ? 'keep me' : ''))),
  );

  // 2. Cancel (with the keyboard: Escape): nothing is written anywhere.
  const sheetsBefore = await page.evaluate(() => window.__rfmPreview!.workbook.sheetNames());
  await run.click();
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.getByText(text('en', 'pane.run.cancelled')).waitFor();
  await expect(page.evaluate(() => window.__rfmPreview!.workbook.sheetNames())).resolves.toEqual(sheetsBefore);
  await expect(values(page, SHEET, 'H3')).resolves.toEqual([['keep me']]);

  // 3. Overwrite: the block goes right of the table after all.
  await run.click();
  await dialog.waitFor();
  await dialog.getByRole('button', { name: text('en', 'pane.dialog.overwrite') }).click();
  await page.getByRole('status').filter({ hasText: text('en', 'pane.run.done', { rows: 300, sheet: SHEET, address: 'G1:L301' }) }).waitFor();
  await expect(values(page, SHEET, 'G1:L301')).resolves.toEqual(block);

  // A protected sheet: a clear message and only the new-sheet way out.
  await page.evaluate((s) => window.__rfmPreview!.workbook.sheet(s).protect(), SHEET);
  await run.click();
  await dialog.waitFor();
  await expect(dialog.textContent()).resolves.toContain(text('en', 'pane.dialog.protected', { sheet: SHEET }));
  await expect(dialog.getByRole('button', { name: text('en', 'pane.dialog.overwrite') }).count()).resolves.toBe(0);
  await dialog.getByRole('button', { name: text('en', 'pane.dialog.cancel') }).click();
  await page.close();
});

test('a click inside an Excel table scores the whole table (English headers, not at A1)', async () => {
  const page = await openPreview('en-US');
  await page.getByRole('tab', { name: 'Members' }).click();
  await page.click('td[data-cell="D10"]');
  await page.getByTestId('range-address').filter({ hasText: 'Members!B3:F43' }).waitFor();
  await page.getByText(text('en', 'pane.range.table', { name: 'MemberTable' })).waitFor();
  await openSection(page, 'columns');
  const column = (key: MessageKey) => page.getByLabel(text('en', key), { exact: true });
  await expect(column('pane.columns.r').inputValue()).resolves.toBe('1');
  await expect(column('pane.columns.f').inputValue()).resolves.toBe('2');
  await expect(column('pane.columns.m').inputValue()).resolves.toBe('3');
  await expect(column('pane.columns.id').inputValue()).resolves.toBe('0');
  await runAndWait(page, 'en');
  const rows = await values(page, 'Members', 'B3:F43');
  const expected = expectedBlock(scoreRows(rows, { header: 'auto' }, defaultScheme(), 'en'));
  await expect(values(page, 'Members', 'G3:K43')).resolves.toEqual(expected);
  await page.close();
});

test('settings are saved after a run and restored when the pane opens again', async () => {
  const page = await openPreview('en-US');
  await page.evaluate((s) => window.__rfmPreview!.workbook.select(s, 'A1:F301'), SHEET);
  await page.getByTestId('range-address').filter({ hasText: `${SHEET}!${TABLE}` }).waitFor();
  await openSection(page, 'scheme');
  const preset = page.getByLabel(text('en', 'pane.scheme.preset'), { exact: true });
  await preset.selectOption('maoming');
  await page.getByLabel(text('en', 'pane.scheme.grades'), { exact: true }).fill('A:12,B:9,C:6,D');
  await expect(preset.inputValue()).resolves.toBe('custom');
  await expect(page.getByLabel(text('en', 'pane.variant.additive')).isChecked()).resolves.toBe(true);
  // Weights don't matter for additive; a bad weight under weighted is refused inline, nothing is written.
  await page.getByLabel(text('en', 'pane.variant.weighted')).check();
  await page.getByLabel(text('en', 'pane.scheme.weight', { metric: 'M' }), { exact: true }).fill('0.5');
  await page.getByText(t('en', 'scheme.weightSum', { sum: '1.1' })).waitFor();
  await page.getByRole('button', { name: text('en', 'pane.run.button') }).click();
  await page.getByText(text('en', 'pane.scheme.fix')).waitFor();
  await expect(values(page, SHEET, 'G1')).resolves.toEqual([['']]);
  await page.getByLabel(text('en', 'pane.variant.additive')).check();
  await runAndWait(page, 'en');

  await page.evaluate(() => window.__rfmPreview!.reopenPane!());
  await page.getByText(text('en', 'pane.settingsRestored')).waitFor();
  await openSection(page, 'scheme');
  await expect(preset.inputValue()).resolves.toBe('custom');
  await expect(page.getByLabel(text('en', 'pane.scheme.grades'), { exact: true }).inputValue()).resolves.toBe('A:12,B:9,C:6,D');
  await expect(page.getByLabel(text('en', 'pane.variant.additive')).isChecked()).resolves.toBe(true);
  await expect(page.getByLabel(text('en', 'pane.scheme.method', { metric: 'F' }), { exact: true }).inputValue()).resolves.toBe('raw');
  await page.close();
});

test('keyboard only: Tab to Run, Enter writes the scores', async () => {
  const page = await openPreview('zh-CN');
  await page.evaluate((s) => window.__rfmPreview!.workbook.select(s, 'A1:F301'), SHEET);
  await page.getByTestId('range-address').filter({ hasText: `${SHEET}!${TABLE}` }).waitFor();
  const runName = text('zh', 'pane.run.button');
  let reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate((name) => document.activeElement?.textContent === name, runName);
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  await page.getByTestId('run-result').waitFor();
  const expected = expectedBlock(await expectedFor(page, 'zh'));
  await expect(values(page, SHEET, 'G1:L301')).resolves.toEqual(expected);
  // Settings were saved in the workbook after the run.
  await expect(page.evaluate(() => Object.keys(window.__rfmPreview!.workbook.getSettings()))).resolves.toEqual(['rfmGrader.settings']);
  await page.close();
});

test('the preview page loads nothing from the network', () => {
  const foreign = requests.filter((u) => !u.startsWith(site.url) && !u.startsWith('data:'));
  expect(foreign).toEqual([]);
});
