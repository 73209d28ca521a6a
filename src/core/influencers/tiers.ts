/** Influencer tiers by follower count, smallest first. */
export const INFLUENCER_TIERS = ["nano", "micro", "mid", "macro", "mega"] as const;
export type InfluencerTier = (typeof INFLUENCER_TIERS)[number];

/**
 * Lowest follower count of each tier (the usual industry cut-offs: nano under 10K, micro 10K–50K,
 * mid 50K–500K, macro 500K–1M, mega 1M and more).
 */
export const TIER_MIN_FOLLOWERS: Readonly<Record<InfluencerTier, number>> = {
  nano: 0,
  micro: 10_000,
  mid: 50_000,
  macro: 500_000,
  mega: 1_000_000,
};

/**
 * The tier for a follower count. Importers store it with the influencer so SQL can filter by it;
 * this function is the one definition.
 *
 * @example tierForFollowers(48_000) // "micro"
 * @example tierForFollowers(1_000_000) // "mega"
 */
export function tierForFollowers(followers: number): InfluencerTier {
  if (!Number.isFinite(followers) || followers < 0) {
    throw new RangeError(`followers must be a number ≥ 0 (got ${followers})`);
  }
  let tier: InfluencerTier = "nano";
  for (const candidate of INFLUENCER_TIERS) {
    if (followers >= TIER_MIN_FOLLOWERS[candidate]) tier = candidate;
  }
  return tier;
}
