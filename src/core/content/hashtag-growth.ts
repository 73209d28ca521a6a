import { percentChange } from "../format";
import { type ContentPost, postEngagements, postHashtags } from "./post-totals";

export interface HashtagGrowth {
  tag: string;
  /** Posts using the tag in the period and in the period before. */
  uses: number;
  previous_uses: number;
  /** (uses − previous) / previous · 100; null when the tag was not used before (a new tag). */
  uses_growth: number | null;
  engagements: number;
  previous_engagements: number;
  engagement_growth: number | null;
  /** Engagements per post using the tag in the period; null without uses. */
  engagements_per_post: number | null;
  /** Used in the period but not in the one before. */
  is_new: boolean;
}

export interface HashtagGrowthOptions {
  /** A tag needs this many uses in the period to count as trending (default 3). */
  minUses?: number;
  /** Tags to leave out, e.g. disclosure tags such as `ad` and `sponsored`. */
  ignore?: readonly string[];
}

/**
 * Hashtag use in a period against the period before. Every tag seen in either period appears,
 * sorted as "trending": tags with at least `minUses` uses first, new tags and then the largest
 * growth in uses first, engagements breaking ties; then the rest by uses.
 *
 * @example
 * hashtagGrowth(current, previous)[0]
 * // { tag: "glowup", uses: 12, previous_uses: 4, uses_growth: 200, … }
 */
export function hashtagGrowth(
  current: readonly ContentPost[],
  previous: readonly ContentPost[],
  options: HashtagGrowthOptions = {},
): HashtagGrowth[] {
  const minUses = options.minUses ?? 3;
  const ignore = new Set(options.ignore ?? []);
  const now = tally(current, ignore);
  const before = tally(previous, ignore);
  const tags = new Set([...now.keys(), ...before.keys()]);
  const rows: HashtagGrowth[] = [...tags].map((tag) => {
    const a = now.get(tag) ?? { uses: 0, engagements: 0 };
    const b = before.get(tag) ?? { uses: 0, engagements: 0 };
    return {
      tag,
      uses: a.uses,
      previous_uses: b.uses,
      uses_growth: percentChange(a.uses, b.uses),
      engagements: a.engagements,
      previous_engagements: b.engagements,
      engagement_growth: percentChange(a.engagements, b.engagements),
      engagements_per_post: a.uses > 0 ? a.engagements / a.uses : null,
      is_new: a.uses > 0 && b.uses === 0,
    };
  });
  const trending = (r: HashtagGrowth) => r.uses >= minUses;
  // New tags outrank any finite growth: they went from nothing to `minUses` or more.
  const growthKey = (r: HashtagGrowth) =>
    r.is_new ? Number.POSITIVE_INFINITY : (r.uses_growth ?? -100);
  return rows.sort((x, y) => {
    if (trending(x) !== trending(y)) return trending(x) ? -1 : 1;
    if (trending(x)) {
      const g = growthKey(y) - growthKey(x);
      if (g !== 0 && !Number.isNaN(g)) return g;
      if (x.is_new && y.is_new && y.uses !== x.uses) return y.uses - x.uses;
      if (y.engagements !== x.engagements) return y.engagements - x.engagements;
    } else if (y.uses !== x.uses) {
      return y.uses - x.uses;
    }
    return x.tag < y.tag ? -1 : x.tag > y.tag ? 1 : 0;
  });
}

function tally(
  posts: readonly ContentPost[],
  ignore: ReadonlySet<string>,
): Map<string, { uses: number; engagements: number }> {
  const out = new Map<string, { uses: number; engagements: number }>();
  for (const post of posts) {
    const engagements = postEngagements(post);
    for (const tag of postHashtags(post)) {
      if (ignore.has(tag)) continue;
      const t = out.get(tag) ?? { uses: 0, engagements: 0 };
      t.uses++;
      t.engagements += engagements;
      out.set(tag, t);
    }
  }
  return out;
}
