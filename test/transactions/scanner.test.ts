/**
 * Sales records through the byte-level scanner (docs/engine.md): a file larger than one 4 MB read,
 * with quoted fields (delimiters and line breaks inside) and CRLF, gives the same per-customer table as
 * the same text in GB 18030/GBK, which is read by Papa Parse's step mode; and an LF-only line in the
 * CRLF file still ends its line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { encodeGbk, removeTempDirs, rfm, tempDir } from '../cli/helpers';

afterAll(removeTempDirs);

function salesText(lfOnly: boolean): string {
  const stores = ['"上海, 一店"', '"北京\n二店"', '线上', '"说 ""好"""'];
  const lines = ['交易日期,客户编号,门店,金额'];
  let seed = 11;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = 0; i < 160_000; i++) {
    const day = 1 + Math.floor(rand() * 28);
    const month = 1 + Math.floor(rand() * 12);
    const amount = (Math.floor(rand() * 100_000) / 100 - (i % 31 === 0 ? 2000 : 0)).toFixed(2);
    const date = `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    lines.push(`${date},C${1 + Math.floor(rand() * 5000)},${stores[i % stores.length]},${amount}`);
  }
  // CRLF throughout, optionally with one LF-only line break in the middle.
  return `${lines.slice(0, 90_000).join('\r\n')}${lfOnly ? '\n' : '\r\n'}${lines.slice(90_000).join('\r\n')}\r\n`;
}

test('a multi-chunk UTF-8 file, the same text in GBK, and with an LF-only line give the same customers', async () => {
  const text = salesText(false);
  const gbk = encodeGbk(text);
  expect(gbk).toBeDefined();
  const dir = tempDir();
  const utf8File = path.join(dir, 'sales.csv');
  const gbkFile = path.join(dir, 'sales-gbk.csv');
  const lfFile = path.join(dir, 'sales-lf.csv');
  writeFileSync(utf8File, text, 'utf8');
  writeFileSync(gbkFile, gbk!);
  writeFileSync(lfFile, salesText(true), 'utf8');
  expect(readFileSync(utf8File).length).toBeGreaterThan(4 << 20);
  const outs: string[] = [];
  const reports: string[][] = [];
  for (const [file, out] of [
    [utf8File, path.join(dir, 'a.csv')],
    [gbkFile, path.join(dir, 'b.csv')],
    [lfFile, path.join(dir, 'c.csv')],
  ]) {
    const res = await rfm([file, '--transactions', '--as-of', '2024-12-31', '--out', out]);
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    outs.push(readFileSync(out, 'utf8'));
    reports.push(res.out.map((l) => l.replace(file, 'FILE').replace(out, 'OUT')));
  }
  expect(outs[0]).toBe(outs[1]);
  expect(reports[0]).toEqual(reports[1]);
  expect(outs[2]).toBe(outs[0]);
  expect(reports[2]).toEqual(reports[0]);
  // Every sales record was read as one row: 160,000 records (none merged at the LF-only break).
  expect(reports[0].join('\n')).toMatch(/160,?000/);
}, 120_000);
