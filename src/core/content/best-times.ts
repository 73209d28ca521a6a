import { WEEKDAY_LABELS } from "../local-parts";
import { median } from "../stats";
import { type ContentPost, postEngagementRate, sumPosts } from "./post-totals";
import { type BlockHours, hourLabel, postingHeatmap } from "./posting-heatmap";

export interface BestSlot {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** First local hour of the block. */
  hour: number;
  /** `Sat 18:00–21:00`. */
  label: string;
  posts: number;
  /** The slot's pooled engagement rate, percent. */
  engagement_rate: number;
  /**
   * The rate shrunk towards the platform's as if `priorPosts` average posts had been added: a slot
   * with 3 lucky posts does not outrank one with 40 good ones. Slots are ranked by it.
   */
  adjusted_rate: number;
  /** adjusted_rate against the platform's rate, percent (+25 means 25 % better). */
  lift: number;
  /** Share of the slot's posts whose own rate beats the platform's median post, percent. */
  beats_median: number;
}

export interface PlatformBestTimes {
  platform: string;
  posts: number;
  /** Pooled engagement rate of all the platform's posts, percent. */
  engagement_rate: number | null;
  /** Median of the posts' own engagement rates, percent. */
  median_post_rate: number | null;
  slots: BestSlot[];
}

export interface BestTimesOptions {
  blockHours?: BlockHours;
  /** Slots listed per platform (default 3). */
  top?: number;
  /** A slot needs this many posts to be listed at all (default 3). */
  minPosts?: number;
  /** Strength of the pull towards the platform's rate, in average posts (default 5). */
  priorPosts?: number;
}

/**
 * The best posting slots (weekday × hour block, local time) per platform, with the evidence behind
 * each: how many posts, their pooled engagement rate, the rate after shrinking towards the
 * platform's, the lift over the platform and how many of the slot's posts beat the platform's
 * median post. Platforms with the most posts first.
 *
 * @example
 * bestTimes(posts, "UTC", { blockHours: 3 })[0]
 * // { platform: "instagram", slots: [{ label: "Sat 18:00–21:00", posts: 24, lift: 31.2, … }], … }
 */
export function bestTimes(
  posts: readonly ContentPost[],
  timezone: string,
  options: BestTimesOptions = {},
): PlatformBestTimes[] {
  const blockHours = options.blockHours ?? 3;
  const top = options.top ?? 3;
  const minPosts = options.minPosts ?? 3;
  const prior = options.priorPosts ?? 5;
  const platforms = new Map<string, ContentPost[]>();
  for (const p of posts) {
    const list = platforms.get(p.platform) ?? [];
    list.push(p);
    platforms.set(p.platform, list);
  }
  const out: PlatformBestTimes[] = [];
  for (const [platform, own] of platforms) {
    const totals = sumPosts(own);
    const rates = own.map(postEngagementRate).filter((r): r is number => r !== null);
    const medianRate = rates.length > 0 ? median(rates) : null;
    const platformRate = totals.engagement_rate;
    const slots: BestSlot[] = [];
    if (platformRate !== null && medianRate !== null) {
      const avgReach = totals.reach / totals.posts;
      const heatmap = postingHeatmap(own, timezone, blockHours);
      for (const cell of heatmap.cells.flat()) {
        if (cell.posts < minPosts || cell.engagement_rate === null) continue;
        const priorReach = prior * avgReach;
        const adjusted =
          cell.reach + priorReach > 0
            ? ((cell.engagements + (priorReach * platformRate) / 100) / (cell.reach + priorReach)) *
              100
            : cell.engagement_rate;
        slots.push({
          weekday: cell.weekday,
          hour: cell.hour,
          label: `${WEEKDAY_LABELS[cell.weekday - 1]} ${hourLabel(cell.hour, blockHours)}`,
          posts: cell.posts,
          engagement_rate: cell.engagement_rate,
          adjusted_rate: adjusted,
          lift: platformRate > 0 ? (adjusted / platformRate - 1) * 100 : 0,
          beats_median:
            cell.rates.length > 0
              ? (cell.rates.filter((r) => r > medianRate).length / cell.rates.length) * 100
              : 0,
        });
      }
    }
    slots.sort(
      (a, b) => b.adjusted_rate - a.adjusted_rate || a.weekday - b.weekday || a.hour - b.hour,
    );
    out.push({
      platform,
      posts: own.length,
      engagement_rate: platformRate,
      median_post_rate: medianRate,
      slots: slots.slice(0, top),
    });
  }
  return out.sort((a, b) => b.posts - a.posts || (a.platform < b.platform ? -1 : 1));
}
