import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import digest from "../../jobs/digest";
import type { ChartRasterizer } from "../../src/bot/dispatcher";
import { createChartRasterizer } from "../../src/charts/rasterizer";
import { silentLogger } from "../../src/logger";
import { createSlackChannelPoster } from "../../src/platforms/slack/slack-channel-poster";
import type { Store } from "../../src/store/store";
import { type SlackApiStandin, startSlackApiStandin } from "../support/slack-api-standin";
import { sqliteEngine } from "../support/test-stores";
import { addSubscription, jobDeps, ManualClock, resetScheduling, seed } from "./fixtures";

// Scheduled digests through the real Slack poster (Bolt's WebClient, the files v2 upload and the
// Block Kit renderer) into the local Slack stand-in, with failures injected per method. Retry
// waits go to a manual clock: the storms cost no real time.

const rasterizer = createChartRasterizer();
const failingRasterizer: ChartRasterizer = {
  renderAll: async (charts) => charts.map((c) => ({ ...c, renderError: "canvas exploded" })),
};

let slack: SlackApiStandin;
let store: Store;
let clock: ManualClock;

beforeAll(async () => {
  slack = await startSlackApiStandin();
  store = await sqliteEngine.open();
  await seed(store);
});
afterAll(async () => {
  await store.close();
  await slack.close();
});
beforeEach(async () => {
  slack.reset();
  await resetScheduling(store);
  clock = new ManualClock("2026-11-23T08:00:30Z");
});

function deps(overrides: Parameters<typeof jobDeps>[3] = {}) {
  const poster = createSlackChannelPoster({
    botToken: slack.botToken,
    apiUrl: slack.apiUrl,
    log: silentLogger(),
  });
  return jobDeps(store, clock, { slack: poster }, { rasterizer, ...overrides });
}

const CHANNELS = ["C0ALPHA", "C0BRAVO", "C0CHARLIE"];

async function subscribeAll(): Promise<void> {
  for (const channel_id of CHANNELS) await addSubscription(store, { channel_id });
}

describe("scheduled digests into Slack", () => {
  it("posts text and chart as one message per channel, with the message id in the ledger", async () => {
    await subscribeAll();
    const summary = await digest.run(deps(), clock.now());
    expect(summary).toMatchObject({ claimed: 3, sent: 3, failed: 0 });
    for (const channel of CHANNELS) {
      const [message, ...more] = slack.messagesIn(channel);
      expect(more).toEqual([]);
      expect(message?.via).toBe("files.completeUploadExternal");
      expect(message?.fileIds).toHaveLength(1);
    }
    const rows = await store.db.selectFrom("deliveries").selectAll().execute();
    expect(
      rows.every((r) => r.status === "sent" && r.platform_message_id?.startsWith("files:F")),
    ).toBe(true);
    const header = JSON.stringify(slack.messagesIn("C0ALPHA")[0]?.blocks?.[0]);
    expect(header).toContain("Daily digest — yesterday (Sun 22 Nov)");
  });

  it("loses nothing and duplicates nothing in a 429 storm, honouring Retry-After", async () => {
    await subscribeAll();
    slack.failNext("files.getUploadURLExternal", 2, { status: 429, retryAfterSeconds: 3 });
    slack.failNext("files.completeUploadExternal", 3, { status: 429, retryAfterSeconds: 7 });
    const summary = await digest.run(deps({ concurrency: 1 }), clock.now());
    expect(summary).toMatchObject({ sent: 3, failed: 0 });
    for (const channel of CHANNELS) expect(slack.messagesIn(channel)).toHaveLength(1);
    expect(slack.calls.filter((c) => c.status === 429)).toHaveLength(5);
    // The waits asked for were waited (the pacer adds the channel's 1 s spacing on top).
    expect(clock.waits.filter((w) => w >= 3000).sort()).toEqual([3000, 3000, 7000, 7000, 7000]);
    const attempts = (await store.db.selectFrom("deliveries").select("attempts").execute()).map(
      (r) => r.attempts,
    );
    expect(attempts.reduce((a, b) => a + b, 0)).toBe(3 + 5);
  });

  it("loses nothing and duplicates nothing in a 5xx storm, retrying with backoff", async () => {
    await subscribeAll();
    // Three channels in parallel share the storm; each delivery retries up to 3 times.
    slack.failNext("files.completeUploadExternal", 3, { status: 500 });
    slack.failNext("files.getUploadURLExternal", 3, { status: 500 });
    const summary = await digest.run(deps({ concurrency: 3 }), clock.now());
    expect(summary).toMatchObject({ sent: 3, failed: 0 });
    for (const channel of CHANNELS) expect(slack.messagesIn(channel)).toHaveLength(1);
    expect(slack.calls.filter((c) => c.status === 500)).toHaveLength(6);
    const attempts = (await store.db.selectFrom("deliveries").select("attempts").execute()).map(
      (r) => r.attempts,
    );
    // Each failure cost a retry, except on a delivery's last allowed attempt, which posts the
    // text without the chart instead (chat.postMessage) when it draws a fourth failure.
    const degraded = CHANNELS.flatMap((c) => slack.messagesIn(c)).filter(
      (m) => m.via === "chat.postMessage",
    );
    expect(attempts.reduce((a, b) => a + b, 0) + degraded.length).toBe(3 + 6);
  });

  it("sends the text without the chart on the last attempt when uploads keep failing", async () => {
    await addSubscription(store, { channel_id: "C0ALPHA" });
    slack.failNext("files.getUploadURLExternal", 4, { status: 500 });
    const summary = await digest.run(deps(), clock.now());
    expect(summary).toMatchObject({ sent: 1, failed: 0 });
    const [message, ...more] = slack.messagesIn("C0ALPHA");
    expect(more).toEqual([]);
    expect(message?.via).toBe("chat.postMessage");
    expect(JSON.stringify(message?.blocks)).toContain("Top and bottom campaigns by ROI");
  });

  it("still posts the text when the chart fails to render", async () => {
    await addSubscription(store, { channel_id: "C0ALPHA" });
    const summary = await digest.run(deps({ rasterizer: failingRasterizer }), clock.now());
    expect(summary).toMatchObject({ sent: 1, failed: 0 });
    const [message] = slack.messagesIn("C0ALPHA");
    expect(message?.via).toBe("chat.postMessage");
    expect(JSON.stringify(message?.blocks)).toContain("Chart could not be drawn");
    expect(slack.callsTo("files.getUploadURLExternal")).toEqual([]);
  });

  it("marks a 5xx storm beyond the bound failed and tells the owner by DM, once", async () => {
    await addSubscription(store, {
      id: "dg-storm",
      channel_id: "C0ALPHA",
      owner_id: "slack:U0OWNER",
    });
    slack.failNext("chat.postMessage", 4, { status: 500 });
    const run = () => digest.run(deps({ rasterizer: failingRasterizer }), clock.now());
    const summary = await run();
    expect(summary).toMatchObject({ sent: 0, failed: 1 });
    expect(slack.messagesIn("C0ALPHA")).toEqual([]);
    const [notice, ...more] = slack.messagesIn("U0OWNER");
    expect(more).toEqual([]);
    expect(notice?.text).toContain("Your digest could not be posted");
    expect(JSON.stringify(notice?.blocks)).toContain("http_500");
    const row = await store.db.selectFrom("deliveries").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: "failed",
      attempts: 4,
      owner_notified: 1,
      platform_message_id: null,
    });
    expect(row.last_error).toMatch(/^http_500/);
    await run();
    expect(slack.messagesIn("U0OWNER")).toHaveLength(1);
    expect(slack.messagesIn("C0ALPHA")).toEqual([]);
  });

  it("fails at once, without retrying, where the bot may not post", async () => {
    slack.setChannel("C0SECRET", { member: false, isPrivate: true });
    await addSubscription(store, { channel_id: "C0SECRET", owner_id: "slack:U0OWNER" });
    await addSubscription(store, { channel_id: "C0ALPHA" });
    const summary = await digest.run(deps(), clock.now());
    expect(summary).toMatchObject({ sent: 1, failed: 1 });
    const failed = summary.runs.flatMap((r) => r.deliveries).find((d) => d.status === "failed");
    expect(failed).toMatchObject({ channelId: "C0SECRET", attempts: 1 });
    expect(failed?.error).toMatch(/^channel_not_found/);
    expect(JSON.stringify(slack.messagesIn("U0OWNER")[0]?.blocks)).toContain("Invite adpulse");
  });
});
