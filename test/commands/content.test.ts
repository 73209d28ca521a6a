import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readChartMeta } from "../../src/charts/meta";
import { generateDemoInfluencers } from "../../src/core/demo-influencers";
import type { Post } from "../../src/store/schema";
import { type DemoServices, openDemoServices } from "../support/demo-services";

const { posts } = generateDemoInfluencers({ tenantId: "local", endDay: "2026-11-22" });
const between = (from: string, to: string) =>
  posts.filter((p) => p.posted_at >= from && p.posted_at < to);
/** Last 30 days and the 30 before, in UTC (the demo tenant's zone). */
const current = between("2026-10-24T00:00:00.000Z", "2026-11-23T00:00:00.000Z");
const previous = between("2026-09-24T00:00:00.000Z", "2026-10-24T00:00:00.000Z");
const engagements = (p: Post) => p.likes + p.comments + p.shares + p.saves;
const uses = (list: Post[], tag: string) =>
  list.filter((p) => p.hashtags.split(" ").includes(tag)).length;

let services: DemoServices;
beforeAll(async () => {
  services = await openDemoServices();
});
afterAll(() => services.close());

interface Cell {
  weekday: number;
  hour: number;
  posts: number;
  reach: number;
  engagements: number;
  engagement_rate: number | null;
}

describe("content", () => {
  it("aggregates the period's posts by type, category and posting time", async () => {
    const reply = await services.ask("content last 30d");
    const data = reply.data as {
      totals: { posts: number; engagements: number; engagement_rate: number };
      by_content_type: { key: string; posts: number; engagement_rate: number }[];
      posting_heatmap: { block_hours: number; cells: Cell[] };
    };
    expect(data.totals.posts).toBe(current.length);
    expect(data.totals.engagements).toBe(current.reduce((a, p) => a + engagements(p), 0));
    expect(data.by_content_type.reduce((a, g) => a + g.posts, 0)).toBe(current.length);
    const rates = data.by_content_type.map((g) => g.engagement_rate);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));

    // Heatmap: every post in exactly one cell, and one cell recomputed by hand from the posts.
    const { block_hours: block, cells } = data.posting_heatmap;
    expect(cells).toHaveLength(7 * (24 / block));
    expect(cells.reduce((a, c) => a + c.posts, 0)).toBe(current.length);
    const busiest = [...cells].sort((a, b) => b.posts - a.posts)[0] as Cell;
    const inCell = current.filter((p) => {
      const d = new Date(p.posted_at);
      const weekday = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
      return (
        weekday === busiest.weekday && Math.floor(d.getUTCHours() / block) * block === busiest.hour
      );
    });
    expect(busiest.posts).toBe(inCell.length);
    expect(busiest.reach).toBe(inCell.reduce((a, p) => a + p.reach, 0));
    expect(busiest.engagement_rate).toBeCloseTo(
      (inCell.reduce((a, p) => a + engagements(p), 0) / inCell.reduce((a, p) => a + p.reach, 0)) *
        100,
      10,
    );

    const heatmap = reply.charts?.find((c) => c.id === "posting-times");
    expect(readChartMeta(heatmap?.config as never)?.kind).toBe("heatmap");
    expect(heatmap?.png?.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(reply.charts?.map((c) => c.id)).toEqual([
      "engagement-by-content-type",
      "engagement-by-category",
      "posting-times",
      "trending-hashtags",
    ]);
  });

  it("measures hashtag growth against the period before and leaves disclosure tags out", async () => {
    const reply = await services.ask("content last 30d");
    const trending = reply.data.trending_hashtags as {
      tag: string;
      uses: number;
      previous_uses: number;
      uses_growth: number | null;
    }[];
    expect(trending.length).toBeGreaterThan(3);
    for (const h of trending.slice(0, 5)) {
      expect(h.uses).toBe(uses(current, h.tag));
      expect(h.previous_uses).toBe(uses(previous, h.tag));
      if (h.previous_uses > 0)
        expect(h.uses_growth).toBeCloseTo(((h.uses - h.previous_uses) / h.previous_uses) * 100, 10);
    }
    const all = reply.data.hashtags as { tag: string }[];
    expect(all.some((h) => ["ad", "sponsored", "partner"].includes(h.tag))).toBe(false);
  });

  it("flags viral posts as share outliers for their author, and velocity for recent posts", async () => {
    const reply = await services.ask("content last 30d");
    const viral = reply.data.viral_posts as { id: string; multiple: number; z: number }[];
    expect(viral.length).toBeGreaterThan(0);
    // Far fewer than all posts: outliers, not the top of a list.
    expect(viral.length).toBeLessThan(current.length * 0.1);
    for (const v of viral) expect(v.z).toBeGreaterThanOrEqual(3.5);
    const velocity = reply.data.engagement_velocity as {
      posts: number;
      fastest: { age_hours: number }[];
    };
    expect(velocity.posts).toBe(
      current.filter((p) => p.posted_at >= "2026-11-15T10:00:00.000Z").length,
    );
    for (const f of velocity.fastest) expect(f.age_hours).toBeLessThanOrEqual(168);
  });

  it("filters by platform and says so when a platform has no posts", async () => {
    const reply = await services.ask("content last 30d platform:tiktok");
    expect((reply.data.totals as { posts: number }).posts).toBe(
      current.filter((p) => p.platform === "tiktok").length,
    );
    const none = await services.ask("content last 30d platform:google");
    expect(none.ephemeral).toBe(true);
    expect((none.data.error as { code: string }).code).toBe("no_data");
  });
});

describe("best-times", () => {
  it("lists each platform's best slots with the evidence behind them", async () => {
    const reply = await services.ask("best-times last 90d");
    const platforms = reply.data.platforms as {
      platform: string;
      posts: number;
      engagement_rate: number;
      slots: {
        posts: number;
        adjusted_rate: number;
        engagement_rate: number;
        lift: number;
        beats_median: number;
      }[];
    }[];
    expect(platforms.map((p) => p.platform).sort()).toEqual([
      "facebook",
      "instagram",
      "linkedin",
      "tiktok",
    ]);
    const last90 = between("2026-08-25T00:00:00.000Z", "2026-11-23T00:00:00.000Z");
    for (const p of platforms) {
      expect(p.posts).toBe(last90.filter((x) => x.platform === p.platform).length);
      expect(p.slots.length).toBeLessThanOrEqual(3);
      const adjusted = p.slots.map((s) => s.adjusted_rate);
      expect(adjusted).toEqual([...adjusted].sort((a, b) => b - a));
      for (const s of p.slots) {
        expect(s.posts).toBeGreaterThanOrEqual(3);
        // Shrinkage pulls towards the platform's rate, never past it.
        expect(Math.abs(s.adjusted_rate - p.engagement_rate)).toBeLessThanOrEqual(
          Math.abs(s.engagement_rate - p.engagement_rate) + 1e-9,
        );
        expect(s.lift).toBeCloseTo((s.adjusted_rate / p.engagement_rate - 1) * 100, 8);
        expect(s.beats_median).toBeGreaterThanOrEqual(0);
      }
    }
    expect(reply.charts?.map((c) => c.id)).toEqual(["best-posting-times"]);
  });

  it("adds the platform's heatmap when one platform is asked for", async () => {
    const reply = await services.ask("best-times last 90d platform:instagram");
    expect(reply.charts?.map((c) => c.id)).toEqual(["best-posting-times", "best-times-heatmap"]);
    expect(reply.charts?.every((c) => c.png && !c.renderError)).toBe(true);
  });
});
