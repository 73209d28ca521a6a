import { defineCommand } from "../src/bot/command";
import {
  campaignOption,
  METRIC_CHOICES,
  periodOption,
  platformOption,
  typeOption,
} from "../src/bot/common-options";
import { bucketDays, type Grain } from "../src/core/aggregate";
import { formatDelta, MISSING } from "../src/core/format";
import { sumTotals } from "../src/core/kpis";
import { previousPeriod } from "../src/core/period";
import { resolveScope, scopeCampaignIds } from "../src/reports/campaign-scope";
import { trendChart } from "../src/reports/charts";
import { formatMetric, metricLabel, metricValue } from "../src/reports/metric";
import { contextLine, periodData } from "../src/reports/reply-parts";

const GRAIN_WORDS: Record<string, Grain> = {
  daily: "day",
  day: "day",
  weekly: "week",
  week: "week",
  monthly: "month",
  month: "month",
};

/** Days for short periods, weeks up to half a year, months beyond: charts stay readable. */
export function defaultGrain(days: number): Grain {
  if (days <= 45) return "day";
  if (days <= 200) return "week";
  return "month";
}

export default defineCommand({
  name: "trend",
  description: "How one metric moved over time, against the period before",
  examples: [
    "trend ctr last 30d",
    "trend roas weekly last 90d platform:google",
    'trend spend "Spring Sale"',
  ],
  options: [
    {
      name: "metric",
      kind: "metric",
      description: "The metric to follow",
      required: true,
      choices: METRIC_CHOICES,
    },
    {
      name: "grain",
      kind: "choice",
      description: "daily, weekly or monthly",
      choices: Object.keys(GRAIN_WORDS),
    },
    periodOption,
    platformOption,
    typeOption,
    campaignOption,
  ] as const,
  async run(ctx, { metric, grain, period, platform, type, campaign }) {
    const scope = await resolveScope(ctx, { platform, type, campaign });
    const bucket = grain ? (GRAIN_WORDS[grain] as Grain) : defaultGrain(period.days);
    const before = previousPeriod(period);
    const ids = { campaignIds: scopeCampaignIds(scope) };
    const [rows, previousRows] = await Promise.all([
      ctx.store.metrics.totalsByDay(ctx.tenant.id, period, ids),
      ctx.store.metrics.totalsByDay(ctx.tenant.id, before, ids),
    ]);
    const current = bucketDays(rows, bucket, period);
    const previous = bucketDays(previousRows, bucket, before);
    const currency = ctx.tenant.currency;
    const series = current.map((b) => ({
      label: b.label,
      from: b.from,
      to: b.to,
      value: metricValue(metric, b.totals),
    }));
    const previousSeries = previous.map((b) => ({
      label: b.label,
      value: metricValue(metric, b.totals),
    }));
    const overall = metricValue(metric, sumTotals(current.map((b) => b.totals)));
    const overallBefore = metricValue(metric, sumTotals(previous.map((b) => b.totals)));
    const values = series.filter((s) => s.value !== null);
    const peak = values.reduce<(typeof values)[number] | undefined>(
      (m, s) => (!m || (s.value ?? 0) > (m.value ?? 0) ? s : m),
      undefined,
    );
    const low = values.reduce<(typeof values)[number] | undefined>(
      (m, s) => (!m || (s.value ?? 0) < (m.value ?? 0) ? s : m),
      undefined,
    );
    // No earlier figure to compare with (new campaign, zero before): say nothing rather than "—".
    const delta = formatDelta(overall, overallBefore);
    const change = delta === MISSING ? "" : delta;

    return {
      title: `${metricLabel(metric)} trend — ${scope.single?.name ?? scope.label} — ${period.label}`,
      text: [
        `${formatMetric(metric, overall, currency)} over the period${change ? ` (${change} vs the period before)` : ""}.`,
        peak && low && values.length > 1
          ? `Peak ${formatMetric(metric, peak.value, currency)} (${peak.label}), low ${formatMetric(metric, low.value, currency)} (${low.label}).`
          : "",
      ]
        .filter(Boolean)
        .join("\n"),
      charts: [trendChart(metric, bucket, series, previousSeries, period, currency)],
      context: contextLine(period, scope, ctx.tenant),
      data: {
        period: periodData(period),
        previous_period: periodData(before),
        metric,
        grain: bucket,
        value: overall,
        previous_value: overallBefore,
        series,
        previous_series: previousSeries,
      },
    };
  },
});
