/**
 * Solves `A · x = b` for a dense square `A` (row-major, `n × n`) and one or more right-hand sides,
 * by Gaussian elimination with partial pivoting. `a` and each `b` are overwritten: `b` ends up
 * holding `x`. Throws a RangeError when `A` is singular to working precision.
 *
 * Cost is n³/3 multiply-adds plus n² per right-hand side, so callers keep `n` to a few hundred.
 *
 * @example
 * const a = Float64Array.from([2, 1, 1, 3]); // [[2, 1], [1, 3]]
 * const b = Float64Array.from([3, 5]);
 * solveDense(a, 2, [b]); // b is now [0.8, 1.4]
 */
export function solveDense(a: Float64Array, n: number, rhs: readonly Float64Array[]): void {
  if (a.length !== n * n) throw new RangeError(`matrix has ${a.length} entries, expected ${n * n}`);
  for (const b of rhs) {
    if (b.length !== n)
      throw new RangeError(`right-hand side has ${b.length} entries, expected ${n}`);
  }
  let scale = 0;
  for (let i = 0; i < a.length; i++) scale = Math.max(scale, Math.abs(a[i] as number));
  const tiny = scale * n * Number.EPSILON;
  for (let col = 0; col < n; col++) {
    // Partial pivoting: the largest entry of the column keeps the elimination stable.
    let pivot = col;
    let best = Math.abs(a[col * n + col] as number);
    for (let row = col + 1; row < n; row++) {
      const size = Math.abs(a[row * n + col] as number);
      if (size > best) {
        best = size;
        pivot = row;
      }
    }
    if (!(best > tiny)) throw new RangeError(`matrix is singular (column ${col})`);
    if (pivot !== col) {
      for (let j = col; j < n; j++) {
        const t = a[col * n + j] as number;
        a[col * n + j] = a[pivot * n + j] as number;
        a[pivot * n + j] = t;
      }
      for (const b of rhs) {
        const t = b[col] as number;
        b[col] = b[pivot] as number;
        b[pivot] = t;
      }
    }
    const diagonal = a[col * n + col] as number;
    for (let row = col + 1; row < n; row++) {
      const factor = (a[row * n + col] as number) / diagonal;
      if (factor === 0) continue;
      for (let j = col + 1; j < n; j++) {
        a[row * n + j] = (a[row * n + j] as number) - factor * (a[col * n + j] as number);
      }
      for (const b of rhs) b[row] = (b[row] as number) - factor * (b[col] as number);
    }
  }
  for (const b of rhs) {
    for (let row = n - 1; row >= 0; row--) {
      let sum = b[row] as number;
      for (let j = row + 1; j < n; j++) sum -= (a[row * n + j] as number) * (b[j] as number);
      b[row] = sum / (a[row * n + row] as number);
    }
  }
}
