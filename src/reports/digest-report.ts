import { DateTime } from "luxon";
import type { Context } from "../bot/context";
import { isUserError } from "../bot/errors";
import type { Reply, ReplyChart } from "../bot/reply";
import { addDays, eachDay, isoWeekday } from "../core/days";
import { formatDelta, formatMoney } from "../core/format";
import { type Period, previousPeriod, todayIn } from "../core/period";
import { winnersAndLosers } from "../core/rank";
import type { SubscriptionCadence } from "../core/schedule/schedule-spec";
import type { SubscriptionOptions } from "../store/schema";
import { describeAnomaly, loadDailyHistory, scanAnomalies, shortDay } from "./anomaly-scan";
import { loadPerformance, loadTotals } from "./campaign-performance";
import { resolveScope } from "./campaign-scope";
import { metricRankingChart } from "./charts";
import { digestRecommendations } from "./digest-recommendations";
import { localDateTime } from "./local-time";
import { formatMetric, higherIsBetter, metricLabel, metricValue } from "./metric";
import { contextLine, kpiFields, periodData } from "./reply-parts";

/**
 * Digest charts are drawn smaller than interactive ones (1000×500): a channel preview shows them
 * at about this size anyway, and a thousand digests a morning pay for every pixel (PNG encoding
 * dominates: measured here ≈ 57 ms CPU at 1000×500, 46 at 800×400, 36 at 720×360).
 */
export const DIGEST_CHART_SIZE = { width: 720, height: 360 } as const;

export interface DigestRequest {
  cadence: SubscriptionCadence;
  /** The slot the digest is for: its period ends the day before, in `timezone`. */
  slot: Date;
  timezone: string;
  options: SubscriptionOptions;
  /** For the footer and `data.digest`. */
  subscriptionId?: string;
  schedule?: string;
  /** Set when the slot is posted late (downtime), with the earlier slots it stands for. */
  late?: { missed: number; postedAt: Date };
  /** `digest test`: same content, labelled as a test. */
  test?: boolean;
}

/**
 * The period a digest covers, from its slot: a daily digest reports yesterday, a weekly one the
 * seven days to yesterday (Monday's is exactly last week), a monthly one the previous calendar
 * month; each against the period just before (the month before, for monthly).
 *
 * @example digestPeriods("daily", new Date("2026-11-23T08:00:00Z"), "Europe/Paris").period
 * // { from: "2026-11-22", to: "2026-11-22", label: "yesterday", days: 1 }
 */
function digestPeriods(
  cadence: SubscriptionCadence,
  slot: Date,
  timezone: string,
): { period: Period; previous: Period } {
  const today = todayIn(slot, timezone);
  const yesterday = addDays(today, -1);
  if (cadence === "daily") {
    const period = { from: yesterday, to: yesterday, label: "yesterday", days: 1 };
    return { period, previous: previousPeriod(period) };
  }
  if (cadence === "weekly") {
    const label = isoWeekday(today) === 1 ? "last week" : "last 7 days";
    const period = { from: addDays(today, -7), to: yesterday, label, days: 7 };
    return { period, previous: previousPeriod(period) };
  }
  const month = (first: DateTime): Period => {
    const last = first.endOf("month");
    return {
      from: first.toISODate() as string,
      to: last.toISODate() as string,
      label: first.toFormat("LLLL yyyy"),
      days: last.day,
    };
  };
  const thisMonth = DateTime.fromISO(today, { zone: "utc" }).startOf("month");
  return {
    period: month(thisMonth.minus({ months: 1 })),
    previous: month(thisMonth.minus({ months: 2 })),
  };
}

const TITLES: Record<SubscriptionCadence, string> = {
  daily: "Daily digest",
  weekly: "Weekly digest",
  monthly: "Monthly digest",
};

/**
 * A digest: the period's KPIs against the period before with deltas, top and bottom campaigns
 * with a ranking chart, anomalies (same-weekday median/MAD) and one-line recommendations. Built
 * from the same reports as `/campaign kpis` and `top`, so figures agree with what users ask.
 *
 * @example await buildDigest(ctx, { cadence: "daily", slot, timezone: "Europe/Paris", options: {} })
 */
export async function buildDigest(ctx: Context, request: DigestRequest): Promise<Reply> {
  const { period, previous: before } = digestPeriods(
    request.cadence,
    request.slot,
    request.timezone,
  );
  const currency = ctx.tenant.currency;
  const metric = request.options.metric ?? "roi";
  const title = `${request.test ? "Test — " : ""}${TITLES[request.cadence]} — ${periodTitle(request.cadence, period)}`;
  const digestData = {
    subscription: request.subscriptionId ?? null,
    cadence: request.cadence,
    scheduled_for: request.slot.toISOString(),
    schedule: request.schedule ?? null,
    late: Boolean(request.late),
    missed: request.late?.missed ?? 0,
    test: Boolean(request.test),
  };
  const lateLine = request.late ? lateNotice(request) : undefined;

  let scope: Awaited<ReturnType<typeof resolveScope>>;
  try {
    scope = await resolveScope(ctx, {
      platform: request.options.platform,
      type: request.options.type,
    });
  } catch (error) {
    if (!isUserError(error)) throw error;
    // No campaigns (yet, or none match the filters): say so rather than go silent.
    return {
      title,
      text: [lateLine, error.message, ...error.hints].filter(Boolean).join("\n"),
      context: footer(request, contextLine(period, undefined, ctx.tenant)),
      data: { digest: digestData, period: periodData(period), error: { code: error.code } },
    };
  }

  const [current, previous, daily] = await Promise.all([
    loadPerformance(ctx, scope, period),
    loadTotals(ctx, scope, before),
    loadDailyHistory(ctx, scope, period.from, period.to),
  ]);
  const anomalies = scanAnomalies(daily, eachDay(period.from, period.to)).slice(0, 3);
  const { winners, losers } = winnersAndLosers(current.rows, (r) => metricValue(metric, r.totals), {
    count: 3,
    higherIsBetter: higherIsBetter(metric),
  });
  const recommendations = digestRecommendations({
    rows: current.rows,
    kpis: current.kpis,
    previousKpis: previous.kpis,
    anomalies,
    currency,
  });

  const hasData = current.totals.impressions > 0 || current.totals.spend > 0;
  const label = metricLabel(metric);
  const line = (r: (typeof winners)[number]) =>
    `**${r.campaign.name}** (${formatMetric(metric, metricValue(metric, r.totals), currency)})`;
  const text = [
    lateLine,
    hasData
      ? `${formatMoney(current.totals.spend, currency)} spent (${formatDelta(current.totals.spend, previous.totals.spend)}), ${formatMoney(current.totals.revenue, currency)} revenue (${formatDelta(current.totals.revenue, previous.totals.revenue)}); changes are against ${before.days === 1 ? shortDay(before.from) : `${before.from} → ${before.to}`}.`
      : `No delivery recorded for ${scope.label} ${period.label === "yesterday" ? "yesterday" : `in ${period.label}`}.`,
    winners.length > 0 ? `**Top by ${label}:** ${winners.map(line).join(", ")}` : undefined,
    losers.length > 0 ? `**Bottom by ${label}:** ${losers.map(line).join(", ")}` : undefined,
    anomalies.length > 0
      ? `**Anomalies:**\n${anomalies.map((a) => `- ${describeAnomaly(a, currency)}`).join("\n")}`
      : "**Anomalies:** none — every watched metric is in its usual range.",
    `**Recommendations:**\n${recommendations.map((r) => `- ${r}`).join("\n")}`,
  ]
    .filter(Boolean)
    .join("\n");

  const charts: ReplyChart[] = [];
  const ranked = [...winners, ...[...losers].reverse()].map((row) => ({
    row,
    value: metricValue(metric, row.totals),
  }));
  if (ranked.length > 0) {
    charts.push({
      ...metricRankingChart(
        "digest-ranking",
        `Top and bottom campaigns by ${label} — ${period.label}`,
        metric,
        ranked,
        currency,
      ),
      ...DIGEST_CHART_SIZE,
    });
  }

  const summary = (r: (typeof winners)[number]) => ({
    campaign: r.campaign.id,
    name: r.campaign.name,
    value: metricValue(metric, r.totals),
  });
  return {
    title,
    text,
    fields: kpiFields(current.totals, current.kpis, currency, previous),
    charts,
    context: footer(request, contextLine(period, scope, ctx.tenant)),
    tone: request.late ? "neutral" : undefined,
    data: {
      digest: digestData,
      period: periodData(period),
      previous_period: periodData(before),
      filters: { platform: request.options.platform ?? null, type: request.options.type ?? null },
      metric,
      totals: current.totals,
      kpis: current.kpis,
      previous: { totals: previous.totals, kpis: previous.kpis },
      top: winners.map(summary),
      bottom: losers.map(summary),
      anomalies: anomalies.map((a) => ({
        metric: a.metric,
        day: a.day,
        value: a.verdict.value,
        expected: a.verdict.expected,
        score: Math.round(a.verdict.score * 100) / 100,
        direction: a.verdict.direction,
      })),
      recommendations,
    },
  };
}

function periodTitle(cadence: SubscriptionCadence, period: Period): string {
  if (cadence === "daily") return `${period.label} (${shortDay(period.from)})`;
  if (cadence === "weekly")
    return `${period.label} (${shortDay(period.from)} → ${shortDay(period.to)})`;
  return period.label;
}

function lateNotice(request: DigestRequest): string {
  const missed = request.late?.missed ?? 0;
  const extra =
    missed > 0
      ? ` ${missed} earlier digest${missed === 1 ? " was" : "s were"} missed and will not be sent.`
      : "";
  return `_Late: this digest was due ${localDateTime(request.slot, request.timezone)}; adpulse was offline then._${extra}`;
}

function footer(request: DigestRequest, context: string): string {
  const parts = [context];
  if (request.subscriptionId) {
    parts.push(
      `digest ${request.subscriptionId}${request.schedule ? ` · ${request.schedule}` : ""}`,
    );
  }
  return parts.join(" · ");
}
