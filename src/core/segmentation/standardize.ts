export interface Standardized {
  /** Each column centred on its mean and divided by its standard deviation. */
  rows: number[][];
  means: number[];
  /** Population standard deviations; a constant column gets 1 (its z-scores are all 0). */
  sds: number[];
}

/**
 * Z-scores per column, so features in different units (days, points, counts) weigh alike in a
 * distance. Rows must all have the same length.
 *
 * @example standardize([[1, 10], [3, 10]]).rows // [[-1, 0], [1, 0]]
 */
export function standardize(rows: readonly (readonly number[])[]): Standardized {
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  const means = Array.from(
    { length: d },
    (_, j) => rows.reduce((s, r) => s + (r[j] as number), 0) / Math.max(n, 1),
  );
  const sds = means.map((mean, j) => {
    const v = rows.reduce((s, r) => s + ((r[j] as number) - mean) ** 2, 0) / Math.max(n, 1);
    return v > 1e-12 ? Math.sqrt(v) : 1;
  });
  return {
    rows: rows.map((r) => r.map((x, j) => (x - (means[j] as number)) / (sds[j] as number))),
    means,
    sds,
  };
}

/**
 * Squared Euclidean distance.
 *
 * @example squaredDistance([0, 0], [3, 4]) // 25
 */
export function squaredDistance(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const diff = (a[i] as number) - (b[i] as number);
    s += diff * diff;
  }
  return s;
}
