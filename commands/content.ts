import { defineCommand } from "../src/bot/command";
import { periodOption, platformOption } from "../src/bot/common-options";
import { UserError } from "../src/bot/errors";
import { bestTimes } from "../src/core/content/best-times";
import { hashtagGrowth } from "../src/core/content/hashtag-growth";
import { performanceBy, UNCATEGORISED } from "../src/core/content/performance-by";
import { sumPosts } from "../src/core/content/post-totals";
import { blockHoursFor, postingHeatmap } from "../src/core/content/posting-heatmap";
import { engagementVelocity, VELOCITY_WINDOW_HOURS } from "../src/core/content/velocity";
import { viralPosts } from "../src/core/content/viral-posts";
import { formatCount, formatPercent, formatSignedPercent } from "../src/core/format";
import { median } from "../src/core/stats";
import {
  engagementByChart,
  postingTimesHeatmap,
  trendingHashtagsChart,
} from "../src/reports/content-charts";
import { loadPosts } from "../src/reports/content-data";
import { contextLine, periodData } from "../src/reports/reply-parts";

/** Disclosure tags every sponsored post carries: they say nothing about what trends. */
const DISCLOSURE_TAGS = ["ad", "sponsored", "partner"] as const;
/** A heatmap cell needs this many posts to be coloured. */
const MIN_CELL_POSTS = 3;
/** Uses in the period a hashtag needs to be ranked and listed as trending. */
const MIN_TRENDING_USES = 3;
const TRENDING_SHOWN = 10;
const VIRAL_SHOWN = 8;

export default defineCommand({
  name: "content",
  description:
    "What content works: types, categories, best posting times, trending hashtags, viral posts",
  examples: [
    "content last 30d",
    "content last 90d platform:instagram",
    "content last month platform:tiktok",
  ],
  options: [periodOption, platformOption] as const,
  async run(ctx, { period, platform }) {
    const { posts, previous, previousPeriod } = await loadPosts(ctx, period, platform);
    if (posts.length === 0) {
      throw new UserError(
        `No posts${platform ? ` on ${platform}` : ""} in ${period.label}.`,
        "no_data",
        [
          "Try a longer period, e.g. `/campaign content last 90d`, or another platform (posts come from instagram, tiktok, facebook and linkedin).",
          "Import posts with `adpulse import posts <file>` or load demo data with `adpulse seed --demo`.",
        ],
      );
    }
    const now = ctx.clock.now();
    const tz = ctx.tenant.timezone;
    const totals = sumPosts(posts);
    const byType = performanceBy(posts, (p) => p.content_type);
    const byCategory = performanceBy(posts, (p) => p.category ?? UNCATEGORISED);
    const heatmap = postingHeatmap(posts, tz, blockHoursFor(posts.length));
    // The best slot over all posts, ranked like best-times (shrunk towards the average), so three
    // lucky posts at 6 am do not win.
    const [pooled] = bestTimes(
      posts.map((p) => ({ ...p, platform: "all" })),
      tz,
      { blockHours: heatmap.blockHours, top: 1, minPosts: MIN_CELL_POSTS },
    );
    const bestSlot = pooled?.slots[0];
    const hashtags = hashtagGrowth(posts, previous, {
      minUses: MIN_TRENDING_USES,
      ignore: DISCLOSURE_TAGS,
    });
    const trending = hashtags.filter((h) => h.uses >= MIN_TRENDING_USES).slice(0, TRENDING_SHOWN);
    const viral = viralPosts(posts, now);
    const recent = engagementVelocity(posts, now);
    const medianPerHour = recent.length ? median(recent.map((r) => r.engagements_per_hour)) : null;
    const authors = new Set(posts.map((p) => `${p.platform}:${p.author_handle}`)).size;

    const lines = [
      `${formatCount(posts.length)} posts by ${authors} authors reached ${formatCount(totals.reach)} people; engagement rate **${formatPercent(totals.engagement_rate)}**.`,
    ];
    const bestType = byType[0];
    const worstType = byType.at(-1);
    if (bestType && worstType && byType.length > 1) {
      lines.push(
        `Best content type: **${bestType.key}** (${formatPercent(bestType.engagement_rate)}, ${bestType.posts} posts); weakest: ${worstType.key} (${formatPercent(worstType.engagement_rate)}).`,
      );
    }
    const bestCategory = byCategory[0];
    if (bestCategory && byCategory.length > 1) {
      lines.push(
        `Best category: **${bestCategory.key}** (${formatPercent(bestCategory.engagement_rate)}, ${bestCategory.posts} posts).`,
      );
    }
    if (bestSlot) {
      lines.push(
        `Best time to post: **${bestSlot.label}** (${formatPercent(bestSlot.adjusted_rate)} adjusted, ${bestSlot.posts} posts, ${formatSignedPercent(bestSlot.lift)} vs average; ${tz}). \`/campaign best-times\` breaks it down per platform.`,
      );
    }
    if (trending.length) {
      lines.push(
        `Trending: ${trending
          .slice(0, 4)
          .map((h) => `#${h.tag} (${h.is_new ? "new" : formatSignedPercent(h.uses_growth)})`)
          .join(", ")}.`,
      );
    }
    if (viral.length) {
      const top = viral[0];
      lines.push(
        `Viral: ${viral.length} post${viral.length === 1 ? "" : "s"} shared far faster than their author's usual${top?.multiple ? ` — top: @${top.author_handle} at ${top.multiple.toFixed(1)}× (${top.shares} shares)` : ""}.`,
      );
    }
    if (medianPerHour !== null) {
      const fastest = recent[0];
      lines.push(
        `Engagement velocity (${recent.length} posts from the last ${VELOCITY_WINDOW_HOURS / 24} days): median ${medianPerHour.toFixed(1)}/hour${fastest ? `, fastest @${fastest.author_handle} ${fastest.engagements_per_hour.toFixed(1)}/hour` : ""}.`,
      );
    }

    const charts = [
      engagementByChart(
        "engagement-by-content-type",
        "Content type",
        byType,
        `Engagement rate by content type — ${period.label}`,
      ),
      engagementByChart(
        "engagement-by-category",
        "Category",
        byCategory,
        `Engagement rate by category — ${period.label}`,
      ),
      postingTimesHeatmap(
        heatmap,
        tz,
        MIN_CELL_POSTS,
        `Engagement rate by posting day and time${platform ? ` — ${platform}` : ""} — ${period.label}`,
      ),
    ];
    if (trending.length) charts.push(trendingHashtagsChart(trending, period));

    return {
      title: `Content performance${platform ? ` on ${platform}` : ""} — ${period.label}`,
      text: lines.join("\n"),
      fields: [
        { label: "Posts", value: formatCount(posts.length) },
        { label: "Reach", value: formatCount(totals.reach) },
        { label: "Engagements", value: formatCount(totals.engagements) },
        { label: "Engagement rate", value: formatPercent(totals.engagement_rate) },
        { label: "Viral posts", value: String(viral.length) },
      ],
      table: viral.length
        ? {
            columns: [
              "Viral post",
              "Author",
              "Platform",
              "Posted",
              "Shares",
              "Shares/hour",
              "× usual",
            ],
            rows: viral
              .slice(0, VIRAL_SHOWN)
              .map((v) => [
                v.id,
                `@${v.author_handle}`,
                v.platform,
                v.posted_at.slice(0, 10),
                v.shares,
                Math.round(v.share_velocity * 100) / 100,
                v.multiple === null ? "—" : `${v.multiple.toFixed(1)}×`,
              ]),
          }
        : undefined,
      charts,
      context: `${contextLine(period, undefined, ctx.tenant)}${platform ? ` · ${platform}` : ""}`,
      data: {
        period: periodData(period),
        previous_period: periodData(previousPeriod),
        filters: { platform: platform ?? null },
        totals,
        authors,
        by_content_type: byType,
        by_category: byCategory,
        posting_heatmap: {
          timezone: tz,
          block_hours: heatmap.blockHours,
          min_posts: MIN_CELL_POSTS,
          rows: heatmap.rows,
          columns: heatmap.columns,
          cells: heatmap.cells.flat().map(({ rates: _rates, ...c }) => c),
        },
        best_slot: bestSlot ?? null,
        hashtags: hashtags.slice(0, 30),
        trending_hashtags: trending,
        viral_posts: viral,
        engagement_velocity: {
          window_hours: VELOCITY_WINDOW_HOURS,
          posts: recent.length,
          median_per_hour: medianPerHour,
          fastest: recent.slice(0, 5),
        },
      },
    };
  },
});
