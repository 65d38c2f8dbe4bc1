/**
 * An open-addressing hash table of byte strings (docs/engine.md, "Sales records"): the sales-record
 * aggregation keys its customers, and each customer's distinct order IDs, by their UTF-8 bytes, so
 * a CSV scanner can look a record's customer up straight from the file's bytes, without a JS string
 * per record. Entry i is the i-th distinct key added (first-appearance order); its bytes are copied
 * into one growing arena. A key is the bytes plus an integer tag (the customer index, for order IDs),
 * so one table holds every customer's orders.
 *
 * Equal hashes are never taken for equal keys: a probe compares the stored hash, the tag and then
 * the bytes, so collisions only cost time. `hashMask` narrows the hash (tests force collisions with
 * it); the slot array is kept at most three quarters full.
 */

/** FNV-1a over the bytes, the tag mixed in, then a final avalanche (murmur3's fmix32). */
export function hashBytes(bytes: Uint8Array, start: number, end: number, tag: number): number {
  let h = 0x811c9dc5 ^ Math.imul(tag, 0x9e3779b1);
  for (let p = start; p < end; p++) h = Math.imul(h ^ bytes[p], 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** Slot layout: entry index + 1 (0: empty), hash, key start in the arena, key length. */
const STRIDE = 4;

/** `a`, or a copy of it at least `size` long (doubling), for the arenas and per-entry arrays. */
export function grow<T extends Int32Array | Uint8Array>(a: T, size: number, make: (n: number) => T): T {
  if (size <= a.length) return a;
  let n = a.length * 2;
  while (n < size) n *= 2;
  const b = make(n);
  b.set(a);
  return b;
}

/**
 * Laid out for few cache misses on a lookup, since customers come in random order: a slot holds the
 * entry's hash, and where its bytes are, so a probe reads one slot and, on a hash match, one place
 * in the arena, where the tag is stored just before the key bytes.
 */
export class ByteKeys {
  private slots: Int32Array;
  private mask: number;
  /** Per entry: arena offset of the tag (the key bytes follow it), key length. */
  private starts: Int32Array;
  private lens: Int32Array;
  private arena: Uint8Array;
  private used = 0;
  /** Number of keys. */
  size = 0;

  constructor(
    capacity = 1024,
    private readonly hashMask = -1,
  ) {
    let slots = 2;
    while (slots < capacity * 2) slots *= 2;
    this.slots = new Int32Array(slots * STRIDE);
    this.mask = slots - 1;
    this.starts = new Int32Array(capacity);
    this.lens = new Int32Array(capacity);
    this.arena = new Uint8Array(Math.max(16, capacity * 12));
  }

  hash(bytes: Uint8Array, start: number, end: number, tag: number): number {
    return hashBytes(bytes, start, end, tag) & this.hashMask;
  }

  /** Whether the key stored at arena offset `at` (tag, then `end - start` bytes) is bytes[start, end) with `tag`. */
  private same(at: number, bytes: Uint8Array, start: number, end: number, tag: number): boolean {
    const arena = this.arena;
    if ((arena[at] | (arena[at + 1] << 8) | (arena[at + 2] << 16) | (arena[at + 3] << 24)) !== tag) return false;
    const shift = at + 4 - start;
    for (let p = start; p < end; p++) if (arena[shift + p] !== bytes[p]) return false;
    return true;
  }

  /** Whether entry `entry` is the key bytes[start, end) with `tag`. */
  equals(entry: number, bytes: Uint8Array, start: number, end: number, tag: number): boolean {
    return this.lens[entry] === end - start && this.same(this.starts[entry], bytes, start, end, tag);
  }

  /** The entry of the key, or -1; `h` is `hash(bytes, start, end, tag)`. */
  find(bytes: Uint8Array, start: number, end: number, tag: number, h: number): number {
    const { slots, mask } = this;
    const len = end - start;
    for (let s = (h & mask) * STRIDE; ; s = (s + STRIDE) & (mask * STRIDE + STRIDE - 1)) {
      const e = slots[s] - 1;
      if (e < 0) return -1;
      if (slots[s + 1] === h && slots[s + 3] === len && this.same(slots[s + 2], bytes, start, end, tag)) return e;
    }
  }

  /** Add a key known to be absent (`find` gave -1); returns its entry index. */
  add(bytes: Uint8Array, start: number, end: number, tag: number, h: number): number {
    const e = this.size++;
    if (e === this.starts.length) {
      this.starts = grow(this.starts, e + 1, (n) => new Int32Array(n));
      this.lens = grow(this.lens, e + 1, (n) => new Int32Array(n));
    }
    const len = end - start;
    const at = this.used;
    this.arena = grow(this.arena, at + 4 + len, (n) => new Uint8Array(n));
    const arena = this.arena;
    arena[at] = tag & 0xff;
    arena[at + 1] = (tag >>> 8) & 0xff;
    arena[at + 2] = (tag >>> 16) & 0xff;
    arena[at + 3] = tag >>> 24;
    arena.set(bytes.subarray(start, end), at + 4);
    this.starts[e] = at;
    this.lens[e] = len;
    this.used = at + 4 + len;
    // At most three quarters full: a table of millions of order IDs stays within the memory target.
    if (this.size * 4 > (this.mask + 1) * 3) this.rehash();
    this.place(this.slots, e + 1, h, at, len);
    return e;
  }

  private place(slots: Int32Array, entry1: number, h: number, start: number, len: number): void {
    const mask = this.mask;
    let s = (h & mask) * STRIDE;
    while (slots[s] !== 0) s = (s + STRIDE) & (mask * STRIDE + STRIDE - 1);
    slots[s] = entry1;
    slots[s + 1] = h;
    slots[s + 2] = start;
    slots[s + 3] = len;
  }

  /** Twice the slots; the keys move over slot by slot (their hashes are in the slots). */
  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.slots.length / STRIDE - 1;
    for (let s = 0; s < old.length; s += STRIDE) {
      if (old[s] !== 0) this.place(this.slots, old[s], old[s + 1], old[s + 2], old[s + 3]);
    }
  }
}
