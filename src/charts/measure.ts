import { KPI_INFO, type MetricName, TOTAL_NAMES, type TotalName } from "../core/kpis";

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

/** A KPI or a total as DESIGN.md names them (the keys used in `Reply.data`). */
export type { MetricName };

function isTotal(metric: MetricName): metric is TotalName {
  return (TOTAL_NAMES as readonly string[]).includes(metric);
}

/**
 * The measure for a DESIGN.md KPI or total, so commands do not restate names and units: KPIs take
 * their label and unit from the core's `KPI_INFO`; of the totals, spend and revenue are money and
 * the rest are counts.
 *
 * @example
 * kpiMeasure("cpa", "USD"); // { name: "CPA", unit: "money", currency: "USD" }
 * kpiMeasure("roi", "USD"); // { name: "ROI", unit: "percent" }
 * kpiMeasure("clicks", "USD"); // { name: "Clicks", unit: "count" }
 */
export function kpiMeasure(metric: MetricName, currency: string): Measure {
  if (isTotal(metric)) {
    // Totals are one plain word each ("spend" → "Spend"); only KPIs need the core's labels.
    const name = metric.charAt(0).toUpperCase() + metric.slice(1);
    return metric === "spend" || metric === "revenue" ? money(name, currency) : count(name);
  }
  const { label, unit } = KPI_INFO[metric];
  return unit === "money" ? money(label, currency) : { name: label, unit };
}
