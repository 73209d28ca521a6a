import { describe, expect, it } from "vitest";
import {
  bucketDays,
  totalsBy,
  totalsByCampaign,
  totalsByPlatform,
  totalsByType,
} from "../../src/core/aggregate";
import { emptyTotals, sumTotals } from "../../src/core/kpis";
import type { MetricTotals } from "../../src/store/schema";

type Row = MetricTotals & { campaign_id: string; day: string };

function row(campaign_id: string, day: string, t: Partial<MetricTotals>): Row {
  return { ...emptyTotals(), ...t, campaign_id, day };
}

// 2026-02-02, 2026-02-09, 2026-02-16, 2026-02-23 and 2026-03-02 are Mondays.
const rows: Row[] = [
  row("c1", "2026-02-02", {
    spend: 10,
    impressions: 1000,
    reach: 800,
    clicks: 10,
    engagements: 20,
    conversions: 1,
    revenue: 30,
  }),
  row("c1", "2026-02-03", {
    spend: 20,
    impressions: 2000,
    reach: 1500,
    clicks: 30,
    engagements: 40,
    conversions: 2,
    revenue: 50,
  }),
  row("c2", "2026-02-03", {
    spend: 5,
    impressions: 3000,
    reach: 2000,
    clicks: 15,
    engagements: 90,
  }),
  row("c3", "2026-02-17", { spend: 7.5, impressions: 500, reach: 400, clicks: 5, engagements: 10 }),
  row("c1", "2026-03-02", {
    spend: 12.25,
    impressions: 1200,
    reach: 1000,
    clicks: 12,
    engagements: 12,
    conversions: 1,
    revenue: 40,
  }),
];

const campaigns = [
  { id: "c1", platform: "facebook", type: "conversion" },
  { id: "c2", platform: "tiktok", type: "awareness" },
  { id: "c3", platform: "facebook", type: "awareness" },
  { id: "c4", platform: "linkedin", type: "conversion" }, // no rows
] as const;

const c1 = {
  spend: 42.25,
  impressions: 4200,
  reach: 3300,
  clicks: 52,
  engagements: 72,
  conversions: 4,
  revenue: 120,
};

describe("totalsBy", () => {
  it("groups by any key in first-seen order", () => {
    const weekend = totalsBy(rows, (r) => (r.day === "2026-02-17" ? "tue-17" : "other"));
    expect([...weekend.keys()]).toEqual(["other", "tue-17"]);
    expect(weekend.get("tue-17")?.spend).toBe(7.5);
    expect(weekend.get("other")?.clicks).toBe(67); // 10 + 30 + 15 + 12
  });
});

describe("totals by campaign, platform and type", () => {
  const perCampaign = totalsByCampaign(rows);

  it("sums each campaign's rows", () => {
    expect(perCampaign.get("c1")).toEqual(c1);
    expect(perCampaign.get("c3")?.spend).toBe(7.5);
    expect(perCampaign.has("c4")).toBe(false);
  });

  it("sums campaigns per platform in PLATFORMS order, including platforms without rows", () => {
    const byPlatform = totalsByPlatform(perCampaign, campaigns);
    expect([...byPlatform.keys()]).toEqual(["facebook", "tiktok", "linkedin"]);
    expect(byPlatform.get("facebook")).toEqual({
      spend: 49.75, // 42.25 + 7.5
      impressions: 4700,
      reach: 3700,
      clicks: 57,
      engagements: 82,
      conversions: 4,
      revenue: 120,
    });
    expect(byPlatform.get("tiktok")?.impressions).toBe(3000);
    expect(byPlatform.get("linkedin")).toEqual(emptyTotals());
    expect(byPlatform.has("instagram")).toBe(false);
  });

  it("sums campaigns per type in CAMPAIGN_TYPES order", () => {
    const byType = totalsByType(perCampaign, campaigns);
    expect([...byType.keys()]).toEqual(["awareness", "conversion"]);
    expect(byType.get("awareness")).toEqual({
      spend: 12.5,
      impressions: 3500,
      reach: 2400,
      clicks: 20,
      engagements: 100,
      conversions: 0,
      revenue: 0,
    });
    expect(byType.get("conversion")).toEqual(c1);
  });

  it("ignores totals of campaigns not in the list and counts a listed campaign once", () => {
    const withGhost = new Map(perCampaign).set("ghost", { ...emptyTotals(), spend: 1000 });
    const byPlatform = totalsByPlatform(withGhost, [...campaigns, campaigns[0]]);
    expect(sumTotals(byPlatform.values()).spend).toBe(54.75); // 10 + 20 + 5 + 7.5 + 12.25
  });
});

describe("bucketDays", () => {
  it("buckets ISO weeks by their Monday and fills empty weeks inside the range", () => {
    const weeks = bucketDays(rows, "week", { from: "2026-02-01", to: "2026-03-03" });
    expect(weeks.map((b) => [b.label, b.from, b.to, b.totals.spend])).toEqual([
      ["2026-01-26", "2026-02-01", "2026-02-01", 0], // Sunday Feb 1 belongs to Jan 26's week
      ["2026-02-02", "2026-02-02", "2026-02-08", 35],
      ["2026-02-09", "2026-02-09", "2026-02-15", 0],
      ["2026-02-16", "2026-02-16", "2026-02-22", 7.5],
      ["2026-02-23", "2026-02-23", "2026-03-01", 0],
      ["2026-03-02", "2026-03-02", "2026-03-03", 12.25],
    ]);
    expect(weeks[1]?.totals.clicks).toBe(55);
  });

  it("buckets calendar months as YYYY-MM, across a year end, with empty months", () => {
    const months = bucketDays(rows, "month", { from: "2025-12-15", to: "2026-03-10" });
    expect(months.map((b) => [b.label, b.from, b.to, b.totals.spend])).toEqual([
      ["2025-12", "2025-12-15", "2025-12-31", 0],
      ["2026-01", "2026-01-01", "2026-01-31", 0],
      ["2026-02", "2026-02-01", "2026-02-28", 42.5],
      ["2026-03", "2026-03-01", "2026-03-10", 12.25],
    ]);
    expect(months[2]?.totals.impressions).toBe(6500);
  });

  it("buckets days, summing campaigns and dropping rows outside the range", () => {
    const days = bucketDays(rows, "day", { from: "2026-02-02", to: "2026-02-05" });
    expect(days.map((b) => [b.label, b.totals.spend])).toEqual([
      ["2026-02-02", 10],
      ["2026-02-03", 25],
      ["2026-02-04", 0],
      ["2026-02-05", 0],
    ]);
  });

  it("without a range returns only buckets that have rows, with calendar bounds", () => {
    const weeks = bucketDays(rows, "week");
    expect(weeks.map((b) => [b.label, b.from, b.to])).toEqual([
      ["2026-02-02", "2026-02-02", "2026-02-08"],
      ["2026-02-16", "2026-02-16", "2026-02-22"],
      ["2026-03-02", "2026-03-02", "2026-03-08"],
    ]);
    expect(sumTotals(weeks.map((b) => b.totals))).toEqual(sumTotals(rows));
  });

  it("handles a leap-year February and rejects bad input", () => {
    const leap = bucketDays([row("c1", "2024-02-29", { spend: 1 })], "month");
    expect(leap[0]).toMatchObject({ label: "2024-02", from: "2024-02-01", to: "2024-02-29" });
    expect(() => bucketDays(rows, "day", { from: "2026-02-05", to: "2026-02-01" })).toThrow(
      RangeError,
    );
    expect(() => bucketDays([row("c1", "2026-02-30", {})], "week")).toThrow(RangeError);
  });
});
