import type { AudienceRow, DailyMetricRow } from "../store/schema";
import { AGE_GROUPS, GENDERS } from "../store/schema";
import { distributeInteger } from "./distribute";

/** Per-campaign inputs for splitting a day across GENDERS × AGE_GROUPS (gender-major order). */
export interface AudienceSkew {
  /** Share of impressions per segment. */
  weights: readonly number[];
  /** Relative click propensity per age group. */
  clickSkew: readonly number[];
  /** Relative conversion propensity per age group. */
  conversionSkew: readonly number[];
}

const SEGMENTS = GENDERS.flatMap((gender) =>
  AGE_GROUPS.map((age_group) => ({ gender, age_group })),
);

/**
 * Splits one campaign-day into audience rows whose impressions, clicks and conversions sum to the
 * day's exactly, and whose spend sums to it to the cent. Each level is capped by the one above
 * (no segment has more clicks than impressions), so segment rates stay meaningful.
 *
 * `jitter` (one value per segment, around 1) varies the mix from day to day.
 */
export function splitAudience(
  row: DailyMetricRow,
  skew: AudienceSkew,
  jitter: readonly number[],
): AudienceRow[] {
  const n = SEGMENTS.length;
  const ages = AGE_GROUPS.length;
  const impressionWeights = skew.weights.map((w, i) => w * (jitter[i] ?? 1));
  const impressions = distributeInteger(row.impressions, impressionWeights);
  const clicks = distributeInteger(
    row.clicks,
    impressions.map((imp, i) => imp * (skew.clickSkew[i % ages] ?? 1)),
    impressions,
  );
  const conversions = distributeInteger(
    row.conversions,
    clicks.map((c, i) => c * (skew.conversionSkew[i % ages] ?? 1)),
    clicks,
  );
  // Spend follows impressions, the unit most platforms bill awareness buys by.
  const cents = distributeInteger(Math.round(row.spend * 100), impressions);

  const out: AudienceRow[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const segment = SEGMENTS[i] as (typeof SEGMENTS)[number];
    out[i] = {
      tenant_id: row.tenant_id,
      campaign_id: row.campaign_id,
      day: row.day,
      gender: segment.gender,
      age_group: segment.age_group,
      impressions: impressions[i] as number,
      clicks: clicks[i] as number,
      spend: (cents[i] as number) / 100,
      conversions: conversions[i] as number,
    };
  }
  return out;
}
