import { describe, expect, it } from "vitest";
import { foldPaths } from "../../../src/core/attribution/fold-paths";
import { buildJourneys, type TouchRow } from "../../../src/core/journeys/build-journeys";
import { channelRoles } from "../../../src/core/journeys/channel-roles";
import { foldJourneys } from "../../../src/core/journeys/fold-journeys";
import { pathLengthDistribution } from "../../../src/core/journeys/path-lengths";
import { timeToConversion } from "../../../src/core/journeys/time-to-conversion";
import { topPaths } from "../../../src/core/journeys/top-paths";

const touch = (
  journey_id: string,
  touched_at: string,
  channel: string,
  value?: number,
): TouchRow => ({
  journey_id,
  touched_at,
  channel,
  is_conversion: value === undefined ? 0 : 1,
  conversion_value: value ?? 0,
});

// j1 converts after 2.5 days; j2 converts on its only touch; j3 never converts; j4 converts at
// its 2nd touch and then opens an email (post-purchase, dropped).
const rows: TouchRow[] = [
  touch("j1", "2026-03-03T12:00:00.000Z", "Google", 120),
  touch("j1", "2026-03-01T00:00:00.000Z", "TikTok"),
  touch("j1", "2026-03-02T06:00:00.000Z", "Email"),
  touch("j2", "2026-03-05T10:00:00.000Z", "google", 60),
  touch("j3", "2026-03-01T09:00:00.000Z", "tiktok"),
  touch("j3", "2026-03-04T09:00:00.000Z", "instagram"),
  touch("j4", "2026-03-01T08:00:00.000Z", "tiktok"),
  touch("j4", "2026-03-01T20:00:00.000Z", "google", 40),
  touch("j4", "2026-03-09T08:00:00.000Z", "email"),
];

describe("buildJourneys", () => {
  const journeys = buildJourneys(rows);
  const byId = new Map(journeys.map((j) => [j.id, j]));

  it("orders touches in time, normalises channels and ends at the last conversion", () => {
    expect(byId.get("j1")?.channels).toEqual(["tiktok", "email", "google"]);
    expect(byId.get("j1")).toMatchObject({
      conversions: 1,
      value: 120,
      convertedAt: Date.parse("2026-03-03T12:00:00.000Z"),
    });
    expect(byId.get("j4")?.channels).toEqual(["tiktok", "google"]);
    expect(byId.get("j3")).toMatchObject({
      channels: ["tiktok", "instagram"],
      conversions: 0,
      value: 0,
    });
    expect(byId.get("j3")?.convertedAt).toBeUndefined();
  });

  it("rejects a touch without a valid time", () => {
    expect(() => buildJourneys([touch("x", "yesterday", "email")])).toThrow(/no valid time/);
  });

  it("folds journeys with days before conversion for time decay", () => {
    const folded = foldJourneys(journeys);
    expect(folded.totals).toEqual({ conversions: 3, value: 220, nulls: 1, journeys: 4 });
    // j1: tiktok 2.5 days, email 1.25 days, google 0 days before converting.
    expect([...(folded.daysBefore ?? [])].slice(0, 3)).toEqual([2.5, 1.25, 0]);
  });

  it("measures time to conversion from the first touch", () => {
    const time = timeToConversion(journeys);
    // j2 0 days, j4 0.5 days, j1 2.5 days.
    expect(time.journeys).toBe(3);
    expect(time.median_days).toBe(0.5);
    expect(time.mean_days).toBeCloseTo(1, 12);
    expect(time.buckets.map((b) => b.journeys)).toEqual([2, 1, 0, 0, 0, 0]);
  });
});

describe("path analytics over folded paths", () => {
  const folded = foldPaths([
    { path: "tiktok > email > google", conversions: 6, value: 600, nulls: 4 },
    { path: "google", conversions: 3, value: 150, nulls: 9 },
    { path: "tiktok > google", conversions: 3, value: 90, nulls: 1 },
    { path: "instagram > email > email > google", conversions: 0, nulls: 5 },
  ]);

  it("ranks converting paths by conversions, then value", () => {
    const top = topPaths(folded, 2);
    expect(top.map((p) => p.path)).toEqual(["tiktok > email > google", "google"]);
    expect(top[0]).toMatchObject({ conversions: 6, journeys: 10, conversion_rate: 60, share: 50 });
    expect(top[1]).toMatchObject({ conversions: 3, journeys: 12, conversion_rate: 25, share: 25 });
    expect(topPaths(folded, 10)).toHaveLength(3); // the non-converting path is not a "top" path
  });

  it("distributes journeys and conversions by path length, with an open last bucket", () => {
    const lengths = pathLengthDistribution(folded, 4);
    expect(lengths).toEqual([
      { length: "1", journeys: 12, conversions: 3, conversion_rate: 25 },
      { length: "2", journeys: 4, conversions: 3, conversion_rate: 75 },
      { length: "3", journeys: 10, conversions: 6, conversion_rate: 60 },
      { length: "4+", journeys: 5, conversions: 0, conversion_rate: 0 },
    ]);
    expect(() => pathLengthDistribution(folded, 1)).toThrow(RangeError);
  });

  it("counts introducers, assisters and closers over converting paths", () => {
    const roles = Object.fromEntries(channelRoles(folded).map((r) => [r.channel, r]));
    // tiktok starts 6 + 3; email assists 6; google closes 6 + 3 + 3 and is solo in 3.
    expect(roles.tiktok).toMatchObject({
      introducer: 9,
      assister: 0,
      closer: 0,
      solo: 0,
      primary: "introducer",
    });
    expect(roles.email).toMatchObject({
      introducer: 0,
      assister: 6,
      closer: 0,
      primary: "assister",
    });
    expect(roles.google).toMatchObject({
      introducer: 3,
      assister: 0,
      closer: 12,
      solo: 3,
      primary: "closer",
    });
    // instagram only appears on a path that never converted.
    expect(roles.instagram).toMatchObject({ introducer: 0, assister: 0, closer: 0, primary: null });
  });
});
