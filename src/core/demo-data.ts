import type { AudienceRow, Campaign, DailyMetricRow } from "../store/schema";
import { AGE_GROUPS, GENDERS } from "../store/schema";
import { addDays, dayToEpoch, epochToDay, isIsoDay, isoWeekdayOfEpoch } from "./days";
import { splitAudience } from "./demo-audience";
import { type CampaignPlan, planCampaigns } from "./demo-campaigns";
import { PLATFORM_PROFILES } from "./demo-profiles";
import { createRng, meanOneLognormal, type Rng } from "./random";

export interface DemoDataOptions {
  tenantId: string;
  /** Last day of data, `YYYY-MM-DD` (usually today in the tenant's timezone). */
  endDay: string;
  /** Length of the window with data, ending on `endDay`. */
  days?: number;
  seed?: number;
}

export interface DemoData {
  campaigns: Campaign[];
  daily: DailyMetricRow[];
  audience: AudienceRow[];
}

/**
 * A realistic, deterministic ad account for demos and tests: 48 campaigns across the five
 * platforms and three objectives, with ended, active and paused flights, weekly seasonality,
 * gentle trends, clear winners (ROI > 200 %) and losers (ROI < 0), and audience rows that add up
 * exactly to the daily rows. The same options always give the same data.
 *
 * @example
 * const { campaigns, daily, audience } = generateDemoData({ tenantId: "local", endDay: "2026-03-01" });
 */
export function generateDemoData(options: DemoDataOptions): DemoData {
  const { tenantId, endDay, days = 180, seed = 42 } = options;
  if (!isIsoDay(endDay))
    throw new RangeError(`endDay "${endDay}" must be a day written YYYY-MM-DD`);
  if (!Number.isInteger(days) || days < 1 || days > 3660) {
    throw new RangeError(`days must be a whole number from 1 to 3660, got ${days}`);
  }
  const rng = createRng(seed);
  const plans = planCampaigns(rng, endDay, days);
  const stamp = `${endDay}T00:00:00.000Z`;
  const windowStart = addDays(endDay, 1 - days);

  const daily: DailyMetricRow[] = [];
  const audience: AudienceRow[] = [];
  const segmentCount = GENDERS.length * AGE_GROUPS.length;
  const spent = new Map<string, number>();
  for (const plan of plans) {
    const profile = PLATFORM_PROFILES[plan.platform];
    const skew = {
      weights: plan.segmentWeights,
      clickSkew: profile.clickSkew,
      conversionSkew: profile.conversionSkew,
    };
    let total = 0;
    for (const row of simulateCampaign(rng, plan, tenantId, windowStart, days)) {
      daily.push(row);
      total += row.spend;
      const jitter = Array.from({ length: segmentCount }, () => rng.float(0.95, 1.05));
      for (const a of splitAudience(row, skew, jitter)) audience.push(a);
    }
    spent.set(plan.id, total);
  }

  const campaigns: Campaign[] = plans.map((p) => ({
    tenant_id: tenantId,
    id: p.id,
    name: p.name,
    platform: p.platform,
    type: p.type,
    start_date: p.start_date,
    end_date: p.end_date,
    // Noise can push delivery past the plan; platforms stop at the budget, so keep it above spend.
    budget: Math.max(p.budget, Math.ceil(((spent.get(p.id) ?? 0) * 1.02) / 100) * 100),
    target_conversions: p.target_conversions,
    status: p.status,
    created_at: stamp,
    updated_at: stamp,
  }));
  return { campaigns, daily, audience };
}

/** Daily rows for one campaign, from its first to its last delivery day inside the window. */
function simulateCampaign(
  rng: Rng,
  plan: CampaignPlan,
  tenantId: string,
  windowStart: string,
  days: number,
): DailyMetricRow[] {
  const profile = PLATFORM_PROFILES[plan.platform];
  const windowFrom = dayToEpoch(windowStart);
  const startEpoch = dayToEpoch(plan.start_date);
  const first = Math.max(startEpoch, windowFrom);
  const last = dayToEpoch(plan.lastDataDay);
  // Rounding each day on its own would bias small counts; carrying the remainder keeps every
  // campaign's totals at their expected value, so per-campaign rates stay within their bounds.
  const clicks = carry();
  const impressions = carry();
  const engagements = carry();
  const conversions = carry();
  const noise = (sd: number) => meanOneLognormal(rng, sd);

  const rows: DailyMetricRow[] = [];
  for (let e = first; e <= last; e++) {
    const weekend = isoWeekdayOfEpoch(e) >= 6;
    const progress = days > 1 ? (e - windowFrom) / (days - 1) - 0.5 : 0;
    const sinceStart = e - startEpoch;
    // New campaigns spend cautiously while the platform's delivery learns.
    const rampUp = sinceStart < 5 ? 0.55 + 0.09 * sinceStart : 1;

    const spend = round2(
      plan.dailySpend *
        rampUp *
        (1 + plan.spendTrend * progress) *
        (weekend ? profile.weekend.spend : 1) *
        noise(0.12),
    );
    const ctr =
      plan.ctr * (1 + plan.ctrTrend * progress) * (weekend ? profile.weekend.ctr : 1) * noise(0.05);
    const cpc = plan.cpc * noise(0.05);
    const cvr = plan.cvr * (weekend ? profile.weekend.cvr : 1) * noise(0.08);

    const expectedClicks = spend / cpc;
    const dayImpressions = Math.max(impressions(expectedClicks / (ctr / 100)), 2);
    const dayClicks = Math.min(clicks(expectedClicks), dayImpressions);
    const dayConversions = Math.min(conversions((dayClicks * cvr) / 100), dayClicks);
    const extraEngagements = engagements(
      dayImpressions * plan.engagementPerImpression * noise(0.1),
    );
    const reach = Math.min(
      Math.round(dayImpressions / (plan.frequency * noise(0.04))),
      dayImpressions - 1,
    );
    const revenue =
      dayConversions > 0 ? round2(dayConversions * plan.revenuePerConversion * noise(0.12)) : 0;

    rows.push({
      tenant_id: tenantId,
      campaign_id: plan.id,
      day: epochToDay(e),
      spend,
      impressions: dayImpressions,
      reach,
      clicks: dayClicks,
      engagements: dayClicks + extraEngagements,
      conversions: dayConversions,
      revenue,
    });
  }
  return rows;
}

/** Error-diffusion rounding: each call returns a whole number, their running sum tracks the input's. */
function carry(): (x: number) => number {
  let wanted = 0;
  let given = 0;
  return (x) => {
    wanted += x;
    const out = Math.max(0, Math.round(wanted) - given);
    given += out;
    return out;
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
