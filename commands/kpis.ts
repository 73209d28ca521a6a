import { defineCommand } from "../src/bot/command";
import { campaignReportOptions } from "../src/bot/common-options";
import type { Context } from "../src/bot/context";
import type { ReplyChart, ReplyField } from "../src/bot/reply";
import { totalsByPlatform } from "../src/core/aggregate";
import { formatCount, formatMoney, formatPercent } from "../src/core/format";
import { computeKpis, sumTotals } from "../src/core/kpis";
import { previousPeriod } from "../src/core/period";
import { loadPerformance, loadTotals } from "../src/reports/campaign-performance";
import { resolveScope } from "../src/reports/campaign-scope";
import { spendShareChart, targetGaugeChart } from "../src/reports/charts";
import { contextLine, filtersData, kpiFields, periodData } from "../src/reports/reply-parts";
import type { Campaign } from "../src/store/schema";

export default defineCommand({
  name: "kpis",
  description: "Totals and every KPI for a period, against the period before",
  examples: ["kpis last 30d", "kpis last 7d platform:tiktok", 'kpis "Spring Sale"'],
  options: campaignReportOptions,
  async run(ctx, { period, platform, type, campaign }) {
    const scope = await resolveScope(ctx, { platform, type, campaign });
    const before = previousPeriod(period);
    const [current, previous] = await Promise.all([
      loadPerformance(ctx, scope, period),
      loadTotals(ctx, scope, before),
    ]);
    const currency = ctx.tenant.currency;
    const fields: ReplyField[] = kpiFields(current.totals, current.kpis, currency, previous);
    const charts: ReplyChart[] = [];
    let target: Record<string, unknown> | null = null;

    if (scope.single) {
      const progress = await targetProgress(ctx, scope.single);
      if (progress) {
        target = progress;
        fields.push({
          label: "Target conversions",
          value: `${formatCount(progress.conversions)} of ${formatCount(progress.target)} (${formatPercent(progress.percent)})`,
          tone: progress.percent >= 100 ? "good" : progress.percent < 50 ? "bad" : "neutral",
        });
        charts.push(targetGaugeChart(scope.single, progress.conversions, progress.target));
      }
    } else if (current.rows.length > 0) {
      const perCampaign = new Map(current.rows.map((r) => [r.campaign.id, r.totals]));
      const byPlatform = totalsByPlatform(perCampaign, scope.campaigns);
      charts.push(spendShareChart(byPlatform, period, currency));
    }

    const hasData = current.totals.impressions > 0 || current.totals.spend > 0;
    return {
      title: `KPIs — ${scope.single ? scope.single.name : scope.label} — ${period.label}`,
      text: hasData
        ? `${formatMoney(current.totals.spend, currency)} spent, ${formatMoney(current.totals.revenue, currency)} revenue from ${formatCount(current.totals.conversions)} conversions. Changes are against ${before.from} → ${before.to}.`
        : `No delivery recorded for ${scope.label} in ${period.label}.`,
      fields,
      charts,
      context: contextLine(period, scope, ctx.tenant),
      data: {
        period: periodData(period),
        previous_period: periodData(before),
        filters: filtersData(scope, { platform, type }),
        totals: current.totals,
        kpis: current.kpis,
        previous: { totals: previous.totals, kpis: previous.kpis },
        campaigns: current.rows.length,
        target,
      },
    };
  },
});

/** Conversions since the campaign started against its target (only when it has one). */
async function targetProgress(ctx: Context, campaign: Campaign) {
  if (!campaign.target_conversions) return null;
  const flight = {
    from: campaign.start_date,
    to: campaign.end_date ?? "9999-12-31",
  };
  const rows = await ctx.store.metrics.totalsByCampaign(ctx.tenant.id, flight, {
    campaignIds: [campaign.id],
  });
  const totals = sumTotals(rows);
  const kpis = computeKpis(totals);
  const target = campaign.target_conversions;
  return {
    conversions: totals.conversions,
    target,
    percent: (totals.conversions / target) * 100,
    since: campaign.start_date,
    cpa: kpis.cpa,
  };
}
