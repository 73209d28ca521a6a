import { describe, expect, it } from "vitest";
import {
  addTotals,
  computeKpis,
  emptyTotals,
  KPI_INFO,
  KPI_NAMES,
  sumTotals,
  TOTAL_NAMES,
} from "../../src/core/kpis";
import type { MetricTotals } from "../../src/store/schema";

const facebook: MetricTotals = {
  spend: 100,
  impressions: 10_000,
  reach: 5_000,
  clicks: 100,
  engagements: 250,
  conversions: 4,
  revenue: 300,
};
const linkedin: MetricTotals = {
  spend: 300,
  impressions: 30_000,
  reach: 4_000,
  clicks: 150,
  engagements: 200,
  conversions: 6,
  revenue: 200,
};

describe("names", () => {
  it("match the contract in DESIGN.md, in order", () => {
    expect(KPI_NAMES).toEqual([
      "ctr",
      "cpc",
      "cpm",
      "conversion_rate",
      "cpa",
      "roas",
      "roi",
      "engagement_rate",
      "frequency",
      "cost_per_engagement",
      "revenue_per_click",
    ]);
    expect(TOTAL_NAMES).toEqual([
      "spend",
      "impressions",
      "reach",
      "clicks",
      "engagements",
      "conversions",
      "revenue",
    ]);
    expect(Object.keys(computeKpis(facebook))).toEqual([...KPI_NAMES]);
    expect(Object.keys(KPI_INFO).sort()).toEqual([...KPI_NAMES].sort());
  });

  it("say which direction is better and which unit applies", () => {
    expect(KPI_INFO.cpc).toMatchObject({ unit: "money", higherIsBetter: false });
    expect(KPI_INFO.cpa.higherIsBetter).toBe(false);
    expect(KPI_INFO.roi).toMatchObject({ unit: "percent", higherIsBetter: true });
    expect(KPI_INFO.roas).toMatchObject({ unit: "ratio", higherIsBetter: true });
    expect(KPI_INFO.ctr.unit).toBe("percent");
  });
});

describe("totals", () => {
  it("adds field by field and ignores non-total fields of rows", () => {
    const row = { ...facebook, campaign_id: "c1", day: "2026-02-01" };
    const sum = addTotals(row, linkedin);
    expect(sum).toEqual({
      spend: 400,
      impressions: 40_000,
      reach: 9_000,
      clicks: 250,
      engagements: 450,
      conversions: 10,
      revenue: 500,
    });
    expect(Object.keys(sum)).not.toContain("campaign_id");
  });

  it("sums any iterable, with zero for none and no floating dust in money", () => {
    expect(sumTotals([])).toEqual(emptyTotals());
    const dimes = [0.1, 0.2].map((spend) => ({ ...emptyTotals(), spend, revenue: spend }));
    expect(sumTotals(dimes).spend).toBe(0.3);
    expect(addTotals(dimes[0] as MetricTotals, dimes[1] as MetricTotals).revenue).toBe(0.3);
    function* rows() {
      yield facebook;
      yield linkedin;
      yield facebook;
    }
    expect(sumTotals(rows()).clicks).toBe(350);
  });
});

describe("computeKpis", () => {
  it("computes every KPI from one set of totals", () => {
    const k = computeKpis({
      spend: 50,
      impressions: 10_000,
      reach: 4_000,
      clicks: 100,
      engagements: 300,
      conversions: 5,
      revenue: 200,
    });
    expect(k.ctr).toBeCloseTo(1, 10); // 100 / 10,000 · 100
    expect(k.cpc).toBeCloseTo(0.5, 10); // 50 / 100
    expect(k.cpm).toBeCloseTo(5, 10); // 50 / 10,000 · 1000
    expect(k.conversion_rate).toBeCloseTo(5, 10); // 5 / 100 · 100
    expect(k.cpa).toBeCloseTo(10, 10); // 50 / 5
    expect(k.roas).toBeCloseTo(4, 10); // 200 / 50
    expect(k.roi).toBeCloseTo(300, 10); // (200 − 50) / 50 · 100
    expect(k.engagement_rate).toBeCloseTo(7.5, 10); // 300 / 4,000 · 100
    expect(k.frequency).toBeCloseTo(2.5, 10); // 10,000 / 4,000
    expect(k.cost_per_engagement).toBeCloseTo(1 / 6, 10); // 50 / 300
    expect(k.revenue_per_click).toBeCloseTo(2, 10); // 200 / 100
  });

  it("sums platforms before dividing instead of averaging their ratios", () => {
    const k = computeKpis(sumTotals([facebook, linkedin]));
    // Averages of the per-platform ratios would give CTR 0.75, CPC 1.5, ROI 83.3.
    expect(k.ctr).toBeCloseTo(0.625, 10); // 250 / 40,000 · 100
    expect(k.cpc).toBeCloseTo(1.6, 10); // 400 / 250
    expect(k.roi).toBeCloseTo(25, 10); // (500 − 400) / 400 · 100
    expect(k.cpm).toBeCloseTo(10, 10); // 400 / 40,000 · 1000
    expect(k.conversion_rate).toBeCloseTo(4, 10); // 10 / 250 · 100
    expect(k.cpa).toBeCloseTo(40, 10);
    expect(k.roas).toBeCloseTo(1.25, 10);
    expect(k.engagement_rate).toBeCloseTo(5, 10); // 450 / 9,000 · 100
    expect(k.frequency).toBeCloseTo(40 / 9, 10);
    expect(k.cost_per_engagement).toBeCloseTo(400 / 450, 10);
    expect(k.revenue_per_click).toBeCloseTo(2, 10);
  });

  it("returns null for every ratio with a zero denominator", () => {
    const k = computeKpis(emptyTotals());
    for (const name of KPI_NAMES) expect(k[name], name).toBeNull();
  });

  it("keeps a zero numerator as 0, not null", () => {
    const k = computeKpis({ ...emptyTotals(), impressions: 1_000, clicks: 10, reach: 500 });
    expect(k.ctr).toBe(1);
    expect(k.cpc).toBe(0); // free clicks
    expect(k.conversion_rate).toBe(0);
    expect(k.roas).toBeNull(); // no spend
    expect(k.roi).toBeNull();
    expect(k.cpa).toBeNull(); // no conversions
  });

  it("falls back to impressions for engagement rate when reach is unknown", () => {
    const k = computeKpis({ ...emptyTotals(), impressions: 2_000, engagements: 50 });
    expect(k.engagement_rate).toBeCloseTo(2.5, 10); // 50 / 2,000 · 100
    expect(k.frequency).toBeNull();
  });

  it("reports a negative ROI for a loss", () => {
    const k = computeKpis({ ...emptyTotals(), spend: 200, revenue: 50 });
    expect(k.roi).toBeCloseTo(-75, 10);
    expect(k.roas).toBeCloseTo(0.25, 10);
  });
});
