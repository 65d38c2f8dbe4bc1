/**
 * Macro-enabled workbooks (docs/xlsx.md "Macro-enabled workbooks"): .xlsm in, .xlsm out on the
 * streaming path with vbaProject.bin and the macro-enabled content type unchanged; every other
 * combination that would lose the macros or give Excel a file it refuses is exit 2 with one line.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { soffice } from '../formulas/helpers';
import { listDir, readCsvRows, readXlsx, removeTempDirs, rfm, sha256, tempDir } from './helpers';
import { FIXTURE_CUSTOMERS, minimalParts, num, readParts, str, writeParts } from './xlsxParts';

afterAll(removeTempDirs);

const MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
const VBA_TYPE = 'application/vnd.ms-office.vbaProject';
const VBA_REL = 'http://schemas.microsoft.com/office/2006/relationships/vbaProject';

/** The fixture customers as a macro-enabled workbook with a VBA project (random bytes stand for it). */
async function xlsm(file: string, vba: Buffer): Promise<void> {
  const rows = [str('A1', 'ID') + str('B1', 'R') + str('C1', 'F') + str('D1', 'M'), ...FIXTURE_CUSTOMERS.map((c, i) => str(`A${i + 2}`, c.id) + num(`B${i + 2}`, c.r) + num(`C${i + 2}`, c.f) + num(`D${i + 2}`, c.m))];
  const parts = minimalParts(rows);
  parts[0][1] = String(parts[0][1])
    .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', MACRO_MAIN)
    .replace('<Default Extension="xml"', `<Default Extension="bin" ContentType="${VBA_TYPE}"/><Default Extension="xml"`);
  parts[3][1] = String(parts[3][1]).replace('</Relationships>', `<Relationship Id="rId7" Type="${VBA_REL}" Target="vbaProject.bin"/></Relationships>`);
  parts.push(['xl/vbaProject.bin', vba]);
  await writeParts(file, parts);
}

describe('.xlsm input', () => {
  test('.xlsm to .xlsm: scored on the streaming path, the VBA project byte for byte, still macro-enabled', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'book.xlsm');
    const output = path.join(dir, 'scored.xlsm');
    const vba = randomBytes(4096);
    await xlsm(input, vba);
    const before = sha256(input);
    const res = await rfm([input, '--out', output]);
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(res.out[0]).toMatch(/^Scored 10 of 10 customers/);
    expect(sha256(input)).toBe(before);
    const parts = await readParts(output);
    expect(parts.get('xl/vbaProject.bin')!.equals(vba)).toBe(true);
    const types = parts.get('[Content_Types].xml')!.toString('utf8');
    expect(types).toContain(`ContentType="${MACRO_MAIN}"`);
    expect(types).toContain(`<Default Extension="bin" ContentType="${VBA_TYPE}"/>`);
    expect(parts.get('xl/_rels/workbook.xml.rels')!.toString('utf8')).toContain(`Type="${VBA_REL}" Target="vbaProject.bin"`);
    const ws = (await readXlsx(output)).getWorksheet('Data')!;
    expect(ws.getCell('E1').value).toBe('R Score');
    // LibreOffice opens it as a macro-enabled workbook and reads the scores.
    const profile = path.join(dir, 'lo-profile');
    mkdirSync(profile);
    execFileSync(soffice(), [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'csv', '--outdir', path.join(dir, 'lo'), output], {
      timeout: 180_000,
      stdio: 'pipe',
    });
    const rows = readCsvRows(path.join(dir, 'lo', 'scored.csv'));
    expect(rows[0].slice(4, 9)).toEqual(['R Score', 'F Score', 'M Score', 'RFM Score', 'Grade']);
    expect(rows).toHaveLength(FIXTURE_CUSTOMERS.length + 1);
  }, 180_000);

  test('.xlsm to .csv: scored (a CSV has no macros to keep)', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'book.xlsm');
    await xlsm(input, randomBytes(64));
    const res = await rfm([input, '--out', path.join(dir, 'out.csv')]);
    expect(res.err).toEqual([]);
    expect(readCsvRows(path.join(dir, 'out.csv'))[0]).toContain('R Score');
  });

  test('combinations that would lose the macros or write a file Excel refuses: exit 2, one line, nothing written', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'book.xlsm');
    const plain = path.join(dir, 'plain.xlsx');
    await xlsm(input, randomBytes(64));
    await writeParts(plain, minimalParts([str('A1', 'ID') + str('B1', 'R') + str('C1', 'F') + str('D1', 'M'), str('A2', 'x') + num('B2', 1) + num('C2', 1) + num('D2', 1)]));
    const cases: Array<[string[], RegExp]> = [
      [[input, '--out', path.join(dir, 'out.xlsx')], /book\.xlsm is a macro-enabled workbook: .*must be an \.xlsm file too/],
      [[plain, '--out', path.join(dir, 'out.xlsm')], /an \.xlsm output is written only from an \.xlsm input/],
      [[input, '--out', path.join(dir, 'out.xlsm'), '--transactions'], /with --transactions: that mode writes the workbook without its macros/],
    ];
    const before = listDir(dir);
    for (const [args, message] of cases) {
      const res = await rfm(args);
      expect(res.err).toHaveLength(1);
      expect(res.err[0]).toMatch(message);
      expect(res.code).toBe(2);
      expect(listDir(dir)).toEqual(before);
    }
  });
});
