import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG_SIGNATURE, pngSize } from "../../charts/png";
import { ADPULSE_BIN } from "../../support/child-processes";
import { slashCommand } from "../../support/discord-interactions";
import { type DiscordStandin, startDiscordStandin } from "../../support/discord-standin";

// The whole product as an operator runs it: `adpulse start` in its own process with Discord
// credentials and DISCORD_API_URL pointed at the local stand-in, which also serves the gateway.
const run = promisify(execFile);

let discord: DiscordStandin;
let bot: ChildProcess;
let dir: string;
let env: NodeJS.ProcessEnv;
const logs: string[] = [];

beforeAll(async () => {
  discord = await startDiscordStandin();
  dir = await mkdtemp(join(tmpdir(), "adpulse-discord-"));
  env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: `sqlite:${join(dir, "bot.db")}`,
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.apiUrl,
    LOG_LEVEL: "info",
  };
  const guild = discord.guilds[0]?.id;
  await run(process.execPath, [ADPULSE_BIN, "seed", "--demo", "--tenant", `discord:${guild}`], {
    env,
    cwd: dir,
  });
  bot = spawn(process.execPath, [ADPULSE_BIN, "start"], {
    env,
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  bot.stdout?.on("data", (d) => logs.push(String(d)));
  bot.stderr?.on("data", (d) => logs.push(String(d)));
  await discord.waitFor(() => logs.join("").includes("discord connected"), 30_000);
}, 90_000);

afterAll(async () => {
  if (bot && bot.exitCode === null) bot.kill("SIGKILL");
  await discord?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("adpulse start with Discord credentials", () => {
  it("logs in through DISCORD_API_URL and registers /campaign, saying what changed", () => {
    expect(discord.callsTo("GET /gateway/bot")[0]?.status).toBe(200);
    expect(discord.openSessions).toBe(1);
    expect(discord.callsTo("PUT /applications/:app/commands")[0]?.status).toBe(200);
    expect(logs.join("")).toMatch(
      /"changes":\["created \/campaign"\].*Discord commands registered/,
    );
  });

  it("answers /campaign roi with a deferral or reply within 3 s, then an embed with a PNG", async () => {
    const interaction = discord.dispatchInteraction(
      slashCommand(discord.place(), "roi", { period: "last 30d" }),
    );
    const message = await discord.waitFor(
      () =>
        interaction.original?.loading === false &&
        interaction.original.attachments.length > 0 &&
        interaction.original,
      20_000,
    );
    // Discord's deadline for the initial response (reply or deferral): a protocol limit.
    expect([4, 5]).toContain(interaction.response?.type);
    expect((interaction.response?.at ?? Infinity) - interaction.dispatchedAt).toBeLessThan(3_000);
    expect(message.embeds[0]?.title).toContain("ROI ranking");
    const file = message.attachments[0];
    expect(file?.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(file?.bytes as Buffer).width).toBeGreaterThanOrEqual(800);
    expect(message.embeds[0]?.image).toEqual({ url: `attachment://${file?.name}` });
    expect(logs.join("")).not.toContain(discord.token);
  });

  it("register-commands reports no change after start registered, and registers into a guild", async () => {
    const global = await run(process.execPath, [ADPULSE_BIN, "register-commands"], {
      env,
      cwd: dir,
    });
    expect(global.stdout).toContain("Registered /campaign (global)");
    expect(global.stdout).toContain("no changes (/campaign)");

    const guild = discord.guilds[0]?.id ?? "";
    const first = await run(
      process.execPath,
      [ADPULSE_BIN, "register-commands", "--guild", guild],
      {
        env,
        cwd: dir,
      },
    );
    expect(first.stdout).toContain(`Registered /campaign (guild ${guild})`);
    expect(first.stdout).toContain("created /campaign");
    expect(discord.commands.get(guild)?.map((c) => c.name)).toEqual(["campaign"]);
    const again = await run(
      process.execPath,
      [ADPULSE_BIN, "register-commands", "--guild", guild],
      {
        env,
        cwd: dir,
      },
    );
    expect(again.stdout).toContain("no changes (/campaign)");
  }, 90_000);

  it("register-commands without credentials exits 2 and says where to find them", async () => {
    const failure = await run(process.execPath, [ADPULSE_BIN, "register-commands"], {
      env: { PATH: env.PATH, HOME: env.HOME, DATABASE_URL: env.DATABASE_URL },
      cwd: dir,
    }).catch((error: { code: number; stderr: string }) => error);
    expect("code" in failure && failure.code).toBe(2);
    expect("stderr" in failure && failure.stderr).toMatch(/DISCORD_TOKEN.*Developer Portal/);
  });

  it("stops on SIGTERM: closes the gateway and exits 0", async () => {
    const exited = new Promise<number | null>((resolve) => bot.once("exit", resolve));
    bot.kill("SIGTERM");
    expect(await exited).toBe(0);
    await discord.waitFor(() => discord.openSessions === 0 || undefined);
  });
});
