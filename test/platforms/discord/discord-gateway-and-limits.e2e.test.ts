import { RESTEvents, Routes } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import commands from "../../../commands/index";
import { fixedClock } from "../../../src/bot/clock";
import { createDiscordBot } from "../../../src/platforms/discord/discord-bot";
import { slashCommand } from "../../support/discord-interactions";
import { type DiscordStandin, startDiscordStandin } from "../../support/discord-standin";
import {
  type DiscordTestBot,
  memoryLog,
  startDiscordTestBot,
} from "../../support/discord-test-bot";
import { sqliteEngine } from "../../support/test-stores";

const EDIT_ORIGINAL = "PATCH /webhooks/:app/:token/messages/@original";

describe("Discord refusing requests: 429s honoured by discord.js, uploads refused", () => {
  let discord: DiscordStandin;
  let bot: DiscordTestBot;

  beforeAll(async () => {
    discord = await startDiscordStandin();
    bot = await startDiscordTestBot(discord, { registerOnStart: false });
  });

  afterAll(async () => {
    await bot?.stop();
    await discord?.close();
  });

  it("waits retry_after before retrying a rate-limited follow-up, and the answer still arrives", async () => {
    discord.failNext(EDIT_ORIGINAL, 1, { status: 429, retryAfter: 1 });
    bot.dispatcher.hold();
    const interaction = discord.dispatchInteraction(
      slashCommand(discord.place(), "roi", { period: "last 30d" }),
    );
    await discord.waitFor(() => interaction.response);
    bot.dispatcher.release();

    const message = await discord.waitFor(
      () => interaction.original?.loading === false && interaction.original,
      15_000,
    );
    expect(message.embeds[0]?.title).toContain("ROI ranking");
    const [limited, retried, ...more] = discord.callsTo(EDIT_ORIGINAL);
    expect(limited?.status).toBe(429);
    expect(retried?.status).toBe(200);
    expect(more).toEqual([]);
    // A lower bound the client must respect (retry_after = 1 s), not a benchmark.
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
    expect(retried?.files).toHaveLength(1);
    expect(bot.logs.text()).toContain("Discord answered 429");
  });

  it("sends the answer without its chart when Discord refuses the upload (413)", async () => {
    discord.maxFileBytes = 1_000;
    try {
      const interaction = discord.dispatchInteraction(
        slashCommand(discord.place(), "roi", { period: "last 30d" }),
      );
      const answer = await discord.answerTo(interaction);
      expect(answer.attachments).toEqual([]);
      expect(answer.embeds[0]?.image).toBeUndefined();
      expect(answer.embeds[0]?.description).toContain("📊 **ROI by campaign");
      const refused = discord.calls.filter((c) => c.status === 413);
      expect(refused).toHaveLength(1);
      expect(refused[0]?.files).toHaveLength(1);
      expect(bot.logs.text()).toContain("sending it without them");
    } finally {
      discord.maxFileBytes = 10 * 1024 * 1024;
    }
  });

  it("holds every request back while the global limit lasts", async () => {
    const rest = bot.bot.client.rest;
    discord.failNext("GET /users/@me", 1, { status: 429, retryAfter: 1, global: true });
    const limitedSeen = new Promise<void>((resolve) => {
      const onDebug = (message: string) => {
        if (!message.includes("429")) return;
        rest.off(RESTEvents.Debug, onDebug);
        resolve();
      };
      rest.on(RESTEvents.Debug, onDebug);
    });
    const first = rest.get(Routes.user());
    await limitedSeen;
    // Another route, another bucket: only the global limit can hold this one back.
    const second = rest.get(Routes.gatewayBot());
    await Promise.all([first, second]);

    const limited = discord.calls.find((c) => c.status === 429 && c.route === "GET /users/@me");
    const gateway = discord.callsTo("GET /gateway/bot").at(-1);
    const retried = discord.callsTo("GET /users/@me").at(-1);
    expect(gateway?.status).toBe(200);
    expect(retried?.status).toBe(200);
    expect((gateway?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
    // Nothing was sent into the block: the only global 429 is the injected one.
    expect(discord.calls.filter((c) => c.status === 429 && c.route !== EDIT_ORIGINAL)).toHaveLength(
      1,
    );
  });
});

describe("gateway session", () => {
  let discord: DiscordStandin;
  let bot: DiscordTestBot;

  beforeAll(async () => {
    discord = await startDiscordStandin({ heartbeatIntervalMs: 150 });
    bot = await startDiscordTestBot(discord, { registerOnStart: false });
  });

  afterAll(async () => {
    await bot?.stop();
    await discord?.close();
  });

  it("heartbeats at the HELLO interval, gets acknowledged and keeps its one session", async () => {
    await discord.waitFor(() => discord.heartbeatsAcknowledged >= 3, 5_000);
    const identifies = discord.frames.filter((f) => f.direction === "received" && f.op === 2);
    expect(identifies).toHaveLength(1);
    expect(discord.gatewayConnections).toHaveLength(1);
    expect(
      discord.frames.filter((f) => f.direction === "sent" && f.op === 11).length,
    ).toBeGreaterThanOrEqual(3);
    expect(bot.bot.client.ws.ping).toBeGreaterThanOrEqual(0);
  });

  it("stops cleanly: the gateway connection closes", async () => {
    expect(discord.openSessions).toBe(1);
    await bot.bot.stop();
    await discord.waitFor(() => discord.openSessions === 0 || undefined);
    expect(bot.bot.client.isReady()).toBe(false);
  });
});

describe("a token Discord refuses", () => {
  it("fails start with a message naming DISCORD_TOKEN, and never logs the token", async () => {
    const discord = await startDiscordStandin();
    const store = await sqliteEngine.open();
    const logs = memoryLog();
    const wrong = "wrong-token.Zz9.c2VjcmV0";
    const bot = createDiscordBot({
      discord: { token: wrong, applicationId: discord.applicationId, apiUrl: discord.apiUrl },
      dispatcher: { dispatch: async () => ({ title: "", data: {} }) },
      commands,
      store,
      clock: fixedClock("2026-11-22T10:00:00Z"),
      defaultTimezone: "UTC",
      log: logs.log,
    });
    try {
      await expect(bot.start()).rejects.toThrow(/DISCORD_TOKEN.*Developer Portal.*DISCORD_API_URL/);
      expect(discord.callsTo("GET /gateway/bot")[0]?.status).toBe(401);
      expect(logs.text()).not.toContain("wrong-token");
    } finally {
      await bot.stop();
      await discord.close();
      await store.close();
    }
  });
});
