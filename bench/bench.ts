/**
 * `npm run bench`: 1,000,000 generated customers scored by the engine alone and by the CLI on a
 * CSV file, side by side with the same job as one DuckDB SQL query on the same file (and pandas,
 * where installed), with the count of customers whose scores or grade disagree; the pane end to end;
 * then 5,000,000 sales records of 200,000 customers aggregated and scored by `rfm-score
 * --transactions` next to DuckDB doing the same aggregation and scheme (without, then with an order
 * ID column). Targets (README): 1M customers no slower than DuckDB, peak < 400 MB; 5M sales records
 * within 2× DuckDB, peak < 600 MB; xlsx
 * workbooks of 100,000 and 1,048,575 rows through the streaming xlsx path (docs/xlsx.md), < 30 s, < 1 GB,
 * and the 100,000-row one with --formulas.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { customersCsv, generateCustomers, writeTransactionsCsv } from './generate';
import { writeCustomersXlsx } from './xlsx';

const N = Number(process.env.BENCH_ROWS ?? 1_000_000);
const TX_ROWS = Number(process.env.BENCH_TX_ROWS ?? 5_000_000);
const TX_CUSTOMERS = Number(process.env.BENCH_TX_CUSTOMERS ?? 200_000);

interface Measured {
  ms: number;
  maxRssMB: number;
  wallMs: number;
}

function phase(args: string[]): Measured {
  const t0 = performance.now();
  const out = execFileSync(process.execPath, [path.join(__dirname, 'phase.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const wallMs = performance.now() - t0;
  return { ...(JSON.parse(out.trim().split('\n').pop()!) as Omit<Measured, 'wallMs'>), wallMs };
}

/** `rfm-score BOOK --out OUT --formulas` in a process of its own (the `cli` phase takes no options). */
function formulaPhase(book: string, out: string): Measured {
  const script =
    `const { run } = require(${JSON.stringify(path.join(__dirname, '..', 'src', 'cli', 'main.js'))}); const t0 = performance.now();` +
    "run([process.argv[1], '--out', process.argv[2], '--formulas'], { out() {}, err: (l) => process.stderr.write(l + '\\n') }).then((code) =>" +
    ' process.stdout.write(JSON.stringify({ ms: performance.now() - t0, code, maxRssMB: process.resourceUsage().maxRSS / 1024 })));';
  const t0 = performance.now();
  const res = JSON.parse(execFileSync(process.execPath, ['-e', script, book, out], { encoding: 'utf8' })) as Omit<Measured, 'wallMs'>;
  return { ...res, wallMs: performance.now() - t0 };
}

function rate(ms: number): string {
  return `${Math.round(N / (ms / 1000)).toLocaleString('en-US')} rows/s`;
}

function line(name: string, m: Measured, extra = ''): void {
  console.log(
    `${name.padEnd(28)} ${(m.wallMs / 1000).toFixed(2).padStart(6)} s wall (${(m.ms / 1000).toFixed(2)} s in phase)  ` +
      `${rate(m.wallMs).padStart(18)}  peak ${Math.round(m.maxRssMB)} MB${extra}`,
  );
}

function ratio(ours: Measured, peer: Measured): string {
  return `${(ours.wallMs / peer.wallMs).toFixed(2)}× DuckDB's time`;
}

function agreement(ours: string, theirs: string, id: string): string {
  const a = phase(['agree', ours, theirs, id]) as Measured & { rows: number; differ: number };
  return `DuckDB vs ours: ${a.differ.toLocaleString('en-US')} disagreements in ${a.rows.toLocaleString('en-US')} customers`;
}

function pandasLine(): string {
  const probe = spawnSync('python3', ['-c', 'import pandas; print(pandas.__version__)'], { encoding: 'utf8' });
  return probe.status === 0 ? `pandas ${probe.stdout.trim()}: installed, no pandas phase in this bench` : 'pandas: not installed';
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rfm-bench-'));
  try {
    const input = path.join(dir, 'customers.csv');
    writeFileSync(input, customersCsv(generateCustomers(N)));
    console.log(`RFM Grader benchmark: ${N.toLocaleString('en-US')} customers, CSV ${(statSync(input).size / 1e6).toFixed(1)} MB, node ${process.version}`);

    const engine = phase(['engine', String(N)]);
    console.log(
      `${'engine alone (scoreTable)'.padEnd(28)} ${(engine.ms / 1000).toFixed(2).padStart(6)} s         ${rate(engine.ms).padStart(18)}  peak ${Math.round(engine.maxRssMB)} MB (incl. generating the data)  target < 1 s`,
    );
    const ties = phase(['tie-fixes', String(N)]) as Measured & { fixes: number };
    console.log(`${'tie fixes (tieFixes)'.padEnd(28)} ${(ties.ms / 1000).toFixed(2).padStart(6)} s         ${ties.fixes} fixes for the F ties warning  target < 0.3 s`);
    const nestedEngine = phase(['engine', String(N), 'nested']);
    console.log(
      `${'engine alone, nested'.padEnd(28)} ${(nestedEngine.ms / 1000).toFixed(2).padStart(6)} s         ${rate(nestedEngine.ms).padStart(18)}  peak ${Math.round(nestedEngine.maxRssMB)} MB  ${(nestedEngine.ms / engine.ms).toFixed(2)}× independent (docs/binning.md)`,
    );
    const duck = phase(['duck-customers', input, path.join(dir, 'duck.csv')]);
    line('DuckDB query on the CSV', duck);
    const cli = phase(['cli', input, path.join(dir, 'scored.csv')]);
    line('CLI rfm-score on the CSV', cli, `  ${ratio(cli, duck)} (target ≤ 1×, peak < 400 MB)`);
    console.log(`${''.padEnd(28)} ${agreement(path.join(dir, 'scored.csv'), path.join(dir, 'duck.csv'), '客户编号')}`);
    console.log(`${''.padEnd(28)} ${pandasLine()}`);
    for (const f of ['duck.csv', 'scored.csv']) rmSync(path.join(dir, f));

    // Nested binning (docs/binning.md): the CLI next to its independent run, checked against the
    // scheme's SQL (PARTITION BY the R score, then R and F) run by embedded DuckDB.
    const nestedCli = phase(['cli-nested', input, path.join(dir, 'nested.csv')]);
    line('CLI --binning nested', nestedCli, `  ${(nestedCli.wallMs / cli.wallMs).toFixed(2)}× the independent CLI run`);
    const nestedDuck = phase(['duck-nested', input, path.join(dir, 'duck-nested.csv')]);
    line('--engine duckdb, nested', nestedDuck);
    const nestedAgree = phase(['agree-sql', path.join(dir, 'nested.csv'), path.join(dir, 'duck-nested.csv'), '客户编号']) as Measured & { rows: number; differ: number };
    console.log(`${''.padEnd(28)} DuckDB (the scheme's SQL) vs ours, nested: ${nestedAgree.differ.toLocaleString('en-US')} disagreements in ${nestedAgree.rows.toLocaleString('en-US')} customers`);
    for (const f of ['nested.csv', 'duck-nested.csv']) rmSync(path.join(dir, f));
    if (process.env.BENCH_FLOOR) {
      const floor = phase(['floor', input, path.join(dir, 'floor.csv')]);
      line('floor (Papa Parse, sort, write)', floor);
    }
    rmSync(input);

    // xlsx to xlsx on the streaming path (docs/xlsx.md): a workbook with a second sheet, a filled
    // header, a formula column and a defined name, at 100,000 rows and at Excel's row limit.
    for (const rows of [100_000, 1_048_575]) {
      const book = path.join(dir, `customers-${rows}.xlsx`);
      await writeCustomersXlsx(book, generateCustomers(rows, 7));
      const scored = path.join(dir, `scored-${rows}.xlsx`);
      const x = phase(['cli', book, scored]);
      console.log(
        `${`CLI on xlsx, ${rows.toLocaleString('en-US')} rows`.padEnd(28)} ${(x.wallMs / 1000).toFixed(2).padStart(6)} s wall (${(x.ms / 1000).toFixed(2)} s in phase)  ` +
          `${`${Math.round(rows / (x.wallMs / 1000)).toLocaleString('en-US')} rows/s`.padStart(18)}  peak ${Math.round(x.maxRssMB)} MB  ` +
          `(xlsx ${(statSync(book).size / 1e6).toFixed(1)} MB → ${(statSync(scored).size / 1e6).toFixed(1)} MB${rows > 1e6 ? '; target < 30 s, < 1 GB' : ''})`,
      );
      if (rows === 100_000) {
        // --formulas on the same workbook, also streamed (docs/formulas.md): shared formulas with cached results.
        const f = formulaPhase(book, scored);
        console.log(
          `${`  the same with --formulas`.padEnd(28)} ${(f.wallMs / 1000).toFixed(2).padStart(6)} s wall (${(f.ms / 1000).toFixed(2)} s in phase)  ` +
            `${`${Math.round(rows / (f.wallMs / 1000)).toLocaleString('en-US')} rows/s`.padStart(18)}  peak ${Math.round(f.maxRssMB)} MB  (→ ${(statSync(scored).size / 1e6).toFixed(1)} MB)`,
        );
      }
      rmSync(book);
      rmSync(scored);
    }

    // The task pane end to end against the in-memory workbook: select, read, score, check, write.
    for (const rows of process.env.BENCH_PANE === '0' ? [] : [100_000, 1_048_575]) {
      const pane = phase(['pane', String(rows)]) as Measured & { syncs: number; maxRequestBytes: number; maxResponseBytes: number };
      const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;
      console.log(
        `${`pane, ${(rows + 1).toLocaleString('en-US')}-row selection`.padEnd(28)} ${(pane.ms / 1000).toFixed(2).padStart(6)} s in pane calls  ` +
          `${pane.syncs} syncs, max request ${mb(pane.maxRequestBytes)}, max response ${mb(pane.maxResponseBytes)} (limit 4 MB)  ` +
          `peak ${Math.round(pane.maxRssMB)} MB (incl. the in-memory workbook)`,
      );
    }

    // Sales records → per-customer R, F, M → scores; without and with an order ID column.
    for (const orders of [false, true]) {
      const sales = path.join(dir, 'sales.csv');
      writeTransactionsCsv(sales, TX_ROWS, TX_CUSTOMERS, orders);
      const size = statSync(sales).size;
      const txLine = (name: string, m: Measured, extra: string) =>
        console.log(
          `${name.padEnd(28)} ${(m.wallMs / 1000).toFixed(2).padStart(6)} s wall (${(m.ms / 1000).toFixed(2)} s in phase)  ` +
            `${`${Math.round(TX_ROWS / (m.wallMs / 1000)).toLocaleString('en-US')} rows/s`.padStart(18)}  peak ${Math.round(m.maxRssMB)} MB${extra}`,
        );
      console.log(
        `${TX_ROWS.toLocaleString('en-US')} sales records, ${TX_CUSTOMERS.toLocaleString('en-US')} customers, CSV ${(size / 1e6).toFixed(1)} MB` +
          `${orders ? ', F = distinct order IDs' : ''}`,
      );
      let duckTx: Measured | undefined;
      if (!orders) {
        duckTx = phase(['duck-transactions', sales, path.join(dir, 'duck-rfm.csv')]);
        txLine('DuckDB query, sales records', duckTx, '');
      }
      const tx = phase(['transactions', sales, path.join(dir, 'rfm.csv')]);
      rmSync(sales);
      txLine(
        orders ? 'CLI --transactions, orders' : 'CLI --transactions on CSV',
        tx,
        duckTx ? `  ${ratio(tx, duckTx)} (target ≤ 2×, peak < 600 MB)` : '',
      );
      if (duckTx) {
        console.log(`${''.padEnd(28)} ${agreement(path.join(dir, 'rfm.csv'), path.join(dir, 'duck-rfm.csv'), 'Customer')}`);
        rmSync(path.join(dir, 'duck-rfm.csv'));
      }
      rmSync(path.join(dir, 'rfm.csv'));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
