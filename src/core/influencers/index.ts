/** Influencer scoring (pure: no I/O, no clock). */
export {
  ENGAGEMENT_QUALITY_WEIGHTS,
  type InfluencerProfile,
  influencerFactors,
  type PostMetrics,
  type PostTotals,
  type RawFactors,
} from "./factors";
export {
  median,
  normalizedScore,
  type RobustScale,
  robustScale,
  Z_LIMIT,
} from "./robust-scale";
export {
  DEFAULT_MIN_GROUP_SIZE,
  type InfluencerScore,
  type ScoreInput,
  type ScoreOptions,
  scoreInfluencers,
} from "./score";
export {
  HIGH_FROM,
  MEDIUM_FROM,
  PERFORMER_SEGMENTS,
  type PerformerSegment,
  segmentFor,
} from "./segments";
export {
  INFLUENCER_TIERS,
  type InfluencerTier,
  TIER_MIN_FOLLOWERS,
  tierForFollowers,
} from "./tiers";
export {
  DEFAULT_SCORE_WEIGHTS,
  FACTOR_LABELS,
  parseWeightAssignments,
  SCORE_FACTORS,
  type ScoreFactor,
  type ScoreWeights,
  validateWeights,
  weightShares,
} from "./weights";
