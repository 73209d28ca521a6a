/** What an import did to the stored rows, per row of the file's kind. */
export interface WriteCounts {
  /** New rows. */
  inserted: number;
  /** Rows that existed with different values, now replaced. */
  updated: number;
  /** Rows that existed with the same values (nothing written). */
  unchanged: number;
}
