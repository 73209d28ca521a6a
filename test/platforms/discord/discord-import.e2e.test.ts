import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type Person,
  slashCommand,
  slashCommandWithFile,
} from "../../support/discord-interactions";
import { type DiscordStandin, startDiscordStandin } from "../../support/discord-standin";
import { type DiscordTestBot, startDiscordTestBot } from "../../support/discord-test-bot";

// `/campaign import file:<csv>` through the real discord.js client against the stand-in: the
// attachment is downloaded from the stand-in's "CDN", imported by the same importer as
// `adpulse import`, and answered with the same summary.

const FIXTURES = join(import.meta.dirname, "..", "..", "import", "fixtures");
const BOSS: Person = { id: "3300000000000000007", username: "boss" };
const MEMBER: Person = { id: "3300000000000000008", username: "member" };

let discord: DiscordStandin;
let bot: DiscordTestBot;
let tenant: string;

beforeAll(async () => {
  discord = await startDiscordStandin();
  tenant = `discord:${discord.guilds[0]?.id}`;
  bot = await startDiscordTestBot(discord);
});

afterAll(async () => {
  await bot?.stop();
  await discord?.close();
});

beforeEach(() => discord.reset());

describe("/campaign import on Discord", () => {
  it("is registered with a required file attachment option", () => {
    const [campaign] = discord.commands.get("global") ?? [];
    const subcommands = (campaign?.options ?? []) as Array<Record<string, unknown>>;
    const imp = subcommands.find((s) => s.name === "import");
    const options = (imp?.options ?? []) as Array<Record<string, unknown>>;
    expect(options[0]).toMatchObject({ name: "file", type: 11, required: true });
    expect(options.map((o) => o.name)).toEqual(["file", "kind", "dry_run", "date", "platform"]);
  });

  it("imports the attached CSV for the guild and answers with the summary", async () => {
    await bot.demo.store.roles.grant(tenant, `discord:${BOSS.id}`, "manager", "test", new Date());
    const before = await bot.demo.store.campaigns.count(tenant);
    const csv = await readFile(join(FIXTURES, "tiktok-by-day.csv"));
    const file = discord.hostAttachment("tiktok.csv", csv);
    const interaction = discord.dispatchInteraction(
      slashCommandWithFile(discord.place(), "import", "file", file, { kind: "campaigns" }, BOSS),
    );
    const message = await discord.waitFor(
      () => interaction.original && !interaction.original.loading && interaction.original,
    );
    const text = JSON.stringify(message.embeds);
    expect(text).toContain("Imported 2 campaign-day rows from tiktok.csv");
    expect(message.ephemeral).toBe(false);
    expect(discord.calls.some((c) => c.path.startsWith("/attachments/"))).toBe(true);
    expect(await bot.demo.store.campaigns.count(tenant)).toBe(before + 1);
    const [audit] = await bot.demo.store.audit.list(tenant);
    expect(audit).toMatchObject({ actor: `discord:${BOSS.id}`, action: "import.campaigns" });
  });

  it("refuses a member without the importer role privately, without downloading", async () => {
    const file = discord.hostAttachment(
      "meta.csv",
      await readFile(join(FIXTURES, "meta-ads-manager.csv")),
    );
    const before = await bot.demo.store.campaigns.count(tenant);
    const interaction = discord.dispatchInteraction(
      slashCommandWithFile(discord.place(), "import", "file", file, {}, MEMBER),
    );
    const message = await discord.waitFor(() => interaction.original);
    expect(message.ephemeral).toBe(true);
    expect(JSON.stringify(message.embeds)).toContain(
      "Only managers or members with the importer role",
    );
    expect(discord.calls.some((c) => c.path.startsWith("/attachments/"))).toBe(false);
    expect(await bot.demo.store.campaigns.count(tenant)).toBe(before);
  });

  it("lists a bad file's problems with line and column, privately, and writes nothing", async () => {
    await bot.demo.store.roles.grant(
      tenant,
      `discord:${MEMBER.id}`,
      "importer",
      "test",
      new Date(),
    );
    const before = await bot.demo.store.campaigns.count(tenant);
    const file = discord.hostAttachment(
      "bad.csv",
      "Campaign,Day,Cost,Platform\nX,2026-03-01,abc,google\nY,2026-02-30,1,google\n",
    );
    const interaction = discord.dispatchInteraction(
      slashCommandWithFile(discord.place(), "import", "file", file, { kind: "campaigns" }, MEMBER),
    );
    const message = await discord.waitFor(
      () => interaction.original && !interaction.original.loading && interaction.original,
    );
    const followup = interaction.followups[0];
    const shown = followup ?? message;
    const text = JSON.stringify(shown.embeds);
    expect(shown.ephemeral).toBe(true);
    expect(text).toContain("Nothing imported from bad.csv: 2 problems");
    expect(text).toContain('line 2, column C \\"Cost\\": spend is not a number');
    expect(await bot.demo.store.campaigns.count(tenant)).toBe(before);
  });

  it("validates only with dry_run", async () => {
    await bot.demo.store.roles.grant(tenant, `discord:${BOSS.id}`, "manager", "test", new Date());
    const file = discord.hostAttachment(
      "users.csv",
      await readFile(join(FIXTURES, "users-starbucks-style.csv")),
    );
    const before = await bot.demo.store.appUsers.countUsers(tenant);
    const interaction = discord.dispatchInteraction(
      slashCommandWithFile(discord.place(), "import", "file", file, { dry_run: true }, BOSS),
    );
    const message = await discord.waitFor(
      () => interaction.original && !interaction.original.loading && interaction.original,
    );
    expect(JSON.stringify(message.embeds)).toContain(
      "Dry run: 3 user rows would import from users.csv",
    );
    expect(await bot.demo.store.appUsers.countUsers(tenant)).toBe(before);
  });

  it("answers a DM with the use-me-in-a-server reply", async () => {
    const file = discord.hostAttachment("x.csv", "a,b\n1,2\n");
    const interaction = discord.dispatchInteraction(
      slashCommandWithFile({ channelId: "1390000000000000001" }, "import", "file", file, {}, BOSS),
    );
    const message = await discord.waitFor(() => interaction.original);
    expect(JSON.stringify(message.embeds)).toContain("Use adpulse in a server");
  });

  it("attaches the CSV of /campaign export to the answer, formula-safe", async () => {
    const interaction = discord.dispatchInteraction(
      slashCommand(discord.place(), "export", { view: "roi", period: "last 30d" }),
    );
    const message = await discord.waitFor(
      () => interaction.original && !interaction.original.loading && interaction.original,
    );
    const csv = message.attachments.find((f) => f.name.endsWith(".csv"));
    expect(csv?.name).toMatch(/^roi-.*\.csv$/);
    const lines = (csv?.bytes.toString("utf8") ?? "").replace(/^\uFEFF/, "").split(/\r?\n/);
    expect(lines[0]).toContain("campaign");
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.some((l) => /(^|,)[=+\-@]/.test(l.replace(/,-?\d/g, ",0")))).toBe(false);
  });

  it("leaves the other subcommands to the dispatcher", async () => {
    const interaction = discord.dispatchInteraction(slashCommand(discord.place(), "help"));
    await discord.waitFor(() => interaction.original && !interaction.original.loading);
    expect(bot.dispatcher.invocations.map((i) => i.subcommand)).toContain("help");
  });
});
