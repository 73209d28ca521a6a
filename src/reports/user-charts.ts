import type { ReplyChart } from "../bot/reply";
import { barLineChart, doughnutChart, heatmapChart } from "../charts/builders/index";
import { count } from "../charts/measure";
import type { Period } from "../core/period";
import type { Share } from "../core/users/distribution";
import type { PointsBucket } from "../core/users/loyalty-points";
import type { RetentionCohorts } from "../core/users/retention-cohorts";
import type { ActivityBucket, ActivityGrain } from "../core/users/user-activity";

const X_TITLES: Readonly<Record<ActivityGrain, string>> = { day: "Date (daily)", month: "Month" };

/** Active users per day or month, stacked existing + new, with sign-ups as a line. */
export function userActivityChart(
  buckets: readonly ActivityBucket[],
  grain: ActivityGrain,
  period: Period,
): ReplyChart {
  return barLineChart({
    id: "users-activity",
    title: `Active users (new vs existing) and sign-ups — ${period.label}`,
    xTitle: X_TITLES[grain],
    labels: buckets.map((b) => b.label),
    measure: count("Users"),
    stacked: true,
    bars: [
      { name: "Active, existing", values: buckets.map((b) => b.active_existing) },
      {
        name: `Active, new (signed up that ${grain})`,
        values: buckets.map((b) => b.active_new),
      },
    ],
    line: { name: "Sign-ups", values: buckets.map((b) => b.new_users), measure: count("Users") },
  });
}

/**
 * Retention by signup month: the share of each cohort active n months later. Month 0 is everyone
 * by definition, so the colours are scaled on months 1+ (otherwise 100 % would wash the rest out).
 */
export function retentionCohortChart(result: RetentionCohorts): ReplyChart {
  const later = result.cohorts
    .flatMap((c) => c.rates.slice(1))
    .filter((r): r is number => r !== null);
  return heatmapChart({
    id: "retention-cohorts",
    title: "Retention by signup month (share active n months later)",
    rows: result.cohorts.map((c) => `${c.cohort} (${c.size})`),
    columns: Array.from({ length: result.offsets }, (_, k) => `Month ${k}`),
    rowTitle: "Signup month (users)",
    columnTitle: `Months since signup (${result.current_month} is still running)`,
    measure: { name: "Active", unit: "percent" },
    values: result.cohorts.map((c) => c.rates),
    domain: { min: 0, max: later.length ? Math.max(...later) : 100 },
    cellTexts: result.cohorts.map((c) =>
      c.rates.map((r) => (r === null ? null : `${Math.round(r)}%`)),
    ),
    emptyLabel: "not yet / no sign-ups",
  });
}

/** Points earned and redeemed per bucket, with the outstanding balance on the right axis. */
export function loyaltyPointsChart(
  buckets: readonly PointsBucket[],
  grain: ActivityGrain,
  period: Period,
): ReplyChart {
  return barLineChart({
    id: "loyalty-points",
    title: `Loyalty points earned vs redeemed — ${period.label}`,
    xTitle: X_TITLES[grain],
    labels: buckets.map((b) => b.label),
    measure: count("Points"),
    bars: [
      { name: "Earned", values: buckets.map((b) => b.earned) },
      { name: "Redeemed", values: buckets.map((b) => b.redeemed) },
    ],
    line: {
      name: `Outstanding balance (end of ${grain})`,
      values: buckets.map((b) => b.balance),
      measure: count("Outstanding points"),
      rightAxis: true,
    },
  });
}

/** Users per age group, stacked by gender. */
export function demographicsChart(
  ageGroups: readonly string[],
  genders: readonly string[],
  countOf: (age: string, gender: string) => number,
): ReplyChart {
  return barLineChart({
    id: "users-demographics",
    title: "App users by age group and gender",
    xTitle: "Age group",
    labels: ageGroups,
    measure: count("Users"),
    stacked: true,
    bars: genders.map((g) => ({ name: g, values: ageGroups.map((a) => countOf(a, g)) })),
  });
}

/** Users per loyalty segment. */
export function segmentShareChart(
  shares: readonly Share[],
  title: string,
  id = "users-segments",
): ReplyChart {
  return doughnutChart({
    id,
    title,
    measure: count("Users"),
    slices: shares.map((s) => ({ label: s.key, value: s.count })),
  });
}
