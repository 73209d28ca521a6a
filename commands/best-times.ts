import { defineCommand } from "../src/bot/command";
import { periodOption, platformOption } from "../src/bot/common-options";
import { UserError } from "../src/bot/errors";
import { type BestSlot, bestTimes, type PlatformBestTimes } from "../src/core/content/best-times";
import {
  type BlockHours,
  blockHoursFor,
  postingHeatmap,
} from "../src/core/content/posting-heatmap";
import { formatPercent, formatSignedPercent } from "../src/core/format";
import { bestSlotsChart, postingTimesHeatmap } from "../src/reports/content-charts";
import { periodInstants } from "../src/reports/period-instants";
import { contextLine, periodData } from "../src/reports/reply-parts";
import type { Post } from "../src/store/schema";

/** Slots listed per platform. */
const TOP_SLOTS = 3;
/** A slot needs this many posts to be listed. */
const MIN_POSTS = 3;
/** Pull towards the platform's average, in posts: a slot must earn its place with volume. */
const PRIOR_POSTS = 5;

export default defineCommand({
  name: "best-times",
  description: "The best posting slots per platform (local time), with the evidence behind each",
  examples: [
    "best-times last 90d",
    "best-times last 90d platform:instagram",
    "best-times last 6 months",
  ],
  options: [periodOption, platformOption] as const,
  async run(ctx, { period, platform }) {
    const tz = ctx.tenant.timezone;
    const posts = await ctx.store.posts.listBetween(
      ctx.tenant.id,
      periodInstants(period, tz),
      platform ? { platform } : {},
    );
    if (posts.length === 0) {
      throw new UserError(
        `No posts${platform ? ` on ${platform}` : ""} in ${period.label}.`,
        "no_data",
        ["Best times need a few weeks of posts: try `/campaign best-times last 90d`."],
      );
    }
    const byPlatform = new Map<string, Post[]>();
    for (const p of posts) {
      // Push onto the platform's list: copying it for every post is quadratic.
      const own = byPlatform.get(p.platform);
      if (own) own.push(p);
      else byPlatform.set(p.platform, [p]);
    }
    // Slot size per platform: hourly slots only where each would hold a few posts on average.
    const results: (PlatformBestTimes & { block_hours: BlockHours })[] = [...byPlatform]
      .map(([, own]) => {
        const blockHours = blockHoursFor(own.length, MIN_POSTS);
        const [result] = bestTimes(own, tz, {
          blockHours,
          top: TOP_SLOTS,
          minPosts: MIN_POSTS,
          priorPosts: PRIOR_POSTS,
        });
        return { ...(result as PlatformBestTimes), block_hours: blockHours };
      })
      .sort((a, b) => b.posts - a.posts || (a.platform < b.platform ? -1 : 1));
    const listed = results.filter((r) => r.slots.length > 0);
    if (listed.length === 0) {
      throw new UserError(
        `Too few posts in ${period.label} to name a best time (${posts.length} posts).`,
        "no_data",
        [
          `A slot needs ${MIN_POSTS} posts or more: try a longer period, e.g. \`/campaign best-times last 90d\`.`,
        ],
      );
    }
    const lines = results.map((r) => {
      if (r.slots.length === 0)
        return `**${r.platform}** (${r.posts} posts): too few posts per slot to tell.`;
      const [best, ...others] = r.slots as [BestSlot, ...BestSlot[]];
      const slots = [
        `**${best.label}** — ${formatPercent(best.adjusted_rate)} (${best.posts} posts, ${formatSignedPercent(best.lift)} vs average, ${Math.round(best.beats_median)}% beat the median post)`,
        ...others.map((s) => `${s.label} (${formatPercent(s.adjusted_rate)}, ${s.posts} posts)`),
      ];
      return `**${r.platform}** (${r.posts} posts, average ${formatPercent(r.engagement_rate)}): ${slots.join("; then ")}.`;
    });
    lines.push(
      `_Adjusted rate: the slot's engagement rate pulled towards the platform average as if ${PRIOR_POSTS} average posts were added, so a slot with a few lucky posts does not outrank a proven one. Times in ${tz}._`,
    );
    const charts = [bestSlotsChart(listed, period)];
    const single = platform ? results[0] : undefined;
    if (single) {
      const heatmap = postingHeatmap(byPlatform.get(single.platform) ?? [], tz, single.block_hours);
      charts.push(
        postingTimesHeatmap(
          heatmap,
          tz,
          MIN_POSTS,
          `Engagement rate by posting time — ${single.platform} — ${period.label}`,
          "best-times-heatmap",
        ),
      );
    }
    return {
      title: `Best posting times${platform ? ` on ${platform}` : ""} — ${period.label}`,
      text: lines.join("\n"),
      table: {
        columns: ["Platform", "Slot", "Posts", "Eng. rate", "Adjusted", "Lift", "Beat median"],
        rows: listed.flatMap((r) =>
          r.slots.map((s) => [
            r.platform,
            s.label,
            s.posts,
            formatPercent(s.engagement_rate),
            formatPercent(s.adjusted_rate),
            formatSignedPercent(s.lift),
            `${Math.round(s.beats_median)}%`,
          ]),
        ),
      },
      charts,
      context: `${contextLine(period, undefined, ctx.tenant)}${platform ? ` · ${platform}` : ""}`,
      data: {
        period: periodData(period),
        filters: { platform: platform ?? null },
        timezone: tz,
        method: { min_posts: MIN_POSTS, prior_posts: PRIOR_POSTS, top: TOP_SLOTS },
        platforms: results,
      },
    };
  },
});
