import { afterAll, beforeAll, describe, expect, it } from "vitest";
import commands from "../../commands/index";
import { fixedClock, sequentialIds } from "../../src/bot/clock";
import { createDispatcher, type Dispatcher } from "../../src/bot/dispatcher";
import type { PlatformName } from "../../src/bot/invocation";
import type { Reply } from "../../src/bot/reply";
import { createChartRasterizer } from "../../src/charts/rasterizer";
import { formatKpi } from "../../src/core/format";
import { silentLogger } from "../../src/logger";
import { renderReplyAsText } from "../../src/platforms/console/render-text";
import { replyToJson } from "../../src/platforms/console/reply-json";
import { createDiscordBot, type DiscordBot } from "../../src/platforms/discord/discord-bot";
import { createSlackApp, type SlackApp } from "../../src/platforms/slack/slack-app";
import { seedDemo } from "../../src/store/seed-demo";
import type { Store } from "../../src/store/store";
import { DEMO_NOW } from "../support/demo-services";
import { slashCommand } from "../support/discord-interactions";
import { type DiscordStandin, startDiscordStandin } from "../support/discord-standin";
import { lastColumn } from "../support/monospace-table";
import { type SlackApiStandin, startSlackApiStandin } from "../support/slack-api-standin";
import { postToSlackApp, slashCommandBody } from "../support/slack-requests";
import { sqliteEngine } from "../support/test-stores";

// `/campaign roi last 30d` on Slack, Discord and the console: one store, one dispatcher and one
// fixed clock (DEMO_NOW), so "last 30 days" is the same span everywhere and the test does not
// depend on today's date. Each tenant holds the same deterministic demo data set.

const SIGNING_SECRET = "same-figures-signing-secret";
const CHANNEL = "C0MARKETING";

// biome-ignore lint/suspicious/noExplicitAny: tests read into rendered payloads freely
type Json = Record<string, any>;

describe("the same command gives the same figures on Slack, Discord and the console", () => {
  let store: Store;
  let slack: SlackApiStandin;
  let discord: DiscordStandin;
  let slackApp: SlackApp;
  let discordBot: DiscordBot;
  let slackPort: number;
  const answered = new Map<PlatformName, Reply>();

  beforeAll(async () => {
    store = await sqliteEngine.open();
    [slack, discord] = await Promise.all([startSlackApiStandin(), startDiscordStandin()]);
    const now = new Date(DEMO_NOW);
    for (const tenant of ["local", `slack:${slack.teamId}`, `discord:${discord.guilds[0]?.id}`]) {
      await seedDemo(store, tenant, now);
    }
    const real = createDispatcher({
      store,
      commands,
      rasterizer: createChartRasterizer(),
      clock: fixedClock(DEMO_NOW),
      ids: sequentialIds(),
      log: silentLogger(),
      defaultTimezone: "UTC",
    });
    // Records the Reply each platform was given, to compare the figures behind what it showed.
    const dispatcher: Dispatcher = {
      async dispatch(invocation) {
        const reply = await real.dispatch(invocation);
        answered.set(invocation.platform, reply);
        return reply;
      },
    };
    slackApp = createSlackApp({
      slack: {
        botToken: slack.botToken,
        signingSecret: SIGNING_SECRET,
        apiUrl: slack.apiUrl,
        port: 0,
      },
      dispatcher,
      log: silentLogger(),
    });
    slackPort = (await slackApp.start()).port ?? 0;
    discordBot = createDiscordBot({
      discord: {
        token: discord.token,
        applicationId: discord.applicationId,
        apiUrl: discord.apiUrl,
      },
      dispatcher,
      commands,
      store,
      clock: fixedClock(DEMO_NOW),
      defaultTimezone: "UTC",
      log: silentLogger(),
      registerOnStart: false,
    });
    await discordBot.start();
    answered.set(
      "console",
      await dispatcher.dispatch({
        platform: "console",
        tenantId: "local",
        userId: "local:cli",
        text: "roi last 30d",
      }),
    );
  }, 60_000);

  afterAll(async () => {
    await discordBot?.stop();
    await slackApp?.stop();
    await Promise.all([slack?.close(), discord?.close()]);
    await store?.close();
  });

  it("shows the same ROI ranking and overall ROI everywhere, matching the data", async () => {
    await postToSlackApp(
      `http://127.0.0.1:${slackPort}/slack/events`,
      slashCommandBody({
        text: "roi last 30d",
        team_id: slack.teamId,
        channel_id: CHANNEL,
        response_url: slack.responseUrl(),
      }),
      { signingSecret: SIGNING_SECRET },
    );
    const interaction = discord.dispatchInteraction(
      slashCommand(discord.place(), "roi", { period: "last 30d" }),
    );
    const [slackMessage, discordMessage] = await Promise.all([
      slack.waitFor(() => slack.messagesIn(CHANNEL).find((m) => m.fileIds.length > 0), 15_000),
      discord.waitFor(
        () => interaction.original?.loading === false && interaction.original,
        15_000,
      ),
    ]);

    // The figures behind each answer: what `adpulse ask --json` prints for the console.
    const consoleJson = replyToJson(answered.get("console") as Reply);
    const figures = (data: Json) => {
      return {
        period: data.period,
        kpis: data.kpis,
        totals: data.totals,
        campaigns: data.campaigns.map((c: Json) => [c.id, c.spend, c.revenue, c.roi]),
      };
    };
    const expected = figures(consoleJson.data);
    expect(expected.campaigns.length).toBeGreaterThan(10);
    expect(figures(answered.get("slack")?.data ?? {})).toEqual(expected);
    expect(figures(answered.get("discord")?.data ?? {})).toEqual(expected);

    // What each surface shows: the ROI column of the ranking and the overall ROI.
    const top = (expected.campaigns as Json[]).slice(0, 10).map((c) => formatKpi("roi", c[3]));
    const overall = formatKpi("roi", (expected.kpis as Json).roi);

    const slackTexts = (slackMessage.blocks ?? []).flatMap((b: Json) => [
      b.text?.text ?? "",
      ...(b.fields ?? []).map((f: Json) => f.text),
    ]) as string[];
    expect(lastColumn(slackTexts.find((t) => t.startsWith("```")) ?? "")).toEqual(top);
    expect(slackTexts).toContain(`*ROI*\n:large_green_circle: ${overall}`);

    const embed = discordMessage.embeds[0] as Json;
    expect(lastColumn(embed.description.slice(embed.description.indexOf("```")))).toEqual(top);
    expect(embed.fields.find((f: Json) => f.name === "ROI")?.value).toBe(`🟢 ${overall}`);

    const text = renderReplyAsText(answered.get("console") as Reply, { width: 120 });
    expect(lastColumn(text.slice(text.indexOf("#  ")))).toEqual(top);
    expect(text).toMatch(
      new RegExp(`^\\s*ROI\\s+${overall.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "m"),
    );
  });
});
