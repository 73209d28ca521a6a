import { defineCommand } from "../src/bot/command";
import { campaignReportOptions } from "../src/bot/common-options";
import { UserError } from "../src/bot/errors";
import { formatCount, formatKpi, formatMoney, formatPercent } from "../src/core/format";
import { resolveScope, scopeCampaignIds } from "../src/reports/campaign-scope";
import { ageImpressionsChart, genderClicksChart } from "../src/reports/charts";
import { contextLine, periodData } from "../src/reports/reply-parts";
import { AGE_GROUPS, GENDERS } from "../src/store/schema";

interface Segment {
  impressions: number;
  clicks: number;
  spend: number;
  conversions: number;
}

const empty = (): Segment => ({ impressions: 0, clicks: 0, spend: 0, conversions: 0 });
const ratio = (a: number, b: number) => (b === 0 ? null : (a / b) * 100);

export default defineCommand({
  name: "audience",
  description: "Who sees and clicks: clicks by gender, impressions by age group",
  examples: ["audience last 30d", "audience platform:tiktok", 'audience "Spring Sale" last 90d'],
  options: campaignReportOptions,
  async run(ctx, { period, platform, type, campaign }) {
    const scope = await resolveScope(ctx, { platform, type, campaign });
    const rows = await ctx.store.metrics.audienceTotals(ctx.tenant.id, period, {
      campaignIds: scopeCampaignIds(scope),
    });
    if (rows.length === 0) {
      throw new UserError(
        `No audience breakdown for ${scope.label} in ${period.label}.`,
        "no_data",
        ["Audience data comes from exports with age and gender columns."],
      );
    }
    const byGender = new Map(GENDERS.map((g) => [g, empty()]));
    const byAge = new Map(AGE_GROUPS.map((a) => [a, empty()]));
    for (const row of rows) {
      for (const target of [byGender.get(row.gender), byAge.get(row.age_group)]) {
        if (!target) continue;
        target.impressions += row.impressions;
        target.clicks += row.clicks;
        target.spend += row.spend;
        target.conversions += row.conversions;
      }
    }
    const currency = ctx.tenant.currency;
    const describe = (key: string, s: Segment) => ({
      key,
      ...s,
      ctr: ratio(s.clicks, s.impressions),
      conversion_rate: ratio(s.conversions, s.clicks),
    });
    const genders = [...byGender].map(([k, s]) => describe(k, s));
    const ages = [...byAge].map(([k, s]) => describe(k, s));
    const totalClicks = genders.reduce((a, g) => a + g.clicks, 0);
    const topAge = [...ages].sort((a, b) => b.impressions - a.impressions)[0];
    const bestConverting = [...ages]
      .filter((a) => a.conversion_rate !== null)
      .sort((a, b) => (b.conversion_rate ?? 0) - (a.conversion_rate ?? 0))[0];

    return {
      title: `Audience — ${scope.single?.name ?? scope.label} — ${period.label}`,
      text: [
        `Clicks: ${genders
          .filter((g) => g.clicks > 0)
          .map((g) => `${g.key} ${formatPercent((g.clicks / Math.max(totalClicks, 1)) * 100)}`)
          .join(", ")}.`,
        topAge ? `Most impressions: ${topAge.key} (${formatCount(topAge.impressions)}).` : "",
        bestConverting
          ? `Best conversion rate: ${bestConverting.key} (${formatKpi("conversion_rate", bestConverting.conversion_rate)}).`
          : "",
      ]
        .filter(Boolean)
        .join("\n"),
      table: {
        columns: ["Segment", "Impressions", "Clicks", "CTR", "Conv. rate", "Spend"],
        rows: [...genders, ...ages].map((s) => [
          s.key,
          formatCount(s.impressions),
          formatCount(s.clicks),
          formatKpi("ctr", s.ctr),
          formatKpi("conversion_rate", s.conversion_rate),
          formatMoney(s.spend, currency),
        ]),
      },
      charts: [genderClicksChart(genders), ageImpressionsChart(ages)],
      context: contextLine(period, scope, ctx.tenant),
      data: { period: periodData(period), by_gender: genders, by_age_group: ages },
    };
  },
});
