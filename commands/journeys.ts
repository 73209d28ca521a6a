import { defineCommand } from "../src/bot/command";
import { periodOption } from "../src/bot/common-options";
import type { ReplyChart } from "../src/bot/reply";
import { formatCount, formatMoney, formatPercent } from "../src/core/format";
import { channelRoles } from "../src/core/journeys/channel-roles";
import { pathLengthDistribution } from "../src/core/journeys/path-lengths";
import { timeToConversion } from "../src/core/journeys/time-to-conversion";
import { topPaths } from "../src/core/journeys/top-paths";
import {
  channelRolesChart,
  pathLengthChart,
  timeToConversionChart,
} from "../src/reports/journey-charts";
import { loadJourneyData } from "../src/reports/journey-data";
import { contextLine, periodData } from "../src/reports/reply-parts";

const TOP_PATHS = 10;

export default defineCommand({
  name: "journeys",
  description:
    "Customer journeys: top converting paths, path length, time to convert, channel roles",
  examples: ["journeys last 30d", "journeys last quarter"],
  options: [periodOption] as const,
  async run(ctx, { period }) {
    const data = await loadJourneyData(ctx, period);
    const { folded } = data;
    const currency = ctx.tenant.currency;
    const paths = topPaths(folded, TOP_PATHS);
    const lengths = pathLengthDistribution(folded);
    const roles = channelRoles(folded).sort(
      (a, b) => b.introducer + b.assister + b.closer - (a.introducer + a.assister + a.closer),
    );
    const time = data.journeys ? timeToConversion(data.journeys) : null;
    const totals = folded.totals;
    const convertingPaths = lengths.reduce((a, b) => a + b.conversions, 0);
    const meanTouches =
      convertingPaths > 0
        ? lengths.reduce((a, b, i) => a + (i + 1) * b.conversions, 0) / convertingPaths
        : null;
    const byRole = (role: "introducer" | "assister" | "closer") =>
      roles.filter((r) => r.primary === role).map((r) => r.channel);

    const lines = [
      `${formatCount(totals.journeys)} journeys, ${formatCount(totals.conversions)} converted (${formatPercent(totals.journeys > 0 ? (totals.conversions / totals.journeys) * 100 : 0)}), ${formatMoney(totals.value, currency)} in value; ${formatCount(folded.pathCount)} distinct paths.`,
    ];
    if (paths[0]) {
      lines.push(
        `Top converting path: **${paths[0].path}** (${formatCount(paths[0].conversions)} conversions, ${formatPercent(paths[0].share)} of all).`,
      );
    }
    if (meanTouches !== null) {
      lines.push(
        `Converting journeys take ${meanTouches.toFixed(1)} touches on average${time?.median_days != null ? `, and ${time.median_days.toFixed(1)} days from first touch (median)` : ""}.`,
      );
    }
    lines.push(
      `Introducers: ${byRole("introducer").join(", ") || "—"}. Assisters: ${byRole("assister").join(", ") || "—"}. Closers: ${byRole("closer").join(", ") || "—"}.`,
    );
    if (!time) lines.push("_Path exports carry no timestamps: no time-to-conversion figures._");

    const charts: ReplyChart[] = [pathLengthChart(lengths), channelRolesChart(roles)];
    if (time) charts.push(timeToConversionChart(time));
    return {
      title: `Customer journeys — ${period.label}`,
      text: lines.join("\n"),
      fields: [
        { label: "Journeys", value: formatCount(totals.journeys) },
        { label: "Conversions", value: formatCount(totals.conversions) },
        { label: "Distinct paths", value: formatCount(folded.pathCount) },
        {
          label: "Touches per conversion",
          value: meanTouches === null ? "—" : meanTouches.toFixed(1),
        },
        ...(time
          ? [
              {
                label: "Median days to convert",
                value: time.median_days === null ? "—" : time.median_days.toFixed(1),
              },
            ]
          : []),
      ],
      table: {
        columns: ["#", "Path", "Conversions", "Share", "Conv. rate", "Value"],
        rows: paths.map((p, i) => [
          i + 1,
          p.path,
          formatCount(p.conversions),
          formatPercent(p.share),
          formatPercent(p.conversion_rate),
          formatMoney(p.value, currency),
        ]),
      },
      charts,
      context: `${contextLine(period, undefined, ctx.tenant)} · journeys from ${data.source}`,
      data: {
        period: periodData(period),
        source: data.source,
        totals: { ...totals, distinct_paths: folded.pathCount },
        top_paths: paths.map(({ channels: _, ...p }) => p),
        path_lengths: lengths,
        time_to_conversion: time,
        channel_roles: Object.fromEntries(roles.map(({ channel, ...counts }) => [channel, counts])),
      },
    };
  },
});
