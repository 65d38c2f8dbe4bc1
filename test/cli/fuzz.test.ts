/**
 * Fuzzing `rfm-score` with generated CSV files (docs/limits.md): line endings (LF, CRLF, CR, mixed
 * within a file), quoting, a byte-order mark, GBK encoding, empty and huge fields, delimiters inside
 * quoted cells, numbers at the limits of a double, thousands separators, currency signs. Every run
 * must either score every valid row exactly as the independent reference (test/core/reference.ts)
 * does, or end with exit 2 and one line, writing nothing. With the default scheme nothing can
 * overflow, so there a run may only be refused when no row is valid.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { defaultScheme, parseMethodText, type Scheme } from '../../src/core';
import { refScoreTable } from '../core/reference';
import { encodeGbk, readCsvRows, readXlsx, removeTempDirs, rfm, tempDir } from './helpers';

afterAll(removeTempDirs);

const MAX = '1.7976931348623157e308';
/** Stands for a 40,000-character field (more than an xlsx cell holds), written out in the file. */
const HUGE = '<huge>';
const expand = (note: string) => (note === HUGE ? 'x'.repeat(40_000) : note);

/** A metric cell as text: mostly numbers in the forms people type, sometimes not a number at all. */
const metricText = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 400 }).map(String) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 9_999_999 }).map((x) => (x / 100).toFixed(2)) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 9_999_999 }).map((x) => x.toLocaleString('en-US')) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 99_999 }).map((x) => `¥${x}`) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 999 }).map((x) => ` ${x} `) },
  { weight: 1, arbitrary: fc.constantFrom(MAX, '1e308', '1.8e308', '5e-324', '0', '-0', '1e-7', '9007199254740993') },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'abc', '-5', '#N/A', 'TRUE', '1,2', '12.5.1', '+-3') },
);

/** Any other cell: short text with the characters CSV must quote, empty, or a huge field. */
const noteText = fc.oneof(
  { weight: 20, arbitrary: fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r', '客', '=', '-'), maxLength: 8 }) },
  { weight: 6, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constant(HUGE) },
);

const table = fc.array(fc.record({ r: metricText, f: metricText, m: metricText, note: noteText }), { minLength: 1, maxLength: 14 });

const format = fc.record({
  newline: fc.constantFrom('\n', '\r\n', '\r', 'mixed'),
  quoteAll: fc.boolean(),
  bom: fc.boolean(),
  gbk: fc.boolean(),
  finalNewline: fc.boolean(),
  chinese: fc.boolean(),
});

type Row = { r: string; f: string; m: string; note: string };
type Format = { newline: string; quoteAll: boolean; bom: boolean; gbk: boolean; finalNewline: boolean; chinese: boolean };

function field(text: string, quoteAll: boolean): string {
  return quoteAll || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The file's bytes; `undefined` when GBK was asked for and a character has no GBK code. */
function csvBytes(rows: Row[], f: Format): Buffer | undefined {
  const header = f.chinese ? ['客户编号', 'R值', 'F值', 'M值', '备注'] : ['Customer', 'R', 'F', 'M', 'Note'];
  const lines = [header, ...rows.map((row, i) => [`${f.chinese ? '客户' : 'C'}${i + 1}`, row.r, row.f, row.m, expand(row.note)])].map(
    (cells) => cells.map((c) => field(c, f.quoteAll)).join(','),
  );
  const endings = ['\n', '\r\n', '\r'];
  let text = '';
  lines.forEach((line, i) => {
    const last = i === lines.length - 1;
    const nl = f.newline === 'mixed' ? endings[i % 3] : f.newline;
    text += line + (last && !f.finalNewline ? '' : nl);
  });
  if (f.gbk) return encodeGbk(text);
  return Buffer.concat([f.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

function additiveRaw(): Scheme {
  const s = defaultScheme();
  s.variant = 'additive';
  s.methods.r = parseMethodText('r', 'raw');
  s.methods.m = parseMethodText('m', 'raw');
  s.grades = [
    { label: 'A', min: '100' },
    { label: 'B', min: '10' },
    { label: 'C', min: null },
  ];
  return s;
}

let dir: string;
let runs = 0;

async function check(rows: Row[], f: Format, variant: 'default' | 'additive', out: 'csv' | 'xlsx'): Promise<void> {
  const bytes = csvBytes(rows, f);
  if (!bytes) return;
  const input = path.join(dir, `in${runs}.csv`);
  const output = path.join(dir, `out${runs}.${out}`);
  runs++;
  writeFileSync(input, bytes);
  const scheme = variant === 'default' ? defaultScheme() : additiveRaw();
  const args = variant === 'default' ? [] : ['--variant', 'additive', '--r-method', 'raw', '--m-method', 'raw', '--grades', 'A:100,B:10,C'];
  const res = await rfm([input, "--out", output, ...args]);
  const ref = refScoreTable({ r: rows.map((x) => x.r), f: rows.map((x) => x.f), m: rows.map((x) => x.m) }, scheme);
  try {
    if (res.code === 2) {
      expect(res.err).toHaveLength(1);
      expect(existsSync(output)).toBe(false);
      // Nothing overflows under the default scheme: it may only be refused when no row is valid,
      // or, for xlsx output, when a field is longer than an xlsx cell holds.
      const tooLong = out === 'xlsx' && rows.some((x) => x.note === HUGE);
      if (variant === 'default' && !tooLong) expect(ref.n).toBe(0);
      return;
    }
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(res.out[0]).toContain(`Scored ${ref.n} of ${rows.length} customers`);
    let table: string[][];
    if (out === 'csv') table = readCsvRows(output);
    else {
      const ws = (await readXlsx(output)).worksheets[0];
      table = [];
      ws.eachRow({ includeEmpty: true }, (row, n) => {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, c) => (cells[c - 1] = cell.value === null ? '' : String(cell.value)));
        table[n - 1] = Array.from(cells, (c) => c ?? '');
      });
    }
    const at = table[0].indexOf('R Score');
    expect(at).toBeGreaterThan(0);
    rows.forEach((_, i) => {
      const got = table[i + 1].slice(at, at + 5);
      const want = ref.rows[i];
      if (!want.valid) expect(got).toEqual(['', '', '', '', '']);
      else {
        const s = want.scores!;
        expect(got).toEqual([s.r, s.f, s.m, want.composite!].map(String).concat(scheme.grades[want.grade!].label));
      }
      // The row's own cells are kept: the ID and the note come back as they went in.
      expect(table[i + 1][0]).toBe(`${f.chinese ? '客户' : 'C'}${i + 1}`);
    });
    expect(table.flat().some((c) => c === 'Infinity' || c === 'NaN')).toBe(false);
  } finally {
    rmSync(input, { force: true });
    rmSync(output, { force: true });
  }
}

describe('generated CSV files', () => {
  beforeAll(() => {
    dir = tempDir();
  });

  test('csv output, default scheme: every valid row scored exactly, or exit 2 when none is valid', async () => {
    await fc.assert(fc.asyncProperty(table, format, (rows, f) => check(rows, f, 'default', 'csv')), { numRuns: 120 });
  }, 60000);

  test('csv output, additive with raw values (sums that may overflow): exact, or exit 2 with one line', async () => {
    await fc.assert(fc.asyncProperty(table, format, (rows, f) => check(rows, f, 'additive', 'csv')), { numRuns: 60 });
  }, 60000);

  test('xlsx output: exact, or exit 2 with one line', async () => {
    await fc.assert(fc.asyncProperty(table, format, (rows, f) => check(rows, f, 'default', 'xlsx')), { numRuns: 25 });
  }, 60000);
});
