import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readChartMeta } from "../../src/charts/meta";
import { generateDemoInfluencers } from "../../src/core/demo-influencers";
import { type DemoServices, openDemoServices } from "../support/demo-services";

const demo = generateDemoInfluencers({ tenantId: "local", endDay: "2026-11-22" });

interface Row {
  rank: number;
  handle: string;
  platform: string;
  score: number;
  segment: string;
  posts: number;
  reach: number;
  cost: number;
}

let services: DemoServices;
beforeAll(async () => {
  services = await openDemoServices();
});
afterAll(() => services.close());

describe("influencers ranking", () => {
  it("ranks the top N by score with the ranking and the cost-vs-score bubble chart", async () => {
    const reply = await services.ask("influencers top 5 last 90d");
    const rows = reply.data.influencers as Row[];
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    const scores = rows.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const r of rows) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
      expect(r.segment).toBe(r.score >= 70 ? "High" : r.score >= 40 ? "Medium" : "Low");
    }
    // Reach and post counts are the demo posts' own sums over the period.
    const best = rows[0] as Row;
    const own = demo.posts.filter(
      (p) =>
        p.author_handle === best.handle &&
        p.platform === best.platform &&
        p.posted_at >= "2026-08-25",
    );
    expect(best.posts).toBe(own.length);
    expect(best.reach).toBe(own.reduce((a, p) => a + p.reach, 0));
    expect(reply.charts?.map((c) => c.id)).toEqual([
      "influencer-ranking",
      "influencer-cost-vs-score",
    ]);
    const bubble = reply.charts?.[1];
    expect(bubble?.config.type).toBe("bubble");
    expect(bubble?.png?.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(readChartMeta(bubble?.config as never)?.display.flat().length).toBe(reply.data.scored);
    const segments = reply.data.segments as { High: number; Medium: number; Low: number };
    expect(segments.High + segments.Medium + segments.Low).toBe(reply.data.scored);
    expect(reply.data.custom_weights).toBe(false);
  });

  it("filters by platform without changing anyone's score", async () => {
    const all = (await services.ask("influencers top 50 last 90d")).data.influencers as Row[];
    const tiktok = (await services.ask("influencers top 50 platform:tiktok last 90d")).data
      .influencers as Row[];
    expect(tiktok.length).toBeGreaterThan(3);
    expect(tiktok.every((r) => r.platform === "tiktok")).toBe(true);
    // The overall top 50 leaves out the ten lowest of 60: compare those it holds.
    const shared = tiktok.filter((r) => all.some((a) => a.handle === r.handle));
    expect(shared.length).toBeGreaterThan(10);
    for (const r of shared) expect(all.find((a) => a.handle === r.handle)?.score).toBe(r.score);
  });

  it("shows one influencer by @handle with factor scores", async () => {
    const handle = demo.influencers.find((i) => i.platform === "instagram")?.handle as string;
    const reply = await services.ask(`influencers @${handle} last 90d`);
    const data = reply.data.influencer as {
      handle: string;
      factor_scores: Record<string, number | null>;
    };
    expect(data.handle).toBe(handle);
    expect(Object.keys(data.factor_scores)).toEqual([
      "engagement",
      "authenticity",
      "conversion",
      "roi",
      "brand",
    ]);
    expect(reply.charts?.map((c) => c.id)).toEqual(["influencer-factors"]);
    expect(reply.title).toContain(`@${handle}`);
  });
});

describe("influencers bad input", () => {
  it("answers an unknown @handle with the closest handles", async () => {
    const handle = demo.influencers[0]?.handle as string;
    const typo = `${handle.slice(0, -1)}x`;
    const reply = await services.ask(`influencers @${typo}`);
    expect((reply.data.error as { code: string }).code).toBe("unknown_influencer");
    expect(reply.text).toContain(`Closest handles: @${handle}`);
  });

  it.each([
    ["influencers top 0", "invalid_n", /from 1 to 50/],
    ["influencers top 51", "invalid_n", /from 1 to 50/],
    ["influencers top ten", "invalid_n", /N must be a whole number from 1 to 50/],
    ["influencers platform:myspace", "unknown_platform", /Valid platforms/],
  ])("%s → %s", async (text, code, message) => {
    const reply = await services.ask(text);
    expect(reply.ephemeral).toBe(true);
    expect((reply.data.error as { code: string }).code).toBe(code);
    expect(reply.text).toMatch(message);
  });
});

describe("influencer score weights", () => {
  it("shows the defaults to anyone, and lets only the console change them", async () => {
    const shown = await services.ask("influencers weights", { platform: "slack" });
    expect(shown.data.weights).toEqual({
      engagement: 25,
      authenticity: 25,
      conversion: 30,
      roi: 15,
      brand: 5,
    });
    const refused = await services.ask("influencers weights conversion=90", { platform: "slack" });
    expect((refused.data.error as { code: string }).code).toBe("not_allowed");
    expect(refused.text).toContain("adpulse ask --tenant local");
    const bad = await services.ask("influencers weights charisma=3");
    expect((bad.data.error as { code: string }).code).toBe("invalid_weights");
  });

  it("stores a tenant's weights, scores with them, and resets them", async () => {
    const before = (await services.ask("influencers top 50 last 90d")).data.influencers as Row[];
    const set = await services.ask(
      "influencers weights engagement=0 authenticity=0 conversion=0 roi=100 brand=0",
    );
    expect(set.data).toMatchObject({ custom: true, weights: { roi: 100, conversion: 0 } });
    const after = await services.ask("influencers top 50 last 90d");
    expect(after.data.custom_weights).toBe(true);
    const rows = after.data.influencers as (Row & { factor_scores: { roi: number | null } })[];
    // With ROI alone, the score is the ROI factor score.
    for (const r of rows)
      if (r.factor_scores.roi !== null) expect(r.score).toBeCloseTo(r.factor_scores.roi, 9);
    expect(rows.map((r) => r.handle)).not.toEqual(before.map((r) => r.handle));
    await services.ask("influencers weights reset");
    const reset = await services.ask("influencers top 50 last 90d");
    expect((reset.data.influencers as Row[]).map((r) => r.score)).toEqual(
      before.map((r) => r.score),
    );
  });
});
