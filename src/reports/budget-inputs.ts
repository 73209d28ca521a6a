import type { Context } from "../bot/context";
import { UserError } from "../bot/errors";
import {
  type BudgetGoal,
  type CampaignInput,
  type CampaignModel,
  type Guardrails,
  HORIZON_DAYS,
  modelCampaigns,
  type RoiRow,
} from "../core/budget/index";
import { addDays } from "../core/days";
import { todayIn } from "../core/period";
import type { DayRange } from "../store/metrics-repository";
import type { Campaign, CampaignType, Platform } from "../store/schema";
import { resolveScope } from "./campaign-scope";

/** Days of history each curve is fitted on: four weeks, so every weekday counts four times. */
export const LOOKBACK_DAYS = 28;

export interface BudgetScope {
  goal: BudgetGoal;
  platform?: Platform;
  type?: CampaignType;
}

export interface BudgetInputs {
  /** Campaigns in scope, by id (excluded ones too, to name them). */
  campaigns: Map<string, Campaign>;
  models: CampaignModel[];
  /** The days the curves were fitted on. */
  window: DayRange;
  today: string;
  /** Spend and revenue over the window per campaign in scope, for the ROI rules. */
  roiRows: RoiRow[];
  /** `facebook · conversion`, or `all campaigns`. */
  label: string;
}

/**
 * Reads what the budget core needs: each campaign's daily spend and return over the last
 * {@link LOOKBACK_DAYS} days with data (ending today at the latest), its weekly run rate (the
 * last 7 of those days), what it has spent since its start, and its stored budget; then fits the
 * curves. A tenant without campaigns or recent data gets a UserError naming the fix.
 */
export async function loadBudgetInputs(
  ctx: Context,
  scope: BudgetScope,
  guardrails: Guardrails,
): Promise<BudgetInputs> {
  const now = ctx.clock.now();
  const today = todayIn(now, ctx.tenant.timezone);
  // Same campaign list, label and `no_campaigns` error as every other command's filters.
  const [{ campaigns, label }, range] = await Promise.all([
    resolveScope(ctx, { platform: scope.platform, type: scope.type }),
    ctx.store.metrics.dataRange(ctx.tenant.id),
  ]);
  // ISO days compare as text: the earlier of the last data day and today.
  const to = range ? [range.to, today].sort()[0] : undefined;
  if (!range || !to || to < addDays(today, -LOOKBACK_DAYS)) {
    throw new UserError(
      "There is no recent delivery data to base budget moves on.",
      "no_recent_data",
      [
        `Budget recommendations are fitted on the last ${LOOKBACK_DAYS} days of daily spend: import recent metrics with \`adpulse import\`.`,
      ],
    );
  }
  const window = { from: addDays(to, 1 - LOOKBACK_DAYS), to };
  const ids = campaigns.map((c) => c.id);
  const earliest = [to, ...campaigns.map((c) => c.start_date)].sort()[0] as string;
  const [rows, lifetime] = await Promise.all([
    ctx.store.metrics.dailyRows(ctx.tenant.id, window, { campaignIds: ids }),
    ctx.store.metrics.totalsByCampaign(ctx.tenant.id, { from: earliest, to }, { campaignIds: ids }),
  ]);
  const spentById = new Map(lifetime.map((r) => [r.campaign_id, r.spend]));

  const weekFrom = addDays(to, 1 - HORIZON_DAYS);
  const byCampaign = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = byCampaign.get(row.campaign_id) ?? [];
    list.push(row);
    byCampaign.set(row.campaign_id, list);
  }
  const inputs: CampaignInput[] = campaigns.map((c) => {
    const days = byCampaign.get(c.id) ?? [];
    return {
      id: c.id,
      name: c.name,
      status: c.status,
      endDate: c.end_date,
      budget: Number(c.budget),
      spentToDate: spentById.get(c.id) ?? 0,
      days: days.map((d) => ({
        spend: d.spend,
        value: scope.goal === "revenue" ? d.revenue : d.conversions,
      })),
      weeklySpend: days.filter((d) => d.day >= weekFrom).reduce((sum, d) => sum + d.spend, 0),
    };
  });
  const roiRows = campaigns.map((c) => {
    const days = byCampaign.get(c.id) ?? [];
    return {
      id: c.id,
      name: c.name,
      spend: days.reduce((sum, d) => sum + d.spend, 0),
      revenue: days.reduce((sum, d) => sum + d.revenue, 0),
    };
  });
  return {
    campaigns: new Map(campaigns.map((c) => [c.id, c])),
    models: modelCampaigns(inputs, guardrails, today),
    window,
    today,
    roiRows,
    label,
  };
}
