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
import type ExcelJS from 'exceljs';
import fc from 'fast-check';
import { defaultScheme, parseMethodText, type CellValue, type Scheme } from '../../src/core';
import { refScoreTable } from '../core/reference';
import { encodeGbk, readCsvRows, readXlsx, removeTempDirs, rfm, tempDir } from './helpers';
import { writeParts } from './xlsxParts';

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
    expectScoredLikeReference(table, ref, scheme, f.chinese);
    expect(table.flat().some((c) => c === 'Infinity' || c === 'NaN')).toBe(false);
  } finally {
    rmSync(input, { force: true });
    rmSync(output, { force: true });
  }
}


/**
 * The output table's R/F/M scores, RFM score and grade equal the reference row by row (invalid rows
 * left empty), and each row's own ID comes back as it went in; returns the column of R Score.
 */
function expectScoredLikeReference(table: string[][], ref: ReturnType<typeof refScoreTable>, scheme: Scheme, chinese: boolean): number {
  const at = table[0].indexOf('R Score');
  expect(at).toBeGreaterThan(0);
  ref.rows.forEach((want, i) => {
    const got = table[i + 1].slice(at, at + 5);
    if (!want.valid) expect(got).toEqual(['', '', '', '', '']);
    else {
      const s = want.scores!;
      expect(got).toEqual([s.r, s.f, s.m, want.composite!].map(String).concat(scheme.grades[want.grade!].label));
    }
    expect(table[i + 1][0]).toBe(`${chinese ? '客户' : 'C'}${i + 1}`);
  });
  return at;
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

// ---------------------------------------------------------------- generated xlsx workbooks

/**
 * One metric cell of a generated workbook: how it is stored (`xml`, the `<c>` element without its
 * address) and what the engine must see in it (`value`, handed to the reference).
 */
type XCell = { xml: (ref: string, shared: (text: string) => number | undefined) => string; value: CellValue };

function xmlEsc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Text as a shared string when the workbook has a table (and `asShared`), else inline. */
function textCell(text: string, asShared: boolean): XCell['xml'] {
  return (ref, shared) => {
    const i = asShared ? shared(text) : undefined;
    return i !== undefined ? `<c r="${ref}" t="s"><v>${i}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEsc(text)}</t></is></c>`;
  };
}

const xNumber = fc
  .oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 400 }) },
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 9_999_999 }).map((x) => x / 100) },
    { weight: 1, arbitrary: fc.constantFrom(Number.MAX_VALUE, 1e308, 5e-324, 0, 1e-7, 2 ** 53 + 2, 0.1 + 0.2, -5, -0) },
  )
  .map((x): XCell => ({ xml: (ref) => `<c r="${ref}"><v>${String(x)}</v></c>`, value: x }));

const xMetric: fc.Arbitrary<XCell> = fc.oneof(
  { weight: 8, arbitrary: xNumber },
  // Numbers stored as text (Excel's green triangle), shared or inline, in the forms people type.
  {
    weight: 3,
    arbitrary: fc.tuple(metricText, fc.boolean()).map(([text, asShared]): XCell => ({ xml: textCell(text, asShared), value: text })),
  },
  // A formula with its cached number.
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 999 }).map((x): XCell => ({ xml: (ref) => `<c r="${ref}"><f>${x}+0</f><v>${x}</v></c>`, value: x })) },
  // A number in a date format (style 1): a date, not a metric.
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 60000 }).map((x): XCell => ({ xml: (ref) => `<c r="${ref}" s="1"><v>${x}</v></c>`, value: new Date(0) })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<XCell>(
      { xml: () => '', value: null },
      { xml: (ref) => `<c r="${ref}" t="b"><v>1</v></c>`, value: true },
      { xml: (ref) => `<c r="${ref}" t="e"><v>#N/A</v></c>`, value: { error: '#N/A' } },
      { xml: (ref) => `<c r="${ref}"><v>1.8e308</v></c>`, value: '1.8e308' },
    ),
  },
);

const xTable = fc.array(fc.record({ r: xMetric, f: xMetric, m: xMetric, note: noteText }), { minLength: 1, maxLength: 12 });
const xFormat = fc.record({ sharedStrings: fc.boolean(), chinese: fc.boolean(), addresses: fc.boolean() });

type XRow = { r: XCell; f: XCell; m: XCell; note: string };
type XFormat = { sharedStrings: boolean; chinese: boolean; addresses: boolean };

const XNS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const XREL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XCT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** The parts of a one-sheet workbook holding `rows` below a header (ID, R, F, M, note). */
function xlsxParts(rows: XRow[], f: XFormat): Array<[string, string]> {
  const sst: string[] = [];
  const index = new Map<string, number>();
  const shared = (text: string) => {
    if (!f.sharedStrings) return undefined;
    if (!index.has(text)) {
      index.set(text, sst.length);
      sst.push(text);
    }
    return index.get(text);
  };
  const header = f.chinese ? ['客户编号', 'R值', 'F值', 'M值', '备注'] : ['Customer', 'R', 'F', 'M', 'Note'];
  const ref = (c: number, r: number) => `${'ABCDE'[c]}${r}`;
  // Without addresses the cells and rows are positional, as some writers leave them.
  const strip = (xml: string) => (f.addresses ? xml : xml.replace(/ r="[A-Z]+\d+"/, ''));
  const lines = [header.map((h, c) => strip(textCell(h, true)(ref(c, 1), shared))).join('')];
  rows.forEach((row, i) => {
    const r = i + 2;
    const id = textCell(`${f.chinese ? '客户' : 'C'}${i + 1}`, true)(ref(0, r), shared);
    const note = row.note === '' ? '' : textCell(expand(row.note), false)(ref(4, r), shared);
    // An empty metric cell is left out; positional cells then need their address back.
    const cells = [id, row.r.xml(ref(1, r), shared), row.f.xml(ref(2, r), shared), row.m.xml(ref(3, r), shared), note];
    const complete = cells.every((c) => c !== '');
    lines.push(cells.map((c) => (complete ? strip(c) : c)).join(''));
  });
  const sheetRows = lines.map((cells, i) => (f.addresses ? `<row r="${i + 1}">${cells}</row>` : `<row>${cells}</row>`)).join('');
  const parts: Array<[string, string]> = [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${XCT}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${XCT}.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="${XCT}.styles+xml"/>` +
        (f.sharedStrings ? `<Override PartName="/xl/sharedStrings.xml" ContentType="${XCT}.sharedStrings+xml"/>` : '') +
        '</Types>',
    ],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${XREL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook ${XNS}><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${XREL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${XREL}/styles" Target="styles.xml"/>` +
        (f.sharedStrings ? `<Relationship Id="rId3" Type="${XREL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
        '</Relationships>',
    ],
    [
      'xl/styles.xml',
      '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
    ],
    ['xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet ${XNS}><sheetData>${sheetRows}</sheetData></worksheet>`],
  ];
  if (f.sharedStrings) {
    parts.push([
      'xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sst.length}" uniqueCount="${sst.length}">${sst.map((s) => `<si><t xml:space="preserve">${xmlEsc(s)}</t></si>`).join('')}</sst>`,
    ]);
  }
  return parts;
}

/** A cell of an output read back by exceljs, as text (a formula by its cached result). */
function xlsxCellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v)) {
    return xlsxCellText(('result' in v ? (v.result ?? null) : null) as ExcelJS.CellValue);
  }
  return String(v);
}

type XRoute = 'stream' | 'csv' | 'formulas';

async function checkXlsx(rows: XRow[], f: XFormat, route: XRoute): Promise<void> {
  const input = path.join(dir, `in${runs}.xlsx`);
  const output = path.join(dir, `out${runs}.${route === 'csv' ? 'csv' : 'xlsx'}`);
  runs++;
  await writeParts(input, xlsxParts(rows, f));
  const res = await rfm([input, '--out', output, ...(route === 'formulas' ? ['--formulas'] : [])]);
  const scheme = defaultScheme();
  const ref = refScoreTable({ r: rows.map((x) => x.r.value), f: rows.map((x) => x.f.value), m: rows.map((x) => x.m.value) }, scheme);
  try {
    if (res.code === 2) {
      expect(res.err).toHaveLength(1);
      expect(existsSync(output)).toBe(false);
      // Refused only when no row is valid (formula mode streams too: the input's own cells are the input's).
      expect({ valid: ref.n, err: res.err[0] }).toEqual({ valid: 0, err: res.err[0] });
      return;
    }
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(res.out[0]).toContain(`Scored ${ref.n} of ${rows.length} customers`);
    let table: string[][];
    if (route === 'csv') table = readCsvRows(output);
    else {
      const ws = (await readXlsx(output)).getWorksheet('Data')!;
      table = [];
      ws.eachRow({ includeEmpty: true }, (row, n) => {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, c) => (cells[c - 1] = xlsxCellText(cell.value)));
        table[n - 1] = Array.from(cells, (c) => c ?? '');
      });
    }
    const at = expectScoredLikeReference(table, ref, scheme, f.chinese);
    // The output columns: never Infinity or NaN (the input's own cells are the input's).
    expect(table.flatMap((row) => row.slice(at)).some((c) => c === 'Infinity' || c === 'NaN')).toBe(false);
  } finally {
    rmSync(input, { force: true });
    rmSync(output, { force: true });
  }
}

describe('generated xlsx workbooks', () => {
  beforeAll(() => {
    dir ??= tempDir();
  });

  test('xlsx to xlsx (streaming path): exact, or exit 2 with one line', async () => {
    await fc.assert(fc.asyncProperty(xTable, xFormat, (rows, f) => checkXlsx(rows, f, 'stream')), { numRuns: 80 });
  }, 60000);

  test('xlsx to csv (loaded by exceljs after the check): exact, or exit 2 with one line', async () => {
    await fc.assert(fc.asyncProperty(xTable, xFormat, (rows, f) => checkXlsx(rows, f, 'csv')), { numRuns: 50 });
  }, 60000);

  test('xlsx with --formulas: cached results exact, or exit 2 with one line', async () => {
    await fc.assert(fc.asyncProperty(xTable, xFormat, (rows, f) => checkXlsx(rows, f, 'formulas')), { numRuns: 25 });
  }, 60000);
});
