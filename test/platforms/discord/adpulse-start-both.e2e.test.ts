import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatKpi } from "../../../src/core/format";
import { ADPULSE_BIN, freePort } from "../../support/child-processes";
import { slashCommand } from "../../support/discord-interactions";
import { type DiscordStandin, startDiscordStandin } from "../../support/discord-standin";
import { lastColumn } from "../../support/monospace-table";
import { type SlackApiStandin, startSlackApiStandin } from "../../support/slack-api-standin";
import { postToSlackApp, slashCommandBody } from "../../support/slack-requests";

// One `adpulse start` process with Slack and Discord credentials serves both, each against its
// own stand-in, from one store.

const SIGNING_SECRET = "both-e2e-signing-secret";
const run = promisify(execFile);

let slack: SlackApiStandin;
let discord: DiscordStandin;
let bot: ChildProcess;
let dir: string;
let port: number;
let env: NodeJS.ProcessEnv;
const logs: string[] = [];

beforeAll(async () => {
  [slack, discord] = await Promise.all([startSlackApiStandin(), startDiscordStandin()]);
  dir = await mkdtemp(join(tmpdir(), "adpulse-both-"));
  port = await freePort();
  env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: `sqlite:${join(dir, "bot.db")}`,
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: String(port),
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.apiUrl,
    LOG_LEVEL: "info",
  };
  for (const tenant of [`slack:${slack.teamId}`, `discord:${discord.guilds[0]?.id}`]) {
    await run(process.execPath, [ADPULSE_BIN, "seed", "--demo", "--tenant", tenant], {
      env,
      cwd: dir,
    });
  }
  bot = spawn(process.execPath, [ADPULSE_BIN, "start"], {
    env,
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  bot.stdout?.on("data", (d) => logs.push(String(d)));
  bot.stderr?.on("data", (d) => logs.push(String(d)));
  await discord.waitFor(
    () => logs.join("").includes("slack connected") && logs.join("").includes("discord connected"),
    30_000,
  );
}, 90_000);

afterAll(async () => {
  if (bot && bot.exitCode === null) bot.kill("SIGKILL");
  await Promise.all([slack?.close(), discord?.close()]);
  await rm(dir, { recursive: true, force: true });
});

describe("adpulse start with Slack and Discord credentials", () => {
  it("serves /campaign roi on both platforms from one process, with the same figures", async () => {
    const response = await postToSlackApp(
      `http://127.0.0.1:${port}/slack/events`,
      slashCommandBody({
        text: "roi last 30d",
        team_id: slack.teamId,
        channel_id: "C0MARKETING",
        response_url: slack.responseUrl(),
      }),
      { signingSecret: SIGNING_SECRET },
    );
    expect(response.status).toBe(200);
    const interaction = discord.dispatchInteraction(
      slashCommand(discord.place(), "roi", { period: "last 30d" }),
    );

    const [slackMessage, discordMessage] = await Promise.all([
      slack.waitFor(
        () => slack.messagesIn("C0MARKETING").find((m) => m.fileIds.length > 0),
        20_000,
      ),
      discord.waitFor(
        () =>
          interaction.original?.loading === false &&
          interaction.original.attachments.length > 0 &&
          interaction.original,
        20_000,
      ),
    ]);
    // `ask --json` at the same moment, for the figures behind both answers. The demo data end
    // "today", so all three must run on the same calendar day (UTC); a run straddling midnight
    // could see different periods.
    const ask = await run(
      process.execPath,
      [
        ADPULSE_BIN,
        "ask",
        "roi last 30d",
        "--json",
        "--tenant",
        `discord:${discord.guilds[0]?.id}`,
      ],
      { env, cwd: dir },
    );
    const data = JSON.parse(ask.stdout).data as { campaigns: { roi: number | null }[] };

    const slackBlocks = (slackMessage.blocks ?? []) as { text?: { text?: string } }[];
    const slackTable = slackBlocks.map((b) => b.text?.text ?? "").find((t) => t.startsWith("```"));
    const discordTable = String(discordMessage.embeds[0]?.description ?? "");
    const shownOnSlack = lastColumn(slackTable ?? "");
    const shownOnDiscord = lastColumn(discordTable.slice(discordTable.indexOf("```")));
    const expected = data.campaigns.slice(0, 10).map((c) => formatKpi("roi", c.roi, "USD"));
    expect(expected.length).toBeGreaterThan(3);
    expect(shownOnSlack).toEqual(expected);
    expect(shownOnDiscord).toEqual(expected);
    expect(logs.join("")).not.toContain(discord.token);
    expect(logs.join("")).not.toContain(slack.botToken);
  }, 60_000);
});
