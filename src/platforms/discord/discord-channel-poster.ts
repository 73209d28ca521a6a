import { DiscordAPIError, HTTPError, RateLimitError, REST, Routes } from "discord.js";
import type { Reply } from "../../bot/reply";
import type { Logger } from "../../logger";
import {
  type ChannelPoster,
  DeliveryError,
  type PostOptions,
  type PostResult,
} from "../../scheduler/channel-poster";
import { renderDiscordMessage } from "./render-message";

export interface DiscordChannelPosterOptions {
  token: string;
  /** REST base (a proxy, the test stand-in); Discord's own when unset. */
  apiUrl?: string;
  log: Logger;
  /** Per-request limit. */
  timeoutMs?: number;
}

/**
 * Discord allows about five messages per 5 s in one channel; one a second keeps digests of many
 * subscriptions in one channel well inside it without waiting on the bucket.
 */
const DISCORD_CHANNEL_INTERVAL_MS = 1_000;

/** Discord API error codes that will not go away by retrying. */
const UNKNOWN_CHANNEL = 10003;
const MISSING_ACCESS = 50001;
const MISSING_PERMISSIONS = 50013;
const CANNOT_DM_USER = 50007;

/**
 * Scheduled posts into Discord channels, one attempt per call (see ChannelPoster). It renders
 * with the interactive path's `renderDiscordMessage`, so a digest looks like the same command
 * typed by hand: an embed coloured by tone with the chart PNG attached inside it, and buttons.
 *
 * It talks REST only (no gateway connection: `adpulse jobs run` posts without logging in), with
 * discord.js's REST layer told not to retry on its own: a 429 rejects with Discord's
 * `retry_after` and a 5xx at once, so the scheduler waits, retries with jitter and records every
 * attempt in the delivery ledger.
 *
 * @example
 * const poster = createDiscordChannelPoster({ token, apiUrl, log });
 * await poster.post("1300000000000000001", reply); // { messageId: "1500…", chartsShown: 1 }
 */
export function createDiscordChannelPoster(options: DiscordChannelPosterOptions): ChannelPoster {
  const log = options.log.child({ platform: "discord", component: "channel-poster" });
  const rest = new REST({
    ...(options.apiUrl ? { api: options.apiUrl } : {}),
    retries: 0,
    rejectOnRateLimit: () => true,
    timeout: options.timeoutMs ?? 30_000,
  }).setToken(options.token);

  async function send(channelId: string, reply: Reply, attachCharts: boolean): Promise<PostResult> {
    const message = renderDiscordMessage(reply, { attachCharts });
    // Raw API shape (REST, not a discord.js channel): the files go as multipart parts next to
    // `payload_json`, `attachments` gives each its alt text, and mentions never ping.
    const created = (await rest.post(Routes.channelMessages(channelId), {
      body: {
        embeds: message.embeds,
        components: message.components,
        attachments: message.files.map((file, id) => ({
          id,
          filename: file.name,
          description: file.description,
        })),
        allowed_mentions: { parse: [] },
      },
      files: message.files.map((file) => ({ name: file.name, data: file.data })),
    })) as { id: string };
    return { messageId: created.id, chartsShown: message.files.length };
  }

  async function postOnce(channelId: string, reply: Reply, postOptions: PostOptions) {
    const hasCharts = (reply.charts ?? []).some((c) => c.png && !c.renderError);
    try {
      return await send(channelId, reply, true);
    } catch (error) {
      const failure = toDeliveryError(error);
      // The charts travel in the same request; on the last attempt, or when Discord refuses the
      // upload itself (too large), the text still goes out without them.
      const uploadRefused = failure.code === "http_413";
      if (!hasCharts || !(postOptions.finalAttempt || uploadRefused)) throw failure;
      if (failure.retryAfterMs !== undefined && !uploadRefused) throw failure;
      log.warn({ reason: failure.code }, "posting with the charts failed; posting the text alone");
      try {
        return await send(channelId, reply, false);
      } catch (second) {
        throw toDeliveryError(second);
      }
    }
  }

  return {
    platform: "discord",
    minIntervalMs: DISCORD_CHANNEL_INTERVAL_MS,

    post(channelId, reply, postOptions: PostOptions = {}) {
      return postOnce(channelId, reply, postOptions);
    },

    async notifyUser(userId, reply) {
      try {
        const dm = (await rest.post(Routes.userChannels(), {
          body: { recipient_id: userId.replace(/^discord:/, "") },
        })) as { id: string };
        return await send(dm.id, reply, false);
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
  };
}

/**
 * Classifies a REST failure for the retry policy: 429 → wait `retry_after`; 5xx and network
 * errors → retry; Discord's refusals (unknown channel, missing access) are final.
 */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof RateLimitError) {
    const ms = Math.max(0, Math.ceil(error.retryAfter));
    return new DeliveryError(
      "ratelimited",
      `Discord asked to retry after ${(ms / 1000).toFixed(1)} s (HTTP 429)`,
      { retryable: true, retryAfterMs: ms },
    );
  }
  if (error instanceof HTTPError) {
    return new DeliveryError(`http_${error.status}`, `Discord answered HTTP ${error.status}`, {
      retryable: error.status >= 500 || error.status === 408,
    });
  }
  if (error instanceof DiscordAPIError) {
    if (error.status === 413) {
      return new DeliveryError("http_413", "Discord refused the upload as too large");
    }
    const code = discordCode(Number(error.code));
    return new DeliveryError(code, `Discord refused the message: ${error.message} (${code})`, {
      retryable: error.status >= 500,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  // Timeouts (AbortError) and connection failures: the message may not have arrived.
  return new DeliveryError("network_error", `could not reach Discord: ${message}`, {
    retryable: true,
  });
}

function discordCode(code: number): string {
  switch (code) {
    case UNKNOWN_CHANNEL:
      return "channel_not_found";
    case MISSING_ACCESS:
      return "missing_access";
    case MISSING_PERMISSIONS:
      return "missing_permissions";
    case CANNOT_DM_USER:
      return "cannot_dm_user";
    default:
      return `discord_${code}`;
  }
}
