import { formatCount, formatKpi, formatMoney } from "../core/format";
import { computeKpis, KPI_INFO, KPI_NAMES, type KpiName } from "../core/kpis";
import type { MetricTotals } from "../store/schema";

export function isKpi(name: string): name is KpiName {
  return (KPI_NAMES as readonly string[]).includes(name);
}

/** The metric's value for a set of totals (ratios computed from the sums, null when undefined). */
export function metricValue(name: string, totals: MetricTotals): number | null {
  if (isKpi(name)) return computeKpis(totals)[name];
  return totals[name as keyof MetricTotals] ?? null;
}

export function formatMetric(name: string, value: number | null, currency: string): string {
  if (isKpi(name)) return formatKpi(name, value, currency);
  if (value === null) return "—";
  return name === "spend" || name === "revenue" ? formatMoney(value, currency) : formatCount(value);
}

/** Display name: `CTR`, `Conversion rate`, `Spend`. */
export function metricLabel(name: string): string {
  if (isKpi(name)) return KPI_INFO[name].label;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Whether a larger value is better (cost metrics are not). */
export function higherIsBetter(name: string): boolean {
  if (isKpi(name)) return KPI_INFO[name].higherIsBetter;
  return name !== "spend";
}
