import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADPULSE_BIN, freePort } from "../support/child-processes";
import { type SlackApiStandin, startSlackApiStandin } from "../support/slack-api-standin";
import { addSubscription, type SharedDatabase, seed, sharedSqlite } from "./fixtures";

// `adpulse start` runs the scheduler: a digest whose slot passed two minutes ago (and was never
// run) is posted by the tick at start-up, through the Slack poster, into the stand-in.

let slack: SlackApiStandin;
let shared: SharedDatabase;
let bot: ChildProcess | undefined;

beforeAll(async () => {
  slack = await startSlackApiStandin();
  shared = await sharedSqlite();
  const store = await shared.open();
  try {
    await seed(store);
    // Real time here: the process under test runs on the system clock.
    const slot = new Date(Date.now() - 2 * 60_000);
    const time = slot.toISOString().slice(11, 16);
    const since = new Date(Date.now() - 86_400_000).toISOString();
    await addSubscription(store, {
      channel_id: "C0START",
      time,
      timezone: "UTC",
      active_from: since,
      created_at: since,
    });
  } finally {
    await store.close();
  }
});
afterAll(async () => {
  bot?.kill("SIGTERM");
  await slack.close();
  await shared.dispose();
});

describe("adpulse start with a due digest", () => {
  it("posts it once, from the scheduler's first tick", async () => {
    const logs: string[] = [];
    bot = spawn(process.execPath, [ADPULSE_BIN, "start"], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATABASE_URL: shared.url,
        SLACK_BOT_TOKEN: slack.botToken,
        SLACK_SIGNING_SECRET: "start-secret",
        SLACK_API_URL: slack.apiUrl,
        PORT: String(await freePort()),
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    bot.stdout?.on("data", (d) => logs.push(String(d)));
    bot.stderr?.on("data", (d) => logs.push(String(d)));
    const [message] = await slack.waitFor(() => {
      const posted = slack.messagesIn("C0START");
      return posted.length > 0 ? posted : undefined;
    }, 60_000);
    expect(message?.via).toBe("files.completeUploadExternal");
    expect(JSON.stringify(message?.blocks)).toContain("Daily digest");
    await slack.waitFor(() => logs.join("").includes("scheduled job ran"), 10_000);
    bot.kill("SIGTERM");
    await new Promise((resolve) => bot?.once("exit", resolve));
    expect(slack.messagesIn("C0START")).toHaveLength(1);
  }, 120_000);
});
