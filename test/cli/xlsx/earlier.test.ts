/**
 * The earlier result of --previous read on the streaming reader (src/cli/xlsx/earlier.ts,
 * docs/xlsx.md "Speed and memory"): below the header row only the compared columns are kept, and a
 * row with values elsewhere still reads as a row.
 */
import * as path from 'node:path';
import { withEarlierBook } from '../../../src/cli/xlsx/earlier';
import { removeTempDirs, tempDir } from '../helpers';
import { minimalParts, num, str, writeParts } from '../xlsxParts';

afterAll(removeTempDirs);

describe('withEarlierBook rows', () => {
  test('whole rows without a column list; only the kept columns below the header with one', async () => {
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
    const kept = await withEarlierBook(file, (book) => book.rows('Data', { headerRow: 0, columns: [0, 2, 3] }));
    expect(kept?.[0]).toEqual(['ID', 'Region', 'R', 'Grade']);
    expect(Object.entries(kept![1])).toEqual([['0', 'C1'], ['2', 3], ['3', 'A']]);
    expect(Object.entries(kept![2])).toEqual([['1', 'South']]);
    expect(Object.entries(kept![3])).toEqual([['0', 'C2'], ['2', 9]]);
    expect(await withEarlierBook(file, (book) => book.rows('Nope'))).toBeUndefined();
  });
});
