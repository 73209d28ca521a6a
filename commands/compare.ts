import { defineCommand } from "../src/bot/command";
import { periodOption } from "../src/bot/common-options";
import type { Context } from "../src/bot/context";
import { UserError } from "../src/bot/errors";
import { totalsByPlatform, totalsByType } from "../src/core/aggregate";
import { formatKpi, formatMoney } from "../src/core/format";
import { computeKpis, emptyTotals, type Kpis } from "../src/core/kpis";
import type { Period } from "../src/core/period";
import { rankBy } from "../src/core/rank";
import { loadPerformance } from "../src/reports/campaign-performance";
import { resolveCampaign, resolveScope } from "../src/reports/campaign-scope";
import { comparisonChart, ctrVsConversionChart } from "../src/reports/charts";
import { capitalize, contextLine, periodData } from "../src/reports/reply-parts";
import type { MetricTotals } from "../src/store/schema";

/** One side of a comparison: a platform, a campaign type, or a campaign. */
export interface ComparisonGroup {
  key: string;
  label: string;
  totals: MetricTotals;
  kpis: Kpis;
}

const DIMENSIONS = ["platforms", "types", "campaigns"] as const;
const TABLE_KPIS = ["roi", "roas", "ctr", "cpc", "conversion_rate", "cpa"] as const;

export default defineCommand({
  name: "compare",
  description: "Compare platforms, campaign types, or two campaigns side by side",
  examples: [
    "compare platforms last 30d",
    "compare types last quarter",
    'compare "Spring Sale" vs "Brand Lift"',
  ],
  options: [
    {
      name: "dimension",
      kind: "choice",
      description: "platforms, types or campaigns",
      choices: DIMENSIONS,
    },
    periodOption,
    { name: "campaigns", kind: "text", description: "Two campaigns: A vs B" },
  ] as const,
  async run(ctx, { dimension, period, campaigns }) {
    const what = campaigns ? "campaigns" : (dimension ?? "platforms");
    if (what === "campaigns" && !campaigns) {
      throw new UserError("Name the two campaigns to compare.", "missing_argument", [
        'Example: `/campaign compare "Spring Sale" vs "Brand Lift"`',
      ]);
    }
    const scope = await resolveScope(ctx, {});
    const report = await loadPerformance(ctx, scope, period);
    const perCampaign = new Map(report.rows.map((r) => [r.campaign.id, r.totals]));
    const groups =
      what === "campaigns"
        ? await campaignGroups(ctx, campaigns ?? "", period)
        : toGroups(
            what === "platforms"
              ? totalsByPlatform(perCampaign, scope.campaigns)
              : totalsByType(perCampaign, scope.campaigns),
          );
    const active = groups.filter((g) => g.totals.spend > 0 || g.totals.impressions > 0);
    if (active.length === 0) {
      throw new UserError(`Nothing delivered in ${period.label}.`, "no_data", [
        "Try a longer period, e.g. `last 90d`.",
      ]);
    }
    const currency = ctx.tenant.currency;
    const byRoi = rankBy(active, (g) => g.kpis.roi, "desc");
    const leader = byRoi[0];
    const dimensionLabel =
      what === "platforms" ? "platform" : what === "types" ? "campaign type" : "campaign";

    return {
      title: `Compare ${what} — ${period.label}`,
      text: leader
        ? `**${leader.label}** leads on ROI (${formatKpi("roi", leader.kpis.roi, currency)}) among ${active.length} ${dimensionLabel}s.`
        : undefined,
      table: {
        columns: [
          capitalize(dimensionLabel),
          "Spend",
          "Revenue",
          ...TABLE_KPIS.map((k) => k.toUpperCase().replace("_", " ")),
        ],
        rows: byRoi.map((g) => [
          g.label,
          formatMoney(g.totals.spend, currency),
          formatMoney(g.totals.revenue, currency),
          ...TABLE_KPIS.map((k) => formatKpi(k, g.kpis[k], currency)),
        ]),
      },
      charts: [
        comparisonChart(`compare-${what}`, `ROI and ROAS by ${dimensionLabel}`, byRoi, currency),
        ...(what === "campaigns"
          ? []
          : [ctrVsConversionChart(report.rows, what === "platforms" ? "platform" : "type")]),
      ],
      context: contextLine(period, undefined, ctx.tenant),
      data: {
        period: periodData(period),
        dimension: what,
        groups: byRoi.map((g) => ({ key: g.key, label: g.label, totals: g.totals, kpis: g.kpis })),
      },
    };
  },
});

function toGroups(map: Map<string, MetricTotals>): ComparisonGroup[] {
  return [...map].map(([key, totals]) => ({ key, label: key, totals, kpis: computeKpis(totals) }));
}

async function campaignGroups(
  ctx: Context,
  text: string,
  period: Period,
): Promise<ComparisonGroup[]> {
  const names = text.split(/\s+(?:vs\.?|versus|and|&)\s+|\s*[,|]\s*/i).filter(Boolean);
  if (names.length !== 2) {
    throw new UserError("Compare exactly two campaigns, separated by `vs`.", "bad_campaign_pair", [
      'Example: `/campaign compare "Spring Sale" vs "Brand Lift"`',
    ]);
  }
  const found = [];
  for (const name of names) found.push(await resolveCampaign(ctx, name));
  const [a, b] = found;
  if (a && b && a.id === b.id) {
    throw new UserError(`Both names match "${a.name}".`, "bad_campaign_pair", [
      "Name two different campaigns.",
    ]);
  }
  const rows = await ctx.store.metrics.totalsByCampaign(ctx.tenant.id, period, {
    campaignIds: found.map((c) => c.id),
  });
  return found.map((c) => {
    const { campaign_id: _, ...totals } = rows.find((r) => r.campaign_id === c.id) ?? {
      campaign_id: c.id,
      ...emptyTotals(),
    };
    return { key: c.id, label: c.name, totals, kpis: computeKpis(totals) };
  });
}
