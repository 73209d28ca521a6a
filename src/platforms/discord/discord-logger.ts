import { type Client, Events, RESTEvents } from "discord.js";
import type { Logger } from "../../logger";
import { describeDiscordError } from "./answer-interaction";

/**
 * discord.js reports through events, not a logger. These go into our pino logger with our
 * bindings, and the bot token is cut out of every line: discord.js logs a "censored" token that
 * still shows its first two parts, and a token without dots in full.
 */
export function bridgeDiscordLogs(client: Client, log: Logger, token: string): void {
  const clean = (message: string) => (token ? message.split(token).join("[redacted]") : message);
  client.on(Events.Debug, (message) => {
    if (message.startsWith("Provided token")) return;
    log.debug({ component: "discord.js" }, clean(message));
  });
  client.on(Events.Warn, (message) => log.warn({ component: "discord.js" }, clean(message)));
  client.on(Events.Error, (error) =>
    log.error({ reason: clean(describeDiscordError(error)) }, "discord.js client error"),
  );
  client.on(Events.ShardError, (error, shardId) =>
    log.warn({ shardId, reason: clean(describeDiscordError(error)) }, "gateway connection error"),
  );
  client.on(Events.ShardDisconnect, (event, shardId) =>
    log.warn({ shardId, code: event.code }, "gateway closed for good; not reconnecting"),
  );
  client.on(Events.ShardReconnecting, (shardId) => log.info({ shardId }, "gateway reconnecting"));
  client.on(Events.ShardResume, (shardId, replayed) =>
    log.info({ shardId, replayed }, "gateway session resumed"),
  );
  client.rest.on(RESTEvents.RateLimited, (info) =>
    log.info(
      { route: info.route, method: info.method, global: info.global, waitMs: info.retryAfter },
      "Discord rate limit: waiting before the request",
    ),
  );
  client.rest.on(RESTEvents.Debug, (message) => {
    // An unexpected 429 is only reported here: it is worth an info line (discord.js waits
    // `Retry-After`, then retries); the rest is request-level noise.
    if (message.includes("429")) {
      const retryAfter = /Retry After\s*:\s*(\d+)ms/.exec(message)?.[1];
      const global = /Global\s*:\s*true/.test(message);
      log.info(
        { retryAfterMs: retryAfter ? Number(retryAfter) : undefined, global },
        "Discord answered 429; retrying after Retry-After",
      );
    } else {
      log.trace({ component: "discord.js rest" }, clean(message));
    }
  });
}
