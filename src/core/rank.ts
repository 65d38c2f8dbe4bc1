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
  const n = values.length;
  let idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  if (n < 2) return idx;
  if (!LITTLE_ENDIAN) return idx.sort((a, b) => values[a] - values[b] || a - b);

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
  return idx;
}
