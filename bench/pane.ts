/**
 * The pane's Excel path on the in-memory workbook: a sheet of customers (Chinese headers, R/F/M in
 * columns C–E), the used range selected, then currentTable → scoreTableInExcel → planWrite →
 * writeOutput, as the pane runs them. Excel-on-the-web-like payload limits (4 MB) are enforced, so an
 * oversized request or response fails the run.
 *
 *   npx tsc -p tsconfig.cli.json && node lib/bench/pane.js [rows …]
 */
import { defaultScheme } from '../src/core';
import { currentTable, planWrite, scoreTableInExcel, writeOutput } from '../src/excel';
import { createMemoryExcel } from '../src/excel/memory';
import { generateCustomers } from './generate';

const LIMIT = 4 * 1024 * 1024;
const HEADERS = ['客户编号', '地区', '距离上一次购买的天数R(天)', '最近一段时间购买频次F(次)', '消费金额M(元)'];
const REGIONS = ['上海', '北京', '广州', '深圳', '呼和浩特', '茂名'];

export interface PaneBenchResult {
  /** Wall time of the four pane calls (the workbook set-up not included). */
  ms: number;
  /** context.sync() calls of the four pane calls. */
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
}

export async function paneBench(rows: number): Promise<PaneBenchResult> {
  const { Excel, workbook, log } = createMemoryExcel({ maxRequestBytes: LIMIT, maxResponseBytes: LIMIT });
  const sheet = workbook.addSheet('客户', [HEADERS]);
  const c = generateCustomers(rows);
  const BLOCK = 50_000;
  for (let start = 0; start < rows; start += BLOCK) {
    const block: unknown[][] = [];
    for (let i = start; i < Math.min(rows, start + BLOCK); i++) {
      block.push([`C${i + 1}`, REGIONS[i % REGIONS.length], c.r[i], c.f[i], c.m[i]]);
    }
    sheet.setValues(`A${start + 2}`, block);
  }
  await workbook.select('客户', workbook.usedRange('客户') as string);
  log.reset();

  const t0 = performance.now();
  const table = await currentTable(Excel);
  const scored = await scoreTableInExcel(Excel, table, {}, defaultScheme(), 'zh');
  const plan = await planWrite(Excel, table, scored);
  const result = await writeOutput(Excel, table, scored, plan, 'here', 'zh');
  const ms = performance.now() - t0;

  if (result.rowsWritten !== rows) throw new Error(`wrote ${result.rowsWritten} rows, expected ${rows}`);
  const failed = log.syncs.find((s) => s.error !== undefined);
  if (failed) throw new Error(`sync ${failed.index} failed: ${failed.error}`);
  return { ms, syncs: log.syncs.length, maxRequestBytes: log.maxRequestBytes(), maxResponseBytes: log.maxResponseBytes() };
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const sizes = args.length > 0 ? args : [100_000, 1_048_575];
  for (const rows of sizes) {
    const r = await paneBench(rows);
    console.log(
      `${rows.toLocaleString('en-US').padStart(9)} rows  ${(r.ms / 1000).toFixed(2).padStart(6)} s  ` +
        `${String(r.syncs).padStart(3)} syncs  max request ${mb(r.maxRequestBytes)}  max response ${mb(r.maxResponseBytes)}  ` +
        `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    );
  }
}

if (require.main === module) void main();
