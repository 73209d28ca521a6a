/**
 * Order statistics shared by anomalies, content, influencers, journeys, budget ranges and charts:
 * one median, one MAD and one quantile, so every report agrees on what "the middle" means.
 */

/**
 * The middle value (mean of the two middle values for an even count); NaN for no values. Callers
 * that may hold NaN or ±Infinity filter them first: they have no place in an order.
 *
 * @example median([3, 1, 2]) // 2
 * @example median([4, 1, 3, 2]) // 2.5
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Median absolute deviation from the median: a spread that one wild value cannot inflate (the
 * standard deviation of [10, 10, 10, 10, 1000] is 396; its MAD is 0).
 *
 * @example medianAbsoluteDeviation([100, 110, 90, 105, 95, 100, 102, 98]) // 3.5
 */
export function medianAbsoluteDeviation(
  values: readonly number[],
  center = median(values),
): number {
  return median(values.map((v) => Math.abs(v - center)));
}

/**
 * The `q` quantile (0–1) of a non-empty list **sorted ascending**, interpolating linearly between
 * the two nearest ranks. Sorting is left to the caller, who often reads several quantiles of one
 * list.
 *
 * @example quantile([1, 2, 3, 4, 5], 0.25) // 2
 * @example quantile([1, 2], 0.5) // 1.5
 */
export function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  const above = Math.ceil(at);
  const lo = sorted[below] as number;
  const hi = sorted[above] as number;
  return lo + (hi - lo) * (at - below);
}
