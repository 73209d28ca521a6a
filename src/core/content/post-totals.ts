import type { Post } from "../../store/schema";
import { engagementRate, percent } from "../kpis";

/** The fields of a post that content analytics read. */
export type ContentPost = Pick<
  Post,
  | "id"
  | "platform"
  | "author_handle"
  | "posted_at"
  | "content_type"
  | "category"
  | "hashtags"
  | "impressions"
  | "reach"
  | "likes"
  | "comments"
  | "shares"
  | "saves"
  | "clicks"
  | "conversions"
  | "revenue"
>;

/** Sums over a set of posts, with the KPIs DESIGN.md defines computed once from the sums. */
export interface PostTotals {
  posts: number;
  impressions: number;
  reach: number;
  /** likes + comments + shares + saves. */
  engagements: number;
  shares: number;
  clicks: number;
  conversions: number;
  revenue: number;
  /** engagements / reach · 100 (impressions when reach is unknown); null without either. */
  engagement_rate: number | null;
  /** clicks / impressions · 100. */
  ctr: number | null;
  /** conversions / clicks · 100. */
  conversion_rate: number | null;
}

/**
 * A post's engagements: every interaction that is not a click.
 *
 * @example postEngagements({ likes: 80, comments: 5, shares: 10, saves: 5 }) // 100
 */
export function postEngagements(p: Pick<Post, "likes" | "comments" | "shares" | "saves">): number {
  return p.likes + p.comments + p.shares + p.saves;
}

/**
 * One post's engagement rate, percent (engagements per reached person; impressions stand in when
 * reach is unknown). Null when neither is known.
 *
 * @example postEngagementRate({ likes: 80, comments: 5, shares: 10, saves: 5, reach: 2000, impressions: 3000 }) // 5
 */
export function postEngagementRate(
  p: Pick<Post, "likes" | "comments" | "shares" | "saves" | "reach" | "impressions">,
): number | null {
  return engagementRate(postEngagements(p), p.reach, p.impressions);
}

/**
 * Sums posts and derives their rates from the sums (a viral post weighs by its reach, as it
 * should: averaging per-post rates would let a 50-view post count like a 50,000-view one).
 *
 * @example sumPosts([post]).engagement_rate
 */
export function sumPosts(posts: Iterable<ContentPost>): PostTotals {
  let n = 0;
  let impressions = 0;
  let reach = 0;
  let engagements = 0;
  let shares = 0;
  let clicks = 0;
  let conversions = 0;
  let revenue = 0;
  for (const p of posts) {
    n++;
    impressions += p.impressions;
    reach += p.reach;
    engagements += postEngagements(p);
    shares += p.shares;
    clicks += p.clicks;
    conversions += p.conversions;
    revenue += p.revenue;
  }
  return {
    posts: n,
    impressions,
    reach,
    engagements,
    shares,
    clicks,
    conversions,
    revenue: Math.round(revenue * 100) / 100,
    engagement_rate: engagementRate(engagements, reach, impressions),
    ctr: percent(clicks, impressions),
    conversion_rate: percent(conversions, clicks),
  };
}

/**
 * The hashtags of a post: stored space-separated, lower case, without `#`; tolerant of a stray
 * `#`, commas and repeated tags in imported rows.
 *
 * @example postHashtags({ hashtags: "skincare #GlowUp, skincare" }) // ["skincare", "glowup"]
 */
export function postHashtags(p: Pick<Post, "hashtags">): string[] {
  const tags = p.hashtags
    .toLowerCase()
    .split(/[\s,]+/)
    .map((t) => t.replace(/^#+/, ""))
    .filter((t) => t !== "");
  return [...new Set(tags)];
}
