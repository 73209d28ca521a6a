import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pngSize } from "../../charts/png";
import { ADPULSE_BIN, freePort } from "../../support/child-processes";
import { type SlackApiStandin, startSlackApiStandin } from "../../support/slack-api-standin";
import { postToSlackApp, slashCommandBody } from "../../support/slack-requests";

// The whole product as an operator runs it: `adpulse start` in its own process with Slack
// credentials, the Web API pointed at the local stand-in, a signed slash command from "Slack".

const SIGNING_SECRET = "e2e-signing-secret";

let slack: SlackApiStandin;
let bot: ChildProcess;
let dir: string;
let port: number;
const logs: string[] = [];

beforeAll(async () => {
  slack = await startSlackApiStandin();
  dir = await mkdtemp(join(tmpdir(), "adpulse-start-"));
  port = await freePort();
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: `sqlite:${join(dir, "bot.db")}`,
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: String(port),
    LOG_LEVEL: "info",
  };
  await promisify(execFile)(
    process.execPath,
    [ADPULSE_BIN, "seed", "--demo", "--tenant", `slack:${slack.teamId}`],
    { env },
  );
  bot = spawn(process.execPath, [ADPULSE_BIN, "start"], { env, stdio: ["ignore", "pipe", "pipe"] });
  bot.stdout?.on("data", (d) => logs.push(String(d)));
  bot.stderr?.on("data", (d) => logs.push(String(d)));
  await slack.waitFor(() => logs.join("").includes("slack connected"), 20_000);
});

afterAll(async () => {
  bot?.kill("SIGTERM");
  await slack?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("adpulse start with Slack credentials", () => {
  it("acks a signed /campaign roi within 3 s, then posts the answer with a PNG chart", async () => {
    const body = slashCommandBody({
      text: "roi last 30d",
      team_id: slack.teamId,
      channel_id: "C0MARKETING",
      response_url: slack.responseUrl(),
    });
    const response = await postToSlackApp(`http://127.0.0.1:${port}/slack/events`, body, {
      signingSecret: SIGNING_SECRET,
    });
    expect(response.status).toBe(200);
    // Slack's own deadline for acknowledging a slash command: a protocol limit, not a benchmark.
    expect(response.elapsedMs).toBeLessThan(3000);

    const message = await slack.waitFor(
      () => slack.messagesIn("C0MARKETING").find((m) => m.fileIds.length > 0),
      15_000,
    );
    expect(JSON.stringify(message.blocks)).toContain("ROI ranking");
    const file = slack.files.get(message.fileIds[0] as string);
    expect(file?.bytes).toBeDefined();
    const size = pngSize(file?.bytes as Buffer);
    expect(size.width).toBeGreaterThanOrEqual(800);
    expect(size.height).toBeGreaterThanOrEqual(400);
    expect(slack.callsTo("files.getUploadURLExternal").length).toBeGreaterThan(0);
    expect(logs.join("")).not.toContain(slack.botToken);
    expect(logs.join("")).not.toContain(SIGNING_SECRET);
  });

  it("rejects an unsigned request with 401", async () => {
    const before = slack.calls.length;
    const body = slashCommandBody({ text: "roi", response_url: slack.responseUrl() });
    const response = await postToSlackApp(`http://127.0.0.1:${port}/slack/events`, body);
    expect(response.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.calls.length).toBe(before);
  });
});
