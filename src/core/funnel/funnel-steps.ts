import { percent, ratio } from "../kpis";

/** The counts a marketing funnel walks through, as campaign totals carry them. */
export interface FunnelTotals {
  impressions: number;
  clicks: number;
  conversions: number;
  revenue: number;
}

export const FUNNEL_STEPS = ["impressions", "clicks", "conversions", "revenue"] as const;
export type FunnelStepName = (typeof FUNNEL_STEPS)[number];

export interface FunnelStep {
  step: FunnelStepName;
  /** Count of impressions, clicks or conversions; money for revenue. */
  value: number;
  /**
   * How the step relates to the one before, named after the KPI it is: `ctr` (clicks per 100
   * impressions), `conversion_rate` (conversions per 100 clicks), `revenue_per_conversion` (money
   * per conversion, the average order value). Null for the first step.
   */
  rate: { name: "ctr" | "conversion_rate" | "revenue_per_conversion"; value: number | null } | null;
  /** Share of impressions that reached this step, percent; null for revenue (money, not people). */
  ofImpressions: number | null;
}

/**
 * Impressions → clicks → conversions → revenue with the rate between each pair of steps. Rates
 * with a zero denominator are null (shown as "—"), never 0 or Infinity. Revenue is money, so its
 * "rate" is revenue per conversion rather than a percentage.
 *
 * @example
 * funnelSteps({ impressions: 10_000, clicks: 200, conversions: 10, revenue: 450 })
 * // [{ step: "impressions", value: 10000, rate: null, ofImpressions: 100 },
 * //  { step: "clicks", value: 200, rate: { name: "ctr", value: 2 }, ofImpressions: 2 },
 * //  { step: "conversions", value: 10, rate: { name: "conversion_rate", value: 5 }, ofImpressions: 0.1 },
 * //  { step: "revenue", value: 450, rate: { name: "revenue_per_conversion", value: 45 }, ofImpressions: null }]
 */
export function funnelSteps(totals: FunnelTotals): FunnelStep[] {
  const { impressions, clicks, conversions, revenue } = totals;
  const share = (n: number) => percent(n, impressions);
  return [
    { step: "impressions", value: impressions, rate: null, ofImpressions: share(impressions) },
    {
      step: "clicks",
      value: clicks,
      rate: { name: "ctr", value: percent(clicks, impressions) },
      ofImpressions: share(clicks),
    },
    {
      step: "conversions",
      value: conversions,
      rate: { name: "conversion_rate", value: percent(conversions, clicks) },
      ofImpressions: share(conversions),
    },
    {
      step: "revenue",
      value: revenue,
      rate: { name: "revenue_per_conversion", value: ratio(revenue, conversions) },
      ofImpressions: null,
    },
  ];
}

/**
 * The step where the funnel loses most relative to the same step of a reference funnel (e.g. the
 * tenant's overall funnel): the rate with the lowest ratio to its reference. Null when no rate can
 * be compared.
 *
 * @example
 * weakestStep(funnelSteps({ impressions: 1000, clicks: 10, conversions: 1, revenue: 50 }),
 *             funnelSteps({ impressions: 1000, clicks: 20, conversions: 1, revenue: 50 }))
 * // { step: "clicks", ratio: 0.5 }
 */
export function weakestStep(
  steps: readonly FunnelStep[],
  reference: readonly FunnelStep[],
): { step: FunnelStepName; ratio: number } | null {
  let worst: { step: FunnelStepName; ratio: number } | null = null;
  for (const s of steps) {
    const ref = reference.find((r) => r.step === s.step);
    const value = s.rate?.value;
    const base = ref?.rate?.value;
    if (value === null || value === undefined || base === null || base === undefined || base <= 0) {
      continue;
    }
    const ratio = value / base;
    if (!worst || ratio < worst.ratio) worst = { step: s.step, ratio };
  }
  return worst;
}
