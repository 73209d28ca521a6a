import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import digest from "../../jobs/digest";
import { DeliveryError } from "../../src/scheduler/channel-poster";
import type { Store } from "../../src/store/store";
import {
  addSubscription,
  jobDeps,
  ManualClock,
  RecordingPoster,
  resetScheduling,
  type SharedDatabase,
  seed,
  sharedPostgres,
  sharedSqlite,
} from "./fixtures";

const postgresUrl = process.env.TEST_DATABASE_URL;
const SLOT = "2026-11-23T08:00:00.000Z"; // 09:00 in Paris

const databases: Array<[string, () => Promise<SharedDatabase>]> = [
  ["sqlite file", sharedSqlite],
  ...(postgresUrl
    ? [["postgres", () => sharedPostgres(postgresUrl)] as [string, () => Promise<SharedDatabase>]]
    : []),
];

describe.each(databases)("digest job on %s", (_name, openShared) => {
  let shared: SharedDatabase;
  let store: Store;
  beforeAll(async () => {
    shared = await openShared();
    store = await shared.open();
    await seed(store);
  });
  afterAll(async () => {
    await store?.close();
    await shared?.dispose();
  });
  beforeEach(() => resetScheduling(store));

  it("three runners over one store post each channel's digest exactly once; again posts nothing", async () => {
    const channels = ["C1", "C2", "C3", "C4", "C5", "C6"];
    for (const channel_id of channels) await addSubscription(store, { channel_id });
    // PostgreSQL: three pools, as three processes would have. SQLite: better-sqlite3 waits for a
    // lock synchronously, which would block this one test process; separate processes on one
    // file are covered by test/scheduler/jobs-cli.e2e.test.ts, so here the runners share one.
    const stores =
      shared.name === "postgres"
        ? [await shared.open(), await shared.open(), await shared.open()]
        : [store, store, store];
    try {
      const runners = stores.map((s, i) => {
        const clock = new ManualClock("2026-11-23T08:00:05Z");
        const poster = new RecordingPoster(clock);
        return { poster, deps: jobDeps(s, clock, { slack: poster }, { owner: `host:${i + 1}:t` }) };
      });
      const summaries = await Promise.all(runners.map((r) => digest.run(r.deps, new Date(SLOT))));
      const posts = runners.flatMap((r) => r.poster.posts);
      expect(posts.map((p) => p.channelId).sort()).toEqual(channels);
      expect(summaries.reduce((n, s) => n + s.claimed, 0)).toBe(6);
      // The rest lost the race: at the insert ("claimed elsewhere") or, reading the watermark
      // after a winner's insert, before even trying; which one depends on timing.
      expect(summaries.reduce((n, s) => n + s.claimedElsewhere, 0)).toBeLessThanOrEqual(12);
      expect(summaries.reduce((n, s) => n + s.sent, 0)).toBe(6);
      expect(posts[0]?.reply.title).toMatch(/^Daily digest — yesterday \(Sun 22 Nov\)/);

      const again = await Promise.all(runners.map((r) => digest.run(r.deps, new Date(SLOT))));
      expect(runners.flatMap((r) => r.poster.posts)).toHaveLength(6);
      expect(again.every((s) => s.claimed === 0 && s.sent === 0 && s.claimedElsewhere === 0)).toBe(
        true,
      );
    } finally {
      if (shared.name === "postgres") for (const s of stores) await s.close();
    }
  });

  it("resumes a run whose process died mid-way, posting only the undelivered channels", async () => {
    const channels = ["C1", "C2", "C3", "C4", "C5"];
    for (const channel_id of channels) await addSubscription(store, { channel_id });
    const clock = new ManualClock("2026-11-23T08:00:05Z");
    const dying = new RecordingPoster(clock);
    // The third post never returns: the process is "killed" while Slack is being called.
    let hung = false;
    dying.before = (_channel, n) => {
      if (n < 3) return;
      hung = true;
      return new Promise<void>(() => {});
    };
    const dead = jobDeps(
      store,
      clock,
      { slack: dying },
      { owner: "host:111:dead", concurrency: 1 },
    );
    void digest.run(dead, new Date(SLOT));
    await waitUntil(() => hung);

    const survivor = new RecordingPoster(clock);
    const deps = jobDeps(
      store,
      clock,
      { slack: survivor },
      {
        owner: "host:222:live",
        isOwnerAlive: (owner) => owner !== "host:111:dead",
      },
    );
    const summary = await digest.run(deps, new Date(SLOT));
    // Its slots are behind the watermark (claimed), so they are resumed rather than re-claimed.
    expect(summary).toMatchObject({
      claimed: 0,
      claimedElsewhere: 0,
      resumed: 3,
      sent: 3,
      failed: 0,
    });
    const delivered = [...dying.posts, ...survivor.posts].map((p) => p.channelId).sort();
    expect(delivered).toEqual(channels);
    // The delivery that was in flight shows both attempts.
    const rows = await store.db
      .selectFrom("deliveries")
      .selectAll()
      .orderBy("channel_id")
      .execute();
    expect(rows.map((r) => [r.channel_id, r.status, r.attempts])).toEqual([
      ["C1", "sent", 1],
      ["C2", "sent", 1],
      ["C3", "sent", 2],
      ["C4", "sent", 1],
      ["C5", "sent", 1],
    ]);
    const runs = await store.db.selectFrom("job_runs").selectAll().execute();
    expect(runs.every((r) => r.status === "done" && r.outcome === "sent")).toBe(true);
    expect(runs.filter((r) => r.takeovers === 1)).toHaveLength(3);
  });

  it("takes over a silent run after its lease, and the silent process stops when it wakes", async () => {
    await addSubscription(store, { channel_id: "C1" });
    await addSubscription(store, { channel_id: "C2" });
    const clock = new ManualClock("2026-11-23T08:00:05Z");
    const slow = new RecordingPoster(clock);
    let wake: ((error: Error) => void) | undefined;
    slow.before = (_c, n) =>
      n === 1
        ? new Promise<void>((_, reject) => {
            wake = reject;
          })
        : undefined;
    const zombie = jobDeps(
      store,
      clock,
      { slack: slow },
      { owner: "host:1:zombie", concurrency: 1 },
    );
    const zombieRun = digest.run(zombie, new Date(SLOT));
    await waitUntil(() => wake !== undefined);

    const other = new RecordingPoster(clock);
    const deps = jobDeps(store, clock, { slack: other }, { owner: "host:2:other" });
    // Within the lease the run is left alone…
    expect((await digest.run(deps, new Date(SLOT))).resumed).toBe(0);
    // …after it, taken over.
    clock.advance(6 * 60_000);
    expect(await digest.run(deps, new Date(SLOT))).toMatchObject({ resumed: 2, sent: 2 });

    // The zombie's call fails (network); it retries, finds the run is no longer its own, stops.
    wake?.(new DeliveryError("network_error", "socket hang up", { retryable: true }));
    const zombieSummary = await zombieRun;
    expect(slow.posts).toHaveLength(0);
    expect(other.posts.map((p) => p.channelId).sort()).toEqual(["C1", "C2"]);
    expect(zombieSummary.sent).toBe(0);
  });
});

describe("digest job timing (SQLite)", () => {
  let shared: SharedDatabase;
  let store: Store;
  beforeAll(async () => {
    shared = await sharedSqlite();
    store = await shared.open();
    await seed(store);
  });
  afterAll(async () => {
    await store.close();
    await shared.dispose();
  });
  beforeEach(() => resetScheduling(store));

  /** Ticks like the scheduler: every minute (at second 30) from `from` to `to`. */
  async function tickEveryMinute(
    clock: ManualClock,
    poster: RecordingPoster,
    from: string,
    to: string,
  ) {
    const deps = jobDeps(store, clock, { slack: poster });
    for (let t = Date.parse(from); t <= Date.parse(to); t += 60_000) {
      clock.set(new Date(t));
      await digest.run(deps, clock.now());
    }
  }

  async function scheduledFor(): Promise<Record<string, string[]>> {
    const runs = await store.db
      .selectFrom("job_runs")
      .selectAll()
      .orderBy("scheduled_for")
      .execute();
    const out: Record<string, string[]> = {};
    for (const r of runs) {
      const list = out[r.subject_id] ?? [];
      list.push(`${r.scheduled_for}${r.late ? " late" : ""}`);
      out[r.subject_id] = list;
    }
    return out;
  }

  /** Subscriptions active from `from`, then a tick every minute until `to`. */
  async function window(
    poster: RecordingPoster,
    clock: ManualClock,
    subs: Array<{ id: string; time: string; timezone: string }>,
    from: string,
    to: string,
  ) {
    await store.db.deleteFrom("subscriptions").execute();
    for (const [i, sub] of subs.entries()) {
      await addSubscription(store, {
        ...sub,
        channel_id: `C${i + 1}`,
        created_at: from,
        active_from: from,
      });
    }
    await tickEveryMinute(clock, poster, from, to);
  }

  it("fires exactly once at the right local time across DST in New York", async () => {
    const subs = [
      { id: "dg-ny-0230", time: "02:30", timezone: "America/New_York" },
      { id: "dg-ny-0130", time: "01:30", timezone: "America/New_York" },
    ];
    const clock = new ManualClock("2026-03-07T00:00:30Z");
    const poster = new RecordingPoster(clock);
    // Spring forward (2026-03-08): 02:30 does not exist.
    await window(poster, clock, subs, "2026-03-07T04:00:30Z", "2026-03-09T08:00:30Z");
    // Fall back (2026-11-01): 01:30 happens twice.
    await window(poster, clock, subs, "2026-10-31T04:00:30Z", "2026-11-02T08:00:30Z");
    expect(await scheduledFor()).toEqual({
      "dg-ny-0130": [
        "2026-03-07T06:30:00.000Z", // 01:30 EST
        "2026-03-08T06:30:00.000Z", // 01:30 EST (before the jump)
        "2026-03-09T05:30:00.000Z", // 01:30 EDT
        "2026-10-31T05:30:00.000Z", // 01:30 EDT
        "2026-11-01T05:30:00.000Z", // the first 01:30 only
        "2026-11-02T06:30:00.000Z", // 01:30 EST
      ],
      "dg-ny-0230": [
        "2026-03-07T07:30:00.000Z", // 02:30 EST
        "2026-03-08T07:00:00.000Z", // no 02:30: 03:00 EDT, the first valid instant after
        "2026-03-09T06:30:00.000Z", // 02:30 EDT
        "2026-10-31T06:30:00.000Z", // 02:30 EDT
        "2026-11-01T07:30:00.000Z", // 02:30 EST (after the repeated hour)
        "2026-11-02T07:30:00.000Z",
      ],
    });
    // Each posted within a minute of its slot, never twice.
    for (const post of poster.posts) {
      const slot = Date.parse(
        String((post.reply.data.digest as { scheduled_for: string }).scheduled_for),
      );
      expect(post.at.getTime() - slot).toBeGreaterThanOrEqual(0);
      expect(post.at.getTime() - slot).toBeLessThan(60_000);
    }
    expect(poster.posts).toHaveLength(12);
  });

  it("fires exactly once at the right local time across DST in Paris", async () => {
    const subs = [
      { id: "dg-paris-0230", time: "02:30", timezone: "Europe/Paris" },
      { id: "dg-paris-0900", time: "09:00", timezone: "Europe/Paris" },
    ];
    const clock = new ManualClock("2026-03-28T00:00:30Z");
    const poster = new RecordingPoster(clock);
    await window(poster, clock, subs, "2026-03-28T00:00:30Z", "2026-03-30T09:00:30Z");
    await window(poster, clock, subs, "2026-10-24T00:00:30Z", "2026-10-26T09:00:30Z");
    expect(await scheduledFor()).toEqual({
      "dg-paris-0230": [
        "2026-03-28T01:30:00.000Z", // 02:30 CET
        "2026-03-29T01:00:00.000Z", // no 02:30: 03:00 CEST
        "2026-03-30T00:30:00.000Z", // 02:30 CEST
        "2026-10-24T00:30:00.000Z",
        "2026-10-25T00:30:00.000Z", // the first of the two 02:30s (CEST)
        "2026-10-26T01:30:00.000Z", // 02:30 CET
      ],
      "dg-paris-0900": [
        "2026-03-28T08:00:00.000Z",
        "2026-03-29T07:00:00.000Z",
        "2026-03-30T07:00:00.000Z",
        "2026-10-24T07:00:00.000Z",
        "2026-10-25T08:00:00.000Z",
        "2026-10-26T08:00:00.000Z",
      ],
    });
    expect(poster.posts).toHaveLength(12);
  });

  it("posts a slot missed during downtime once, late and marked (policy once)", async () => {
    await addSubscription(store, { id: "dg-once", channel_id: "C1", late_policy: "once" });
    const clock = new ManualClock("2026-11-20T08:00:30Z");
    const poster = new RecordingPoster(clock);
    const deps = jobDeps(store, clock, { slack: poster });
    await digest.run(deps, clock.now()); // the 20th, on time
    clock.set("2026-11-22T10:40:00Z"); // down through the 21st's and the 22nd's slots
    const back = await digest.run(deps, clock.now());
    expect(back).toMatchObject({ claimed: 1, late: 1, sent: 1 });
    await digest.run(deps, clock.now());
    clock.set("2026-11-22T10:41:00Z");
    await digest.run(deps, clock.now());
    expect(poster.posts).toHaveLength(2);
    const late = poster.posts[1];
    expect(late?.reply.data.digest).toMatchObject({
      scheduled_for: "2026-11-22T08:00:00.000Z",
      late: true,
      missed: 1,
    });
    expect(late?.reply.text).toMatch(/^_Late: this digest was due Sun 22 Nov 09:00 Europe\/Paris/);
    expect(late?.reply.text).toMatch(/1 earlier digest was missed/);
    // The next day is on time again.
    clock.set("2026-11-23T08:00:30Z");
    expect(await digest.run(deps, clock.now())).toMatchObject({ claimed: 1, late: 0 });
  });

  it("skips a slot missed during downtime under policy skip, and says so in history", async () => {
    await addSubscription(store, {
      id: "dg-skip",
      channel_id: "C1",
      late_policy: "skip",
      active_from: "2026-11-19T12:00:00.000Z",
    });
    const clock = new ManualClock("2026-11-20T08:00:30Z");
    const poster = new RecordingPoster(clock);
    const deps = jobDeps(store, clock, { slack: poster });
    await digest.run(deps, clock.now());
    clock.set("2026-11-22T10:40:00Z");
    expect(await digest.run(deps, clock.now())).toMatchObject({ claimed: 0, skipped: 1, sent: 0 });
    expect(await digest.run(deps, clock.now())).toMatchObject({ skipped: 0 });
    expect(poster.posts).toHaveLength(1);
    const history = await store.jobRuns.history("slack:T0STANDIN", "digest");
    expect(history.map((r) => [r.scheduled_for, r.status, r.missed])).toEqual([
      ["2026-11-22T08:00:00.000Z", "skipped", 1],
      ["2026-11-20T08:00:00.000Z", "done", 0],
    ]);
  });

  it("does not re-run a slot when the clock steps back", async () => {
    await addSubscription(store, { channel_id: "C1" });
    const clock = new ManualClock("2026-11-23T08:00:30Z");
    const poster = new RecordingPoster(clock);
    const deps = jobDeps(store, clock, { slack: poster });
    await digest.run(deps, clock.now());
    // NTP steps the clock back ten minutes, then it runs forward through 09:00 Paris again.
    for (
      let t = Date.parse("2026-11-23T07:50:00Z");
      t <= Date.parse("2026-11-23T08:20:00Z");
      t += 60_000
    ) {
      clock.set(new Date(t));
      await digest.run(deps, clock.now());
    }
    await digest.run(deps, new Date(SLOT));
    expect(poster.posts).toHaveLength(1);
  });

  it("paces two digests due at once in one channel a second apart", async () => {
    // 2026-11-23 is a Monday: the daily and the weekly digest are both due at 09:00 Paris.
    await addSubscription(store, { channel_id: "C9" });
    await addSubscription(store, { channel_id: "C9", cadence: "weekly", day: 1 });
    const clock = new ManualClock("2026-11-23T08:00:30Z");
    const poster = new RecordingPoster(clock);
    // One run at a time, so the fake clock reads each post's own time.
    await digest.run(jobDeps(store, clock, { slack: poster }, { concurrency: 1 }), clock.now());
    const [first, second] = poster.postsIn("C9");
    expect(second && first && second.at.getTime() - first.at.getTime()).toBeGreaterThanOrEqual(
      1000,
    );
    expect(poster.posts.map((p) => p.reply.title.split(" — ")[0]).sort()).toEqual([
      "Daily digest",
      "Weekly digest",
    ]);
  });

  it("marks a delivery failed, tells the owner once, and never reports it as sent", async () => {
    await addSubscription(store, { id: "dg-gone", channel_id: "C0GONE", owner_id: "slack:U0BOSS" });
    await addSubscription(store, { channel_id: "C1" });
    const clock = new ManualClock("2026-11-23T08:00:30Z");
    const poster = new RecordingPoster(clock);
    poster.before = (channel) => {
      if (channel === "C0GONE") {
        throw new DeliveryError("not_in_channel", "Slack refused the message: not_in_channel");
      }
    };
    const deps = jobDeps(store, clock, { slack: poster });
    const summary = await digest.run(deps, clock.now());
    expect(summary).toMatchObject({ sent: 1, failed: 1 });
    const failedRun = summary.runs.find((r) => r.subjectId === "dg-gone");
    expect(failedRun).toMatchObject({
      outcome: "failed",
      deliveries: [{ channelId: "C0GONE", status: "failed", attempts: 1 }],
    });
    expect(poster.notices).toHaveLength(1);
    expect(poster.notices[0]?.userId).toBe("slack:U0BOSS");
    expect(poster.notices[0]?.reply.text).toMatch(/not_in_channel[\s\S]*Invite adpulse/);
    // A rerun neither retries the failed delivery nor tells the owner again.
    await digest.run(deps, clock.now());
    expect(poster.notices).toHaveLength(1);
    const row = await store.db
      .selectFrom("deliveries")
      .selectAll()
      .where("channel_id", "=", "C0GONE")
      .executeTakeFirst();
    expect(row).toMatchObject({ status: "failed", platform_message_id: null, owner_notified: 1 });
  });

  it("retries a 5xx with jittered backoff, then fails for good after the bound", async () => {
    await addSubscription(store, { channel_id: "C1" });
    const clock = new ManualClock("2026-11-23T08:00:30Z");
    const poster = new RecordingPoster(clock, "slack", 0); // no pacing: only backoff waits
    poster.before = () => {
      throw new DeliveryError("http_500", "Slack answered HTTP 500", { retryable: true });
    };
    const summary = await digest.run(jobDeps(store, clock, { slack: poster }), clock.now());
    expect(summary).toMatchObject({ sent: 0, failed: 1 });
    expect(summary.runs[0]?.deliveries[0]?.attempts).toBe(4); // 1 + 3 retries
    // Backoff 1 s, 2 s, 4 s with equal jitter at random 0.5: 750, 1500, 3000 ms.
    expect(clock.waits.filter((w) => w > 0)).toEqual([750, 1500, 3000]);
    expect(poster.notices).toHaveLength(1);
  });

  it("does not claim subscriptions on platforms this process cannot post to", async () => {
    await addSubscription(store, { channel_id: "123456", platform: "discord" });
    const clock = new ManualClock("2026-11-23T08:00:30Z");
    const poster = new RecordingPoster(clock);
    const summary = await digest.run(jobDeps(store, clock, { slack: poster }), clock.now());
    expect(summary.claimed).toBe(0);
    expect(await store.db.selectFrom("job_runs").selectAll().execute()).toEqual([]);
  });
});

async function waitUntil(
  probe: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
