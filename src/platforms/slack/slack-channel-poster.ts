import { webApi } from "@slack/bolt";
import type { Reply } from "../../bot/reply";
import type { Logger } from "../../logger";
import {
  type ChannelPoster,
  DeliveryError,
  type PostOptions,
  type PostResult,
} from "../../scheduler/channel-poster";
import { boltLogger } from "./bolt-logger";
import { renderSlackMessage, type SlackChartImage } from "./render-blocks";
import {
  describeError,
  shareChartsWithMessage,
  type UploadOptions,
  uploadChartFiles,
} from "./upload-charts";

type WebClient = webApi.WebClient;

export interface SlackChannelPosterOptions {
  botToken: string;
  /** Web API base (GovSlack, the test stand-in); Slack's own when unset. */
  apiUrl?: string;
  log: Logger;
  upload?: UploadOptions;
  /** Per-request limit. */
  timeoutMs?: number;
}

/** Slack's guidance for chat.postMessage: about one message per second per channel. */
const SLACK_CHANNEL_INTERVAL_MS = 1_000;

/** Web API errors that go away on their own. */
const TRANSIENT_CODES = new Set([
  "ratelimited",
  "rate_limited",
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
]);

/** The bot may post text but not share files here (public channel it has not joined). */
const NOT_IN_CHANNEL = new Set(["not_in_channel", "channel_not_found"]);

const INVITE_NOTICE =
  "Charts appear only in channels adpulse is in: `/invite @adpulse` to get them here.";

/**
 * Scheduled posts into Slack channels, one attempt per call (see ChannelPoster). Reuses the
 * interactive path's pieces: `renderSlackMessage` for Block Kit and the files v2 upload, so a
 * digest looks exactly like the same command typed by hand — one message carrying text and chart.
 *
 * Its WebClient never retries by itself (`retries: 0`, `rejectRateLimitedCalls`): a 429 or 5xx
 * comes back to the scheduler as a DeliveryError, which waits `Retry-After`, retries 5xx a few
 * times with jitter, and records every attempt in the delivery ledger.
 *
 * @example
 * const poster = createSlackChannelPoster({ botToken, apiUrl, log });
 * await poster.post("C0MARKETING", reply); // { messageId: "1732345200.000100", chartsShown: 0 }
 */
export function createSlackChannelPoster(options: SlackChannelPosterOptions): ChannelPoster {
  const log = options.log.child({ platform: "slack", component: "channel-poster" });
  const client: WebClient = new webApi.WebClient(options.botToken, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 30_000,
    logger: boltLogger(log),
  });

  async function postText(channel: string, reply: Reply, notice?: string): Promise<PostResult> {
    const message = renderSlackMessage(reply, { notice });
    try {
      const result = await client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
      return { messageId: result.ts ?? "", chartsShown: 0 };
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  return {
    platform: "slack",
    minIntervalMs: SLACK_CHANNEL_INTERVAL_MS,

    async post(channelId, reply, postOptions: PostOptions = {}) {
      const withPng = (reply.charts ?? []).filter((c) => c.png && !c.renderError);
      let notice: string | undefined;
      if (withPng.length > 0) {
        const { uploaded, failed } = await uploadChartFiles(client, withPng, log, options.upload);
        // A transient upload failure retries the whole message (charts included); only the last
        // attempt settles for text without the chart.
        const transient = failed
          .map((f) => toDeliveryError(f.error ?? f.reason))
          .find((e) => e.retryable);
        if (transient && !postOptions.finalAttempt) throw transient;
        if (uploaded.length > 0) {
          const images = new Map<string, SlackChartImage>(
            uploaded.map((u) => [u.chart.id, { kind: "attached" }]),
          );
          const message = renderSlackMessage(reply, { chartImages: images });
          try {
            await shareChartsWithMessage(client, { channelId }, uploaded, message.blocks);
            // completeUploadExternal returns no message ts: the file ids identify the post.
            return {
              messageId: `files:${uploaded.map((u) => u.fileId).join(",")}`,
              chartsShown: uploaded.length,
            };
          } catch (error) {
            const failure = toDeliveryError(error);
            if (failure.retryable && !postOptions.finalAttempt) throw failure;
            log.warn({ reason: failure.code }, "sharing the charts failed; posting the text alone");
            if (NOT_IN_CHANNEL.has(failure.code)) notice = INVITE_NOTICE;
          }
        }
      }
      return postText(channelId, reply, notice);
    },

    async notifyUser(userId, reply) {
      // Posting to a user id opens the app's DM with that user.
      return postText(userId.replace(/^slack:/, ""), reply);
    },
  };
}

/**
 * Classifies a Web API (or upload) failure for the retry policy: 429 → wait `Retry-After`;
 * 5xx, network errors and Slack's transient codes → retry; anything else is final.
 */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = (typeof error === "object" && error !== null ? error : {}) as {
    code?: string;
    retryAfter?: number;
    statusCode?: number;
    data?: { error?: string };
  };
  switch (e.code) {
    case webApi.ErrorCode.RateLimitedError: {
      const seconds = Number.isFinite(e.retryAfter) ? Number(e.retryAfter) : 1;
      return new DeliveryError(
        "ratelimited",
        `Slack asked to retry after ${seconds} s (HTTP 429)`,
        {
          retryable: true,
          retryAfterMs: seconds * 1000,
        },
      );
    }
    case webApi.ErrorCode.HTTPError: {
      const status = e.statusCode ?? 0;
      return new DeliveryError(`http_${status}`, `Slack answered HTTP ${status}`, {
        retryable: status >= 500 || status === 408,
      });
    }
    case webApi.ErrorCode.RequestError:
      return new DeliveryError("network_error", `could not reach Slack: ${describeError(error)}`, {
        retryable: true,
      });
    case webApi.ErrorCode.PlatformError: {
      const code = e.data?.error ?? "unknown_error";
      return new DeliveryError(code, `Slack refused the message: ${code}`, {
        retryable: TRANSIENT_CODES.has(code),
      });
    }
  }
  // Byte uploads to the upload URL (upload-charts.ts) fail with plain errors.
  const message = typeof error === "string" ? error : describeError(error);
  const status = /HTTP (\d{3})/.exec(message)?.[1];
  if (status) {
    const n = Number(status);
    return new DeliveryError(`upload_http_${n}`, message, { retryable: n >= 500 || n === 429 });
  }
  if (message.startsWith("upload failed:")) {
    return new DeliveryError("upload_network_error", message, { retryable: true });
  }
  return new DeliveryError("error", message, { retryable: false });
}
