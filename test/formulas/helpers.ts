/**
 * Formula-mode tests: recalculating workbooks with LibreOffice headless and reading the computed
 * values back. LibreOffice is required: `npm test` provisions it first (scripts/provision.js); without
 * it the tests fail with a message naming what to install.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';

import { findSoffice, INSTALL_HINT } from '../../scripts/soffice';

/** The soffice binary, or an Error naming what to install. */
export function soffice(): string {
  const bin = findSoffice();
  if (!bin) throw new Error(INSTALL_HINT);
  return bin;
}

export function sofficeVersion(): string {
  return spawnSync(soffice(), ['--version'], { encoding: 'utf8' }).stdout.trim();
}

/** LibreOffice's "recalculate on load: always" for xlsx, in a private profile (parallel runs don't clash). */
const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Open every file in LibreOffice, recalculate and save it as xlsx into `outDir` (same base names):
 * one soffice start for all of them.
 */
export async function recalculate(files: string[], outDir: string): Promise<string[]> {
  const bin = soffice();
  const profile = mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  mkdirSync(path.join(profile, 'user'), { recursive: true });
  writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), PROFILE_SETTINGS);
  mkdirSync(outDir, { recursive: true });
  const args = [
    `-env:UserInstallation=file://${profile}`,
    '--headless',
    '--norestore',
    '--calc',
    '--convert-to',
    'xlsx',
    '--outdir',
    outDir,
    ...files,
  ];
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(bin, args, { timeout: 180_000 }, (err, stdout, stderr) => {
        if (err) reject(new Error(`soffice failed: ${err.message}\n${stdout}\n${stderr}`));
        else resolve();
      });
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const outputs = files.map((f) => path.join(outDir, path.basename(f)));
  const missing = outputs.filter((f) => !existsSync(f));
  if (missing.length) throw new Error(`soffice did not write ${missing.join(', ')}`);
  return outputs;
}

/** Drop every formula's cached result, so the values must come from recalculation. */
export async function stripResults(file: string, out: string, edit?: (wb: ExcelJS.Workbook) => void): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  let formulas = 0;
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (v && typeof v === 'object' && 'sharedFormula' in v && v.sharedFormula) {
          cell.value = { sharedFormula: v.sharedFormula } as ExcelJS.CellSharedFormulaValue;
          formulas++;
        } else if (v && typeof v === 'object' && 'formula' in v && v.formula) {
          // A shared formula's master keeps its shareType and ref.
          const { formula, shareType, ref } = v as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
          cell.value = { formula, ...(shareType ? { shareType, ref } : {}) } as ExcelJS.CellFormulaValue;
          formulas++;
        }
      });
    });
  }
  edit?.(wb);
  await wb.xlsx.writeFile(out);
  return formulas;
}

export type Plain = number | string | boolean | null;

/**
 * A cell's value as shown: a formula by its result; empty text as null. Pass the cell, not
 * cell.value: exceljs' cell.value drops a formula's falsy result (0), cell.result keeps it.
 */
export function shownCell(cell: ExcelJS.Cell): Plain {
  const v = cell.value;
  if (v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    return shown((cell.result ?? null) as ExcelJS.CellValue);
  }
  return shown(v);
}

export function shown(v: ExcelJS.CellValue): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && !(v instanceof Date)) {
    if ('formula' in v || 'sharedFormula' in v) return shown(((v as ExcelJS.CellFormulaValue).result ?? null) as ExcelJS.CellValue);
    if ('error' in v) return `#ERR ${String(v.error)}`;
    if ('richText' in v) return shown(v.richText.map((r) => r.text).join(''));
  }
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string') return v === '' ? null : v;
  return v as Plain;
}

export async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
