import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Influencer, Post } from "../../src/store/schema";
import type { Store } from "../../src/store/store";
import { engines } from "../support/test-stores";

const NOW = new Date("2026-03-10T12:00:00Z");

function influencer(
  tenant_id: string,
  platform: string,
  handle: string,
  followers: number,
  tier: string,
): Influencer {
  return {
    tenant_id,
    platform,
    handle,
    name: handle.toUpperCase(),
    followers,
    tier,
    cost_per_post: 250,
    fake_follower_share: 0.1,
    brand_fit: 0.7,
  };
}

function post(
  tenant_id: string,
  id: string,
  author: string,
  posted_at: string,
  cost: number | null,
): Post {
  return {
    tenant_id,
    id,
    platform: "instagram",
    author_handle: author,
    posted_at,
    content_type: "reel",
    category: null,
    hashtags: "skincare ad",
    impressions: 3_000_000_000, // beyond 32-bit: the columns are bigint
    reach: 900,
    likes: 40,
    comments: 3,
    shares: 1,
    saves: 2,
    clicks: 20,
    conversions: 1,
    revenue: 59.9,
    cost,
  };
}

describe.each(engines)("influencers and posts repositories on $name", (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await engine.open();
    for (const id of ["a", "b"]) {
      await store.tenants.ensure({ id, name: id, timezone: "UTC", currency: "USD" }, NOW);
    }
    await store.influencers.upsertMany([
      influencer("a", "instagram", "mia.glow", 25_000, "micro"),
      influencer("a", "tiktok", "mia.glow", 2_500_000, "mega"),
      influencer("a", "tiktok", "leo.fit", 8_000, "nano"),
      influencer("b", "instagram", "mia.glow", 1, "nano"),
    ]);
    await store.posts.upsertMany([
      post("a", "p1", "mia.glow", "2026-03-01T18:00:00.000Z", 300),
      post("a", "p2", "mia.glow", "2026-03-05T18:00:00.000Z", null),
      post("a", "p3", "leo.fit", "2026-03-09T23:59:59.000Z", 100),
      post("b", "p1", "mia.glow", "2026-03-02T18:00:00.000Z", 1),
    ]);
  });
  afterEach(() => store.close());

  it("lists a tenant's influencers by platform and handle, with filters, as numbers", async () => {
    const all = await store.influencers.list("a");
    expect(all.map((i) => `${i.platform}:${i.handle}`)).toEqual([
      "instagram:mia.glow",
      "tiktok:leo.fit",
      "tiktok:mia.glow",
    ]);
    expect(typeof all[2]?.followers).toBe("number");
    expect(all[2]?.followers).toBe(2_500_000);
    expect(
      (await store.influencers.list("a", { platform: "tiktok", tier: "nano" })).map(
        (i) => i.handle,
      ),
    ).toEqual(["leo.fit"]);
    expect(await store.influencers.get("a", "instagram", "mia.glow")).toMatchObject({
      followers: 25_000,
      tier: "micro",
    });
    expect(await store.influencers.get("b", "tiktok", "mia.glow")).toBeUndefined();
    expect(await store.influencers.count("a")).toBe(3);
  });

  it("upserts influencers by (tenant, platform, handle)", async () => {
    await store.influencers.upsertMany([
      { ...influencer("a", "tiktok", "leo.fit", 12_000, "micro"), brand_fit: 0.9 },
    ]);
    expect(await store.influencers.get("a", "tiktok", "leo.fit")).toMatchObject({
      followers: 12_000,
      tier: "micro",
      brand_fit: 0.9,
    });
    expect(await store.influencers.count("a")).toBe(3);
  });

  it("refuses an unknown tier or a share outside 0–1", async () => {
    await expect(
      store.influencers.upsertMany([influencer("a", "x", "y", 1, "giga")]),
    ).rejects.toThrow();
    await expect(
      store.influencers.upsertMany([
        { ...influencer("a", "x", "z", 1, "nano"), fake_follower_share: 1.2 },
      ]),
    ).rejects.toThrow();
  });

  it("reads posts in a time range for one tenant, oldest first, with nullable cost", async () => {
    const posts = await store.posts.listBetween("a", {
      from: "2026-03-01T00:00:00.000Z",
      to: "2026-03-09T00:00:00.000Z",
    });
    expect(posts.map((p) => p.id)).toEqual(["p1", "p2"]);
    expect(posts[0]).toMatchObject({
      impressions: 3_000_000_000,
      revenue: 59.9,
      cost: 300,
      hashtags: "skincare ad",
    });
    expect(posts[1]?.cost).toBeNull();
    const byAuthor = await store.posts.listBetween(
      "a",
      { from: "2026-01-01T00:00:00.000Z", to: "2026-04-01T00:00:00.000Z" },
      { authors: ["leo.fit"] },
    );
    expect(byAuthor.map((p) => p.id)).toEqual(["p3"]);
    expect(
      await store.posts.listBetween(
        "a",
        { from: "2026-01-01T00:00:00.000Z", to: "2026-04-01T00:00:00.000Z" },
        { authors: [] },
      ),
    ).toEqual([]);
    expect(await store.posts.count("b")).toBe(1);
  });

  it("keeps per-tenant score weights, and resets them", async () => {
    expect(await store.influencers.scoreWeights("a")).toBeUndefined();
    const weights = { engagement: 10, authenticity: 20, conversion: 50, roi: 15, brand: 5 };
    await store.influencers.setScoreWeights("a", weights, "local:admin", NOW);
    await store.influencers.setScoreWeights("a", { ...weights, roi: 0 }, "local:admin", NOW);
    expect(await store.influencers.scoreWeights("a")).toMatchObject({
      ...weights,
      roi: 0,
      updated_by: "local:admin",
    });
    expect(await store.influencers.scoreWeights("b")).toBeUndefined();
    await expect(
      store.influencers.setScoreWeights(
        "b",
        { engagement: 0, authenticity: 0, conversion: 0, roi: 0, brand: 0 },
        "x",
        NOW,
      ),
    ).rejects.toThrow();
    await store.influencers.resetScoreWeights("a");
    expect(await store.influencers.scoreWeights("a")).toBeUndefined();
  });
});
