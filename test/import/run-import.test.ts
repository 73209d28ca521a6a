import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/bot/clock";
import { UserError } from "../../src/bot/errors";
import { addDays } from "../../src/core/days";
import { sumTotals } from "../../src/core/kpis";
import type { ImportKind } from "../../src/import/kinds";
import {
  type ImportContext,
  type ImportOptions,
  importFromBuffer,
  importFromFile,
} from "../../src/import/run-import";
import type { Store } from "../../src/store/store";
import { engines } from "../support/test-stores";

const FIXTURES = join(import.meta.dirname, "fixtures");
const clock = fixedClock("2026-11-22T10:00:00.000Z");

describe.each(engines)("imports on $name", (engine) => {
  let store: Store;
  let ctx: ImportContext;

  beforeEach(async () => {
    store = await engine.open();
    const tenant = await store.tenants.ensure(
      { id: "slack:T1", name: "Acme", timezone: "UTC", currency: "USD" },
      clock.now(),
    );
    ctx = { store, tenant, user: { id: "slack:UBOSS" }, clock, managers: ["slack:UBOSS"] };
  });
  afterEach(() => store.close());

  const run = (kind: ImportKind | "auto", csv: string, options: ImportOptions = {}) =>
    importFromBuffer(ctx, kind, csv, options);
  const fixture = (name: string) => readFile(join(FIXTURES, name), "utf8");

  async function daily() {
    return store.db
      .selectFrom("campaign_daily_metrics")
      .selectAll()
      .where("tenant_id", "=", "slack:T1")
      .orderBy("campaign_id")
      .orderBy("day")
      .execute();
  }

  /** The weekly rollup must equal the daily rows summed per ISO week. */
  async function expectRollupConsistent() {
    const rows = await daily();
    const weekly = await store.db
      .selectFrom("campaign_weekly_metrics")
      .selectAll()
      .where("tenant_id", "=", "slack:T1")
      .execute();
    const byWeek = new Map<string, typeof rows>();
    for (const row of rows) {
      const d = new Date(`${row.day}T00:00:00Z`);
      const monday = addDays(row.day, -((d.getUTCDay() + 6) % 7));
      const key = `${row.campaign_id}|${monday}`;
      byWeek.set(key, [...(byWeek.get(key) ?? []), row]);
    }
    expect(weekly).toHaveLength(byWeek.size);
    for (const week of weekly) {
      const sums = sumTotals(
        (byWeek.get(`${week.campaign_id}|${week.week_start}`) ?? []).map((r) => ({
          ...r,
          spend: Number(r.spend),
          revenue: Number(r.revenue),
        })),
      );
      expect(Number(week.spend)).toBeCloseTo(sums.spend, 6);
      expect(Number(week.impressions)).toBe(sums.impressions);
      expect(Number(week.conversions)).toBe(sums.conversions);
      expect(Number(week.revenue)).toBeCloseTo(sums.revenue, 6);
    }
  }

  it("imports a Google Ads export: campaigns created, daily rows and the weekly rollup written, audited", async () => {
    const summary = await run("campaigns", await fixture("google-ads-campaign-report.csv"), {
      fileName: "google.csv",
    });
    expect(summary).toMatchObject({
      status: "imported",
      counts: { inserted: 4, updated: 0, unchanged: 0 },
      campaigns: { created: 2, updated: 0 },
      period: { from: "2026-03-01", to: "2026-03-03" },
      rows: { read: 4, skipped: { total: 2, empty: 0 } },
      errorCount: 0,
    });
    const campaigns = await store.campaigns.list("slack:T1");
    expect(campaigns.map((c) => [c.id, c.name, c.platform, c.type, c.start_date])).toEqual([
      ["18203377002", "Performance Max — Spring", "google", "conversion", "2026-03-01"],
      ["18203377001", "Search — Brand", "google", "conversion", "2026-03-01"],
    ]);
    expect((await daily()).map((r) => [r.campaign_id, r.day, Number(r.spend)])).toEqual([
      ["18203377001", "2026-03-01", 1018.4],
      ["18203377001", "2026-03-02", 972.15],
      ["18203377002", "2026-03-01", 610.09],
      ["18203377002", "2026-03-03", 0],
    ]);
    await expectRollupConsistent();
    const totals = await store.metrics.totals("slack:T1", { from: "2026-02-23", to: "2026-03-08" });
    expect(totals.spend).toBeCloseTo(2600.64, 6);
    const audit = await store.audit.list("slack:T1");
    expect(audit).toEqual([
      expect.objectContaining({
        actor: "slack:UBOSS",
        action: "import.campaigns",
        subject: "google.csv",
      }),
    ]);
    expect(JSON.parse(audit[0]?.details ?? "{}")).toMatchObject({ inserted: 4 });
  });

  it("re-importing the same file changes nothing and duplicates nothing", async () => {
    const csv = await fixture("meta-ads-manager.csv");
    await run("campaigns", csv);
    const before = await daily();
    const again = await run("campaigns", csv);
    expect(again.counts).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
    expect(again.campaigns).toEqual({ created: 0, updated: 0 });
    expect(await daily()).toEqual(before);
    expect(await store.campaigns.count("slack:T1")).toBe(2);
  });

  it("an overlapping period updates the overlap and adds the rest; the rollup follows", async () => {
    await run(
      "campaigns",
      "Campaign,Day,Cost,Clicks,Impressions\nA,2026-03-01,10,1,100\nA,2026-03-02,20,2,200\nA,2026-03-03,30,3,300\n",
      { platform: "google" },
    );
    const overlap = await run(
      "campaigns",
      "Campaign,Day,Cost,Clicks,Impressions\nA,2026-03-02,20,2,200\nA,2026-03-03,35,3,300\nA,2026-03-04,40,4,400\n",
      { platform: "google" },
    );
    expect(overlap.counts).toEqual({ inserted: 1, updated: 1, unchanged: 1 });
    expect((await daily()).map((r) => [r.day, Number(r.spend)])).toEqual([
      ["2026-03-01", 10],
      ["2026-03-02", 20],
      ["2026-03-03", 35],
      ["2026-03-04", 40],
    ]);
    await expectRollupConsistent();
  });

  it("writes only the figures a file has: a revenue file leaves spend alone", async () => {
    await run("campaigns", "Campaign,Day,Cost,Clicks\nA,2026-03-01,10,4\n", { platform: "google" });
    const revenue = await run("campaigns", "Campaign,Day,Revenue\nA,2026-03-01,99.5\n");
    expect(revenue.counts).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect(
      (await daily()).map((r) => [Number(r.spend), Number(r.clicks), Number(r.revenue)]),
    ).toEqual([[10, 4, 99.5]]);
    await expectRollupConsistent();
  });

  it("any invalid row means nothing is written at all", async () => {
    await run("campaigns", "Campaign,Day,Cost\nKeep,2026-03-01,1\n", { platform: "google" });
    const before = await daily();
    const bad = await run(
      "campaigns",
      "Campaign,Day,Cost\nNew,2026-03-02,5\nKeep,2026-03-01,7\nBroken,2026-03-03,-1\n",
      { platform: "google" },
    );
    expect(bad.status).toBe("invalid");
    expect(bad.errors).toEqual([
      expect.objectContaining({ line: 4, column: "Cost", message: "spend cannot be negative" }),
    ]);
    expect(await daily()).toEqual(before);
    expect((await store.campaigns.list("slack:T1")).map((c) => c.name)).toEqual(["Keep"]);
    expect(
      await store.db.selectFrom("campaign_weekly_metrics").select("week_start").execute(),
    ).toHaveLength(1);
    expect(await store.audit.list("slack:T1")).toHaveLength(1);
  });

  it("a dry run validates and counts but writes nothing", async () => {
    const summary = await run("campaigns", await fixture("tiktok-by-day.csv"), { dryRun: true });
    expect(summary).toMatchObject({
      status: "dry_run",
      counts: { inserted: 2, updated: 0, unchanged: 0 },
      campaigns: { created: 1 },
    });
    expect(await daily()).toEqual([]);
    expect(await store.campaigns.count("slack:T1")).toBe(0);
    expect(await store.audit.list("slack:T1")).toEqual([]);
  });

  it("a new campaign without a platform is an error at its first line", async () => {
    const summary = await run("campaigns", "Campaign,Day,Cost\nMystery,2026-03-01,5\n");
    expect(summary.status).toBe("invalid");
    expect(summary.errors[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/platform is unknown.*--platform/),
    });
    expect(await store.campaigns.count("slack:T1")).toBe(0);
  });

  it("matches existing campaigns by name, and extends their start date", async () => {
    await store.campaigns.upsertMany([
      {
        tenant_id: "slack:T1",
        id: "c-1",
        name: "Spring Sale",
        platform: "facebook",
        type: "awareness",
        start_date: "2026-03-05",
        end_date: null,
        budget: 500,
        target_conversions: null,
        status: "active",
        created_at: "x",
        updated_at: "x",
      },
    ]);
    const summary = await run("campaigns", "Campaign,Day,Cost\nspring sale,2026-03-01,5\n");
    expect(summary.campaigns).toEqual({ created: 0, updated: 0 });
    expect((await daily()).map((r) => r.campaign_id)).toEqual(["c-1"]);
    expect((await store.campaigns.get("slack:T1", "c-1"))?.start_date).toBe("2026-03-01");
  });

  it("imports audience rows from an age × gender export", async () => {
    const summary = await run("campaigns", await fixture("meta-age-gender.csv"));
    expect(summary).toMatchObject({
      status: "imported",
      counts: { inserted: 2 },
      audienceRows: 4,
      rows: { merged: 3 },
    });
    const audience = await store.metrics.audienceTotals("slack:T1", {
      from: "2026-03-01",
      to: "2026-03-02",
    });
    expect(audience.find((a) => a.gender === "female" && a.age_group === "18-24")).toMatchObject({
      impressions: 12100,
      clicks: 245,
      conversions: 6,
    });
    expect((await daily()).map((r) => Number(r.impressions))).toEqual([18500, 6100]);
  });

  it("refuses members without the importer role, and lets them in once granted", async () => {
    const member = { ...ctx, user: { id: "slack:UMEMBER" } };
    await expect(
      importFromBuffer(member, "campaigns", "Campaign,Day,Cost\nA,2026-03-01,1\n", {
        platform: "google",
      }),
    ).rejects.toThrow(UserError);
    await expect(importFromBuffer(member, "campaigns", "x", {})).rejects.toMatchObject({
      code: "import_forbidden",
    });
    expect(await daily()).toEqual([]);
    await store.roles.grant("slack:T1", "slack:UMEMBER", "importer", "slack:UBOSS", clock.now());
    const summary = await importFromBuffer(
      member,
      "campaigns",
      "Campaign,Day,Cost\nA,2026-03-01,1\n",
      { platform: "google" },
    );
    expect(summary.status).toBe("imported");
  });

  it("users, then their events (events of unknown users are errors)", async () => {
    const users = await run("users", await fixture("users-starbucks-style.csv"));
    expect(users.counts).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
    const events = await run("auto", await fixture("user-events.csv"));
    expect(events).toMatchObject({ kind: "user-events", counts: { inserted: 3 } });
    expect(await store.appUsers.countEvents("slack:T1")).toBe(3);
    const again = await run("user-events", await fixture("user-events.csv"));
    expect(again.counts).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
    const stranger = await run(
      "user-events",
      "User ID,Timestamp,Event,Points earned\nnobody,2026-03-01T10:00:00Z,purchase,5\n",
    );
    expect(stranger.errors[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/"nobody" is not known: import users first/),
    });
    expect(await store.appUsers.countEvents("slack:T1")).toBe(3);
    const changed = await run(
      "users",
      "id,gender,segment\n68be06ca386d4c31939f3a4f0e3dd783,F,gold\n",
    );
    expect(changed.counts).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
  });

  it("influencers, posts and journeys update in place on re-import", async () => {
    await store.campaigns.upsertMany([
      {
        tenant_id: "slack:T1",
        id: "c-9",
        name: "Spring Sale — Prospecting",
        platform: "facebook",
        type: "conversion",
        start_date: "2026-03-01",
        end_date: null,
        budget: 0,
        target_conversions: null,
        status: "active",
        created_at: "x",
        updated_at: "x",
      },
    ]);
    expect((await run("influencers", await fixture("influencers.csv"))).counts.inserted).toBe(3);
    expect((await run("influencers", await fixture("influencers.csv"))).counts.unchanged).toBe(3);
    expect((await store.influencers.get("slack:T1", "tiktok", "dance.dan"))?.followers).toBe(
      1_200_000,
    );
    expect((await run("posts", await fixture("posts.csv"))).counts.inserted).toBe(2);
    const edited = (await fixture("posts.csv")).replace("52000", "53000");
    expect((await run("posts", edited)).counts).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    expect((await run("journeys", await fixture("journeys-events.csv"))).counts.inserted).toBe(4);
    const touches = await store.db
      .selectFrom("journey_touchpoints")
      .selectAll()
      .where("tenant_id", "=", "slack:T1")
      .orderBy("touched_at")
      .execute();
    // The campaign named in the file is stored by its id.
    expect(touches[0]?.campaign_id).toBe("c-9");
    const paths = await run("journeys", await fixture("journeys-paths.csv"), {
      date: "2026-03-31",
    });
    expect(paths.counts.inserted).toBe(3);
    expect(
      (await store.journeys.pathTotals("slack:T1", { from: "2026-03-31", to: "2026-03-31" }))[0],
    ).toMatchObject({ path: "google", conversions: 120 });
  });

  it("imports the same rows from a file, inline or on a worker thread", async () => {
    const path = join(FIXTURES, "linkedin-campaign-performance.csv");
    const inline = await importFromFile(ctx, "campaigns", path, { parallel: false, dryRun: true });
    const threaded = await importFromFile(ctx, "campaigns", path, { parallel: true, dryRun: true });
    expect(threaded.counts).toEqual(inline.counts);
    expect(threaded.columns).toEqual(inline.columns);
    expect(threaded.file).toBe("linkedin-campaign-performance.csv");
  });

  it("writes every figure of a many-batch file parsed on a worker thread (batch buffers reused)", async () => {
    // 60,000 rows: several batches, so the worker refills buffers the main thread handed back.
    // Newest day first, as many exports list them (each campaign's days run backwards).
    const campaigns = 120;
    const days = 500;
    const lines = ["Campaign ID,Campaign name,Day,Amount spent (USD),Impressions,Link clicks"];
    for (let d = 0; d < days; d++) {
      const day = addDays("2026-11-20", -d);
      for (let c = 0; c < campaigns; c++) {
        lines.push(`c${c},Campaign ${c},${day},${(c * 7 + d) / 4},${1000 + c * 31 + d},${c + d}`);
      }
    }
    const dir = await mkdtemp(join(tmpdir(), "adpulse-import-"));
    const path = join(dir, "many.csv");
    try {
      await writeFile(path, `${lines.join("\n")}\n`);
      const threaded = await importFromFile(ctx, "campaigns", path, {
        platform: "facebook",
        parallel: true,
      });
      expect(threaded.counts).toEqual({ inserted: campaigns * days, updated: 0, unchanged: 0 });
      const rows = await daily();
      expect(rows).toHaveLength(campaigns * days);
      for (const row of rows) {
        const c = Number(row.campaign_id.slice(1));
        const d = (Date.parse("2026-11-20") - Date.parse(row.day)) / 86_400_000;
        expect([Number(row.spend), row.impressions, row.clicks]).toEqual([
          (c * 7 + d) / 4,
          1000 + c * 31 + d,
          c + d,
        ]);
      }
      await expectRollupConsistent();
      // Read inline, the same file finds every row as written.
      const again = await importFromFile(ctx, "campaigns", path, { parallel: false, dryRun: true });
      expect(again.counts).toEqual({ inserted: 0, updated: 0, unchanged: campaigns * days });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
