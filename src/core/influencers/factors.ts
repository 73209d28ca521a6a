import type { ScoreFactor } from "./weights";

/** What one post did (a `posts` row, tenant and ids aside). */
export interface PostMetrics {
  impressions: number;
  reach: number;
  likes: number;
  comments: number;
  shares: number;
  saves: number;
  clicks: number;
  conversions: number;
  revenue: number;
  /** What the post cost; null when unknown (the influencer's cost per post is used). */
  cost: number | null;
}

/** The influencer facts the score needs (an `influencers` row, tenant aside). */
export interface InfluencerProfile {
  platform: string;
  handle: string;
  followers: number;
  tier: string;
  cost_per_post: number;
  /** Share of followers judged fake, 0–1. */
  fake_follower_share: number;
  /** How well the influencer's content fits the brand, 0–1. */
  brand_fit: number;
}

/** Raw factor values; null when undefined (no reach, no clicks, no cost). */
export type RawFactors = Record<ScoreFactor, number | null>;

export interface PostTotals {
  posts: number;
  impressions: number;
  reach: number;
  engagements: number;
  clicks: number;
  conversions: number;
  revenue: number;
  cost: number;
}

/**
 * Engagement weights for "quality": a comment, share or save takes more effort than a like and
 * says more about intent, so it counts more. Likes 1, comments 2, shares 3, saves 3.
 */
export const ENGAGEMENT_QUALITY_WEIGHTS = { likes: 1, comments: 2, shares: 3, saves: 3 } as const;

/**
 * Sums an influencer's posts and derives the raw factors, all in percent:
 * - engagement: weighted engagements / reach · 100 (impressions when reach is 0);
 * - authenticity: (1 − fake follower share) · 100;
 * - conversion: conversions / clicks · 100 (DESIGN.md's conversion_rate);
 * - roi: (revenue − cost) / cost · 100, cost = each post's cost or else the cost per post;
 * - brand: brand fit · 100.
 *
 * @example
 * influencerFactors(profile, posts).factors // { engagement: 6.2, authenticity: 92, conversion: 3.1, roi: 140, brand: 80 }
 */
export function influencerFactors(
  profile: InfluencerProfile,
  posts: readonly PostMetrics[],
): { factors: RawFactors; totals: PostTotals } {
  const totals: PostTotals = {
    posts: posts.length,
    impressions: 0,
    reach: 0,
    engagements: 0,
    clicks: 0,
    conversions: 0,
    revenue: 0,
    cost: 0,
  };
  let weighted = 0;
  const w = ENGAGEMENT_QUALITY_WEIGHTS;
  for (const post of posts) {
    totals.impressions += post.impressions;
    totals.reach += post.reach;
    totals.engagements += post.likes + post.comments + post.shares + post.saves;
    weighted +=
      w.likes * post.likes +
      w.comments * post.comments +
      w.shares * post.shares +
      w.saves * post.saves;
    totals.clicks += post.clicks;
    totals.conversions += post.conversions;
    totals.revenue += post.revenue;
    totals.cost += post.cost ?? profile.cost_per_post;
  }
  const audience = totals.reach > 0 ? totals.reach : totals.impressions;
  return {
    totals,
    factors: {
      engagement: audience > 0 ? (weighted / audience) * 100 : null,
      authenticity: clamp01(1 - profile.fake_follower_share) * 100,
      conversion: totals.clicks > 0 ? (totals.conversions / totals.clicks) * 100 : null,
      roi: totals.cost > 0 ? ((totals.revenue - totals.cost) / totals.cost) * 100 : null,
      brand: clamp01(profile.brand_fit) * 100,
    },
  };
}

function clamp01(n: number): number {
  return Math.min(1, Math.max(0, n));
}
