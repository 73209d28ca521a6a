import { bucketDays } from "../aggregate";
import type { ActivityGrain } from "./user-activity";
import type { LocalEvent } from "./user-rows";

export interface PointsBucket {
  label: string;
  from: string;
  to: string;
  earned: number;
  redeemed: number;
  /** earned − redeemed in the bucket. */
  net: number;
  /** Points outstanding (earned and not yet redeemed, all users) at the end of the bucket. */
  balance: number;
}

/**
 * Loyalty points earned and redeemed per day or month of `range`, with the outstanding balance at
 * the end of each bucket: `openingBalance` (everything earned minus redeemed before the range)
 * carried forward. Events outside the range are ignored.
 *
 * @example
 * loyaltyPoints(events, { from: "2026-03-01", to: "2026-04-30" }, "month", 5000)
 * // [{ label: "2026-03", earned: 1200, redeemed: 700, net: 500, balance: 5500 }, { label: "2026-04", … }]
 */
export function loyaltyPoints(
  events: readonly Pick<LocalEvent, "day" | "points_earned" | "points_redeemed">[],
  range: { from: string; to: string },
  grain: ActivityGrain,
  openingBalance = 0,
): PointsBucket[] {
  const keyOf = (day: string) => (grain === "month" ? day.slice(0, 7) : day);
  const sums = new Map<string, { earned: number; redeemed: number }>();
  for (const e of events) {
    if (e.day < range.from || e.day > range.to) continue;
    const s = sums.get(keyOf(e.day)) ?? { earned: 0, redeemed: 0 };
    s.earned += e.points_earned;
    s.redeemed += e.points_redeemed;
    sums.set(keyOf(e.day), s);
  }
  let balance = openingBalance;
  return bucketDays([], grain, range).map((b) => {
    const s = sums.get(b.label) ?? { earned: 0, redeemed: 0 };
    balance += s.earned - s.redeemed;
    return {
      label: b.label,
      from: b.from,
      to: b.to,
      earned: s.earned,
      redeemed: s.redeemed,
      net: s.earned - s.redeemed,
      balance,
    };
  });
}

/**
 * Points earned minus redeemed over events before `day` (excluded): the balance a range opens
 * with.
 *
 * @example openingBalance(events, "2026-03-01") // 5000
 */
export function openingBalance(
  events: readonly Pick<LocalEvent, "day" | "points_earned" | "points_redeemed">[],
  day: string,
): number {
  let sum = 0;
  for (const e of events) if (e.day < day) sum += e.points_earned - e.points_redeemed;
  return sum;
}

/**
 * Per user, the smallest balance they must have held before their first recorded event for their
 * balance never to go negative: the history before an import (points earned before tracking
 * began) that redemptions reveal. Users whose records never dip below zero get 0. Events are
 * netted per day (the order within a day is not known).
 *
 * @example
 * inferredOpeningBalances([{ user_id: "u1", day: "2026-03-01", points_earned: 0, points_redeemed: 250 },
 *                          { user_id: "u1", day: "2026-03-02", points_earned: 100, points_redeemed: 0 }])
 * // Map { "u1" => 250 }
 */
export function inferredOpeningBalances(
  events: readonly Pick<LocalEvent, "user_id" | "day" | "points_earned" | "points_redeemed">[],
): Map<string, number> {
  const daily = new Map<string, Map<string, number>>();
  for (const e of events) {
    const days = daily.get(e.user_id) ?? new Map<string, number>();
    days.set(e.day, (days.get(e.day) ?? 0) + e.points_earned - e.points_redeemed);
    daily.set(e.user_id, days);
  }
  const out = new Map<string, number>();
  for (const [user, days] of daily) {
    let running = 0;
    let lowest = 0;
    for (const day of [...days.keys()].sort()) {
      running += days.get(day) as number;
      lowest = Math.min(lowest, running);
    }
    out.set(user, lowest < 0 ? -lowest : 0);
  }
  return out;
}
