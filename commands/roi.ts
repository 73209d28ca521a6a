import { defineCommand } from "../src/bot/command";
import { campaignReportOptions } from "../src/bot/common-options";
import { UserError } from "../src/bot/errors";
import { formatKpi, formatMoney } from "../src/core/format";
import { rankBy } from "../src/core/rank";
import { loadPerformance } from "../src/reports/campaign-performance";
import { resolveScope } from "../src/reports/campaign-scope";
import { roiRankingChart } from "../src/reports/charts";
import { contextLine, filtersData, periodData } from "../src/reports/reply-parts";

/** How many campaigns the table lists; the chart shows up to CHART_LIMIT. */
const TABLE_LIMIT = 10;

export default defineCommand({
  name: "roi",
  description: "Rank campaigns by return on investment",
  examples: [
    "roi last 30d",
    "roi last month platform:facebook",
    "roi 2026-01-01..2026-03-31 type:conversion",
  ],
  options: campaignReportOptions,
  async run(ctx, { period, platform, type, campaign }) {
    const scope = await resolveScope(ctx, { platform, type, campaign });
    const report = await loadPerformance(ctx, scope, period);
    if (report.rows.length === 0) {
      throw new UserError(`No spend recorded for ${scope.label} in ${period.label}.`, "no_data", [
        "Try a longer period, e.g. `/campaign roi last 90d`.",
      ]);
    }
    const currency = ctx.tenant.currency;
    const ranked = rankBy(report.rows, (r) => r.kpis.roi, "desc");
    const best = ranked[0];
    const worst = ranked.at(-1);
    const losing = ranked.filter((r) => (r.kpis.roi ?? 0) < 0).length;

    const lines = [
      `Overall ROI **${formatKpi("roi", report.kpis.roi, currency)}** on ${formatMoney(report.totals.spend, currency)} spend (${formatMoney(report.totals.revenue, currency)} revenue).`,
    ];
    if (best && worst && ranked.length > 1) {
      lines.push(
        `Best: **${best.campaign.name}** (${formatKpi("roi", best.kpis.roi, currency)}). Worst: **${worst.campaign.name}** (${formatKpi("roi", worst.kpis.roi, currency)}).`,
      );
    }
    if (losing > 0)
      lines.push(`${losing} of ${ranked.length} campaigns lose money in this period.`);

    return {
      title: `ROI ranking — ${period.label}`,
      text: lines.join("\n"),
      fields: [
        { label: "Campaigns", value: String(ranked.length) },
        { label: "Spend", value: formatMoney(report.totals.spend, currency) },
        { label: "Revenue", value: formatMoney(report.totals.revenue, currency) },
        {
          label: "ROI",
          value: formatKpi("roi", report.kpis.roi, currency),
          tone: toneOf(report.kpis.roi),
        },
        { label: "ROAS", value: formatKpi("roas", report.kpis.roas, currency) },
      ],
      table: {
        columns: ["#", "Campaign", "Platform", "Spend", "Revenue", "ROI"],
        rows: ranked
          .slice(0, TABLE_LIMIT)
          .map((r, i) => [
            i + 1,
            r.campaign.name,
            r.campaign.platform,
            formatMoney(r.totals.spend, currency),
            formatMoney(r.totals.revenue, currency),
            formatKpi("roi", r.kpis.roi, currency),
          ]),
      },
      charts: [roiRankingChart(ranked, period, currency)],
      context: contextLine(period, scope, ctx.tenant),
      tone: toneOf(report.kpis.roi),
      data: {
        period: periodData(period),
        filters: filtersData(scope, { platform, type }),
        totals: report.totals,
        kpis: report.kpis,
        campaigns: ranked.map((r, i) => ({
          rank: i + 1,
          id: r.campaign.id,
          name: r.campaign.name,
          platform: r.campaign.platform,
          type: r.campaign.type,
          spend: r.totals.spend,
          revenue: r.totals.revenue,
          roi: r.kpis.roi,
          roas: r.kpis.roas,
        })),
      },
    };
  },
});

function toneOf(roi: number | null) {
  if (roi === null) return "neutral" as const;
  return roi >= 0 ? ("good" as const) : ("bad" as const);
}
