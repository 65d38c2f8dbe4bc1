/**
 * The earlier result of --previous read on the streaming reader (src/cli/xlsx/earlier.ts,
 * docs/xlsx.md "Speed and memory"): whole rows, or one row at a time without keeping them.
 */
import * as path from 'node:path';
import { withEarlierBook } from '../../../src/cli/xlsx/earlier';
import { removeTempDirs, tempDir } from '../helpers';
import { minimalParts, num, str, writeParts } from '../xlsxParts';

afterAll(removeTempDirs);

describe('withEarlierBook rows', () => {
  test('rows held whole, or handed over one at a time and stopped on request', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'prev.xlsx');
    await writeParts(
      file,
      minimalParts([
        [str('A1', 'ID'), str('B1', 'Region'), str('C1', 'R'), str('D1', 'Grade')].join(''),
        [str('A2', 'C1'), str('B2', 'North'), num('C2', 3), str('D2', 'A')].join(''),
        // Values only outside the kept columns: the first one stays, so the row is not empty.
        [str('B3', 'South'), str('E3', 'note')].join(''),
        [str('A4', 'C2'), num('C4', 9)].join(''),
      ]),
    );
    const whole = await withEarlierBook(file, (book) => book.rows('Data'));
    expect(whole).toEqual([
      ['ID', 'Region', 'R', 'Grade'],
      ['C1', 'North', 3, 'A'],
      [null, 'South', null, null, 'note'],
      ['C2', null, 9],
    ]);
    const seen: Array<[number, unknown[]]> = [];
    const found = await withEarlierBook(file, (book) =>
      book.read('Data', (i, cells) => {
        seen.push([i, cells]);
        return i < 2;
      }),
    );
    expect(found).toBe(true);
    // Stopping takes effect at the end of the inflated chunk: the rows come in order, up to there.
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual(whole!.slice(0, seen.length).map((cells, i) => [i, cells]));
    expect(await withEarlierBook(file, (book) => book.read('Nope', () => undefined))).toBe(false);
    expect(await withEarlierBook(file, (book) => book.rows('Nope'))).toBeUndefined();
  });
});
