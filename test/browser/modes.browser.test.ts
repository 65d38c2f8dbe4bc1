/**
 * The pane's modes in a real browser (the local preview from dist/, headless Debian Chromium, the
 * in-memory workbook standing in for Excel): "from sales records" on the preview's generated sales
 * sheet — detected columns, the customer count and the as-of date used, the invalid cells, the RFM
 * sheet written cell for cell as the engine computes it, in both languages, with screenshots — and
 * the "live formulas" output choice.
 *
 *   npm run test:browser        (builds dist/ first)
 */
import type { Page } from 'playwright-core';
import {
  aggregateTransactions,
  customerTable,
  defaultScheme,
  describeTxInvalid,
  excelSerialFromCivil,
  formatCivilDay,
  formulaSheet,
  parseIsoDay,
  scoreCustomers,
  scoreRows,
  txInvalidAddress,
  type CellValue,
  type TxOptions,
} from '../../src/core';
import '../../src/preview/handle'; // the type of window.__rfmPreview
import { t, type Lang } from '../../src/i18n';
import { openSection, screenshotPane, text, useBrowser, values } from './harness';

const SALES = '销售记录';

const site = useBrowser();
const openPreview = (locale: string) => site.openPreview(locale);

/** The sales sheet's used range, as the pane resolves a single-cell selection. */
async function salesAddress(page: Page): Promise<string> {
  return page.evaluate((s) => window.__rfmPreview!.workbook.usedRange(s)!, SALES);
}

/** The columns the pane must detect on the sample: 订单号 A, 客户编号 B, 下单时间 C, 实付金额 F (not 优惠金额 E). */
const DETECTED = { order: 0, customer: 1, date: 2, amount: 5 };

/** What the engine computes for the same rows: the report and the sheet's cells (dates as serials). */
async function expectedFor(page: Page, options: TxOptions, lang: Lang) {
  const address = await salesAddress(page);
  const rows = await values(page, SALES, address);
  const result = aggregateTransactions(rows, { header: 'yes', ...DETECTED, ...options });
  const scored = scoreCustomers(result.customers, defaultScheme(), lang);
  const table = customerTable(result.customers, scored);
  const cells: CellValue[][] = [table.headers];
  for (let r = 0; r < table.rows; r++) {
    cells.push(
      table.headers.map((_, c) => {
        const v = table.cell(r, c);
        return c === table.dateColumn && typeof v === 'number' ? excelSerialFromCivil(v) : v === null ? '' : v;
      }),
    );
  }
  return { result, scored, cells };
}

/** Picks the sales sheet (a click in it: the pane takes the used range) and the sales-records mode. */
async function salesMode(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('tab', { name: SALES }).click();
  await page.click('td[data-cell="B5"]');
  await page.getByTestId('range-address').filter({ hasText: `${SALES}!${await salesAddress(page)}` }).waitFor();
  await page.getByLabel(text(lang, 'paneMode.mode.transactions')).check();
  await page.getByText(text(lang, 'paneMode.tx.columnsHeading')).waitFor();
}

async function role(page: Page, r: string): Promise<string> {
  return page.locator(`select[data-tx-role="${r}"]`).inputValue();
}

test('from sales records (English): detected columns, customer count and as-of date, invalid cells, the RFM sheet', async () => {
  const page = await openPreview('en-US');
  await salesMode(page, 'en');
  for (const [r, index] of Object.entries(DETECTED)) await expect(role(page, r)).resolves.toBe(String(index));
  await page.getByText(text('en', 'pane.columns.detected', { header: '实付金额' })).waitFor();
  await page.getByText(text('en', 'pane.columns.detected', { header: '订单号' })).waitFor();
  // the value-mode parts are not shown in this mode
  await expect(page.getByRole('button', { name: text('en', 'pane.run.button') }).count()).resolves.toBe(0);

  // Preview: the customer count, the as-of date used (the latest transaction), the invalid cells.
  const { result, cells } = await expectedFor(page, {}, 'en');
  const { report } = result;
  expect(report.asOfSource).toBe('latest');
  expect(report.invalidCells).toBe(4);
  await page.getByTestId('tx-preview-button').click();
  const preview = page.getByTestId('tx-preview');
  await preview.waitFor();
  await expect(preview.getByTestId('tx-customers').textContent()).resolves.toBe(
    text('en', 'paneMode.tx.customers', { customers: report.customers, rows: report.rows }),
  );
  await expect(preview.getByTestId('tx-as-of-used').textContent()).resolves.toBe(
    text('en', 'paneMode.tx.asOfLatest', { asOf: formatCivilDay(report.asOf!) }),
  );
  const invalid = preview.getByTestId('tx-invalid');
  await expect(invalid.textContent()).resolves.toContain(text('en', 'paneMode.tx.invalidHeading', { rows: report.invalidRows, cells: report.invalidCells }));
  const items = await invalid.locator('li').allTextContents();
  expect(items).toEqual(report.invalid.map((c) => `${txInvalidAddress(c)}: ${describeTxInvalid(c, 'en', report)}`));
  expect(items.join('\n')).toMatch(/C\d+: date "2024-02-30" is not a valid date/);
  expect(items.join('\n')).toMatch(/C\d+: date "03\/04\/2024" could be day\/month or month\/day/);
  await expect(page.evaluate(() => window.__rfmPreview!.workbook.sheetNames())).resolves.not.toContain('RFM');

  // A click on an invalid cell selects it; the pane keeps the sales table.
  const first = txInvalidAddress(report.invalid[0]);
  await invalid.getByRole('button', { name: text('en', 'pane.invalid.select', { address: first }) }).click();
  await page.waitForFunction((a) => window.__rfmPreview!.workbook.selection().areas[0] === a, first);
  await page.waitForTimeout(300);
  await expect(page.getByTestId('range-address').textContent()).resolves.toBe(`${SALES}!${await salesAddress(page)}`);

  // Run: a new sheet "RFM" equal to the engine's per-customer table, dates as real dates.
  await page.getByTestId('tx-run').click();
  await page.getByTestId('tx-run-result').waitFor();
  const address = `A1:J${cells.length}`;
  await page.getByRole('status').filter({ hasText: text('en', 'paneMode.tx.done', { rows: cells.length - 1, sheet: 'RFM', address }) }).waitFor();
  await expect(values(page, 'RFM', address)).resolves.toEqual(cells);
  await expect(page.evaluate(() => window.__rfmPreview!.workbook.numberFormatOf('RFM!B2'))).resolves.toBe('yyyy-mm-dd');
  await expect(page.evaluate(() => window.__rfmPreview!.workbook.formulaCells('RFM'))).resolves.toEqual([]);
  await screenshotPane(page, 'pane-transactions-en.png');

  // Run again: never over the first sheet.
  await page.getByTestId('tx-run').click();
  await page.getByRole('status').filter({ hasText: text('en', 'paneMode.tx.done', { rows: cells.length - 1, sheet: 'RFM (2)', address }) }).waitFor();
  await expect(values(page, 'RFM (2)', address)).resolves.toEqual(cells);
  // "Go to" activates the new sheet
  await page.getByRole('button', { name: text('en', 'paneMode.tx.show', { sheet: 'RFM (2)' }) }).click();
  await page.waitForFunction(() => window.__rfmPreview!.workbook.activeSheet() === 'RFM (2)');
  expect((page as Page & { errors?: string[] }).errors).toEqual([]);
  await page.close();
});

test('from sales records (Chinese): a period with an as-of date, rows after it are invalid, the sheet RFM分析', async () => {
  const page = await openPreview('zh-CN');
  await salesMode(page, 'zh');
  await page.getByTestId('tx-since').fill('2024-03-01');
  await page.getByTestId('tx-as-of').fill('2024-06-15');
  // as-of before since is refused inline
  await page.getByTestId('tx-as-of').fill('2024-02-01');
  await page.getByText(t('zh', 'tx.asOfBeforeSince', { asOf: '2024-02-01', since: '2024-03-01' })).waitFor();
  await page.getByTestId('tx-run').click();
  await page.getByText(text('zh', 'paneMode.period.fix')).waitFor();
  await page.getByTestId('tx-as-of').fill('2024-06-15');

  const options = { since: parseIsoDay('2024-03-01'), asOf: parseIsoDay('2024-06-15') };
  const { result, cells } = await expectedFor(page, options, 'zh');
  const { report } = result;
  expect(report.invalidByReason.afterAsOf).toBeGreaterThan(0);
  expect(report.beforeSince).toBeGreaterThan(0);
  await page.getByTestId('tx-preview-button').click();
  const preview = page.getByTestId('tx-preview');
  await preview.waitFor();
  await expect(preview.getByTestId('tx-as-of-used').textContent()).resolves.toBe(text('zh', 'paneMode.tx.asOfGiven', { asOf: '2024-06-15' }));
  await expect(preview.textContent()).resolves.toContain(text('zh', 'paneMode.tx.period', { since: '2024-03-01', asOf: '2024-06-15' }));
  await expect(preview.textContent()).resolves.toContain(text('zh', 'paneMode.tx.beforeSince', { count: report.beforeSince, since: '2024-03-01' }));
  await expect(preview.getByTestId('tx-invalid').textContent()).resolves.toContain(
    text('zh', 'paneMode.tx.invalidHeading', { rows: report.invalidRows, cells: report.invalidCells }),
  );

  await page.getByTestId('tx-run').click();
  await page.getByTestId('tx-run-result').waitFor();
  const address = `A1:J${cells.length}`;
  await page.getByRole('status').filter({ hasText: text('zh', 'paneMode.tx.done', { rows: cells.length - 1, sheet: 'RFM分析', address }) }).waitFor();
  expect(cells[0]).toEqual(['客户', '最近一次消费日期', 'R值', 'F值', 'M值', 'R得分', 'F得分', 'M得分', 'RFM得分', '客户等级']);
  await expect(values(page, 'RFM分析', address)).resolves.toEqual(cells);
  await screenshotPane(page, 'pane-transactions-zh.png');
  expect((page as Page & { errors?: string[] }).errors).toEqual([]);
  await page.close();
});

test('output "live formulas": the block is the writer’s formulas (dialect excel) and the parameter sheet', async () => {
  const page = await openPreview('en-US');
  await page.click('button[data-column="A"]');
  await page.click('button[data-column="F"]', { modifiers: ['Shift'] });
  await page.getByTestId('range-address').filter({ hasText: '客户!A1:F301' }).waitFor();
  await openSection(page, 'output');
  await page.getByLabel(text('en', 'paneMode.output.formulas')).check();
  await page.getByText(text('en', 'paneMode.output.formulasHint', { sheet: 'RFM parameters' })).waitFor();
  await page.getByRole('button', { name: text('en', 'pane.run.button') }).click();
  await page.getByTestId('formula-result').waitFor();
  await expect(page.getByTestId('formula-result').textContent()).resolves.toBe(text('en', 'paneMode.output.done', { sheet: 'RFM parameters' }));

  const rows = await values(page, '客户', 'A1:F301');
  const scored = scoreRows(rows, { header: 'auto' }, defaultScheme(), 'en');
  const fx = formulaSheet(
    defaultScheme(),
    { sheetName: '客户', paramSheetName: 'RFM parameters', columns: { r: 3, f: 4, m: 5 }, dataRows: scored.dataRows, startColumn: 6 },
    { lang: 'en', dialect: 'excel' },
  );
  const written = await page.evaluate(() => window.__rfmPreview!.workbook.formulaCells('客户'));
  const want = scored.dataRows.flatMap((row, i) =>
    fx.columns.map((_, c) => ({ address: `${String.fromCharCode(71 + c)}${row + 1}`, formula: `=${fx.formula(i, c)}` })),
  );
  expect(new Map(written.map((w) => [w.address, w.formula]))).toEqual(new Map(want.map((w) => [w.address, w.formula])));
  expect(written.some((w) => w.formula.includes('_xlfn.'))).toBe(false);
  await expect(values(page, '客户', 'G1:O1')).resolves.toEqual([fx.headers]);
  await expect(page.evaluate(() => window.__rfmPreview!.workbook.sheetNames())).resolves.toContain('RFM parameters');
  expect((page as Page & { errors?: string[] }).errors).toEqual([]);
  await page.close();
});
