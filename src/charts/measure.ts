/**
 * What a number on a chart is, so axis titles always carry a unit ("ROI (%)", "Spend (USD)") and
 * labels are formatted the same way everywhere.
 *
 * Money carries its currency in the type: a money measure without a currency does not compile,
 * which is how every builder "takes a currency" without a loose optional argument.
 */
export type Measure =
  | { name: string; unit: "percent" | "ratio" | "count" }
  | { name: string; unit: "money"; currency: string };

export type Unit = Measure["unit"];

/**
 * A percentage measure (values are percent numbers, 12.5 means 12.5 %).
 *
 * @example
 * percent("ROI"); // { name: "ROI", unit: "percent" }
 */
export function percent(name: string): Measure {
  return { name, unit: "percent" };
}

/**
 * A money measure in an ISO 4217 currency.
 *
 * @example
 * money("Spend", "EUR"); // axis title "Spend (EUR)"
 */
export function money(name: string, currency: string): Measure {
  return { name, unit: "money", currency };
}

/**
 * A ratio such as ROAS (revenue / spend) or frequency.
 *
 * @example
 * ratio("ROAS"); // axis title "ROAS (×)"
 */
export function ratio(name: string): Measure {
  return { name, unit: "ratio" };
}

/**
 * A count of things: clicks, conversions, impressions.
 *
 * @example
 * count("Conversions"); // axis title "Conversions (count)"
 */
export function count(name: string): Measure {
  return { name, unit: "count" };
}

/**
 * The short unit shown in axis titles.
 *
 * @example
 * unitLabel(money("Spend", "USD")); // "USD"
 */
export function unitLabel(measure: Measure): string {
  switch (measure.unit) {
    case "percent":
      return "%";
    case "money":
      return measure.currency;
    case "ratio":
      return "×";
    case "count":
      return "count";
  }
}

/**
 * Axis title with its unit.
 *
 * @example
 * axisTitle(percent("ROI")); // "ROI (%)"
 */
export function axisTitle(measure: Measure): string {
  return `${measure.name} (${unitLabel(measure)})`;
}

/** KPI and total names as DESIGN.md defines them (the keys used in `Reply.data`). */
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
  "spend",
  "impressions",
  "reach",
  "clicks",
  "engagements",
  "conversions",
  "revenue",
] as const;
export type KpiName = (typeof KPI_NAMES)[number];

const KPI_LABELS: Readonly<Record<KpiName, { name: string; unit: Unit }>> = {
  ctr: { name: "CTR", unit: "percent" },
  cpc: { name: "CPC", unit: "money" },
  cpm: { name: "CPM", unit: "money" },
  conversion_rate: { name: "Conversion rate", unit: "percent" },
  cpa: { name: "CPA", unit: "money" },
  roas: { name: "ROAS", unit: "ratio" },
  roi: { name: "ROI", unit: "percent" },
  engagement_rate: { name: "Engagement rate", unit: "percent" },
  frequency: { name: "Frequency", unit: "ratio" },
  cost_per_engagement: { name: "Cost per engagement", unit: "money" },
  revenue_per_click: { name: "Revenue per click", unit: "money" },
  spend: { name: "Spend", unit: "money" },
  impressions: { name: "Impressions", unit: "count" },
  reach: { name: "Reach", unit: "count" },
  clicks: { name: "Clicks", unit: "count" },
  engagements: { name: "Engagements", unit: "count" },
  conversions: { name: "Conversions", unit: "count" },
  revenue: { name: "Revenue", unit: "money" },
};

/**
 * The measure for a DESIGN.md KPI name, so commands do not restate names and units.
 *
 * @example
 * kpiMeasure("cpa", "USD"); // { name: "CPA", unit: "money", currency: "USD" }
 * kpiMeasure("roi", "USD"); // { name: "ROI", unit: "percent" }
 */
export function kpiMeasure(kpi: KpiName, currency: string): Measure {
  const { name, unit } = KPI_LABELS[kpi];
  return unit === "money" ? { name, unit, currency } : { name, unit };
}
