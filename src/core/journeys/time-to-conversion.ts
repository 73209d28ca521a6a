import { MS_PER_DAY } from "../days";
import { median } from "../stats";
import type { Journey } from "./build-journeys";

/** Bucket edges in days: [0, 1) is "same day" (under 24 hours), the last is open-ended. */
export const TIME_TO_CONVERSION_BUCKETS = [
  { label: "< 1 day", from: 0, to: 1 },
  { label: "1–2 days", from: 1, to: 3 },
  { label: "3–6 days", from: 3, to: 7 },
  { label: "7–13 days", from: 7, to: 14 },
  { label: "14–29 days", from: 14, to: 30 },
  { label: "30+ days", from: 30, to: Number.POSITIVE_INFINITY },
] as const;

export interface TimeToConversion {
  buckets: { label: string; journeys: number; conversions: number }[];
  /** Converting journeys measured. */
  journeys: number;
  /** Days from first touch to conversion; null when nothing converted. */
  median_days: number | null;
  mean_days: number | null;
}

/**
 * How long converting journeys took, from their first touch to their (last) conversion.
 *
 * @example timeToConversion(journeys).median_days // 2.5
 */
export function timeToConversion(journeys: Iterable<Journey>): TimeToConversion {
  const buckets = TIME_TO_CONVERSION_BUCKETS.map((b) => ({
    label: b.label,
    journeys: 0,
    conversions: 0,
  }));
  const durations: number[] = [];
  for (const journey of journeys) {
    const first = journey.times[0];
    if (journey.conversions <= 0 || journey.convertedAt === undefined || first === undefined)
      continue;
    const days = Math.max(0, (journey.convertedAt - first) / MS_PER_DAY);
    durations.push(days);
    const index = TIME_TO_CONVERSION_BUCKETS.findIndex((b) => days >= b.from && days < b.to);
    const bucket = buckets[index] as (typeof buckets)[number];
    bucket.journeys++;
    bucket.conversions += journey.conversions;
  }
  // Ascending, so the mean sums small durations first (and in the same order on every run).
  durations.sort((a, b) => a - b);
  const n = durations.length;
  // null rather than NaN when nothing converted: the reply's JSON says "no value", not a number.
  const middle = n === 0 ? null : median(durations);
  const mean = n === 0 ? null : durations.reduce((a, b) => a + b, 0) / n;
  return { buckets, journeys: n, median_days: middle, mean_days: mean };
}
