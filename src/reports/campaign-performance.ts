import type { Context } from "../bot/context";
import { computeKpis, type Kpis, sumTotals } from "../core/kpis";
import type { Period } from "../core/period";
import type { Campaign, MetricTotals } from "../store/schema";
import { type CampaignScope, scopeCampaignIds } from "./campaign-scope";

export interface CampaignPerformance {
  campaign: Campaign;
  totals: MetricTotals;
  kpis: Kpis;
}

/** Totals and KPIs of the scope over a period, without the per-campaign breakdown. */
export async function loadTotals(
  ctx: Context,
  scope: CampaignScope,
  period: Period,
): Promise<{ totals: MetricTotals; kpis: Kpis }> {
  const totals = await ctx.store.metrics.totals(ctx.tenant.id, period, {
    campaignIds: scopeCampaignIds(scope),
  });
  return { totals, kpis: computeKpis(totals) };
}

export interface PerformanceReport {
  rows: CampaignPerformance[];
  totals: MetricTotals;
  kpis: Kpis;
}

/**
 * Per-campaign totals and KPIs over a period for the campaigns in scope; campaigns with no
 * delivery in the period are left out. Overall KPIs are computed from summed totals (never by
 * averaging ratios).
 */
export async function loadPerformance(
  ctx: Context,
  scope: CampaignScope,
  period: Period,
): Promise<PerformanceReport> {
  const byId = new Map(scope.campaigns.map((c) => [c.id, c]));
  const sums = await ctx.store.metrics.totalsByCampaign(ctx.tenant.id, period, {
    campaignIds: scopeCampaignIds(scope),
  });
  const rows: CampaignPerformance[] = [];
  for (const { campaign_id, ...totals } of sums) {
    const campaign = byId.get(campaign_id);
    if (campaign) rows.push({ campaign, totals, kpis: computeKpis(totals) });
  }
  const totals = sumTotals(rows.map((r) => r.totals));
  return { rows, totals, kpis: computeKpis(totals) };
}
