import type { Clock } from "../bot/clock";
import type { Reply } from "../bot/reply";
import type { Logger } from "../logger";
import type { DeliveryRow } from "../store/schema";
import type { Store } from "../store/store";
import type { ChannelPacer, Sleep } from "./channel-pacer";
import { type ChannelPoster, DeliveryError, isDeliveryError } from "./channel-poster";
import { backoffMs, type RetryPolicy } from "./retry-policy";

export interface DeliverEnvironment {
  store: Store;
  clock: Clock;
  log: Logger;
  sleep: Sleep;
  random: () => number;
  pacer: ChannelPacer;
  policy: RetryPolicy;
  /** This process's id in job_runs.claimed_by (fences every attempt). */
  owner: string;
}

export type DeliveryOutcome =
  | { status: "sent"; messageId: string; attempts: number }
  | { status: "failed"; error: string; attempts: number }
  /** The run was taken over by another process: stop without touching the row. */
  | { status: "abandoned"; attempts: number };

/**
 * Posts one pending delivery, recording every attempt in the ledger:
 * - before each attempt the run's heartbeat is renewed, fenced on our ownership: a process that
 *   lost the run (taken over after its lease ran out) stops instead of posting twice;
 * - the channel is paced (`minIntervalMs`), and held for `Retry-After` after a 429;
 * - 5xx and network errors are retried a bounded number of times with jittered backoff;
 * - anything else, or retries exhausted, marks the row failed with the error. It never ends as
 *   "sent" unless the platform returned a message id.
 */
export async function deliverWithRetries(
  env: DeliverEnvironment,
  run: { runKey: string },
  delivery: DeliveryRow,
  poster: ChannelPoster,
  reply: Reply,
): Promise<DeliveryOutcome> {
  const { store, clock, policy } = env;
  const key = `${delivery.platform}:${delivery.channel_id}`;
  const log = env.log.child({ runKey: run.runKey, channel: delivery.channel_id });
  let rateLimited = 0;
  let serverErrors = 0;
  let attempts = 0;
  for (;;) {
    if (!(await store.jobRuns.heartbeat(run.runKey, env.owner, clock.now()))) {
      log.warn("run was taken over by another process; leaving this delivery to it");
      return { status: "abandoned", attempts };
    }
    await env.pacer.wait(key, poster.minIntervalMs);
    attempts += 1;
    await store.deliveries.recordAttempt(delivery.id, clock.now());
    const finalAttempt =
      serverErrors >= policy.maxServerErrorRetries || rateLimited >= policy.maxRateLimitRetries;
    try {
      const result = await poster.post(delivery.channel_id, reply, { finalAttempt });
      await store.deliveries.markSent(delivery.id, result.messageId, clock.now());
      log.info({ attempts, messageId: result.messageId, charts: result.chartsShown }, "delivered");
      return { status: "sent", messageId: result.messageId, attempts };
    } catch (caught) {
      const error = isDeliveryError(caught)
        ? caught
        : new DeliveryError("error", caught instanceof Error ? caught.message : String(caught));
      const text = `${error.code}: ${error.message}`;
      const retryAfter = error.retryAfterMs;
      if (retryAfter !== undefined) {
        if (rateLimited < policy.maxRateLimitRetries && retryAfter <= policy.maxRetryAfterMs) {
          rateLimited += 1;
          await store.deliveries.recordError(delivery.id, text, clock.now());
          log.info({ retryAfterMs: retryAfter, rateLimited }, "rate limited; waiting Retry-After");
          env.pacer.holdFor(key, retryAfter);
          continue;
        }
      } else if (error.retryable && serverErrors < policy.maxServerErrorRetries) {
        serverErrors += 1;
        await store.deliveries.recordError(delivery.id, text, clock.now());
        const wait = backoffMs(serverErrors, policy, env.random);
        log.info({ code: error.code, waitMs: wait, serverErrors }, "transient failure; retrying");
        await env.sleep(wait);
        continue;
      }
      await store.deliveries.markFailed(delivery.id, text, clock.now());
      log.warn({ code: error.code, attempts }, "delivery failed for good");
      return { status: "failed", error: text, attempts };
    }
  }
}
