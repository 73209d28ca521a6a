import { defineCommand } from "../src/bot/command";
import { campaignReportOptions } from "../src/bot/common-options";
import { UserError } from "../src/bot/errors";
import type { ReplyField } from "../src/bot/reply";
import { totalsByPlatform } from "../src/core/aggregate";
import { formatCount, formatDelta, formatKpi, formatMoney, MISSING } from "../src/core/format";
import { type FunnelStep, funnelSteps, weakestStep } from "../src/core/funnel/funnel-steps";
import { computeKpis } from "../src/core/kpis";
import { previousPeriod } from "../src/core/period";
import { loadPerformance } from "../src/reports/campaign-performance";
import { resolveScope } from "../src/reports/campaign-scope";
import { funnelChart, platformRatesChart } from "../src/reports/funnel-charts";
import { contextLine, filtersData, periodData } from "../src/reports/reply-parts";

const RATE_LABELS = {
  ctr: "CTR",
  conversion_rate: "conversion rate",
  revenue_per_conversion: "revenue per conversion",
} as const;

export default defineCommand({
  name: "funnel",
  description: "Impressions → clicks → conversions → revenue, with the rate of each step",
  examples: ["funnel last 30d", 'funnel "Spring Sale" last 90d', "funnel platform:tiktok"],
  options: campaignReportOptions,
  async run(ctx, { campaign, period, platform, type }) {
    const scope = await resolveScope(ctx, { platform, type, campaign });
    const before = previousPeriod(period);
    // The period before goes through loadPerformance, not loadTotals: its totals are summed per
    // campaign and money-rounded, and `previous_steps` must keep those exact figures. The
    // tenant-wide funnel (to find the weakest step) is only needed for a narrower scope.
    const [report, previous, all] = await Promise.all([
      loadPerformance(ctx, scope, period),
      loadPerformance(ctx, scope, before),
      scope.filtered ? ctx.store.metrics.totals(ctx.tenant.id, period) : undefined,
    ]);
    if (report.totals.impressions === 0) {
      throw new UserError(
        `No impressions for ${scope.single?.name ?? scope.label} in ${period.label}.`,
        "no_data",
        ["Try a longer period, e.g. `/campaign funnel last 90d`."],
      );
    }
    const currency = ctx.tenant.currency;
    const steps = funnelSteps(report.totals);
    const previousSteps = funnelSteps(previous.totals);
    const rate = (s: FunnelStep) =>
      s.rate?.name === "revenue_per_conversion"
        ? s.rate.value === null
          ? "—"
          : formatMoney(s.rate.value, currency)
        : formatKpi(s.rate?.name === "ctr" ? "ctr" : "conversion_rate", s.rate?.value ?? null);
    const byPlatform = [
      ...totalsByPlatform(
        new Map(report.rows.map((r) => [r.campaign.id, r.totals])),
        scope.campaigns,
      ),
    ]
      .filter(([, t]) => t.impressions > 0)
      .map(([p, t]) => {
        const k = computeKpis(t);
        return {
          platform: p,
          impressions: t.impressions,
          clicks: t.clicks,
          conversions: t.conversions,
          revenue: t.revenue,
          ctr: k.ctr,
          conversion_rate: k.conversion_rate,
          revenue_per_conversion: t.conversions > 0 ? t.revenue / t.conversions : null,
        };
      });

    // Against the tenant's whole funnel: which step holds this scope back.
    const weakest = all ? weakestStep(steps, funnelSteps(all)) : null;
    const [impressions, clicks, conversions, revenue] = steps as [
      FunnelStep,
      FunnelStep,
      FunnelStep,
      FunnelStep,
    ];
    const name = scope.single?.name ?? scope.label;
    const lines = [
      `**${formatCount(impressions.value)}** impressions → **${formatCount(clicks.value)}** clicks (CTR ${rate(clicks)}) → **${formatCount(conversions.value)}** conversions (conversion rate ${rate(conversions)}) → **${formatMoney(revenue.value, currency)}** revenue (${rate(revenue)} per conversion).`,
    ];
    const moves = steps
      .slice(1)
      .map((s, i) => {
        const d = formatDelta(s.rate?.value ?? null, previousSteps[i + 1]?.rate?.value ?? null);
        return d !== MISSING && s.rate ? `${RATE_LABELS[s.rate.name]} ${d}` : "";
      })
      .filter(Boolean);
    if (moves.length) lines.push(`Against the period before: ${moves.join(", ")}.`);
    if (weakest && weakest.ratio < 0.9) {
      const step = steps.find((s) => s.step === weakest?.step);
      lines.push(
        `Weakest step against all campaigns: **${step?.rate ? RATE_LABELS[step.rate.name] : weakest.step}** at ${Math.round(weakest.ratio * 100)}% of the overall rate.`,
      );
    }
    const fields: ReplyField[] = [
      { label: "Impressions", value: formatCount(impressions.value) },
      { label: "Clicks", value: formatCount(clicks.value) },
      { label: "CTR", value: rate(clicks) },
      { label: "Conversions", value: formatCount(conversions.value) },
      { label: "Conversion rate", value: rate(conversions) },
      { label: "Revenue", value: formatMoney(revenue.value, currency) },
      { label: "Revenue per conversion", value: rate(revenue) },
      { label: "ROAS", value: formatKpi("roas", report.kpis.roas) },
    ];
    const charts = [
      funnelChart(steps, `Funnel — ${name} — ${period.label}`, currency, report.kpis.roas),
    ];
    if (byPlatform.length > 1) charts.push(platformRatesChart(byPlatform, period));
    return {
      title: `Funnel — ${name} — ${period.label}`,
      text: lines.join("\n"),
      fields,
      table:
        byPlatform.length > 1
          ? {
              columns: [
                "Platform",
                "Impressions",
                "Clicks",
                "CTR",
                "Conversions",
                "Conv. rate",
                "Revenue",
              ],
              rows: byPlatform.map((p) => [
                p.platform,
                formatCount(p.impressions),
                formatCount(p.clicks),
                formatKpi("ctr", p.ctr),
                formatCount(p.conversions),
                formatKpi("conversion_rate", p.conversion_rate),
                formatMoney(p.revenue, currency),
              ]),
            }
          : undefined,
      charts,
      context: contextLine(period, scope, ctx.tenant),
      data: {
        period: periodData(period),
        previous_period: periodData(before),
        filters: filtersData(scope, { platform, type }),
        steps: steps.map(stepData),
        previous_steps: previousSteps.map(stepData),
        kpis: {
          ctr: report.kpis.ctr,
          conversion_rate: report.kpis.conversion_rate,
          revenue_per_conversion: revenue.rate?.value ?? null,
          roas: report.kpis.roas,
        },
        weakest_step: weakest,
        by_platform: byPlatform,
      },
    };
  },
});

function stepData(s: FunnelStep) {
  return {
    step: s.step,
    value: s.value,
    rate_name: s.rate?.name ?? null,
    rate: s.rate?.value ?? null,
    of_impressions: s.ofImpressions,
  };
}
