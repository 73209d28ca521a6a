import { describe, expect, it } from "vitest";
import {
  COMMON_PERIODS,
  suggestCampaigns,
  suggestChoices,
  suggestPeriods,
} from "../../../src/platforms/discord/suggestions";

const NOW = new Date("2026-03-15T12:00:00Z");

const CAMPAIGNS = [
  { id: "c-1", name: "Brand Lift Q2", platform: "youtube" },
  { id: "c-2", name: "Spring Sale — Prospecting", platform: "facebook" },
  { id: "c-3", name: "Spring Sale — Retargeting", platform: "instagram" },
  { id: "c-4", name: "Café Promo", platform: "tiktok" },
  { id: "c-5", name: "Evergreen Spring Search", platform: "google" },
];

describe("suggestPeriods", () => {
  it("offers the common periods with the days they cover", () => {
    const all = suggestPeriods("", NOW, "UTC");
    expect(all.map((s) => s.value)).toEqual([...COMMON_PERIODS]);
    expect(all.find((s) => s.value === "last month")?.name).toBe(
      "last month · 2026-02-01 → 2026-02-28",
    );
    expect(all.find((s) => s.value === "today")?.name).toBe("today · 2026-03-15");
  });

  it("filters by what was typed", () => {
    expect(suggestPeriods("quar", NOW, "UTC").map((s) => s.value)).toEqual([
      "this quarter",
      "last quarter",
    ]);
  });

  it("puts a valid typed period first so any period can be picked", () => {
    const [first] = suggestPeriods("  2026-01-01..2026-01-31 ", NOW, "UTC");
    expect(first).toEqual({
      name: "2026-01-01..2026-01-31 · 2026-01-01 → 2026-01-31",
      value: "2026-01-01..2026-01-31",
    });
    expect(suggestPeriods("last 2w", NOW, "UTC")[0]?.name).toBe(
      "last 2w · 2026-03-02 → 2026-03-15",
    );
  });

  it("uses the tenant's timezone for the dates", () => {
    const late = new Date("2026-03-15T23:30:00Z");
    expect(suggestPeriods("today", late, "Asia/Tokyo")[0]?.name).toBe("today · 2026-03-16");
  });

  it("shows every common period when nothing matches, to teach the forms", () => {
    expect(suggestPeriods("fortnight", NOW, "UTC").map((s) => s.value)).toEqual([
      ...COMMON_PERIODS,
    ]);
  });
});

describe("suggestCampaigns", () => {
  it("lists names containing the query, those starting with it first, the id as value", () => {
    expect(suggestCampaigns("spring", CAMPAIGNS)).toEqual([
      { name: "Spring Sale — Prospecting (facebook)", value: "c-2" },
      { name: "Spring Sale — Retargeting (instagram)", value: "c-3" },
      { name: "Evergreen Spring Search (google)", value: "c-5" },
    ]);
  });

  it("ignores case and accents", () => {
    expect(suggestCampaigns("CAFE", CAMPAIGNS).map((s) => s.value)).toEqual(["c-4"]);
  });

  it("falls back to typo-tolerant closest names", () => {
    expect(suggestCampaigns("brnad lift", CAMPAIGNS)[0]?.value).toBe("c-1");
  });

  it("keeps within 25 results, 100-character labels, and skips ids too long for a value", () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      id: i === 0 ? "x".repeat(101) : `id-${i}`,
      name: `Campaign ${i} ${"long name ".repeat(20)}`,
    }));
    const suggestions = suggestCampaigns("", many);
    expect(suggestions).toHaveLength(25);
    expect(suggestions[0]?.value).toBe("id-1");
    for (const s of suggestions) expect(s.name.length).toBeLessThanOrEqual(100);
  });
});

describe("suggestChoices", () => {
  it("matches starts first, then contains, spelling spaces as underscores", () => {
    const choices = ["ctr", "conversion_rate", "cost_per_engagement", "revenue_per_click"];
    expect(suggestChoices("conv", choices).map((s) => s.value)).toEqual(["conversion_rate"]);
    expect(suggestChoices("per ", choices).map((s) => s.value)).toEqual([
      "cost_per_engagement",
      "revenue_per_click",
    ]);
  });
});
