import { defineCommand } from "../src/bot/command";
import { periodOption, platformOption, typeOption } from "../src/bot/common-options";
import { UserError } from "../src/bot/errors";
import { formatCount, formatMoney, formatPercent } from "../src/core/format";
import { revenueWaterfall } from "../src/core/funnel/waterfall";
import { loadPerformance } from "../src/reports/campaign-performance";
import { resolveScope } from "../src/reports/campaign-scope";
import { contributionChart, spendEngagementBubbleChart } from "../src/reports/funnel-charts";
import { contextLine, periodData } from "../src/reports/reply-parts";

/** Campaigns named in the waterfall; the rest are one "Other" step. */
const NAMED_STEPS = 10;

export default defineCommand({
  name: "contribution",
  description: "Which campaigns make up revenue (or profit): a waterfall, plus spend × engagement",
  examples: [
    "contribution last 30d",
    "contribution profit last quarter",
    "contribution platform:google",
  ],
  options: [
    {
      name: "measure",
      kind: "choice",
      description: "revenue (default) or profit (revenue − spend)",
      choices: ["revenue", "profit"],
    },
    periodOption,
    platformOption,
    typeOption,
  ] as const,
  async run(ctx, { measure, period, platform, type }) {
    const scope = await resolveScope(ctx, { platform, type });
    const report = await loadPerformance(ctx, scope, period);
    if (report.rows.length === 0) {
      throw new UserError(`No delivery for ${scope.label} in ${period.label}.`, "no_data", [
        "Try a longer period, e.g. `/campaign contribution last 90d`.",
      ]);
    }
    const currency = ctx.tenant.currency;
    const profit = measure === "profit";
    const contributed = (r: (typeof report.rows)[number]) =>
      profit ? round2(r.totals.revenue - r.totals.spend) : r.totals.revenue;
    const steps = revenueWaterfall(
      report.rows.map((r) => ({ label: r.campaign.name, value: contributed(r) })),
      { limit: NAMED_STEPS, otherLabel: (n) => `Other ${n} campaigns` },
    );
    const total = steps.at(-1)?.end ?? 0;
    const ranked = [...report.rows].sort((a, b) => contributed(b) - contributed(a));
    const top = ranked[0];
    const losers = ranked.filter((r) => contributed(r) < 0);
    const name = profit ? "Profit" : "Revenue";
    const topShare = top && total !== 0 ? (contributed(top) / total) * 100 : null;
    const lines = [
      `${name} of **${formatMoney(total, currency)}** from ${report.rows.length} campaigns.`,
      top
        ? `Biggest contributor: **${top.campaign.name}** (${formatMoney(contributed(top), currency)}${topShare === null ? "" : `, ${formatPercent(topShare)} of the total`}).`
        : "",
      profit && losers.length
        ? `${losers.length} campaigns lose money, together ${formatMoney(
            losers.reduce((a, r) => a + contributed(r), 0),
            currency,
          )}.`
        : "",
    ].filter(Boolean);
    const title = `${name} contribution by campaign — ${period.label}`;
    return {
      title,
      text: lines.join("\n"),
      fields: [
        { label: "Spend", value: formatMoney(report.totals.spend, currency) },
        { label: "Revenue", value: formatMoney(report.totals.revenue, currency) },
        {
          label: "Profit",
          value: formatMoney(report.totals.revenue - report.totals.spend, currency),
        },
        { label: "Engagements", value: formatCount(report.totals.engagements) },
        { label: "Conversions", value: formatCount(report.totals.conversions) },
      ],
      table: {
        columns: ["Step", name, "Share", "Running total"],
        rows: steps.map((s) => [
          s.label,
          formatMoney(s.value, currency),
          formatPercent(s.share),
          formatMoney(s.end, currency),
        ]),
      },
      charts: [
        contributionChart(steps, name, currency, title),
        spendEngagementBubbleChart(report.rows, currency, period),
      ],
      context: contextLine(period, scope, ctx.tenant),
      data: {
        period: periodData(period),
        filters: { platform: platform ?? null, type: type ?? null },
        measure: profit ? "profit" : "revenue",
        total,
        steps,
        campaigns: ranked.map((r) => ({
          id: r.campaign.id,
          name: r.campaign.name,
          platform: r.campaign.platform,
          spend: r.totals.spend,
          revenue: r.totals.revenue,
          profit: round2(r.totals.revenue - r.totals.spend),
          engagements: r.totals.engagements,
          conversions: r.totals.conversions,
          share: total !== 0 ? (contributed(r) / total) * 100 : null,
        })),
      },
    };
  },
});

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
