import type { MetricTotals } from "../store/schema";

/**
 * KPI names and definitions: a stable contract (DESIGN.md → "Contracts to keep stable").
 * Scripts read these names from `Reply.data`, so renaming one needs a migration note.
 */

/** The seven additive totals, in display order. */
export const TOTAL_NAMES = [
  "spend",
  "impressions",
  "reach",
  "clicks",
  "engagements",
  "conversions",
  "revenue",
] as const satisfies readonly (keyof MetricTotals)[];
export type TotalName = (typeof TOTAL_NAMES)[number];

/** Every derived KPI, in display order. */
export const KPI_NAMES = [
  "ctr",
  "cpc",
  "cpm",
  "conversion_rate",
  "cpa",
  "roas",
  "roi",
  "engagement_rate",
  "frequency",
  "cost_per_engagement",
  "revenue_per_click",
] as const;
export type KpiName = (typeof KPI_NAMES)[number];

/** Anything a user can rank, trend or compare by: a KPI or a raw total. */
export type MetricName = KpiName | TotalName;

/** Percentages are percent numbers (12.5 means 12.5 %); null when the denominator is zero. */
export type Kpis = Record<KpiName, number | null>;

export type KpiUnit = "percent" | "money" | "ratio";

export interface KpiInfo {
  label: string;
  unit: KpiUnit;
  /** Which direction counts as "better" when ranking campaigns by this KPI. */
  higherIsBetter: boolean;
}

export const KPI_INFO: Readonly<Record<KpiName, Readonly<KpiInfo>>> = {
  ctr: { label: "CTR", unit: "percent", higherIsBetter: true },
  cpc: { label: "CPC", unit: "money", higherIsBetter: false },
  cpm: { label: "CPM", unit: "money", higherIsBetter: false },
  conversion_rate: { label: "Conversion rate", unit: "percent", higherIsBetter: true },
  cpa: { label: "CPA", unit: "money", higherIsBetter: false },
  roas: { label: "ROAS", unit: "ratio", higherIsBetter: true },
  roi: { label: "ROI", unit: "percent", higherIsBetter: true },
  engagement_rate: { label: "Engagement rate", unit: "percent", higherIsBetter: true },
  // More impressions per person past a few exposures is ad fatigue, not success: the same spend
  // reaching more people is preferred.
  frequency: { label: "Frequency", unit: "ratio", higherIsBetter: false },
  cost_per_engagement: { label: "Cost per engagement", unit: "money", higherIsBetter: false },
  revenue_per_click: { label: "Revenue per click", unit: "money", higherIsBetter: true },
};

/**
 * All-zero totals, the identity for {@link addTotals}.
 *
 * @example emptyTotals().spend // 0
 */
export function emptyTotals(): MetricTotals {
  return {
    spend: 0,
    impressions: 0,
    reach: 0,
    clicks: 0,
    engagements: 0,
    conversions: 0,
    revenue: 0,
  };
}

/**
 * Field-wise sum of two totals. Only the seven total fields are read, so whole rows can be passed.
 *
 * @example addTotals({ ...emptyTotals(), spend: 0.1 }, { ...emptyTotals(), spend: 0.2 }).spend // 0.3
 */
export function addTotals(a: MetricTotals, b: MetricTotals): MetricTotals {
  return tidyMoney({
    spend: a.spend + b.spend,
    impressions: a.impressions + b.impressions,
    reach: a.reach + b.reach,
    clicks: a.clicks + b.clicks,
    engagements: a.engagements + b.engagements,
    conversions: a.conversions + b.conversions,
    revenue: a.revenue + b.revenue,
  });
}

/**
 * Sums any number of rows (daily rows, per-campaign totals…) into one set of totals.
 *
 * @example sumTotals(dailyRows).clicks
 */
export function sumTotals(rows: Iterable<MetricTotals>): MetricTotals {
  const t = emptyTotals();
  for (const r of rows) {
    t.spend += r.spend;
    t.impressions += r.impressions;
    t.reach += r.reach;
    t.clicks += r.clicks;
    t.engagements += r.engagements;
    t.conversions += r.conversions;
    t.revenue += r.revenue;
  }
  return tidyMoney(t);
}

/**
 * Derives every KPI from totals. Always sum first and compute once: averaging per-campaign ratios
 * would weigh a $10 campaign like a $10,000 one.
 *
 * @example
 * computeKpis({ spend: 50, impressions: 10_000, reach: 4_000, clicks: 100, engagements: 300,
 *   conversions: 5, revenue: 200 })
 * // → { ctr: 1, cpc: 0.5, cpm: 5, conversion_rate: 5, cpa: 10, roas: 4, roi: 300,
 * //     engagement_rate: 7.5, frequency: 2.5, cost_per_engagement: 0.1667, revenue_per_click: 2 }
 */
export function computeKpis(t: MetricTotals): Kpis {
  return {
    ctr: percent(t.clicks, t.impressions),
    cpc: ratio(t.spend, t.clicks),
    cpm: scaled(t.spend, t.impressions, 1000),
    conversion_rate: percent(t.conversions, t.clicks),
    cpa: ratio(t.spend, t.conversions),
    roas: ratio(t.revenue, t.spend),
    roi: percent(t.revenue - t.spend, t.spend),
    engagement_rate: engagementRate(t.engagements, t.reach, t.impressions),
    frequency: ratio(t.impressions, t.reach),
    cost_per_engagement: ratio(t.spend, t.engagements),
    revenue_per_click: ratio(t.revenue, t.clicks),
  };
}

/**
 * Engagements per reached person, percent. Reach is missing from some imports (stored as 0):
 * impressions stand in, as DESIGN.md says. Null when neither is known.
 *
 * @example engagementRate(300, 4_000, 10_000) // 7.5
 * @example engagementRate(300, 0, 10_000) // 3
 */
export function engagementRate(
  engagements: number,
  reach: number,
  impressions: number,
): number | null {
  return percent(engagements, reach > 0 ? reach : impressions);
}

/**
 * `numerator / denominator`, or null when the denominator is 0 or either side is not finite: a
 * KPI without a base is unknown ("—"), never 0 or Infinity.
 *
 * @example ratio(200, 50) // 4
 * @example ratio(5, 0) // null
 */
export function ratio(numerator: number, denominator: number): number | null {
  if (denominator === 0 || !Number.isFinite(numerator) || !Number.isFinite(denominator)) {
    return null;
  }
  return numerator / denominator;
}

function scaled(numerator: number, denominator: number, factor: number): number | null {
  const r = ratio(numerator, denominator);
  return r === null ? null : r * factor;
}

/**
 * {@link ratio} as a percent number (12.5 means 12.5 %).
 *
 * @example percent(1, 8) // 12.5
 * @example percent(1, 0) // null
 */
export function percent(numerator: number, denominator: number): number | null {
  return scaled(numerator, denominator, 100);
}

/**
 * Float addition leaves dust (0.1 + 0.2 = 0.30000000000000004) that would leak into `Reply.data`
 * JSON. Rounding money to a millionth removes it while keeping sub-cent precision from imports.
 */
function tidyMoney(t: MetricTotals): MetricTotals {
  t.spend = Math.round(t.spend * 1e6) / 1e6;
  t.revenue = Math.round(t.revenue * 1e6) / 1e6;
  return t;
}
