import type { ReplyField, Tone } from "../bot/reply";
import { formatCount, formatDelta, formatKpi, formatMoney } from "../core/format";
import { KPI_INFO, type KpiName, type Kpis } from "../core/kpis";
import type { Period } from "../core/period";
import type { CampaignType, MetricTotals, Platform, Tenant } from "../store/schema";
import type { CampaignScope } from "./campaign-scope";

/** The KPIs a summary shows, in reading order. */
export const HEADLINE_KPIS: readonly KpiName[] = [
  "roi",
  "roas",
  "ctr",
  "cpc",
  "cpm",
  "conversion_rate",
  "cpa",
  "engagement_rate",
];

/** Green when a KPI moved the right way, red when the wrong way, neutral when unknown/flat. */
export function deltaTone(name: KpiName, current: number | null, previous: number | null): Tone {
  if (current === null || previous === null || current === previous) return "neutral";
  const better = KPI_INFO[name].higherIsBetter ? current > previous : current < previous;
  return better ? "good" : "bad";
}

/** Spend/revenue/conversions and the headline KPIs as fields, with deltas against `previous`. */
export function kpiFields(
  totals: MetricTotals,
  kpis: Kpis,
  currency: string,
  previous?: { totals: MetricTotals; kpis: Kpis },
): ReplyField[] {
  const delta = (current: number | null, before: number | null | undefined) => {
    if (before === undefined) return "";
    const d = formatDelta(current, before);
    return d ? ` (${d})` : "";
  };
  const fields: ReplyField[] = [
    {
      label: "Spend",
      value: formatMoney(totals.spend, currency) + delta(totals.spend, previous?.totals.spend),
    },
    {
      label: "Revenue",
      value:
        formatMoney(totals.revenue, currency) + delta(totals.revenue, previous?.totals.revenue),
    },
    {
      label: "Conversions",
      value:
        formatCount(totals.conversions) + delta(totals.conversions, previous?.totals.conversions),
    },
  ];
  for (const name of HEADLINE_KPIS) {
    fields.push({
      label: KPI_INFO[name].label,
      value: formatKpi(name, kpis[name], currency) + delta(kpis[name], previous?.kpis[name]),
      tone: previous ? deltaTone(name, kpis[name], previous.kpis[name]) : undefined,
    });
  }
  return fields;
}

/** `Last 30 days (2026-10-24 → 2026-11-22) · facebook · times in Europe/Paris`. */
export function contextLine(
  period: Period,
  scope: CampaignScope | undefined,
  tenant: Tenant,
): string {
  const parts = [`${capitalize(period.label)} (${period.from} → ${period.to})`];
  if (scope && scope.label !== "all campaigns") parts.push(scope.label);
  parts.push(`${tenant.currency} · ${tenant.timezone}`);
  return parts.join(" · ");
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The figures every reply's `data` repeats: period and filters, machine-readable. */
export function periodData(period: Period) {
  return { from: period.from, to: period.to, label: period.label, days: period.days };
}

/**
 * The campaign filters a reply answered for, as its `data.filters` repeats them: the campaign by
 * its resolved id (what the user typed may be a fuzzy name), null for a filter not given.
 */
export function filtersData(
  scope: CampaignScope,
  filters: { platform?: Platform; type?: CampaignType },
) {
  return {
    platform: filters.platform ?? null,
    type: filters.type ?? null,
    campaign: scope.single?.id ?? null,
  };
}
