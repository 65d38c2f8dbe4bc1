/**
 * The CSV scanner (docs/engine.md, "CSV scanner"): line breaks, RFC 4180 quoting, the number forms
 * parsed from bytes against the engine's own cell parser, and quote errors.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { defaultScheme, scoreTable } from '../../src/core';
import { removeTempDirs, rfm, tempDir } from './helpers';

afterAll(removeTempDirs);

async function scoreFile(text: string | Buffer, args: string[] = []): Promise<{ out: string; lines: string[]; stdout: string[] }> {
  const dir = tempDir();
  const input = path.join(dir, 'in.csv');
  const output = path.join(dir, 'out.csv');
  writeFileSync(input, text);
  const res = await rfm([input, '--out', output, ...args]);
  expect(res.err).toEqual([]);
  expect(res.code).toBe(0);
  const out = readFileSync(output, 'utf8');
  return { out, lines: out.split(/\r?\n/), stdout: res.out };
}

describe('CSV scanner', () => {
  test('a CRLF file with one LF-only line: that line still ends there (four customers, not three)', async () => {
    const { out, lines, stdout } = await scoreFile('id,R,F,M\r\n1,10,2,300\r\n2,5,1,200\n3,7,3,20\r\n4,1,1,1\r\n');
    expect(stdout[0]).toContain('Scored 4 of 4 customers');
    // Worked by hand: R 2,4,3,5; F 4,2,5,2 (F = 1 tied at ranks 3 and 4: average 3.5); M 5,4,3,2.
    expect(lines.slice(1, 5)).toEqual([
      '1,10,2,300,2,4,5,3.8,B',
      '2,5,1,200,4,2,4,3.4,B',
      '3,7,3,20,3,5,3,3.6,B',
      '4,1,1,1,5,2,2,2.9,C',
    ]);
    // The file's line break (CRLF) joins every output line.
    expect(out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(out.endsWith('\r\n')).toBe(true);
  });

  test('quoted fields: delimiters, escaped quotes and line breaks inside quotes; lines kept byte for byte', async () => {
    const rows = [
      'id,name,R,F,M',
      '1,"a, b",10,2,"1,234.50"',
      '2,"two\nlines",5,1,300',
      '3,"say ""hi""",7,3,20',
      '4,"""",1,1,1',
    ];
    const { lines, stdout } = await scoreFile(`${rows.join('\n')}\n`);
    expect(stdout[0]).toContain('Scored 4 of 4 customers');
    const out = lines.join('\n');
    expect(out).toContain('1,"a, b",10,2,"1,234.50",2,4,5,3.8,B');
    expect(out).toContain('2,"two\nlines",5,1,300,4,2,4,3.4,B');
    expect(out).toContain('3,"say ""hi""",7,3,20,3,5,3,3.6,B');
    expect(out).toContain('4,"""",1,1,1,5,2,2,2.9,C');
  });

  test('every number form gives the scores the engine gives the same cells', async () => {
    const cells = ['10', ' 12 ', '$5', '¥1e3', '007', '3.', '.5', '1.2345678901234567', '0.1', '123456789012345678', '2.50', '1,000', '0'];
    const rows = cells.map((c, i) => `${i + 1},"${c}","${cells[(i + 3) % cells.length]}","${cells[(i + 7) % cells.length]}"`);
    const { lines } = await scoreFile(`id,R,F,M\n${rows.join('\n')}\n`);
    const expected = scoreTable(
      {
        r: cells,
        f: cells.map((_, i) => cells[(i + 3) % cells.length]),
        m: cells.map((_, i) => cells[(i + 7) % cells.length]),
      },
      defaultScheme(),
    );
    const labels = defaultScheme().grades.map((g) => g.label);
    cells.forEach((_, i) => {
      const tail = lines[i + 1].split(',').slice(-5);
      expect(tail).toEqual([
        String(expected.scores.r[i]),
        String(expected.scores.f[i]),
        String(expected.scores.m[i]),
        String(expected.composite[i]),
        labels[expected.grade[i]],
      ]);
    });
  });

  test('a quote that does not close its field, or never closes, names the row', async () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'id,R,F,M\n1,10,2,300\n2,"5"x,1,200\n');
    let res = await rfm([bad, '--out', path.join(dir, 'o.csv')]);
    expect(res.code).toBe(2);
    expect(res.err).toEqual([`rfm-score: Cannot read ${bad} as CSV: row 3: Trailing quote on quoted field is malformed`]);
    writeFileSync(bad, 'id,R,F,M\n1,10,2,300\n2,"5,1,200\n3,1,1,1\n');
    res = await rfm([bad, '--out', path.join(dir, 'o.csv')]);
    expect(res.code).toBe(2);
    expect(res.err).toEqual([`rfm-score: Cannot read ${bad} as CSV: row 3: Quoted field unterminated`]);
  });

  test('tab, semicolon and CR-only files are read with the guessed delimiter and line break', async () => {
    for (const [d, nl] of [['\t', '\n'], [';', '\r\n'], [',', '\r']]) {
      const text = ['id', 'R', 'F', 'M'].join(d) + nl + ['1,10,2,300', '2,5,1,200', '3,7,3,20', '4,1,1,1'].map((l) => l.replace(/,/g, d)).join(nl) + nl;
      const { out } = await scoreFile(text);
      expect(out.split(nl)[4]).toBe(['4', '1', '1', '1', '5', '2', '2', '2.9', 'C'].join(d));
    }
  });
});
