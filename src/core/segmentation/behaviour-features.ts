import { addDays, daysBetween } from "../days";
import type { LocalEvent, UserRow } from "../users/user-rows";
import type { BehaviourFeature } from "./feature-matrix";

/** One app user's behaviour over a look-back window, as segmentation reads it. */
export interface UserBehaviour {
  id: string;
  /** Events in the window. */
  events: number;
  /** Days since the last event (capped at 365); since signup when never active. */
  days_since_last: number;
  /** Points earned in the window. */
  points_earned: number;
  /**
   * Points redeemed / points earned over all time (points held before the first record count as
   * earned), percent; null without earnings.
   */
  redeemed_share: number | null;
  /** Days since signup; null when the signup day is unknown. */
  tenure_days: number | null;
}

const MAX_RECENCY = 365;

/**
 * Per-user behaviour up to `today` over the last `windowDays` days. `pointsBeforeRecords` are
 * balances held before each user's first recorded event (see `inferredOpeningBalances`).
 *
 * @example userBehaviour(users, events, "2026-11-22")[0] // { id: "u-0001", events: 14, days_since_last: 3, … }
 */
export function userBehaviour(
  users: readonly UserRow[],
  events: readonly LocalEvent[],
  today: string,
  windowDays = 90,
  pointsBeforeRecords: ReadonlyMap<string, number> = new Map(),
): UserBehaviour[] {
  // The window's first day: ISO days order as text, so each event is one string comparison
  // instead of two day parses.
  const from = addDays(today, 1 - windowDays);
  const byUser = new Map<string, LocalEvent[]>();
  for (const e of events) {
    if (e.day > today) continue;
    const list = byUser.get(e.user_id) ?? [];
    list.push(e);
    byUser.set(e.user_id, list);
  }
  return users.map((u) => {
    const own = byUser.get(u.id) ?? [];
    let last: string | undefined;
    let recent = 0;
    let earnedRecent = 0;
    let earned = 0;
    let redeemed = 0;
    for (const e of own) {
      if (!last || e.day > last) last = e.day;
      earned += e.points_earned;
      redeemed += e.points_redeemed;
      if (e.day >= from) {
        recent++;
        earnedRecent += e.points_earned;
      }
    }
    const since = last ?? (u.signup_date && u.signup_date <= today ? u.signup_date : undefined);
    // Points held before the first record count as earned: a redemption can spend them.
    const earnedEver = earned + (pointsBeforeRecords.get(u.id) ?? 0);
    return {
      id: u.id,
      events: recent,
      days_since_last: since ? Math.min(MAX_RECENCY, daysBetween(since, today)) : MAX_RECENCY,
      points_earned: earnedRecent,
      redeemed_share: earnedEver > 0 ? (redeemed / earnedEver) * 100 : null,
      tenure_days:
        u.signup_date && u.signup_date <= today ? daysBetween(u.signup_date, today) : null,
    };
  });
}

/** What app users are segmented on. */
export const USER_FEATURES: readonly BehaviourFeature<UserBehaviour>[] = [
  {
    key: "events",
    label: "Events (90 days)",
    high: "frequent",
    low: "infrequent",
    value: (u) => u.events,
    log: true,
  },
  {
    key: "days_since_last",
    label: "Days since last activity",
    high: "lapsing",
    low: "recently active",
    value: (u) => u.days_since_last,
    log: true,
  },
  {
    key: "points_earned",
    label: "Points earned (90 days)",
    high: "big earners",
    low: "small earners",
    value: (u) => u.points_earned,
    log: true,
  },
  {
    key: "redeemed_share",
    label: "Points redeemed (% of earned)",
    high: "redeemers",
    low: "hoarders",
    value: (u) => u.redeemed_share,
  },
  {
    key: "tenure_days",
    label: "Days since signup",
    high: "long-standing",
    low: "newcomers",
    value: (u) => u.tenure_days,
  },
];

/** One influencer's behaviour in a period, as segmentation reads it. */
export interface InfluencerBehaviour {
  handle: string;
  platform: string;
  followers: number;
  posts: number;
  /** Engagements / reach, percent. */
  engagement_rate: number | null;
  /** Conversions / clicks, percent. */
  conversion_rate: number | null;
  /** (revenue − cost) / cost, percent. */
  roi: number | null;
  /** Cost per post in the tenant's currency. */
  cost_per_post: number;
  /** Share of followers judged fake, percent. */
  fake_followers: number;
}

/** What influencers are segmented on. */
export const INFLUENCER_FEATURES: readonly BehaviourFeature<InfluencerBehaviour>[] = [
  {
    key: "followers",
    label: "Followers",
    high: "big audience",
    low: "small audience",
    value: (i) => i.followers,
    log: true,
  },
  {
    key: "posts",
    label: "Posts in period",
    high: "prolific",
    low: "occasional",
    value: (i) => i.posts,
    log: true,
  },
  {
    key: "engagement_rate",
    label: "Engagement rate (%)",
    high: "engaging",
    low: "low engagement",
    value: (i) => i.engagement_rate,
  },
  {
    key: "conversion_rate",
    label: "Conversion rate (%)",
    high: "converting",
    low: "weak converters",
    value: (i) => i.conversion_rate,
  },
  // ROI spans −100 % to several thousand: compared on a log of (ROI + 100), i.e. of ROAS.
  // Words are relative to the other segments: "profitable" would be false for a segment whose
  // ROI is merely less negative than the rest.
  {
    key: "roi",
    label: "ROI (%)",
    high: "higher ROI",
    low: "lower ROI",
    value: (i) => i.roi,
    transform: (roi) => Math.log(Math.max(1, roi + 100)),
  },
  {
    key: "cost_per_post",
    label: "Cost per post",
    high: "expensive",
    low: "cheap",
    value: (i) => i.cost_per_post,
    log: true,
  },
  {
    key: "fake_followers",
    label: "Fake followers (%)",
    high: "suspect audience",
    low: "authentic audience",
    value: (i) => i.fake_followers,
  },
];
