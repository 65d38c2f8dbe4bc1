/**
 * The customers of a sales-record aggregation (docs/engine.md, "Sales records"): an open-addressing
 * hash table keyed by the customer ID's UTF-8 bytes whose slots also hold each customer's running
 * numbers. Customers come in random order, so what costs is the cache misses per record; here a
 * record's customer is one 64-byte slot holding the numbers (last purchase day, F, M in units, latest
 * order entry), the hash, the key length and the key's first 16 bytes, so a lookup and its update
 * read one cache line (plus the arena for a key longer than 16 bytes). Every key is also kept whole in
 * an arena.
 *
 * Entry i is the i-th distinct key added (first-appearance order, the output's row order); `slotOf`
 * follows an entry when the table grows. Equal hashes are never taken for equal keys: a probe compares
 * the hash, the length and then the bytes. `hashMask` narrows the hash (tests force collisions with
 * it); the table is kept at most half full.
 */
import { grow, hashBytes } from './byteKeys';

/** Float64 numbers per slot (64 bytes). */
const SLOT = 8;
/** The slot's numbers (Float64 offsets). */
export const LAST = 0;
export const F = 1;
export const UNITS = 2;
export const LAST_ORDER = 3;
/** The slot's key data (Int32 offsets from the slot's first Int32). */
const ENTRY = 8;
const HASH = 9;
const LEN = 10;
const START = 11;
const INLINE = 12;
const INLINE_BYTES = 16;

export class CustomerSlots {
  /** The slots as numbers; `num[slot * 8 + LAST]` etc. */
  num: Float64Array;
  private i32: Int32Array;
  private u8: Uint8Array;
  private mask: number;
  /** The slot of each entry. */
  private slotOf: Int32Array;
  private arena: Uint8Array;
  private used = 0;
  /** Number of customers. */
  size = 0;

  constructor(
    capacity = 4096,
    private readonly hashMask = -1,
    private readonly initial: readonly number[] = [0, 0, 0, 0],
  ) {
    let slots = 2;
    while (slots < capacity * 2) slots *= 2;
    this.num = new Float64Array(slots * SLOT);
    this.i32 = new Int32Array(this.num.buffer);
    this.u8 = new Uint8Array(this.num.buffer);
    this.mask = slots - 1;
    this.slotOf = new Int32Array(Math.max(capacity, 2));
    this.arena = new Uint8Array(Math.max(16, capacity * 8));
  }

  hash(bytes: Uint8Array, start: number, end: number): number {
    return hashBytes(bytes, start, end, 0) & this.hashMask;
  }

  private same(slot: number, bytes: Uint8Array, start: number, end: number): boolean {
    const len = end - start;
    const inline = len < INLINE_BYTES ? len : INLINE_BYTES;
    const u8 = this.u8;
    const at = (slot * SLOT * 2 + INLINE) * 4 - start;
    for (let p = start; p < start + inline; p++) if (u8[at + p] !== bytes[p]) return false;
    if (len > INLINE_BYTES) {
      const arena = this.arena;
      const rest = this.i32[slot * SLOT * 2 + START] - start;
      for (let p = start + INLINE_BYTES; p < end; p++) if (arena[rest + p] !== bytes[p]) return false;
    }
    return true;
  }

  /** The slot of the key (`h` from `hash`), or -1. */
  find(bytes: Uint8Array, start: number, end: number, h: number): number {
    const { i32, mask } = this;
    const len = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const b = slot * SLOT * 2;
      if (i32[b + ENTRY] === 0) return -1;
      if (i32[b + HASH] === h && i32[b + LEN] === len && this.same(slot, bytes, start, end)) return slot;
    }
  }

  /** Add a key known to be absent (`find` gave -1), its numbers set to `initial`; returns its slot. */
  add(bytes: Uint8Array, start: number, end: number, h: number): number {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const e = this.size++;
    this.slotOf = grow(this.slotOf, e + 1, (n) => new Int32Array(n));
    const len = end - start;
    this.arena = grow(this.arena, this.used + len, (n) => new Uint8Array(n));
    this.arena.set(bytes.subarray(start, end), this.used);
    const { i32, u8, num, mask } = this;
    let slot = h & mask;
    while (i32[slot * SLOT * 2 + ENTRY] !== 0) slot = (slot + 1) & mask;
    const b = slot * SLOT * 2;
    i32[b + ENTRY] = e + 1;
    i32[b + HASH] = h;
    i32[b + LEN] = len;
    i32[b + START] = this.used;
    const inline = len < INLINE_BYTES ? len : INLINE_BYTES;
    for (let i = 0; i < inline; i++) u8[(b + INLINE) * 4 + i] = bytes[start + i];
    for (let i = 0; i < 4; i++) num[slot * SLOT + i] = this.initial[i];
    this.used += len;
    this.slotOf[e] = slot;
    return slot;
  }

  /** The entry (first-appearance index) in a slot. */
  entryAt(slot: number): number {
    return this.i32[slot * SLOT * 2 + ENTRY] - 1;
  }

  /** The slot of an entry (valid until the next `add`). */
  slotOfEntry(entry: number): number {
    return this.slotOf[entry];
  }

  private grow(): void {
    const old = this.num;
    const oldI32 = this.i32;
    const slots = (this.mask + 1) * 2;
    this.num = new Float64Array(slots * SLOT);
    this.i32 = new Int32Array(this.num.buffer);
    this.u8 = new Uint8Array(this.num.buffer);
    this.mask = slots - 1;
    const { i32, num, mask } = this;
    for (let from = 0; from < old.length / SLOT; from++) {
      const e = oldI32[from * SLOT * 2 + ENTRY] - 1;
      if (e < 0) continue;
      let slot = oldI32[from * SLOT * 2 + HASH] & mask;
      while (i32[slot * SLOT * 2 + ENTRY] !== 0) slot = (slot + 1) & mask;
      num.set(old.subarray(from * SLOT, from * SLOT + SLOT), slot * SLOT);
      this.slotOf[e] = slot;
    }
  }
}
