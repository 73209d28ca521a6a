import { type ChurnRisk, churnRisk } from "./churn-risk";
import type { LocalEvent, UserRow } from "./user-rows";

export interface UserProfile {
  id: string;
  signup_date: string | null;
  gender: string;
  age_group: string;
  segment: string | null;
  events: number;
  active_days: number;
  first_active: string | null;
  last_active: string | null;
  /** Events per type, most frequent first. */
  event_types: { type: string; count: number }[];
  points_earned: number;
  points_redeemed: number;
  /** Points held before the first recorded event (inferred from redemptions; 0 usually). */
  points_before_records: number;
  /** points_before_records + earned − redeemed. */
  points_balance: number;
  churn: ChurnRisk;
}

/**
 * Everything adpulse knows about one app user up to `today`: activity, loyalty points and churn
 * risk. `events` may hold other users' events; only this user's count. `pointsBeforeRecords` is
 * the balance held before the first recorded event, when known or inferred.
 *
 * @example userProfile(user, events, "2026-11-22").points_balance // 340
 */
export function userProfile(
  user: UserRow,
  events: readonly LocalEvent[],
  today: string,
  pointsBeforeRecords = 0,
): UserProfile {
  const own = events.filter((e) => e.user_id === user.id && e.day <= today);
  const days = [...new Set(own.map((e) => e.day))].sort();
  const types = new Map<string, number>();
  let earned = 0;
  let redeemed = 0;
  for (const e of own) {
    types.set(e.event_type, (types.get(e.event_type) ?? 0) + 1);
    earned += e.points_earned;
    redeemed += e.points_redeemed;
  }
  return {
    id: user.id,
    signup_date: user.signup_date,
    gender: user.gender,
    age_group: user.age_group,
    segment: user.segment,
    events: own.length,
    active_days: days.length,
    first_active: days[0] ?? null,
    last_active: days.at(-1) ?? null,
    event_types: [...types]
      .map(([type, count]) => ({ type, count }))
      .sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : 1)),
    points_earned: earned,
    points_redeemed: redeemed,
    points_before_records: pointsBeforeRecords,
    points_balance: pointsBeforeRecords + earned - redeemed,
    churn: churnRisk(
      user,
      days,
      own.map((e) => e.day),
      today,
    ),
  };
}
