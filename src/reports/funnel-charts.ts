import type { ReplyChart } from "../bot/reply";
import {
  bubbleChart,
  comparisonBarChart,
  labelledBarChart,
  waterfallChart,
} from "../charts/builders/index";
import { count, money, percent } from "../charts/measure";
import { formatCount, formatKpi, formatMoney } from "../core/format";
import type { FunnelStep } from "../core/funnel/funnel-steps";
import type { WaterfallStep } from "../core/funnel/waterfall";
import type { Period } from "../core/period";
import type { CampaignPerformance } from "./campaign-performance";

const STEP_LABELS: Readonly<Record<string, string>> = {
  impressions: "Impressions",
  clicks: "Clicks",
  conversions: "Conversions",
};

/**
 * Impressions → clicks → conversions as bars on a log axis (each step is 1–3 % of the one before,
 * so on a linear axis only impressions would be visible), each with its count and step rate;
 * revenue, in money, is the subtitle.
 */
export function funnelChart(
  steps: readonly FunnelStep[],
  title: string,
  currency: string,
  roas: number | null,
): ReplyChart {
  const revenue = steps.find((s) => s.step === "revenue");
  const perConversion = revenue?.rate?.value ?? null;
  return labelledBarChart({
    id: "funnel",
    title,
    category: "Funnel step",
    measure: count("Volume"),
    logScale: true,
    bars: steps
      .filter((s) => s.step !== "revenue")
      .map((s) => ({
        label: STEP_LABELS[s.step] ?? s.step,
        value: s.value,
        text: s.rate
          ? `${formatCount(s.value)} · ${s.rate.name === "ctr" ? "CTR" : "conv. rate"} ${formatKpi(s.rate.name === "ctr" ? "ctr" : "conversion_rate", s.rate.value)}`
          : formatCount(s.value),
      })),
    subtitle: revenue
      ? `Revenue ${formatMoney(revenue.value, currency)} · ${perConversion === null ? "—" : formatMoney(perConversion, currency)} per conversion · ROAS ${formatKpi("roas", roas)}`
      : undefined,
    xTitle: "Impressions, clicks, conversions (count, log scale)",
  });
}

/** CTR and conversion rate side by side per platform: where each platform's funnel leaks. */
export function platformRatesChart(
  rows: readonly { platform: string; ctr: number | null; conversion_rate: number | null }[],
  period: Period,
): ReplyChart {
  return comparisonBarChart({
    id: "funnel-rates-by-platform",
    title: `Funnel step rates by platform — ${period.label}`,
    groupTitle: "Platform",
    groups: rows.map((r) => r.platform),
    metrics: [
      { measure: percent("CTR"), values: rows.map((r) => r.ctr) },
      { measure: percent("Conversion rate"), values: rows.map((r) => r.conversion_rate) },
    ],
  });
}

/** Campaigns' contributions to total revenue (or profit) as a waterfall. */
export function contributionChart(
  steps: readonly WaterfallStep[],
  measureName: "Revenue" | "Profit",
  currency: string,
  title: string,
): ReplyChart {
  return waterfallChart({
    id: `${measureName.toLowerCase()}-contribution`,
    title,
    category: "Campaign",
    measure: money(measureName, currency),
    steps: steps.map((s) => ({ label: s.label, start: s.start, end: s.end, kind: s.kind })),
  });
}

/** Spend against engagements per campaign, bubble area = conversions, colour = platform. */
export function spendEngagementBubbleChart(
  rows: readonly CampaignPerformance[],
  currency: string,
  period: Period,
): ReplyChart {
  return bubbleChart({
    id: "spend-engagement-conversions",
    title: `Spend × engagement × conversions per campaign — ${period.label}`,
    x: money("Spend", currency),
    y: count("Engagements"),
    size: count("Conversions"),
    points: rows.map((r) => ({
      label: r.campaign.name,
      x: r.totals.spend,
      y: r.totals.engagements,
      size: r.totals.conversions,
      group: r.campaign.platform,
    })),
  });
}
