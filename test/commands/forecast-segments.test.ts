import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readChartMeta } from "../../src/charts/meta";
import { generateDemoData } from "../../src/core/demo-data";
import { type DemoServices, openDemoServices } from "../support/demo-services";

const demo = generateDemoData({ tenantId: "local", endDay: "2026-11-22" });

let services: DemoServices;
beforeAll(async () => {
  services = await openDemoServices();
});
afterAll(() => services.close());

interface Backtest {
  holdout_days: number;
  mape: number;
  naive_mape: number;
  coverage: number;
  actual: number[];
}

describe("forecast", () => {
  it("forecasts spend 14 days from today with an interval and a holdout backtest", async () => {
    const reply = await services.ask("forecast spend 14");
    const forecast = reply.data.forecast as {
      day: string;
      value: number;
      lower: number;
      upper: number;
    }[];
    expect(forecast).toHaveLength(14);
    expect(forecast[0]?.day).toBe("2026-11-22");
    expect(forecast.at(-1)?.day).toBe("2026-12-05");
    for (const f of forecast) {
      expect(f.lower).toBeLessThanOrEqual(f.value);
      expect(f.upper).toBeGreaterThanOrEqual(f.value);
      expect(f.lower).toBeGreaterThanOrEqual(0);
    }
    // The band widens with the horizon.
    const width = (f: { lower: number; upper: number } | undefined) => (f ? f.upper - f.lower : 0);
    expect(width(forecast.at(-1))).toBeGreaterThan(width(forecast[0]));
    const backtest = reply.data.backtest as Backtest;
    expect(backtest.holdout_days).toBe(14);
    // The held-out days are the demo's own spend for 2026-11-08 … 2026-11-21 (today is not complete).
    const spendOn = (d: string) =>
      demo.daily.filter((r) => r.day === d).reduce((a, r) => a + r.spend, 0);
    expect(backtest.actual[0]).toBeCloseTo(spendOn("2026-11-08"), 4);
    expect(backtest.actual.at(-1)).toBeCloseTo(spendOn("2026-11-21"), 4);
    expect(backtest.mape).toBeGreaterThan(0);
    expect(backtest.mape).toBeLessThan(10);
    // The seasonal model beats "same weekday last week" on the demo's weekly pattern.
    expect(backtest.mape).toBeLessThan(backtest.naive_mape);
    const chart = reply.charts?.[0];
    expect(readChartMeta(chart?.config as never)?.kind).toBe("forecast");
    expect(chart?.png?.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(reply.data.model).toMatchObject({
      name: "holt_winters_additive_damped",
      season_length: 7,
      interval_level: 80,
    });
  });

  it("forecasts a KPI, a platform and one campaign", async () => {
    const ctr = await services.ask("forecast ctr 7 platform:google");
    expect((ctr.data.forecast as unknown[]).length).toBe(7);
    expect(ctr.data.forecast_total).toBeNull();
    const running = demo.campaigns.find(
      (c) => c.status === "active" && !c.end_date && c.start_date < "2026-09-01",
    );
    const one = await services.ask(`forecast conversions 10 "${running?.name}"`);
    expect((one.data.filters as { campaign: string }).campaign).toBe(running?.id);
    expect((one.data.forecast as unknown[]).length).toBe(10);
  });

  it("refuses a bad horizon, an unknown metric and an ended campaign, naming the fix", async () => {
    const horizon = await services.ask("forecast spend 60");
    expect((horizon.data.error as { code: string }).code).toBe("invalid_days");
    expect(horizon.text).toContain("from 7 to 30");
    const metric = await services.ask("forecast spnd 14");
    expect((metric.data.error as { code: string }).code).toBe("invalid_metric");
    expect(metric.text).toContain("spend");
    const ended = demo.campaigns.find((c) => c.end_date && c.end_date < "2026-11-22");
    const reply = await services.ask(`forecast spend 14 "${ended?.name}"`);
    expect((reply.data.error as { code: string }).code).toBe("campaign_ended");
  });
});

describe("segments", () => {
  it("segments app users with k chosen by silhouette between 3 and 7", async () => {
    const reply = await services.ask("segments users last 90d");
    const byK = reply.data.silhouette_by_k as { k: number; silhouette: number }[];
    expect(byK.map((s) => s.k)).toEqual([3, 4, 5, 6, 7]);
    const best = Math.max(...byK.map((s) => s.silhouette));
    expect(byK.find((s) => s.k === reply.data.k)?.silhouette).toBe(best);
    const segments = reply.data.segments as {
      segment: number;
      name: string;
      size: number;
      means: Record<string, number>;
    }[];
    expect(segments).toHaveLength(reply.data.k as number);
    expect(segments.reduce((a, s) => a + s.size, 0)).toBe(400);
    expect(new Set(segments.map((s) => s.name)).size).toBe(segments.length);
    for (const s of segments) expect(s.means.redeemed_share).toBeLessThanOrEqual(100);
    expect(reply.charts?.map((c) => c.id)).toEqual(["segment-profiles", "segment-sizes"]);
  });

  it("segments influencers and is deterministic", async () => {
    const a = await services.ask("segments influencers last 90d");
    const b = await services.ask("segments influencers last 90d");
    expect(a.data.members).toEqual(b.data.members);
    expect((a.data.members as unknown[]).length).toBe(60);
    const platform = await services.ask("segments users platform:tiktok");
    expect((platform.data.error as { code: string }).code).toBe("unknown_filter");
  });
});
