import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Logger } from "../../logger";

/**
 * Drops Events API deliveries this process has already handled.
 *
 * Slack redelivers an event (with `X-Slack-Retry-Num`, which Bolt puts in `context.retryNum`) when
 * the first delivery was not answered 200 within 3 s — e.g. a slow network or a restart. Bolt
 * acknowledges events before any listener runs, so a redelivery usually means the first copy is
 * being handled already and answering again would double-post. Yet a retry whose `event_id` we have
 * never seen (the process restarted mid-delivery) is handled, so a crash does not drop a question.
 *
 * Slash commands and button clicks are never redelivered by Slack (no `event_id`); they pass.
 * The memory is per process: with several replicas behind one URL, a retry can land on another
 * replica, so a shared record (the store's delivery ledger) would be needed there.
 */
export function ignoreRedeliveries(log: Logger, capacity = 5_000): Middleware<AnyMiddlewareArgs> {
  const seen = new Set<string>();
  return async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== "string") return next();
    const retry = { eventId, retryNum: context.retryNum, retryReason: context.retryReason };
    if (seen.has(eventId)) {
      log.info(retry, "ignoring a redelivered Slack event");
      return;
    }
    seen.add(eventId);
    // A Set iterates in insertion order: dropping the first entry forgets the oldest event.
    if (seen.size > capacity) {
      const oldest = seen.values().next().value;
      if (oldest !== undefined) seen.delete(oldest);
    }
    if (context.retryNum) log.info(retry, "handling a redelivered event this process never saw");
    await next();
  };
}
