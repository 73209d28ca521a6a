import { squaredDistance } from "./standardize";

/**
 * Mean silhouette coefficient (Rousseeuw 1987) of a clustering, from −1 to 1: for each point,
 * (b − a) / max(a, b) with a its mean distance to its own cluster and b its mean distance to the
 * nearest other cluster; points alone in their cluster count 0. Near 1: tight, well separated
 * clusters. O(n²): callers sample large sets.
 *
 * @example silhouette([[0], [1], [10], [11]], [0, 0, 1, 1]) // 0.9
 */
export function silhouette(
  points: readonly (readonly number[])[],
  assignments: readonly number[],
): number {
  const n = points.length;
  if (n === 0) return 0;
  const k = Math.max(...assignments) + 1;
  const sizes = new Array<number>(k).fill(0);
  for (const a of assignments) sizes[a] = (sizes[a] as number) + 1;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const own = assignments[i] as number;
    if ((sizes[own] as number) <= 1) continue;
    const sums = new Array<number>(k).fill(0);
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const c = assignments[j] as number;
      sums[c] =
        (sums[c] as number) +
        Math.sqrt(squaredDistance(points[i] as number[], points[j] as number[]));
    }
    const a = (sums[own] as number) / ((sizes[own] as number) - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      if (c === own || (sizes[c] as number) === 0) continue;
      b = Math.min(b, (sums[c] as number) / (sizes[c] as number));
    }
    if (!Number.isFinite(b)) continue;
    const denom = Math.max(a, b);
    total += denom > 0 ? (b - a) / denom : 0;
  }
  return total / n;
}
