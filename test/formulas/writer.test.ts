/**
 * The formula writer (src/core/formulas.ts) and `rfm-score --formulas` without recalculation:
 * function prefixes, absolute references into the parameter block, the block's content, cached
 * results equal to value mode, the CSV refusal, re-run detection. (Recalculation: recalc.test.ts.)
 */
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  classifyHeader,
  defaultScheme,
  formulaSheet,
  helperHeaders,
  ownOutputBlockStart,
  outputHeader,
  parseGradesText,
  preset,
  type FormulaLayout,
  type Scheme,
} from '../../src/core';
import { t } from '../../src/i18n';
import { csvText, listDir, readXlsx, removeTempDirs, rfm, sheet, tempDir, writeXlsx } from '../cli/helpers';
import { shownCell } from './helpers';

afterAll(removeTempDirs);

const LAYOUT: FormulaLayout = {
  sheetName: 'Customers',
  paramSheetName: 'RFM parameters',
  columns: { r: 2, f: 3, m: 4 },
  dataRows: [1, 2, 3, 5],
  startColumn: 5,
};

function allFormulas(scheme: Scheme, options: Parameters<typeof formulaSheet>[2]): string[] {
  const fx = formulaSheet(scheme, LAYOUT, options);
  const out: string[] = [];
  LAYOUT.dataRows.forEach((_, i) => fx.columns.forEach((_c, c) => out.push(fx.formula(i, c))));
  for (const p of fx.params) if (p.formula) out.push(p.formula);
  return out;
}

describe('formula text', () => {
  test('functions newer than Excel 2007 carry _xlfn. in files and no prefix for Office.js', () => {
    const schemes: Scheme[] = [defaultScheme(), { ...defaultScheme(), ties: 'min' }, { ...defaultScheme(), ties: 'first' }];
    for (const scheme of schemes) {
      const file = allFormulas(scheme, { lang: 'en', segments: true, followUp: true }).join('\n');
      const excel = allFormulas(scheme, { lang: 'en', segments: true, followUp: true, dialect: 'excel' }).join('\n');
      for (const name of ['RANK.AVG', 'RANK.EQ', 'NUMBERVALUE']) {
        // every occurrence prefixed in the file dialect, none in the Excel dialect
        expect(file.split(`${name}(`).length).toBe(file.split(`_xlfn.${name}(`).length);
        expect(excel).not.toContain('_xlfn.');
      }
      expect(file).toContain('_xlfn.NUMBERVALUE(');
      expect(file).toContain(scheme.ties === 'average' ? '_xlfn.RANK.AVG(' : '_xlfn.RANK.EQ(');
      // nothing else that needs a prefix
      const used = new Set([...file.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1].replace(/^_XLFN\./, '')));
      const allowed = ['IF', 'ISERROR', 'ISLOGICAL', 'ISNUMBER', 'TRIM', 'SUBSTITUTE', 'IFERROR', 'FIND', 'MID', 'INT', 'COUNTIF', 'SUMPRODUCT', 'ROUND', 'INDEX', 'COUNT', 'AVERAGE', 'MEDIAN', 'SUM', 'RANK.AVG', 'RANK.EQ', 'NUMBERVALUE'];
      for (const f of used) expect(allowed).toContain(f.replace(/^.*_xlfn\./, ''));
    }
  });

  test('the quintile score, composite and grade of one row', () => {
    const fx = formulaSheet(defaultScheme(), LAYOUT, { lang: 'en' });
    expect(fx.headers).toEqual(['R Score', 'F Score', 'M Score', 'RFM Score', 'Grade', 'Check', 'Helper: R value', 'Helper: F value', 'Helper: M value']);
    const P = "'RFM parameters'!";
    // Row 3 (index 1): R ranked ascending among the valid helper values L2:L6, over k and n in the parameter block.
    expect(fx.formula(1, 0)).toBe(`IF($L3="","",${P}$B$15-INT(${P}$B$15*(_xlfn.RANK.AVG($L3,$L$2:$L$6,1)-1)/${P}$B$26))`);
    // F descending.
    expect(fx.formula(1, 1)).toContain('_xlfn.RANK.AVG($M3,$M$2:$M$6,0)');
    expect(fx.formula(1, 3)).toBe(`IF($F3="","",ROUND(${P}$B$7*$F3+${P}$C$7*$G3+${P}$D$7*$H3,10))`);
    expect(fx.formula(1, 4)).toBe(`IF($I3="","",INDEX(${P}$A$20:$A$23,1+SUMPRODUCT(--($I3<${P}$B$20:$B$22))))`);
    // The helper is blank unless Check is empty.
    expect(fx.formula(1, 6)).toMatch(/^IF\(\$K3<>"","",IF\(ISNUMBER\(\$C3\),\$C3,_xlfn\.NUMBERVALUE\(/);
    // The parameter cells those references point at.
    const at = (row: number, column: number) => fx.params.find((p) => p.row === row && p.column === column);
    expect([at(6, 1)?.value, at(6, 2)?.value, at(6, 3)?.value]).toEqual([0.3, 0.3, 0.4]);
    expect(at(6, 0)?.value).toBe('Weight');
    expect(at(6, 1)?.role).toBe('input');
    expect(at(14, 1)).toMatchObject({ value: 5, role: 'input' });
    expect(at(25, 1)).toMatchObject({ formula: "COUNT('Customers'!$L$2:$L$6)", role: 'computed' });
    expect([19, 20, 21, 22].map((r) => at(r, 0)?.value)).toEqual(['A', 'B', 'C', 'D']);
    expect([19, 20, 21].map((r) => at(r, 1)?.value)).toEqual([4, 3, 2]);
  });

  test('ties first: RANK.EQ plus the earlier equal values (none before the first row)', () => {
    const fx = formulaSheet({ ...defaultScheme(), ties: 'first' }, LAYOUT, { lang: 'en' });
    expect(fx.formula(0, 2)).not.toContain('COUNTIF');
    expect(fx.formula(3, 2)).toContain('_xlfn.RANK.EQ($N6,$N$2:$N$6,0)+COUNTIF($N$2:$N5,$N6)');
  });

  test('breaks compare against the cut-off cells; raw is the value', () => {
    const scheme = preset('template');
    scheme.methods.f = { kind: 'raw' };
    const fx = formulaSheet(scheme, LAYOUT, { lang: 'zh' });
    const P = "'RFM parameters'!";
    expect(fx.formula(0, 0)).toMatch(new RegExp(`^IF\\(\\$L2="","",1\\+SUMPRODUCT\\(--\\(\\$L2<=${P.replace(/[$()]/g, '\\$&')}\\$B\\$\\d+:\\$E\\$\\d+\\)\\)\\)$`));
    expect(fx.formula(0, 1)).toBe('IF($M2="","",$M2)');
    expect(fx.formula(0, 2)).toContain('1+SUMPRODUCT(--($N2>=');
    const cutoffs = fx.params.filter((p) => p.role === 'input' && typeof p.value === 'number' && [30, 60, 90, 180].includes(p.value));
    expect(cutoffs).toHaveLength(4);
    expect(fx.headers.slice(0, 6)).toEqual(['R得分', 'F得分', 'M得分', 'RFM得分', '客户等级', '数据检查']);
  });

  test('additive: the sum of the scores, rounded; no weights in the block', () => {
    const fx = formulaSheet(preset('maoming'), LAYOUT, { lang: 'en' });
    expect(fx.formula(0, 3)).toBe('IF($F2="","",ROUND($F2+$G2+$H2,10))');
    expect(fx.params.some((p) => p.value === 'Weight')).toBe(false);
  });

  test('segments and follow-up read the references and labels of the block', () => {
    const fx = formulaSheet({ ...defaultScheme(), grades: parseGradesText('A:4,B:3,C:2,D') }, LAYOUT, {
      lang: 'en',
      segments: { reference: 'median', basis: 'values' },
      followUp: true,
    });
    expect(fx.headers.slice(5, 8)).toEqual(['Segment', 'Follow-up', 'Check']);
    const segment = fx.formula(0, 5);
    // R low when its value is above the reference (smaller is better), F and M when below.
    expect(segment).toMatch(/^IF\(\$F2="","",INDEX\('RFM parameters'!\$A\$\d+:\$A\$\d+,1\+4\*\(\$P2<'RFM parameters'!\$B\$\d+\)\+2\*\(\$N2>'RFM parameters'!\$B\$\d+\)\+\(\$O2<'RFM parameters'!\$B\$\d+\)\)\)$/);
    expect(fx.formula(0, 6)).toContain("INDEX('RFM parameters'!$C$");
    const medians = fx.params.filter((p) => p.formula?.startsWith('MEDIAN('));
    expect(medians.map((p) => p.formula)).toEqual([
      "MEDIAN('Customers'!$N$2:$N$6)",
      "MEDIAN('Customers'!$O$2:$O$6)",
      "MEDIAN('Customers'!$P$2:$P$6)",
    ]);
    const labels = fx.params.filter((p) => p.role === 'input' && typeof p.value === 'string').map((p) => p.value);
    expect(labels).toEqual(expect.arrayContaining(['Important value', 'General win-back', 'Monthly', 'Yearly']));
  });

  test('within a run of adjacent rows every formula is the first one moved down (shared formulas)', () => {
    /** Move the relative row numbers of A1 references down by `dy` (absolute $rows stay). */
    const shift = (f: string, dy: number) =>
      f.replace(/(?<![A-Za-z0-9_.])(\$?[A-Z]{1,3})(\$?)(\d+)(?![\d(])/g, (all, col: string, dollar: string, row: string) =>
        dollar ? all : `${col}${Number(row) + dy}`,
      );
    const layout = { ...LAYOUT, dataRows: [1, 2, 3, 5, 6, 7] };
    for (const ties of ['average', 'min', 'first'] as const) {
      const fx = formulaSheet({ ...defaultScheme(), ties }, layout, { lang: 'en', segments: true, followUp: true });
      expect(fx.runs).toEqual(ties === 'first' ? [{ start: 0, end: 0 }, { start: 1, end: 2 }, { start: 3, end: 5 }] : [{ start: 0, end: 2 }, { start: 3, end: 5 }]);
      for (const run of fx.runs) {
        for (let i = run.start; i <= run.end; i++) {
          fx.columns.forEach((_, c) => {
            expect(fx.formula(i, c)).toBe(shift(fx.formula(run.start, c), layout.dataRows[i] - layout.dataRows[run.start]));
          });
        }
      }
    }
  });

  test('sheet names with quotes are quoted for references', () => {
    const fx = formulaSheet(defaultScheme(), { ...LAYOUT, sheetName: "Bob's list", paramSheetName: "It's RFM" }, { lang: 'en' });
    expect(fx.formula(0, 3)).toContain("'It''s RFM'!$B$7");
    expect(fx.params.find((p) => p.formula?.startsWith('COUNT('))?.formula).toBe("COUNT('Bob''s list'!$L$2:$L$6)");
  });
});

describe('re-run detection', () => {
  test('the block with helper columns is this product’s own; helper headers are never input columns', () => {
    for (const lang of ['en', 'zh'] as const) {
      const headers = ['ID', 'R', 'F', 'M', ...(['r', 'f', 'm', 'rfm', 'grade', 'check'] as const).map((c) => outputHeader(c, lang)), ...helperHeaders(lang)];
      expect(ownOutputBlockStart(headers, headers.length - 1)).toBe(4);
      for (const h of helperHeaders(lang)) expect(classifyHeader(h)).toBeUndefined();
    }
  });
});

// ---------- the command line ----------

const ROWS = [
  ['ID', 'Recency', 'Frequency', 'Monetary'],
  ['a', 5, 8, 3200],
  ['b', 12, 5, '1,500'],
  ['c', 30, 5, 900],
  ['d', null, 2, 2400],
  ['e', 200, 1, 150],
  ['f', 60, 2, 0],
];

async function input(dir: string): Promise<string> {
  const file = path.join(dir, 'in.xlsx');
  await writeXlsx(file, (wb) => {
    const ws = wb.addWorksheet('Customers');
    ROWS.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
  });
  return file;
}

describe('rfm-score --formulas', () => {
  test('writes formulas whose cached results are the values of value mode', async () => {
    const dir = tempDir();
    const file = await input(dir);
    expect((await rfm([file, '--out', path.join(dir, 'v.xlsx'), '--segments', '--follow-up'])).code).toBe(0);
    const res = await rfm([file, '--out', path.join(dir, 'f.xlsx'), '--formulas', '--segments', '--follow-up']);
    expect(res.code).toBe(0);
    expect(res.out).toContain('Wrote live formulas; the scheme is on sheet "RFM parameters"');
    const v = sheet(await readXlsx(path.join(dir, 'v.xlsx')), 'Customers');
    const fwb = await readXlsx(path.join(dir, 'f.xlsx'));
    const f = sheet(fwb, 'Customers');
    expect(fwb.worksheets.map((w) => w.name)).toEqual(['Customers', 'RFM parameters']);
    for (let r = 1; r <= ROWS.length; r++) {
      for (let c = 5; c <= 12; c++) {
        const cell = f.getCell(r, c);
        if (r > 1) expect(cell.formula).toMatch(/^IF\(|^MID\(/);
        expect([cell.address, shownCell(cell)]).toEqual([cell.address, shownCell(v.getCell(r, c))]);
      }
    }
    // The helper columns: labelled, one outline group, explained on the parameter sheet.
    expect([13, 14, 15].map((c) => f.getCell(1, c).value)).toEqual(['Helper: R value', 'Helper: F value', 'Helper: M value']);
    expect([13, 14, 15].map((c) => f.getColumn(c).outlineLevel)).toEqual([1, 1, 1]);
    const paramTexts: unknown[] = [];
    sheet(fwb, 'RFM parameters').eachRow((row) => row.eachCell((cell) => void paramTexts.push(cell.value)));
    expect(paramTexts).toContain(t('en', 'formula.helperNote'));
    expect(shownCell(f.getCell(5, 13))).toBeNull(); // invalid row d
    expect(shownCell(f.getCell(7, 15))).toBe(0); // M = 0 is a value, not empty
    expect(shownCell(f.getCell(3, 15))).toBe(1500); // '1,500' read as a number
  });

  test('--lang zh names the parameter sheet RFM参数', async () => {
    const dir = tempDir();
    const file = await input(dir);
    const res = await rfm([file, '--out', path.join(dir, 'f.xlsx'), '--formulas', '--lang', 'zh']);
    expect(res.code).toBe(0);
    const wb = await readXlsx(path.join(dir, 'f.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Customers', 'RFM参数']);
    expect(sheet(wb, 'RFM参数').getCell('A1').value).toBe(t('zh', 'formula.title'));
  });

  test('CSV output is refused with exit code 2 and one line; nothing is written', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'in.csv');
    writeFileSync(file, csvText(ROWS.map((r) => r.map((v) => (v === null ? '' : v)))));
    const res = await rfm([file, '--out', path.join(dir, 'out.csv'), '--formulas']);
    expect(res.code).toBe(2);
    expect(res.err).toEqual([`rfm-score: ${t('en', 'formula.needsXlsx')}`]);
    expect(listDir(dir)).toEqual(['in.csv']);
    expect(existsSync(path.join(dir, 'out.csv'))).toBe(false);
  });

  test('a value-mode run on a formula-mode output replaces the whole block, helpers included', async () => {
    const dir = tempDir();
    const file = await input(dir);
    expect((await rfm([file, '--out', path.join(dir, 'f.xlsx'), '--formulas'])).code).toBe(0);
    const res = await rfm([path.join(dir, 'f.xlsx'), '--out', path.join(dir, 'v.xlsx')]);
    expect(res.code).toBe(0);
    expect(res.out).toContain('Replaced 9 output columns of an earlier run');
    const v = sheet(await readXlsx(path.join(dir, 'v.xlsx')), 'Customers');
    const headers = [...Array(12).keys()].map((c) => v.getCell(1, c + 1).value ?? null);
    expect(headers).toEqual(['ID', 'Recency', 'Frequency', 'Monetary', 'R Score', 'F Score', 'M Score', 'RFM Score', 'Grade', 'Check', null, null]);
  });

  test('an input cell holding a formula whose cached result is 0 is read as 0, not as empty', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'in.xlsx');
    await writeXlsx(file, (wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['ID', 'R', 'F', 'M']);
      ws.addRow(['a', { formula: '1-1', result: 0 }, 3, 100]);
      ws.addRow(['b', 4, 2, 50]);
    });
    const res = await rfm([file, '--out', path.join(dir, 'o.csv')]);
    expect(res.code).toBe(0);
    expect(res.out.join('\n')).not.toContain('empty');
  });
});
