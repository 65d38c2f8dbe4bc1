/** Generated customers shaped like the registered datasets: heavy ties in F, decimals in M. */
import { closeSync, openSync, writeSync } from 'node:fs';

/** Small deterministic PRNG (mulberry32) so every bench run scores the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Customers {
  r: Float64Array;
  f: Float64Array;
  m: Float64Array;
}

export function generateCustomers(n: number, seed = 42): Customers {
  const rand = rng(seed);
  const r = new Float64Array(n);
  const f = new Float64Array(n);
  const m = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    r[i] = Math.floor(rand() * 1100);
    // Geometric-ish: about half buy once, as in real purchase counts.
    f[i] = 1 + Math.floor(-Math.log(1 - rand()) * 1.5);
    m[i] = Math.round(rand() * rand() * 5_000_000) / 100;
  }
  return { r, f, m };
}

export function customersCsv(c: Customers): string {
  const lines = ['客户编号,地区,R值,F值,M值'];
  for (let i = 0; i < c.r.length; i++) lines.push(`C${i + 1},上海,${c.r[i]},${c.f[i]},${c.m[i]}`);
  return `${lines.join('\n')}\n`;
}

/** The analysis period of the sales-record phases (the file's dates span it). */
export const TX_SINCE = '2022-01-01';
export const TX_AS_OF = '2025-03-31';

/**
 * Sales records for the transactions phases, written straight to `file` in blocks (the text of
 * millions of rows is never held at once): 交易日期,客户编号,门店,金额 — dates 2022-01-01 to
 * 2025-03-31 as YYYY-MM-DD, amounts with two decimals, about 3% refunds (negative amounts), and a
 * skewed customer mix (some customers buy far more often than others). With `orders`, a leading
 * 订单号 column: each order is 1–3 consecutive lines of one customer on one day.
 */
export function writeTransactionsCsv(file: string, rows: number, customers: number, orders = false, seed = 7): void {
  const rand = rng(seed);
  const fd = openSync(file, 'w');
  const first = Date.UTC(2022, 0, 1) / 86_400_000;
  const days = Date.UTC(2025, 2, 31) / 86_400_000 - first + 1;
  const stores = ['呼和浩特一店', '呼和浩特二店', '包头店', '线上'];
  const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
  const dateText = new Array<string>(days);
  for (let d = 0; d < days; d++) {
    const t = new Date((first + d) * 86_400_000);
    dateText[d] = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  }
  try {
    writeSync(fd, `${orders ? '订单号,' : ''}交易日期,客户编号,门店,金额\n`);
    let block: string[] = [];
    let order = 0;
    let linesLeft = 0;
    let customer = 0;
    let date = '';
    for (let i = 0; i < rows; i++) {
      if (linesLeft === 0) {
        order++;
        linesLeft = orders ? 1 + Math.floor(rand() * 3) : 1;
        customer = 1 + Math.floor(customers * rand() ** 1.6);
        date = dateText[Math.floor(rand() * days)];
      }
      linesLeft--;
      const amount = Math.round(rand() * rand() * 200_000) / 100 + 1;
      const refund = rand() < 0.03;
      block.push(`${orders ? `SO${202200000000 + order},` : ''}${date},C${customer},${stores[i & 3]},${refund ? -amount : amount}`);
      if (block.length === 100_000) {
        writeSync(fd, `${block.join('\n')}\n`);
        block = [];
      }
    }
    if (block.length) writeSync(fd, `${block.join('\n')}\n`);
  } finally {
    closeSync(fd);
  }
}
