/**
 * The segment map editor (docs/segments.md) in a real browser: the preview page (the production build,
 * the in-memory workbook standing in for Excel). Turn on segments, start from R rfm's ten segments,
 * rename the first, see the live check, run; the written Segment column equals the engine's with the
 * same map. Screenshot of the editor: test-results/pane-segment-map-en.png.
 *
 *   npm run test:browser        (builds dist/ first)
 */
import { columnLetter, defaultScheme, scoreRows, segmentMapPreset, type SegmentMap } from '../../src/core';
import { DIST, SHEET, TABLE, openSection, screenshotPane, text, useBrowser, values } from './harness';
import '../../src/preview/handle'; // the type of window.__rfmPreview

const site = useBrowser(process.env.RFM_DIST ?? DIST);

test('English: rfm10 preset, a renamed segment, the live check and the written Segment column', async () => {
  const page = await site.openPreview('en-US');
  await page.evaluate((s) => window.__rfmPreview!.workbook.select(s, 'A:F'), SHEET);
  await page.getByTestId('range-address').filter({ hasText: `${SHEET}!${TABLE}` }).waitFor();
  await openSection(page, 'insight');
  await page.getByLabel(text('en', 'paneInsight.segments')).check();
  await page.getByTestId('segment-map-preset').selectOption('rfm10');
  const rules = page.getByTestId('segment-map-rule');
  await expect(rules.count()).resolves.toBe(10);
  await rules.first().locator('input').first().fill('Stars');
  // The live check names the renamed rule in its first overlap.
  const check = page.getByTestId('segment-map-check');
  // The counts in one line; opened, every gap and overlap.
  await check.getByText(text('en', 'segmap.paneSummary', { uncovered: 36, overlaps: 17, never: 3 })).waitFor();
  await check.locator('summary').click();
  await check.getByText('"Stars" and "Loyal Customers" overlap', { exact: false }).first().waitFor();
  await screenshotPane(page, 'pane-segment-map-en.png');

  await page.getByRole('button', { name: text('en', 'pane.run.button') }).click();
  await page.getByTestId('run-result').waitFor();
  const base = segmentMapPreset('rfm10');
  const map: SegmentMap = { ...base, segments: base.segments.map((s, i) => (i === 0 ? { ...s, name: { en: 'Stars', zh: s.name.zh } } : s)) } as SegmentMap;
  const expected = scoreRows(await values(page, SHEET, TABLE), { header: 'auto' }, defaultScheme(), 'en', {
    segments: { reference: 'mean', basis: 'scores', map },
  });
  const width = expected.output.columns.length;
  const block = [expected.output.headers, ...expected.dataRows.map((_, k) => expected.output.columns.map((__, c) => expected.output.cell(k, c) ?? ''))];
  await expect(values(page, SHEET, `G1:${columnLetter(6 + width - 1)}301`)).resolves.toEqual(block);
  expect(block.some((row) => row.includes('Stars'))).toBe(true);
  expect(page.errors).toEqual([]);
  await page.close();
});
