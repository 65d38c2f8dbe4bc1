/**
 * The streaming xlsx path (docs/xlsx.md): packages laid out the way Excel writes them are scored
 * part by part — the scored sheet gets its output cells, every other input part keeps its bytes,
 * the result opens in exceljs and LibreOffice, and bad packages stop with exit 2 and no output.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync, truncateSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { soffice } from '../formulas/helpers';
import { csvText, listDir, readCsvRows, readXlsx, removeTempDirs, rfm, sha256, sheet, tempDir } from './helpers';
import { excelLikeParts, FIXTURE_CUSTOMERS, minimalParts, num, readParts, str, writeParts } from './xlsxParts';

afterAll(removeTempDirs);

/** Parts the streaming path may rewrite; every other part must come out byte for byte. */
const EDITED = new Set(['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml']);

/** The same customers scored through the CSV path: the expected output columns, by customer ID. */
async function expectedByCsv(dir: string, args: string[]): Promise<{ headers: string[]; rows: Map<string, string[]> }> {
  const csv = path.join(dir, 'same.csv');
  writeFileSync(csv, csvText([['客户编号', 'R值', 'F值', 'M值'], ...FIXTURE_CUSTOMERS.map((c) => [c.id, c.r, c.f, c.m])]));
  const res = await rfm([csv, '--out', path.join(dir, 'same-scored.csv'), ...args]);
  expect(res.code).toBe(0);
  const rows = readCsvRows(path.join(dir, 'same-scored.csv'));
  return { headers: rows[0].slice(4), rows: new Map(rows.slice(1).map((r) => [r[0], r.slice(4)])) };
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v);
}

describe('streaming xlsx path', () => {
  test('an Excel-like workbook: output cells appended in column order, every other part byte-identical', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'excel.xlsx');
    const output = path.join(dir, 'scored.xlsx');
    await writeParts(input, excelLikeParts());
    const before = sha256(input);

    const res = await rfm([input, '--out', output, '--segments', '--follow-up', '--summary', '--lang', 'zh']);
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(sha256(input)).toBe(before);
    expect(listDir(dir)).toEqual(['excel.xlsx', 'scored.xlsx']);

    const inParts = await readParts(input);
    const outParts = await readParts(output);
    for (const [name, bytes] of inParts) {
      if (EDITED.has(name)) continue;
      expect([name, outParts.get(name)?.equals(bytes)]).toEqual([name, true]);
    }
    // The calculation chain names only the formula column F, which stays: kept.
    expect(outParts.has('xl/calcChain.xml')).toBe(true);

    // The input's styles keep their indexes: the old lists are a prefix of the new ones.
    const inStyles = inParts.get('xl/styles.xml')!.toString('utf8');
    const outStyles = outParts.get('xl/styles.xml')!.toString('utf8');
    const xfs = (s: string) => /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(s)![1];
    expect(xfs(outStyles).startsWith(xfs(inStyles).replace(/<xf ([^>]*)\/>/g, '<xf $1/>'))).toBe(true);
    expect(outStyles).toContain('<dxfs count=');

    // The sheet: <cols> before <sheetData>, a true <dimension>, every cell with its address, in column order.
    const xml = outParts.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(xml.indexOf('<cols>')).toBeLessThan(xml.indexOf('<sheetData>'));
    expect(xml).toContain('<dimension ref="A1:M11"/>');
    expect(xml).toContain('<mergeCells count="1"><mergeCell ref="E2:E3"/></mergeCells>');
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    for (const row of xml.match(/<row [^>]*>[\s\S]*?<\/row>/g)!) {
      const cols = [...row.matchAll(/<c r="([A-Z]+)\d+"/g)].map((m) => m[1]);
      const cells = (row.match(/<c[ >]/g) ?? []).length;
      expect(cols.length).toBe(cells);
      const index = cols.map((c) => [...c].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0));
      expect(index).toEqual([...index].sort((a, b) => a - b));
    }

    // Reopened by exceljs: the input cells as they were, the output equal to the CSV path's.
    const expected = await expectedByCsv(dir, ['--segments', '--follow-up', '--lang', 'zh']);
    const wb = await readXlsx(output);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['客户', 'Chart', 'RFM参数', 'RFM汇总']);
    const ws = sheet(wb, '客户');
    expect(expected.headers).toHaveLength(7);
    expect([7, 8, 9, 10, 11, 12, 13].map((c) => ws.getCell(1, c).value)).toEqual(expected.headers);
    expect(ws.getCell(1, 7).font?.bold).toBe(true);
    FIXTURE_CUSTOMERS.forEach((c, i) => {
      const row = i + 2;
      expect(ws.getCell(row, 2).value).toBe(c.r);
      expect(ws.getCell(row, 6).value).toMatchObject({ result: c.m * 2 });
      const got = [7, 8, 9, 10, 11, 12, 13].map((col) => text(ws.getCell(row, col).value));
      expect([c.id, ...got]).toEqual([c.id, ...expected.rows.get(c.id)!]);
      expect(ws.getCell(row, 10).numFmt).toBe('0.00');
    });
    expect(wb.definedNames.getRanges('大客户金额').ranges).toEqual(["'客户'!$D$2:$D$11"]);
    expect(outParts.get('xl/workbook.xml')!.toString('utf8')).toContain('<definedName name="大客户金额">客户!$D$2:$D$11</definedName>');
    expect(sheet(wb, 'RFM参数').getCell(3, 2).value).toBe('客户');
  });

  test('LibreOffice converts the result without errors and shows the grades', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'excel.xlsx');
    const output = path.join(dir, 'scored.xlsx');
    await writeParts(input, excelLikeParts());
    expect((await rfm([input, '--out', output, '--summary'])).code).toBe(0);
    const profile = path.join(dir, 'lo-profile');
    mkdirSync(profile);
    const out = path.join(dir, 'csv');
    execFileSync(soffice(), [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'csv', '--outdir', out, output], {
      timeout: 180_000,
      stdio: 'pipe',
    });
    const rows = readCsvRows(path.join(out, 'scored.csv'));
    const expected = await expectedByCsv(dir, []);
    expect(rows[0].slice(6)).toEqual(expected.headers);
    for (const row of rows.slice(1)) {
      const want = expected.rows.get(row[0])!;
      // LibreOffice prints the RFM score with its 0.00 format.
      expect(row.slice(6).map((v, i) => (i === 3 ? Number(v).toFixed(2) : v))).toEqual(want.map((v, i) => (i === 3 ? Number(v).toFixed(2) : v)));
    }
  });

  test('a re-run replaces its own block and its parameters sheet in place', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'excel.xlsx');
    const first = path.join(dir, 'first.xlsx');
    const second = path.join(dir, 'second.xlsx');
    await writeParts(input, excelLikeParts());
    expect((await rfm([input, '--out', first, '--segments'])).code).toBe(0);
    const res = await rfm([first, '--out', second]);
    expect(res.code).toBe(0);
    expect(res.out).toContain('Replaced 6 output columns of an earlier run');
    const wb = await readXlsx(second);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['客户', 'Chart', 'RFM parameters']);
    const ws = sheet(wb, '客户');
    expect([7, 8, 9, 10, 11, 12].map((c) => ws.getCell(1, c).value)).toEqual(['R Score', 'F Score', 'M Score', 'RFM Score', 'Grade', null]);
    expect(ws.getCell(2, 12).value).toBeNull();
    // The parameters sheet kept its part: the package has no new worksheet part.
    const parts = await readParts(second);
    expect([...parts.keys()].filter((p) => p.startsWith('xl/worksheets/sheet')).sort()).toEqual([
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
    ]);
  });

  test('--previous on streamed results: migration sheet added, Change column written', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'excel.xlsx');
    const first = path.join(dir, 'first.xlsx');
    const next = path.join(dir, 'next.xlsx');
    const second = path.join(dir, 'second.xlsx');
    await writeParts(input, excelLikeParts());
    expect((await rfm([input, '--out', first, '--id', 'A'])).code).toBe(0);
    await writeParts(next, excelLikeParts(FIXTURE_CUSTOMERS.map((c, i) => (i === 0 ? { ...c, r: 300, f: 1, m: 10 } : c))));
    const res = await rfm([next, '--out', second, '--id', 'A', '--previous', first, '--scale-from', first]);
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    const wb = await readXlsx(second);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['客户', 'Chart', 'RFM parameters', 'Migration']);
    const ws = sheet(wb, '客户');
    expect(ws.getCell(1, 12).value).toBe('Change');
    expect(String(ws.getCell(2, 12).value)).toMatch(/→D$/);
  });

  test('a sheet with no styles, no shared strings and no r attributes on rows and cells', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'bare.xlsx');
    const output = path.join(dir, 'out.xlsx');
    const parts = minimalParts([]);
    const rows = [['ID', 'Recency', 'Frequency', 'Monetary'], ...FIXTURE_CUSTOMERS.map((c) => [c.id, c.r, c.f, c.m])];
    const sheetXml = `<sheetData>${rows.map((r) => `<row>${r.map((v) => (typeof v === 'number' ? `<c><v>${v}</v></c>` : `<c t="inlineStr"><is><t>${v}</t></is></c>`)).join('')}</row>`).join('')}</sheetData>`;
    parts[4][1] = String(parts[4][1]).replace('<sheetData></sheetData>', sheetXml);
    await writeParts(input, parts);
    const res = await rfm([input, '--out', output]);
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    const wb = await readXlsx(output);
    const ws = sheet(wb, 'Data');
    const expected = await expectedByCsv(dir, []);
    expect([5, 6, 7, 8, 9].map((c) => ws.getCell(1, c).value)).toEqual(expected.headers);
    FIXTURE_CUSTOMERS.forEach((c, i) => {
      expect([ws.getCell(i + 2, 1).value, ...[5, 6, 7, 8, 9].map((col) => text(ws.getCell(i + 2, col).value))]).toEqual([c.id, ...expected.rows.get(c.id)!]);
    });
    expect((await readParts(output)).has('xl/styles.xml')).toBe(true);
  });
});

test('a re-run over output cells that hold formulas drops the calculation chain that names them', async () => {
  const dir = tempDir();
  const input = path.join(dir, 'formula.xlsx');
  const output = path.join(dir, 'out.xlsx');
  // An earlier run's block in E..I whose Grade cells are formulas, and a calcChain naming them.
  const headers = ['ID', 'Recency', 'Frequency', 'Monetary', 'R Score', 'F Score', 'M Score', 'RFM Score', 'Grade'];
  const letter = (c: number) => String.fromCharCode(65 + c);
  const rows = [headers.map((h, c) => str(`${letter(c)}1`, h)).join('')];
  FIXTURE_CUSTOMERS.forEach((cu, i) => {
    const r = i + 2;
    rows.push(str(`A${r}`, cu.id) + num(`B${r}`, cu.r) + num(`C${r}`, cu.f) + num(`D${r}`, cu.m) + num(`E${r}`, 1) + num(`F${r}`, 1) + num(`G${r}`, 1) + num(`H${r}`, 1) + `<c r="I${r}" t="str"><f>IF(H${r}&gt;=4,"A","D")</f><v>D</v></c>`);
  });
  const parts = minimalParts(rows);
  const chain = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${FIXTURE_CUSTOMERS.map((_, i) => `<c r="I${i + 2}" i="1"/>`).join('')}</calcChain>`;
  parts[0][1] = String(parts[0][1]).replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>');
  parts[3][1] = String(parts[3][1]).replace(
    '</Relationships>',
    '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
  );
  parts.push(['xl/calcChain.xml', chain]);
  await writeParts(input, parts);
  const res = await rfm([input, '--out', output]);
  expect(res.err).toEqual([]);
  expect(res.out).toContain('Replaced 5 output columns of an earlier run');
  const out = await readParts(output);
  expect(out.has('xl/calcChain.xml')).toBe(false);
  expect(out.get('[Content_Types].xml')!.toString('utf8')).not.toContain('calcChain');
  expect(out.get('xl/_rels/workbook.xml.rels')!.toString('utf8')).not.toContain('calcChain');
  expect(out.get('xl/worksheets/sheet1.xml')!.toString('utf8')).not.toContain('<f>');
  const ws = sheet(await readXlsx(output), 'Data');
  const expected = await expectedByCsv(dir, []);
  FIXTURE_CUSTOMERS.forEach((c, i) => expect([c.id, ...[5, 6, 7, 8, 9].map((col) => text(ws.getCell(i + 2, col).value))]).toEqual([c.id, ...expected.rows.get(c.id)!]));
});

describe('streaming xlsx path: bad packages (exit 2, one line, no output)', () => {
  async function expectRefused(input: string, pattern: RegExp): Promise<void> {
    const dir = path.dirname(input);
    const before = listDir(dir);
    const res = await rfm([input, '--out', path.join(dir, 'out.xlsx')]);
    expect(res.code).toBe(2);
    expect(res.err).toHaveLength(1);
    expect(res.err[0]).toMatch(pattern);
    expect(listDir(dir)).toEqual(before);
  }

  test('a truncated package and a file that is no zip at all', async () => {
    const dir = tempDir();
    const cut = path.join(dir, 'cut.xlsx');
    await writeParts(cut, excelLikeParts());
    truncateSync(cut, Math.floor(statSync(cut).size / 2));
    await expectRefused(cut, /cut\.xlsx.*not a complete zip package/);
    const text = path.join(dir, 'text.xlsx');
    writeFileSync(text, 'ID,R,F,M\n1,2,3,4\n');
    await expectRefused(text, /text\.xlsx.*not a complete zip package/);
  });

  test('an OLE (password-protected) file', async () => {
    const dir = tempDir();
    const ole = path.join(dir, 'locked.xlsx');
    writeFileSync(ole, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]));
    await expectRefused(ole, /locked\.xlsx.*password-protected/);
  });

  test('a zip bomb: a sheet that inflates to 300 MB from a few hundred KB', async () => {
    const dir = tempDir();
    const bomb = path.join(dir, 'bomb.xlsx');
    const parts = minimalParts([str('A1', 'ID') + str('B1', 'R') + str('C1', 'F') + str('D1', 'M')]);
    parts[4][1] = Buffer.concat([Buffer.from(String(parts[4][1]).replace('</worksheet>', '')), Buffer.alloc(300 * 1024 * 1024, 0x20), Buffer.from('</worksheet>')]);
    await writeParts(bomb, parts, 9);
    expect(statSync(bomb).size).toBeLessThan(2 * 1024 * 1024);
    await expectRefused(bomb, /bomb\.xlsx: part xl\/worksheets\/sheet1\.xml inflates to more than 256 MB/);
  });

  test('a bomb in a part that is only copied stops the write and leaves no temporary file', async () => {
    const dir = tempDir();
    const bomb = path.join(dir, 'media.xlsx');
    const rows = [str('A1', 'ID') + str('B1', 'R') + str('C1', 'F') + str('D1', 'M'), ...FIXTURE_CUSTOMERS.map((c, i) => str(`A${i + 2}`, c.id) + num(`B${i + 2}`, c.r) + num(`C${i + 2}`, c.f) + num(`D${i + 2}`, c.m))];
    const parts = minimalParts(rows);
    parts.push(['xl/media/blob.bin', Buffer.alloc(300 * 1024 * 1024)]);
    await writeParts(bomb, parts, 9);
    await expectRefused(bomb, /media\.xlsx: part xl\/media\/blob\.bin inflates to more than 256 MB/);
  });

  test('a part whose declared size lies is caught while inflating', async () => {
    const dir = tempDir();
    const liar = path.join(dir, 'liar.xlsx');
    const rows = [str('A1', 'ID') + str('B1', 'R') + str('C1', 'F') + str('D1', 'M'), ...FIXTURE_CUSTOMERS.map((c, i) => str(`A${i + 2}`, c.id) + num(`B${i + 2}`, c.r) + num(`C${i + 2}`, c.f) + num(`D${i + 2}`, c.m))];
    await writeParts(liar, minimalParts(rows));
    // Patch the central directory: sheet1.xml claims to inflate to 100 bytes.
    const bytes = readFileSync(liar);
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    for (let i = bytes.length - 22; i >= 0; i--) {
      if (bytes.readUInt32LE(i) === 0x02014b50 && bytes.subarray(i + 46, i + 46 + name.length).equals(name)) {
        bytes.writeUInt32LE(100, i + 24);
        break;
      }
    }
    writeFileSync(liar, bytes);
    await expectRefused(liar, /liar\.xlsx/);
  });

  test('a shared-strings text bomb stops before its text is held', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'sst.xlsx');
    const parts = minimalParts([`<c r="A1" t="s"><v>0</v></c>` + str('B1', 'R') + str('C1', 'F') + str('D1', 'M'), str('A2', 'x') + num('B2', 1) + num('C2', 1) + num('D2', 1)]);
    parts[0][1] = String(parts[0][1]).replace('</Types>', '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>');
    parts[3][1] = String(parts[3][1]).replace(
      '</Relationships>',
      '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    );
    const head = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>ID</t></si><si><t>';
    parts.push(['xl/sharedStrings.xml', Buffer.concat([Buffer.from(head), Buffer.alloc(300 * 1024 * 1024, 0x61), Buffer.from('</t></si></sst>')])]);
    await writeParts(input, parts, 9);
    await expectRefused(input, /sst\.xlsx: part xl\/sharedStrings\.xml inflates to more than 256 MB/);
  });

  test('16,384 header columns: the output would pass XFD', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'wide.xlsx');
    const letters = (n: number) => {
      let s = '';
      for (let c = n + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
      return s;
    };
    const header = ['ID', 'Recency', 'Frequency', 'Monetary'].map((h, c) => str(`${letters(c)}1`, h)).join('') + Array.from({ length: 16_380 }, (_, i) => str(`${letters(i + 4)}1`, `x${i}`)).join('');
    const data = str('A2', 'C1') + num('B2', 1) + num('C2', 2) + num('D2', 3);
    await writeParts(input, minimalParts([header, data]));
    await expectRefused(input, /wide\.xlsx uses columns up to XFD: .*16,384 columns/);
  });

  test('a <dimension> that lies does not limit the rows read', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'dim.xlsx');
    const output = path.join(dir, 'out.xlsx');
    const rows = [str('A1', 'ID') + str('B1', 'R') + str('C1', 'F') + str('D1', 'M'), ...FIXTURE_CUSTOMERS.map((c, i) => str(`A${i + 2}`, c.id) + num(`B${i + 2}`, c.r) + num(`C${i + 2}`, c.f) + num(`D${i + 2}`, c.m))];
    const parts = minimalParts(rows);
    parts[4][1] = String(parts[4][1]).replace('<sheetData>', '<dimension ref="A1:XFD1048576"/><sheetData>');
    await writeParts(input, parts);
    const res = await rfm([input, '--out', output]);
    expect(res.code).toBe(0);
    expect(res.out[0]).toMatch(/^Scored 10 of 10 customers/);
    const xml = (await readParts(output)).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(xml).toContain('<dimension ref="A1:I11"/>');
    expect(existsSync(output)).toBe(true);
  });
});
