/**
 * The check before exceljs loads a user's workbook (src/cli/xlsx/preflight.ts, docs/xlsx.md "Limits
 * and bad input"): `--transactions` on xlsx input and xlsx input to CSV output refuse bombs, cells
 * outside Excel's grid and output columns past XFD with exit 2 and one line, before exceljs builds
 * the workbook, and leave nothing behind. `--formulas`, which streams (docs/formulas.md), refuses
 * the same inputs with the streaming path's messages.
 */
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { listDir, removeTempDirs, rfm, tempDir } from './helpers';
import { FIXTURE_CUSTOMERS, minimalParts, num, str, writeParts } from './xlsxParts';

afterAll(removeTempDirs);

function letters(n: number): string {
  let s = '';
  for (let c = n + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

const HEADER = str('A1', 'ID') + str('B1', 'R') + str('C1', 'F') + str('D1', 'M');
const ROWS = [HEADER, ...FIXTURE_CUSTOMERS.map((c, i) => str(`A${i + 2}`, c.id) + num(`B${i + 2}`, c.r) + num(`C${i + 2}`, c.f) + num(`D${i + 2}`, c.m))];

/** Runs `args` and expects exit 2, one line matching `message`, nothing written next to the input. */
async function refused(dir: string, args: string[], message: RegExp): Promise<void> {
  const before = listDir(dir);
  const res = await rfm(args);
  expect(res.err).toHaveLength(1);
  expect(res.err[0]).toMatch(message);
  expect(res.code).toBe(2);
  expect(res.out).toEqual([]);
  expect(listDir(dir)).toEqual(before);
}

describe('xlsx input loaded whole: checked first', () => {
  test('a wide header whose formula columns would pass XFD (values alone would fit)', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'wide.xlsx');
    // 16,379 columns: the 5 value columns end in XFD, formula mode's 9 columns would end past it.
    const header = ['ID', 'Recency', 'Frequency', 'Monetary'].map((h, c) => str(`${letters(c)}1`, h)).join('') + Array.from({ length: 16_375 }, (_, i) => str(`${letters(i + 4)}1`, `x${i}`)).join('');
    await writeParts(input, minimalParts([header, str('A2', 'C1') + num('B2', 1) + num('C2', 2) + num('D2', 3)]));
    await refused(dir, [input, '--out', path.join(dir, 'out.xlsx'), '--formulas'], /wide\.xlsx uses columns up to XEY: the 9 output columns would go past column XFD/);
    await refused(dir, [input, '--out', path.join(dir, 'out.xlsx'), '--formulas', '--segments', '--follow-up'], /the 11 output columns would go past column XFD/);
    // Value mode's 5 columns fit.
    expect((await rfm([input, '--out', path.join(dir, 'values.xlsx')])).code).toBe(0);
    // The same file to CSV has no column limit: scored.
    const res = await rfm([input, '--out', path.join(dir, 'out.csv')]);
    expect(res.code).toBe(0);
    expect(res.out[0]).toMatch(/^Scored 1 of 1 customers/);
  });

  test('16,384 header columns with --formulas: exit 2 naming the limit', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'full.xlsx');
    const header = ['ID', 'Recency', 'Frequency', 'Monetary'].map((h, c) => str(`${letters(c)}1`, h)).join('') + Array.from({ length: 16_380 }, (_, i) => str(`${letters(i + 4)}1`, `x${i}`)).join('');
    await writeParts(input, minimalParts([header, str('A2', 'C1') + num('B2', 1) + num('C2', 2) + num('D2', 3)]));
    await refused(dir, [input, '--out', path.join(dir, 'out.xlsx'), '--formulas'], /full\.xlsx uses columns up to XFD: the 9 output columns would go past column XFD, Excel's limit of 16,384 columns/);
  });

  test('a cell past column XFD: exit 2 before exceljs loads it', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'past.xlsx');
    await writeParts(input, minimalParts([HEADER + str('XFE1', 'x'), ...ROWS.slice(1)]));
    const message = /past\.xlsx: sheet "Data" has a cell at XFE1, outside Excel's grid/;
    await refused(dir, [input, '--out', path.join(dir, 'out.csv')], message);
    await refused(dir, [input, '--out', path.join(dir, 'out.xlsx'), '--formulas'], /past\.xlsx uses columns up to XFD: the 9 output columns would go past column XFD/);
  });

  test('a zip bomb via --transactions: refused from the sizes, not when memory runs out', async () => {
    const dir = tempDir();
    const bomb = path.join(dir, 'bomb.xlsx');
    const parts = minimalParts([str('A1', 'Customer') + str('B1', 'Date') + str('C1', 'Amount')]);
    parts[4][1] = Buffer.concat([Buffer.from(String(parts[4][1]).replace('</worksheet>', '')), Buffer.alloc(300 * 1024 * 1024, 0x20), Buffer.from('</worksheet>')]);
    await writeParts(bomb, parts, 9);
    expect(statSync(bomb).size).toBeLessThan(2 * 1024 * 1024);
    const heap = process.memoryUsage().rss;
    await refused(dir, [bomb, '--transactions', '--out', path.join(dir, 'out.xlsx')], /bomb\.xlsx: part xl\/worksheets\/sheet1\.xml inflates to more than 256 MB/);
    await refused(dir, [bomb, '--transactions', '--out', path.join(dir, 'out.csv')], /bomb\.xlsx: part xl\/worksheets\/sheet1\.xml inflates to more than 256 MB/);
    // exceljs would have held the 300 MB part (and more) before failing.
    expect(process.memoryUsage().rss - heap).toBeLessThan(200 * 1024 * 1024);
  });

  test('a bomb in a part nobody reads, and a shared-strings text bomb, via --formulas and to CSV', async () => {
    const dir = tempDir();
    const media = path.join(dir, 'media.xlsx');
    const parts = minimalParts(ROWS);
    parts.push(['xl/media/blob.bin', Buffer.alloc(300 * 1024 * 1024)]);
    await writeParts(media, parts, 9);
    await refused(dir, [media, '--out', path.join(dir, 'out.xlsx'), '--formulas'], /media\.xlsx: part xl\/media\/blob\.bin inflates to more than 256 MB/);

    const sst = path.join(dir, 'sst.xlsx');
    const sparts = minimalParts([`<c r="A1" t="s"><v>0</v></c>` + str('B1', 'R') + str('C1', 'F') + str('D1', 'M'), str('A2', 'x') + num('B2', 1) + num('C2', 1) + num('D2', 1)]);
    sparts[0][1] = String(sparts[0][1]).replace('</Types>', '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>');
    sparts[3][1] = String(sparts[3][1]).replace(
      '</Relationships>',
      '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    );
    const head = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>ID</t></si><si><t>';
    sparts.push(['xl/sharedStrings.xml', Buffer.concat([Buffer.from(head), Buffer.alloc(300 * 1024 * 1024, 0x61), Buffer.from('</t></si></sst>')])]);
    await writeParts(sst, sparts, 9);
    await refused(dir, [sst, '--out', path.join(dir, 'out.csv')], /sst\.xlsx: part xl\/sharedStrings\.xml inflates to more than 256 MB/);
  });

  test('a sound workbook still goes through: --formulas and to CSV', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'ok.xlsx');
    await writeParts(input, minimalParts(ROWS));
    for (const args of [['--out', path.join(dir, 'f.xlsx'), '--formulas'], ['--out', path.join(dir, 'c.csv')]]) {
      const res = await rfm([input, ...args]);
      expect(res.err).toEqual([]);
      expect(res.out[0]).toMatch(/^Scored 10 of 10 customers/);
    }
  });
});

describe('rows and cells without addresses', () => {
  test('read by the paths that load the workbook whole, as by the streaming path', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'positional.xlsx');
    // The `r` attributes are optional (ECMA-376): some writers leave them out; exceljs cannot read that.
    const parts = minimalParts(ROWS);
    parts[4][1] = String(parts[4][1]).replace(/<row r="\d+">/g, '<row>').replace(/ r="[A-Z]+\d+"/g, '');
    await writeParts(input, parts);
    for (const args of [['--out', path.join(dir, 'f.xlsx'), '--formulas'], ['--out', path.join(dir, 'c.csv')], ['--out', path.join(dir, 's.xlsx')]]) {
      const res = await rfm([input, ...args]);
      expect(res.err).toEqual([]);
      expect(res.out[0]).toMatch(/^Scored 10 of 10 customers/);
    }
  });
});
