import { distance } from "fastest-levenshtein";
import { defineCommand } from "../src/bot/command";
import { periodOption } from "../src/bot/common-options";
import type { Context } from "../src/bot/context";
import { UserError } from "../src/bot/errors";
import { echo } from "../src/bot/option-values";
import type { Reply } from "../src/bot/reply";
import { formatCount, formatDelta, formatPercent, MISSING } from "../src/core/format";
import type { Period } from "../src/core/period";
import {
  type ChurnRisk,
  churnRisk,
  LAPSED_DAYS,
  RISK_BANDS,
  type RiskBand,
  TREND_WINDOW,
} from "../src/core/users/churn-risk";
import { shareBy } from "../src/core/users/distribution";
import { loyaltyPoints, openingBalance } from "../src/core/users/loyalty-points";
import { addMonths, retentionCohorts } from "../src/core/users/retention-cohorts";
import { returnShare } from "../src/core/users/return-share";
import { type ActivityGrain, userActivity } from "../src/core/users/user-activity";
import { userProfile } from "../src/core/users/user-profile";
import { periodData } from "../src/reports/reply-parts";
import {
  demographicsChart,
  loyaltyPointsChart,
  retentionCohortChart,
  segmentShareChart,
  userActivityChart,
} from "../src/reports/user-charts";
import { churnBySegmentChart, userHistoryChart } from "../src/reports/user-churn-charts";
import { loadUserData, type UserData } from "../src/reports/user-data";
import { APP_USER_AGE_GROUPS, APP_USER_GENDERS, type AppUser } from "../src/store/schema";

/** Cohort triangles show at least this many signup months, whatever the period. */
const MIN_COHORT_MONTHS = 6;
const AT_RISK_SHOWN = 15;

export default defineCommand({
  name: "users",
  description: "App users: new vs active, retention cohorts, loyalty points, segments, churn risk",
  examples: ["users last 30d", "users monthly last 180d", "users churn", "users u-00042"],
  options: [
    {
      name: "view",
      kind: "choice",
      description: "daily or monthly figures (default by period length), or churn risk",
      choices: ["daily", "monthly", "churn"],
    },
    periodOption,
    { name: "user", kind: "text", description: "One user's id, e.g. u-00042, for their profile" },
  ] as const,
  async run(ctx, { view, period, user }) {
    // A period reaching into the future is read up to today.
    const data = await loadUserData(ctx, period.to);
    const { asOf } = data;
    if (data.users.length === 0) {
      throw new UserError(`${ctx.tenant.name} has no app users yet.`, "no_data", [
        "Import them with `adpulse import users <file>` and their activity with `adpulse import user-events <file>`, or load demo data with `adpulse seed --demo`.",
      ]);
    }
    if (user?.trim()) return profileReply(ctx, data, user.trim(), asOf);
    if (view === "churn") return churnReply(ctx, data, period, asOf);
    const grain: ActivityGrain =
      view === "monthly" ? "month" : view === "daily" ? "day" : period.days > 62 ? "month" : "day";
    return overviewReply(ctx, data, period, asOf, grain);
  },
});

function overviewReply(
  ctx: Context,
  data: UserData,
  period: Period,
  asOf: string,
  grain: ActivityGrain,
): Reply {
  const { users, events, activeDays } = data;
  const range = { from: period.from, to: asOf };
  const activity = userActivity(users, events, range, grain);
  const inPeriod = events.filter((e) => e.day >= range.from && e.day <= range.to);
  const signedUp = users.filter(
    (u) => u.signup_date !== null && u.signup_date >= range.from && u.signup_date <= range.to,
  );
  const activeIds = new Set(inPeriod.map((e) => e.user_id));
  const newIds = new Set(signedUp.map((u) => u.id));
  const activeNew = [...activeIds].filter((id) => newIds.has(id)).length;
  const returns = returnShare(users, activeDays, range, asOf);
  const firstMonth = addMonths(asOf.slice(0, 7), 1 - MIN_COHORT_MONTHS);
  const cohorts = retentionCohorts(
    users,
    activeDays,
    earlier(period.from.slice(0, 7), firstMonth),
    asOf,
  );
  const opening = openingBalance(events, range.from) + sumValues(data.pointsBeforeRecords);
  const points = loyaltyPoints(events, range, grain, opening);
  const earned = points.reduce((a, b) => a + b.earned, 0);
  const redeemed = points.reduce((a, b) => a + b.redeemed, 0);
  const closing = points.at(-1)?.balance ?? opening;
  const { known } = data;
  const genders = shareBy(known, (u) => u.gender, APP_USER_GENDERS);
  const ages = shareBy(known, (u) => u.age_group, APP_USER_AGE_GROUPS);
  const segments = shareBy(known, (u) => u.segment ?? "unknown");
  const bands = countBands(risks(data));
  const monthOne = cohorts.cohorts
    .filter((c) => c.cohort < cohorts.current_month && c.rates[1] !== null && c.size > 0)
    .map((c) => ({ cohort: c.cohort, rate: c.rates[1] as number, size: c.size }));
  const monthOneAvg = monthOne.length
    ? monthOne.reduce((a, c) => a + c.rate * c.size, 0) / monthOne.reduce((a, c) => a + c.size, 0)
    : null;
  const lines = [
    `**${formatCount(activeIds.size)}** active users in ${period.label}: ${formatCount(activeNew)} new (signed up in the period), ${formatCount(activeIds.size - activeNew)} existing; ${formatCount(signedUp.length)} sign-ups.`,
    `${formatPercent(returns.share)} of those who signed up came back on a later day (${returns.windows.map((w) => `within ${w.days} days: ${w.eligible ? `${formatPercent(w.share)} of ${w.eligible}` : "too early to tell"}`).join(", ")}).`,
    monthOneAvg !== null
      ? `Month-1 retention averages **${formatPercent(monthOneAvg)}** over the ${monthOne.length} complete cohorts shown.`
      : "",
    `Loyalty points: ${formatCount(earned)} earned, ${formatCount(redeemed)} redeemed; outstanding balance ${formatCount(closing)} (${formatDelta(closing, opening)} over the period).`,
    `Churn risk: **${bands.high}** high, ${bands.medium} medium, ${bands.low} low — \`/campaign users churn\` lists who.`,
  ].filter(Boolean);
  const genderCount = new Map<string, number>();
  for (const u of known)
    genderCount.set(
      `${u.age_group}|${u.gender}`,
      (genderCount.get(`${u.age_group}|${u.gender}`) ?? 0) + 1,
    );
  const shownGenders = APP_USER_GENDERS.filter((g) => known.some((u) => u.gender === g));
  const shownAges = APP_USER_AGE_GROUPS.filter((a) => known.some((u) => u.age_group === a));
  return {
    title: `App users — ${period.label}`,
    text: lines.join("\n"),
    fields: [
      { label: "Users", value: formatCount(known.length) },
      { label: "Active users", value: formatCount(activeIds.size) },
      { label: "Sign-ups", value: formatCount(signedUp.length) },
      { label: "Came back", value: formatPercent(returns.share) },
      { label: "Points earned", value: formatCount(earned) },
      { label: "Points redeemed", value: formatCount(redeemed) },
      { label: "Outstanding points", value: formatCount(closing) },
      {
        label: "High churn risk",
        value: formatCount(bands.high),
        tone: bands.high > 0 ? "bad" : "neutral",
      },
    ],
    table: {
      columns: [
        "Signup month",
        "Users",
        ...Array.from({ length: Math.min(cohorts.offsets, 6) }, (_, k) => `M${k}`),
      ],
      rows: cohorts.cohorts.map((c) => [
        c.cohort,
        c.size,
        ...c.rates.slice(0, 6).map((r) => (r === null ? null : `${Math.round(r)}%`)),
      ]),
    },
    charts: [
      userActivityChart(activity, grain, period),
      retentionCohortChart(cohorts),
      loyaltyPointsChart(points, grain, period),
      demographicsChart(shownAges, shownGenders, (a, g) => genderCount.get(`${a}|${g}`) ?? 0),
      segmentShareChart(segments, "App users by loyalty segment"),
    ],
    context: `${period.label} (${period.from} → ${asOf}) · days in ${ctx.tenant.timezone}`,
    data: {
      period: periodData(period),
      as_of: asOf,
      grain,
      users: known.length,
      active_users: activeIds.size,
      active_new: activeNew,
      active_existing: activeIds.size - activeNew,
      sign_ups: signedUp.length,
      activity,
      return_share: returns,
      cohorts,
      month_one_retention: monthOneAvg,
      points: {
        opening_balance: opening,
        earned,
        redeemed,
        closing_balance: closing,
        series: points,
      },
      by_gender: genders,
      by_age_group: ages,
      by_segment: segments,
      churn_risk: bands,
    },
  };
}

/** How many users fall in each churn band, every band present (zero included). */
function countBands(all: readonly { risk: ChurnRisk }[]): Record<RiskBand, number> {
  const counts: Record<RiskBand, number> = { high: 0, medium: 0, low: 0 };
  for (const r of all) counts[r.risk.band]++;
  return counts;
}

/** The churn risk of every user signed up by `asOf`: someone who joins later is no churn risk. */
function risks(data: UserData): { user: AppUser; risk: ChurnRisk }[] {
  const eventDays = new Map<string, string[]>();
  for (const e of data.events) {
    const list = eventDays.get(e.user_id);
    if (list) list.push(e.day);
    else eventDays.set(e.user_id, [e.day]);
  }
  return data.known.map((u) => ({
    user: u,
    risk: churnRisk(u, data.activeDays.get(u.id) ?? [], eventDays.get(u.id) ?? [], data.asOf),
  }));
}

function churnReply(ctx: Context, data: UserData, period: Period, asOf: string): Reply {
  const all = risks(data);
  const counts = countBands(all);
  const sizes = new Map<string, number>();
  for (const r of all) {
    const key = r.user.segment ?? "unknown";
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  // Largest segment first.
  const segments = [...sizes.keys()].sort(
    (a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0) || (a < b ? -1 : 1),
  );
  const bySegment = segments.map((segment) => {
    const own = all.filter((r) => (r.user.segment ?? "unknown") === segment);
    return {
      segment,
      users: own.length,
      ...Object.fromEntries(
        RISK_BANDS.map((b) => [b, own.filter((r) => r.risk.band === b).length]),
      ),
    } as { segment: string; users: number } & Record<RiskBand, number>;
  });
  const order: Record<RiskBand, number> = { high: 0, medium: 1, low: 2 };
  const atRisk = all
    .filter((r) => r.risk.band !== "low")
    .sort(
      (a, b) =>
        order[a.risk.band] - order[b.risk.band] ||
        (b.risk.overdue ?? 0) - (a.risk.overdue ?? 0) ||
        (a.user.id < b.user.id ? -1 : 1),
    );
  const balances = new Map(data.pointsBeforeRecords);
  for (const e of data.events)
    balances.set(e.user_id, (balances.get(e.user_id) ?? 0) + e.points_earned - e.points_redeemed);
  const share = (n: number) => (all.length ? formatPercent((n / all.length) * 100) : MISSING);
  const riskiest = bySegment
    .filter((s) => s.users > 0)
    .sort((a, b) => b.high / b.users - a.high / a.users)[0];
  const withPoints = atRisk.filter(
    (r) => r.risk.band === "high" && (balances.get(r.user.id) ?? 0) > 0,
  );
  const lines = [
    `Of ${formatCount(all.length)} users, **${counts.high}** (${share(counts.high)}) are at high churn risk, ${counts.medium} (${share(counts.medium)}) medium, ${counts.low} low, as of ${asOf}.`,
    riskiest
      ? `Highest share at high risk: **${riskiest.segment}** (${riskiest.high} of ${riskiest.users}).`
      : "",
    withPoints.length
      ? `${withPoints.length} high-risk users still hold ${formatCount(withPoints.reduce((a, r) => a + (balances.get(r.user.id) ?? 0), 0))} points: a reminder of their balance is a cheap win-back.`
      : "",
    `_High: silent 3× their usual gap between active days or ${LAPSED_DAYS}+ days, or never active 14+ days after signing up. Medium: silent 1.5× their usual gap, or events in the last ${TREND_WINDOW} days under half the ${TREND_WINDOW} before._`,
  ].filter(Boolean);
  return {
    title: `Churn risk — app users — as of ${asOf}`,
    text: lines.join("\n"),
    fields: RISK_BANDS.map((b) => ({
      label: `${b[0]?.toUpperCase()}${b.slice(1)} risk`,
      value: formatCount(counts[b]),
      tone: b === "high" ? "bad" : b === "low" ? "good" : "neutral",
    })),
    table: {
      columns: [
        "User",
        "Segment",
        "Risk",
        "Last active",
        "Days silent",
        "Usual gap",
        "Trend",
        "Points",
      ],
      rows: atRisk
        .slice(0, AT_RISK_SHOWN)
        .map((r) => [
          r.user.id,
          r.user.segment ?? "unknown",
          r.risk.band,
          data.activeDays.get(r.user.id)?.at(-1) ?? "never",
          r.risk.days_since_last,
          Math.round(r.risk.typical_gap),
          r.risk.trend,
          balances.get(r.user.id) ?? 0,
        ]),
    },
    charts: [churnBySegmentChart(bySegment, asOf)],
    context: `As of ${asOf} · days in ${ctx.tenant.timezone}`,
    data: {
      period: periodData(period),
      as_of: asOf,
      bands: counts,
      by_segment: bySegment,
      method: {
        trend_window_days: TREND_WINDOW,
        lapsed_days: LAPSED_DAYS,
        high_overdue: 3,
        medium_overdue: 1.5,
      },
      at_risk: atRisk.slice(0, 50).map((r) => ({
        id: r.user.id,
        segment: r.user.segment,
        points_balance: balances.get(r.user.id) ?? 0,
        ...r.risk,
      })),
    },
  };
}

function profileReply(ctx: Context, data: UserData, query: string, asOf: string): Reply {
  const user =
    data.users.find((u) => u.id === query) ??
    data.users.find((u) => u.id.toLowerCase() === query.toLowerCase());
  if (!user) {
    // Ids are codes, not names: plain edit distance finds the typo ("u-0042x" → "u-00042").
    // Ids with the same number come first ("42", "U42" → "u-00042").
    const wanted = query.toLowerCase().slice(0, 64);
    const numberOf = (text: string) => text.replace(/\D/g, "").replace(/^0+/, "");
    const number = numberOf(wanted);
    const closest = data.users
      .map((u) => ({
        id: u.id,
        d: distance(wanted, u.id.toLowerCase()) - (number && numberOf(u.id) === number ? 100 : 0),
      }))
      .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1))
      .slice(0, 3);
    throw new UserError(`No app user with id "${echo(query)}".`, "unknown_user", [
      ...(closest.length ? [`Closest ids: ${closest.map((c) => `\`${c.id}\``).join(", ")}.`] : []),
      `Ids are as imported, e.g. \`${data.users[0]?.id ?? "u-00042"}\`. For everyone at once: \`/campaign users\` or \`/campaign users churn\`.`,
    ]);
  }
  const before = data.pointsBeforeRecords.get(user.id) ?? 0;
  const p = userProfile(user, data.events, asOf, before);
  const own = data.events.filter((e) => e.user_id === user.id);
  const lines = [
    `Signed up ${p.signup_date ?? "on an unknown day"} · ${p.gender} · ${p.age_group} · segment **${p.segment ?? "unknown"}**.`,
    p.events
      ? `${p.events} events on ${p.active_days} days, first ${p.first_active}, last **${p.last_active}** (${p.churn.days_since_last} days ago).`
      : "No activity recorded yet.",
    `Points: ${formatCount(p.points_earned)} earned, ${formatCount(p.points_redeemed)} redeemed, **${formatCount(p.points_balance)}** outstanding${before > 0 ? ` (including ${formatCount(before)} held before the first recorded event)` : ""}.`,
    `Churn risk **${p.churn.band}**: ${p.churn.reason}; activity ${p.churn.trend} (${p.churn.recent_events} events in the last ${TREND_WINDOW} days, ${p.churn.prior_events} before).`,
  ];
  return {
    title: `App user ${user.id}`,
    text: lines.join("\n"),
    fields: [
      { label: "Segment", value: p.segment ?? "unknown" },
      { label: "Events", value: formatCount(p.events) },
      { label: "Last active", value: p.last_active ?? "never" },
      { label: "Points balance", value: formatCount(p.points_balance) },
      {
        label: "Churn risk",
        value: p.churn.band,
        tone: p.churn.band === "high" ? "bad" : p.churn.band === "low" ? "good" : "neutral",
      },
    ],
    table: { columns: ["Event type", "Count"], rows: p.event_types.map((t) => [t.type, t.count]) },
    charts: own.length ? [userHistoryChart(user.id, own, p.signup_date, asOf, before)] : [],
    context: `As of ${asOf} · days in ${ctx.tenant.timezone}`,
    data: { as_of: asOf, user: p },
  };
}

/** The earlier of two ISO days or months (text order is time order). */
function earlier(a: string, b: string): string {
  return [a, b].sort()[0] as string;
}

function sumValues(map: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const v of map.values()) sum += v;
  return sum;
}
