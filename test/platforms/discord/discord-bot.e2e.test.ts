import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import commands from "../../../commands/index";
import type { Reply } from "../../../src/bot/reply";
import type { ActionClick } from "../../../src/platforms/discord/handle-button";
import { TONE_COLOURS } from "../../../src/platforms/discord/render-message";
import { PNG_SIGNATURE, pngSize } from "../../charts/png";
import { buttonClick, MARKETER, slashCommand } from "../../support/discord-interactions";
import { type DiscordStandin, startDiscordStandin } from "../../support/discord-standin";
import { type DiscordTestBot, startDiscordTestBot } from "../../support/discord-test-bot";

// biome-ignore lint/suspicious/noExplicitAny: tests read into Discord's JSON payloads freely
type Json = Record<string, any>;

const CALLBACK = "POST /interactions/:id/:token/callback";
const EDIT_ORIGINAL = "PATCH /webhooks/:app/:token/messages/@original";

function approvalReply(): Reply {
  return {
    title: "Move $2,000 from Campaign A to Campaign B?",
    text: "Campaign A returns **12 %**, Campaign B **240 %**.",
    actions: [
      { id: "budget.approve", label: "Approve", style: "primary", value: "rec-7" },
      { id: "budget.reject", label: "Reject", style: "danger", value: "rec-7" },
    ],
    data: { recommendation: "rec-7" },
  };
}

describe("discord.js client logged in to the stand-in", () => {
  let discord: DiscordStandin;
  let bot: DiscordTestBot;

  beforeAll(async () => {
    discord = await startDiscordStandin();
    bot = await startDiscordTestBot(discord);
  });

  afterAll(async () => {
    await bot?.stop();
    await discord?.close();
    // The bot token never reaches a log line, not even discord.js's "censored" debug form.
    expect(bot.logs.text()).not.toContain(discord.token);
    expect(bot.logs.text()).not.toContain(discord.token.split(".")[0]);
  });

  afterEach(() => {
    bot.dispatcher.release();
    bot.dispatcher.answerWith(undefined);
    bot.dispatcher.invocations.length = 0;
  });

  it("finds the gateway through GET /api/v10/gateway/bot and identifies with the token", () => {
    const gatewayCall = discord.callsTo("GET /gateway/bot")[0];
    expect(gatewayCall?.status).toBe(200);
    expect(gatewayCall?.headers.authorization).toBe(`Bot ${discord.token}`);
    expect(discord.gatewayConnections[0]).toMatchObject({ v: "10", encoding: "json" });
    const identify = discord.frames.find((f) => f.direction === "received" && f.op === 2);
    expect(identify?.d).toMatchObject({ token: discord.token });
    expect(bot.bot.client.guilds.cache.get(discord.guilds[0]?.id ?? "")?.name).toBe("Marketing HQ");
  });

  it("registers /campaign from the command definitions on start (GET, then bulk PUT)", () => {
    const get = discord.callsTo("GET /applications/:app/commands")[0];
    const put = discord.callsTo("PUT /applications/:app/commands")[0];
    expect(put?.status).toBe(200);
    expect(get?.at).toBeLessThanOrEqual(put?.at ?? 0);
    const [campaign, ...others] = (put?.body ?? []) as Json[];
    expect(others).toEqual([]);
    expect(campaign?.name).toBe("campaign");
    // Every definition of commands/index.ts, then the adapter's own `import` (file attachment).
    expect(campaign?.options.map((o: Json) => o.name)).toEqual([
      ...commands.map((c) => c.name),
      "import",
    ]);
    expect(discord.commands.get("global")?.map((c) => c.name)).toEqual(["campaign"]);
  });

  it("answers /campaign roi within 3 s with an embed and the PNG chart attached", async () => {
    const interaction = discord.dispatchInteraction(
      slashCommand(discord.place(), "roi", { period: "last 30d" }),
    );
    const message = await discord.waitFor(
      () =>
        !interaction.original?.loading &&
        interaction.original?.attachments.length &&
        interaction.original,
      15_000,
    );
    // Discord's own deadline for the initial response: a protocol limit, not a benchmark.
    expect((interaction.response?.at ?? Infinity) - interaction.dispatchedAt).toBeLessThan(3_000);
    expect(message.ephemeral).toBe(false);
    const embed = message.embeds[0] as Json;
    expect(embed.title).toContain("ROI ranking");
    expect(embed.description).toContain("```");
    expect(embed.fields.map((f: Json) => f.name)).toContain("ROI");
    const file = message.attachments[0];
    expect(file?.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(file?.bytes as Buffer).width).toBeGreaterThanOrEqual(800);
    expect(file?.contentType).toBe("image/png");
    expect(file?.description).toBeTruthy();
    expect(embed.image.url).toBe(`attachment://${file?.name}`);
    expect(bot.dispatcher.invocations[0]).toMatchObject({
      platform: "discord",
      tenantId: `discord:${discord.guilds[0]?.id}`,
      tenantName: "Marketing HQ",
      userId: `discord:${MARKETER.id}`,
      channelId: discord.guilds[0]?.channelId,
      subcommand: "roi",
      options: { period: "last 30d" },
    });
  });

  it("defers when the answer is slow, then edits the deferred message into the answer", async () => {
    bot.dispatcher.hold();
    const interaction = discord.dispatchInteraction(
      slashCommand(discord.place(), "roi", { period: "last 90d", platform: "facebook" }),
    );
    await discord.waitFor(() => interaction.response);
    expect(interaction.response?.type).toBe(5);
    expect((interaction.response?.at ?? Infinity) - interaction.dispatchedAt).toBeLessThan(3_000);
    expect(interaction.original?.loading).toBe(true);
    bot.dispatcher.release();

    const message = await discord.waitFor(
      () => interaction.original?.loading === false && interaction.original,
      15_000,
    );
    expect(message.ephemeral).toBe(false);
    expect(message.embeds[0]?.title).toContain("ROI ranking");
    expect(message.attachments).toHaveLength(1);
    const edit = discord.callsTo(EDIT_ORIGINAL).at(-1);
    expect(edit?.headers["content-type"]).toMatch(/^multipart\/form-data/);
    expect(edit?.files[0]?.field).toBe("files[0]");
    expect(interaction.followups).toEqual([]);
  });

  it("answers a user error privately, naming the fix", async () => {
    const interaction = discord.dispatchInteraction(
      slashCommand(discord.place(), "roi", { period: "last 400x" }),
    );
    const answer = await discord.answerTo(interaction);
    expect(answer.ephemeral).toBe(true);
    const embed = answer.embeds[0] as Json;
    expect(embed.color).toBe(TONE_COLOURS.bad);
    expect(embed.description).toMatch(/last 30d/);
  });

  it("keeps a private answer private after a public deferral", async () => {
    bot.dispatcher.hold();
    bot.dispatcher.answerWith(async () => ({
      title: "Can't do that yet",
      text: "No spend recorded for tiktok in last 7 days.",
      ephemeral: true,
      tone: "bad",
      data: { error: { code: "no_data" } },
    }));
    const interaction = discord.dispatchInteraction(slashCommand(discord.place(), "roi"));
    await discord.waitFor(() => interaction.response);
    expect(interaction.response?.type).toBe(5);
    bot.dispatcher.release();

    const followup = await discord.waitFor(
      () => interaction.original?.deleted && interaction.followups[0],
    );
    expect(followup.ephemeral).toBe(true);
    expect(followup.embeds[0]?.title).toBe("Can't do that yet");
    // Nobody else is left looking at a placeholder.
    expect(interaction.original?.deleted).toBe(true);
  });

  it("tells a DM to use a server, privately, without running the command", async () => {
    const interaction = discord.dispatchInteraction(
      slashCommand({ channelId: "1300000000000000099" }, "roi", { period: "last 30d" }),
    );
    const answer = await discord.answerTo(interaction);
    expect(answer.ephemeral).toBe(true);
    expect(answer.embeds[0]?.title).toBe("Use adpulse in a server");
    expect(bot.dispatcher.invocations).toEqual([]);
  });

  it("renders actions as buttons whose clicks say plainly that nothing handles them yet", async () => {
    bot.dispatcher.answerWith(async () => approvalReply());
    const interaction = discord.dispatchInteraction(slashCommand(discord.place(), "help"));
    const message = await discord.answerTo(interaction);
    const buttons = (message.components[0] as Json).components as Json[];
    expect(buttons.map((b) => [b.custom_id, b.label, b.style])).toEqual([
      ["budget.approve:rec-7", "Approve", 1],
      ["budget.reject:rec-7", "Reject", 4],
    ]);

    const click = discord.dispatchInteraction(
      buttonClick(discord.place(), "budget.approve:rec-7", discord.messageJson(message)),
    );
    const answer = await discord.answerTo(click);
    expect(answer.ephemeral).toBe(true);
    expect(answer.embeds[0]?.title).toMatch(/does nothing/);
  });

  it("never answers twice or late: every interaction got exactly one initial response", () => {
    for (const interaction of discord.interactions.values()) {
      const responses = discord
        .callsTo(CALLBACK)
        .filter((c) => c.path.includes(`/${interaction.id}/`) && c.status < 300);
      expect(responses).toHaveLength(1);
    }
    expect(discord.calls.filter((c) => c.status >= 400)).toEqual([]);
  });
});

describe("button clicks with an action handler installed", () => {
  let discord: DiscordStandin;
  let bot: DiscordTestBot;
  const clicks: ActionClick[] = [];

  beforeAll(async () => {
    discord = await startDiscordStandin();
    bot = await startDiscordTestBot(discord, {
      registerOnStart: false,
      actions: async (click) => {
        clicks.push(click);
        return {
          title: `Approved by ${click.userName}`,
          text: `Recommendation \`${click.value}\` approved.`,
          tone: "good",
          data: { approved: click.value },
        };
      },
    });
  });

  afterAll(async () => {
    await bot?.stop();
    await discord?.close();
  });

  it("routes the click (who, where, which action and value) and posts the handler's reply", async () => {
    bot.dispatcher.answerWith(async () => approvalReply());
    const interaction = discord.dispatchInteraction(slashCommand(discord.place(), "help"));
    const message = await discord.answerTo(interaction);
    const click = discord.dispatchInteraction(
      buttonClick(discord.place(), "budget.reject:rec-7", discord.messageJson(message)),
    );
    const answer = await discord.answerTo(click);
    expect(clicks).toEqual([
      {
        platform: "discord",
        tenantId: `discord:${discord.guilds[0]?.id}`,
        userId: `discord:${MARKETER.id}`,
        userName: MARKETER.username,
        channelId: discord.guilds[0]?.channelId,
        messageId: message.id,
        actionId: "budget.reject",
        value: "rec-7",
      },
    ]);
    expect(answer.ephemeral).toBe(false);
    expect(answer.embeds[0]?.title).toBe(`Approved by ${MARKETER.username}`);
    expect(answer.embeds[0]?.color).toBe(TONE_COLOURS.good);
    expect(discord.callsTo("PUT /applications/:app/commands")).toEqual([]);
  });
});
