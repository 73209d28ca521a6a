import type { AppUser, UserEvent } from "../../store/schema";
import { localPartsIn } from "../local-parts";

/** The fields of an app user that user analytics read. */
export type UserRow = Pick<AppUser, "id" | "signup_date" | "gender" | "age_group" | "segment">;

/** An event placed on the tenant's calendar. */
export interface LocalEvent {
  user_id: string;
  /** Local day of `occurred_at` in the tenant's timezone. */
  day: string;
  event_type: string;
  points_earned: number;
  points_redeemed: number;
}

/**
 * Moves stored events (UTC instants) onto the tenant's calendar, so "active on the 3rd" and
 * "signed up in March" mean the tenant's days, like every other figure adpulse shows.
 *
 * @example localizeEvents(events, "America/New_York")[0]?.day // "2026-03-01" for 2026-03-02T03:00Z
 */
export function localizeEvents(
  events: readonly Pick<
    UserEvent,
    "user_id" | "occurred_at" | "event_type" | "points_earned" | "points_redeemed"
  >[],
  timezone: string,
): LocalEvent[] {
  const local = localPartsIn(timezone);
  return events.map((e) => ({
    user_id: e.user_id,
    day: local(e.occurred_at).day,
    event_type: e.event_type,
    points_earned: e.points_earned,
    points_redeemed: e.points_redeemed,
  }));
}

/**
 * Each user's distinct active days, sorted.
 *
 * @example activeDaysByUser([{ user_id: "u1", day: "2026-03-02" }, { user_id: "u1", day: "2026-03-01" }])
 * // Map { "u1" => ["2026-03-01", "2026-03-02"] }
 */
export function activeDaysByUser(
  events: readonly Pick<LocalEvent, "user_id" | "day">[],
): Map<string, string[]> {
  const sets = new Map<string, Set<string>>();
  for (const e of events) {
    const set = sets.get(e.user_id) ?? new Set<string>();
    set.add(e.day);
    sets.set(e.user_id, set);
  }
  return new Map([...sets].map(([user, days]) => [user, [...days].sort()]));
}
