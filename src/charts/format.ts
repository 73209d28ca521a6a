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
