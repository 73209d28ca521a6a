import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMON_PERIODS } from "../../../src/platforms/discord/suggestions";
import { autocomplete, slashCommand } from "../../support/discord-interactions";
import { type DiscordStandin, startDiscordStandin } from "../../support/discord-standin";
import { type DiscordTestBot, startDiscordTestBot } from "../../support/discord-test-bot";

// biome-ignore lint/suspicious/noExplicitAny: tests read into Discord's JSON payloads freely
type Json = Record<string, any>;

const SEEDED = {
  id: "1200000000000000001",
  name: "Marketing HQ",
  channelId: "1300000000000000001",
};
const EMPTY = { id: "1200000000000000002", name: "Agency", channelId: "1300000000000000002" };

describe("autocomplete against the guild's own store", () => {
  let discord: DiscordStandin;
  let bot: DiscordTestBot;

  beforeAll(async () => {
    // Only the first guild has campaigns (startDiscordTestBot seeds guilds[0]).
    discord = await startDiscordStandin({ guilds: [SEEDED, EMPTY] });
    bot = await startDiscordTestBot(discord, { registerOnStart: false });
  });

  afterAll(async () => {
    await bot?.stop();
    await discord?.close();
  });

  async function complete(
    guild: typeof SEEDED,
    subcommand: string,
    options: Json,
    focused: string,
  ) {
    const interaction = discord.dispatchInteraction(
      autocomplete(discord.place(guild), subcommand, options, focused),
    );
    await discord.waitFor(() => interaction.response);
    expect(interaction.response?.type).toBe(8);
    expect((interaction.response?.at ?? Infinity) - interaction.dispatchedAt).toBeLessThan(3_000);
    return (interaction.choices ?? []) as { name: string; value: string }[];
  }

  it("suggests the guild's campaigns matching what was typed, the campaign id as value", async () => {
    const campaigns = await bot.demo.store.campaigns.list(`discord:${SEEDED.id}`);
    const choices = await complete(SEEDED, "roi", { campaign: "spring" }, "campaign");
    const expected = campaigns.filter((c) => c.name.toLowerCase().includes("spring"));
    expect(expected.length).toBeGreaterThan(1);
    expect(choices.map((c) => c.value).sort()).toEqual(expected.map((c) => c.id).sort());
    for (const choice of choices) expect(choice.name.toLowerCase()).toContain("spring");
  });

  it("lists up to 25 campaigns before anything is typed", async () => {
    const campaigns = await bot.demo.store.campaigns.list(`discord:${SEEDED.id}`);
    const choices = await complete(SEEDED, "kpis", { campaign: "" }, "campaign");
    expect(choices).toHaveLength(Math.min(25, campaigns.length));
  });

  it("never suggests another tenant's campaigns", async () => {
    expect(await complete(EMPTY, "roi", { campaign: "spring" }, "campaign")).toEqual([]);
  });

  it("suggests common periods with their dates, and accepts any valid period typed", async () => {
    const blank = await complete(SEEDED, "roi", { period: "" }, "period");
    expect(blank.map((c) => c.value)).toEqual([...COMMON_PERIODS]);
    expect(blank[1]?.name).toBe("last 30d · 2026-10-24 → 2026-11-22");

    const range = await complete(SEEDED, "roi", { period: "2026-01-01..2026-01-31" }, "period");
    expect(range[0]).toEqual({
      name: "2026-01-01..2026-01-31 · 2026-01-01 → 2026-01-31",
      value: "2026-01-01..2026-01-31",
    });
  });

  it("runs a command with the picked campaign id resolved to that campaign", async () => {
    const [picked] = await complete(SEEDED, "kpis", { campaign: "brand" }, "campaign");
    expect(picked).toBeDefined();
    const interaction = discord.dispatchInteraction(
      slashCommand(discord.place(SEEDED), "kpis", { campaign: picked?.value ?? "" }),
    );
    const message = await discord.answerTo(interaction);
    const campaign = await bot.demo.store.campaigns.get(
      `discord:${SEEDED.id}`,
      picked?.value ?? "",
    );
    expect(message.ephemeral).toBe(false);
    expect(JSON.stringify(message.embeds[0])).toContain(campaign?.name);
  });
});
