import { createReadStream } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ImportKind } from "../../src/import/kinds";
import type { CampaignBatch } from "../../src/import/kinds/campaigns-rows";
import type { KeyedBatch } from "../../src/import/kinds/keyed-rows";
import {
  type ParseEvent,
  type ParseOptions,
  type ParseStart,
  parseCsv,
} from "../../src/import/parse-csv";

const FIXTURES = join(import.meta.dirname, "fixtures");
const BASE: Omit<ParseOptions, "kind"> = { timezone: "UTC", today: "2026-11-22" };

interface Parsed {
  start?: ParseStart;
  rejected?: Extract<ParseEvent, { type: "rejected" }>;
  batches: (CampaignBatch | KeyedBatch<Record<string, unknown>>)[];
  end?: Extract<ParseEvent, { type: "end" }>;
}

async function parse(
  input: AsyncIterable<Uint8Array | string>,
  kind: ImportKind | "auto",
  options: Partial<ParseOptions> = {},
): Promise<Parsed> {
  const out: Parsed = { batches: [] };
  for await (const event of parseCsv(input, { ...BASE, kind, ...options })) {
    if (event.type === "start") out.start = event.start;
    else if (event.type === "batch") out.batches.push(event.batch as Parsed["batches"][number]);
    else if (event.type === "end") out.end = event;
    else out.rejected = event;
  }
  return out;
}

const fixture = (name: string) => createReadStream(join(FIXTURES, name));
async function* text(content: string | Buffer) {
  yield content;
}

/** Campaign rows as plain objects: name, ISO day and the figures the file has. */
function campaignRows(parsed: Parsed) {
  const names = new Map<number, string>();
  const rows: Record<string, unknown>[] = [];
  for (const batch of parsed.batches as CampaignBatch[]) {
    for (const ref of batch.campaigns) names.set(ref.index, ref.name);
    const d = batch.daily;
    for (let i = 0; i < d.size; i++) {
      const m = Array.from(d.metrics.subarray(i * 7, i * 7 + 7));
      rows.push({
        campaign: names.get(d.campaign[i] as number),
        day: new Date((d.day[i] as number) * 86_400_000).toISOString().slice(0, 10),
        line: d.line[i],
        spend: m[0],
        impressions: m[1],
        reach: m[2],
        clicks: m[3],
        engagements: m[4],
        conversions: m[5],
        revenue: m[6],
      });
    }
  }
  return rows;
}

const refs = (parsed: Parsed) => (parsed.batches as CampaignBatch[]).flatMap((b) => b.campaigns);

describe("export styles", () => {
  it("Meta Ads Manager: BOM, quoted headers, reporting start/end, objective and delivery", async () => {
    const parsed = await parse(fixture("meta-ads-manager.csv"), "campaigns");
    expect(parsed.start).toMatchObject({
      bom: true,
      delimiter: ",",
      currency: "USD",
      facts: { export: "Meta Ads Manager", dateSource: "reporting period" },
    });
    expect(campaignRows(parsed)[0]).toEqual({
      campaign: "Spring Sale — Prospecting",
      day: "2026-03-01",
      line: 2,
      spend: 412.37,
      impressions: 48210,
      reach: 31877,
      clicks: 903,
      engagements: 0,
      conversions: 21,
      revenue: 1680.5,
    });
    expect(refs(parsed)).toEqual([
      {
        index: 0,
        name: "Spring Sale — Prospecting",
        platformFromRow: false,
        line: 2,
        platform: "facebook",
        type: "conversion",
        status: "active",
      },
      {
        index: 1,
        name: "Brand Awareness Q1",
        platformFromRow: false,
        line: 4,
        platform: "facebook",
        type: "awareness",
        status: "paused",
      },
    ]);
    // Empty "Results" means none.
    expect(campaignRows(parsed)[2]).toMatchObject({ conversions: 0, revenue: 0 });
    const clicksAll = parsed.start?.columns.find((c) => c.header === "Clicks (all)");
    expect(clicksAll).toMatchObject({
      letter: "J",
      note: 'also looks like clicks; "Link clicks" was used',
    });
    expect(clicksAll?.field).toBeUndefined();
  });

  it("Google Ads: title preamble, thousands separators, total rows at the bottom, modelled conversions", async () => {
    const parsed = await parse(fixture("google-ads-campaign-report.csv"), "campaigns");
    expect(parsed.start).toMatchObject({
      headerLine: 3,
      preamble: ["Campaign performance report", '"March 1, 2026 - March 3, 2026"'],
      facts: { export: "Google Ads" },
    });
    const rows = campaignRows(parsed);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({
      campaign: "Search — Brand",
      day: "2026-03-01",
      line: 4,
      impressions: 1204,
      spend: 1018.4,
      conversions: 27,
      revenue: 3410.25,
    });
    expect(rows[1]).toMatchObject({ conversions: 25, spend: 972.15 });
    expect(parsed.end?.report.skipped.total).toBe(2);
    expect(parsed.end?.report.notes).toContain(
      "conversions were rounded to whole numbers in 2 rows",
    );
    expect(refs(parsed).map((r) => [r.id, r.platform, r.status])).toEqual([
      ["18203377001", "google", "active"],
      ["18203377002", "google", "active"],
    ]);
  });

  it("TikTok: By Day, Total cost, Clicks (Destination) over Clicks (All)", async () => {
    const parsed = await parse(fixture("tiktok-by-day.csv"), "campaigns");
    expect(campaignRows(parsed)[1]).toMatchObject({
      day: "2026-03-02",
      spend: 231.75,
      clicks: 655,
      reach: 41880,
      conversions: 16,
    });
    expect(refs(parsed)[0]?.platform).toBe("tiktok");
  });

  it("LinkedIn: report preamble, Start Date (in UTC), US dates, Total Spent", async () => {
    const parsed = await parse(fixture("linkedin-campaign-performance.csv"), "campaigns");
    expect(parsed.start).toMatchObject({
      headerLine: 4,
      dayOrder: { order: "mdy", evidence: "sample" },
      facts: { export: "LinkedIn Campaign Manager" },
    });
    expect(campaignRows(parsed).map((r) => [r.day, r.spend, r.engagements])).toEqual([
      ["2026-03-01", 310.22, 155],
      ["2026-03-02", 295.8, 149],
      ["2026-03-13", 301, 151],
    ]);
    expect(refs(parsed)[0]).toMatchObject({
      id: "612345678",
      platform: "linkedin",
      type: "conversion",
    });
  });

  it("semicolons, decimal commas, day-first dates, CRLF and a quoted delimiter", async () => {
    const parsed = await parse(fixture("semicolon-decimal-comma.csv"), "campaigns");
    expect(parsed.start).toMatchObject({
      delimiter: ";",
      numberFormat: { decimal: "," },
      dayOrder: { order: "dmy" },
    });
    expect(campaignRows(parsed)).toEqual([
      expect.objectContaining({
        campaign: "Sommer Sale",
        day: "2026-03-01",
        spend: 1234.56,
        impressions: 12345,
        revenue: 2345.6,
      }),
      expect.objectContaining({
        campaign: "Sommer Sale",
        day: "2026-03-02",
        spend: 999.1,
        impressions: 10002,
        revenue: 1800,
      }),
      expect.objectContaining({ campaign: "Winter; Clearance", day: "2026-03-13", spend: 12.5 }),
    ]);
    expect(refs(parsed).map((r) => [r.platform, r.platformFromRow])).toEqual([
      ["facebook", true],
      ["instagram", true],
    ]);
  });

  it("age and gender breakdowns: rows added up per campaign-day, audience rows kept", async () => {
    const parsed = await parse(fixture("meta-age-gender.csv"), "campaigns");
    expect(campaignRows(parsed)).toEqual([
      expect.objectContaining({
        day: "2026-03-01",
        spend: 155.5,
        impressions: 18500,
        clicks: 365,
        conversions: 9,
        revenue: 710,
      }),
      expect.objectContaining({ day: "2026-03-02", spend: 55, impressions: 6100 }),
    ]);
    const audience = (parsed.batches as CampaignBatch[]).flatMap((b) =>
      b.audience ? [b.audience] : [],
    );
    expect(audience.reduce((n, a) => n + a.size, 0)).toBe(4);
    expect(parsed.end?.report).toMatchObject({
      merged: 3,
      notes: [expect.stringMatching(/1 row with an undetermined age group/)],
    });
  });

  it("UTF-16 (Excel's Unicode text) with tabs", async () => {
    const content = "\uFEFFCampaign\tDay\tCost\r\nÉté\t2026-03-01\t12.5\r\n";
    const parsed = await parse(text(Buffer.from(content, "utf16le")), "campaigns", {
      platform: "google",
    });
    expect(parsed.start).toMatchObject({ encoding: "utf-16le", delimiter: "\t" });
    expect(campaignRows(parsed)).toEqual([
      expect.objectContaining({ campaign: "Été", spend: 12.5 }),
    ]);
  });

  it("spreads a reporting period over its days, keeping the totals exact", async () => {
    const csv =
      "Campaign name,Reporting starts,Reporting ends,Amount spent (USD),Impressions,Link clicks\nMonth,2026-03-01,2026-03-03,100.00,1000,10\n";
    const rows = campaignRows(await parse(text(csv), "campaigns"));
    expect(rows.map((r) => [r.day, r.spend, r.impressions, r.clicks])).toEqual([
      ["2026-03-01", 33.34, 334, 4],
      ["2026-03-02", 33.33, 333, 3],
      ["2026-03-03", 33.33, 333, 3],
    ]);
  });

  it("takes --date for files without dates", async () => {
    const rows = campaignRows(
      await parse(text("Campaign,Cost\nA,5\n"), "campaigns", {
        date: "2026-03-05",
        platform: "tiktok",
      }),
    );
    expect(rows).toEqual([expect.objectContaining({ day: "2026-03-05", spend: 5 })]);
  });
});

describe("other kinds", () => {
  it("tells the kind from the header", async () => {
    expect((await parse(fixture("journeys-events.csv"), "auto")).start?.kind).toBe("journeys");
    expect((await parse(fixture("influencers.csv"), "auto")).start?.kind).toBe("influencers");
    expect((await parse(fixture("posts.csv"), "auto")).start?.kind).toBe("posts");
    expect((await parse(fixture("user-events.csv"), "auto")).start?.kind).toBe("user-events");
    expect((await parse(fixture("google-ads-campaign-report.csv"), "auto")).start?.kind).toBe(
      "campaigns",
    );
  });

  it("journeys: event-level with zones, flags and values", async () => {
    const parsed = await parse(fixture("journeys-events.csv"), "journeys", {
      timezone: "Europe/Paris",
    });
    expect(parsed.start?.facts.shape).toBe("event-level");
    expect(parsed.batches[0]).toMatchObject({ table: "journey_touchpoints" });
    expect((parsed.batches[0] as KeyedBatch<Record<string, unknown>>).rows).toEqual([
      {
        journey_id: "u1",
        touched_at: "2026-03-01T09:00:00.000Z",
        channel: "facebook",
        campaign_id: "Spring Sale — Prospecting",
        is_conversion: 0,
        conversion_value: 0,
      },
      {
        journey_id: "u1",
        touched_at: "2026-03-02T17:30:00.000Z",
        channel: "email",
        campaign_id: null,
        is_conversion: 0,
        conversion_value: 0,
      },
      {
        journey_id: "u1",
        touched_at: "2026-03-03T09:15:00.000Z",
        channel: "organic_search",
        campaign_id: null,
        is_conversion: 1,
        conversion_value: 89.9,
      },
      {
        journey_id: "u2",
        touched_at: "2026-03-01T12:00:00.000Z",
        channel: "google",
        campaign_id: null,
        is_conversion: 0,
        conversion_value: 0,
      },
    ]);
  });

  it("journeys: path-level needs a day, and normalises paths", async () => {
    const missing = await parse(fixture("journeys-paths.csv"), "journeys");
    expect(missing.rejected?.problems[0]?.message).toMatch(/--date/);
    const parsed = await parse(fixture("journeys-paths.csv"), "journeys", { date: "2026-03-31" });
    expect((parsed.batches[0] as KeyedBatch<Record<string, unknown>>).rows[0]).toEqual({
      day: "2026-03-31",
      path: "facebook > email > search",
      conversions: 42,
      conversion_value: 3780,
      nulls: 310,
    });
  });

  it("influencers: handles from @names and URLs, K/M followers, shares in any notation, tier from followers", async () => {
    const parsed = await parse(fixture("influencers.csv"), "influencers");
    expect(
      (parsed.batches[0] as KeyedBatch<Record<string, unknown>>).rows.map((r) => [
        r.handle,
        r.followers,
        r.tier,
        r.fake_follower_share,
        r.brand_fit,
      ]),
    ).toEqual([
      ["glow.with.mia", 48_200, "micro", 0.06, 0.82],
      ["dance.dan", 1_200_000, "mega", 0.12, 0.7],
      ["bizbytes", 9_800, "nano", 0.02, 0.9],
    ]);
  });

  it("users: Starbucks-style ids, F/M/O, numeric ages (118 = unknown), YYYYMMDD signups", async () => {
    const parsed = await parse(fixture("users-starbucks-style.csv"), "users");
    expect(
      (parsed.batches[0] as KeyedBatch<Record<string, unknown>>).rows.map((r) => [
        r.gender,
        r.age_group,
        r.signup_date,
      ]),
    ).toEqual([
      ["female", "55-64", "2017-07-15"],
      ["male", "unknown", "2018-04-26"],
      ["other", "25-34", "2017-08-09"],
    ]);
  });

  it("user events: a signed points column splits into earned and redeemed", async () => {
    const parsed = await parse(fixture("user-events.csv"), "user-events");
    expect(
      (parsed.batches[0] as KeyedBatch<Record<string, unknown>>).rows.map((r) => [
        r.event_type,
        r.points_earned,
        r.points_redeemed,
      ]),
    ).toEqual([
      ["purchase", 35, 0],
      ["reward_redeemed", 0, 250],
      ["app_open", 0, 0],
    ]);
  });
});

describe("validation", () => {
  const HEADER = "Campaign,Day,Impressions,Clicks,Cost,Conversions,Platform\n";

  it("reports each bad cell with its line and column, and keeps only valid rows", async () => {
    const csv = [
      HEADER.trim(),
      "A,2026-03-01,100,5,1.5,0,facebook", // fine (line 2)
      "B,2026-02-30,100,5,1.5,0,facebook", // impossible date
      "C,2026-03-01,-4,0,1,0,facebook", // negative count
      "D,2026-03-01,10,50,1,0,facebook", // clicks > impressions
      "E,2026-03-01,10,1,abc,0,facebook", // not a number
      ",2026-03-01,10,1,1,0,facebook", // missing campaign
      "F,2026-03-01,10,1,1,0,myspace", // unknown platform
      "G,2030-01-01,10,1,1,0,facebook", // future
      "H,2026-03-01,10.5,1,1,0,facebook", // fractional count
    ].join("\n");
    const parsed = await parse(text(csv), "campaigns");
    expect(campaignRows(parsed).map((r) => r.campaign)).toEqual(["A"]);
    expect(parsed.end?.issueCount).toBe(8);
    expect(parsed.end?.issues).toEqual([
      {
        line: 3,
        column: "Day",
        columnLetter: "B",
        value: "2026-02-30",
        message: "date: impossible date (no such day)",
      },
      {
        line: 4,
        column: "Impressions",
        columnLetter: "C",
        value: "-4",
        message: "impressions cannot be negative",
      },
      {
        line: 5,
        column: "Clicks",
        columnLetter: "D",
        message: "clicks (50) exceed impressions (10)",
      },
      {
        line: 6,
        column: "Cost",
        columnLetter: "E",
        value: "abc",
        message: "spend is not a number",
      },
      { line: 7, column: "Campaign", columnLetter: "A", message: "campaign is empty" },
      {
        line: 8,
        column: "Platform",
        columnLetter: "G",
        value: "myspace",
        message: "unknown platform; expected one of facebook, instagram, tiktok, google, linkedin",
      },
      {
        line: 9,
        column: "Day",
        columnLetter: "B",
        value: "2030-01-01",
        message: "date is in the future (today is 2026-11-22)",
      },
      {
        line: 10,
        column: "Impressions",
        columnLetter: "C",
        value: "10.5",
        message: "impressions must be a whole number",
      },
    ]);
  });

  it("line numbers count the preamble and quoted line breaks", async () => {
    const csv =
      'Report title\nCampaign,Day,Cost,Note\nA,2026-03-01,1,"two\nlines"\nB,2026-03-01,x,ok\n';
    const parsed = await parse(text(csv), "campaigns", { platform: "google" });
    expect(parsed.end?.issues).toEqual([
      { line: 5, column: "Cost", columnLetter: "C", value: "x", message: "spend is not a number" },
    ]);
  });

  it("reports a repeated campaign-day with both lines", async () => {
    const parsed = await parse(
      text("Campaign,Day,Cost\nA,2026-03-01,1\nB,2026-03-01,1\nA,2026-03-01,2\n"),
      "campaigns",
      { platform: "google" },
    );
    expect(parsed.end?.issues[0]).toMatchObject({
      line: 4,
      column: "Campaign",
      message: expect.stringMatching(/already has a row for 2026-03-01 on line 2/),
    });
  });

  it("keeps only the first 20 problems and counts the rest", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `C${i},2026-03-01,bad`);
    const parsed = await parse(text(`Campaign,Day,Cost\n${rows.join("\n")}\n`), "campaigns", {
      platform: "google",
    });
    expect(parsed.end?.issueCount).toBe(30);
    expect(parsed.end?.issues).toHaveLength(20);
    expect(parsed.end?.issues.map((i) => i.line)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 2),
    );
  });

  it("flags rows with more cells than the header", async () => {
    const parsed = await parse(text("Campaign,Day,Cost\nA,2026-03-01,1,extra\n"), "campaigns", {
      platform: "google",
    });
    expect(parsed.end?.issues[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/4 cells but the header has 3/),
    });
  });

  it("rejects files that are not CSV or have broken quoting", async () => {
    const xlsx = await parse(text(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0])), "campaigns");
    expect(xlsx.rejected?.problems[0]?.message).toMatch(/Excel workbook/);
    const empty = await parse(text(""), "campaigns");
    expect(empty.rejected?.problems[0]?.message).toMatch(/empty/);
    const quotes = await parse(text('Campaign,Day,Cost\nA,2026-03-01,"1\n'), "campaigns", {
      platform: "google",
    });
    expect(quotes.rejected?.problems[0]).toEqual({
      line: 2,
      message: expect.stringMatching(/never closed/),
    });
  });

  it("rejects a file whose dates mix month-first and day-first", async () => {
    const parsed = await parse(
      text("Campaign,Day,Cost\nA,03/13/2026,1\nB,13/03/2026,1\n"),
      "campaigns",
    );
    expect(parsed.rejected?.problems[0]?.message).toMatch(/both month-first .* and day-first/);
  });

  it("refuses unknown enum values in other kinds too", async () => {
    const parsed = await parse(
      text("Handle,Platform,Followers,Tier\n@a,myspace,10,nano\n@b,instagram,10,giant\n"),
      "influencers",
    );
    expect(parsed.end?.issues.map((i) => [i.line, i.column, i.message.split(";")[0]])).toEqual([
      [2, "Platform", "unknown platform"],
      [3, "Tier", "unknown tier"],
    ]);
  });
});
