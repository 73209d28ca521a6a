import { addDays, daysBetween } from "../days";
import { median } from "../stats";

export const RISK_BANDS = ["high", "medium", "low"] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

export type ActivityTrend = "rising" | "steady" | "falling" | "none";

export interface ChurnRisk {
  band: RiskBand;
  /** Days since the last active day (since signup when never active); null when neither is known. */
  days_since_last: number | null;
  /** The user's median gap between active days (DEFAULT_GAP_DAYS with fewer than 3 active days). */
  typical_gap: number;
  /** days_since_last / typical_gap: how many "usual gaps" the silence has lasted. */
  overdue: number | null;
  /** Events in the last TREND_WINDOW days and in the window before. */
  recent_events: number;
  prior_events: number;
  trend: ActivityTrend;
  /** Plain-English reason for the band. */
  reason: string;
}

/** Recent and prior windows compared for the activity trend. */
export const TREND_WINDOW = 28;
/** Gap assumed for users with too few active days to have a habit. */
export const DEFAULT_GAP_DAYS = 14;
/** Gaps shorter than a week are not held against anyone. */
const MIN_GAP_DAYS = 7;
/** Silent this long is high risk whatever the habit. */
export const LAPSED_DAYS = 60;

/**
 * Churn risk of one user from how long they have been silent, measured in their own usual gaps
 * between active days, and whether their activity is falling:
 * - **high**: silent ≥ 3 usual gaps or ≥ 60 days, or never active 14+ days after signing up;
 * - **medium**: silent ≥ 1.5 usual gaps, or events in the last 28 days fell to under half of the
 *   28 days before (with at least 2 before), or never active yet;
 * - **low**: otherwise.
 * A weekly shopper silent for 3 weeks is at risk; a monthly one is not.
 *
 * @example
 * churnRisk({ signup_date: "2026-01-01" }, ["2026-01-03", "2026-01-10", "2026-01-17"], eventDays, "2026-03-01")
 * // { band: "high", days_since_last: 43, typical_gap: 7, overdue: 6.1, … }
 */
export function churnRisk(
  user: { signup_date: string | null },
  activeDays: readonly string[],
  eventDays: readonly string[],
  today: string,
): ChurnRisk {
  const past = activeDays.filter((d) => d <= today);
  const gaps: number[] = [];
  for (let i = 1; i < past.length; i++)
    gaps.push(daysBetween(past[i - 1] as string, past[i] as string));
  const typical = past.length >= 3 ? Math.max(MIN_GAP_DAYS, median(gaps)) : DEFAULT_GAP_DAYS;
  const recentFrom = addDays(today, 1 - TREND_WINDOW);
  const priorFrom = addDays(today, 1 - 2 * TREND_WINDOW);
  let recent = 0;
  let prior = 0;
  for (const d of eventDays) {
    if (d > today || d < priorFrom) continue;
    if (d >= recentFrom) recent++;
    else prior++;
  }
  const trend: ActivityTrend =
    recent === 0 && prior === 0
      ? "none"
      : prior >= 2 && recent < prior / 2
        ? "falling"
        : recent > prior * 1.5 && recent >= 2
          ? "rising"
          : "steady";
  const last = past.at(-1);
  const base = { typical_gap: typical, recent_events: recent, prior_events: prior, trend };

  if (!last) {
    const since =
      user.signup_date && user.signup_date <= today ? daysBetween(user.signup_date, today) : null;
    const high = since !== null && since >= DEFAULT_GAP_DAYS;
    return {
      ...base,
      band: high ? "high" : "medium",
      days_since_last: since,
      overdue: since === null ? null : since / typical,
      reason:
        since === null
          ? "no activity recorded"
          : `no activity in the ${since} days since signing up`,
    };
  }
  const since = daysBetween(last, today);
  const overdue = since / typical;
  const gapText = `${since} days silent, usual gap ${round(typical)} days`;
  if (since >= LAPSED_DAYS || overdue >= 3) {
    return { ...base, band: "high", days_since_last: since, overdue, reason: gapText };
  }
  if (overdue >= 1.5)
    return { ...base, band: "medium", days_since_last: since, overdue, reason: gapText };
  if (trend === "falling") {
    return {
      ...base,
      band: "medium",
      days_since_last: since,
      overdue,
      reason: `activity falling: ${recent} events in the last ${TREND_WINDOW} days vs ${prior} before`,
    };
  }
  return {
    ...base,
    band: "low",
    days_since_last: since,
    overdue,
    reason: `active ${since} days ago`,
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
