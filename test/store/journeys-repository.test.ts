import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { JourneyPathRow, JourneyTouchpoint } from "../../src/store/schema";
import type { Store } from "../../src/store/store";
import { engines } from "../support/test-stores";

const NOW = new Date("2026-03-10T12:00:00Z");

function touch(
  tenant_id: string,
  journey_id: string,
  touched_at: string,
  channel: string,
  conversionValue?: number,
): JourneyTouchpoint {
  return {
    tenant_id,
    journey_id,
    touched_at,
    channel,
    campaign_id: channel === "google" ? "cmp-1" : null,
    is_conversion: conversionValue === undefined ? 0 : 1,
    conversion_value: conversionValue ?? 0,
  };
}

describe.each(engines)("journeys repository on $name", (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await engine.open();
    for (const id of ["a", "b"]) {
      await store.tenants.ensure({ id, name: id, timezone: "UTC", currency: "USD" }, NOW);
    }
    await store.journeys.replaceJourneys([
      // j1 ends (converts) on Mar 3; j2 converts on Mar 1 then has a later touch on Mar 9;
      // j3 never converts, last touch Mar 5; tenant b's j1 must never show up for a.
      touch("a", "j1", "2026-02-27T10:00:00.000Z", "tiktok"),
      touch("a", "j1", "2026-03-03T09:30:00.000Z", "google", 120.5),
      touch("a", "j2", "2026-03-01T08:00:00.000Z", "email", 40),
      touch("a", "j2", "2026-03-09T08:00:00.000Z", "instagram"),
      touch("a", "j3", "2026-03-02T08:00:00.000Z", "facebook"),
      touch("a", "j3", "2026-03-05T08:00:00.000Z", "facebook"),
      touch("b", "j1", "2026-03-03T09:30:00.000Z", "google", 999),
    ]);
  });
  afterEach(() => store.close());

  it("reads every touch of the journeys that ended in a range, for one tenant", async () => {
    const rows = await store.journeys.touchpointsOfJourneysEnding("a", {
      from: "2026-03-01T00:00:00.000Z",
      to: "2026-03-04T00:00:00.000Z",
    });
    // j1 ended Mar 3 (its touch in February comes along); j2 ended at its conversion on Mar 1.
    expect(rows.map((r) => `${r.journey_id} ${r.channel}`)).toEqual([
      "j1 tiktok",
      "j1 google",
      "j2 email",
      "j2 instagram",
    ]);
    expect(rows[1]).toMatchObject({
      tenant_id: "a",
      is_conversion: 1,
      conversion_value: 120.5,
      campaign_id: "cmp-1",
    });
    const later = await store.journeys.touchpointsOfJourneysEnding("a", {
      from: "2026-03-04T00:00:00.000Z",
      to: "2026-03-10T00:00:00.000Z",
    });
    expect(new Set(later.map((r) => r.journey_id))).toEqual(new Set(["j3"]));
    expect(await store.journeys.countTouchpoints("a")).toBe(6);
    expect(await store.journeys.countTouchpoints("b")).toBe(1);
  });

  it("replaces a reloaded journey's touches instead of adding to them", async () => {
    await store.journeys.replaceJourneys([
      touch("a", "j3", "2026-03-06T08:00:00.000Z", "direct", 10),
    ]);
    const rows = await store.journeys.touchpointsOfJourneysEnding("a", {
      from: "2026-01-01T00:00:00.000Z",
      to: "2026-04-01T00:00:00.000Z",
    });
    expect(rows.filter((r) => r.journey_id === "j3").map((r) => r.channel)).toEqual(["direct"]);
    expect(await store.journeys.countTouchpoints("b")).toBe(1);
  });

  it("upserts a touch by (tenant, journey, time, channel)", async () => {
    await store.journeys.upsertTouchpoints([
      touch("a", "j3", "2026-03-05T08:00:00.000Z", "facebook", 55),
    ]);
    expect(await store.journeys.countTouchpoints("a")).toBe(6);
    const rows = await store.journeys.touchpointsOfJourneysEnding("a", {
      from: "2026-03-05T00:00:00.000Z",
      to: "2026-03-06T00:00:00.000Z",
    });
    expect(rows.find((r) => r.journey_id === "j3" && r.is_conversion === 1)?.conversion_value).toBe(
      55,
    );
  });

  it("rejects touch times not written as toISOString", async () => {
    await expect(
      store.journeys.upsertTouchpoints([touch("a", "j9", "2026-03-05 08:00", "email")]),
    ).rejects.toThrow();
  });

  it("stores path aggregates normalised, sums them per path over export days, per tenant", async () => {
    const row = (
      tenant_id: string,
      day: string,
      path: string,
      conversions: number,
      value: number,
      nulls: number,
    ): JourneyPathRow => ({
      tenant_id,
      day,
      path,
      conversions,
      conversion_value: value,
      nulls,
    });
    await store.journeys.upsertPaths([
      row("a", "2026-03-01", "Facebook > Email", 2, 100, 5),
      row("a", "2026-03-01", "facebook>email", 1, 50, 0), // same path once normalised: added up
      row("a", "2026-03-02", "facebook > email", 4, 80, 1),
      row("a", "2026-03-02", "Google", 3, 30, 9),
      row("a", "2026-04-01", "Google", 100, 1000, 0),
      row("b", "2026-03-01", "Google", 7, 7, 7),
    ]);
    const totals = await store.journeys.pathTotals("a", { from: "2026-03-01", to: "2026-03-31" });
    expect(totals).toEqual([
      { path: "facebook > email", conversions: 7, conversion_value: 230, nulls: 6 },
      { path: "google", conversions: 3, conversion_value: 30, nulls: 9 },
    ]);
    // Re-importing a day replaces its rows.
    await store.journeys.upsertPaths([row("a", "2026-03-02", "Google", 1, 10, 1)]);
    const again = await store.journeys.pathTotals("a", { from: "2026-03-02", to: "2026-03-02" });
    expect(again.find((r) => r.path === "google")).toEqual({
      path: "google",
      conversions: 1,
      conversion_value: 10,
      nulls: 1,
    });
    await expect(
      store.journeys.upsertPaths([row("a", "2026-03-03", " > ", 1, 1, 1)]),
    ).rejects.toThrow(/no channel/);
  });
});
