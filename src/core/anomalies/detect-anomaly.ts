import { addDays } from "../days";
import { median, medianAbsoluteDeviation } from "../stats";
import { MAD_TO_Z } from "./robust-stats";

/** Tuning for {@link detectAnomaly}; the defaults suit daily marketing totals. */
export interface AnomalyOptions {
  /** Same-weekday weeks of history to compare with. */
  weeks?: number;
  /** Fewer usable history points than this: no verdict (a new campaign has no "usual"). */
  minHistory?: number;
  /** |modified z| above this is an anomaly (3.5 is Iglewicz and Hoaglin's recommendation). */
  threshold?: number;
  /**
   * The spread never counts as smaller than this share of the median: a perfectly flat history
   * (MAD 0) would otherwise flag a 1 % move as infinitely unusual.
   */
  minRelativeSpread?: number;
  /** …nor smaller than this absolute amount (cents of spend, a single conversion). */
  minAbsoluteSpread?: number;
}

export const ANOMALY_DEFAULTS: Required<AnomalyOptions> = {
  weeks: 8,
  minHistory: 4,
  threshold: 3.5,
  minRelativeSpread: 0.05,
  minAbsoluteSpread: 0.5,
};

export interface AnomalyVerdict {
  anomalous: boolean;
  value: number;
  /** The usual value: median of the same weekday over the history weeks. */
  expected: number;
  /** The spread used (MAD, floored as the options say). */
  spread: number;
  /** Modified z-score, 0.6745·(value − expected)/spread; positive above the usual. */
  score: number;
  direction: "up" | "down";
  /** How many history values were compared. */
  history: number;
}

/**
 * Compares one value with its history using the median and the median absolute deviation, so a
 * past spike in the history does not hide the next one. Returns undefined when there is too
 * little history to say.
 *
 * @example
 * detectAnomaly(130, [100, 110, 90, 105, 95, 100, 102, 98])
 * // { anomalous: true, expected: 100, spread: 5, score: 4.047, direction: "up", … }
 * // (MAD 3.5 is floored to 5 % of the median, 5; 0.6745 × 30 / 5 = 4.047 > 3.5)
 */
export function detectAnomaly(
  value: number,
  history: readonly number[],
  options: AnomalyOptions = {},
): AnomalyVerdict | undefined {
  const o = { ...ANOMALY_DEFAULTS, ...options };
  const usable = history.filter((v) => Number.isFinite(v));
  if (usable.length < o.minHistory || !Number.isFinite(value)) return undefined;
  const expected = median(usable);
  const mad = medianAbsoluteDeviation(usable, expected);
  const spread = Math.max(mad, o.minRelativeSpread * Math.abs(expected), o.minAbsoluteSpread);
  const score = (MAD_TO_Z * (value - expected)) / spread;
  return {
    anomalous: Math.abs(score) > o.threshold,
    value,
    expected,
    spread,
    score,
    direction: value >= expected ? "up" : "down",
    history: usable.length,
  };
}

/**
 * The same weekday in the weeks before `day`, newest first: `day − 7`, `day − 14`, … Weekly
 * rhythm is the strongest seasonality in ad delivery (weekends differ), so a Saturday is judged
 * against Saturdays.
 *
 * @example sameWeekdayHistoryDays("2026-11-21", 3) // ["2026-11-14", "2026-11-07", "2026-10-31"]
 */
export function sameWeekdayHistoryDays(day: string, weeks: number): string[] {
  return Array.from({ length: weeks }, (_, i) => addDays(day, -7 * (i + 1)));
}

/**
 * Judges `day` in a daily series against the same weekday in earlier weeks. Days missing from
 * `series` (or null: a ratio without a denominator) are left out of the history.
 *
 * @example
 * detectDailyAnomaly(new Map([["2026-11-21", 5400], ["2026-11-14", 1700], …]), "2026-11-21")
 */
export function detectDailyAnomaly(
  series: ReadonlyMap<string, number | null>,
  day: string,
  options: AnomalyOptions = {},
): AnomalyVerdict | undefined {
  const value = series.get(day);
  if (value === undefined || value === null) return undefined;
  const weeks = options.weeks ?? ANOMALY_DEFAULTS.weeks;
  return detectAnomaly(value, sameWeekdayHistory(series, day, weeks), options);
}

/**
 * For a chart: the usual value for each day (median of its same-weekday history), null where
 * there is too little history.
 */
export function expectedSeries(
  series: ReadonlyMap<string, number | null>,
  days: readonly string[],
  options: AnomalyOptions = {},
): (number | null)[] {
  const o = { ...ANOMALY_DEFAULTS, ...options };
  return days.map((day) => {
    const history = sameWeekdayHistory(series, day, o.weeks);
    return history.length >= o.minHistory ? median(history) : null;
  });
}

/** The series' values on {@link sameWeekdayHistoryDays}, newest first, days without one skipped. */
function sameWeekdayHistory(
  series: ReadonlyMap<string, number | null>,
  day: string,
  weeks: number,
): number[] {
  return sameWeekdayHistoryDays(day, weeks)
    .map((d) => series.get(d))
    .filter((v): v is number => v !== undefined && v !== null);
}
