/**
 * Nothing lost at the edges (docs/limits.md): rows past Excel's limit, dates before 1970, a stray
 * line ending, numbers that overflow, texts too long for a cell, outputs named like an input,
 * formula-looking text in CSV output, stale temporary files, file modes, a table with headers only.
 * Every case: a correct result, or exit 2 with one line and nothing written.
 */
import { chmodSync, existsSync, linkSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { csvText, listDir, readCsvRows, removeTempDirs, rfm, sha256, tempDir, writeXlsx } from './helpers';

afterAll(removeTempDirs);

/** A run that must fail: exit 2, one line on stderr naming `mentions`, nothing new in the folder. */
async function refused(dir: string, args: string[], ...mentions: string[]): Promise<string> {
  const before = listDir(dir);
  const res = await rfm(args);
  expect(res.err).toHaveLength(1);
  expect(res.code).toBe(2);
  expect(res.out).toEqual([]);
  for (const m of mentions) expect(res.err[0]).toContain(m);
  expect(listDir(dir)).toEqual(before);
  return res.err[0];
}

describe('sales records dated before 1970', () => {
  test('purchases from 1900 to 1969 count: no customer is left out', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'sales.csv');
    writeFileSync(
      input,
      csvText([
        ['Customer', 'Date', 'Amount'],
        ['X', '1900-01-05', 10],
        ['Y', '1969-12-31', 5],
        ['Y', '1950-06-01', 7],
        ['Z', '2025-01-01', 3],
      ]),
    );
    const out = path.join(dir, 'out.csv');
    const res = await rfm([input, '--transactions', '--out', out]);
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(res.out.join('\n')).not.toContain('left out');
    const rows = readCsvRows(out);
    // R = days to the latest sale, 2025-01-01 (day 20089): 1900-01-05 is day −25563, 1969-12-31 is −1.
    expect(rows.slice(1).map((r) => r.slice(0, 5))).toEqual([
      ['X', '1900-01-05', String(20089 + 25563), '1', '10'],
      ['Y', '1969-12-31', '20090', '2', '12'],
      ['Z', '2025-01-01', '0', '1', '3'],
    ]);
  });
});

describe('a stray line ending', () => {
  const rows = [
    ['Customer', 'R', 'F', 'M'],
    ['A', 1, 2, 3],
    ['B', 2, 3, 4],
    ['C', 3, 4, 5],
    ['D', 4, 5, 6],
    ['E', 5, 6, 7],
  ];

  test('one LF line in a CRLF file: every customer scored, as in the all-CRLF file', async () => {
    const dir = tempDir();
    const clean = path.join(dir, 'clean.csv');
    const stray = path.join(dir, 'stray.csv');
    writeFileSync(clean, csvText(rows, '\r\n'));
    // Line 3 ends in LF alone; a quoted cell holds an LF (Alt+Enter in Excel) that is content.
    const text = csvText(rows, '\r\n').replace('B,2,3,4\r\n', 'B,2,3,4\n').replace('C,3,4,5', '"C\nc",3,4,5');
    writeFileSync(stray, text);
    const a = await rfm([clean, '--out', path.join(dir, 'clean.out.csv')]);
    const b = await rfm([stray, '--out', path.join(dir, 'stray.out.csv')]);
    expect(a.code).toBe(0);
    expect(b.err).toEqual([]);
    expect(b.code).toBe(0);
    expect(b.out[0]).toContain('Scored 5 of 5');
    const outA = readFileSync(path.join(dir, 'clean.out.csv'), 'utf8');
    const outB = readFileSync(path.join(dir, 'stray.out.csv'), 'utf8');
    // The output uses the file's line ending (CRLF) throughout; the quoted LF stays in its cell.
    expect(outB).toBe(outA.replace('\r\nC,3,4,5,', '\r\n"C\nc",3,4,5,'));
  });

  test('a lone CR and an LF in a CRLF file of sales records: every record read', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'sales.csv');
    writeFileSync(input, 'Customer,Date,Amount\r\nX,2025-01-05,10\nY,2025-01-06,5\rZ,2025-01-01,3\r\n');
    const out = path.join(dir, 'out.csv');
    const res = await rfm([input, '--transactions', '--out', out]);
    expect(res.err).toEqual([]);
    expect(res.out[0]).toContain('Read 3 transaction rows');
    expect(readCsvRows(out).map((r) => r[0])).toEqual(['Customer', 'X', 'Y', 'Z']);
  });
});

describe('what an xlsx sheet holds', () => {
  test('more than 1,048,576 rows to xlsx: exit 2 naming the limit, before anything is written', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'many.csv');
    // A header and 1,048,576 data rows: one more than an xlsx sheet holds.
    writeFileSync(input, 'Customer,R,F,M\n' + 'C,1,2,3\n'.repeat(1_048_576));
    const line = await refused(dir, [input, '--out', path.join(dir, 'out.xlsx')], 'many.csv', '1048576', 'out.xlsx');
    expect(line).toMatch(/^rfm-score: /);
  });

  test('a row of more than 16,384 cells, or output columns past XFD: exit 2', async () => {
    const dir = tempDir();
    const wide = path.join(dir, 'wide.csv');
    writeFileSync(wide, `R,F,M${',x'.repeat(16_382)}\n1,2,3\n`);
    await refused(dir, [wide, '--out', path.join(dir, 'out.xlsx')], 'wide.csv', '16385', '16384');
    const edge = path.join(dir, 'edge.csv');
    writeFileSync(edge, `R,F,M${',x'.repeat(16_380)}\n1,2,3\n`);
    await refused(dir, [edge, '--out', path.join(dir, 'out.xlsx')], 'edge.csv', '16384');
  });

  test('a text over 32,767 characters going to an xlsx cell: exit 2 naming the cell', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'long.csv');
    writeFileSync(input, csvText([['Customer', 'Note', 'R', 'F', 'M'], ['A', 'n', 1, 2, 3], ['B', 'x'.repeat(32_768), 2, 3, 4]]));
    await refused(dir, [input, '--out', path.join(dir, 'out.xlsx')], 'B3', '32768', '32767');
    // Exactly at the limit is fine; CSV output has no such limit.
    writeFileSync(input, csvText([['Customer', 'Note', 'R', 'F', 'M'], ['A', 'n', 1, 2, 3], ['B', 'x'.repeat(32_767), 2, 3, 4]]));
    expect((await rfm([input, '--out', path.join(dir, 'ok.xlsx')])).code).toBe(0);
    writeFileSync(input, csvText([['Customer', 'Note', 'R', 'F', 'M'], ['A', 'n', 1, 2, 3], ['B', 'x'.repeat(40_000), 2, 3, 4]]));
    expect((await rfm([input, '--out', path.join(dir, 'ok.csv')])).code).toBe(0);
  });

  test('a follow-up label over 32,767 characters: exit 2 naming the output cell', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.csv');
    writeFileSync(input, csvText([['R', 'F', 'M'], [1, 2, 3], [2, 3, 4]]));
    const long = 'y'.repeat(33_000);
    await refused(dir, [input, '--out', path.join(dir, 'out.xlsx'), '--follow-up-labels', `a,b,c,${long}`], 'out.xlsx', "'RFM parameters'!B", '32767');
  });

  test('a CSV file larger than scoring reads whole: exit 2 before reading it', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'vast.csv');
    writeFileSync(input, 'R,F,M\n1,2,3\n');
    // A sparse file: 501 MB on paper, nothing on disk.
    const { truncateSync } = await import('node:fs');
    truncateSync(input, 501 * 1024 * 1024);
    await refused(dir, [input, '--out', path.join(dir, 'out.csv')], 'vast.csv', '501 MB', '500 MB');
  });
});

const MAX = '1.7976931348623157e308';

describe('numbers at the limit of a double', () => {

  test('one huge value is scored like any other, and written as a number, never Infinity', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'big.csv');
    writeFileSync(input, csvText([['Customer', 'R', 'F', 'M'], ['A', 1, 2, MAX], ['B', 2, 3, 4], ['C', 3, 4, 5]]));
    const res = await rfm([input, '--out', path.join(dir, 'out.csv')]);
    expect(res.code).toBe(0);
    expect(readCsvRows(path.join(dir, 'out.csv'))[1]).toEqual(['A', '1', '2', MAX, '5', '2', '5', '4.1', 'A']);
    expect(readFileSync(path.join(dir, 'out.csv'), 'utf8')).not.toMatch(/Infinity|NaN/);
  });

  test('a composite that overflows: exit 2 naming the RFM score cell, csv and xlsx', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'big.csv');
    const args = ['--variant', 'additive', '--m-method', 'raw', '--r-method', 'raw'];
    // Additive, R and M raw: B's R + F + M is 1.8e308 + 1 + 1.8e308, past the largest double.
    writeFileSync(input, csvText([['Customer', 'R', 'F', 'M'], ['A', 1, 2, 3], ['B', MAX, 3, MAX]]));
    for (const out of ['out.csv', 'out.xlsx']) {
      await refused(dir, [input, '--out', path.join(dir, out), ...args], out, 'H3', 'Infinity');
    }
  });

  test('a summary total that overflows: exit 2 naming the summary cell', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'big.csv');
    writeFileSync(input, csvText([['Customer', 'R', 'F', 'M'], ['A', 1, 2, MAX], ['B', 2, 3, MAX], ['C', 3, 4, 5]]));
    const line = await refused(dir, [input, '--out', path.join(dir, 'out.xlsx'), '--summary'], 'RFM summary', 'Infinity');
    expect(line).toContain('out.xlsx');
  });

  test('sales amounts that add up past the largest number: exit 2 naming the customer', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'sales.csv');
    writeFileSync(input, csvText([['Customer', 'Date', 'Amount'], ['X', '2025-01-01', MAX], ['X', '2025-01-02', MAX], ['Y', '2025-01-02', 5]]));
    for (const out of ['out.csv', 'out.xlsx']) {
      await refused(dir, [input, '--transactions', '--out', path.join(dir, out)], 'customer X', 'sales.csv');
    }
  });
});

describe('formula-looking text in CSV output (OWASP CSV injection)', () => {
  test('xlsx → csv: text cells starting with = + - @ tab or CR get a quote prefix; numbers stay', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.xlsx');
    await writeXlsx(input, (wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['Customer', 'Link', 'R', 'F', 'M']);
      ws.addRow(['=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", 1, 2, 3]);
      ws.addRow(['+1', '@SUM(A1)', 2, 3, -4]);
      ws.addRow(['-1', '\t=1', 3, 4, 5]);
    });
    const out = path.join(dir, 'out.csv');
    expect((await rfm([input, '--out', out])).code).toBe(0);
    const rows = readCsvRows(out);
    expect(rows[1].slice(0, 2)).toEqual(['\'=HYPERLINK("http://x","y")', "'=cmd|' /C calc'!A0"]);
    expect(rows[2].slice(0, 5)).toEqual(["'+1", "'@SUM(A1)", '2', '3', '-4']);
    expect(rows[3].slice(0, 2)).toEqual(["'-1", "'\t=1"]);
    expect(readFileSync(out, 'utf8')).toContain('"\'=HYPERLINK(""http://x"",""y"")"');
  });

  test('csv → csv: the cells this program writes are neutralised, the input lines are kept byte for byte', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.csv');
    writeFileSync(input, 'Customer,R,F,M\n=1+1,1,2,3\n@x,2,3,4\n');
    const out = path.join(dir, 'out.csv');
    expect((await rfm([input, '--out', out, '--follow-up-labels', '=A,+B,-C,@D'])).code).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(lines[1].startsWith('=1+1,1,2,3,')).toBe(true);
    expect(lines[1]).toMatch(/,"'[=+\-@][A-D]"$/);
  });

  test('sales records → csv: a customer ID that looks like a formula is neutralised', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'sales.csv');
    writeFileSync(input, csvText([['Customer', 'Date', 'Amount'], ['=2+5', '2025-01-01', 10], ['Y', '2025-01-02', 5]]));
    const out = path.join(dir, 'out.csv');
    expect((await rfm([input, '--transactions', '--out', out])).code).toBe(0);
    expect(readCsvRows(out)[1][0]).toBe("'=2+5");
  });
});

describe('the files around a run', () => {
  test('a temporary file left by a killed run is removed; one of a live process is not', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.csv');
    writeFileSync(input, csvText([['R', 'F', 'M'], [1, 2, 3], [2, 3, 4]]));
    const { spawnSync } = await import('node:child_process');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = `.out.csv.${dead}.1700000000000.tmp`;
    const live = `.out.csv.${process.ppid}.1700000000000.tmp`;
    const other = `.other.csv.${dead}.1700000000000.tmp`;
    for (const f of [stale, live, other]) writeFileSync(path.join(dir, f), 'half');
    expect((await rfm([input, '--out', path.join(dir, 'out.csv')])).code).toBe(0);
    expect(listDir(dir)).toEqual([live, other, 'in.csv', 'out.csv'].sort());
  });

  test('replacing an output keeps its permissions', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.csv');
    writeFileSync(input, csvText([['R', 'F', 'M'], [1, 2, 3], [2, 3, 4]]));
    const out = path.join(dir, 'out.csv');
    writeFileSync(out, 'old');
    chmodSync(out, 0o600);
    expect((await rfm([input, '--out', out])).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, 'utf8')).not.toBe('old');
  });

  test('--previous or --scale-from naming the output (any path, a hard link): exit 2, the earlier result untouched', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.csv');
    writeFileSync(input, csvText([['ID', 'R', 'F', 'M'], ['A', 1, 2, 3], ['B', 2, 3, 4]]));
    const prev = path.join(dir, 'prev.xlsx');
    expect((await rfm([input, '--out', prev])).code).toBe(0);
    const hash = sha256(prev);
    const twisted = path.join(dir, '.', 'sub', '..', 'prev.xlsx');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(dir, 'sub'));
    const link = path.join(dir, 'link.xlsx');
    linkSync(prev, link);
    await refused(dir, [input, '--out', prev, '--previous', prev], '--previous');
    await refused(dir, [input, '--out', twisted, '--scale-from', prev], '--scale-from');
    await refused(dir, [input, '--out', link, '--previous', prev], '--previous');
    expect(sha256(prev)).toBe(hash);
    expect(existsSync(link)).toBe(true);
  });

  test('a table with headers only says so (no "first problem: -")', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.csv');
    writeFileSync(input, 'Customer,R,F,M\n');
    const line = await refused(dir, [input, '--out', path.join(dir, 'out.csv')], 'no data rows');
    expect(line).not.toContain('first problem');
    const zh = await rfm([input, '--out', path.join(dir, 'out.csv'), '--lang', 'zh']);
    expect(zh.err).toEqual(['rfm-score：表格只有表头，没有数据行：没有可评分的客户']);
  });
});

describe('numbers at the limit of a double, from sales records', () => {
  test('an amount at the limit with M raw and additive scores: written exactly, never Infinity', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'sales.csv');
    writeFileSync(input, csvText([['Customer', 'Date', 'Amount'], ['X', '2025-01-01', MAX], ['Y', '2025-01-02', 5]]));
    const out = path.join(dir, 'out.csv');
    const res = await rfm([input, '--transactions', '--out', out, '--variant', 'additive', '--m-method', 'raw']);
    expect(res.code).toBe(0);
    // X: R = 1 day (score 3 of 2 customers), F = 1 tied (score 4), M raw = the amount; R + F + M
    // rounds back to 1.8e308 (R is days and F a count: they cannot push a sum past the largest double).
    const big = '1.7976931348623157e+308';
    expect(readCsvRows(out)[1].slice(4)).toEqual([big, '3', '4', big, big, 'A']);
  });
});
