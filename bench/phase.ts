/**
 * One measured phase of `npm run bench`, run in its own process so its peak memory (maxRSS) is its
 * own. Prints one JSON line: {"ms": …, "maxRssMB": …, …}.
 */
import { promises as fs } from 'node:fs';
import Papa from 'papaparse';
import { defaultScheme, parseBinningText, scoreTable, tieFixes, withBinning, type Warning } from '../src/core';
import { run } from '../src/cli/main';
import { paneBench } from './pane';
import { generateCustomers } from './generate';
import { disagreements, duckCustomers, duckTransactions, sqlDisagreements } from './duckdb';

const SINCE = '2022-01-01';
const AS_OF = '2025-03-31';

/** The engine alone; `binning` nested ranks F within each R score and M within each R × F cell (docs/binning.md). */
async function engine(n: number, binning = 'independent'): Promise<Record<string, number>> {
  const c = generateCustomers(n);
  const columns = { r: Array.from(c.r), f: Array.from(c.f), m: Array.from(c.m) };
  const scheme = withBinning(defaultScheme(), parseBinningText(binning));
  const t0 = performance.now();
  const result = scoreTable(columns, scheme);
  const ms = performance.now() - t0;
  return { ms, n: result.n };
}

/**
 * Tie-collapse advice (docs/tie-advice.md) on the engine's result: the generated F has about half the
 * customers at 1, so its ties leave scores empty; the time is for every fix of that warning.
 */
async function tieFixPhase(n: number): Promise<Record<string, number>> {
  const c = generateCustomers(n);
  const scheme = defaultScheme();
  const result = scoreTable({ r: Array.from(c.r), f: Array.from(c.f), m: Array.from(c.m) }, scheme);
  const w = result.warnings.find((x): x is Extract<Warning, { kind: 'ties' }> => x.kind === 'ties' && x.emptyScores.length > 0);
  if (!w) return { ms: 0, fixes: 0 };
  const t0 = performance.now();
  const fixes = tieFixes(result, scheme, w);
  return { ms: performance.now() - t0, fixes: fixes.length };
}

/**
 * The floor: the least any correct CSV scorer must do, with the same CSV parser — parse every row,
 * parse the three numbers, sort each column once, and write every input line back with five
 * appended values.
 */
async function floor(input: string, output: string): Promise<Record<string, number>> {
  const t0 = performance.now();
  const text = await fs.readFile(input, 'utf8');
  const ends: number[] = [];
  const cols: number[][] = [[], [], []];
  Papa.parse<string[]>(text, {
    step: (res) => {
      ends.push(res.meta.cursor);
      for (let c = 0; c < 3; c++) cols[c].push(Number(res.data[c + 2]));
    },
  });
  const sorted = cols.map((a) => Float64Array.from(a).sort());
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const line = text.slice(start, ends[i]).replace(/\r?\n$/, '');
    start = ends[i];
    if (line) parts.push(`${line},${sorted[0][i]},${sorted[1][i]},${sorted[2][i]},${cols[0][i]},A`);
  }
  await fs.writeFile(output, `${parts.join('\n')}\n`);
  return { ms: performance.now() - t0, n: ends.length - 1 };
}

async function cli(input: string, output: string, extra: string[] = []): Promise<Record<string, number>> {
  const t0 = performance.now();
  const code = await run([input, '--out', output, ...extra], { out: () => undefined, err: (l) => process.stderr.write(`${l}\n`) });
  return { ms: performance.now() - t0, code };
}

/** `rfm-score SALES.csv --transactions`: aggregate sales records into R, F, M, then score them. */
async function transactions(input: string, output: string): Promise<Record<string, number>> {
  const t0 = performance.now();
  const args = [input, '--transactions', '--since', SINCE, '--as-of', AS_OF, '--out', output];
  const code = await run(args, { out: () => undefined, err: (l) => process.stderr.write(`${l}\n`) });
  return { ms: performance.now() - t0, code };
}

async function timed(job: () => Promise<void>): Promise<Record<string, number>> {
  const t0 = performance.now();
  await job();
  return { ms: performance.now() - t0 };
}

async function pick(phase: string, a: string, b: string, c: string): Promise<Record<string, number>> {
  switch (phase) {
    case 'engine':
      return engine(Number(a), b);
    case 'floor':
      return floor(a, b);
    case 'tie-fixes':
      return tieFixPhase(Number(a));
    case 'transactions':
      return transactions(a, b);
    case 'pane':
      return { ...(await paneBench(Number(a))) };
    // Nested binning (docs/binning.md): our CLI, and the scheme's SQL run by embedded DuckDB (--engine duckdb).
    case 'cli-nested':
      return cli(a, b, ['--binning', 'nested']);
    case 'duck-nested':
      return cli(a, b, ['--binning', 'nested', '--engine', 'duckdb']);
    case 'duck-customers':
      return timed(() => duckCustomers(a, b));
    case 'duck-transactions':
      return timed(() => duckTransactions(a, b, SINCE, AS_OF));
    case 'agree-sql':
      return { ...(await sqlDisagreements(a, b, c)) };
    case 'agree':
      return { ...(await disagreements(a, b, c)) };
    default:
      return cli(a, b);
  }
}

async function main(): Promise<void> {
  const [phase, a, b, c] = process.argv.slice(2);
  const result = await pick(phase, a, b, c);
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ...result, maxRssMB })}\n`);
}

void main();
