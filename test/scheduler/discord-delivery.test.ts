import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import digest from "../../jobs/digest";
import type { ChartRasterizer } from "../../src/bot/dispatcher";
import { createChartRasterizer } from "../../src/charts/rasterizer";
import { silentLogger } from "../../src/logger";
import { createDiscordChannelPoster } from "../../src/platforms/discord/discord-channel-poster";
import type { Store } from "../../src/store/store";
import { type DiscordStandin, startDiscordStandin } from "../support/discord-standin";
import { sqliteEngine } from "../support/test-stores";
import { addSubscription, jobDeps, ManualClock, resetScheduling, seed } from "./fixtures";

// Scheduled digests through the real Discord poster (discord.js's REST layer and the embed
// renderer) into the local Discord stand-in, with failures injected per route. Retry waits go to
// a manual clock: the storms cost no real time.

const rasterizer = createChartRasterizer();
const failingRasterizer: ChartRasterizer = {
  renderAll: async (charts) => charts.map((c) => ({ ...c, renderError: "canvas exploded" })),
};

const GUILDS = [
  { id: "1200000000000000001", name: "Marketing HQ", channelId: "1300000000000000001" },
  { id: "1200000000000000002", name: "Growth", channelId: "1300000000000000002" },
  { id: "1200000000000000003", name: "Brand", channelId: "1300000000000000003" },
];
const CHANNELS = GUILDS.map((g) => g.channelId);
const POST_ROUTE = "POST /channels/:channel/messages";
const OWNER = "1400000000000000009";

let discord: DiscordStandin;
let store: Store;
let clock: ManualClock;

beforeAll(async () => {
  discord = await startDiscordStandin({ guilds: GUILDS });
  store = await sqliteEngine.open();
  await seed(store);
});
afterAll(async () => {
  await store.close();
  await discord.close();
});
beforeEach(async () => {
  discord.reset();
  await resetScheduling(store);
  clock = new ManualClock("2026-11-23T08:00:30Z");
});

function deps(overrides: Parameters<typeof jobDeps>[3] = {}) {
  const poster = createDiscordChannelPoster({
    token: discord.token,
    apiUrl: discord.apiUrl,
    log: silentLogger(),
  });
  return jobDeps(store, clock, { discord: poster }, { rasterizer, ...overrides });
}

function subscribe(
  channel_id: string,
  fields: Parameters<typeof addSubscription>[1] = { channel_id },
) {
  return addSubscription(store, {
    platform: "discord",
    owner_id: `discord:${OWNER}`,
    ...fields,
    channel_id,
  });
}

async function subscribeAll(): Promise<void> {
  for (const channel of CHANNELS) await subscribe(channel);
}

describe("scheduled digests into Discord", () => {
  it("posts one embed with the chart attached per channel, with the message id in the ledger", async () => {
    await subscribeAll();
    const summary = await digest.run(deps(), clock.now());
    expect(summary).toMatchObject({ claimed: 3, sent: 3, failed: 0 });
    for (const channel of CHANNELS) {
      const [message, ...more] = discord.messagesIn(channel);
      expect(more).toEqual([]);
      expect(message?.embeds[0]?.title).toContain("Daily digest — yesterday (Sun 22 Nov)");
      const [png] = message?.attachments ?? [];
      expect(png?.bytes.subarray(1, 4).toString()).toBe("PNG");
      expect(message?.embeds[0]?.image).toEqual({ url: `attachment://${png?.name}` });
      expect(png?.description).toContain("ROI");
    }
    const rows = await store.db.selectFrom("deliveries").selectAll().execute();
    const ids = new Set(discord.channelMessages.map((m) => m.id));
    expect(rows.every((r) => r.status === "sent" && ids.has(r.platform_message_id ?? ""))).toBe(
      true,
    );
  });

  it("loses nothing and duplicates nothing in a 429 storm, honouring retry_after", async () => {
    await subscribeAll();
    discord.failNext(POST_ROUTE, 3, { status: 429, retryAfter: 4 });
    const summary = await digest.run(deps({ concurrency: 1 }), clock.now());
    expect(summary).toMatchObject({ sent: 3, failed: 0 });
    for (const channel of CHANNELS) expect(discord.messagesIn(channel)).toHaveLength(1);
    expect(discord.calls.filter((c) => c.status === 429)).toHaveLength(3);
    expect(clock.waits.filter((w) => w >= 4000)).toHaveLength(3);
    const attempts = await store.db.selectFrom("deliveries").select("attempts").execute();
    expect(attempts.reduce((n, r) => n + r.attempts, 0)).toBe(3 + 3);
  });

  it("loses nothing and duplicates nothing in a 5xx storm, retrying with backoff", async () => {
    await subscribeAll();
    discord.failNext(POST_ROUTE, 5, { status: 500 });
    const summary = await digest.run(deps({ concurrency: 3 }), clock.now());
    expect(summary).toMatchObject({ sent: 3, failed: 0 });
    for (const channel of CHANNELS) expect(discord.messagesIn(channel)).toHaveLength(1);
    expect(discord.calls.filter((c) => c.status === 500)).toHaveLength(5);
  });

  it("still posts the text when the chart fails to render", async () => {
    await subscribe(CHANNELS[0] as string);
    const summary = await digest.run(deps({ rasterizer: failingRasterizer }), clock.now());
    expect(summary).toMatchObject({ sent: 1, failed: 0 });
    const [message] = discord.messagesIn(CHANNELS[0] as string);
    expect(message?.attachments).toEqual([]);
    expect(JSON.stringify(message?.embeds)).toContain("Chart could not be drawn");
  });

  it("marks a 5xx storm beyond the bound failed and tells the owner by DM, once", async () => {
    await subscribe(CHANNELS[0] as string);
    discord.failNext(POST_ROUTE, 4, { status: 500 });
    const run = () => digest.run(deps({ rasterizer: failingRasterizer }), clock.now());
    expect(await run()).toMatchObject({ sent: 0, failed: 1 });
    expect(discord.messagesIn(CHANNELS[0] as string)).toEqual([]);
    const [notice, ...more] = discord.dmsTo(OWNER);
    expect(more).toEqual([]);
    expect(JSON.stringify(notice?.embeds)).toContain("Your digest could not be posted");
    const row = await store.db.selectFrom("deliveries").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "failed", attempts: 4, owner_notified: 1 });
    expect(row.last_error).toMatch(/^http_500/);
    await run();
    expect(discord.dmsTo(OWNER)).toHaveLength(1);
  });

  it("fails at once, without retrying, in a channel Discord does not know", async () => {
    await subscribe("1399999999999999999");
    await subscribe(CHANNELS[1] as string);
    const summary = await digest.run(deps(), clock.now());
    expect(summary).toMatchObject({ sent: 1, failed: 1 });
    const failed = summary.runs.flatMap((r) => r.deliveries).find((d) => d.status === "failed");
    expect(failed).toMatchObject({ channelId: "1399999999999999999", attempts: 1 });
    expect(failed?.error).toMatch(/^channel_not_found/);
    expect(discord.dmsTo(OWNER)).toHaveLength(1);
  });
});
