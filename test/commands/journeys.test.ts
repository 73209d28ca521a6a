import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoData } from "../../src/core/demo-data";
import { generateDemoJourneys } from "../../src/core/demo-journeys";
import { buildJourneys } from "../../src/core/journeys/build-journeys";
import { channelRoles } from "../../src/core/journeys/channel-roles";
import { foldJourneys } from "../../src/core/journeys/fold-journeys";
import { timeToConversion } from "../../src/core/journeys/time-to-conversion";
import { topPaths } from "../../src/core/journeys/top-paths";
import { type DemoServices, openDemoServices } from "../support/demo-services";

const campaigns = generateDemoData({ tenantId: "local", endDay: "2026-11-22" }).campaigns;
const journeys = buildJourneys(
  generateDemoJourneys({ tenantId: "local", endDay: "2026-11-22", campaigns }),
).filter(
  (j) =>
    new Date(j.convertedAt ?? (j.times.at(-1) as number)).toISOString() >=
    "2026-08-25T00:00:00.000Z",
);
const folded = foldJourneys(journeys);

let services: DemoServices;
beforeAll(async () => {
  services = await openDemoServices();
});
afterAll(() => services.close());

describe("journeys", () => {
  it("reports top paths, path lengths, time to conversion and channel roles for the period", async () => {
    const reply = await services.ask("journeys last 90d");
    const data = reply.data as {
      totals: { journeys: number; conversions: number };
      top_paths: { path: string; conversions: number }[];
      path_lengths: { length: string; journeys: number }[];
      time_to_conversion: { median_days: number; journeys: number };
      channel_roles: Record<string, { introducer: number; closer: number; primary: string }>;
    };
    expect(data.totals).toMatchObject({
      journeys: folded.totals.journeys,
      conversions: folded.totals.conversions,
    });
    expect(data.top_paths.map((p) => [p.path, p.conversions])).toEqual(
      topPaths(folded, 10).map((p) => [p.path, p.conversions]),
    );
    expect(data.path_lengths.reduce((a, b) => a + b.journeys, 0)).toBe(folded.totals.journeys);
    expect(data.time_to_conversion.median_days).toBeCloseTo(
      timeToConversion(journeys).median_days as number,
      9,
    );
    const roles = Object.fromEntries(channelRoles(folded).map((r) => [r.channel, r]));
    expect(data.channel_roles.google?.closer).toBe(roles.google?.closer);
    // The demo's shape: social introduces, search closes.
    expect(data.channel_roles.tiktok?.primary).toBe("introducer");
    expect(data.channel_roles.google?.primary).toBe("closer");
    expect(reply.charts?.map((c) => c.id)).toEqual([
      "journeys-path-length",
      "journeys-channel-roles",
      "journeys-time-to-conversion",
    ]);
    expect(reply.table?.rows).toHaveLength(10);
  });

  it("has no time-to-conversion for path exports, and says so", async () => {
    await services.store.tenants.ensure(
      { id: "paths", name: "Paths", timezone: "UTC", currency: "USD" },
      new Date(),
    );
    await services.store.journeys.upsertPaths([
      {
        tenant_id: "paths",
        day: "2026-11-20",
        path: "Email > Google",
        conversions: 3,
        conversion_value: 90,
        nulls: 2,
      },
    ]);
    const reply = await services.ask("journeys last 7d", { tenantId: "paths" });
    expect(reply.data.time_to_conversion).toBeNull();
    expect(reply.text).toContain("no time-to-conversion");
    expect(reply.charts?.map((c) => c.id)).not.toContain("journeys-time-to-conversion");
  });

  it("answers a period without journeys with a helpful error", async () => {
    const reply = await services.ask("journeys 2020-01-01..2020-01-31");
    expect((reply.data.error as { code: string }).code).toBe("no_data");
    expect(reply.text).toContain("adpulse seed --demo");
  });
});
