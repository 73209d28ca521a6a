import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/logger";
import { boltLogger } from "../../../src/platforms/slack/bolt-logger";
import { type SlackApiStandin, startSlackApiStandin } from "../../support/slack-api-standin";

/**
 * The stand-in must refuse what Slack refuses, or the e2e tests would pass against a kinder Slack.
 * Driven by the real WebClient, so argument encoding is the one the app uses.
 */
describe("Slack Web API stand-in", () => {
  let slack: SlackApiStandin;
  let client: webApi.WebClient;

  beforeAll(async () => {
    slack = await startSlackApiStandin();
    client = new webApi.WebClient(slack.botToken, {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
      // WebClient logs Slack's error messages itself; these tests provoke them on purpose.
      logger: boltLogger(silentLogger()),
    });
  });
  afterAll(() => slack.close());
  beforeEach(() => slack.reset());

  const section = (text: string) => ({ type: "section", text: { type: "mrkdwn", text } }) as const;
  const errorOf = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: { data?: { error?: string; errors?: string[] } }) => error.data,
    );

  it("records calls with parsed form arguments and headers", async () => {
    await client.chat.postMessage({ channel: "C1", text: "hi", blocks: [section("*hi*")] });
    const [call] = slack.callsTo("chat.postMessage");
    expect(call?.args).toMatchObject({ channel: "C1", text: "hi", blocks: [section("*hi*")] });
    expect(call?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(slack.messagesIn("C1")[0]).toMatchObject({ via: "chat.postMessage", text: "hi" });
  });

  it("rejects a wrong token with invalid_auth", async () => {
    const stranger = new webApi.WebClient("xoxb-wrong", {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
    });
    expect(await errorOf(stranger.auth.test())).toMatchObject({ error: "invalid_auth" });
  });

  it("rejects more than 50 blocks and a section over 3,000 characters with invalid_blocks", async () => {
    const many = Array.from({ length: 51 }, () => section("x"));
    expect(
      await errorOf(client.chat.postMessage({ channel: "C1", text: "t", blocks: many })),
    ).toMatchObject({
      error: "invalid_blocks",
      errors: ["no more than 50 items allowed [json-pointer:/blocks]"],
    });
    expect(
      await errorOf(
        client.chat.postMessage({ channel: "C1", text: "t", blocks: [section("x".repeat(3_001))] }),
      ),
    ).toMatchObject({
      error: "invalid_blocks",
      errors: ["must be less than 3001 characters [json-pointer:/blocks/0/text/text]"],
    });
    expect(slack.messages).toEqual([]);
  });

  it("runs the files v2 flow: size must match `length`, only uploaded ids complete", async () => {
    const reserved = await client.files.getUploadURLExternal({ filename: "a.png", length: 4 });
    const short = await fetch(reserved.upload_url as string, {
      method: "POST",
      body: new Uint8Array([1, 2, 3]),
    });
    expect(short.status).toBe(400);
    expect(
      await errorOf(
        client.files.completeUploadExternal({ files: [{ id: reserved.file_id as string }] }),
      ),
    ).toMatchObject({
      error: "file_not_found",
    });

    // Multipart, as WebClient.filesUploadV2 sends it.
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array([1, 2, 3, 4])]), "a.png");
    expect(
      (await fetch(reserved.upload_url as string, { method: "POST", body: form })).status,
    ).toBe(200);
    await client.files.completeUploadExternal({
      files: [{ id: reserved.file_id as string }],
      channel_id: "C1",
    });
    expect(slack.files.get(reserved.file_id as string)?.bytes).toEqual(Buffer.from([1, 2, 3, 4]));
    expect(slack.messagesIn("C1")[0]?.fileIds).toEqual([reserved.file_id]);

    expect(
      await errorOf(client.files.completeUploadExternal({ files: [{ id: "F0NOPE0000" }] })),
    ).toMatchObject({
      error: "file_not_found",
    });
  });

  it("works with WebClient.filesUploadV2 end to end", async () => {
    await client.filesUploadV2({
      channel_id: "C1",
      file: Buffer.from("png-bytes"),
      filename: "c.png",
    });
    const [file] = slack.files.values();
    expect(file?.bytes?.toString()).toBe("png-bytes");
    expect(file?.completed).toBe(true);
  });

  it("allows 5 posts per response_url, then answers used_url", async () => {
    const url = slack.responseUrl();
    const post = () =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "hi" }),
      });
    const statuses = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await post()).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
    expect(slack.responsesTo(url)).toHaveLength(5);
  });

  it("keeps the bot out of channels it was not invited to", async () => {
    slack.setChannel("G1", { member: false, isPrivate: true });
    slack.setChannel("C2", { member: false });
    expect(await errorOf(client.chat.postMessage({ channel: "G1", text: "t" }))).toMatchObject({
      error: "channel_not_found",
    });
    await client.chat.postMessage({ channel: "C2", text: "chat:write.public" });
    expect(
      await errorOf(client.chat.postEphemeral({ channel: "C2", user: "U1", text: "t" })),
    ).toMatchObject({ error: "not_in_channel" });
  });

  it("answers 429 with Retry-After and 500 on demand", async () => {
    slack.failNext("auth.test", 1, { status: 429, retryAfterSeconds: 7 });
    slack.failNext("chat.postMessage", 1, { status: 500 });
    const limited = await fetch(`${slack.apiUrl}auth.test`, {
      method: "POST",
      headers: { authorization: `Bearer ${slack.botToken}` },
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    const broken = await fetch(`${slack.apiUrl}chat.postMessage`, {
      method: "POST",
      headers: { authorization: `Bearer ${slack.botToken}` },
    });
    expect(broken.status).toBe(500);
    expect((await client.auth.test()).ok).toBe(true);
  });
});
