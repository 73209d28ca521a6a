/** The factors of the influencer score, in display order. */
export const SCORE_FACTORS = ["engagement", "authenticity", "conversion", "roi", "brand"] as const;
export type ScoreFactor = (typeof SCORE_FACTORS)[number];

/** Relative weight per factor; only ratios matter (they are divided by their sum). */
export type ScoreWeights = Readonly<Record<ScoreFactor, number>>;

/**
 * Engagement quality 25 %, audience authenticity 25 %, conversion rate 30 %, cost efficiency
 * (ROI) 15 %, brand alignment 5 %.
 */
export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = Object.freeze({
  engagement: 25,
  authenticity: 25,
  conversion: 30,
  roi: 15,
  brand: 5,
});

export const FACTOR_LABELS: Readonly<Record<ScoreFactor, string>> = {
  engagement: "Engagement quality",
  authenticity: "Audience authenticity",
  conversion: "Conversion rate",
  roi: "Cost efficiency (ROI)",
  brand: "Brand alignment",
};

/** Words people type for each factor. */
const FACTOR_ALIASES: Readonly<Record<string, ScoreFactor>> = {
  engagement: "engagement",
  engagement_quality: "engagement",
  er: "engagement",
  authenticity: "authenticity",
  audience: "authenticity",
  audience_authenticity: "authenticity",
  conversion: "conversion",
  conversions: "conversion",
  conversion_rate: "conversion",
  cr: "conversion",
  roi: "roi",
  cost: "roi",
  cost_efficiency: "roi",
  efficiency: "roi",
  brand: "brand",
  brand_alignment: "brand",
  brand_fit: "brand",
  alignment: "brand",
};

/**
 * Checks weights: every factor present, finite and ≥ 0, with a positive sum. Returns a frozen copy.
 *
 * @example validateWeights({ ...DEFAULT_SCORE_WEIGHTS, roi: -1 }) // throws RangeError naming roi
 */
export function validateWeights(weights: Readonly<Record<string, unknown>>): ScoreWeights {
  const problems: string[] = [];
  const out = {} as Record<ScoreFactor, number>;
  for (const factor of SCORE_FACTORS) {
    const value = weights[factor];
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      problems.push(`${factor} must be a number ≥ 0 (got ${String(value)})`);
    } else {
      out[factor] = value;
    }
  }
  if (problems.length === 0 && SCORE_FACTORS.every((f) => out[f] === 0)) {
    problems.push("at least one weight must be above 0");
  }
  if (problems.length > 0) throw new RangeError(`Invalid score weights: ${problems.join("; ")}.`);
  return Object.freeze(out);
}

/**
 * Reads `factor=weight` pairs such as `engagement=30 roi=10%` (aliases like `cr`, `brand_fit`
 * accepted); factors not named keep their current weight. Throws a RangeError that lists the
 * factor names when a pair is malformed.
 *
 * @example parseWeightAssignments("conversion=40 brand=0") // { conversion: 40, brand: 0 }
 */
export function parseWeightAssignments(text: string): Partial<Record<ScoreFactor, number>> {
  const out: Partial<Record<ScoreFactor, number>> = {};
  const words = text
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (words.length === 0)
    throw new RangeError(`Give weights as factor=number, e.g. conversion=40.`);
  for (const word of words) {
    const match = /^([a-z_-]+)=(\d+(?:\.\d+)?)%?$/i.exec(word);
    const factor = match
      ? FACTOR_ALIASES[(match[1] ?? "").toLowerCase().replace(/-/g, "_")]
      : undefined;
    if (!match || !factor) {
      throw new RangeError(
        `"${word.slice(0, 40)}" is not factor=number. Factors: ${SCORE_FACTORS.join(", ")}.`,
      );
    }
    out[factor] = Number(match[2]);
  }
  return out;
}

/**
 * Weights as percentages of their sum, for display.
 *
 * @example weightShares({ engagement: 1, authenticity: 1, conversion: 2, roi: 0, brand: 0 }).conversion // 50
 */
export function weightShares(weights: ScoreWeights): Record<ScoreFactor, number> {
  const sum = SCORE_FACTORS.reduce((a, f) => a + weights[f], 0);
  return Object.fromEntries(
    SCORE_FACTORS.map((f) => [f, sum > 0 ? (weights[f] / sum) * 100 : 0]),
  ) as Record<ScoreFactor, number>;
}
