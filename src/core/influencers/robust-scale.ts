import { median, medianAbsoluteDeviation } from "../stats";

/** Centre and spread of a group of values, robust to outliers (one viral post, one fraudster). */
export interface RobustScale {
  center: number;
  /** A standard-deviation-like spread; 0 when the values do not vary. */
  spread: number;
}

/** MAD × 1.4826 estimates σ for normal data; mean |x − median| × 1.2533 does too. */
const MAD_TO_SIGMA = 1.4826;
const MEAN_AD_TO_SIGMA = 1.2533;

/**
 * Median and scaled median absolute deviation of the finite values. When over half the values are equal the MAD is 0;
 * the mean absolute deviation from the median then measures the spread, so the few that differ
 * still stand out.
 *
 * @example robustScale([1, 2, 3, 4, 10]) // { center: 3, spread: 1.4826 }
 */
export function robustScale(values: readonly number[]): RobustScale {
  // A missing rate (NaN) or a division by zero (Infinity) says nothing about the group's spread.
  const finite = values.filter(Number.isFinite);
  const center = median(finite);
  if (Number.isNaN(center)) return { center: Number.NaN, spread: 0 };
  const mad = medianAbsoluteDeviation(finite, center);
  if (mad > 0) return { center, spread: mad * MAD_TO_SIGMA };
  const meanDeviation = finite.reduce((sum, v) => sum + Math.abs(v - center), 0) / finite.length;
  return { center, spread: meanDeviation * MEAN_AD_TO_SIGMA };
}

/** Robust z-scores beyond ±this saturate: one outlier cannot stretch everyone else's scores. */
export const Z_LIMIT = 2;

/**
 * A value's position in its group, 0–1: the robust z-score `(x − median) / spread` mapped
 * linearly from [−2, 2] onto [0, 1] and clamped. The group's median scores 0.5; with no spread
 * everyone does.
 *
 * @example normalizedScore(10, { center: 3, spread: 1.4826 }) // 1 (z = 4.7, clamped)
 * @example normalizedScore(1, { center: 3, spread: 1.4826 }) // 0.1628… (z = −1.349)
 */
export function normalizedScore(value: number, scale: RobustScale): number {
  if (!(scale.spread > 0)) return 0.5;
  const z = (value - scale.center) / scale.spread;
  return Math.min(1, Math.max(0, (z + Z_LIMIT) / (2 * Z_LIMIT)));
}
