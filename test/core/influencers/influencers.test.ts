import { describe, expect, it } from "vitest";
import {
  influencerFactors,
  type PostMetrics,
  type RawFactors,
} from "../../../src/core/influencers/factors";
import { normalizedScore, robustScale } from "../../../src/core/influencers/robust-scale";
import { scoreInfluencers } from "../../../src/core/influencers/score";
import { segmentFor } from "../../../src/core/influencers/segments";
import { tierForFollowers } from "../../../src/core/influencers/tiers";
import {
  DEFAULT_SCORE_WEIGHTS,
  parseWeightAssignments,
  validateWeights,
  weightShares,
} from "../../../src/core/influencers/weights";
import { median } from "../../../src/core/stats";

describe("tiers", () => {
  it("cuts at 10K, 50K, 500K and 1M followers", () => {
    expect(
      [0, 9_999, 10_000, 49_999, 50_000, 499_999, 500_000, 999_999, 1_000_000].map(
        tierForFollowers,
      ),
    ).toEqual(["nano", "nano", "micro", "micro", "mid", "mid", "macro", "macro", "mega"]);
    expect(() => tierForFollowers(-1)).toThrow(RangeError);
  });
});

describe("weights", () => {
  it("defaults to 25 / 25 / 30 / 15 / 5", () => {
    expect(weightShares(DEFAULT_SCORE_WEIGHTS)).toEqual({
      engagement: 25,
      authenticity: 25,
      conversion: 30,
      roi: 15,
      brand: 5,
    });
  });

  it("reads factor=number pairs with aliases and refuses anything else, naming the factors", () => {
    expect(parseWeightAssignments("cr=40 brand_fit=0 cost-efficiency=10%")).toEqual({
      conversion: 40,
      brand: 0,
      roi: 10,
    });
    expect(() => parseWeightAssignments("charisma=10")).toThrow(
      /Factors: engagement, authenticity, conversion, roi, brand/,
    );
    expect(() => parseWeightAssignments("")).toThrow(RangeError);
  });

  it("needs every factor ≥ 0 and a positive sum", () => {
    expect(() => validateWeights({ ...DEFAULT_SCORE_WEIGHTS, roi: -1 })).toThrow(
      /roi must be a number ≥ 0/,
    );
    expect(() =>
      validateWeights({ engagement: 0, authenticity: 0, conversion: 0, roi: 0, brand: 0 }),
    ).toThrow(/above 0/);
    expect(Object.isFrozen(validateWeights(DEFAULT_SCORE_WEIGHTS))).toBe(true);
  });
});

describe("robust normalisation", () => {
  it("uses the median and 1.4826 × MAD, clamping z to ±2", () => {
    expect(median([3, 1, 10, 2])).toBe(2.5);
    const scale = robustScale([1, 2, 3, 4, 10]); // median 3, |deviations| 2 1 0 1 7 → MAD 1
    expect(scale).toEqual({ center: 3, spread: 1.4826 });
    expect(normalizedScore(10, scale)).toBe(1); // z = 4.72, clamped
    expect(normalizedScore(3, scale)).toBe(0.5);
    expect(normalizedScore(1, scale)).toBeCloseTo((-2 / 1.4826 + 2) / 4, 12); // 0.1628
  });

  it("falls back to the mean absolute deviation when most values are equal", () => {
    const scale = robustScale([5, 5, 5, 5, 9]); // MAD 0; mean |dev| = 0.8 → × 1.2533
    expect(scale.spread).toBeCloseTo(0.8 * 1.2533, 12);
    expect(normalizedScore(9, scale)).toBe(1);
    expect(normalizedScore(5, robustScale([5, 5, 5]))).toBe(0.5);
  });
});

describe("influencerFactors", () => {
  const post = (over: Partial<PostMetrics>): PostMetrics => ({
    impressions: 0,
    reach: 0,
    likes: 0,
    comments: 0,
    shares: 0,
    saves: 0,
    clicks: 0,
    conversions: 0,
    revenue: 0,
    cost: null,
    ...over,
  });

  it("derives the five raw factors from summed posts", () => {
    const { factors, totals } = influencerFactors(
      {
        platform: "instagram",
        handle: "a",
        followers: 20_000,
        tier: "micro",
        cost_per_post: 300,
        fake_follower_share: 0.1,
        brand_fit: 0.8,
      },
      [
        post({
          impressions: 1500,
          reach: 1000,
          likes: 50,
          comments: 5,
          shares: 2,
          saves: 3,
          clicks: 40,
          conversions: 2,
          revenue: 500,
          cost: 200,
        }),
        post({
          impressions: 1500,
          reach: 1000,
          likes: 30,
          comments: 0,
          shares: 0,
          saves: 1,
          clicks: 60,
          conversions: 3,
          revenue: 250,
        }),
      ],
    );
    // weighted engagements: 50 + 2·5 + 3·2 + 3·3 + 30 + 3·1 = 108 over 2,000 reached.
    expect(factors.engagement).toBeCloseTo(5.4, 12);
    expect(factors.authenticity).toBeCloseTo(90, 12);
    expect(factors.conversion).toBe(5); // 5 conversions / 100 clicks
    // cost 200 + 300 (no invoice: cost per post) = 500; (750 − 500) / 500.
    expect(factors.roi).toBe(50);
    expect(factors.brand).toBe(80);
    expect(totals).toMatchObject({
      posts: 2,
      reach: 2000,
      engagements: 91,
      cost: 500,
      revenue: 750,
    });
  });

  it("leaves undefined ratios null", () => {
    const { factors } = influencerFactors(
      {
        platform: "tiktok",
        handle: "b",
        followers: 1,
        tier: "nano",
        cost_per_post: 0,
        fake_follower_share: 0,
        brand_fit: 0.5,
      },
      [post({})],
    );
    expect(factors).toMatchObject({
      engagement: null,
      conversion: null,
      roi: null,
      authenticity: 100,
      brand: 50,
    });
  });
});

describe("scoreInfluencers", () => {
  const peers: [string, RawFactors][] = [
    ["a", { engagement: 1, authenticity: 90, conversion: 2, roi: 50, brand: 80 }],
    ["b", { engagement: 2, authenticity: 90, conversion: 3, roi: 100, brand: 60 }],
    ["c", { engagement: 3, authenticity: 90, conversion: 4, roi: 150, brand: 70 }],
    ["d", { engagement: 4, authenticity: 90, conversion: 5, roi: null, brand: 50 }],
    ["e", { engagement: 10, authenticity: 60, conversion: 6, roi: 0, brand: 90 }],
  ];
  const inputs = [
    ...peers.map(([key, factors]) => ({ key, platform: "instagram", tier: "micro", factors })),
    { key: "solo", platform: "tiktok", tier: "mega", factors: peers[2]?.[1] as RawFactors },
  ];
  const scores = Object.fromEntries(scoreInfluencers(inputs).map((s) => [s.key, s]));
  const n = (z: number) => Math.min(1, Math.max(0, (z + 2) / 4));

  it("normalises each factor within platform and tier, by hand", () => {
    // engagement: median 3, σ = 1.4826 · MAD(1) ; conversion: median 4, σ = 1.4826
    // authenticity: MAD 0 → σ = 1.2533 · mean|dev| = 1.2533 · 6; roi (d has none): median of
    // 0, 50, 100, 150 = 75, MAD 50 → σ = 74.13; brand: median 70, MAD 10 → σ = 14.826.
    const a = scores.a?.factorScores;
    expect(a?.engagement).toBeCloseTo(100 * n(-2 / 1.4826), 9);
    expect(a?.authenticity).toBeCloseTo(50, 12);
    expect(a?.conversion).toBeCloseTo(100 * n(-2 / 1.4826), 9);
    expect(a?.roi).toBeCloseTo(100 * n(-25 / 74.13), 9);
    expect(a?.brand).toBeCloseTo(100 * n(10 / 14.826), 9);
    expect(scores.e?.factorScores.authenticity).toBe(0); // z = −30 / 7.52 = −4, clamped
    expect(scores.d?.factorScores.roi).toBeNull();
    expect(scores.a?.comparedWith).toBe("instagram · micro");
  });

  it("weights 25/25/30/15/5 and re-normalises over the factors present", () => {
    const a =
      0.25 * n(-2 / 1.4826) +
      0.25 * 0.5 +
      0.3 * n(-2 / 1.4826) +
      0.15 * n(-25 / 74.13) +
      0.05 * n(10 / 14.826);
    expect(scores.a?.score).toBeCloseTo(100 * a, 9); // ≈ 31.0
    expect(scores.a?.segment).toBe("Low");
    // d has no ROI: the other four weights (85) carry the score.
    const d = (25 * n(1 / 1.4826) + 25 * 0.5 + 30 * n(1 / 1.4826) + 5 * n(-20 / 14.826)) / 85;
    expect(scores.d?.score).toBeCloseTo(100 * d, 9); // ≈ 58.9
    expect(scores.d?.segment).toBe("Medium");
  });

  it("compares an influencer without enough tier peers with its platform, then with everyone", () => {
    expect(scores.solo?.comparedWith).toBe("all");
    // Among all six it sits at the median of every factor but ROI: ROIs 0, 50, 100, 150, 150 →
    // median 100, MAD 50 (σ 74.13), so its 150 scores n(50 / 74.13).
    expect(scores.solo?.score).toBeCloseTo(100 * (0.85 * 0.5 + 0.15 * n(50 / 74.13)), 9);
  });

  it("applies a tenant's weights", () => {
    const onlyConversion = scoreInfluencers(inputs, {
      engagement: 0,
      authenticity: 0,
      conversion: 1,
      roi: 0,
      brand: 0,
    });
    expect(onlyConversion.find((s) => s.key === "e")?.score).toBeCloseTo(100 * n(2 / 1.4826), 9);
  });

  it("segments at 70 and 40", () => {
    expect([70, 69.99, 40, 39.99].map(segmentFor)).toEqual(["High", "Medium", "Medium", "Low"]);
  });
});
