/**
 * Shared helpers for the `rfm-score` tests: temp dirs, running the CLI in-process, fixtures built
 * on the fly (CSV as plain strings, xlsx with exceljs, GBK bytes without iconv), and the hand-computed
 * expectations of the 10-customer table every suite reuses.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { run } from '../../src/cli/main';

// ---------- running the command ----------

export interface RunResult {
  code: number;
  out: string[];
  err: string[];
}

/** `rfm-score ARGS` in-process, capturing stdout/stderr lines. */
export async function rfm(args: string[]): Promise<RunResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

// ---------- temp dirs ----------

const dirs: string[] = [];

/** A fresh directory under os.tmpdir(); removed by removeTempDirs(). */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rfm-cli-test-'));
  dirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Every entry of a directory (dot files included), sorted. */
export function listDir(dir: string): string[] {
  return readdirSync(dir).sort();
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

// ---------- CSV ----------

/** One CSV field: quoted only when it has to be. */
function csvField(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text of rows, with a final line break. */
export function csvText(rows: readonly (readonly (string | number | null)[])[], newline = '\n'): string {
  return rows.map((r) => r.map(csvField).join(',')).join(newline) + newline;
}

/** Parse a CSV file written by the CLI (BOM stripped, final empty record dropped). */
/** A new temporary folder holding `rows` as `in.csv`. */
export function csvInput(rows: readonly (readonly (string | number | null)[])[]): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, 'in.csv');
  writeFileSync(file, csvText(rows));
  return { dir, file };
}

export function readCsvRows(file: string): string[][] {
  let text = readFileSync(file, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
  while (rows.length && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '') rows.pop();
  return rows;
}

// ---------- xlsx ----------

export async function writeXlsx(file: string, build: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  await wb.xlsx.writeFile(file);
}

export async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}; have ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

/** Values of one row from column `from` to `to` (1-based, inclusive). */
export function rowValues(ws: ExcelJS.Worksheet, row: number, from: number, to: number): ExcelJS.CellValue[] {
  const out: ExcelJS.CellValue[] = [];
  for (let c = from; c <= to; c++) out.push(ws.getCell(row, c).value);
  return out;
}

/** Every non-empty cell of a sheet: address → value. */
export function cellMap(ws: ExcelJS.Worksheet): Map<string, ExcelJS.CellValue> {
  const map = new Map<string, ExcelJS.CellValue>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      map.set(cell.address, cell.value);
    });
  });
  return map;
}

// ---------- GBK without iconv ----------

let gbkTable: Map<string, [number, number]> | null | undefined;

/**
 * Encode text as GBK by inverting Node's (ICU) GBK decoder over every two-byte sequence.
 * Returns undefined when this Node has no GBK decoder or a character has no GBK code.
 */
export function encodeGbk(text: string): Buffer | undefined {
  if (gbkTable === undefined) {
    try {
      const decoder = new TextDecoder('gbk');
      const table = new Map<string, [number, number]>();
      for (let a = 0x81; a <= 0xfe; a++) {
        for (let b = 0x40; b <= 0xfe; b++) {
          if (b === 0x7f) continue;
          const s = decoder.decode(Uint8Array.of(a, b));
          if (s.length === 1 && s !== '\uFFFD' && !table.has(s)) table.set(s, [a, b]);
        }
      }
      gbkTable = table;
    } catch {
      gbkTable = null;
    }
  }
  if (!gbkTable) return undefined;
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(ch);
      if (!pair) return undefined;
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

// ---------- the 10-customer table ----------

export interface Customer {
  id: string;
  region: string;
  r: number;
  f: number;
  m: number;
}

/**
 * n = 10, k = 5: score = 5 − floor(5·(rank − 1)/10) = 5 − floor((rank − 1)/2),
 * so ranks 1–2 → 5, 3–4 → 4, 5–6 → 3, 7–8 → 2, 9–10 → 1.
 *
 * R ascending : 3 C01, 7 C04, 15 C02, 25 C06, 33 C10 | 40 C03, 60 C08, 90 C07, 120 C09, 200 C05
 *   → C01 5, C04 5, C02 4, C06 4, C10 3, C03 3, C08 2, C07 2, C09 1, C05 1
 * F descending: 20 C04, 15 C10, 12 C01, 9 C08, 8 C03 | 5 C06, 4 C09, 3 C07, 2 C02, 1 C05
 *   → C04 5, C10 5, C01 4, C08 4, C03 3, C06 3, C09 2, C07 2, C02 1, C05 1
 * M descending: 9100 C04, 7000 C10, 5200 C02, 3600 C08, 2000 C06 | 1234.5 C09, 800 C01, 400 C07, 150 C03, 60 C05
 *   → C04 5, C10 5, C02 4, C08 4, C06 3, C09 3, C01 2, C07 2, C03 1, C05 1
 */
export const CUSTOMERS: Customer[] = [
  { id: 'C01', region: 'North', r: 3, f: 12, m: 800 },
  { id: 'C02', region: 'South', r: 15, f: 2, m: 5200 },
  { id: 'C03', region: 'East', r: 40, f: 8, m: 150 },
  { id: 'C04', region: 'West', r: 7, f: 20, m: 9100 },
  { id: 'C05', region: 'North', r: 200, f: 1, m: 60 },
  { id: 'C06', region: 'South', r: 25, f: 5, m: 2000 },
  { id: 'C07', region: 'East', r: 90, f: 3, m: 400 },
  { id: 'C08', region: 'West', r: 60, f: 9, m: 3600 },
  { id: 'C09', region: 'North', r: 120, f: 4, m: 1234.5 },
  { id: 'C10', region: 'South', r: 33, f: 15, m: 7000 },
];

/** [R score, F score, M score, RFM score, grade] */
export type Scored = [number, number, number, number, string];

/**
 * Default scheme: 0.3·R + 0.3·F + 0.4·M, A ≥ 4, B ≥ 3, C ≥ 2, D.
 *   C01 5,4,2 → 1.5+1.2+0.8 = 3.5 B     C06 4,3,3 → 1.2+0.9+1.2 = 3.3 B
 *   C02 4,1,4 → 1.2+0.3+1.6 = 3.1 B     C07 2,2,2 → 0.6+0.6+0.8 = 2   C
 *   C03 3,3,1 → 0.9+0.9+0.4 = 2.2 C     C08 2,4,4 → 0.6+1.2+1.6 = 3.4 B
 *   C04 5,5,5 → 5 A                     C09 1,2,3 → 0.3+0.6+1.2 = 2.1 C
 *   C05 1,1,1 → 1 D                     C10 3,5,5 → 0.9+1.5+2.0 = 4.4 A
 * Grades: A 2, B 4, C 3, D 1.
 */
export const EXPECTED: Record<string, Scored> = {
  C01: [5, 4, 2, 3.5, 'B'],
  C02: [4, 1, 4, 3.1, 'B'],
  C03: [3, 3, 1, 2.2, 'C'],
  C04: [5, 5, 5, 5, 'A'],
  C05: [1, 1, 1, 1, 'D'],
  C06: [4, 3, 3, 3.3, 'B'],
  C07: [2, 2, 2, 2, 'C'],
  C08: [2, 4, 4, 3.4, 'B'],
  C09: [1, 2, 3, 2.1, 'C'],
  C10: [3, 5, 5, 4.4, 'A'],
};

export const HEADERS_EN = ['R Score', 'F Score', 'M Score', 'RFM Score', 'Grade'];
export const HEADERS_ZH = ['R得分', 'F得分', 'M得分', 'RFM得分', '客户等级'];

/** Expected values as the CSV writer prints them. */
export function scoredText(s: Scored): string[] {
  return s.map(String);
}

/** The base table with English headers: ID, Region, then R/F/M in C/D/E (not the first columns). */
export function baseRows(): (string | number)[][] {
  return [
    ['Customer ID', 'Region', 'Recency', 'Frequency', 'Monetary'],
    ...CUSTOMERS.map((c) => [c.id, c.region, c.r, c.f, c.m]),
  ];
}
