/**
 * Segments, follow-up and summary (docs/insight.md) in a real browser: the preview page (the production build in Debian's headless Chromium,
 * the in-memory workbook standing in for Excel). Segments (median of the scores) and follow-up (one
 * label typed, the others default) are turned on, the run's Segment and Follow-up columns are
 * compared with the engine's own scoring, the pane's small charts with the engine's summary, then
 * "Create summary" adds a sheet whose tables and charts are read back from the workbook. Screenshots
 * of the pane with its charts in both languages: test-results/pane-charts-en.png, pane-charts-zh.png.
 *
 *   npm run test:browser        (builds dist/ first)
 */
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import {
  SEGMENTS,
  customerList,
  defaultScheme,
  findList,
  listTable,
  followUpLabels,
  scoreRows,
  summarize,
  summaryBlocks,
  type InsightOptions,
  type ScoredSheet,
} from '../../src/core';
import '../../src/preview/handle'; // the type of window.__rfmPreview
import type { Lang, MessageKey } from '../../src/i18n';
import { DIST, RESULTS, SHEET, TABLE, openSection, screenshotPane, text, useBrowser, values } from './harness';

const site = useBrowser(process.env.RFM_DIST ?? DIST);
const openPreview = (locale: string) => site.openPreview(locale);

/** Select the sample table, turn on segments (median) and follow-up (grade A's label typed), run. */
async function runWithInsight(page: Page, lang: Lang, labelA: string): Promise<ScoredSheet> {
  await page.evaluate((s) => window.__rfmPreview!.workbook.select(s, 'A:F'), SHEET);
  await page.getByTestId('range-address').filter({ hasText: `${SHEET}!${TABLE}` }).waitFor();
  // nothing to chart before a run
  await page.getByText(text(lang, 'paneInsight.summary.none')).waitFor();

  await openSection(page, 'insight');
  await page.getByLabel(text(lang, 'paneInsight.segments')).check();
  await page.getByLabel(text(lang, 'paneInsight.reference.median'), { exact: true }).check();
  await page.getByLabel(text(lang, 'paneInsight.followUp')).check();
  const defaults = followUpLabels(defaultScheme(), lang);
  const inputA = page.getByLabel(text(lang, 'paneInsight.followUp.label', { label: 'A' }), { exact: true });
  await expect(inputA.getAttribute('placeholder')).resolves.toBe(defaults[0]);
  await inputA.fill(labelA);

  await page.getByRole('button', { name: text(lang, 'pane.run.button') }).click();
  await page.getByTestId('run-result').waitFor();
  const insight: InsightOptions = { segments: { reference: 'median', basis: 'scores' }, followUp: [labelA, ...defaults.slice(1)] };
  return scoreRows(await values(page, SHEET, TABLE), { header: 'auto' }, defaultScheme(), lang, insight);
}

/** The written block equals the engine's output, cell for cell (Segment and Follow-up included). */
async function checkColumns(page: Page, expected: ScoredSheet, lang: Lang): Promise<void> {
  const headers = ['rScore', 'fScore', 'mScore', 'rfmScore', 'grade', 'segment', 'followUp', 'check'].map((k) => text(lang, `out.${k}` as MessageKey));
  expect(expected.output.headers).toEqual(headers);
  const block = [expected.output.headers, ...expected.dataRows.map((_, k) => expected.output.columns.map((__, c) => expected.output.cell(k, c) ?? ''))];
  await expect(values(page, SHEET, 'G1:N301')).resolves.toEqual(block);
}

/** The pane's charts show the engine's summary numbers. */
async function checkCharts(page: Page, expected: ScoredSheet, lang: Lang): Promise<void> {
  const charts = page.getByTestId('summary-charts');
  await charts.waitFor();
  const summary = summarize(expected.result, defaultScheme(), expected.segments);
  const grades = await charts.locator('[data-testid="chart-grades"] g[data-grade]').evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-grade'), Number(g.getAttribute('data-count'))]));
  expect(grades).toEqual(summary.grades.map((g) => [g.label, g.count]));
  const segments = await charts.locator('[data-testid="chart-segments"] g[data-segment]').evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-segment'), Number(g.getAttribute('data-count'))]));
  expect(segments).toEqual(SEGMENTS.map((s, i) => [s, expected.segments!.counts[i]]));
  expect(segments.reduce((n, [, c]) => n + (c as number), 0)).toBe(expected.result.n);
  const matrix = await charts.locator('[data-testid="chart-heatmap"] tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => Number(td.textContent))));
  expect(matrix).toEqual(summary.heatmap.cells.map((row) => row.map((c) => c.count)));
  // the matrix of mean M (docs/lists.md): the exact means rounded to 2 places, a colour on every non-empty cell
  const means = await charts
    .locator('[data-testid="chart-heatmap-mean"] tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => [td.getAttribute('data-mean'), td.style.backgroundColor !== '', td.getAttribute('aria-label')])));
  expect(means.map((row) => row.map(([mean]) => mean))).toEqual(summary.heatmap.cells.map((row) => row.map((c) => c.meanMText)));
  expect(means.flat().every(([mean, coloured]) => coloured === (mean !== ''))).toBe(true);
  expect(means.flat().every(([, , label]) => typeof label === 'string' && label.length > 0)).toBe(true);
  // per segment the median R, F and M
  const medians = await charts.locator('[data-testid="chart-medians"] tbody tr').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-segment'), Number(r.querySelector('td')?.textContent)]));
  expect(medians).toEqual(summary.medians!.map((m) => [m.segment, m.count]));
  await expect(charts.getByTestId('segment-thresholds').textContent()).resolves.toContain(text(lang, 'paneInsight.thresholds.median'));
  const alt = await charts.locator('[data-testid="chart-grades"] svg').getAttribute('aria-label');
  expect(alt).toContain(text(lang, 'paneInsight.chart.grades'));
}

/** "Create summary": a new sheet of tables and native charts, read back from the workbook. */
async function createSummary(page: Page, expected: ScoredSheet, lang: Lang, followUp: string[]): Promise<string> {
  const sheetName = text(lang, 'summary.sheetName');
  await page.getByRole('button', { name: text(lang, 'paneInsight.summary.create') }).click();
  await page.getByTestId('summary-done').waitFor();
  await expect(page.getByTestId('summary-done').textContent()).resolves.toBe(text(lang, 'paneInsight.summary.done', { sheet: sheetName, tables: 6, charts: 3 }));
  const book = await page.evaluate((name) => {
    const wb = window.__rfmPreview!.workbook;
    return {
      sheets: wb.sheetNames(),
      active: wb.activeSheet(),
      tables: wb.tables().filter((x) => x.sheet === name),
      charts: wb.sheet(name).charts(),
      scales: wb.conditionalFormats(name).filter((c) => c.type === 'ColorScale').map((c) => c.address),
    };
  }, sheetName);
  expect(book.sheets).toContain(sheetName);
  expect(book.active).toBe(sheetName);
  const blocks = summaryBlocks(summarize(expected.result, defaultScheme(), expected.segments), defaultScheme(), lang, followUp);
  expect(book.tables.map((x) => x.name)).toEqual(['RFM_Grades', 'RFM_Segments', 'RFM_RxF_Customers', 'RFM_RxF_MeanM', 'RFM_Distribution', 'RFM_Segment_Medians']);
  for (const [i, table] of book.tables.entries()) {
    const cells = await values(page, sheetName, table.address);
    expect(cells).toEqual([blocks[i].headers, ...blocks[i].rows.map((r) => r.map((v) => (v === null ? '' : v)))]);
  }
  // the grade table carries the follow-up labels of the run, the user's one included
  await expect(values(page, sheetName, 'B3:B6')).resolves.toEqual(followUp.map((f) => [f]));
  expect(book.scales).toHaveLength(2);
  expect(book.charts.map((c) => [c.type, c.title])).toEqual([
    ['ColumnClustered', text(lang, 'paneInsight.chart.grades')],
    ['BarClustered', text(lang, 'paneInsight.chart.segments')],
    ['ColumnClustered', text(lang, 'paneInsight.chart.distribution')],
  ]);
  expect(book.charts[0].series[0].valueData).toEqual([...expected.result.gradeCounts]);
  expect(book.charts[1].series.map((s) => s.name)).toEqual([text(lang, 'paneInsight.chart.customerShare'), text(lang, 'paneInsight.chart.mShare')]);
  // the preview grid now shows the summary sheet and lists its charts
  const gridCharts = page.getByTestId('grid-charts');
  await gridCharts.waitFor();
  await expect(gridCharts.textContent()).resolves.toContain(text(lang, 'paneInsight.chart.segments'));
  // the pane still works on the customer table (its own selection of the new sheet is not followed)
  await page.waitForTimeout(300);
  await expect(page.getByTestId('range-address').textContent()).resolves.toBe(`${SHEET}!${TABLE}`);
  return sheetName;
}

/** "List customers" (docs/lists.md): the chosen segment's customers on a new sheet, equal to the engine's list. */
async function listCustomers(page: Page, expected: ScoredSheet, lang: Lang, name: string): Promise<void> {
  const choice = findList(name, defaultScheme())!;
  const table = listTable(expected, defaultScheme(), customerList(expected, choice), lang);
  await page.getByTestId('list-choice').selectOption(`${choice.kind}:${choice.index}`);
  await page.getByRole('button', { name: text(lang, 'paneList.create') }).click();
  await page.getByTestId('list-done').waitFor();
  const sheetName = text(lang, 'list.sheetName', { name: table.name });
  await expect(page.getByTestId('list-done').textContent()).resolves.toBe(text(lang, 'paneList.done', { name: table.name, count: table.rows.length, sheet: sheetName }));
  const width = table.headers.length;
  const last = String.fromCharCode(64 + width);
  const cells = await values(page, sheetName, `A1:${last}${table.rows.length + 1}`);
  expect(cells).toEqual([table.headers, ...table.rows.map((r) => r.map((v) => (v === null ? '' : v)))]);
  expect(table.rows.length).toBeGreaterThan(0);
}

test('English: segments and follow-up columns, the pane’s charts, Create summary; screenshot', async () => {
  const page = await openPreview('en-US');
  const expected = await runWithInsight(page, 'en', 'Every two weeks');
  await checkColumns(page, expected, 'en');
  await checkCharts(page, expected, 'en');
  const labels = ['Every two weeks', 'Quarterly', 'Every six months', 'Yearly'];
  await createSummary(page, expected, 'en', labels);
  await listCustomers(page, expected, 'en', 'Important value');
  await screenshotPane(page, 'pane-charts-en.png');
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.screenshot({ path: path.join(RESULTS, 'preview-summary-en.png') });

  // A second summary never overwrites the first.
  await page.getByRole('button', { name: text('en', 'paneInsight.summary.create') }).click();
  await page.getByText(text('en', 'paneInsight.summary.done', { sheet: 'RFM summary (2)', tables: 6, charts: 3 })).waitFor();
  expect(page.errors).toEqual([]);
  await page.close();
});

test('中文: the same run, charts and summary sheet in Chinese; screenshot', async () => {
  const page = await openPreview('zh-CN');
  const expected = await runWithInsight(page, 'zh', '每两周');
  await checkColumns(page, expected, 'zh');
  await checkCharts(page, expected, 'zh');
  await createSummary(page, expected, 'zh', ['每两周', '每季度', '每半年', '每年']);
  await listCustomers(page, expected, 'zh', 'B');
  await screenshotPane(page, 'pane-charts-zh.png');
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.screenshot({ path: path.join(RESULTS, 'preview-summary-zh.png') });
  expect(page.errors).toEqual([]);
  await page.close();
});
