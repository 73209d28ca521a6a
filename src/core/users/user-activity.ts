import { bucketDays } from "../aggregate";
import type { LocalEvent, UserRow } from "./user-rows";

export type ActivityGrain = "day" | "month";

export interface ActivityBucket {
  /** `YYYY-MM-DD` for days, `YYYY-MM` for months. */
  label: string;
  from: string;
  to: string;
  /** Users whose signup day falls in the bucket. */
  new_users: number;
  /** Distinct users with at least one event in the bucket. */
  active_users: number;
  /** Active users who signed up in this same bucket. */
  active_new: number;
  /** Active users who signed up before it (or whose signup day is unknown). */
  active_existing: number;
  events: number;
}

/**
 * New and active users per day or calendar month of `range`, active users split into new (signed
 * up in the bucket) and existing. Every bucket of the range appears, zero when empty.
 *
 * @example
 * userActivity(users, events, { from: "2026-03-01", to: "2026-03-31" }, "month")
 * // [{ label: "2026-03", new_users: 40, active_users: 310, active_new: 35, active_existing: 275, … }]
 */
export function userActivity(
  users: readonly UserRow[],
  events: readonly Pick<LocalEvent, "user_id" | "day">[],
  range: { from: string; to: string },
  grain: ActivityGrain,
): ActivityBucket[] {
  const keyOf = (day: string) => (grain === "month" ? day.slice(0, 7) : day);
  const signupKey = new Map<string, string>();
  const buckets = bucketDays([], grain, range).map((b) => ({
    label: b.label,
    from: b.from,
    to: b.to,
    new_users: 0,
    active: new Set<string>(),
    events: 0,
  }));
  const byKey = new Map(buckets.map((b) => [b.label, b]));
  for (const u of users) {
    if (!u.signup_date) continue;
    signupKey.set(u.id, keyOf(u.signup_date));
    if (u.signup_date < range.from || u.signup_date > range.to) continue;
    const bucket = byKey.get(keyOf(u.signup_date));
    if (bucket) bucket.new_users++;
  }
  for (const e of events) {
    if (e.day < range.from || e.day > range.to) continue;
    const bucket = byKey.get(keyOf(e.day));
    if (!bucket) continue;
    bucket.active.add(e.user_id);
    bucket.events++;
  }
  return buckets.map(({ active, ...b }) => {
    let activeNew = 0;
    for (const id of active) if (signupKey.get(id) === b.label) activeNew++;
    return {
      ...b,
      active_users: active.size,
      active_new: activeNew,
      active_existing: active.size - activeNew,
    };
  });
}
