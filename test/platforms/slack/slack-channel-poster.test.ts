import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/logger";
import {
  createSlackChannelPoster,
  toDeliveryError,
} from "../../../src/platforms/slack/slack-channel-poster";
import { type SlackApiStandin, startSlackApiStandin } from "../../support/slack-api-standin";

describe("toDeliveryError", () => {
  const classify = (error: unknown) => {
    const e = toDeliveryError(error);
    return { code: e.code, retryable: e.retryable, retryAfterMs: e.retryAfterMs };
  };

  it("waits Retry-After on 429, retries 5xx, network and transient codes, gives up on the rest", () => {
    expect(classify({ code: "slack_webapi_rate_limited_error", retryAfter: 7 })).toEqual({
      code: "ratelimited",
      retryable: true,
      retryAfterMs: 7000,
    });
    expect(classify({ code: "slack_webapi_http_error", statusCode: 503 })).toMatchObject({
      code: "http_503",
      retryable: true,
    });
    expect(classify({ code: "slack_webapi_http_error", statusCode: 400 })).toMatchObject({
      retryable: false,
    });
    expect(classify({ code: "slack_webapi_request_error", message: "ECONNRESET" })).toMatchObject({
      code: "network_error",
      retryable: true,
    });
    expect(
      classify({ code: "slack_webapi_platform_error", data: { error: "internal_error" } }),
    ).toMatchObject({
      code: "internal_error",
      retryable: true,
    });
    expect(
      classify({ code: "slack_webapi_platform_error", data: { error: "not_in_channel" } }),
    ).toMatchObject({
      code: "not_in_channel",
      retryable: false,
    });
    expect(classify(new Error("upload URL answered HTTP 502"))).toMatchObject({
      code: "upload_http_502",
      retryable: true,
    });
    expect(classify(new Error("upload URL answered HTTP 404"))).toMatchObject({ retryable: false });
    expect(classify(new Error("upload failed: socket hang up"))).toMatchObject({ retryable: true });
  });
});

describe("createSlackChannelPoster", () => {
  let slack: SlackApiStandin;
  beforeAll(async () => {
    slack = await startSlackApiStandin();
  });
  afterAll(() => slack.close());

  const poster = () =>
    createSlackChannelPoster({
      botToken: slack.botToken,
      apiUrl: slack.apiUrl,
      log: silentLogger(),
    });

  it("posts a text reply with chat.postMessage and returns its ts", async () => {
    const result = await poster().post("C0TEXT", { title: "Hello", text: "**bold**", data: {} });
    const [message] = slack.messagesIn("C0TEXT");
    expect(result).toEqual({ messageId: message?.ts, chartsShown: 0 });
  });

  it("tells a user privately by posting to their user id", async () => {
    await poster().notifyUser("slack:U0OWNER", { title: "Heads up", data: {} });
    expect(slack.messagesIn("U0OWNER")).toHaveLength(1);
  });

  it("surfaces a 429 as one failed attempt with the wait, without retrying itself", async () => {
    slack.failNext("chat.postMessage", 1, { status: 429, retryAfterSeconds: 9 });
    const calls = slack.callsTo("chat.postMessage").length;
    await expect(poster().post("C0TEXT", { title: "x", data: {} })).rejects.toMatchObject({
      code: "ratelimited",
      retryAfterMs: 9000,
    });
    expect(slack.callsTo("chat.postMessage").length).toBe(calls + 1);
  });
});
