import { beforeAll, describe, expect, it } from "vitest";
import { totalsByCampaign, totalsByPlatform } from "../../src/core/aggregate";
import { addDays, isoWeekday } from "../../src/core/days";
import { type DemoData, generateDemoData } from "../../src/core/demo-data";
import { computeKpis, sumTotals } from "../../src/core/kpis";
import type { MetricTotals } from "../../src/store/schema";
import { AGE_GROUPS, CAMPAIGN_TYPES, GENDERS, PLATFORMS } from "../../src/store/schema";

const END = "2026-03-01";
const START = addDays(END, -179);
let data: DemoData;
let perCampaign: Map<string, MetricTotals>;

beforeAll(() => {
  data = generateDemoData({ tenantId: "local", endDay: END });
  perCampaign = totalsByCampaign(data.daily);
});

const inRange = (value: number | null, min: number, max: number) =>
  value !== null && value >= min && value <= max;

describe("generateDemoData", () => {
  it("is deterministic: same seed, same data; another seed, other data", () => {
    const again = generateDemoData({ tenantId: "local", endDay: END });
    expect(again).toEqual(data);
    const other = generateDemoData({ tenantId: "local", endDay: END, seed: 7 });
    expect(other.daily).not.toEqual(data.daily);
  });

  it("creates at least 40 uniquely named campaigns across every platform and type", () => {
    const { campaigns } = data;
    expect(campaigns.length).toBeGreaterThanOrEqual(40);
    expect(new Set(campaigns.map((c) => c.platform))).toEqual(new Set(PLATFORMS));
    expect(new Set(campaigns.map((c) => c.type))).toEqual(new Set(CAMPAIGN_TYPES));
    expect(new Set(campaigns.map((c) => c.name)).size).toBe(campaigns.length);
    expect(new Set(campaigns.map((c) => c.id)).size).toBe(campaigns.length);
    for (const c of campaigns) {
      expect(c.name).toMatch(/^[A-Z].* — .+/);
      expect(c.tenant_id).toBe("local");
      expect(c.created_at).toBe("2026-03-01T00:00:00.000Z");
      expect(c.updated_at).toBe("2026-03-01T00:00:00.000Z");
      expect(c.budget).toBeGreaterThan(0);
      expect(c.target_conversions !== null).toBe(c.type === "conversion");
    }
  });

  it("gives statuses consistent with dates and delivery", () => {
    const lastRow = new Map<string, string>();
    for (const r of data.daily) {
      if ((lastRow.get(r.campaign_id) ?? "") < r.day) lastRow.set(r.campaign_id, r.day);
    }
    const count = (status: string) => data.campaigns.filter((c) => c.status === status).length;
    expect(count("ended")).toBeGreaterThanOrEqual(5);
    expect(count("active")).toBeGreaterThanOrEqual(10);
    expect(count("paused")).toBeGreaterThanOrEqual(2);
    for (const c of data.campaigns) {
      expect(perCampaign.has(c.id), `${c.id} has rows`).toBe(true);
      if (c.status === "ended") {
        expect(c.end_date !== null && c.end_date < END).toBe(true);
        expect(lastRow.get(c.id)).toBe(c.end_date);
      } else {
        expect(c.start_date <= END).toBe(true);
        expect(c.end_date === null || c.end_date >= END).toBe(true);
      }
      if (c.status === "active") expect(lastRow.get(c.id)).toBe(END);
      if (c.status === "paused") expect((lastRow.get(c.id) ?? END) < END).toBe(true);
    }
    expect(data.campaigns.some((c) => c.start_date < START)).toBe(true); // started before the window
  });

  it("only has daily rows inside each campaign's dates and the 180-day window", () => {
    const byId = new Map(data.campaigns.map((c) => [c.id, c]));
    const seen = new Set<string>();
    const bad: string[] = [];
    for (const r of data.daily) {
      const c = byId.get(r.campaign_id);
      const key = `${r.campaign_id}/${r.day}`;
      const ok =
        c !== undefined &&
        r.day >= START &&
        r.day <= END &&
        r.day >= c.start_date &&
        r.day <= (c.end_date ?? END) &&
        !seen.has(key);
      if (!ok) bad.push(key);
      seen.add(key);
    }
    expect(bad).toEqual([]);
  });

  it("keeps every row internally consistent", () => {
    // Collect violations and assert once: 4,000+ rows × a dozen expect() calls is slow.
    const bad = data.daily.filter(
      (r) =>
        ![r.impressions, r.reach, r.clicks, r.engagements, r.conversions].every(Number.isInteger) ||
        !(r.reach > 0 && r.reach < r.impressions) ||
        r.clicks > r.impressions ||
        r.engagements < r.clicks ||
        r.conversions > r.clicks ||
        Math.round(r.spend * 100) / 100 !== r.spend ||
        r.spend <= 0 ||
        r.revenue < 0,
    );
    expect(bad).toEqual([]);
  });

  it("has plausible rates over the whole data set and for every campaign", () => {
    const all = computeKpis(sumTotals(data.daily));
    expect(inRange(all.ctr, 0.5, 2)).toBe(true);
    expect(inRange(all.cpc, 0.5, 2)).toBe(true);
    expect(inRange(all.conversion_rate, 2, 5)).toBe(true);
    for (const [id, totals] of perCampaign) {
      const k = computeKpis(totals);
      expect(inRange(k.ctr, 0.5, 2), `${id} ctr ${k.ctr}`).toBe(true);
      expect(inRange(k.cpc, 0.5, 2), `${id} cpc ${k.cpc}`).toBe(true);
      expect(inRange(k.conversion_rate, 2, 5), `${id} cr ${k.conversion_rate}`).toBe(true);
    }
  });

  it("keeps campaign spend within budget", () => {
    for (const c of data.campaigns) {
      expect(perCampaign.get(c.id)?.spend ?? 0).toBeLessThanOrEqual(c.budget);
    }
  });

  it("differs by platform: LinkedIn dearest per click, TikTok most engaging", () => {
    const byPlatform = totalsByPlatform(perCampaign, data.campaigns);
    const kpi = (name: "cpc" | "engagement_rate") =>
      PLATFORMS.map((p) => [p, computeKpis(byPlatform.get(p) as MetricTotals)[name] ?? 0] as const)
        .sort((a, b) => b[1] - a[1])
        .map(([p]) => p);
    expect(kpi("cpc")[0]).toBe("linkedin");
    expect(kpi("cpc").at(-1)).toBe("tiktok");
    expect(kpi("engagement_rate")[0]).toBe("tiktok");
  });

  it("has clear winners (ROI > 200 %) and losers (ROI < 0)", () => {
    const rois = [...perCampaign.values()].map((t) => computeKpis(t).roi ?? 0);
    expect(rois.filter((r) => r > 200).length).toBeGreaterThanOrEqual(2);
    expect(rois.filter((r) => r < 0).length).toBeGreaterThanOrEqual(2);
    for (const seed of [1, 2, 3]) {
      const other = totalsByCampaign(generateDemoData({ tenantId: "t", endDay: END, seed }).daily);
      const otherRois = [...other.values()].map((t) => computeKpis(t).roi ?? 0);
      expect(
        otherRois.some((r) => r > 200),
        `seed ${seed}`,
      ).toBe(true);
      expect(
        otherRois.some((r) => r < 0),
        `seed ${seed}`,
      ).toBe(true);
    }
  });

  it("has weekly seasonality: B2B quiet at weekends, TikTok busier", () => {
    const platformOf = new Map(data.campaigns.map((c) => [c.id, c.platform]));
    const averageSpend = (platform: string, weekend: boolean) => {
      const rows = data.daily.filter(
        (r) => platformOf.get(r.campaign_id) === platform && isoWeekday(r.day) >= 6 === weekend,
      );
      return sumTotals(rows).spend / rows.length;
    };
    expect(averageSpend("linkedin", true)).toBeLessThan(0.7 * averageSpend("linkedin", false));
    expect(averageSpend("google", true)).toBeLessThan(averageSpend("google", false));
    expect(averageSpend("tiktok", true)).toBeGreaterThan(1.05 * averageSpend("tiktok", false));
  });
});

describe("demo audience rows", () => {
  it("split every daily row into gender × age segments that add up exactly", () => {
    const segments = GENDERS.length * AGE_GROUPS.length;
    expect(data.audience.length).toBe(data.daily.length * segments);
    const sums = new Map<string, [number, number, number, number]>();
    const badSegments = data.audience.filter(
      (a) =>
        !Number.isInteger(a.impressions) ||
        !Number.isInteger(a.clicks) ||
        !Number.isInteger(a.conversions) ||
        a.clicks > a.impressions ||
        a.conversions > a.clicks ||
        a.spend < 0,
    );
    expect(badSegments).toEqual([]);
    for (const a of data.audience) {
      const key = `${a.campaign_id}/${a.day}`;
      const s = sums.get(key) ?? [0, 0, 0, 0];
      s[0] += a.impressions;
      s[1] += a.clicks;
      s[2] += a.conversions;
      s[3] += Math.round(a.spend * 100);
      sums.set(key, s);
    }
    const mismatched = data.daily.filter((r) => {
      const s = sums.get(`${r.campaign_id}/${r.day}`);
      return (
        !s ||
        s[0] !== r.impressions ||
        s[1] !== r.clicks ||
        s[2] !== r.conversions ||
        s[3] !== Math.round(r.spend * 100)
      );
    });
    expect(mismatched).toEqual([]);
    expect(sums.size).toBe(data.daily.length);
    // Every segment appears for every day.
    const combos = new Set(data.audience.map((a) => `${a.gender}/${a.age_group}`));
    expect(combos.size).toBe(segments);
  });

  it("skews TikTok young and LinkedIn older", () => {
    const platformOf = new Map(data.campaigns.map((c) => [c.id, c.platform]));
    const youngShare = (platform: string) => {
      let young = 0;
      let all = 0;
      for (const a of data.audience) {
        if (platformOf.get(a.campaign_id) !== platform) continue;
        all += a.impressions;
        if (a.age_group === "18-24") young += a.impressions;
      }
      return young / all;
    };
    expect(youngShare("tiktok")).toBeGreaterThan(0.3);
    expect(youngShare("linkedin")).toBeLessThan(0.1);
  });
});

describe("demo data options", () => {
  it("honours a shorter window and rejects bad input", () => {
    const short = generateDemoData({ tenantId: "t", endDay: "2025-12-31", days: 30 });
    expect(short.daily.every((r) => r.day >= "2025-12-02" && r.day <= "2025-12-31")).toBe(true);
    expect(short.daily.length).toBeGreaterThan(0);
    expect(() => generateDemoData({ tenantId: "t", endDay: "2025-02-30" })).toThrow(RangeError);
    expect(() => generateDemoData({ tenantId: "t", endDay: END, days: 0 })).toThrow(RangeError);
  });
});
