/**
 * Growable typed columns for the columnar engine (docs/engine.md): values are appended as rows
 * stream by and handed to the engine as one Float64Array, with no object or boxed number per row.
 */
export class Float64Column {
  private data: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }

  /** The values pushed so far, as an array of exactly `length` (a view: push nothing after this). */
  toArray(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}
