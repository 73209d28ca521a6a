import { describe, expect, it } from "vitest";
import { generateDemoData } from "../../src/core/demo-data";
import { DEMO_CHANNELS, generateDemoJourneys } from "../../src/core/demo-journeys";
import { buildJourneys } from "../../src/core/journeys/build-journeys";

const END = "2026-11-22";
const campaigns = generateDemoData({ tenantId: "local", endDay: END }).campaigns;
const rows = generateDemoJourneys({ tenantId: "local", endDay: END, campaigns });
const journeys = buildJourneys(rows);

describe("generateDemoJourneys", () => {
  it("is deterministic and makes every journey id on every seed day", () => {
    expect(generateDemoJourneys({ tenantId: "local", endDay: END, campaigns })).toEqual(rows);
    expect(journeys).toHaveLength(4000);
    const later = generateDemoJourneys({ tenantId: "local", endDay: "2026-11-23" });
    expect(new Set(later.map((r) => r.journey_id))).toEqual(new Set(rows.map((r) => r.journey_id)));
  });

  it("keeps touches in the 180-day window, before the end day, unique per journey and channel", () => {
    const times = rows.map((r) => r.touched_at).sort();
    expect((times[0] ?? "") >= "2026-05-27T00:00:00.000Z").toBe(true);
    expect((times.at(-1) ?? "") < `${END}T00:00:00.000Z`).toBe(true);
    const keys = new Set(rows.map((r) => `${r.journey_id}|${r.touched_at}|${r.channel}`));
    expect(keys.size).toBe(rows.length);
    expect(
      rows.every((r) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/.test(r.touched_at)),
    ).toBe(true);
  });

  it("uses the eight channels, 1–10 touches, with social introducing and search/email closing", () => {
    expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(DEMO_CHANNELS));
    const lengths = journeys.map((j) => j.channels.length);
    expect(Math.min(...lengths)).toBe(1);
    expect(Math.max(...lengths)).toBe(10);
    const multi = journeys.filter((j) => j.channels.length > 1);
    const share = (pick: (c: string[]) => string | undefined, set: string[]) =>
      multi.filter((j) => set.includes(pick(j.channels) ?? "")).length / multi.length;
    const social = ["facebook", "instagram", "tiktok"];
    const closers = ["google", "email", "direct", "organic_search"];
    expect(share((c) => c[0], social)).toBeGreaterThan(2 * share((c) => c.at(-1), social));
    expect(share((c) => c.at(-1), closers)).toBeGreaterThan(0.7);
  });

  it("converts a realistic share at the last touch, with values and campaign links", () => {
    const converted = journeys.filter((j) => j.conversions > 0);
    expect(converted.length / journeys.length).toBeGreaterThan(0.15);
    expect(converted.length / journeys.length).toBeLessThan(0.4);
    expect(converted.every((j) => j.conversions === 1 && j.value > 0)).toBe(true);
    const paid = rows.filter((r) => ["facebook", "google"].includes(r.channel));
    expect(paid.filter((r) => r.campaign_id !== null).length / paid.length).toBeGreaterThan(0.8);
    const ids = new Set(campaigns.map((c) => c.id));
    expect(rows.every((r) => r.campaign_id === null || ids.has(r.campaign_id))).toBe(true);
    expect(rows.filter((r) => r.channel === "email").every((r) => r.campaign_id === null)).toBe(
      true,
    );
  });
});
