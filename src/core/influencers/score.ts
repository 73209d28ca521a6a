import type { RawFactors } from "./factors";
import { normalizedScore, type RobustScale, robustScale } from "./robust-scale";
import { type PerformerSegment, segmentFor } from "./segments";
import {
  DEFAULT_SCORE_WEIGHTS,
  SCORE_FACTORS,
  type ScoreFactor,
  type ScoreWeights,
} from "./weights";

/** One influencer to score: where it competes (platform, tier) and its raw factors. */
export interface ScoreInput {
  /** Identifies the influencer in the output, e.g. `instagram:anna.styles`. */
  key: string;
  platform: string;
  tier: string;
  factors: RawFactors;
}

export interface InfluencerScore {
  key: string;
  /** 0–100; null when no factor has a value. */
  score: number | null;
  segment: PerformerSegment | null;
  /** Each factor's normalised score, 0–100 (null when the raw factor is undefined). */
  factorScores: Record<ScoreFactor, number | null>;
  /** Whom the influencer was compared with: `instagram · micro`, `instagram` or `all`. */
  comparedWith: string;
}

export interface ScoreOptions {
  /** Smallest peer group to normalise within; smaller groups widen to the platform, then to all. */
  minGroupSize?: number;
}

export const DEFAULT_MIN_GROUP_SIZE = 5;

/**
 * Scores influencers 0–100 as the weighted mean of their factor scores, each factor normalised
 * robustly within the influencer's platform and tier ({@link normalizedScore}: median → 50), so a
 * nano creator is judged against nano creators on the same platform, not against a celebrity.
 * A (platform, tier) group with fewer than `minGroupSize` influencers is too small for a median
 * to mean much: its members are compared with their whole platform (every tier), or with
 * everyone if the platform is still too small. A factor without a value (no clicks, so no conversion rate) is left out and
 * the remaining weights are re-normalised.
 *
 * @example
 * scoreInfluencers(inputs, { ...DEFAULT_SCORE_WEIGHTS, conversion: 50 })[0]
 * // { key: "instagram:anna", score: 71.3, segment: "High", factorScores: {…}, comparedWith: "instagram · micro" }
 */
export function scoreInfluencers(
  inputs: readonly ScoreInput[],
  weights: ScoreWeights = DEFAULT_SCORE_WEIGHTS,
  options: ScoreOptions = {},
): InfluencerScore[] {
  const minGroup = options.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  const count = (key: (i: ScoreInput) => string) => {
    const counts = new Map<string, number>();
    for (const input of inputs) counts.set(key(input), (counts.get(key(input)) ?? 0) + 1);
    return counts;
  };
  const byTier = count((i) => `${i.platform} · ${i.tier}`);
  const byPlatform = count((i) => i.platform);
  const groupOf = (input: ScoreInput) => {
    const tier = `${input.platform} · ${input.tier}`;
    if ((byTier.get(tier) ?? 0) >= minGroup) return tier;
    if ((byPlatform.get(input.platform) ?? 0) >= minGroup) return input.platform;
    return "all";
  };
  const groups = inputs.map(groupOf);
  const inGroup = (input: ScoreInput, group: string) =>
    group === "all" || group === input.platform || group === `${input.platform} · ${input.tier}`;
  const scales = new Map<string, RobustScale>();
  const scaleFor = (group: string, factor: ScoreFactor) => {
    const key = `${group}\u0000${factor}`;
    let scale = scales.get(key);
    if (!scale) {
      const values: number[] = [];
      for (const input of inputs) {
        const value = input.factors[factor];
        if (value !== null && Number.isFinite(value) && inGroup(input, group)) values.push(value);
      }
      scale = robustScale(values);
      scales.set(key, scale);
    }
    return scale;
  };

  return inputs.map((input, i) => {
    const group = groups[i] as string;
    const factorScores = {} as Record<ScoreFactor, number | null>;
    let weighted = 0;
    let weightSum = 0;
    for (const factor of SCORE_FACTORS) {
      const value = input.factors[factor];
      if (value === null || !Number.isFinite(value)) {
        factorScores[factor] = null;
        continue;
      }
      const normalised = normalizedScore(value, scaleFor(group, factor));
      factorScores[factor] = normalised * 100;
      weighted += weights[factor] * normalised;
      weightSum += weights[factor];
    }
    const score = weightSum > 0 ? (weighted / weightSum) * 100 : null;
    return {
      key: input.key,
      score,
      segment: score === null ? null : segmentFor(score),
      factorScores,
      comparedWith: group,
    };
  });
}
