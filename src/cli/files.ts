/** Input and output files of `rfm-score`: their formats, and the checks made before anything is read. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { RfmError } from '../core';
import type { CliOptions } from './options';

export type Format = 'xlsx' | 'csv';

/** The format of a file by its extension; a macro-enabled workbook (.xlsm) is an xlsx package. */
export function formatOf(file: string): Format | undefined {
  const ext = path.extname(file).toLowerCase();
  return ext === '.xlsx' || ext === '.xlsm' ? 'xlsx' : ext === '.csv' ? 'csv' : undefined;
}

/** A macro-enabled workbook (docs/xlsx.md "Macro-enabled workbooks"). */
export function isXlsm(file: string): boolean {
  return path.extname(file).toLowerCase() === '.xlsm';
}

/**
 * .xlsm in and out (docs/xlsx.md): the streaming path copies vbaProject.bin and the macro-enabled
 * content type unchanged, so the result is macro-enabled too and must be named .xlsm (Excel refuses
 * an .xlsx holding macros, and a .xlsx output would drop them); --formulas streams too. exceljs'
 * path (--transactions) writes no macros, so it cannot write an .xlsm.
 */
function checkMacros(o: CliOptions): void {
  const macroIn = isXlsm(o.input);
  const macroOut = isXlsm(o.out);
  if (macroIn && !macroOut && formatOf(o.out) === 'xlsx') throw new RfmError('xlsx.xlsmToXlsx', { file: o.input, out: o.out });
  if (macroOut && !macroIn) throw new RfmError('xlsx.xlsmNeedsXlsm', { file: o.input, out: o.out });
  if (macroOut && o.transactions) {
    throw new RfmError('xlsx.xlsmStreamingOnly', { option: '--transactions', out: o.out });
  }
}

/**
 * Whether two paths name the same file: the same real path (symbolic links, `./a` and `a`), or the
 * same device and inode (hard links). A path that does not exist yet is compared by its real folder.
 */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const real = async (file: string): Promise<string> => {
    const full = path.resolve(file);
    const folder = path.dirname(full);
    return fs.realpath(full).catch(async () => path.join(await fs.realpath(folder).catch(() => folder), path.basename(full)));
  };
  if ((await real(a)) === (await real(b))) return true;
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => undefined), fs.stat(b).catch(() => undefined)]);
  return !!sa && !!sb && sa.dev === sb.dev && sa.ino === sb.ino;
}

export async function checkFiles(o: CliOptions): Promise<{ inFormat: Format; outFormat: Format }> {
  const inFormat = formatOf(o.input);
  const outFormat = formatOf(o.out);
  let stat;
  try {
    stat = await fs.stat(o.input);
  } catch {
    throw new RfmError('cli.inputMissing', { file: o.input });
  }
  if (!stat.isFile()) throw new RfmError('cli.inputNotFile', { file: o.input });
  if (!inFormat) throw new RfmError('cli.badInputType', { file: o.input });
  if (!outFormat) throw new RfmError('cli.badOutputType', { file: o.out });
  if (await sameFile(o.input, o.out)) throw new RfmError('cli.outIsInput', { file: o.out });
  checkMacros(o);
  // The earlier results must survive the run too (docs/limits.md): not the output, by any path.
  for (const [option, file] of [['--previous', o.previous], ['--scale-from', o.scaleFrom]] as const) {
    if (file !== undefined && (await sameFile(file, o.out))) throw new RfmError('limits.sameAsOut', { option, file: o.out });
  }
  if (inFormat === 'csv' && o.sheet !== undefined) throw new RfmError('cli.sheetWithCsv', { file: o.input });
  return { inFormat, outFormat };
}

