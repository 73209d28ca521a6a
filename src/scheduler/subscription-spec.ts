import type { ScheduleSpec } from "../core/schedule/schedule-spec";
import type { Subscription } from "../store/schema";
import type { SlotSchedule } from "./slot-job";

/** When a subscription's slots fall, for `defineSlotJob`'s `schedule` (digests, budget posts). */
export function subscriptionSchedule(s: Subscription): SlotSchedule {
  return {
    spec: subscriptionSpec(s),
    latePolicy: s.late_policy,
    activeFrom: new Date(s.active_from),
  };
}

/** A delivery that failed because adpulse may not post in the channel (Slack or Discord words). */
export function isChannelAccessError(error: string): boolean {
  return /not_in_channel|channel_not_found|Missing Access|Unknown Channel/i.test(error);
}

/** A subscription row's schedule. */
export function subscriptionSpec(
  s: Pick<Subscription, "cadence" | "time" | "timezone" | "day">,
): ScheduleSpec {
  return {
    cadence: s.cadence,
    time: s.time,
    timezone: s.timezone,
    ...(s.day !== null ? { day: s.day } : {}),
  };
}
