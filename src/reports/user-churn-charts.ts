import type { ReplyChart } from "../bot/reply";
import { barLineChart } from "../charts/builders/index";
import { count } from "../charts/measure";
import { palette } from "../charts/palette";
import { RISK_BANDS, type RiskBand } from "../core/users/churn-risk";
import { loyaltyPoints } from "../core/users/loyalty-points";
import { monthRange } from "../core/users/retention-cohorts";
import type { LocalEvent } from "../core/users/user-rows";

/** Risk colours: red for high, amber for medium, green for low, as everywhere in adpulse. */
const BAND_COLORS: Readonly<Record<RiskBand, string>> = {
  high: palette.bad,
  medium: "#E69F00",
  low: palette.good,
};

/** Users per loyalty segment, stacked by churn risk band. */
export function churnBySegmentChart(
  rows: readonly ({ segment: string } & Record<RiskBand, number>)[],
  asOf: string,
): ReplyChart {
  return barLineChart({
    id: "churn-by-segment",
    title: `Churn risk by loyalty segment — as of ${asOf}`,
    xTitle: "Loyalty segment",
    labels: rows.map((r) => r.segment),
    measure: count("Users"),
    stacked: true,
    bars: RISK_BANDS.map((band) => ({
      name: `${band} risk`,
      values: rows.map((r) => r[band]),
      color: BAND_COLORS[band],
    })),
  });
}

/** One user's events per month with their points balance. */
export function userHistoryChart(
  userId: string,
  events: readonly LocalEvent[],
  signup: string | null,
  asOf: string,
  pointsBeforeRecords = 0,
): ReplyChart {
  // From the first recorded event: before it nothing is known but the signup day.
  const first = [...events.map((e) => e.day)].sort()[0] ?? signup ?? asOf;
  const months = monthRange(first.slice(0, 7), asOf.slice(0, 7));
  const points = loyaltyPoints(
    events,
    { from: `${months[0]}-01`, to: asOf },
    "month",
    pointsBeforeRecords,
  );
  return barLineChart({
    id: "user-history",
    title: `${userId}: activity and points by month`,
    xTitle: "Month",
    labels: months,
    measure: count("Events"),
    bars: [
      {
        name: "Events",
        values: months.map((m) => events.filter((e) => e.day.startsWith(m)).length),
      },
    ],
    line: {
      name: "Points balance",
      values: points.map((p) => p.balance),
      measure: count("Points"),
      rightAxis: true,
    },
  });
}
