import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoData } from "../../src/core/demo-data";
import { computeKpis, sumTotals } from "../../src/core/kpis";
import type { DailyMetricRow } from "../../src/store/schema";
import { type DemoServices, openDemoServices } from "../support/demo-services";

// Figures are checked against the demo rows themselves, summed here independently of the store.
const demo = generateDemoData({ tenantId: "local", endDay: "2026-11-22" });
const inRange = (from: string, to: string) => (r: DailyMetricRow) => r.day >= from && r.day <= to;
const last30 = demo.daily.filter(inRange("2026-10-24", "2026-11-22"));

function expectTotalsClose(actual: Record<string, number>, expected: Record<string, number>) {
  for (const [key, value] of Object.entries(expected)) expect(actual[key]).toBeCloseTo(value, 4);
}

function isPng(buffer: Buffer | undefined): boolean {
  return Boolean(buffer && buffer.subarray(1, 4).toString("latin1") === "PNG");
}

let services: DemoServices;
beforeAll(async () => {
  services = await openDemoServices();
});
afterAll(() => services.close());

describe("kpis", () => {
  it("reports the period's totals and DESIGN.md's KPIs with a chart", async () => {
    const reply = await services.ask("kpis last 30d");
    const expected = sumTotals(last30);
    expectTotalsClose(reply.data.totals as Record<string, number>, { ...expected });
    const kpis = reply.data.kpis as Record<string, number | null>;
    const want = computeKpis(expected);
    for (const name of Object.keys(want) as (keyof typeof want)[]) {
      expect(kpis[name]).toBeCloseTo(want[name] as number, 6);
    }
    expect(reply.data.previous_period).toMatchObject({ from: "2026-09-24", to: "2026-10-23" });
    expect(reply.fields?.map((f) => f.label)).toEqual(
      expect.arrayContaining(["Spend", "ROI", "CTR", "CPA"]),
    );
    expect(reply.charts?.[0]?.id).toBe("spend-share");
    expect(isPng(reply.charts?.[0]?.png)).toBe(true);
  });

  it("shows progress to target conversions for one campaign", async () => {
    const campaign = demo.campaigns.find((c) => c.target_conversions && c.status === "active");
    if (!campaign) throw new Error("demo data has an active campaign with a target");
    const reply = await services.ask(`kpis ${campaign.name}`);
    const flight = demo.daily.filter((r) => r.campaign_id === campaign.id);
    const conversions = flight.reduce((a, r) => a + r.conversions, 0);
    expect(reply.data.target).toMatchObject({ conversions, target: campaign.target_conversions });
    expect(reply.charts?.[0]?.id).toBe("target-progress");
    expect(reply.fields?.find((f) => f.label === "Target conversions")?.value).toContain("of");
  });
});

describe("roi", () => {
  it("ranks campaigns by ROI computed from summed totals", async () => {
    const reply = await services.ask("roi last 30d platform:google");
    const campaigns = reply.data.campaigns as { id: string; roi: number; platform: string }[];
    expect(campaigns.length).toBeGreaterThan(1);
    expect(campaigns.every((c) => c.platform === "google")).toBe(true);
    const rois = campaigns.map((c) => c.roi);
    expect(rois).toEqual([...rois].sort((a, b) => b - a));
    const first = campaigns[0];
    const own = sumTotals(last30.filter((r) => r.campaign_id === first?.id));
    expect(first?.roi).toBeCloseTo(computeKpis(own).roi as number, 6);
    expect(reply.charts?.map((c) => c.id)).toEqual(["roi-ranking"]);
    expect(reply.charts?.[0]?.width).toBeGreaterThanOrEqual(800);
  });
});

describe("compare", () => {
  it("compares platforms whose totals add up to the whole", async () => {
    const reply = await services.ask("compare platforms last 30d");
    const groups = reply.data.groups as { key: string; totals: { spend: number } }[];
    expect(groups.map((g) => g.key).sort()).toEqual([
      "facebook",
      "google",
      "instagram",
      "linkedin",
      "tiktok",
    ]);
    const spend = groups.reduce((a, g) => a + g.totals.spend, 0);
    expect(spend).toBeCloseTo(sumTotals(last30).spend, 4);
    expect(reply.charts?.map((c) => c.id)).toEqual(["compare-platforms", "ctr-vs-conversion-rate"]);
  });

  it("compares two named campaigns", async () => {
    const [a, b] = demo.campaigns.filter((c) => c.status === "active");
    const reply = await services.ask(`compare "${a?.name}" vs "${b?.name}"`);
    expect(reply.data.dimension).toBe("campaigns");
    expect((reply.data.groups as { key: string }[]).map((g) => g.key).sort()).toEqual(
      [a?.id, b?.id].sort(),
    );
  });
});

describe("trend", () => {
  it("follows a metric day by day, against the period before", async () => {
    const reply = await services.ask("trend spend last 7d");
    const series = reply.data.series as { label: string; value: number }[];
    expect(series.map((s) => s.label)).toEqual([
      "2026-11-16",
      "2026-11-17",
      "2026-11-18",
      "2026-11-19",
      "2026-11-20",
      "2026-11-21",
      "2026-11-22",
    ]);
    const day = demo.daily.filter((r) => r.day === "2026-11-18").reduce((a, r) => a + r.spend, 0);
    expect(series[2]?.value).toBeCloseTo(day, 4);
    expect((reply.data.previous_series as unknown[]).length).toBe(7);
    expect(reply.data.grain).toBe("day");
  });

  it("buckets long periods by week", async () => {
    const reply = await services.ask("trend roi last 90d");
    expect(reply.data.grain).toBe("week");
  });
});

describe("top and bottom", () => {
  it("puts the cheapest CPA first for top and the dearest first for bottom", async () => {
    const top = (await services.ask("top cpa 3")).data.campaigns as { value: number }[];
    const bottom = (await services.ask("bottom cpa 3")).data.campaigns as { value: number }[];
    expect(top).toHaveLength(3);
    expect(top.map((c) => c.value)).toEqual([...top.map((c) => c.value)].sort((a, b) => a - b));
    expect(bottom.map((c) => c.value)).toEqual(
      [...bottom.map((c) => c.value)].sort((a, b) => b - a),
    );
    expect(bottom[0]?.value).toBeGreaterThan(top[0]?.value ?? Number.POSITIVE_INFINITY);
  });
});

describe("audience", () => {
  it("splits clicks by gender and impressions by age group", async () => {
    const reply = await services.ask("audience last 30d");
    const rows = demo.audience.filter((r) => r.day >= "2026-10-24");
    const female = rows.filter((r) => r.gender === "female").reduce((a, r) => a + r.clicks, 0);
    const young = rows
      .filter((r) => r.age_group === "18-24")
      .reduce((a, r) => a + r.impressions, 0);
    const byGender = reply.data.by_gender as { key: string; clicks: number }[];
    const byAge = reply.data.by_age_group as { key: string; impressions: number }[];
    expect(byGender.find((g) => g.key === "female")?.clicks).toBe(female);
    expect(byAge.find((a) => a.key === "18-24")?.impressions).toBe(young);
    expect(reply.charts?.map((c) => c.id)).toEqual(["clicks-by-gender", "impressions-by-age"]);
  });
});

describe("bad input", () => {
  it.each([
    ["rio", "unknown_command"],
    ["roi last 13x", "bad_period"],
    ["roi platform:myspace", "unknown_platform"],
    ["kpis Totally Unknown Campaign Name", "unknown_campaign"],
    ["roi 2020-01-01..2020-01-31", "no_data"],
  ])("%s → a private, helpful %s reply", async (text, code) => {
    const reply = await services.ask(text);
    expect(reply.ephemeral).toBe(true);
    expect((reply.data.error as { code: string }).code).toBe(code);
    expect(reply.text?.length).toBeGreaterThan(10);
    expect(reply.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it("forgives typos in campaign names and suggests names when ambiguous", async () => {
    const typo = await services.ask("kpis Sprng Sale Lookalik");
    expect(typo.title).toContain("Spring Sale — Lookalike 1%");
    const ambiguous = await services.ask("kpis spring");
    expect((ambiguous.data.error as { code: string }).code).toBe("unknown_campaign");
    expect(ambiguous.text).toMatch(/Closest campaigns: "Spring Sale/);
  });

  it("answers 4,000 characters of junk without crashing", async () => {
    const reply = await services.ask(`roi ${"%$#@!".repeat(800)}`);
    expect(reply.ephemeral).toBe(true);
    expect(reply.text?.length).toBeLessThan(600);
  });

  it("lists every command in help", async () => {
    const reply = await services.ask("help");
    for (const name of ["roi", "kpis", "compare", "trend", "top", "bottom", "audience"]) {
      expect(reply.text).toContain(`**${name}**`);
    }
  });
});
