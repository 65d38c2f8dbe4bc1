/**
 * Period over period in a real browser (the local preview from dist/, headless Debian Chromium, the
 * in-memory workbook standing in for Excel): a first run on the sample sheet writes its parameters
 * sheet; a second period — a copy of the sheet with some customers changed, one gone and one new,
 * made through __rfmPreview.workbook — is scored on the first run's scale and compared with it. The
 * Change column and the migration sheet equal what the engine computes for the same cells; the pane
 * shows the counts, the matrix and the early warning; the choices come back when the pane reopens.
 * Screenshots: test-results/pane-periods-en.png and -zh.png.
 *
 *   npm run test:browser        (builds dist/ first)
 */
import type { Page } from 'playwright-core';
import {
  changeColumn,
  defaultScheme,
  displayTime,
  migrate,
  outputHeader,
  periodOfScored,
  readRunRecord,
  scoreRows,
  type CellValue,
  type PeriodTable,
  type Scale,
} from '../../src/core';
import '../../src/preview/handle'; // the type of window.__rfmPreview
import type { Lang } from '../../src/i18n';
import { SHEET, TABLE, openSection, screenshotPane, text, useBrowser, values } from './harness';

const site = useBrowser();
const openPreview = (locale: string) => site.openPreview(locale);

async function selectTable(page: Page, sheet: string, address: string, lang: Lang): Promise<void> {
  await page.evaluate(([s, a]) => window.__rfmPreview!.workbook.select(s, a), [sheet, address] as const);
  // right after a run the pane takes selection events for its own: ask for the selection explicitly
  await page.getByRole('button', { name: text(lang, 'pane.range.use') }).click();
  await page.getByTestId('range-address').filter({ hasText: `${sheet}!${address}` }).waitFor();
}

/**
 * The next period: the first period's cells with customers 2–6 worse (R up, F and M down), customer
 * 10 much better, customer 7 gone and a new customer at the end (same number of rows).
 */
function nextPeriod(rows: CellValue[][]): CellValue[][] {
  const out = rows.map((r) => [...r]);
  for (const i of [2, 3, 4, 5, 6]) {
    const r = out[i];
    if (typeof r[3] === 'number') r[3] = r[3] + 200;
    if (typeof r[4] === 'number') r[4] = 1;
    if (typeof r[5] === 'number') r[5] = Math.round(r[5] / 10);
  }
  const best = out[10];
  best[3] = 1;
  best[4] = 60;
  best[5] = 99999;
  out.splice(7, 1);
  out.push(['C9999', '华东', '2024-07-31', 3, 4, 2500]);
  return out;
}

/** What the engine computes: both periods, this one on the recorded scale (when frozen), the migration. */
function expected(prevRows: CellValue[][], rows: CellValue[][], lang: Lang, scale?: Scale) {
  const scheme = defaultScheme();
  const prev = scoreRows(prevRows, {}, scheme, lang);
  const cur = scoreRows(rows, {}, scheme, lang, {}, { scale });
  const previous: PeriodTable = periodOfScored(prev, scheme, 'previous');
  const mig = migrate(previous, periodOfScored(cur, scheme, 'current'), lang);
  return { cur, mig, change: changeColumn(mig, lang) };
}

async function periodsFlow(lang: Lang, frozen: boolean) {
  const page = await openPreview(lang === 'zh' ? 'zh-CN' : 'en-US');
  const params = text(lang, 'formula.sheetName');
  const next = lang === 'zh' ? '客户 11月' : 'Customers Nov';

  // 1. the first period, values mode: its parameters sheet
  await selectTable(page, SHEET, TABLE, lang);
  await page.getByTestId('run').click();
  await page.getByTestId('record-note').filter({ hasText: text(lang, 'panePeriod.paramsDone', { sheet: params }) }).waitFor();
  const paramsRows = await page.evaluate((s) => {
    const wb = window.__rfmPreview!.workbook;
    return wb.sheet(s).getValues(`A1:${wb.usedRange(s)!.split(':')[1]}`);
  }, params);
  const reading = readRunRecord(paramsRows, lang);
  if (!reading.ok) throw new Error(`the first run's record cannot be read: ${JSON.stringify(reading)}`);
  const record = reading.record;
  expect(record).toMatchObject({ tool: 'add-in', input: { sheet: SHEET, range: TABLE }, output: { sheet: SHEET, startColumn: 6 } });

  // 2. the next period on a sheet of its own (as the user would paste it), some values changed
  const prevRows = await values(page, SHEET, TABLE);
  const rows = nextPeriod(prevRows);
  await page.evaluate(([name, r]) => window.__rfmPreview!.workbook.addSheet(name, r), [next, rows] as const);
  await selectTable(page, next, TABLE, lang);

  // 3. the period options: the first run's scale (when frozen) and the comparison with it
  await openSection(page, 'periods');
  if (frozen) await page.getByTestId('periods-scale').click();
  await page.getByTestId('periods-previous').click();
  if (frozen) await expect(page.getByTestId('periods-scale-from').inputValue()).resolves.toBe(params);
  await expect(page.getByTestId('periods-previous-from').inputValue()).resolves.toBe(params);

  // 4. preview: the counts, nothing written
  const want = expected(prevRows, rows, lang, frozen ? record.scale : undefined);
  await page.getByRole('button', { name: text(lang, 'pane.preview.button') }).click();
  const compared = text(lang, 'period.report.compared', {
    where: text(lang, 'panePeriod.where', { sheet: SHEET }),
    both: want.mig.moves.filter((m) => m.kind !== 'new' && m.kind !== 'gone').length,
    new: want.mig.appeared.length,
    gone: want.mig.disappeared.length,
  });
  await page.getByTestId('preview-result').getByTestId('periods-compared').filter({ hasText: compared }).waitFor();
  await expect(page.evaluate(() => window.__rfmPreview!.workbook.sheetNames())).resolves.not.toContain(text(lang, 'period.sheetName'));

  // 5. run: the Change column equals the engine's, the migration sheet holds its matrix
  await page.getByTestId('run').click();
  const migrationName = text(lang, 'period.sheetName');
  await page.getByTestId('run-result').getByTestId('periods-migration-done').waitFor();
  const written = await values(page, next, `G1:L${rows.length}`);
  expect(written[0]).toEqual((['r', 'f', 'm', 'rfm', 'grade', 'change'] as const).map((c) => outputHeader(c, lang)));
  want.cur.dataRows.forEach((_, i) => expect([rows[i + 1][0], written[i + 1][5]]).toEqual([rows[i + 1][0], want.change(i) ?? '']));
  const fell = want.mig.fell.length;
  expect(fell).toBeGreaterThanOrEqual(2); // some of the five were already the lowest grade
  const tables = await page.evaluate(() => window.__rfmPreview!.workbook.tables());
  const counts = tables.find((x) => x.name === 'RFM_Migration_Counts')!;
  expect(counts.sheet).toBe(migrationName);
  const matrix = await values(page, migrationName, counts.address);
  const G = want.mig.grades.length;
  // the rows of the previous grades, the columns of this period's grades then "gone"
  expect(matrix.slice(1, G + 1).map((r) => r.slice(1, G + 2))).toEqual(want.mig.counts.slice(0, G).map((r) => r.slice(0, G + 1)));
  const warning = tables.find((x) => x.name === 'RFM_Early_Warning');
  if (want.mig.earlyWarning.length) {
    const list = await values(page, migrationName, warning!.address);
    expect(list.slice(1).map((r) => r[1])).toEqual(want.mig.earlyWarning.map((w) => (w.current ?? w.previous)!.display));
  }
  // the pane: its warning list, the matrix, the sheets written
  const result = page.getByTestId('run-result');
  await expect(result.getByTestId('periods-matrix').locator('tbody tr').count()).resolves.toBe(G + 1);
  await result.getByTestId('record-note').filter({ hasText: text(lang, 'panePeriod.paramsDone', { sheet: `${params} (2)` }) }).waitFor();
  expect(page.errors).toEqual([]);
  return { page, next, params, record };
}

test('compare with the previous period (English): the first run’s scale, the Change column, the migration sheet; restored on reopen', async () => {
  const { page, params, record } = await periodsFlow('en', true);
  const from = text('en', 'period.refAt', { where: text('en', 'panePeriod.where', { sheet: SHEET }), time: displayTime(record.time) });
  await page.getByTestId('run-result').getByText(text('en', 'panePeriod.scaleUsed', { from })).waitFor();
  await screenshotPane(page, 'pane-periods-en.png');

  // the choices are saved in the workbook and come back
  await page.evaluate(() => window.__rfmPreview!.reopenPane!());
  await page.getByText(text('en', 'pane.settingsRestored')).waitFor();
  await openSection(page, 'periods');
  await expect(page.getByTestId('periods-scale').isChecked()).resolves.toBe(true);
  await expect(page.getByTestId('periods-previous').isChecked()).resolves.toBe(true);
  await expect(page.getByTestId('periods-scale-from').inputValue()).resolves.toBe(params);
  await expect(page.getByTestId('periods-previous-from').inputValue()).resolves.toBe(params);
  expect(page.errors).toEqual([]);
  await page.close();
});

test('与上期对比 (Chinese): on its own scale the pane warns that changes may come from the cut-offs', async () => {
  const { page } = await periodsFlow('zh', false);
  await page.getByTestId('run-result').getByText(text('zh', 'panePeriod.ownScale')).waitFor();
  await screenshotPane(page, 'pane-periods-zh.png');
  await page.close();
});
