/** Input and output files of `rfm-score`: their formats, and the checks made before anything is read. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { RfmError } from '../core';
import type { CliOptions } from './options';

export type Format = 'xlsx' | 'csv';

export function formatOf(file: string): Format | undefined {
  const ext = path.extname(file).toLowerCase();
  return ext === '.xlsx' ? 'xlsx' : ext === '.csv' ? 'csv' : undefined;
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
  const realIn = await fs.realpath(o.input);
  const realOut = await fs.realpath(o.out).catch(() => path.resolve(o.out));
  if (realIn === realOut) throw new RfmError('cli.outIsInput', { file: o.out });
  if (inFormat === 'csv' && o.sheet !== undefined) throw new RfmError('cli.sheetWithCsv', { file: o.input });
  return { inFormat, outFormat };
}

