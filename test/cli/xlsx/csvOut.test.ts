/**
 * xlsx to CSV on the streaming reader (docs/xlsx.md "xlsx to CSV", src/cli/xlsx/csvOut.ts): the
 * lines the exceljs route wrote (Papa Parse's quoting, the formula escape, BOM and CRLF), a number
 * cell past a double refused with the cell named, and nothing written when a run fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { FORMULA_START } from '../../../src/cli/csvFile';
import { papaField } from '../../../src/cli/xlsx/csvOut';
import { listDir, removeTempDirs, rfm, sha256, tempDir } from '../helpers';
import { minimalParts, num, str, writeParts } from '../xlsxParts';

afterAll(removeTempDirs);

const HEADER = [str('A1', 'ID'), str('B1', 'R'), str('C1', 'F'), str('D1', 'M'), str('E1', 'Note')];

function customer(row: number, id: string, r: number, f: number, m: number, ...rest: string[]): string {
  return [str(`A${row}`, id), num(`B${row}`, r), num(`C${row}`, f), num(`D${row}`, m), ...rest].join('');
}

describe('papaField', () => {
  test('writes a field exactly as Papa Parse unparses it, with and without the formula escape', () => {
    const value = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\r', '\n', '=', '+', '-', '@', '\t', '\uFEFF', '中', '1') }),
      fc.double({ noNaN: true }),
      fc.integer(),
    );
    fc.assert(
      fc.property(value, fc.boolean(), (v, escape) => {
        const papa = Papa.unparse([[v]], escape ? { escapeFormulae: FORMULA_START } : {});
        expect(papaField(v, escape)).toBe(papa);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('xlsx to CSV', () => {
  test('every kind of cell, the output appended to header and data rows, other rows as they are', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'book.xlsx');
    const output = path.join(dir, 'book.csv');
    const rows = [
      HEADER.join(''),
      customer(2, 'C1', 3, 12, 800, str('E2', '=HYPERLINK("x")')),
      customer(3, 'C2', 40, 2, 120.5, '<c r="E3" t="b"><v>1</v></c>', '<c r="G3" s="0"/>'),
      customer(4, 'C3', 200, 1, 35, '<c r="E4" t="e"><v>#N/A</v></c>'),
      customer(5, 'C4', 9, 8, 640, str('E5', ' a, "b"')),
      customer(6, 'C5', 60, 4, 99, '<c r="E6" t="str"><f>"x"&amp;"y"</f><v>xy</v></c>'),
      '',
      `${str('A8', 'Total')}<c r="D8"><f>SUM(D2:D6)</f><v>1694.5</v></c>`,
    ];
    await writeParts(input, minimalParts(rows));
    const before = sha256(input);

    const res = await rfm([input, '--out', output]);

    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(sha256(input)).toBe(before);
    expect(res.out.at(-1)).toBe(`Wrote ${output}`);
    expect(readFileSync(output, 'utf8')).toBe(
      '\uFEFF' +
        [
          // A row of the table without valid R, F, M (the total) adds the Check column.
          'ID,R,F,M,Note,R Score,F Score,M Score,RFM Score,Grade,Check',
          `C1,3,12,800,"'=HYPERLINK(""x"")",5,5,5,5,A,`,
          'C2,40,2,120.5,TRUE,3,2,3,2.7,C,',
          'C3,200,1,35,#N/A,1,1,1,1,D,',
          'C4,9,8,640," a, ""b""",4,4,4,4,A,',
          'C5,60,4,99,xy,2,3,2,2.3,C,',
          '',
          'Total,,,1694.5,,,,,,,R is empty; F is empty',
          '',
        ].join('\r\n'),
    );
  });

  test('a re-run: the previous output columns are dropped and written again', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'book.xlsx');
    const first = path.join(dir, 'first.xlsx');
    await writeParts(input, minimalParts([HEADER.join(''), customer(2, 'C1', 3, 12, 800), customer(3, 'C2', 40, 2, 120), customer(4, 'C3', 200, 1, 35, str('E4', '-x'))]));
    expect((await rfm([input, '--out', first])).code).toBe(0);
    const again = path.join(dir, 'again.csv');
    const direct = path.join(dir, 'direct.csv');

    const res = await rfm([first, '--out', again]);
    expect(res.code).toBe(0);
    expect(res.out).toContain('Replaced 5 output columns of an earlier run');
    expect((await rfm([input, '--out', direct])).code).toBe(0);

    const lines = readFileSync(again, 'utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFFID,R,F,M,Note,R Score,F Score,M Score,RFM Score,Grade');
    // The kept cells of a scored row are quoted again without the escape their ' already carries.
    expect(lines[3]).toBe("C3,200,1,35,'-x,2,2,2,2,C");
    expect(readFileSync(direct, 'utf8').split('\r\n')[3]).toBe(`C3,200,1,35,"'-x",2,2,2,2,C`);
  });

  test('a number cell past a double is exit 2 naming the cell, and nothing is written', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'huge.xlsx');
    await writeParts(input, minimalParts([HEADER.join(''), customer(2, 'C1', 3, 12, 800), `${str('A3', 'C2')}${num('B3', 4)}${num('C3', 2)}<c r="D3"><v>1.8e308</v></c>`]));

    const res = await rfm([input, '--out', path.join(dir, 'out.csv')]);

    expect(res.code).toBe(2);
    expect(res.err).toEqual([
      'rfm-score: Cannot read ' +
        input +
        ': cell D3 of sheet "Data" holds the number 1.8e308, beyond the largest number a spreadsheet holds (1.7976931348623157e308); correct the cell, or store it as text; nothing was written',
    ]);
    expect(listDir(dir)).toEqual(['huge.xlsx']);
    // The same text stored as text is a cell like any other: the row is not scored, the run goes on.
    const text = path.join(dir, 'text.xlsx');
    await writeParts(text, minimalParts([HEADER.join(''), customer(2, 'C1', 3, 12, 800), `${str('A3', 'C2')}${num('B3', 4)}${num('C3', 2)}${str('D3', '1.8e308')}`]));
    const ok = await rfm([text, '--out', path.join(dir, 'text.csv')]);
    expect(ok.code).toBe(0);
    expect(readFileSync(path.join(dir, 'text.csv'), 'utf8').split('\r\n')[2]).toBe('C2,4,2,1.8e308,,,,,,,M is not a finite number');
  });

  test('a cell outside the grid is exit 2 naming it; --sheet picks the sheet; zh messages', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'wide.xlsx');
    await writeParts(input, minimalParts([HEADER.join(''), customer(2, 'C1', 3, 12, 800, str('XFE2', 'far'))]));
    const res = await rfm([input, '--out', path.join(dir, 'out.csv'), '--lang', 'zh']);
    expect(res.code).toBe(2);
    expect(res.err).toHaveLength(1);
    expect(res.err[0]).toContain('XFE2');
    expect(res.err[0]).toContain('超出Excel的1048576行×16384列范围');
    expect(existsSync(path.join(dir, 'out.csv'))).toBe(false);

    const unknown = await rfm([input, '--out', path.join(dir, 'out.csv'), '--sheet', 'Nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.err[0]).toMatch(/Nope/);
  });
});
