import { engagementRate } from "../kpis";
import { localPartsIn, WEEKDAY_LABELS } from "../local-parts";
import { type ContentPost, postEngagementRate, postEngagements } from "./post-totals";

/** Hours per heatmap column: 24 must divide evenly. */
export const BLOCK_SIZES = [1, 2, 3, 4, 6] as const;
export type BlockHours = (typeof BLOCK_SIZES)[number];

export interface HeatmapCell {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** First local hour of the block, 0–23. */
  hour: number;
  posts: number;
  reach: number;
  engagements: number;
  /** Pooled: the cell's engagements / its reach · 100; null without posts. */
  engagement_rate: number | null;
  /** The cell's posts' own rates, for evidence (share beating a median, spread). */
  rates: number[];
}

export interface PostingHeatmap {
  blockHours: BlockHours;
  /** `Mon` … `Sun`. */
  rows: string[];
  /** `00:00`, `03:00`, … one per block. */
  columns: string[];
  /** `cells[weekday − 1][block]`. */
  cells: HeatmapCell[][];
}

/**
 * Posts placed on a week grid by their local posting weekday (rows, Monday first) and hour block
 * (columns) in `timezone`, with each cell's pooled engagement rate. Every cell exists, empty ones
 * with 0 posts and a null rate, so charts show the whole week.
 *
 * @example
 * const map = postingHeatmap(posts, "Europe/Paris", 3);
 * map.cells[5][6].engagement_rate; // Saturday 18:00–21:00, Paris time
 */
export function postingHeatmap(
  posts: readonly ContentPost[],
  timezone: string,
  blockHours: BlockHours = 1,
): PostingHeatmap {
  if (!BLOCK_SIZES.includes(blockHours)) {
    throw new RangeError(`blockHours must be one of ${BLOCK_SIZES.join(", ")}, got ${blockHours}`);
  }
  const blocks = 24 / blockHours;
  const local = localPartsIn(timezone);
  const sums = Array.from({ length: 7 }, (_, w) =>
    Array.from({ length: blocks }, (_, b) => ({
      weekday: w + 1,
      hour: b * blockHours,
      posts: 0,
      reach: 0,
      impressions: 0,
      engagements: 0,
      rates: [] as number[],
    })),
  );
  for (const post of posts) {
    const { weekday, hour } = local(post.posted_at);
    const cell = sums[weekday - 1]?.[Math.floor(hour / blockHours)];
    if (!cell) continue;
    cell.posts++;
    cell.reach += post.reach;
    cell.impressions += post.impressions;
    cell.engagements += postEngagements(post);
    const rate = postEngagementRate(post);
    if (rate !== null) cell.rates.push(rate);
  }
  const cells = sums.map((row) =>
    row.map(({ impressions, ...c }) => ({
      ...c,
      engagement_rate: engagementRate(c.engagements, c.reach, impressions),
    })),
  );
  return {
    blockHours,
    rows: [...WEEKDAY_LABELS],
    columns: Array.from({ length: blocks }, (_, b) => hourLabel(b * blockHours)),
    cells,
  };
}

/**
 * Picks the coarsest useful block size: hourly cells only when there are on average at least
 * `perCell` posts per cell, otherwise 2-, 3-, 4- or 6-hour blocks.
 *
 * @example blockHoursFor(2000) // 1   (2000 posts over 168 hourly cells ≈ 12 each)
 * @example blockHoursFor(300)  // 3   (300 over 56 three-hour cells ≈ 5 each)
 */
export function blockHoursFor(postCount: number, perCell = 5): BlockHours {
  for (const size of BLOCK_SIZES) {
    if (postCount / (7 * (24 / size)) >= perCell) return size;
  }
  return 6;
}

/**
 * `HH:00`, or a block `HH:00–HH:00` when `blockHours` > 1.
 *
 * @example hourLabel(18) // "18:00"
 * @example hourLabel(18, 3) // "18:00–21:00"
 */
export function hourLabel(hour: number, blockHours = 1): string {
  const pad = (h: number) => `${String(h % 24).padStart(2, "0")}:00`;
  return blockHours > 1 ? `${pad(hour)}–${pad(hour + blockHours)}` : pad(hour);
}
