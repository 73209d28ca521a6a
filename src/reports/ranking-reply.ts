import type { Context } from "../bot/context";
import { UserError } from "../bot/errors";
import type { Reply } from "../bot/reply";
import { formatMoney } from "../core/format";
import type { Period } from "../core/period";
import { rankBy } from "../core/rank";
import { loadPerformance } from "./campaign-performance";
import { type CampaignFilters, resolveScope } from "./campaign-scope";
import { metricRankingChart, spendVsRoiChart } from "./charts";
import { formatMetric, higherIsBetter, metricLabel, metricValue } from "./metric";
import { contextLine, periodData } from "./reply-parts";

export interface RankingRequest extends CampaignFilters {
  metric: string;
  n: number;
  period: Period;
  /** `top`: best first; `bottom`: worst first. "Best" respects the metric (low CPC is good). */
  end: "top" | "bottom";
}

/** Winners or losers by any metric: shared by `top` and `bottom`. */
export async function rankingReply(ctx: Context, request: RankingRequest): Promise<Reply> {
  const { metric, n, period, end } = request;
  const scope = await resolveScope(ctx, request);
  const report = await loadPerformance(ctx, scope, period);
  const label = metricLabel(metric);
  // Campaigns whose metric is undefined (no clicks for a CPC) cannot be ranked on it.
  const rankable = report.rows
    .map((row) => ({ row, value: metricValue(metric, row.totals) }))
    .filter((r) => r.value !== null);
  if (rankable.length === 0) {
    throw new UserError(`No campaign has a ${label} in ${period.label}.`, "no_data", [
      "Try a longer period or another metric.",
    ]);
  }
  const bestFirst = higherIsBetter(metric) ? "desc" : "asc";
  const order = end === "top" ? bestFirst : bestFirst === "desc" ? "asc" : "desc";
  const ranked = rankBy(rankable, (r) => r.value, order).slice(0, n);
  const currency = ctx.tenant.currency;
  const heading = end === "top" ? "Top" : "Bottom";
  // ROI is the context column for any other metric; ranking by ROI already shows it.
  const showRoi = metric !== "roi";

  return {
    title: `${heading} ${ranked.length} by ${label} — ${period.label}`,
    text: ranked
      .map(
        (r, i) =>
          `${i + 1}. **${r.row.campaign.name}** (${r.row.campaign.platform}) — ${formatMetric(metric, r.value, currency)}`,
      )
      .join("\n"),
    table: {
      columns: [
        "#",
        "Campaign",
        "Platform",
        "Type",
        metricLabel(metric),
        "Spend",
        ...(showRoi ? ["ROI"] : []),
      ],
      rows: ranked.map((r, i) => [
        i + 1,
        r.row.campaign.name,
        r.row.campaign.platform,
        r.row.campaign.type,
        formatMetric(metric, r.value, currency),
        formatMoney(r.row.totals.spend, currency),
        ...(showRoi ? [formatMetric("roi", r.row.kpis.roi, currency)] : []),
      ]),
    },
    charts: [
      metricRankingChart(
        `${end}-${metric}`,
        `${heading} ${ranked.length} campaigns by ${label}`,
        metric,
        ranked,
        currency,
      ),
      spendVsRoiChart(report.rows, currency),
    ],
    context: contextLine(period, scope, ctx.tenant),
    tone: end === "top" ? "good" : "bad",
    data: {
      period: periodData(period),
      metric,
      order: end,
      campaigns: ranked.map((r, i) => ({
        rank: i + 1,
        id: r.row.campaign.id,
        name: r.row.campaign.name,
        platform: r.row.campaign.platform,
        type: r.row.campaign.type,
        value: r.value,
        spend: r.row.totals.spend,
        roi: r.row.kpis.roi,
      })),
      ranked_out_of: rankable.length,
    },
  };
}
