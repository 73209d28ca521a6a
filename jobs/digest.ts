import type { Reply } from "../src/bot/reply";
import { describeSchedule } from "../src/core/schedule/schedule-spec";
import { buildDigest } from "../src/reports/digest-report";
import { defineSlotJob } from "../src/scheduler/slot-job";
import {
  isChannelAccessError,
  subscriptionSchedule,
  subscriptionSpec,
} from "../src/scheduler/subscription-spec";
import type { Subscription, SubscriptionOptions } from "../src/store/schema";
import { parseJsonObject } from "../src/store/subscriptions-repository";

/** Hints for the owner, by the platform error that made a delivery fail. */
function fixFor(error: string, id: string): string {
  if (isChannelAccessError(error)) {
    return "Invite adpulse to the channel (`/invite @adpulse` in Slack), then the next digest goes out.";
  }
  if (/is_archived/.test(error))
    return `The channel is archived: \`/campaign digest remove ${id}\`.`;
  if (/invalid_auth|token/i.test(error))
    return "adpulse's bot token was rejected: tell your admin.";
  return "The platform kept failing; the next digest will try again. `/campaign digest history` shows every attempt.";
}

/**
 * `digest`: each subscribed channel's digest at its local time (see `/campaign digest`). One slot
 * per subscription; the engine in src/scheduler/slot-job.ts makes it exactly once.
 */
export default defineSlotJob<Subscription>({
  name: "digest",
  description: "post each subscribed channel's daily, weekly or monthly digest at its local time",
  listSubjects: (store, platforms) => store.subscriptions.listActive("digest", platforms),
  findSubject: (store, id) => store.subscriptions.byId(id),
  schedule: subscriptionSchedule,
  render: ({ ctx, run, subject: s, deps }) =>
    buildDigest(ctx, {
      cadence: s.cadence,
      slot: new Date(run.scheduled_for),
      timezone: s.timezone,
      options: parseJsonObject<SubscriptionOptions>(s.options),
      subscriptionId: s.id,
      schedule: describeSchedule(subscriptionSpec(s)),
      late: run.late === 1 ? { missed: run.missed, postedAt: deps.clock.now() } : undefined,
    }),
  failureNotice: ({ run, subject: s }, delivery, error): Reply => ({
    title: "Your digest could not be posted",
    text: [
      `The ${describeSchedule(subscriptionSpec(s))} digest \`${s.id}\` for channel \`${delivery.channel_id}\` (due ${run.scheduled_for}) could not be posted: ${error}.`,
      fixFor(error, s.id),
    ].join("\n"),
    tone: "bad",
    data: {
      failure: {
        subscription: s.id,
        run_key: run.run_key,
        channel: delivery.channel_id,
        error,
      },
    },
  }),
});
