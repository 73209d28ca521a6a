import type { ScheduleSpec } from "../core/schedule/schedule-spec";
import type { Subscription } from "../store/schema";

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
