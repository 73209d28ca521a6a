import type { ReplyChart } from "../bot/reply";
import {
  comparisonBarChart,
  doughnutChart,
  gaugeChart,
  rankingBarChart,
  scatterChart,
  trendLineChart,
} from "../charts/builders/index";
import { count, kpiMeasure, type MetricName, money, percent } from "../charts/measure";
import type { Grain } from "../core/aggregate";
import type { Period } from "../core/period";
import type { Campaign, MetricTotals } from "../store/schema";
import type { CampaignPerformance } from "./campaign-performance";
import { higherIsBetter } from "./metric";

// The charts adpulse's replies carry: report rows in, builder inputs out. Commands pick one by
// name so the same question always draws the same chart.

export function roiRankingChart(
  ranked: readonly CampaignPerformance[],
  period: Period,
  currency: string,
): ReplyChart {
  return rankingBarChart({
    id: "roi-ranking",
    title: `ROI by campaign — ${period.label}`,
    category: "Campaign",
    measure: kpiMeasure("roi", currency),
    items: ranked.map((r) => ({ label: r.campaign.name, value: r.kpis.roi })),
  });
}

export function metricRankingChart(
  id: string,
  title: string,
  metric: string,
  ranked: readonly { row: CampaignPerformance; value: number | null }[],
  currency: string,
): ReplyChart {
  return rankingBarChart({
    id,
    title,
    category: "Campaign",
    measure: kpiMeasure(metric as MetricName, currency),
    items: ranked.map((r) => ({ label: r.row.campaign.name, value: r.value })),
    order: higherIsBetter(metric) ? "desc" : "asc",
  });
}

/** Every campaign in scope as a point: where the money goes against what it returns. */
export function spendVsRoiChart(
  rows: readonly CampaignPerformance[],
  currency: string,
): ReplyChart {
  return scatterChart({
    id: "spend-vs-roi",
    title: "Spend vs ROI per campaign",
    x: money("Spend", currency),
    y: percent("ROI"),
    points: rows.map((r) => ({
      label: r.campaign.name,
      x: r.totals.spend,
      y: r.kpis.roi,
      group: r.campaign.platform,
    })),
  });
}

/** Click-through against conversion rate per campaign, coloured by platform or type. */
export function ctrVsConversionChart(
  rows: readonly CampaignPerformance[],
  groupBy: "platform" | "type",
): ReplyChart {
  return scatterChart({
    id: "ctr-vs-conversion-rate",
    title: "CTR vs conversion rate per campaign",
    x: percent("CTR"),
    y: percent("Conversion rate"),
    points: rows.map((r) => ({
      label: r.campaign.name,
      x: r.kpis.ctr,
      y: r.kpis.conversion_rate,
      group: r.campaign[groupBy],
    })),
  });
}

export function comparisonChart(
  id: string,
  title: string,
  groups: readonly { label: string; kpis: { roi: number | null } }[],
  currency: string,
): ReplyChart {
  return comparisonBarChart({
    id,
    title,
    groupTitle: id.endsWith("platforms")
      ? "Platform"
      : id.endsWith("types")
        ? "Campaign type"
        : "Campaign",
    groups: groups.map((g) => g.label),
    metrics: [{ measure: kpiMeasure("roi", currency), values: groups.map((g) => g.kpis.roi) }],
  });
}

export function spendShareChart(
  byPlatform: ReadonlyMap<string, MetricTotals>,
  period: Period,
  currency: string,
): ReplyChart {
  return doughnutChart({
    id: "spend-share",
    title: `Spend share by platform — ${period.label}`,
    measure: money("Spend", currency),
    slices: [...byPlatform].map(([platform, totals]) => ({ label: platform, value: totals.spend })),
  });
}

export function targetGaugeChart(
  campaign: Campaign,
  conversions: number,
  target: number,
): ReplyChart {
  return gaugeChart({
    id: "target-progress",
    title: `${campaign.name}: conversions vs target`,
    measure: count("Conversions"),
    value: conversions,
    target,
  });
}

export function trendChart(
  metric: string,
  grain: Grain,
  series: readonly { label: string; value: number | null }[],
  previous: readonly { value: number | null }[],
  period: Period,
  currency: string,
): ReplyChart {
  const measure = kpiMeasure(metric as MetricName, currency);
  return trendLineChart({
    id: `trend-${metric}`,
    title: `${measure.name} by ${grain} — ${period.label}`,
    labels: series.map((s) => s.label),
    granularity: grain,
    measure,
    series: [
      { name: period.label, values: series.map((s) => s.value) },
      // The period before, aligned bucket by bucket, so "better or worse than usual" is visible.
      {
        name: "period before",
        values: series.map((_, i) => previous[i]?.value ?? null),
        dashed: true,
      },
    ],
  });
}

export function genderClicksChart(genders: readonly { key: string; clicks: number }[]): ReplyChart {
  return doughnutChart({
    id: "clicks-by-gender",
    title: "Clicks by gender",
    measure: count("Clicks"),
    slices: genders.map((g) => ({ label: g.key, value: g.clicks })),
  });
}

export function ageImpressionsChart(
  ages: readonly { key: string; impressions: number }[],
): ReplyChart {
  return comparisonBarChart({
    id: "impressions-by-age",
    title: "Impressions by age group",
    groupTitle: "Age group",
    groups: ages.map((a) => a.key),
    metrics: [{ measure: count("Impressions"), values: ages.map((a) => a.impressions) }],
  });
}
