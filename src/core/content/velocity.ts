import { hoursBetween } from "../local-parts";
import { type ContentPost, postEngagements } from "./post-totals";

/**
 * Posts collect most of their interactions in their first days; after that the counts barely move.
 * Stored counts are a snapshot, so a per-hour rate is taken over the post's age capped at this
 * window: a month-old post is not "slow" just for being old.
 */
export const VELOCITY_WINDOW_HOURS = 7 * 24;

/**
 * Interactions per hour since publication, over at most `windowHours` (and at least one hour, so
 * a post seconds old does not divide by ~0). Null for a post published after `now`.
 *
 * @example velocity(12, "2026-11-20T10:00:00.000Z", new Date("2026-11-20T16:00:00Z")) // 2
 * @example velocity(336, "2026-10-01T00:00:00.000Z", new Date("2026-11-20T00:00:00Z")) // 2 (336 / 168)
 */
export function velocity(
  count: number,
  postedAt: string,
  now: Date,
  windowHours = VELOCITY_WINDOW_HOURS,
): number | null {
  const age = hoursBetween(postedAt, now.toISOString());
  if (!(age >= 0)) return null;
  return count / Math.min(Math.max(age, 1), windowHours);
}

export interface RecentVelocity {
  id: string;
  platform: string;
  author_handle: string;
  content_type: string;
  posted_at: string;
  /** Hours between publication and `now`. */
  age_hours: number;
  engagements: number;
  /** Engagements per hour since publication. */
  engagements_per_hour: number;
}

/**
 * Engagement velocity of the posts still inside the velocity window at `now` (their counts are
 * still moving, so "per hour since posting" means something), fastest first. Older posts are left
 * out: for them the timestamps no longer tell a speed.
 *
 * @example engagementVelocity(posts, now)[0]?.engagements_per_hour
 */
export function engagementVelocity(
  posts: readonly ContentPost[],
  now: Date,
  windowHours = VELOCITY_WINDOW_HOURS,
): RecentVelocity[] {
  const out: RecentVelocity[] = [];
  for (const p of posts) {
    const age = hoursBetween(p.posted_at, now.toISOString());
    if (!(age >= 0) || age > windowHours) continue;
    const engagements = postEngagements(p);
    out.push({
      id: p.id,
      platform: p.platform,
      author_handle: p.author_handle,
      content_type: p.content_type,
      posted_at: p.posted_at,
      age_hours: Math.round(age * 10) / 10,
      engagements,
      engagements_per_hour: engagements / Math.max(age, 1),
    });
  }
  return out.sort(
    (a, b) => b.engagements_per_hour - a.engagements_per_hour || (a.id < b.id ? -1 : 1),
  );
}
