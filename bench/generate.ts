/** Generated customers shaped like the registered datasets: heavy ties in F, decimals in M. */

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
