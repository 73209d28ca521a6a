import { PassThrough } from "node:stream";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Invocation } from "../../../src/bot/invocation";
import type { Reply } from "../../../src/bot/reply";
import { createLogger } from "../../../src/logger";
import { createSlackApp, type SlackApp } from "../../../src/platforms/slack/slack-app";
import { PNG_SIGNATURE, pngSize } from "../../charts/png";
import { type SlackApiStandin, startSlackApiStandin } from "../../support/slack-api-standin";
import {
  postToSlackApp,
  slashCommandBody,
  slashCommandPayload,
} from "../../support/slack-requests";
import {
  ephemeralReply,
  type RecordingDispatcher,
  recordingDispatcher,
  roiReply,
} from "../../support/slack-test-dispatcher";

const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const CHANNEL = "C0MARKETING";
const FAST_RETRIES = { retries: 2, factor: 1, minTimeout: 20, maxTimeout: 50 };

// biome-ignore lint/suspicious/noExplicitAny: tests read into Slack's JSON payloads freely
type Json = Record<string, any>;

/** Collects the app's log lines so tests can check nothing secret is written. */
function memoryLog() {
  const lines: string[] = [];
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => lines.push(chunk.toString("utf8")));
  return { log: createLogger("debug", stream), lines };
}

describe("Slack app over HTTP, Web API at the stand-in", () => {
  let slack: SlackApiStandin;
  let app: SlackApp;
  let eventsUrl: string;
  let answer: (invocation: Invocation) => Promise<Reply>;
  let dispatcher: RecordingDispatcher;
  const logs = memoryLog();

  beforeAll(async () => {
    slack = await startSlackApiStandin();
    dispatcher = recordingDispatcher((invocation) => answer(invocation));
    app = createSlackApp({
      slack: {
        botToken: slack.botToken,
        signingSecret: SIGNING_SECRET,
        apiUrl: slack.apiUrl,
        port: 0,
      },
      dispatcher,
      log: logs.log,
      retryConfig: FAST_RETRIES,
      upload: { retryDelayMs: 10 },
    });
    const { port } = await app.start();
    expect(port).toBeGreaterThan(0);
    eventsUrl = `http://127.0.0.1:${port}/slack/events`;
  });

  afterAll(async () => {
    await app?.stop();
    await slack?.close();
    // Tokens and the signing secret never reach a log line, even at debug level.
    const all = logs.lines.join("");
    expect(all).not.toContain(slack.botToken);
    expect(all).not.toContain(SIGNING_SECRET);
  });

  beforeEach(() => {
    answer = () => roiReply();
  });

  afterEach(() => {
    slack.reset();
    dispatcher.invocations.length = 0;
  });

  async function sendCampaign(
    text: string,
    fields: Partial<Parameters<typeof slashCommandBody>[0]> = {},
  ) {
    const responseUrl = slack.responseUrl();
    const body = slashCommandBody({ text, response_url: responseUrl, ...fields });
    const result = await postToSlackApp(eventsUrl, body, { signingSecret: SIGNING_SECRET });
    return { ...result, responseUrl };
  }

  it("acks /campaign roi last 30d within 3 s, then posts the answer with its chart via the files v2 flow", async () => {
    // The answer is held until the ack has arrived: proves ack() comes before the work.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    answer = async () => {
      await gate;
      return roiReply();
    };

    const response = await sendCampaign("roi last 30d");
    expect(response.status).toBe(200);
    expect(response.body).toBe("");
    // Slack's protocol deadline for acknowledging a slash command (not a benchmark).
    expect(response.elapsedMs).toBeLessThan(3_000);
    release();

    const message = await slack.waitFor(() => slack.messagesIn(CHANNEL)[0]);
    expect(dispatcher.invocations).toEqual([
      {
        platform: "slack",
        tenantId: "slack:T0STANDIN",
        tenantName: "standin",
        userId: "slack:U0MARKETER",
        userName: "marketer",
        channelId: CHANNEL,
        text: "roi last 30d",
      },
    ]);

    // One message carries both the text and the image.
    expect(message.via).toBe("files.completeUploadExternal");
    expect(message.fileIds).toHaveLength(1);
    const blocks = message.blocks as Json[];
    expect(blocks[0]).toMatchObject({
      type: "header",
      text: { text: "ROI by campaign, last 30 days" },
    });
    expect(JSON.stringify(blocks)).toContain("*Campaign B* leads with _240 %_ ROI.");

    // Files v2: reserve → POST bytes to the returned URL → complete into the channel by id.
    const [reserve] = slack.callsTo("files.getUploadURLExternal");
    const [upload] = slack.callsTo("upload");
    const [complete] = slack.callsTo("files.completeUploadExternal");
    expect(reserve?.args).toMatchObject({ filename: "roi-ranking.png" });
    expect(String(reserve?.args.alt_text)).toMatch(/Campaign B/);
    const returned = reserve?.response as { upload_url: string; file_id: string };
    expect(`${new URL(returned.upload_url).pathname}`).toBe(upload?.path);
    expect(upload?.status).toBe(200);
    expect(upload?.headers.authorization).toBeUndefined();
    expect(complete?.args.channel_id).toBe(CHANNEL);
    expect(complete?.args.files).toEqual([
      { id: returned.file_id, title: "ROI by campaign, last 30 days" },
    ]);
    expect(complete?.args.initial_comment).toBeUndefined();

    const file = slack.files.get(returned.file_id);
    const png = file?.bytes as Buffer;
    expect(Number(reserve?.args.length)).toBe(png.length);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const { width, height } = pngSize(png);
    expect(width).toBeGreaterThanOrEqual(800);
    expect(height).toBeGreaterThanOrEqual(400);
    expect(file?.channelId).toBe(CHANNEL);

    // Every Web API call carried the bot token, and nothing went through chat.postMessage.
    for (const call of slack.calls.filter((c) => !["upload"].includes(c.method))) {
      expect(call.headers.authorization).toBe(`Bearer ${slack.botToken}`);
    }
    expect(slack.callsTo("chat.postMessage")).toEqual([]);
  });

  it.each([
    ["a bad signature", { signingSecret: "not-the-secret" }],
    [
      "a stale timestamp (> 5 min old)",
      { signingSecret: SIGNING_SECRET, timestampSeconds: Math.floor(Date.now() / 1000) - 6 * 60 },
    ],
    ["no signature", {}],
  ])("answers 401 to %s and never calls the dispatcher", async (_, options) => {
    const body = slashCommandBody({ text: "roi last 30d", response_url: slack.responseUrl() });
    const response = await postToSlackApp(eventsUrl, body, options);
    expect(response.status).toBe(401);
    expect(dispatcher.invocations).toEqual([]);
    expect(slack.messages).toEqual([]);
  });

  it("sends an ephemeral reply through chat.postEphemeral to the user who asked", async () => {
    answer = async () => ephemeralReply();
    expect((await sendCampaign("roi last 3 fortnights")).status).toBe(200);
    const message = await slack.waitFor(() => slack.messagesIn(CHANNEL)[0]);
    expect(message.via).toBe("chat.postEphemeral");
    expect(message.user).toBe("U0MARKETER");
    expect((message.blocks as Json[])[0]?.text.text).toBe(":red_circle: Can't do that yet");
    expect(slack.callsTo("files.getUploadURLExternal")).toEqual([]);
  });

  it("attaches a reply's files (a CSV export) to the same message as its chart", async () => {
    const csv = Buffer.from("\uFEFFcampaign,spend\nSpring Sale,120.5\n", "utf8");
    answer = async () => ({
      ...(await roiReply()),
      files: [
        { name: "roi.csv", contentType: "text/csv", content: csv, description: "roi export" },
      ],
    });
    await sendCampaign("export roi");
    const message = await slack.waitFor(() => slack.messagesIn(CHANNEL)[0]);
    expect(message.via).toBe("files.completeUploadExternal");
    const shared = message.fileIds.map((id) => slack.files.get(id));
    expect(shared.map((f) => f?.filename)).toEqual(["roi-ranking.png", "roi.csv"]);
    expect(shared[1]?.bytes?.equals(csv)).toBe(true);
  });

  it("describes charts in words in ephemeral replies (files cannot be ephemeral)", async () => {
    answer = async () => ({ ...(await roiReply()), ephemeral: true });
    await sendCampaign("roi last 30d");
    const message = await slack.waitFor(() => slack.messagesIn(CHANNEL)[0]);
    expect(message.via).toBe("chat.postEphemeral");
    expect(JSON.stringify(message.blocks)).toContain(":bar_chart: *ROI by campaign, last 30 days*");
    expect(slack.callsTo("upload")).toEqual([]);
  });

  it("answers through response_url, in channel, where the bot cannot post", async () => {
    slack.setChannel("G0PRIVATE", { member: false, isPrivate: true });
    const { responseUrl } = await sendCampaign("roi last 30d", { channel_id: "G0PRIVATE" });
    const [message] = await slack.waitFor(
      () => slack.responsesTo(responseUrl).length > 0 && slack.responsesTo(responseUrl),
    );
    expect(message?.responseType).toBe("in_channel");
    expect(JSON.stringify(message?.blocks)).toContain("/invite @adpulse");
    expect(slack.callsTo("files.completeUploadExternal")[0]?.response).toMatchObject({
      error: "channel_not_found",
    });
    expect(slack.callsTo("chat.postMessage")[0]?.response).toMatchObject({
      error: "channel_not_found",
    });
  });

  it("falls back to response_url for an ephemeral reply in a channel the bot is not in", async () => {
    slack.setChannel("C0OTHER", { member: false });
    answer = async () => ephemeralReply();
    const { responseUrl } = await sendCampaign("nonsense", { channel_id: "C0OTHER" });
    const [message] = await slack.waitFor(
      () => slack.responsesTo(responseUrl).length > 0 && slack.responsesTo(responseUrl),
    );
    expect(message?.responseType).toBe("ephemeral");
    expect(slack.callsTo("chat.postEphemeral")[0]?.response).toMatchObject({
      error: "not_in_channel",
    });
  });

  it("posts the text (with an invite hint) in a public channel it has not joined", async () => {
    slack.setChannel("C0PUBLIC", { member: false });
    await sendCampaign("roi last 30d", { channel_id: "C0PUBLIC" });
    const message = await slack.waitFor(() => slack.messagesIn("C0PUBLIC")[0]);
    expect(message.via).toBe("chat.postMessage");
    expect(JSON.stringify(message.blocks)).toContain("/invite @adpulse");
  });

  it("shares the charts that uploaded and describes the one that failed", async () => {
    answer = () => roiReply({ charts: 2 });
    slack.failNext("files.getUploadURLExternal", 1, { error: "internal_error" });
    await sendCampaign("roi last 30d");
    const message = await slack.waitFor(() => slack.messagesIn(CHANNEL)[0]);
    expect(message.via).toBe("files.completeUploadExternal");
    expect(message.fileIds).toHaveLength(1);
    expect(JSON.stringify(message.blocks)).toContain(":bar_chart:");
  });

  it("retries a failed byte upload once", async () => {
    slack.failNext("upload", 1, { status: 500 });
    await sendCampaign("roi last 30d");
    const message = await slack.waitFor(() => slack.messagesIn(CHANNEL)[0]);
    expect(message.fileIds).toHaveLength(1);
    expect(slack.callsTo("upload").map((c) => c.status)).toEqual([500, 200]);
  });

  it("posts the text alone when the byte upload keeps failing", async () => {
    slack.failNext("upload", 2, { status: 500 });
    await sendCampaign("roi last 30d");
    const message = await slack.waitFor(() => slack.messagesIn(CHANNEL)[0]);
    expect(message.via).toBe("chat.postMessage");
    expect(slack.callsTo("files.completeUploadExternal")).toEqual([]);
  });

  it("posts the text alone when every chart upload fails", async () => {
    slack.failNext("files.getUploadURLExternal", 5, { error: "internal_error" });
    await sendCampaign("roi last 30d");
    const message = await slack.waitFor(() => slack.messagesIn(CHANNEL)[0]);
    expect(message.via).toBe("chat.postMessage");
    expect((message.blocks as Json[])[0]?.text.text).toBe("ROI by campaign, last 30 days");
    expect(JSON.stringify(message.blocks)).toContain(":bar_chart: *ROI by campaign, last 30 days*");
  });

  it("retries the Web API after 429 (honouring Retry-After) and 500", async () => {
    slack.failNext("files.completeUploadExternal", 1, { status: 429, retryAfterSeconds: 1 });
    slack.failNext("files.getUploadURLExternal", 1, { status: 500 });
    await sendCampaign("roi last 30d");
    const message = await slack.waitFor(() => slack.messagesIn(CHANNEL)[0]);
    expect(message.via).toBe("files.completeUploadExternal");
    const completes = slack.callsTo("files.completeUploadExternal");
    expect(completes.map((c) => c.status)).toEqual([429, 200]);
    expect((completes[1]?.at ?? 0) - (completes[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);
    expect(slack.callsTo("files.getUploadURLExternal").map((c) => c.status)).toEqual([500, 200]);
    expect(slack.messages).toHaveLength(1);
  });

  it("answers an @mention once even when Slack redelivers the event (X-Slack-Retry-Num)", async () => {
    const body = {
      type: "event_callback",
      team_id: "T0STANDIN",
      api_app_id: "A0ADPULSE",
      event_id: "Ev0MENTION1",
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: "app_mention",
        user: "U0MARKETER",
        text: `<@${slack.botUserId}> roi last 30d`,
        channel: CHANNEL,
        ts: "1719000000.000100",
        event_ts: "1719000000.000100",
      },
    };
    const raw = JSON.stringify(body);
    const first = await postToSlackApp(eventsUrl, raw, {
      signingSecret: SIGNING_SECRET,
      contentType: "application/json",
    });
    expect(first.status).toBe(200);
    await slack.waitFor(() => slack.messagesIn(CHANNEL)[0]);
    expect(dispatcher.invocations[0]?.text).toBe("roi last 30d");

    const retry = await postToSlackApp(eventsUrl, raw, {
      signingSecret: SIGNING_SECRET,
      contentType: "application/json",
      headers: { "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout" },
    });
    expect(retry.status).toBe(200);
    // Through Bolt's own door, awaited to the end: the redelivery does nothing.
    await app.app.processEvent({
      body,
      ack: async () => undefined,
      retryNum: 2,
      retryReason: "http_timeout",
    });
    expect(dispatcher.invocations).toHaveLength(1);
    expect(slack.messagesIn(CHANNEL)).toHaveLength(1);

    // A retry of an event this process never saw (it restarted) is answered.
    await app.app.processEvent({
      body: { ...body, event_id: "Ev0MENTION2" },
      ack: async () => undefined,
      retryNum: 1,
    });
    expect(dispatcher.invocations).toHaveLength(2);
  });

  it("answers a DM to the bot and ignores its own and edited messages", async () => {
    const dm = (event: Json, id: string) => ({
      type: "event_callback",
      team_id: "T0STANDIN",
      api_app_id: "A0ADPULSE",
      event_id: id,
      event_time: 1,
      event: {
        type: "message",
        channel: "D0DM",
        channel_type: "im",
        ts: "1.1",
        event_ts: "1.1",
        ...event,
      },
    });
    await app.app.processEvent({
      body: dm({ subtype: "message_changed" }, "Ev1"),
      ack: async () => undefined,
    });
    await app.app.processEvent({
      body: dm({ user: slack.botUserId, bot_id: slack.botId, text: "hi" }, "Ev2"),
      ack: async () => undefined,
    });
    expect(dispatcher.invocations).toEqual([]);
    await app.app.processEvent({
      body: dm({ user: "U0MARKETER", text: "roi last 30d" }, "Ev3"),
      ack: async () => undefined,
    });
    expect(dispatcher.invocations.map((i) => i.text)).toEqual(["roi last 30d"]);
    expect(slack.messagesIn("D0DM")).toHaveLength(1);
  });
});

describe("Slack app start-up", () => {
  it("says what to fix when the stand-in rejects the bot token", async () => {
    const slack = await startSlackApiStandin();
    const app = createSlackApp({
      slack: {
        botToken: "xoxb-wrong",
        signingSecret: SIGNING_SECRET,
        apiUrl: slack.apiUrl,
        port: 0,
      },
      dispatcher: recordingDispatcher(() => roiReply()),
      log: memoryLog().log,
      retryConfig: FAST_RETRIES,
    });
    try {
      await expect(app.start()).rejects.toThrow(/SLACK_BOT_TOKEN \(invalid_auth\)/);
      expect(slack.callsTo("auth.test")[0]?.response).toMatchObject({ error: "invalid_auth" });
    } finally {
      await app.stop();
      await slack.close();
    }
  });
});

describe("Slack app over Socket Mode, against the stand-in", () => {
  it("connects with the app token, acks a slash command envelope within 3 s and posts the answer", async () => {
    const slack = await startSlackApiStandin();
    const dispatcher = recordingDispatcher(() => roiReply());
    const app = createSlackApp({
      slack: {
        botToken: slack.botToken,
        signingSecret: SIGNING_SECRET,
        appToken: slack.appToken,
        apiUrl: slack.apiUrl,
        port: 0,
      },
      dispatcher,
      log: memoryLog().log,
      retryConfig: FAST_RETRIES,
    });
    try {
      expect(await app.start()).toEqual({});
      await slack.socketConnected();
      expect(slack.callsTo("apps.connections.open")[0]?.headers.authorization).toBe(
        `Bearer ${slack.appToken}`,
      );

      const responseUrl = slack.responseUrl();
      const ack = await slack.sendEnvelope(
        "slash_commands",
        slashCommandPayload({ text: "roi last 30d", response_url: responseUrl }),
      );
      expect(ack.elapsedMs).toBeLessThan(3_000);
      const message = await slack.waitFor(() => slack.messagesIn(CHANNEL)[0]);
      expect(message.via).toBe("files.completeUploadExternal");
      expect(dispatcher.invocations[0]?.tenantId).toBe("slack:T0STANDIN");
    } finally {
      await app.stop();
      await slack.close();
    }
  });
});
