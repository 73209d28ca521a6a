import { formatMoney, formatPercent, percentChange } from "../core/format";
import type { Kpis } from "../core/kpis";
import { type FoundAnomaly, shortDay } from "./anomaly-scan";
import type { CampaignPerformance } from "./campaign-performance";
import { metricLabel } from "./metric";

export interface RecommendationInput {
  rows: readonly CampaignPerformance[];
  kpis: Kpis;
  previousKpis: Kpis;
  anomalies: readonly FoundAnomaly[];
  currency: string;
}

/** A campaign matters for advice once it takes this share of the period's spend. */
const MATERIAL_SHARE = 0.05;
const MAX_RECOMMENDATIONS = 3;

/**
 * One-line recommendations for a digest, most actionable first, at most three:
 * move budget from the worst money-losing campaign to the best; stop spend that converts
 * nothing; a CPA or ROI that got much worse; a harmful anomaly. Pure: rows in, lines out.
 *
 * @example digestRecommendations({ rows, kpis, previousKpis, anomalies: [], currency: "USD" })
 * // ["Move budget from **Spring Sale** (ROI -42%) to **Mother's Day** (ROI 240%).", …]
 */
export function digestRecommendations(input: RecommendationInput): string[] {
  const { rows, currency } = input;
  const lines: string[] = [];
  const totalSpend = rows.reduce((sum, r) => sum + r.totals.spend, 0);
  const material = rows.filter(
    (r) => totalSpend > 0 && r.totals.spend >= MATERIAL_SHARE * totalSpend,
  );

  const withRoi = material.filter((r) => r.kpis.roi !== null);
  const best = withRoi.reduce<CampaignPerformance | undefined>(
    (a, r) => (!a || (r.kpis.roi as number) > (a.kpis.roi as number) ? r : a),
    undefined,
  );
  const worst = withRoi.reduce<CampaignPerformance | undefined>(
    (a, r) => (!a || (r.kpis.roi as number) < (a.kpis.roi as number) ? r : a),
    undefined,
  );
  if (
    best &&
    worst &&
    best !== worst &&
    (best.kpis.roi as number) > 0 &&
    (worst.kpis.roi as number) < 0
  ) {
    lines.push(
      `Move budget from **${worst.campaign.name}** (ROI ${formatPercent(worst.kpis.roi as number)}) to **${best.campaign.name}** (ROI ${formatPercent(best.kpis.roi as number)}).`,
    );
  }

  const noConversions = material
    .filter((r) => r.totals.conversions === 0 && r.campaign.type === "conversion")
    .sort((a, b) => b.totals.spend - a.totals.spend)[0];
  if (noConversions) {
    lines.push(
      `**${noConversions.campaign.name}** spent ${formatMoney(noConversions.totals.spend, currency)} without a conversion: pause it or fix its targeting.`,
    );
  }

  const cpaChange = percentChange(input.kpis.cpa, input.previousKpis.cpa);
  const roiNow = input.kpis.roi;
  const roiBefore = input.previousKpis.roi;
  if (cpaChange !== null && cpaChange >= 20) {
    lines.push(
      `CPA rose ${formatPercent(cpaChange)} against the previous period: check bids and audience overlap.`,
    );
  } else if (roiNow !== null && roiBefore !== null && roiBefore - roiNow >= 20) {
    lines.push(
      `ROI fell from ${formatPercent(roiBefore)} to ${formatPercent(roiNow)}: look at the bottom campaigns first.`,
    );
  }

  const harmful = input.anomalies.find((a) => a.tone === "bad");
  if (harmful) {
    const move = harmful.verdict.direction === "up" ? "jump" : "drop";
    lines.push(
      `Look into the ${metricLabel(harmful.metric).toLowerCase()} ${move} on ${shortDay(harmful.day)}: far from a usual ${shortDay(harmful.day).slice(0, 3)}.`,
    );
  }

  return lines.length > 0
    ? lines.slice(0, MAX_RECOMMENDATIONS)
    : ["Nothing needs action: no campaign loses money and every KPI is in its usual range."];
}
