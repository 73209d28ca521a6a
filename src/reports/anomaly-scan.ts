import { DateTime } from "luxon";
import type { Context } from "../bot/context";
import type { ReplyChart, Tone } from "../bot/reply";
import { trendLineChart } from "../charts/builders/index";
import { kpiMeasure, type MetricName } from "../charts/measure";
import {
  ANOMALY_DEFAULTS,
  type AnomalyOptions,
  type AnomalyVerdict,
  detectDailyAnomaly,
  expectedSeries,
} from "../core/anomalies/detect-anomaly";
import { addDays, eachDay } from "../core/days";
import type { DayTotalsRow } from "../store/metrics-repository";
import type { MetricTotals } from "../store/schema";
import { type CampaignScope, scopeCampaignIds } from "./campaign-scope";
import { formatMetric, higherIsBetter, isKpi, metricLabel, metricValue } from "./metric";

/** Daily metrics watched for anomalies: the money, the outcomes, and the ratios that move them. */
export const WATCHED_METRICS = [
  "spend",
  "revenue",
  "conversions",
  "clicks",
  "ctr",
  "cpa",
  "roas",
] as const;

/**
 * A ratio computed from a handful of events is noise, not news: below these bases the day's value
 * counts as unknown (neither judged nor used as history).
 */
const MIN_BASE: Partial<Record<string, (t: MetricTotals) => boolean>> = {
  ctr: (t) => t.impressions >= 1_000,
  cpa: (t) => t.conversions >= 5,
  roas: (t) => t.spend >= 10,
  conversion_rate: (t) => t.clicks >= 100,
};

/**
 * Detection settings per metric. The absolute spread floor is in the metric's unit: half a unit
 * suits money and counts (a single conversion more is not news), but would swamp a ratio such as
 * a 2 % CTR or a ROAS of 3, whose floor is a hundredth (the 5 % relative floor does the work).
 */
export function anomalyOptionsFor(metric: string): AnomalyOptions {
  const moneyKpi = metric === "cpa" || metric === "cpc" || metric === "cpm";
  return isKpi(metric) && !moneyKpi ? { minAbsoluteSpread: 0.01 } : {};
}

/** Days of history loaded before the first day judged (same-weekday weeks). */
export const HISTORY_DAYS = 7 * ANOMALY_DEFAULTS.weeks;

export interface FoundAnomaly {
  metric: string;
  day: string;
  verdict: AnomalyVerdict;
  /** bad: the move hurts (spend up, conversions down); good: it helps. */
  tone: Tone;
}

/** A metric's value per day (null where undefined or below its base). */
export function metricSeries(
  rows: readonly DayTotalsRow[],
  metric: string,
): Map<string, number | null> {
  const base = MIN_BASE[metric];
  return new Map(
    rows.map((row) => [row.day, base && !base(row) ? null : metricValue(metric, row)]),
  );
}

/**
 * Judges each of `days` for each metric against its same-weekday history; strongest first.
 *
 * @example scanAnomalies(dailyRows, ["2026-11-21"]) // [{ metric: "spend", day: "2026-11-21", … }]
 */
export function scanAnomalies(
  rows: readonly DayTotalsRow[],
  days: readonly string[],
  metrics: readonly string[] = WATCHED_METRICS,
): FoundAnomaly[] {
  const found: FoundAnomaly[] = [];
  for (const metric of metrics) {
    const series = metricSeries(rows, metric);
    for (const day of days) {
      const verdict = detectDailyAnomaly(series, day, anomalyOptionsFor(metric));
      if (!verdict?.anomalous) continue;
      const good = (verdict.direction === "up") === higherIsBetter(metric);
      found.push({ metric, day, verdict, tone: good ? "good" : "bad" });
    }
  }
  return found.sort((a, b) => Math.abs(b.verdict.score) - Math.abs(a.verdict.score));
}

/** Loads the daily totals a scan of `from..to` needs (with its history weeks before). */
export async function loadDailyHistory(
  ctx: Context,
  scope: CampaignScope | undefined,
  from: string,
  to: string,
): Promise<DayTotalsRow[]> {
  return ctx.store.metrics.totalsByDay(
    ctx.tenant.id,
    { from: addDays(from, -HISTORY_DAYS), to },
    { campaignIds: scopeCampaignIds(scope) },
  );
}

/** `Sat 21 Nov`. */
export function shortDay(day: string): string {
  return DateTime.fromISO(day, { zone: "utc" }).toFormat("ccc d LLL");
}

/**
 * One line: "**Spend** on Sat 21 Nov: $5,400, usually $1,700 on Saturdays (3.2×)".
 */
export function describeAnomaly(anomaly: FoundAnomaly, currency: string): string {
  const { metric, day, verdict } = anomaly;
  const weekday = DateTime.fromISO(day, { zone: "utc" }).toFormat("cccc");
  const ratio =
    verdict.expected > 0 && verdict.value >= 0
      ? ` (${(verdict.value / verdict.expected).toFixed(1)}×)`
      : "";
  return `**${metricLabel(metric)}** on ${shortDay(day)}: ${formatMetric(metric, verdict.value, currency)}, usually ${formatMetric(metric, verdict.expected, currency)} on ${weekday}s${ratio}`;
}

/**
 * The chart that shows the spike: the metric per day over the history window, with the usual
 * value for each weekday dashed beside it.
 */
export function anomalyChart(
  rows: readonly DayTotalsRow[],
  metric: string,
  day: string,
  currency: string,
  size: { width?: number; height?: number } = {},
): ReplyChart {
  const days = eachDay(addDays(day, -27), day);
  const series = metricSeries(rows, metric);
  const measure = kpiMeasure(metric as MetricName, currency);
  return trendLineChart({
    id: `anomaly-${metric}-${day}`,
    title: `${metricLabel(metric)} per day — ${shortDay(day)} against the usual`,
    labels: days,
    granularity: "day",
    measure,
    series: [
      { name: metricLabel(metric), values: days.map((d) => series.get(d) ?? null) },
      {
        name: "usual for the weekday",
        values: expectedSeries(series, days, anomalyOptionsFor(metric)),
        dashed: true,
      },
    ],
    ...size,
  });
}
