export const PERFORMER_SEGMENTS = ["High", "Medium", "Low"] as const;
export type PerformerSegment = (typeof PERFORMER_SEGMENTS)[number];

/** Score from which an influencer is a High performer; Medium from MEDIUM_FROM. */
export const HIGH_FROM = 70;
export const MEDIUM_FROM = 40;

/**
 * The performer segment for a 0–100 score. A group's median influencer scores about 50, so High
 * means clearly above their peers on most weighted factors and Low clearly below.
 *
 * @example segmentFor(72.5) // "High"
 * @example segmentFor(39.9) // "Low"
 */
export function segmentFor(score: number): PerformerSegment {
  if (score >= HIGH_FROM) return "High";
  if (score >= MEDIUM_FROM) return "Medium";
  return "Low";
}
