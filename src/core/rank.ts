/**
 * Stable ascending order of non-negative numbers, for ranking a million customers fast.
 *
 * A least-significant-digit radix sort on the IEEE-754 bit pattern (for non-negative doubles the bit
 * patterns, read as unsigned 64-bit integers, sort exactly like the values), 16 bits per pass,
 * skipping passes where every key has the same digit. It is stable, so equal values keep row order
 * (what tie policy `first` needs). About 10× faster here than sorting indexes with a comparator.
 */

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Indexes of `values` in ascending value order, equal values in index order. Values must be ≥ 0 (no NaN). */
export function stableOrder(values: Float64Array): Uint32Array {
  return sortedOrder(values).order;
}

/**
 * The stable ascending order and, alongside, the sorted values themselves, so a caller can walk tie
 * groups sequentially instead of looking every value up through the order (a cache miss per row on a
 * million rows; docs/engine.md).
 */
export function sortedOrder(values: Float64Array): { order: Uint32Array; sorted: Float64Array } {
  const n = values.length;
  let idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const sortedOf = (order: Uint32Array) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = values[order[i]];
    return out;
  };
  if (n < 2) return { order: idx, sorted: Float64Array.from(values) };
  if (!LITTLE_ENDIAN) {
    idx.sort((a, b) => values[a] - values[b] || a - b);
    return { order: idx, sorted: sortedOf(idx) };
  }

  const copy = Float64Array.from(values);
  for (let i = 0; i < n; i++) if (copy[i] === 0) copy[i] = 0; // -0 → +0
  const words = new Uint32Array(copy.buffer);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    lo[i] = words[2 * i];
    hi[i] = words[2 * i + 1];
  }
  let idx2 = new Uint32Array(n);
  let lo2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  const count = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const shift = (pass & 1) * 16;
    const keys = pass < 2 ? lo : hi;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(keys[i] >>> shift) & 0xffff]++;
    if (count[(keys[0] >>> shift) & 0xffff] === n) continue; // one digit everywhere: nothing to do
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const pos = count[(keys[i] >>> shift) & 0xffff]++;
      idx2[pos] = idx[i];
      lo2[pos] = lo[i];
      hi2[pos] = hi[i];
    }
    [idx, idx2] = [idx2, idx];
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
  }
  // The sorted bit patterns back into doubles (-0 came in as +0: equal values, same scores).
  const sorted = new Float64Array(n);
  const out = new Uint32Array(sorted.buffer);
  for (let i = 0; i < n; i++) {
    out[2 * i] = lo[i];
    out[2 * i + 1] = hi[i];
  }
  return { order: idx, sorted };
}

/**
 * Values that are all integers once scaled by 10^d (d ≤ 3) and whose scaled maximum is small enough
 * for a table: the scaled keys (Int32Array) and the table size. Scaling is checked to be exact
 * (round(v·10^d) / 10^d gives v back), so equal keys mean equal values and key order is value order:
 * ranking becomes counting, two sequential passes, no sort (docs/engine.md).
 */
export function denseKeys(values: Float64Array, maxKeys: number): { keys: Int32Array; size: number; scale: number } | undefined {
  const n = values.length;
  let max = 0;
  for (let i = 0; i < n; i++) if (values[i] > max) max = values[i];
  for (let d = 0; d <= 3; d++) {
    const p = 10 ** d;
    if (max * p + 1 > maxKeys) return undefined;
    const keys = new Int32Array(n);
    let ok = true;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      const k = Math.round(v * p);
      if (k / p !== v) {
        ok = false;
        break;
      }
      keys[i] = k;
    }
    if (ok) return { keys, size: Math.round(max * p) + 1, scale: p };
  }
  return undefined;
}
