/**
 * The parameters sheet (docs/periods.md): written with every xlsx result, readable by a person in the run's
 * language and by the product whatever the language — write, read back, same scheme and cut values.
 * Re-runs replace the product's own sheet; formula mode's live block shares the sheet.
 */
import * as path from 'node:path';
import {
  buildRunRecord,
  defaultScheme,
  parametersSheet,
  parseGradesText,
  preset,
  readRunRecord,
  scaleOf,
  scoreRows,
  type CellValue,
  type ParametersCell,
  type RunRecord,
  type Scheme,
} from '../../src/core';
import { sheetRows } from '../../src/cli/xlsxFile';
import { t } from '../../src/i18n';
import { readXlsx, removeTempDirs, rfm, sheet, tempDir } from '../cli/helpers';
import { HEADERS, OCTOBER, SCHEME_ARGS, SHEET, tableRows, writeTable } from './fixtures';

afterAll(removeTempDirs);

/** The cells as a grid of values, as a sheet read back gives them. */
function grid(cells: readonly ParametersCell[]): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const c of cells) {
    rows[c.row] ??= [];
    rows[c.row][c.column] = c.formula !== undefined ? (c.result ?? null) : (c.value ?? null);
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return rows;
}

function record(scheme: Scheme, lang: 'en' | 'zh'): RunRecord {
  const scored = scoreRows(tableRows(OCTOBER), {}, scheme, lang, { segments: { reference: 'median' }, followUp: true });
  return buildRunRecord({
    sheet: scored,
    scheme,
    lang,
    version: '9.9.9',
    tool: 'test',
    now: new Date(Date.UTC(2025, 10, 4, 2, 3, 4)),
    input: { file: 'october.xlsx', sheet: SHEET, range: 'A1:F11' },
    outputSheet: SHEET,
    segments: { reference: 'median' },
    followUp: true,
  });
}

const SCHEMES: Array<[string, Scheme]> = [
  ['default (weighted quintiles)', defaultScheme()],
  ['Maoming (additive, F raw)', { ...preset('maoming'), grades: parseGradesText('A:12,B:9,C:6,D') }],
  ['template cut-offs', preset('template')],
  ['ties min, 4 bins, odd weights', { ...defaultScheme(), ties: 'min', bins: 4, weights: ['0.35', '0.35', '0.3'] }],
];

describe('round trip: write the sheet, read it back, same scheme and cut values', () => {
  test.each(SCHEMES.flatMap(([name, s]) => (['en', 'zh'] as const).map((lang) => [`${name}, ${lang}`, s, lang] as const)))(
    '%s',
    (_, scheme, lang) => {
      const rec = record(scheme, lang);
      const back = readRunRecord(grid(parametersSheet(rec).cells), lang);
      if (!back.ok) throw new Error(JSON.stringify(back));
      expect(back.record.scheme).toEqual(scheme);
      expect(back.record.scale).toEqual(rec.scale);
      expect(back.record).toEqual(rec);
    },
  );

  test('the record holds what the issue lists', () => {
    const rec = record({ ...preset('maoming'), grades: parseGradesText('A:12,B:9,C:6,D') }, 'zh');
    expect(rec.time).toMatch(/^2025-11-0\dT\d\d:\d\d:04[+-]\d\d:\d\d$/);
    expect(rec.input).toEqual({ file: 'october.xlsx', sheet: SHEET, range: 'A1:F11' });
    expect(rec.layout).toEqual({
      header: true,
      columns: { r: 3, f: 4, m: 5, id: 0 },
      headers: { r: HEADERS[3], f: HEADERS[4], m: HEADERS[5], id: HEADERS[0] },
    });
    expect(rec.output).toEqual({ sheet: SHEET, headerRow: 0, firstDataRow: 1, lastDataRow: 10, startColumn: 6, columns: ['r', 'f', 'm', 'rfm', 'grade', 'segment', 'followUp'] });
    expect(rec.counts).toEqual({ rows: 10, valid: 10, invalidRows: 0, invalidCells: 0, grades: [4, 2, 2, 2] });
    expect(rec.options).toEqual({ segments: { reference: 'median' }, followUp: true, formulas: false });
    // Human-readable: the title, the cut values per score, the grade thresholds — in Chinese.
    const text = parametersSheet(rec).cells.map((c) => c.value);
    expect(text[0]).toBe('RFM评分参数');
    expect(text).toEqual(expect.arrayContaining(['实际使用的分界值', '≤5', '>5且≤14', '>44', '≥8000', '≥6000且<8000', '<2000', 'A:12,B:9,C:6,D']));
  });

  test('reading does not depend on the language of the labels: only the keys are read', () => {
    const rec = record(defaultScheme(), 'zh');
    const cells = parametersSheet(rec).cells.map((c) => (c.role === 'key' ? c : { ...c, value: 'x' }));
    const back = readRunRecord(grid(cells), 'en');
    expect(back.ok && back.record.scale).toEqual(rec.scale);
  });
});

describe('a record that cannot be read says where', () => {
  const rec = record(defaultScheme(), 'en');
  const content = parametersSheet(rec);
  const rowOf = (key: string) => content.cells.find((c) => c.value === key)!.row;

  test('no machine block: missing', () => {
    expect(readRunRecord([['RFM parameters'], ['hello']])).toEqual({ ok: false, reason: 'missing' });
  });

  test('edited JSON: the cell and the key', () => {
    const rows = grid(content.cells);
    rows[rowOf('rfm.cuts.m')][1] = '{"kind":"quintile","bands":[';
    expect(readRunRecord(rows)).toEqual({ ok: false, reason: 'bad', cell: `B${rowOf('rfm.cuts.m') + 1}`, detail: 'the value of rfm.cuts.m is not valid JSON' });
  });

  test('a scheme that is no longer valid', () => {
    const rows = grid(content.cells);
    rows[rowOf('rfm.scheme')][1] = JSON.stringify({ ...defaultScheme(), weights: ['0.5', '0.5', '0.5'] });
    const back = readRunRecord(rows, 'zh');
    expect(back).toEqual({ ok: false, reason: 'bad', cell: `B${rowOf('rfm.scheme') + 1}`, detail: '权重之和必须恰好为1，现在是1.5' });
  });

  test('cut values that do not fit the scheme', () => {
    const rows = grid(content.cells);
    rows[rowOf('rfm.cuts.r')][1] = JSON.stringify({ kind: 'raw' });
    const back = readRunRecord(rows);
    expect(!back.ok && back.reason === 'bad' && back.detail).toBe('the R cut values do not fit the scheme: method raw ≠ quintile');
  });

  test('a newer format, a missing key', () => {
    const newer = grid(content.cells);
    newer[rowOf('rfm.format')][1] = '2';
    expect(readRunRecord(newer)).toMatchObject({ ok: false, detail: 'it was written by a newer version of the product (format 2)' });
    const cut = grid(content.cells).slice(0, rowOf('rfm.cuts.f'));
    expect(readRunRecord(cut)).toMatchObject({ ok: false, detail: 'the key rfm.cuts.f is missing' });
  });
});

describe('in the xlsx file written by rfm-score', () => {
  test('value mode: one parameters sheet; read back it gives the scheme and the cut values the engine used', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'october.xlsx');
    const out = path.join(dir, 'scored.xlsx');
    await writeTable(input, OCTOBER);
    const res = await rfm([input, '--out', out, ...SCHEME_ARGS, '--lang', 'zh']);
    expect(res.code).toBe(0);
    expect(res.out).toContain('评分记录（评分方案、所用的列、分界值、人数）在工作表“RFM参数”中');
    const wb = await readXlsx(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET, 'RFM参数']);
    const back = readRunRecord(sheetRows(sheet(wb, 'RFM参数')));
    if (!back.ok) throw new Error(JSON.stringify(back));
    const scheme: Scheme = { ...preset('maoming'), grades: parseGradesText('A:12,B:9,C:6,D') };
    expect(back.record.scheme).toEqual(scheme);
    expect(back.record.scale).toEqual(scaleOf(scoreRows(tableRows(OCTOBER), {}, scheme, 'zh').result, scheme));
    expect(back.record.input).toEqual({ file: input, sheet: SHEET, range: 'A1:F11' });
    expect(back.record.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(back.record.tool).toBe('rfm-score');
  });

  test('formula mode: the live block first (its references unchanged), the run record below it', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'october.xlsx');
    const out = path.join(dir, 'formulas.xlsx');
    await writeTable(input, OCTOBER);
    expect((await rfm([input, '--out', out, '--formulas'])).code).toBe(0);
    const ws = sheet(await readXlsx(out), 'RFM parameters');
    expect(ws.getCell('A1').value).toBe(t('en', 'formula.title'));
    expect(ws.getCell('A7').value).toBe(t('en', 'formula.weight'));
    expect(ws.getCell('B7').value).toBe(0.3);
    const back = readRunRecord(sheetRows(ws));
    if (!back.ok) throw new Error(JSON.stringify(back));
    expect(back.record.options.formulas).toBe(true);
    expect(back.record.output.columns).toEqual(['r', 'f', 'm', 'rfm', 'grade', 'check', 'valueR', 'valueF', 'valueM']);
    expect(back.at.row).toBeGreaterThan(30);
  });

  test('re-runs replace the product’s own sheet: values → formulas → values, one parameters sheet', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'october.xlsx');
    await writeTable(input, OCTOBER);
    const a = path.join(dir, 'a.xlsx');
    const b = path.join(dir, 'b.xlsx');
    const c = path.join(dir, 'c.xlsx');
    expect((await rfm([input, '--out', a])).code).toBe(0);
    expect((await rfm([a, '--out', b, '--formulas'])).code).toBe(0);
    expect((await rfm([b, '--out', c, '--ties', 'min'])).code).toBe(0);
    for (const file of [a, b, c]) expect((await readXlsx(file)).worksheets.map((w) => w.name)).toEqual([SHEET, 'RFM parameters']);
    const back = readRunRecord(sheetRows(sheet(await readXlsx(c), 'RFM parameters')));
    expect(back.ok && [back.record.scheme.ties, back.record.options.formulas]).toEqual(['min', false]);
  });

  test('csv output has no sheet to hold it: nothing is added to the CSV', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'october.xlsx');
    const out = path.join(dir, 'out.csv');
    await writeTable(input, OCTOBER);
    const res = await rfm([input, '--out', out]);
    expect(res.code).toBe(0);
    expect(res.out.some((l) => l.includes('run record'))).toBe(false);
  });
});
