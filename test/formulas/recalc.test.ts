/**
 * Formula mode against value mode: for every scheme option, the CLI writes the workbook twice —
 * values, and live formulas (--formulas) — the formulas' cached results are stripped, LibreOffice
 * recalculates every formula workbook in one headless run, and each recalculated cell must equal the
 * value-mode cell on every row (same scores, composite equal as a number, same labels, empty on
 * invalid rows). Editing the parameter sheet must regrade like a CLI run with the new scheme.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type ExcelJS from 'exceljs';
import { t } from '../../src/i18n';
import { csvText, removeTempDirs, rfm, tempDir, writeXlsx } from '../cli/helpers';
import { readBook, recalculate, shown, shownCell, sofficeVersion, stripResults, type Plain } from './helpers';

type Cell = ExcelJS.CellValue;

afterAll(removeTempDirs);

// ---------- data ----------

/** Deterministic pseudo-random numbers (LCG), so every run sees the same table. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/**
 * 40 customers with many ties (values drawn from small sets), numbers stored as text, every kind of
 * invalid cell, and one completely empty row (not a customer).
 */
function mixedRows(): Cell[][] {
  const next = random(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const R = [1, 3, 3, 7, 15, 15, 30, 30, 30, 60, 90, 120, 180, 181, 365];
  const F = [1, 1, 1, 2, 2, 3, 4, 5, 7, 10, 12];
  const M = [60, 150, 150, 999.99, 1000, 2000, 2000, 4999.5, 5000, 10000, 12000.75];
  const rows: Cell[][] = [['Customer ID', 'Region', 'Recency', 'Frequency', 'Monetary']];
  for (let i = 1; i <= 40; i++) rows.push([`C${String(i).padStart(2, '0')}`, pick(['N', 'S', 'E', 'W']), pick(R), pick(F), pick(M)]);
  const set = (row: number, col: number, v: Cell) => {
    rows[row][col] = v;
  };
  set(5, 4, '1,234.50');
  set(6, 4, '¥2,000');
  set(7, 3, ' 12 ');
  set(8, 2, '$ 30');
  set(9, 2, null); // empty
  set(10, 3, 'n/a'); // not a number
  set(11, 4, -5); // negative
  set(12, 3, true); // boolean
  set(13, 2, { error: '#N/A' }); // error value
  set(14, 4, '   '); // only spaces: empty
  rows[15] = []; // a completely empty row: skipped, no output
  set(16, 2, '\u30007\u3000'); // ideographic spaces around a number
  set(17, 4, '1e3');
  set(18, 3, '+5');
  set(19, 4, '￥150');
  set(20, 2, '-3'); // negative as text
  set(21, 3, '12abc');
  set(22, 4, '¥'); // a currency sign alone: not a number
  set(23, 2, '.');
  return rows;
}

/** Five customers ranked 1..5 on every metric: scores 5..1, so 0.35/0.35/0.3 composites land exactly on 5, 4, 3, 2, 1. */
function boundaryRows(): Cell[][] {
  return [
    ['ID', 'R', 'F', 'M'],
    ['a', 1, 50, 5000],
    ['b', 2, 40, 4000],
    ['c', 3, 30, 3000],
    ['d', 4, 20, 2000],
    ['e', 5, 10, 1000],
  ];
}

/** Values exactly on and next to the template's cut-offs (R 30,60,90,180; F 2,4,7,10; M 1000,2000,5000,10000). */
function cutoffRows(): Cell[][] {
  const R = [0, 30, 31, 60, 61, 90, 91, 180, 181, 400];
  const F = [1, 2, 3, 4, 6, 7, 9, 10, 11, 0];
  const M = [999.99, 1000, 1999, 2000, 4999, 5000, 9999, 10000, 10001, 0];
  return [['客户编号', 'R值', 'F值', 'M值'], ...R.map((r, i) => [`k${i}`, r, F[i], M[i]])];
}

/** Decimal raw values whose binary sums miss the decimal (0.1 + 0.2), for raw/additive. */
function decimalRows(): Cell[][] {
  return [
    ['ID', 'R', 'F', 'M'],
    ['a', 0.1, 0.2, 0],
    ['b', 0.2, 0.1, 0.1],
    ['c', 1.1, 2.2, 0],
    ['d', 0.7, 0.2, 0.1],
    ['e', 3, '0.3', 7.3],
    ['f', 0.15, 0.15, '1,000.05'],
  ];
}

// ---------- cases ----------

interface Case {
  name: string;
  rows: Cell[][];
  args: string[];
  /** Input as CSV instead of xlsx. */
  csv?: boolean;
  /** 1-based header row (0: none). */
  headerRow?: number;
  /** Sheet name of the scored sheet in the output. */
  sheet?: string;
}

const SHEET = 'Customers';

const CASES: Case[] = [
  { name: 'quintile, ties average (default scheme)', rows: mixedRows(), args: [] },
  { name: 'quintile, ties min', rows: mixedRows(), args: ['--ties', 'min'] },
  { name: 'quintile, ties first', rows: mixedRows(), args: ['--ties', 'first'] },
  { name: 'quintile, 4 bins, ties first', rows: mixedRows(), args: ['--bins', '4', '--ties', 'first'] },
  { name: 'quintile, 10 bins, ties average, custom grades', rows: mixedRows(), args: ['--bins', '10', '--grades', 'Top:7.5,Mid:4.05,Low:2,Rest'] },
  { name: 'weighted 0.35/0.35/0.3 at the grade boundaries', rows: boundaryRows(), args: ['--weights', '0.35,0.35,0.3'] },
  { name: 'weighted 0.35/0.35/0.3 on the mixed table', rows: mixedRows(), args: ['--weights', '0.35,0.35,0.3', '--ties', 'min'] },
  { name: 'breaks (template cut-offs), zh', rows: cutoffRows(), args: ['--preset', 'template', '--lang', 'zh'] },
  { name: 'breaks on the mixed table', rows: mixedRows(), args: ['--r-method', 'breaks:7,30,90,180', '--f-method', 'breaks:2,4,7,10', '--m-method', 'breaks:150,1000,2000,5000'] },
  { name: 'Maoming: additive, F raw', rows: mixedRows(), args: ['--preset', 'maoming'] },
  {
    name: 'additive, all raw, decimal values at decimal thresholds',
    rows: decimalRows(),
    args: ['--variant', 'additive', '--r-method', 'raw', '--f-method', 'raw', '--m-method', 'raw', '--grades', 'A:10,B:1.05,C:0.3,D'],
  },
  {
    name: 'weighted, M raw decimals',
    rows: decimalRows(),
    args: ['--weights', '0.3,0.3,0.4', '--m-method', 'raw', '--grades', 'A:3.02,B:2.5,C:1.2,D'],
  },
  { name: 'segments (mean of scores) + follow-up', rows: mixedRows(), args: ['--segments', '--follow-up'] },
  {
    name: 'segments (median of values) + own follow-up labels, zh',
    rows: mixedRows(),
    args: ['--segments', '--segment-reference', 'median', '--segment-basis', 'values', '--follow-up-labels', '每周,每月,每季度,每年', '--lang', 'zh'],
  },
  { name: 'segments (mean of values), ties first', rows: mixedRows(), args: ['--segments', '--segment-basis', 'values', '--ties', 'first'] },
  { name: 'segments (median of scores) on the cut-off table', rows: cutoffRows(), args: ['--preset', 'template', '--segments', '--segment-reference', 'median', '--follow-up'] },
  { name: 'CSV input (numbers as text cells) to xlsx', rows: mixedRows(), args: ['--segments'], csv: true },
  { name: 'no header row, explicit columns', rows: mixedRows().slice(1), args: ['--header', 'no', '--r', 'C', '--f', 'D', '--m', 'E'], headerRow: 0 },
];

// ---------- running everything, one LibreOffice start ----------

interface Prepared {
  name: string;
  valueFile: string;
  recalculated: string;
  sheet: string;
  startColumn: number;
  /** Columns of value mode's block without Check. */
  baseColumns: number;
  headerRow: number;
}

const prepared: Prepared[] = [];
const toRecalculate: string[] = [];
let dir = '';
let version = '';

async function writeInput(file: string, c: { rows: Cell[][]; csv?: boolean }): Promise<void> {
  if (c.csv) {
    writeFileSync(file, csvText(c.rows.map((r) => r.map((v) => (v === null || v === undefined || typeof v === 'object' ? null : (v as string | number))))));
    return;
  }
  await writeXlsx(file, (wb) => {
    const ws = wb.addWorksheet(SHEET);
    c.rows.forEach((r, i) => {
      r.forEach((v, j) => {
        if (v !== null && v !== undefined) ws.getCell(i + 1, j + 1).value = v;
      });
    });
    wb.addWorksheet('Notes').getCell('A1').value = 'untouched';
  });
}

async function cli(args: string[]): Promise<void> {
  const res = await rfm(args);
  if (res.code !== 0) throw new Error(`rfm-score ${args.join(' ')} → ${res.code}: ${res.err.join(' ')}`);
}

function baseColumns(args: string[]): number {
  const segments = args.some((a) => a.startsWith('--segment'));
  const followUp = args.some((a) => a.startsWith('--follow-up'));
  return 5 + (segments ? 1 : 0) + (followUp ? 1 : 0);
}

async function prepare(name: string, input: string, args: string[], c: { rows: Cell[][]; headerRow?: number; csv?: boolean }, edit?: {
  /** Edit the parameter sheet before recalculating. */
  params: (wb: ExcelJS.Workbook) => void;
  /** The CLI arguments whose value-mode run the edited workbook must equal. */
  args: string[];
}): Promise<void> {
  const id = `case${prepared.length}`;
  const valueFile = path.join(dir, `${id}-values.xlsx`);
  const formulaFile = path.join(dir, `${id}-formulas.xlsx`);
  const stripped = path.join(dir, 'stripped', `${id}.xlsx`);
  await cli([input, '--out', valueFile, ...(edit ? edit.args : args)]);
  await cli([input, '--out', formulaFile, '--formulas', ...args]);
  const count = await stripResults(formulaFile, stripped, edit?.params);
  if (count === 0) throw new Error(`${name}: no formulas written`);
  toRecalculate.push(stripped);
  prepared.push({
    name,
    valueFile,
    recalculated: path.join(dir, 'recalculated', `${id}.xlsx`),
    sheet: c.csv ? 'in' : SHEET,
    startColumn: Math.max(...c.rows.map((r) => r.length)) + 1,
    baseColumns: baseColumns(edit ? edit.args : args),
    headerRow: c.headerRow ?? 1,
  });
}

/** Set the cell right of the label `label` (column A) on the parameter sheet, `offset` columns over. */
function setParam(wb: ExcelJS.Workbook, label: string, values: (number | string)[]): void {
  const ws = wb.getWorksheet(t('en', 'formula.sheetName'));
  if (!ws) throw new Error('no parameter sheet');
  let done = false;
  ws.eachRow((row) => {
    if (!done && row.getCell(1).value === label) {
      values.forEach((v, i) => (row.getCell(2 + i).value = v));
      done = true;
    }
  });
  if (!done) throw new Error(`no parameter row "${label}"`);
}

beforeAll(async () => {
  version = sofficeVersion();
  dir = tempDir();
  mkdirSync(path.join(dir, 'stripped'));
  for (const [i, c] of CASES.entries()) {
    // The CSV → xlsx sheet is named after the input file ("in"); there is one CSV case.
    const input = path.join(dir, c.csv ? 'in.csv' : `in${i}.xlsx`);
    await writeInput(input, c);
    await prepare(c.name, input, c.args, c);
  }

  // Editing the parameter sheet regrades: weights and a threshold, compared with a CLI run that uses them.
  const boundary = path.join(dir, 'boundary.xlsx');
  await writeInput(boundary, { rows: boundaryRows() });
  await prepare('edited weights and a threshold regrade everyone', boundary, ['--weights', '0.35,0.35,0.3'], { rows: boundaryRows() }, {
    params: (wb) => {
      setParam(wb, t('en', 'formula.weight'), [0.5, 0.25, 0.25]);
      setParam(wb, 'B', [3.5]);
    },
    args: ['--weights', '0.5,0.25,0.25', '--grades', 'A:4,B:3.5,C:2,D'],
  });
  const mixed = path.join(dir, 'mixed.xlsx');
  await writeInput(mixed, { rows: mixedRows() });
  await prepare('edited k and weights on the mixed table', mixed, ['--segments', '--follow-up'], { rows: mixedRows() }, {
    params: (wb) => {
      setParam(wb, t('en', 'formula.bins'), [3]);
      setParam(wb, t('en', 'formula.weight'), [0.2, 0.2, 0.6]);
    },
    args: ['--segments', '--follow-up', '--bins', '3', '--weights', '0.2,0.2,0.6'],
  });

  // A re-run in formula mode on a formula-mode output replaces the block and reuses the parameter sheet.
  const first = path.join(dir, 'rerun-first.xlsx');
  await cli([mixed, '--out', first, '--formulas', '--segments']);
  // (its value-mode twin reads the same formula output: both replace the earlier block)
  await prepare('formula mode re-run on its own output', first, ['--ties', 'min'], { rows: mixedRows() });

  const started = Date.now();
  await recalculate(toRecalculate, path.join(dir, 'recalculated'));
  console.log(`${version}: recalculated ${toRecalculate.length} workbooks in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 300_000);

function compareBlock(p: Prepared, values: ExcelJS.Worksheet, formulas: ExcelJS.Worksheet): string[] {
  const problems: string[] = [];
  const lastRow = Math.max(values.rowCount, formulas.rowCount);
  const checkColumn = p.startColumn + p.baseColumns;
  const hasCheck = [...Array(lastRow).keys()].some((r) => typeof shown(values.getCell(r + 1, checkColumn).value) === 'string');
  for (let r = 1; r <= lastRow; r++) {
    for (let c = 0; c <= p.baseColumns; c++) {
      const col = p.startColumn + c;
      const f: Plain = shownCell(formulas.getCell(r, col));
      if (c === p.baseColumns && !hasCheck) {
        // Formula mode always has Check; with no invalid row it stays empty.
        if (r !== p.headerRow && f !== null) problems.push(`${formulas.getCell(r, col).address}: Check is ${JSON.stringify(f)}, expected empty`);
        continue;
      }
      const v: Plain = shownCell(values.getCell(r, col));
      if (!Object.is(f, v) && f !== v) {
        problems.push(`${formulas.getCell(r, col).address}: formulas give ${JSON.stringify(f)}, values ${JSON.stringify(v)}`);
      }
    }
  }
  return problems;
}

test('LibreOffice is installed and recalculated every workbook', () => {
  expect(version).toMatch(/LibreOffice/);
  expect(prepared.length).toBeGreaterThan(CASES.length);
});

describe('recalculated formulas equal value mode on every row', () => {
  test.each(CASES.map((c) => c.name).concat([
    'edited weights and a threshold regrade everyone',
    'edited k and weights on the mixed table',
    'formula mode re-run on its own output',
  ]))('%s', async (name) => {
    const p = prepared.find((x) => x.name === name);
    if (!p) throw new Error(`case not prepared: ${name}`);
    const values = await readBook(p.valueFile);
    const formulas = await readBook(p.recalculated);
    const vs = values.getWorksheet(p.sheet);
    const fs = formulas.getWorksheet(p.sheet);
    if (!vs || !fs) throw new Error(`no sheet ${p.sheet}`);
    // The recalculated cells are still formulas (not values LibreOffice pasted).
    const probe = fs.getCell(p.headerRow + 1, p.startColumn).value;
    expect(probe && typeof probe === 'object' && 'formula' in probe).toBe(true);
    expect(compareBlock(p, vs, fs)).toEqual([]);
    // Scores are really there (not an all-empty block that trivially matches).
    const scored = [...Array(vs.rowCount).keys()].filter((r) => typeof shown(vs.getCell(r + 1, p.startColumn + 3).value) === 'number');
    expect(scored.length).toBeGreaterThanOrEqual(5);
  });
});

test('the re-run reused the parameter sheet instead of adding a second one', async () => {
  const p = prepared.find((x) => x.name === 'formula mode re-run on its own output')!;
  const wb = await readBook(p.recalculated);
  expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET, 'Notes', t('en', 'formula.sheetName')]);
});
