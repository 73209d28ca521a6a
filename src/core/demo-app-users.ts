import type { AppUser, AppUserAgeGroup, AppUserGender, UserEvent } from "../store/schema";
import { dayToEpoch, epochToDay, isIsoDay, isoWeekdayOfEpoch, MS_PER_DAY } from "./days";
import { createRng, type Rng, weightedIndex } from "./random";

export interface DemoAppUsersOptions {
  tenantId: string;
  /** Today, `YYYY-MM-DD`: activity runs until the day before, so nothing lies in the future. */
  endDay: string;
  /** How many members (default 400). */
  count?: number;
  /** Days of activity before endDay (default 180); signups reach back a year before that. */
  days?: number;
  seed?: number;
}

export interface DemoAppUsers {
  users: AppUser[];
  events: UserEvent[];
}

/** Loyalty segments, by points earned over the window. */
export const DEMO_SEGMENTS = ["bronze", "silver", "gold"] as const;

const GENDER_WEIGHTS: readonly [AppUserGender, number][] = [
  ["female", 0.52],
  ["male", 0.42],
  ["other", 0.02],
  ["unknown", 0.04],
];
const AGE_WEIGHTS: readonly [AppUserAgeGroup, number][] = [
  ["18-24", 0.16],
  ["25-34", 0.3],
  ["35-44", 0.24],
  ["45-54", 0.15],
  ["55-64", 0.09],
  ["65+", 0.04],
  ["unknown", 0.02],
];

/** Points per currency unit spent, and the size of a reward redemption. */
const POINTS_PER_UNIT = 1;
const REWARD_POINTS = 250;

/**
 * A loyalty programme's members and their activity for demos and tests: signups over the last
 * year and a half, app opens, offer views, purchases earning a point per unit spent, reward
 * redemptions of 250 points when the balance allows, and referral bonuses. Members who earned
 * 600+ points in the window are gold, 200+ silver, the others bronze. Every event lies before
 * endDay, events are unique per (user, instant, type) and no balance goes negative. The same options always give the same data.
 *
 * @example
 * const { users, events } = generateDemoAppUsers({ tenantId: "local", endDay: "2026-11-22" });
 */
export function generateDemoAppUsers(options: DemoAppUsersOptions): DemoAppUsers {
  const { tenantId, endDay, count = 400, days = 180, seed = 1207 } = options;
  if (!isIsoDay(endDay))
    throw new RangeError(`endDay "${endDay}" must be a day written YYYY-MM-DD`);
  if (!Number.isInteger(count) || count < 1 || count > 100_000) {
    throw new RangeError(`count must be a whole number from 1 to 100000, got ${count}`);
  }
  const rng = createRng(seed);
  const end = dayToEpoch(endDay) - 1;
  const windowStart = end - days + 1;
  const users: AppUser[] = [];
  const events: UserEvent[] = [];

  for (let n = 0; n < count; n++) {
    const id = `u-${String(n + 1).padStart(5, "0")}`;
    const signup = end - rng.int(0, days + 365);
    // Engagement varies a lot between members: a few power users, many occasional ones.
    const activity = Math.exp(rng.normal(0, 0.9));
    const mine: UserEvent[] = [];
    const used = new Set<string>();
    // A day's events get increasing times, in the order they happen (a purchase before the
    // redemption it paid for).
    const day = (epochDay: number, todays: [string, number, number][]) => {
      const times: string[] = [];
      while (times.length < todays.length) {
        const at = instant(rng, epochDay);
        if (!used.has(at)) {
          used.add(at);
          times.push(at);
        }
      }
      times.sort();
      todays.forEach(([type, earned, redeemed], i) => {
        mine.push({
          tenant_id: tenantId,
          user_id: id,
          occurred_at: times[i] as string,
          event_type: type,
          points_earned: earned,
          points_redeemed: redeemed,
        });
      });
    };

    let balance = signup >= windowStart ? 50 : rng.int(0, 400);
    let earnedInWindow = 0;
    for (let d = Math.max(signup, windowStart); d <= end; d++) {
      const weekend = isoWeekdayOfEpoch(d) >= 6;
      const joined = d === signup;
      if (!rng.chance(Math.min(0.9, 0.08 * activity * (weekend ? 1.3 : 1)))) {
        if (joined) day(d, [["signup", 50, 0]]);
        continue;
      }
      const todays: [string, number, number][] = [["app_open", 0, 0]];
      if (joined) todays.unshift(["signup", 50, 0]);
      if (rng.chance(0.35)) todays.push(["offer_viewed", 0, 0]);
      if (rng.chance(0.3)) {
        const points = Math.round(Math.exp(rng.normal(3.4, 0.5))) * POINTS_PER_UNIT;
        balance += points;
        earnedInWindow += points;
        todays.push(["purchase", points, 0]);
      }
      if (balance >= REWARD_POINTS && rng.chance(0.25)) {
        balance -= REWARD_POINTS;
        todays.push(["redeem", 0, REWARD_POINTS]);
      }
      if (rng.chance(0.004)) {
        balance += 100;
        earnedInWindow += 100;
        todays.push(["referral", 100, 0]);
      }
      day(d, todays);
    }
    mine.sort((a, b) =>
      a.occurred_at < b.occurred_at ? -1 : a.occurred_at > b.occurred_at ? 1 : 0,
    );
    events.push(...mine);
    users.push({
      tenant_id: tenantId,
      id,
      signup_date: epochToDay(signup),
      gender: weighted(rng, GENDER_WEIGHTS),
      age_group: weighted(rng, AGE_WEIGHTS),
      segment: earnedInWindow >= 600 ? "gold" : earnedInWindow >= 200 ? "silver" : "bronze",
    });
  }
  return { users, events };
}

/** A time of day on `epochDay`, weighted to waking hours, as a UTC instant. */
function instant(rng: Rng, epochDay: number): string {
  const hour = Math.min(23, Math.max(6, Math.round(rng.normal(15, 4))));
  const ms = ((hour * 60 + rng.int(0, 59)) * 60 + rng.int(0, 59)) * 1000 + rng.int(0, 999);
  return new Date(epochDay * MS_PER_DAY + ms).toISOString();
}

/** A value drawn with probability proportional to its weight. */
function weighted<T>(rng: Rng, weights: readonly (readonly [T, number])[]): T {
  const index = weightedIndex(
    rng,
    weights.map(([, w]) => w),
  );
  return (weights[index] as readonly [T, number])[0];
}
