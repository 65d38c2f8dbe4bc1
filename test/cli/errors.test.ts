/**
 * SPEC.md 7, bad arguments or input: exit code 2, exactly one clear line on stderr (no stack trace),
 * no output file (and no temp file) left behind, the input file byte for byte unchanged.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { baseRows, csvText, listDir, removeTempDirs, rfm, sha256, tempDir, writeXlsx } from './helpers';

afterAll(removeTempDirs);

/** Deterministic "random" bytes (no zip signature anywhere). */
function noise(length: number): Buffer {
  const b = Buffer.alloc(length);
  let x = 0x2545f491;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

type Fixture = 'csv' | 'xlsx' | 'corrupt' | 'csvAsXlsx' | 'allInvalid' | 'brokenQuotes' | 'empty' | 'headerOnly' | 'dir' | 'none';

async function makeInput(dir: string, kind: Fixture): Promise<string> {
  switch (kind) {
    case 'csv':
    case 'allInvalid': {
      const file = path.join(dir, 'in.csv');
      const rows =
        kind === 'csv'
          ? baseRows()
          : [
              ['Customer ID', 'Recency', 'Frequency', 'Monetary'],
              ['C01', 'n/a', 3, 100],
              ['C02', 5, -1, 100],
              ['C03', 5, 3, ''],
            ];
      writeFileSync(file, csvText(rows));
      return file;
    }
    case 'xlsx': {
      const file = path.join(dir, 'in.xlsx');
      await writeXlsx(file, (wb) => {
        const ws = wb.addWorksheet('Customers');
        baseRows().forEach((r) => ws.addRow(r));
        wb.addWorksheet('Notes').getCell('A1').value = 'x';
      });
      return file;
    }
    case 'corrupt': {
      const file = path.join(dir, 'in.xlsx');
      writeFileSync(file, noise(4096));
      return file;
    }
    case 'csvAsXlsx': {
      const file = path.join(dir, 'in.xlsx');
      writeFileSync(file, csvText(baseRows()));
      return file;
    }
    case 'brokenQuotes':
    case 'empty':
    case 'headerOnly': {
      const file = path.join(dir, 'in.csv');
      const text = {
        brokenQuotes: 'Customer ID,Recency,Frequency,Monetary\nC01,5,3,100\nC02,"7,2,300\n',
        empty: '',
        headerOnly: 'Customer ID,Recency,Frequency,Monetary\n',
      }[kind];
      writeFileSync(file, text);
      return file;
    }
    case 'dir': {
      const sub = path.join(dir, 'folder.csv');
      mkdirSync(sub);
      return sub;
    }
    case 'none':
      return path.join(dir, 'missing.csv');
  }
}

interface Case {
  name: string;
  input: Fixture;
  /** Arguments after the input; IN, OUT and DIR stand for the input, the output and the temp dir. */
  args: string[];
  /** The stderr line after "rfm-score: " (IN/OUT replaced). */
  message: string;
  /** The line only starts with `message` (the rest is a library's own wording). */
  prefix?: boolean;
}

const cases: Case[] = [
  { name: 'missing input file', input: 'none', args: ['--out', 'OUT'], message: 'Input file not found: IN' },
  { name: 'input is a directory', input: 'dir', args: ['--out', 'OUT'], message: 'Input is not a file: IN' },
  { name: 'CSV with an unterminated quote', input: 'brokenQuotes', args: ['--out', 'OUT'], message: 'Cannot read IN as CSV: row 3: ', prefix: true },
  { name: 'empty CSV file', input: 'empty', args: ['--out', 'OUT'], message: 'The sheet is empty: there is no table to score' },
  { name: 'header row and no data', input: 'headerOnly', args: ['--out', 'OUT'], message: 'The table has a header row but no data rows: there is no customer to score' },
  { name: 'corrupt xlsx (random bytes)', input: 'corrupt', args: ['--out', 'OUT'], message: 'Cannot read IN as an xlsx workbook: it is not a complete zip package (', prefix: true },
  { name: 'CSV text saved as .xlsx', input: 'csvAsXlsx', args: ['--out', 'OUT'], message: 'Cannot read IN as an xlsx workbook: it is not a complete zip package (', prefix: true },
  { name: 'unknown sheet', input: 'xlsx', args: ['--out', 'OUT', '--sheet', 'Nope'], message: 'No sheet "Nope" in IN (sheets: "Customers", "Notes")' },
  { name: '--sheet with a CSV input', input: 'csv', args: ['--out', 'OUT', '--sheet', 'Data'], message: '--sheet only applies to .xlsx input; IN is a CSV file' },
  { name: 'column header that does not exist', input: 'csv', args: ['--out', 'OUT', '--r', 'Zebra'], message: 'No column "Zebra" for R: give a column letter or the exact header text' },
  { name: 'column letter past the table', input: 'xlsx', args: ['--out', 'OUT', '--m', 'Z'], message: 'The M column Z is empty: there is no data in it' },
  { name: 'two metrics on one column', input: 'csv', args: ['--out', 'OUT', '--r', 'C', '--f', 'C'], message: 'R and F are the same column' },
  { name: 'weights that are not numbers', input: 'csv', args: ['--out', 'OUT', '--weights', 'a,b,c'], message: 'Weight "a" is not a non-negative decimal number' },
  { name: 'two weights instead of three', input: 'csv', args: ['--out', 'OUT', '--weights', '0.5,0.5'], message: 'Weights must be three numbers (R,F,M), got 2' },
  { name: 'weights not summing to 1', input: 'csv', args: ['--out', 'OUT', '--weights', '0.3,0.3,0.3'], message: 'Weights must add up to exactly 1; they add up to 0.9' },
  { name: 'cut-offs not ascending', input: 'csv', args: ['--out', 'OUT', '--r-method', 'breaks:30,90,60'], message: 'R cut-offs must be strictly ascending: 30,90,60' },
  { name: 'unknown method', input: 'csv', args: ['--out', 'OUT', '--m-method', 'decile'], message: 'Unknown method for M: "decile" (use quintile, raw or breaks:T1,T2,…)' },
  { name: 'unknown tie policy', input: 'csv', args: ['--out', 'OUT', '--ties', 'max'], message: 'Unknown tie policy "max" (use average, min or first)' },
  { name: 'bins out of range', input: 'csv', args: ['--out', 'OUT', '--bins', '1'], message: 'Bins must be a whole number from 2 to 100, got "1"' },
  { name: 'grades not descending', input: 'csv', args: ['--out', 'OUT', '--grades', 'A:2,B:3,C'], message: 'Grade thresholds must go down from the first grade to the last (at "B")' },
  { name: '--weights with --variant additive', input: 'csv', args: ['--out', 'OUT', '--variant', 'additive', '--weights', '0.3,0.3,0.4'], message: '--weights only applies to --variant weighted' },
  { name: 'unknown option', input: 'csv', args: ['--out', 'OUT', '--colour', 'red'], message: 'Unknown option --colour (see rfm-score --help)' },
  { name: 'unknown language', input: 'csv', args: ['--out', 'OUT', '--lang', 'fr'], message: 'Unknown language "fr" (use en or zh)' },
  { name: '--out without a value', input: 'csv', args: ['--out'], message: 'Option --out needs a value' },
  { name: 'no --out', input: 'csv', args: [], message: 'No output file given: add --out OUTPUT.xlsx or --out OUTPUT.csv' },
  { name: 'output that is neither xlsx nor csv', input: 'csv', args: ['--out', 'OUT.txt'], message: 'Output must be an .xlsx, .xlsm or .csv file: OUT.txt' },
  { name: 'output folder that does not exist', input: 'csv', args: ['--out', 'DIR/no-such-dir/out.csv'], message: 'Cannot write DIR/no-such-dir/out.csv: ', prefix: true },
  { name: '--out equal to the input', input: 'csv', args: ['--out', 'IN'], message: 'The output file must not be the input file (IN): the input is never modified' },
  { name: 'a table where every row is invalid', input: 'allInvalid', args: ['--out', 'OUT'], message: 'No row has valid R, F and M values (first problem: B2: R is not a number)' },
];

describe('bad input: exit 2, one line, nothing written, input untouched', () => {
  test.each(cases)('$name', async ({ input: kind, args, message, prefix }) => {
    const dir = tempDir();
    const input = await makeInput(dir, kind);
    const output = path.join(dir, kind === 'xlsx' ? 'out.xlsx' : 'out.csv');
    const fill = (s: string) => s.replace(/\bIN\b/g, input).replace(/\bOUT\b/g, output).replace(/\bDIR\b/g, dir);
    const listing = listDir(dir);
    const hash = kind === 'none' || kind === 'dir' ? undefined : sha256(input);

    const res = await rfm([input, ...args.map(fill)]);

    expect(res.code).toBe(2);
    expect(res.err).toHaveLength(1);
    const line = res.err[0];
    expect(line.startsWith('rfm-score: ')).toBe(true);
    expect(line).not.toContain('\n');
    expect(line).not.toContain('    at ');
    const text = line.slice('rfm-score: '.length);
    if (prefix) {
      expect(text.slice(0, fill(message).length)).toBe(fill(message));
    } else {
      expect(text).toBe(fill(message));
    }
    expect(res.out).toEqual([]);
    // No output, no temp file: the directory is exactly as before, the input unchanged.
    expect(listDir(dir)).toEqual(listing);
    if (hash) expect(sha256(input)).toBe(hash);
  });

  test('--out naming the input another way (./ spelling, a symlink) is refused too', async () => {
    const dir = tempDir();
    const input = await makeInput(dir, 'csv');
    const hash = sha256(input);
    const link = path.join(dir, 'link.csv');
    symlinkSync(input, link);
    for (const out of [`${dir}/./in.csv`, link]) {
      const res = await rfm([input, '--out', out]);
      expect(res.code).toBe(2);
      expect(res.err).toEqual([`rfm-score: The output file must not be the input file (${out}): the input is never modified`]);
    }
    expect(sha256(input)).toBe(hash);
    expect(listDir(dir)).toEqual(['in.csv', 'link.csv']);
  });

  test('a failed run leaves an existing output file exactly as it was', async () => {
    const dir = tempDir();
    const input = await makeInput(dir, 'allInvalid');
    const output = path.join(dir, 'out.csv');
    writeFileSync(output, 'previous result\n');
    const hashes = [sha256(input), sha256(output)];

    const res = await rfm([input, '--out', output]);

    expect(res.code).toBe(2);
    expect(res.err).toHaveLength(1);
    expect([sha256(input), sha256(output)]).toEqual(hashes);
    expect(listDir(dir)).toEqual(['in.csv', 'out.csv']);
  });

  test('errors are in Chinese with --lang zh, still one line with the cell address', async () => {
    const dir = tempDir();
    const input = await makeInput(dir, 'allInvalid');
    const res = await rfm([input, '--out', path.join(dir, 'out.csv'), '--lang', 'zh']);
    expect(res.code).toBe(2);
    expect(res.err).toEqual(['rfm-score：没有一行的R值、F值、M值全部有效（第一个问题：B2：R值不是数字）']);
    expect(listDir(dir)).toEqual(['in.csv']);
  });
});
