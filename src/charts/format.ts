import { formatCount, formatMoney, formatPercent, formatRatio, MISSING } from "../core/format";
import type { Measure } from "./measure";

/** What DESIGN.md says a missing ratio looks like. */
export const NO_VALUE = MISSING;

/**
 * A value as people read it in a chat message, `—` for null. Charts use the same formatting as
 * the text of every reply (src/core/format.ts), so a figure reads the same in both.
 *
 * @example
 * formatValue(142.34, percent("ROI"));          // "142%"
 * formatValue(1234.5, money("Spend", "USD"));   // "$1,235"
 * formatValue(3.214, ratio("ROAS"));            // "3.21×"
 * formatValue(null, percent("CTR"));            // "—"
 */
export function formatValue(value: number | null | undefined, measure: Measure): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  switch (measure.unit) {
    case "percent":
      return formatPercent(value);
    case "money":
      return formatMoney(value, measure.currency);
    case "ratio":
      return formatRatio(value);
    case "count":
      return formatCount(value);
  }
}

/**
 * A share of a whole as a percent string.
 *
 * @example
 * formatShare(0.4213); // "42.1%"
 */
export function formatShare(fraction: number): string {
  return formatPercent(fraction * 100);
}

/**
 * How much of a target is reached, as a percent string; `—` without a target. Never "100%"
 * before the target is actually reached: rounding 99.96 up would claim a goal that was missed.
 *
 * @example
 * formatProgress(70);     // "70.0%"
 * formatProgress(99.96);  // "99.9%"
 * formatProgress(110);    // "110%"
 */
export function formatProgress(percent: number | null): string {
  if (percent === null || !Number.isFinite(percent)) return NO_VALUE;
  // formatPercent shows one decimal under 100: 99.9 is the highest figure that is still short.
  return formatPercent(percent < 100 ? Math.min(percent, 99.9) : percent);
}
