import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Campaign, DailyMetricRow } from "../../src/store/schema";
import type { Store } from "../../src/store/store";
import { engines } from "../support/test-stores";

const NOW = new Date("2026-03-10T12:00:00Z");

function campaign(
  tenant_id: string,
  id: string,
  name: string,
  platform: Campaign["platform"],
): Campaign {
  return {
    tenant_id,
    id,
    name,
    platform,
    type: "conversion",
    start_date: "2026-01-01",
    end_date: null,
    budget: 1000,
    target_conversions: 50,
    status: "active",
    created_at: NOW.toISOString(),
    updated_at: NOW.toISOString(),
  };
}

function day(
  tenant_id: string,
  campaign_id: string,
  d: string,
  spend: number,
  revenue: number,
): DailyMetricRow {
  return {
    tenant_id,
    campaign_id,
    day: d,
    spend,
    impressions: 1000,
    reach: 800,
    clicks: 20,
    engagements: 30,
    conversions: 2,
    revenue,
  };
}

describe.each(engines)("repositories on $name", (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await engine.open();
    for (const id of ["a", "b"]) {
      await store.tenants.ensure(
        { id, name: id.toUpperCase(), timezone: "UTC", currency: "USD" },
        NOW,
      );
    }
    await store.campaigns.upsertMany([
      campaign("a", "c1", "Spring Sale", "facebook"),
      campaign("a", "c2", "Brand Lift", "google"),
      campaign("b", "c1", "Other tenant's campaign", "tiktok"),
    ]);
    await store.metrics.upsertDaily([
      day("a", "c1", "2026-03-01", 10.5, 30),
      day("a", "c1", "2026-03-02", 20, 10),
      day("a", "c2", "2026-03-02", 5, 0),
      day("b", "c1", "2026-03-02", 999, 999),
    ]);
  });
  afterEach(() => store.close());

  it("sums per campaign and per day within the range, for one tenant only", async () => {
    const byCampaign = await store.metrics.totalsByCampaign("a", {
      from: "2026-03-01",
      to: "2026-03-31",
    });
    const c1 = byCampaign.find((r) => r.campaign_id === "c1");
    expect(byCampaign).toHaveLength(2);
    expect(c1).toMatchObject({
      spend: 30.5,
      revenue: 40,
      impressions: 2000,
      clicks: 40,
      conversions: 4,
    });
    expect(typeof c1?.impressions).toBe("number");

    const byDay = await store.metrics.totalsByDay("a", { from: "2026-03-02", to: "2026-03-02" });
    expect(byDay).toEqual([
      expect.objectContaining({ day: "2026-03-02", spend: 25, revenue: 10, impressions: 2000 }),
    ]);
  });

  it("scopes to campaign ids, and an empty scope matches nothing", async () => {
    const range = { from: "2026-03-01", to: "2026-03-31" };
    const only = await store.metrics.totalsByCampaign("a", range, { campaignIds: ["c2"] });
    expect(only.map((r) => r.campaign_id)).toEqual(["c2"]);
    expect(await store.metrics.totalsByCampaign("a", range, { campaignIds: [] })).toEqual([]);
  });

  it("upserts instead of duplicating", async () => {
    await store.metrics.upsertDaily([day("a", "c1", "2026-03-01", 1, 2)]);
    const rows = await store.metrics.totalsByDay("a", { from: "2026-03-01", to: "2026-03-01" });
    expect(rows).toEqual([expect.objectContaining({ spend: 1, revenue: 2 })]);
    await store.campaigns.upsertMany([
      { ...campaign("a", "c1", "Spring Sale II", "facebook"), budget: 5 },
    ]);
    const c1 = await store.campaigns.get("a", "c1");
    expect(c1).toMatchObject({ name: "Spring Sale II", budget: 5 });
    expect(await store.campaigns.count("a")).toBe(2);
  });

  it("lists campaigns with filters, never another tenant's", async () => {
    expect((await store.campaigns.list("a")).map((c) => c.name)).toEqual([
      "Brand Lift",
      "Spring Sale",
    ]);
    expect((await store.campaigns.list("a", { platform: "google" })).map((c) => c.id)).toEqual([
      "c2",
    ]);
    expect((await store.campaigns.list("b")).map((c) => c.name)).toEqual([
      "Other tenant's campaign",
    ]);
    expect(await store.campaigns.get("a", "nope")).toBeUndefined();
  });

  it("reports the data range and creates a tenant once", async () => {
    expect(await store.metrics.dataRange("a")).toEqual({ from: "2026-03-01", to: "2026-03-02" });
    expect(await store.metrics.dataRange("zzz")).toBeUndefined();
    const again = await store.tenants.ensure(
      { id: "a", name: "changed", timezone: "Europe/Paris", currency: "EUR" },
      NOW,
    );
    expect(again).toMatchObject({ id: "a", name: "A", timezone: "UTC" });
  });

  it("sums whole weeks from the rollup and edge days from the daily rows, kept in step on update", async () => {
    // 2026-03-01 (Sun) … 2026-03-17 (Tue): loose Sunday, two whole weeks, loose Monday–Tuesday.
    const rows = [];
    for (let d = 1; d <= 17; d++)
      rows.push(day("a", "c2", `2026-03-${String(d).padStart(2, "0")}`, d, 2 * d));
    await store.metrics.upsertDaily(rows);
    const sum = async (from: string, to: string) =>
      (await store.metrics.totalsByCampaign("a", { from, to }, { campaignIds: ["c2"] }))[0];
    expect(await sum("2026-03-01", "2026-03-17")).toMatchObject({
      spend: 153,
      revenue: 306,
      impressions: 17000,
    });
    expect(await sum("2026-03-03", "2026-03-10")).toMatchObject({ spend: 52 });
    expect(
      await store.metrics.totals(
        "a",
        { from: "2026-03-01", to: "2026-03-17" },
        { campaignIds: ["c2"] },
      ),
    ).toMatchObject({ spend: 153 });
    expect(await store.metrics.totals("a", { from: "2020-01-01", to: "2020-01-31" })).toMatchObject(
      { spend: 0, clicks: 0 },
    );
    await store.metrics.upsertDaily([day("a", "c2", "2026-03-04", 100, 0)]);
    expect(await sum("2026-03-02", "2026-03-08")).toMatchObject({ spend: 35 - 4 + 100 });
  });

  it("rolls back a failed transaction entirely", async () => {
    await expect(
      store.transaction(async (trx) => {
        await trx.metrics.upsertDaily([day("a", "c2", "2026-03-05", 7, 7)]);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const rows = await store.metrics.totalsByDay("a", { from: "2026-03-05", to: "2026-03-05" });
    expect(rows).toEqual([]);
  });
});
