/**
 * The middle value (mean of the two middle values for an even count); NaN for no values.
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
 * The constant that makes a MAD comparable to a standard deviation for normal data (Iglewicz and
 * Hoaglin's modified z-score is 0.6745·(x − median)/MAD).
 */
export const MAD_TO_Z = 0.6745;
