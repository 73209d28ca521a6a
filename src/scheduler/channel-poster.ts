import type { PlatformName } from "../bot/invocation";
import type { Reply } from "../bot/reply";

/**
 * How scheduled posts reach a chat platform: one implementation per adapter
 * (`src/platforms/slack/slack-channel-poster.ts`, `src/platforms/discord/discord-channel-poster.ts`,
 * `src/platforms/console/console-channel-poster.ts`). The scheduler does the bookkeeping (ledger rows, pacing, retries,
 * telling the owner); a poster makes one attempt and says how it went.
 *
 * Contract for implementers:
 * - `post` makes ONE attempt and resolves with the platform's message id, or rejects with a
 *   {@link DeliveryError}: `retryAfterMs` when the platform said how long to wait (HTTP 429
 *   `Retry-After`), `retryable` for server errors and network failures, neither for errors that
 *   will not go away (bot not in the channel, unknown channel, invalid token, message rejected).
 *   Never retry inside `post`: the scheduler counts attempts and paces the channel.
 * - Charts come rasterized (`png` set) or with `renderError`; a chart without PNG is described in
 *   words and the text still goes out. If uploading a chart fails transiently, reject as
 *   retryable unless `finalAttempt` is set: then post without it rather than not at all.
 * - `notifyUser` tells one user privately (a DM): used when a delivery failed for good.
 * - `minIntervalMs` is the spacing the platform wants between two posts into one channel.
 */
export interface ChannelPoster {
  readonly platform: PlatformName;
  /** Least time between two posts into one channel (Slack: about one message per second). */
  readonly minIntervalMs: number;
  post(channelId: string, reply: Reply, options?: PostOptions): Promise<PostResult>;
  /** `userId` is platform-qualified, e.g. `slack:U123`, `discord:456`. */
  notifyUser(userId: string, reply: Reply): Promise<PostResult>;
}

export interface PostOptions {
  /** The scheduler will not try again: degrade (drop charts) rather than fail. */
  finalAttempt?: boolean;
}

export interface PostResult {
  /** The platform's id for the message (Slack `ts`, a Discord snowflake, `files:F…` for uploads). */
  messageId: string;
  /** Charts that went out as images. */
  chartsShown: number;
}

/**
 * A failed attempt, classified for the retry policy. `code` is the platform's short error code
 * (`not_in_channel`, `ratelimited`, `http_500`), stored in the ledger and shown in history.
 */
export class DeliveryError extends Error {
  override readonly name = "DeliveryError";
  constructor(
    readonly code: string,
    message: string,
    readonly options: { retryable: boolean; retryAfterMs?: number } = { retryable: false },
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.options.retryable || this.options.retryAfterMs !== undefined;
  }

  get retryAfterMs(): number | undefined {
    return this.options.retryAfterMs;
  }
}

export function isDeliveryError(error: unknown): error is DeliveryError {
  return error instanceof DeliveryError;
}

/** Posters available in this process, by platform. */
export type ChannelPosters = Partial<Record<PlatformName, ChannelPoster>>;
