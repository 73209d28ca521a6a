import type { CellReader } from "../cell-reader";
import {
  type ConverterReport,
  isBlankRecord,
  type RowConverter,
  TOTAL_ROW,
} from "../row-converter";

/** Rows per batch for the smaller kinds (influencers, posts, users, events, journeys). */
export const KEYED_BATCH_ROWS = 2000;

export interface KeyedBatch<R> {
  kind: string;
  /** Which table the rows go to (journeys have two). */
  table: string;
  rows: R[];
  lines: number[];
}

export interface KeyedRowReader<R> {
  /** The store table. */
  table: string;
  /** Reads one row (reporting bad cells through `r`); undefined when it has problems. */
  read(r: CellReader): R | undefined;
  /** The row's identity in the table, without the tenant. */
  key(row: R): string;
  /** How messages name a row: `user "u-12"`. */
  describe(row: R): string;
  /** The column blamed for a repeated key. */
  keyField: string;
  /** Notes for the summary, once the file is read. */
  notes?(): string[];
}

/**
 * Generic rows → batches, for kinds whose rows are stored one to one. A second row with the
 * same key is an error naming both lines: an import must not silently keep one of two versions.
 */
export class KeyedRowBuilder<R> implements RowConverter<KeyedBatch<R>> {
  private rows: R[] = [];
  private lines: number[] = [];
  private readonly seen = new Map<string, number>();
  private readonly stats = { rows: 0, total: 0, empty: 0 };

  constructor(
    private readonly kind: string,
    private readonly r: CellReader,
    private readonly reader: KeyedRowReader<R>,
  ) {}

  add(cells: readonly string[], line: number): void {
    this.r.start(cells, line);
    if (isBlankRecord(cells)) {
      this.stats.empty += 1;
      return;
    }
    const first = (cells[0] ?? "").trim();
    if (TOTAL_ROW.test(first)) {
      this.stats.total += 1;
      return;
    }
    this.stats.rows += 1;
    const row = this.reader.read(this.r);
    if (row === undefined || this.r.rowIssues > 0) return;
    const key = this.reader.key(row);
    const earlier = this.seen.get(key);
    if (earlier !== undefined) {
      this.r.report(
        this.reader.keyField,
        `${this.reader.describe(row)} already appears on line ${earlier}`,
      );
      return;
    }
    this.seen.set(key, line);
    this.rows.push(row);
    this.lines.push(line);
  }

  take(final: boolean): KeyedBatch<R> | undefined {
    if (this.rows.length === 0 || (!final && this.rows.length < KEYED_BATCH_ROWS)) return undefined;
    const batch = { kind: this.kind, table: this.reader.table, rows: this.rows, lines: this.lines };
    this.rows = [];
    this.lines = [];
    return batch;
  }

  report(): ConverterReport {
    return {
      rows: this.stats.rows,
      skipped: { total: this.stats.total, empty: this.stats.empty },
      merged: 0,
      notes: this.reader.notes?.() ?? [],
    };
  }
}
