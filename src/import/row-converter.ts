import { copyFloats, copyInts } from "./buffer-pool";

/**
 * Turns parsed CSV records of one kind into batches ready for the store. Implementations are
 * pure (no I/O) so they can run in a worker thread for big files.
 */
export interface RowConverter<B> {
  /** One data record and the line it starts on. */
  add(cells: readonly string[], line: number): void;
  /** Rows ready to write, or undefined; `final` at the end of the file (flush everything). */
  take(final: boolean): B | undefined;
  /** What the summary says about the rows: skipped, merged, notes. */
  report(): ConverterReport;
}

export interface ConverterReport {
  /** Data rows read (not counting the header, skipped and empty rows). */
  rows: number;
  /** Rows left out on purpose, by reason: `total` rows of exports, `empty` rows. */
  skipped: Record<string, number>;
  /** Rows of the file added up into one stored row (sub-rows of a breakdown). */
  merged: number;
  /** Things the user should know, e.g. "conversions were rounded to whole numbers in 12 rows". */
  notes: string[];
}

/** `Total: Account`, `Totals`, `Grand total`: summary rows that exports add at the bottom. */
export const TOTAL_ROW = /^(grand\s+)?totals?(\s*:.*)?$/i;

/** True when every cell is blank (checked without allocating: it runs on every row). */
export function isBlankRecord(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as string;
    for (let j = 0; j < cell.length; j++) {
      const c = cell.charCodeAt(j);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 160) return false;
    }
  }
  return true;
}

/** A cheap pre-check before {@link TOTAL_ROW}: total rows start with "t" or "g". */
export function mayBeTotal(text: string): boolean {
  const c = text.charCodeAt(0) | 32;
  return c === 116 || c === 103;
}

/** Arrays that grow by doubling, for building batches without an object per row. */
export class GrowableInts {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  /** A copy of `[from, to)` in a buffer of its own (transferable; recycled, see buffer-pool.ts). */
  slice(from: number, to: number): Int32Array {
    return copyInts(this.data, from, to);
  }
}

export class GrowableFloats {
  data: Float64Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  slice(from: number, to: number): Float64Array {
    return copyFloats(this.data, from, to);
  }
}
