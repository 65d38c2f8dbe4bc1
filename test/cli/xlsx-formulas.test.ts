/**
 * `--formulas` on the streaming xlsx path (docs/formulas.md, docs/xlsx.md): the formula block is
 * written into the scored sheet's XML as shared formulas with cached results; every other input part
 * keeps its bytes; LibreOffice, recalculating the streamed file itself (cached results removed from
 * its XML first), gives value mode's output on every row; exceljs reopens it; a re-run replaces the
 * block and reuses the parameter sheet; an .xlsm keeps its VBA project.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type ExcelJS from 'exceljs';
import { setFullCalcOnLoad } from '../../src/cli/xlsx/formulas';
import { parseXml, serialize } from '../../src/cli/xlsx/xml';
import { helperHeaders } from '../../src/core';
import { t } from '../../src/i18n';
import { readBook, recalculate, shownCell, type Plain } from '../formulas/helpers';
import { listDir, readXlsx, removeTempDirs, rfm, sha256, sheet, tempDir } from './helpers';
import { excelLikeParts, FIXTURE_CUSTOMERS, minimalParts, num, readParts, str, writeParts, type Parts } from './xlsxParts';

afterAll(removeTempDirs);

/** Parts the streaming path may rewrite; every other input part must come out byte for byte. */
const EDITED = new Set(['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml']);

async function cli(args: string[]): Promise<string[]> {
  const res = await rfm(args);
  if (res.code !== 0) throw new Error(`rfm-score ${args.join(' ')} → ${res.code}: ${res.err.join(' ')}`);
  return res.out;
}

function cellXml(ref: string, v: string | number | boolean | { error: string } | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return num(ref, v);
  if (typeof v === 'string') return str(ref, v);
  if (typeof v === 'boolean') return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}" t="e"><v>${v.error}</v></c>`;
}

/**
 * 30 customers with ties, numbers stored as text, every kind of invalid cell and a completely empty
 * row (row 12), in a package laid out by hand (inline strings, no styles part).
 */
function mixedParts(): Array<[string, string | Buffer]> {
  const R = [1, 3, 3, 7, 15, 15, 30, 30, 60, 90, 180, 365];
  const F = [1, 1, 2, 2, 3, 5, 7, 10, 12];
  const M = [60, 150, 150, 999.99, 1000, 2000, 2000, 5000, 10000];
  const rows: Array<Array<string | number | boolean | { error: string } | null>> = [['ID', 'Recency', 'Frequency', 'Monetary']];
  for (let i = 1; i <= 30; i++) rows.push([`C${i}`, R[(i * 7) % R.length], F[(i * 5) % F.length], M[(i * 3) % M.length]]);
  rows[3][3] = '1,234.50';
  rows[4][3] = '¥2,000';
  rows[5][2] = ' 12 ';
  rows[6][1] = null;
  rows[7][2] = 'n/a';
  rows[8][3] = -5;
  rows[9][2] = true;
  rows[10][1] = { error: '#N/A' };
  rows[11] = [];
  rows[13][1] = '-3';
  const letters = 'ABCD';
  return minimalParts(rows.map((r, i) => r.map((v, c) => cellXml(`${letters[c]}${i + 1}`, v)).join('')));
}

/** The package with every formula's cached result removed from the XML, so only recalculation can fill them. */
function withoutCachedResults(parts: Parts): Array<[string, Buffer]> {
  return [...parts].map(([name, bytes]) => {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) return [name, bytes];
    const xml = bytes.toString('utf8').replace(/(<f\b[^>]*\/>|<f\b[^>]*>[^<]*<\/f>)<v>[^<]*<\/v>/g, '$1');
    return [name, Buffer.from(xml, 'utf8')];
  });
}

interface Compared {
  /** 1-based column of the first output column. */
  start: number;
  /** Value mode's columns without Check. */
  base: number;
  headerRow: number;
}

/** Every cell of the block: the recalculated formula equals value mode's value ("" and empty alike). */
function compareBlock(values: ExcelJS.Worksheet, formulas: ExcelJS.Worksheet, p: Compared): string[] {
  const problems: string[] = [];
  const last = Math.max(values.rowCount, formulas.rowCount);
  // Value mode has a Check column only when a row is invalid; formula mode always has one.
  const hasCheck = [...Array(last).keys()].some((r) => typeof shownCell(values.getCell(r + 1, p.start + p.base)) === 'string');
  for (let r = 1; r <= last; r++) {
    for (let c = 0; c <= p.base; c++) {
      const col = p.start + c;
      const f: Plain = shownCell(formulas.getCell(r, col));
      if (c === p.base && !hasCheck) {
        if (r !== p.headerRow && f !== null) problems.push(`${formulas.getCell(r, col).address}: Check is ${JSON.stringify(f)}, expected empty`);
        continue;
      }
      const v: Plain = shownCell(values.getCell(r, col));
      if (f !== v) problems.push(`${formulas.getCell(r, col).address}: formulas give ${JSON.stringify(f)}, values ${JSON.stringify(v)}`);
    }
  }
  return problems;
}

interface Case {
  name: string;
  input: string;
  args: string[];
  sheet: string;
  compared: Compared;
}

describe('--formulas on the streaming xlsx path', () => {
  let dir = '';
  const cases: Case[] = [];
  const recalculated = new Map<string, string>();

  beforeAll(async () => {
    dir = tempDir();
    const excel = path.join(dir, 'excel.xlsx');
    const mixed = path.join(dir, 'mixed.xlsx');
    await writeParts(excel, excelLikeParts());
    await writeParts(mixed, mixedParts());
    const excelCompared = { start: 7, base: 7, headerRow: 1 };
    cases.push(
      { name: 'excel-like, segments, follow-up, zh', input: excel, args: ['--segments', '--follow-up', '--lang', 'zh'], sheet: '客户', compared: excelCompared },
      { name: 'mixed, ties average', input: mixed, args: [], sheet: 'Data', compared: { start: 5, base: 5, headerRow: 1 } },
      { name: 'mixed, ties first, 4 bins', input: mixed, args: ['--ties', 'first', '--bins', '4'], sheet: 'Data', compared: { start: 5, base: 5, headerRow: 1 } },
      {
        name: 'mixed, breaks, segments of values',
        input: mixed,
        args: ['--r-method', 'breaks:7,30,90,180', '--f-method', 'breaks:2,4,7,10', '--m-method', 'breaks:150,1000,2000,5000', '--segments', '--segment-basis', 'values'],
        sheet: 'Data',
        compared: { start: 5, base: 6, headerRow: 1 },
      },
      { name: 'mixed, weighted, ties min, follow-up', input: mixed, args: ['--weights', '0.35,0.35,0.3', '--ties', 'min', '--follow-up'], sheet: 'Data', compared: { start: 5, base: 6, headerRow: 1 } },
    );
    // A formula-mode re-run on a formula-mode output (other options): the block is replaced.
    const first = path.join(dir, 'first.xlsx');
    await cli([excel, '--out', first, '--formulas', '--segments', '--follow-up', '--lang', 'zh']);
    cases.push({ name: 're-run on a formula-mode output', input: first, args: ['--ties', 'min', '--lang', 'zh'], sheet: '客户', compared: { start: 7, base: 5, headerRow: 1 } });

    const stripped: string[] = [];
    for (const [i, c] of cases.entries()) {
      const values = path.join(dir, `case${i}-values.xlsx`);
      const formulas = path.join(dir, `case${i}-formulas.xlsx`);
      await cli([c.input, '--out', values, ...c.args]);
      await cli([c.input, '--out', formulas, '--formulas', ...c.args]);
      const bare = path.join(dir, 'stripped', `case${i}.xlsx`);
      mkdirSync(path.dirname(bare), { recursive: true });
      await writeParts(bare, withoutCachedResults(await readParts(formulas)));
      stripped.push(bare);
      recalculated.set(c.name, path.join(dir, 'recalculated', `case${i}.xlsx`));
    }
    await recalculate(stripped, path.join(dir, 'recalculated'));
  }, 300_000);

  test.each(['excel-like, segments, follow-up, zh', 'mixed, ties average', 'mixed, ties first, 4 bins', 'mixed, breaks, segments of values', 'mixed, weighted, ties min, follow-up', 're-run on a formula-mode output'])(
    'recalculated by LibreOffice, equal to value mode on every row: %s',
    async (name) => {
      const i = cases.findIndex((c) => c.name === name);
      const c = cases[i];
      const values = sheet(await readBook(path.join(dir, `case${i}-values.xlsx`)), c.sheet);
      const formulas = sheet(await readBook(recalculated.get(name)!), c.sheet);
      // Still formulas after LibreOffice's round trip, and no cached result was left to copy.
      const probe = formulas.getCell(c.compared.headerRow + 1, c.compared.start).value;
      expect(probe && typeof probe === 'object' && ('formula' in probe || 'sharedFormula' in probe)).toBe(true);
      expect(compareBlock(values, formulas, c.compared)).toEqual([]);
      const scored = [...Array(values.rowCount).keys()].filter((r) => typeof shownCell(values.getCell(r + 1, c.compared.start + 3)) === 'number');
      expect(scored.length).toBeGreaterThanOrEqual(10);
    },
  );

  test('every part but the scored sheet, styles, strings and package lists is byte-identical; shared formulas, fullCalcOnLoad', async () => {
    const input = cases[0].input;
    const output = path.join(dir, 'case0-formulas.xlsx');
    const inParts = await readParts(input);
    const outParts = await readParts(output);
    for (const [name, bytes] of inParts) {
      if (EDITED.has(name) || name === 'xl/calcChain.xml') continue;
      expect([name, outParts.get(name)?.equals(bytes)]).toEqual([name, true]);
    }
    // New formula cells are not in the calculation chain: it is dropped (Excel rebuilds it).
    expect(outParts.has('xl/calcChain.xml')).toBe(false);
    expect([...outParts.keys()].filter((n) => !inParts.has(n))).toEqual(['xl/worksheets/sheet3.xml']);

    const xml = outParts.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    // The input's own shared formula keeps si 0; the block's start after it, one per column (11: G..Q).
    expect(xml).toContain('<f t="shared" ref="F2:F11" si="0">D2*2</f>');
    expect(xml).toMatch(/<c r="G2"><f t="shared" ref="G2:G11" si="1">IF\(\$O2="","",/);
    expect(xml).toContain('<c r="G3"><f t="shared" si="1"/><v>3</v></c>');
    expect(xml).toContain('<c r="Q11"><f t="shared" si="11"/><v>90</v></c>');
    expect((xml.match(/ ref="[A-Z]+2:[A-Z]+11" si="\d+"/g) ?? []).length).toBe(1 + 11);
    expect(xml).toContain('<dimension ref="A1:Q11"/>');
    // The helper columns: one outline level, and the sheet says so.
    expect(xml).toContain('<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25" outlineLevelCol="1"/>');
    expect(xml).toContain('<col min="14" max="14" width="10" customWidth="1"/>');
    expect(xml).toMatch(/<col min="15" max="15" width="[\d.]+" customWidth="1" outlineLevel="1"\/>/);
    expect(xml).toMatch(/<col min="17" max="17" width="[\d.]+" customWidth="1" outlineLevel="1"\/><\/cols>/);
    const workbook = outParts.get('xl/workbook.xml')!.toString('utf8');
    expect(workbook).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/>');
    expect(workbook).toContain('<definedName name="大客户金额">客户!$D$2:$D$11</definedName>');
  });

  test('exceljs reopens the result: formulas with the engine values cached, the parameter sheet with the helper note', async () => {
    const wb = await readXlsx(path.join(dir, 'case0-formulas.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['客户', 'Chart', 'RFM参数']);
    const ws = sheet(wb, '客户');
    const values = sheet(await readXlsx(path.join(dir, 'case0-values.xlsx')), '客户');
    for (let r = 1; r <= FIXTURE_CUSTOMERS.length + 1; r++) {
      for (let c = 7; c <= 13; c++) {
        expect([ws.getCell(r, c).address, shownCell(ws.getCell(r, c))]).toEqual([ws.getCell(r, c).address, shownCell(values.getCell(r, c))]);
      }
    }
    expect(ws.getCell('G2').formula).toMatch(/^IF\(/);
    expect(ws.getCell('G3').formula).toMatch(/^IF\(\$O3="",""/); // a shared formula, moved down by exceljs
    expect(ws.getCell('N1').value).toBe(t('zh', 'out.check'));
    expect(ws.getCell('J2').numFmt).toBe('0.00');
    expect([15, 16, 17].map((c) => ws.getCell(1, c).value)).toEqual(helperHeaders('zh'));
    expect(ws.getCell(1, 15).font).toMatchObject({ bold: true, italic: true });
    expect([15, 16, 17].map((c) => ws.getColumn(c).outlineLevel)).toEqual([1, 1, 1]);
    const params = sheet(wb, 'RFM参数');
    const texts: string[] = [];
    params.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && texts.push(cell.value))));
    expect(texts).toContain(t('zh', 'formula.helperNote'));
    expect(texts).toContain(t('zh', 'formula.title'));
  });

  test('the re-run reused the parameter sheet and replaced the whole block', async () => {
    const i = cases.findIndex((c) => c.name === 're-run on a formula-mode output');
    const out = path.join(dir, `case${i}-formulas.xlsx`);
    const wb = await readXlsx(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['客户', 'Chart', 'RFM参数']);
    const ws = sheet(wb, '客户');
    // Without segments and follow-up the block is 5 outputs, Check and 3 helpers: G..O, nothing after.
    expect([...Array(11).keys()].map((c) => ws.getCell(1, 7 + c).value ?? null).slice(6)).toEqual([...helperHeaders('zh'), null, null]);
    const xml = (await readParts(out)).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(xml).not.toMatch(/<c r="[P-V]\d+"/);
  });

  test('an .xlsm keeps its VBA project and stays macro-enabled', async () => {
    const input = path.join(dir, 'book.xlsm');
    const output = path.join(dir, 'scored.xlsm');
    const vba = randomBytes(2048);
    const parts = mixedParts();
    parts[0][1] = String(parts[0][1])
      .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
      .replace('<Default Extension="xml"', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="xml"');
    parts[3][1] = String(parts[3][1]).replace(
      '</Relationships>',
      '<Relationship Id="rId7" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    );
    parts.push(['xl/vbaProject.bin', vba]);
    await writeParts(input, parts);
    const before = sha256(input);
    const out = await cli([input, '--out', output, '--formulas']);
    expect(out).toContain('Wrote live formulas; the scheme is on sheet "RFM parameters"');
    expect(sha256(input)).toBe(before);
    const got = await readParts(output);
    expect(got.get('xl/vbaProject.bin')!.equals(vba)).toBe(true);
    expect(got.get('[Content_Types].xml')!.toString('utf8')).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    expect(got.get('xl/worksheets/sheet1.xml')!.toString('utf8')).toContain('<f t="shared" ref="E2:E11" si="0">');
    // The sheet had no <sheetFormatPr>: one is put in its place, before <cols>.
    expect(got.get('xl/worksheets/sheet1.xml')!.toString('utf8')).toContain('<sheetFormatPr defaultRowHeight="15" outlineLevelCol="1"/><cols>');
    expect(got.get('xl/workbook.xml')!.toString('utf8')).toContain('<calcPr fullCalcOnLoad="1"/>');
  });

  test('a failed formula run leaves nothing behind', async () => {
    const sub = path.join(dir, 'fail');
    mkdirSync(sub);
    const input = path.join(sub, 'in.xlsx');
    await writeParts(input, minimalParts([str('A1', 'ID') + str('B1', 'R') + str('C1', 'F') + str('D1', 'M'), str('A2', 'x') + str('B2', 'no') + num('C2', 1) + num('D2', 1)]));
    const res = await rfm([input, '--out', path.join(sub, 'out.xlsx'), '--formulas']);
    expect(res.code).toBe(2);
    expect(res.err).toHaveLength(1);
    expect(listDir(sub)).toEqual(['in.xlsx']);
  });

  test('a sheet with <cols> but no <sheetFormatPr> gets one right before <cols>, keeping its own widths', async () => {
    const input = path.join(dir, 'cols.xlsx');
    const parts = mixedParts();
    parts[4][1] = String(parts[4][1]).replace('<sheetData>', '<cols><col min="1" max="1" width="20" customWidth="1"/></cols><sheetData>');
    await writeParts(input, parts);
    await cli([input, '--out', path.join(dir, 'cols-out.xlsx'), '--formulas']);
    const xml = (await readParts(path.join(dir, 'cols-out.xlsx'))).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(xml).toContain('<sheetFormatPr defaultRowHeight="15" outlineLevelCol="1"/><cols><col min="1" max="1" width="20" customWidth="1"/><col min="5" max="5"');
    expect((xml.match(/<sheetFormatPr/g) ?? []).length).toBe(1);
  });
});

describe('fullCalcOnLoad in workbook.xml', () => {
  const wb = (inner: string) => parseXml(`<workbook xmlns="urn:x">${inner}</workbook>`, 'f', 'xl/workbook.xml').root;
  test('an existing <calcPr> keeps its attributes; a missing one goes after <definedNames>, before the elements ECMA-376 puts after it', () => {
    const a = wb('<sheets/><calcPr calcId="191029" fullCalcOnLoad="0"/>');
    setFullCalcOnLoad(a);
    expect(serialize(a)).toBe('<workbook xmlns="urn:x"><sheets/><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>');
    const b = wb('<sheets/><definedNames/><pivotCaches/><extLst/>');
    setFullCalcOnLoad(b);
    expect(serialize(b)).toBe('<workbook xmlns="urn:x"><sheets/><definedNames/><calcPr fullCalcOnLoad="1"/><pivotCaches/><extLst/></workbook>');
    const c = parseXml('<x:workbook xmlns:x="urn:x"><x:sheets/></x:workbook>', 'f', 'w').root;
    setFullCalcOnLoad(c);
    expect(serialize(c)).toBe('<x:workbook xmlns:x="urn:x"><x:sheets/><x:calcPr fullCalcOnLoad="1"/></x:workbook>');
  });
});
