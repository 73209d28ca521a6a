import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import alerts from "../../jobs/alerts";
import { addDays, eachDay } from "../../src/core/days";
import type { DailyMetricRow } from "../../src/store/schema";
import type { Store } from "../../src/store/store";
import { jobDeps, ManualClock, RecordingPoster, resetScheduling } from "../scheduler/fixtures";
import { sqliteEngine } from "../support/test-stores";

// One campaign with a steady day (spend ≈ $100, 10 conversions, $300 revenue) from September to
// 2026-11-21; tests then write the day(s) they judge. Same-weekday history: spend median ≈ 101,
// MAD ≈ 1, floored to 5 % of the median (5.05); a $400 day scores 0.6745 × 299 / 5.05 ≈ 40.

const TENANT = "t-alerts";
const NOW = new Date("2026-11-01T00:00:00Z");

function day(d: string, spend: number): DailyMetricRow {
  return {
    tenant_id: TENANT,
    campaign_id: "c1",
    day: d,
    spend,
    impressions: 10_000,
    reach: 8_000,
    clicks: 200,
    engagements: 300,
    conversions: 10,
    revenue: 300,
  };
}

let store: Store;
let clock: ManualClock;
let poster: RecordingPoster;

beforeAll(async () => {
  store = await sqliteEngine.open();
  await store.tenants.ensure({ id: TENANT, name: "Alerts", timezone: "UTC", currency: "USD" }, NOW);
  await store.campaigns.upsertMany([
    {
      tenant_id: TENANT,
      id: "c1",
      name: "Steady",
      platform: "facebook",
      type: "conversion",
      start_date: "2026-09-01",
      end_date: null,
      budget: 10_000,
      target_conversions: null,
      status: "active",
      created_at: NOW.toISOString(),
      updated_at: NOW.toISOString(),
    },
  ]);
});
afterAll(() => store.close());
beforeEach(async () => {
  await resetScheduling(store);
  await store.metrics.upsertDaily(
    eachDay("2026-09-01", "2026-11-21").map((d, i) => day(d, 100 + (i % 3))),
  );
  await store.db.deleteFrom("campaign_daily_metrics").where("day", ">=", "2026-11-22").execute();
  clock = new ManualClock("2026-11-23T00:05:30Z");
  poster = new RecordingPoster(clock);
});

async function rule(fields: {
  kind: "anomaly" | "threshold";
  metric?: string;
  op?: ">" | "<";
  value?: number;
}) {
  return store.alertRules.create({
    id: `al-${fields.kind}`,
    tenant_id: TENANT,
    platform: "slack",
    channel_id: "C0ALERTS",
    owner_id: "slack:U0OWNER",
    kind: fields.kind,
    metric: fields.metric ?? null,
    op: fields.op ?? null,
    value: fields.value ?? null,
    window_days: 1,
    scope: "{}",
    paused: 0,
    created_at: "2026-11-20T00:00:00.000Z",
  });
}

async function tick(at: string) {
  clock.set(at);
  return alerts.run(jobDeps(store, clock, { slack: poster }), clock.now());
}

describe("alerts job", () => {
  it("alerts once per anomaly with its chart, stays quiet while it lasts, and resolves once", async () => {
    await rule({ kind: "anomaly" });
    await store.metrics.upsertDaily([day("2026-11-22", 400)]);

    const first = await tick("2026-11-23T00:05:30Z");
    expect(first).toMatchObject({ claimed: 1, sent: 1 });
    const [alert] = poster.posts;
    const opened =
      (alert?.reply.data.alert as { opened: { metric: string }[] } | undefined)?.opened ?? [];
    // Spend jumped; CPA (spend / conversions) and ROAS (revenue / spend) moved with it.
    expect(opened.map((o) => o.metric).sort()).toEqual(["cpa", "roas", "spend"]);
    expect(alert?.reply.title).toMatch(/^Alert: /);
    expect(alert?.reply.text).toContain(
      "**Spend** on Sun 22 Nov: $400, usually $101 on that weekday (4.0×).",
    );
    expect(alert?.reply.charts?.map((c) => c.id)).toEqual([
      "anomaly-cpa-2026-11-22",
      "anomaly-roas-2026-11-22",
      "anomaly-spend-2026-11-22",
    ]);

    // Every hour the same day is judged again: still breached, nothing posted.
    expect(await tick("2026-11-23T01:05:30Z")).toMatchObject({ claimed: 1, sent: 0 });
    expect(await tick("2026-11-23T02:05:30Z")).toMatchObject({ claimed: 1, sent: 0 });
    expect(poster.posts).toHaveLength(1);

    // The next day is normal: one resolve message for all three.
    await store.metrics.upsertDaily([day("2026-11-23", 101)]);
    await tick("2026-11-24T00:05:30Z");
    expect(poster.posts).toHaveLength(2);
    expect(poster.posts[1]?.reply.title).toMatch(/^Resolved: /);
    expect(poster.posts[1]?.reply.text).toContain(
      "**Spend** is back in its usual range ($101 on Mon 23 Nov).",
    );
    await tick("2026-11-24T01:05:30Z");
    expect(poster.posts).toHaveLength(2);
  });

  it("re-opens and re-resolves quietly when a breach flaps back within the cooldown", async () => {
    await rule({ kind: "threshold", metric: "cpa", op: ">", value: 20 });
    await store.metrics.upsertDaily([day("2026-11-22", 400)]); // CPA $40
    await tick("2026-11-23T00:05:30Z");
    expect(poster.posts[0]?.reply.text).toContain(
      "**CPA** on Sun 22 Nov is $40.00, above your limit of $20.00.",
    );
    await store.metrics.upsertDaily([day("2026-11-23", 100)]); // CPA $10
    await tick("2026-11-24T00:05:30Z");
    expect(poster.posts).toHaveLength(2); // resolved

    // The 23rd is re-imported with a breach, then corrected again, within hours: no new messages.
    await store.metrics.upsertDaily([day("2026-11-23", 300)]);
    await tick("2026-11-24T05:05:30Z");
    await store.metrics.upsertDaily([day("2026-11-23", 100)]);
    await tick("2026-11-24T06:05:30Z");
    expect(poster.posts).toHaveLength(2);
    const incidents = await store.db.selectFrom("alert_incidents").selectAll().execute();
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ status: "resolved", key: "cpa" });

    // Long after the cooldown, a new breach is a new incident and alerts again.
    await store.metrics.upsertDaily([
      day("2026-11-24", 100),
      day("2026-11-25", 100),
      day("2026-11-26", 500),
    ]);
    await tick("2026-11-27T00:05:30Z");
    expect(poster.posts).toHaveLength(3);
    expect(poster.posts[2]?.reply.title).toMatch(/^Alert: CPA threshold/);
  });

  it("judges nothing while the day's data has not arrived", async () => {
    await rule({ kind: "anomaly" });
    const summary = await tick("2026-11-23T00:05:30Z");
    expect(summary).toMatchObject({ claimed: 1, sent: 0 });
    expect(summary.runs[0]?.outcome).toBe("nothing");
    expect(await store.db.selectFrom("alert_incidents").selectAll().execute()).toEqual([]);
  });

  it("posts an incident once even with two processes evaluating the same hour", async () => {
    await rule({ kind: "anomaly" });
    await store.metrics.upsertDaily([day("2026-11-22", 400)]);
    const other = new RecordingPoster(clock);
    const [a, b] = await Promise.all([
      alerts.run(
        jobDeps(store, clock, { slack: poster }, { owner: "h:1:a" }),
        new Date("2026-11-23T00:05:30Z"),
      ),
      alerts.run(
        jobDeps(store, clock, { slack: other }, { owner: "h:2:b" }),
        new Date("2026-11-23T00:05:30Z"),
      ),
    ]);
    expect((a?.sent ?? 0) + (b?.sent ?? 0)).toBe(1);
    expect(poster.posts.length + other.posts.length).toBe(1);
    expect(addDays("2026-11-22", 1)).toBe("2026-11-23");
  });
});
