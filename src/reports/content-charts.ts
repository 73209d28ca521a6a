import type { ReplyChart } from "../bot/reply";
import { heatmapChart, labelledBarChart } from "../charts/builders/index";
import { count, percent } from "../charts/measure";
import type { PlatformBestTimes } from "../core/content/best-times";
import type { HashtagGrowth } from "../core/content/hashtag-growth";
import type { GroupPerformance } from "../core/content/performance-by";
import type { PostingHeatmap } from "../core/content/posting-heatmap";
import { formatPercent, formatSignedPercent } from "../core/format";
import type { Period } from "../core/period";

/** Engagement rate per group (content type, category), best first, with each group's post count. */
export function engagementByChart(
  id: string,
  category: string,
  groups: readonly GroupPerformance[],
  title: string,
): ReplyChart {
  return labelledBarChart({
    id,
    title,
    category,
    measure: percent("Engagement rate"),
    bars: groups.map((g) => ({
      label: g.key,
      value: g.engagement_rate,
      text: `${formatPercent(g.engagement_rate)} · ${g.posts} post${g.posts === 1 ? "" : "s"}`,
    })),
  });
}

/**
 * The week grid of engagement rate by local posting weekday and hour; cells with fewer than
 * `minPosts` posts are left empty (one lucky post is not a pattern).
 */
export function postingTimesHeatmap(
  map: PostingHeatmap,
  timezone: string,
  minPosts: number,
  title: string,
  id = "posting-times",
): ReplyChart {
  const hourly = map.blockHours === 1;
  return heatmapChart({
    id,
    title,
    rows: map.rows,
    // Short labels ("18–21") so every column keeps its tick.
    columns:
      map.cells[0]?.map((c) => {
        const hh = (h: number) => String(h % 24).padStart(2, "0");
        return hourly ? hh(c.hour) : `${hh(c.hour)}–${hh(c.hour + map.blockHours)}`;
      }) ?? [],
    rowTitle: "Posting day",
    columnTitle: `${hourly ? "Hour" : `${map.blockHours}-hour block`} (local time, ${timezone})`,
    measure: percent("Engagement rate"),
    values: map.cells.map((row) =>
      row.map((c) => (c.posts >= minPosts ? c.engagement_rate : null)),
    ),
    cellTexts: map.cells.map((row) =>
      row.map((c) =>
        c.posts >= minPosts && c.engagement_rate !== null ? formatPercent(c.engagement_rate) : null,
      ),
    ),
    emptyLabel: `fewer than ${minPosts} posts`,
    robust: true,
  });
}

/** Trending hashtags: uses this period as bars, growth against the period before as text. */
export function trendingHashtagsChart(rows: readonly HashtagGrowth[], period: Period): ReplyChart {
  return labelledBarChart({
    id: "trending-hashtags",
    title: `Trending hashtags — ${period.label} vs the period before`,
    category: "Hashtag",
    measure: count("Posts using it"),
    bars: rows.map((r) => ({
      label: `#${r.tag}`,
      value: r.uses,
      text: `${r.uses} · ${r.is_new ? "new" : formatSignedPercent(r.uses_growth)}`,
    })),
    xTitle: "Posts using the hashtag (count)",
  });
}

/** The best slots of every platform as bars in platform colours, evidence as text. */
export function bestSlotsChart(
  platforms: readonly PlatformBestTimes[],
  period: Period,
): ReplyChart {
  return labelledBarChart({
    id: "best-posting-times",
    title: `Best posting times per platform — ${period.label}`,
    category: "Posting slot (local time)",
    measure: percent("Engagement rate, adjusted"),
    bars: platforms.flatMap((p) =>
      p.slots.map((s) => ({
        label: `${p.platform} · ${s.label}`,
        value: s.adjusted_rate,
        group: p.platform,
        text: `${formatPercent(s.adjusted_rate)} · ${formatSignedPercent(s.lift)} · ${s.posts} posts`,
      })),
    ),
    subtitle:
      "Engagement rate adjusted for sample size · lift vs the platform's average · posts in the slot",
  });
}
