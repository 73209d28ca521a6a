import type { Context } from "../bot/context";
import { influencerFactors, type PostTotals, type RawFactors } from "../core/influencers/factors";
import { type InfluencerScore, scoreInfluencers } from "../core/influencers/score";
import {
  DEFAULT_SCORE_WEIGHTS,
  type ScoreWeights,
  validateWeights,
} from "../core/influencers/weights";
import type { Period } from "../core/period";
import type { Influencer, Post } from "../store/schema";
import { periodInstants } from "./period-instants";

export interface ScoredInfluencer {
  influencer: Influencer;
  posts: Post[];
  totals: PostTotals;
  factors: RawFactors;
  result: InfluencerScore;
}

export interface TenantWeights {
  weights: ScoreWeights;
  /** False when the tenant uses the defaults. */
  custom: boolean;
  updatedAt?: string;
  updatedBy?: string;
}

export interface InfluencerReport {
  /** Influencers with posts in the period, best score first. */
  scored: ScoredInfluencer[];
  /** Influencers without a post in the period (not scored). */
  idle: Influencer[];
  weights: TenantWeights;
}

/** The tenant's score weights, or the defaults. */
export async function tenantScoreWeights(ctx: Context): Promise<TenantWeights> {
  const row = await ctx.store.influencers.scoreWeights(ctx.tenant.id);
  if (!row) return { weights: DEFAULT_SCORE_WEIGHTS, custom: false };
  return {
    weights: validateWeights({
      engagement: Number(row.engagement),
      authenticity: Number(row.authenticity),
      conversion: Number(row.conversion),
      roi: Number(row.roi),
      brand: Number(row.brand),
    }),
    custom: true,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/**
 * Scores every influencer of the tenant that posted in the period, with the tenant's weights.
 * Scores are computed over all platforms and filtered afterwards, so an influencer's score does
 * not change with the filter the user typed.
 */
export async function loadInfluencerReport(
  ctx: Context,
  period: Period,
): Promise<InfluencerReport> {
  const [influencers, posts, weights] = await Promise.all([
    ctx.store.influencers.list(ctx.tenant.id),
    ctx.store.posts.listBetween(ctx.tenant.id, periodInstants(period, ctx.tenant.timezone)),
    tenantScoreWeights(ctx),
  ]);
  const byAuthor = new Map<string, Post[]>();
  for (const post of posts) {
    const key = `${post.platform}\u0000${post.author_handle}`;
    const list = byAuthor.get(key) ?? [];
    list.push(post);
    byAuthor.set(key, list);
  }
  const active: Omit<ScoredInfluencer, "result">[] = [];
  const idle: Influencer[] = [];
  for (const influencer of influencers) {
    const own = byAuthor.get(`${influencer.platform}\u0000${influencer.handle}`) ?? [];
    if (own.length === 0) {
      idle.push(influencer);
      continue;
    }
    const { factors, totals } = influencerFactors(influencer, own);
    active.push({ influencer, posts: own, totals, factors });
  }
  const results = scoreInfluencers(
    active.map((a) => ({
      key: `${a.influencer.platform}:${a.influencer.handle}`,
      platform: a.influencer.platform,
      tier: a.influencer.tier,
      factors: a.factors,
    })),
    weights.weights,
  );
  const scored = active
    .map((a, i) => ({ ...a, result: results[i] as InfluencerScore }))
    .sort(
      (a, b) =>
        (b.result.score ?? -1) - (a.result.score ?? -1) ||
        (a.influencer.handle < b.influencer.handle ? -1 : 1),
    );
  return { scored, idle, weights };
}
