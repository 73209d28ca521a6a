import { describe, expect, it } from "vitest";
import {
  DEMO_INFLUENCER_PLATFORMS,
  generateDemoInfluencers,
} from "../../src/core/demo-influencers";
import { INFLUENCER_TIERS, tierForFollowers } from "../../src/core/influencers/tiers";

const END = "2026-11-22";
const demo = generateDemoInfluencers({ tenantId: "local", endDay: END });

describe("generateDemoInfluencers", () => {
  it("is deterministic", () => {
    expect(generateDemoInfluencers({ tenantId: "local", endDay: END })).toEqual(demo);
  });

  it("has 60 influencers across four platforms and all five tiers, with consistent tiers", () => {
    expect(demo.influencers).toHaveLength(60);
    expect(new Set(demo.influencers.map((i) => i.platform))).toEqual(
      new Set(DEMO_INFLUENCER_PLATFORMS),
    );
    expect(new Set(demo.influencers.map((i) => i.tier))).toEqual(new Set(INFLUENCER_TIERS));
    for (const i of demo.influencers) {
      expect(i.tier).toBe(tierForFollowers(i.followers));
      expect(i.fake_follower_share).toBeGreaterThanOrEqual(0);
      expect(i.fake_follower_share).toBeLessThanOrEqual(1);
      expect(i.brand_fit).toBeGreaterThanOrEqual(0);
      expect(i.brand_fit).toBeLessThanOrEqual(1);
      expect(i.handle).toMatch(/^[a-z0-9.]+$/);
    }
    expect(new Set(demo.influencers.map((i) => i.handle)).size).toBe(60);
  });

  it("has 2,000 posts by known authors, before the end day, with hashtags in the stored form", () => {
    expect(demo.posts).toHaveLength(2000);
    const authors = new Set(demo.influencers.map((i) => `${i.platform}:${i.handle}`));
    for (const post of demo.posts) {
      expect(authors.has(`${post.platform}:${post.author_handle}`)).toBe(true);
      expect(post.posted_at < `${END}T00:00:00.000Z`).toBe(true);
      expect(post.hashtags).toMatch(/^[a-z0-9]+( [a-z0-9]+)*$/);
      expect(post.reach).toBeLessThanOrEqual(post.impressions);
      expect(post.conversions).toBeLessThanOrEqual(post.clicks);
    }
    expect(new Set(demo.posts.map((p) => p.id)).size).toBe(2000);
  });

  it("posts LinkedIn on weekdays and TikTok in the evening, and has viral outliers", () => {
    const weekday = (iso: string) => new Date(iso).getUTCDay(); // 0 = Sunday
    const linkedin = demo.posts.filter((p) => p.platform === "linkedin");
    const weekend = linkedin.filter((p) => [0, 6].includes(weekday(p.posted_at))).length;
    expect(weekend / linkedin.length).toBeLessThan(0.12);
    const tiktok = demo.posts.filter((p) => p.platform === "tiktok");
    const evening = tiktok.filter((p) => new Date(p.posted_at).getUTCHours() >= 17).length;
    expect(evening / tiktok.length).toBeGreaterThan(0.4);
    // Viral: reach far above what the author usually gets.
    const usual = new Map<string, number[]>();
    for (const p of demo.posts)
      usual.set(p.author_handle, [...(usual.get(p.author_handle) ?? []), p.reach]);
    const median = (xs: number[]) =>
      [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const viral = demo.posts.filter(
      (p) => p.reach > 6 * median(usual.get(p.author_handle) ?? [p.reach]),
    );
    expect(viral.length).toBeGreaterThanOrEqual(10);
    expect(viral.length).toBeLessThan(100);
  });
});
