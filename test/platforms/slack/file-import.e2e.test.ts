import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { webApi } from "@slack/bolt";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../src/bot/clock";
import { createImporter } from "../../../src/import/importer";
import { silentLogger } from "../../../src/logger";
import { fileImportMiddleware } from "../../../src/platforms/slack/handle-file-import";
import { createSlackApp, type SlackApp } from "../../../src/platforms/slack/slack-app";
import type { Store } from "../../../src/store/store";
import {
  type SlackApiStandin,
  type SlackFileObject,
  startSlackApiStandin,
} from "../../support/slack-api-standin";
import {
  ephemeralReply,
  type RecordingDispatcher,
  recordingDispatcher,
} from "../../support/slack-test-dispatcher";
import { sqliteEngine } from "../../support/test-stores";

const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const CHANNEL = "C0MARKETING";
const DM = "D0DM";
const FIXTURES = join(import.meta.dirname, "..", "..", "import", "fixtures");
const TENANT = "slack:T0STANDIN";
const clock = fixedClock("2026-11-22T10:00:00.000Z");

// biome-ignore lint/suspicious/noExplicitAny: tests read into Slack's JSON payloads freely
type Json = Record<string, any>;

describe("CSV files shared with the bot", () => {
  let slack: SlackApiStandin;
  let app: SlackApp;
  let store: Store;
  let dispatcher: RecordingDispatcher;
  let eventId = 0;

  beforeAll(async () => {
    slack = await startSlackApiStandin();
    store = await sqliteEngine.open();
    dispatcher = recordingDispatcher(async () => ephemeralReply());
    app = createSlackApp({
      slack: {
        botToken: slack.botToken,
        signingSecret: SIGNING_SECRET,
        apiUrl: slack.apiUrl,
        port: 0,
      },
      dispatcher,
      log: silentLogger(),
      retryConfig: { retries: 1, factor: 1, minTimeout: 10, maxTimeout: 20 },
      importer: createImporter({
        store,
        clock,
        log: silentLogger(),
        managers: ["slack:UBOSS"],
        defaultTimezone: "UTC",
      }),
    });
    await app.start();
  });

  afterAll(async () => {
    await app?.stop();
    await slack?.close();
    await store?.close();
  });

  afterEach(() => {
    slack.reset();
    dispatcher.invocations.length = 0;
  });

  /** Delivers an event through Bolt's own door and waits until its listeners are done. */
  async function deliver(event: Json) {
    eventId += 1;
    await app.app.processEvent({
      body: {
        type: "event_callback",
        team_id: "T0STANDIN",
        api_app_id: "A0ADPULSE",
        event_id: `Ev${eventId}`,
        event_time: 1,
        event: { ts: `17190000${eventId}.000100`, event_ts: `17190000${eventId}.000100`, ...event },
      },
      ack: async () => undefined,
    });
  }

  const dmFile = (user: string, file: SlackFileObject, text = "") => ({
    type: "message",
    subtype: "file_share",
    channel: DM,
    channel_type: "im",
    user,
    text,
    files: [file],
  });

  const mentionFile = (user: string, file: SlackFileObject, text: string) => ({
    type: "app_mention",
    channel: CHANNEL,
    user,
    text: `<@${slack.botUserId}> ${text}`,
    files: [file],
  });

  async function dailyRows() {
    return store.db
      .selectFrom("campaign_daily_metrics")
      .selectAll()
      .where("tenant_id", "=", TENANT)
      .execute();
  }

  const textOf = (message: { text?: string; blocks?: Json[] } | undefined) =>
    `${message?.text ?? ""}\n${JSON.stringify(message?.blocks ?? [])}`;

  it("imports a CSV sent in a DM: downloads it with the bot token and answers with the summary", async () => {
    const file = slack.shareFile("tiktok.csv", await readFile(join(FIXTURES, "tiktok-by-day.csv")));
    await deliver(dmFile("UBOSS", file, "campaigns"));

    const [download] = slack.callsTo("files.download");
    expect(download).toMatchObject({ status: 200, response: "file" });
    expect(download?.headers.authorization).toBe(`Bearer ${slack.botToken}`);

    const [answer] = slack.messagesIn(DM);
    expect(answer?.via).toBe("chat.postMessage");
    expect(textOf(answer)).toContain("Imported 2 campaign-day rows from tiktok.csv");
    expect(textOf(answer)).toContain("TikTok Ads Manager export");
    expect((await dailyRows()).map((r) => [r.day, Number(r.spend)])).toEqual([
      ["2026-03-01", 220.5],
      ["2026-03-02", 231.75],
    ]);
    // The file share was not also read as a typed command.
    expect(dispatcher.invocations).toEqual([]);
    const audit = await store.audit.list(TENANT);
    expect(audit[0]).toMatchObject({
      actor: "slack:UBOSS",
      action: "import.campaigns",
      subject: "tiktok.csv",
    });
  });

  it("tells the kind from the header and reads options from a mention in a channel", async () => {
    const file = slack.shareFile(
      "users.csv",
      await readFile(join(FIXTURES, "users-starbucks-style.csv")),
    );
    await deliver(mentionFile("UBOSS", file, "dry-run"));
    const [answer] = slack.messagesIn(CHANNEL);
    expect(answer?.via).toBe("chat.postEphemeral");
    expect(answer?.user).toBe("UBOSS");
    expect(textOf(answer)).toContain("Dry run: 3 user rows would import from users.csv");
    expect(await store.appUsers.countUsers(TENANT)).toBe(0);
  });

  it("refuses members who may not import, without downloading the file", async () => {
    const file = slack.shareFile(
      "meta.csv",
      await readFile(join(FIXTURES, "meta-ads-manager.csv")),
    );
    await deliver(mentionFile("UMEMBER", file, "campaigns"));
    expect(slack.callsTo("files.download")).toEqual([]);
    const [answer] = slack.messagesIn(CHANNEL);
    expect(answer).toMatchObject({ via: "chat.postEphemeral", user: "UMEMBER" });
    expect(textOf(answer)).toContain(
      "Only managers or members with the importer role can do that.",
    );
    expect(await store.campaigns.count(TENANT)).toBe(1);
  });

  it("lets a member with the importer role import, and lists the problems of a bad file privately", async () => {
    await store.roles.grant(TENANT, "slack:UMEMBER", "importer", "slack:UBOSS", clock.now());
    const file = slack.shareFile(
      "bad.csv",
      "Campaign,Day,Cost,Platform\nX,2026-03-01,abc,google\nY,2026-02-30,1,google\n",
    );
    await deliver(mentionFile("UMEMBER", file, "campaigns"));
    const [answer] = slack.messagesIn(CHANNEL);
    expect(answer).toMatchObject({ via: "chat.postEphemeral", user: "UMEMBER" });
    const text = textOf(answer);
    expect(text).toContain("Nothing imported from bad.csv: 2 problems");
    expect(text).toContain('line 2, column C \\"Cost\\": spend is not a number');
    expect(text).toContain('line 3, column B \\"Day\\"');
    expect(await store.campaigns.count(TENANT)).toBe(1);
  });

  it("leaves files that are not CSV to the normal mention handling", async () => {
    const file = slack.shareFile("chart.png", Buffer.from([0x89, 0x50]), {
      mimetype: "image/png",
      filetype: "png",
    });
    await deliver(mentionFile("UBOSS", file, "roi last 30d"));
    expect(slack.callsTo("files.download")).toEqual([]);
    expect(dispatcher.invocations.map((i) => i.text)).toEqual(["roi last 30d"]);
  });

  it("says what to fix when Slack answers the download with its sign-in page", async () => {
    const file = slack.shareFile("tiktok.csv", await readFile(join(FIXTURES, "tiktok-by-day.csv")));
    const middleware = fileImportMiddleware({
      importer: createImporter({
        store,
        clock,
        log: silentLogger(),
        managers: ["slack:UBOSS"],
        defaultTimezone: "UTC",
      }),
      botToken: "xoxb-not-the-bot",
      apiUrl: slack.apiUrl,
      log: silentLogger(),
      track: (work) => work,
    });
    const client = new webApi.WebClient(slack.botToken, { slackApiUrl: slack.apiUrl });
    await middleware({
      body: { team_id: "T0STANDIN", event: dmFile("UBOSS", file) },
      context: { botUserId: slack.botUserId },
      client,
      next: async () => {
        throw new Error("a CSV share must not reach the other handlers");
      },
      // biome-ignore lint/suspicious/noExplicitAny: the middleware reads only the fields above
    } as any);
    expect(slack.callsTo("files.download")[0]?.response).toBe("sign-in page");
    expect(textOf(slack.messagesIn(DM)[0])).toContain("files:read");
  });

  it("never sends the bot token to a host that is not Slack's", async () => {
    const seen: string[] = [];
    const middleware = fileImportMiddleware({
      importer: createImporter({
        store,
        clock,
        log: silentLogger(),
        managers: ["slack:UBOSS"],
        defaultTimezone: "UTC",
      }),
      botToken: slack.botToken,
      apiUrl: slack.apiUrl,
      log: silentLogger(),
      track: (work) => work,
      fetch: (async (url: string) => {
        seen.push(url);
        return new Response("x");
      }) as unknown as typeof fetch,
    });
    const client = new webApi.WebClient(slack.botToken, { slackApiUrl: slack.apiUrl });
    const file = {
      ...slack.shareFile("x.csv", "a,b\n"),
      url_private_download: "https://evil.example/x.csv",
    };
    await middleware({
      body: { team_id: "T0STANDIN", event: dmFile("UBOSS", file) },
      context: { botUserId: slack.botUserId },
      client,
      next: async () => undefined,
      // biome-ignore lint/suspicious/noExplicitAny: the middleware reads only the fields above
    } as any);
    expect(seen).toEqual([]);
    expect(textOf(slack.messagesIn(DM)[0])).toContain("did not give a download link");
  });
});
