import { describe, expect, it } from "vitest";
import { compileSpec } from "../../src/import/fields";
import { KIND_DEFINITIONS } from "../../src/import/kind-registry";
import { IMPORT_KINDS } from "../../src/import/kinds";
import { campaignsSpec } from "../../src/import/kinds/campaigns-spec";
import { mapColumns } from "../../src/import/mapping";

function fields(header: string[], options = {}) {
  const result = mapColumns(header, campaignsSpec, options);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("; "));
  return Object.fromEntries(
    [...result.mapping.fields].map(([k, v]) => [k, v.map((i) => header[i])]),
  );
}

function problems(header: string[], options = {}) {
  const result = mapColumns(header, campaignsSpec, options);
  return result.ok ? [] : result.problems.map((p) => p.message);
}

describe("campaign column synonyms", () => {
  it("maps Meta Ads Manager columns", () => {
    expect(
      fields([
        "Campaign name",
        "Reporting starts",
        "Reporting ends",
        "Amount spent (USD)",
        "Impressions",
        "Reach",
        "Link clicks",
        "Results",
        "Purchase conversion value",
      ]),
    ).toEqual({
      campaign_name: ["Campaign name"],
      period_start: ["Reporting starts"],
      period_end: ["Reporting ends"],
      spend: ["Amount spent (USD)"],
      impressions: ["Impressions"],
      reach: ["Reach"],
      clicks: ["Link clicks"],
      conversions: ["Results"],
      revenue: ["Purchase conversion value"],
    });
  });

  it("maps Google Ads columns", () => {
    expect(fields(["Day", "Campaign", "Impr.", "Clicks", "Cost", "Conv.", "Conv. value"])).toEqual({
      day: ["Day"],
      campaign_name: ["Campaign"],
      impressions: ["Impr."],
      clicks: ["Clicks"],
      spend: ["Cost"],
      conversions: ["Conv."],
      revenue: ["Conv. value"],
    });
  });

  it("maps TikTok and LinkedIn columns", () => {
    expect(
      fields([
        "By Day",
        "Campaign name",
        "Total cost",
        "Clicks (Destination)",
        "Clicks (All)",
        "Conversions",
      ]),
    ).toMatchObject({
      day: ["By Day"],
      spend: ["Total cost"],
      clicks: ["Clicks (Destination)"],
    });
    expect(
      fields([
        "Start Date (in UTC)",
        "End Date (in UTC)",
        "Campaign Name",
        "Total Spent",
        "Clicks",
      ]),
    ).toMatchObject({
      period_start: ["Start Date (in UTC)"],
      period_end: ["End Date (in UTC)"],
      spend: ["Total Spent"],
    });
  });

  it("ignores case, spacing, punctuation and snake_case", () => {
    expect(fields(["CAMPAIGN_NAME", "date", "  amount  spent ", "link-clicks"])).toEqual({
      campaign_name: ["CAMPAIGN_NAME"],
      day: ["date"],
      spend: ["  amount  spent "],
      clicks: ["link-clicks"],
    });
  });

  it("uses a tier-2 synonym only when no better column exists", () => {
    expect(fields(["Campaign", "Day", "Clicks (all)", "Cost"]).clicks).toEqual(["Clicks (all)"]);
    expect(fields(["Campaign", "Day", "Clicks (all)", "Link clicks", "Cost"]).clicks).toEqual([
      "Link clicks",
    ]);
    expect(fields(["Campaign", "Day", "Cost", "Purchases", "Results"]).conversions).toEqual([
      "Results",
    ]);
  });

  it("refuses two equally good columns, naming both with their letters", () => {
    expect(problems(["Campaign", "Day", "Spend", "Cost"])).toEqual([
      '"Spend" (C) and "Cost" (D) could both be spend: remove or rename all but one',
    ]);
    expect(problems(["Campaign", "Day", "Spend", "Conversions", "Results"])[0]).toMatch(
      /"Conversions" \(D\) and "Results" \(E\)/,
    );
  });

  it("says which required columns are missing and what was looked for", () => {
    expect(problems(["Day", "Cost"])).toEqual([
      'no column for the campaign: looked for "Campaign ID", "CampaignId", "Campaign identifier", "Campaign name", "Campaign", "Campaign title"',
    ]);
    expect(problems(["Campaign", "Cost"])[0]).toMatch(/no date column.*--date YYYY-MM-DD/);
    expect(problems(["Campaign", "Day", "CTR"])[0]).toMatch(/no figures to import/);
    expect(problems(["Campaign", "Reporting starts", "Cost"])[0]).toMatch(
      /needs both its start and its end/,
    );
  });

  it("points at a near-miss header", () => {
    expect(problems(["Campain name", "Day", "Cost"])[0]).toMatch(
      /column "Campain name" \(A\) looks close to "campaign name"/,
    );
  });

  it("accepts --date instead of a date column", () => {
    expect(problems(["Campaign", "Cost"], { date: "2026-03-01" })).toEqual([]);
  });

  it("lists every column with its letter, mapped or not", () => {
    const result = mapColumns(["Campaign", "Day", "Cost", "Avg. CPC"], campaignsSpec, {});
    expect(result.mapping.columns.map((c) => [c.letter, c.field ?? null])).toEqual([
      ["A", "campaign_name"],
      ["B", "day"],
      ["C", "spend"],
      ["D", null],
    ]);
  });
});

describe("synonym tables", () => {
  it.each(IMPORT_KINDS)("%s never gives one header name to two fields", (kind) => {
    expect(() => compileSpec(KIND_DEFINITIONS[kind].spec)).not.toThrow();
  });
});
