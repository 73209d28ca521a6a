import { describe, expect, it } from "vitest";
import { bestTimes } from "../../../src/core/content/best-times";
import { hashtagGrowth } from "../../../src/core/content/hashtag-growth";
import { performanceBy } from "../../../src/core/content/performance-by";
import { postHashtags, sumPosts } from "../../../src/core/content/post-totals";
import {
  blockHoursFor,
  hourLabel,
  postingHeatmap,
} from "../../../src/core/content/posting-heatmap";
import { engagementVelocity, velocity } from "../../../src/core/content/velocity";
import { viralPosts } from "../../../src/core/content/viral-posts";
import { post } from "./fixtures";

const eng = (likes: number) => ({ likes, comments: 0, shares: 0, saves: 0 });

describe("postingHeatmap", () => {
  // Paris is UTC+2 in July and UTC+1 in January: the grid must use the tenant's wall clock.
  const posts = [
    post({ posted_at: "2026-07-04T17:30:00.000Z", reach: 1000 }), // Sat 19:30 Paris, 50 engagements
    post({
      posted_at: "2026-07-04T18:10:00.000Z",
      reach: 3000,
      likes: 100,
      comments: 10,
      shares: 5,
      saves: 5,
    }), // Sat 20:10, 120
    post({ posted_at: "2026-07-05T22:30:00.000Z" }), // Mon 00:30 Paris (Sunday in UTC), 50
    post({ posted_at: "2026-01-10T18:30:00.000Z", ...eng(20) }), // Sat 19:30 Paris in winter, 20
  ];

  it("places posts by local weekday and hour block and pools each cell's engagement rate", () => {
    const map = postingHeatmap(posts, "Europe/Paris", 3);
    expect(map.rows).toEqual(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]);
    expect(map.columns).toHaveLength(8);
    expect(map.columns[6]).toBe("18:00");
    const saturdayEvening = map.cells[5]?.[6];
    // 3 posts, reach 1000 + 3000 + 1000, engagements 50 + 120 + 20 = 190 → 190 / 5000 = 3.8 %.
    expect(saturdayEvening).toMatchObject({
      weekday: 6,
      hour: 18,
      posts: 3,
      reach: 5000,
      engagements: 190,
    });
    expect(saturdayEvening?.engagement_rate).toBeCloseTo(3.8, 10);
    expect(saturdayEvening?.rates).toEqual([5, 4, 2]);
    expect(map.cells[0]?.[0]).toMatchObject({ weekday: 1, hour: 0, posts: 1, engagement_rate: 5 });
    // Every other cell is present and empty.
    const filled = map.cells.flat().filter((c) => c.posts > 0);
    expect(filled).toHaveLength(2);
    expect(
      map.cells
        .flat()
        .filter((c) => c.posts === 0)
        .every((c) => c.engagement_rate === null),
    ).toBe(true);
  });

  it("in UTC the same posts fall on Saturday 17:00/18:00 and Sunday 22:00", () => {
    const map = postingHeatmap(posts, "UTC", 1);
    expect(map.cells[5]?.[17]?.posts).toBe(1);
    expect(map.cells[5]?.[18]?.posts).toBe(2);
    expect(map.cells[6]?.[22]?.posts).toBe(1);
  });

  it("chooses coarser blocks for fewer posts and labels them", () => {
    expect(blockHoursFor(2000)).toBe(1);
    expect(blockHoursFor(900)).toBe(1);
    expect(blockHoursFor(500)).toBe(2);
    expect(blockHoursFor(300)).toBe(3);
    expect(blockHoursFor(10)).toBe(6);
    expect(hourLabel(18, 3)).toBe("18:00–21:00");
    expect(hourLabel(21, 3)).toBe("21:00–00:00");
  });
});

describe("performanceBy", () => {
  it("sums each group first and ranks by pooled engagement rate", () => {
    const posts = [
      post({
        posted_at: "2026-07-01T10:00:00.000Z",
        content_type: "reel",
        reach: 1000,
        ...eng(100),
      }),
      post({
        posted_at: "2026-07-01T11:00:00.000Z",
        content_type: "reel",
        reach: 9000,
        ...eng(100),
      }),
      post({
        posted_at: "2026-07-01T12:00:00.000Z",
        content_type: "image",
        reach: 1000,
        ...eng(50),
      }),
    ];
    const groups = performanceBy(posts, (p) => p.content_type);
    // reel: 200 / 10,000 = 2 % (not the 5.6 % an average of 10 % and 1.1 % would claim); image 5 %.
    expect(groups.map((g) => [g.key, g.posts, g.engagement_rate, g.engagements_per_post])).toEqual([
      ["image", 1, 5, 50],
      ["reel", 2, 2, 100],
    ]);
  });

  it("sums posts with DESIGN.md's rates", () => {
    const t = sumPosts([
      post({
        posted_at: "2026-07-01T10:00:00.000Z",
        impressions: 2000,
        clicks: 40,
        conversions: 2,
      }),
    ]);
    expect([t.engagements, t.engagement_rate, t.ctr, t.conversion_rate]).toEqual([50, 5, 2, 5]);
  });
});

describe("hashtagGrowth", () => {
  const at = "2026-07-01T10:00:00.000Z";
  const current = [
    post({ posted_at: at, hashtags: "glow skincare ad" }),
    post({ posted_at: at, hashtags: "#Glow, makeup" }),
    post({ posted_at: at, hashtags: "glow" }),
    post({ posted_at: at, hashtags: "makeup", likes: 90 }), // 100 engagements
    post({ posted_at: at, hashtags: "serum serum" }),
    post({ posted_at: at, hashtags: "serum" }),
  ];
  const previous = [
    post({ posted_at: at, hashtags: "skincare" }),
    post({ posted_at: at, hashtags: "skincare glow" }),
    post({ posted_at: at, hashtags: "makeup" }),
  ];

  it("counts uses against the period before: new tags first, then the biggest growth", () => {
    const rows = hashtagGrowth(current, previous, { minUses: 2, ignore: ["ad"] });
    expect(rows.map((r) => [r.tag, r.uses, r.previous_uses, r.uses_growth, r.is_new])).toEqual([
      ["serum", 2, 0, null, true],
      ["glow", 3, 1, 200, false], // (3 − 1) / 1
      ["makeup", 2, 1, 100, false], // (2 − 1) / 1
      ["skincare", 1, 2, -50, false], // below minUses: listed after the trending tags
    ]);
    const glow = rows.find((r) => r.tag === "glow");
    // 3 posts × 50 engagements now, 1 × 50 before.
    expect([glow?.engagements, glow?.previous_engagements, glow?.engagement_growth]).toEqual([
      150, 50, 200,
    ]);
    expect(rows.find((r) => r.tag === "makeup")?.engagements_per_post).toBe(75); // (50 + 100) / 2
    expect(rows.some((r) => r.tag === "ad")).toBe(false);
  });

  it("reads stored hashtags tolerantly", () => {
    expect(postHashtags({ hashtags: "skincare #GlowUp, skincare" })).toEqual([
      "skincare",
      "glowup",
    ]);
    expect(postHashtags({ hashtags: "" })).toEqual([]);
  });
});

describe("bestTimes", () => {
  // 2026-11-21 is a Saturday, 2026-11-16 a Monday, 2026-11-17 a Tuesday.
  const posts = [
    ...[0, 1, 2].map((i) =>
      post({ posted_at: `2026-11-21T18:0${i}:00.000Z`, reach: 1000, ...eng(100) }),
    ),
    ...[0, 1, 2].map((i) =>
      post({ posted_at: `2026-11-16T09:0${i}:00.000Z`, reach: 1000, ...eng(20) }),
    ),
    post({ posted_at: "2026-11-17T12:00:00.000Z", reach: 1000, ...eng(50) }),
    post({ posted_at: "2026-11-17T12:30:00.000Z", platform: "tiktok", reach: 1000, ...eng(50) }),
  ];

  it("ranks slots by the rate shrunk towards the platform's and shows the evidence", () => {
    const [instagram, tiktok] = bestTimes(posts, "UTC", {
      blockHours: 3,
      minPosts: 3,
      priorPosts: 5,
    });
    expect(instagram?.platform).toBe("instagram");
    expect(instagram?.posts).toBe(7);
    // 410 engagements / 7000 reach.
    expect(instagram?.engagement_rate).toBeCloseTo(5.857142857, 8);
    expect(instagram?.median_post_rate).toBe(5); // rates 10, 10, 10, 2, 2, 2, 5
    const [best, second] = instagram?.slots ?? [];
    expect(best).toMatchObject({
      weekday: 6,
      hour: 18,
      label: "Sat 18:00–21:00",
      posts: 3,
      engagement_rate: 10,
      beats_median: 100,
    });
    // (300 + 5 posts × 1000 reach × 5.857 %) / (3000 + 5000) = 592.857 / 8000 = 7.4107 %.
    expect(best?.adjusted_rate).toBeCloseTo(7.410714, 5);
    expect(best?.lift).toBeCloseTo(26.524, 2);
    expect(second).toMatchObject({
      label: "Mon 09:00–12:00",
      posts: 3,
      engagement_rate: 2,
      beats_median: 0,
    });
    expect(second?.adjusted_rate).toBeCloseTo(4.410714, 5); // (60 + 292.857) / 8000
    // Tuesday has one post: below minPosts, so not listed.
    expect(instagram?.slots).toHaveLength(2);
    expect(tiktok?.slots).toEqual([]);
  });
});

describe("velocity and viral posts", () => {
  const now = new Date("2026-11-22T10:00:00.000Z");

  it("divides by the post's age, capped at a week and floored at an hour", () => {
    expect(velocity(12, "2026-11-22T04:00:00.000Z", now)).toBe(2);
    expect(velocity(336, "2026-10-01T00:00:00.000Z", now)).toBe(2);
    expect(velocity(5, "2026-11-22T09:59:00.000Z", now)).toBe(5);
    expect(velocity(5, "2026-11-23T00:00:00.000Z", now)).toBeNull();
  });

  it("lists recent posts by engagements per hour and leaves settled ones out", () => {
    const rows = engagementVelocity(
      [
        post({
          posted_at: "2026-11-19T10:00:00.000Z",
          likes: 144,
          comments: 0,
          shares: 0,
          saves: 0,
        }), // 72 h → 2/h
        post({
          posted_at: "2026-11-22T04:00:00.000Z",
          likes: 60,
          comments: 0,
          shares: 0,
          saves: 0,
        }), // 6 h → 10/h
        post({ posted_at: "2026-11-10T10:00:00.000Z" }), // 12 days old: settled
      ],
      now,
    );
    expect(rows.map((r) => [r.age_hours, r.engagements_per_hour])).toEqual([
      [6, 10],
      [72, 2],
    ]);
  });

  it("flags a post sharing far faster than its author usually does", () => {
    const old = (shares: number, author = "mia") =>
      post({ posted_at: "2026-10-01T10:00:00.000Z", shares, author_handle: author });
    const posts = [9, 10, 10, 11, 12, 13, 200].map((s) => old(s));
    // A big account's ordinary posts are not viral: each is compared with its own author.
    posts.push(...[400, 420, 380, 410].map((s) => old(s, "mega")));
    const viral = viralPosts(posts, now);
    expect(viral).toHaveLength(1);
    expect(viral[0]?.shares).toBe(200);
    expect(viral[0]?.baseline).toBe("author");
    // Author median 11 shares per week: 200 / 11 = 18.2×.
    expect(viral[0]?.multiple).toBeCloseTo(200 / 11, 8);
    expect(viral[0]?.share_velocity).toBeCloseTo(200 / 168, 10);
  });
});
