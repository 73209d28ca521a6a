import { MAD_TO_Z } from "../anomalies/robust-stats";
import { median, medianAbsoluteDeviation } from "../stats";
import type { ContentPost } from "./post-totals";
import { VELOCITY_WINDOW_HOURS, velocity } from "./velocity";

export interface ViralPost {
  id: string;
  platform: string;
  author_handle: string;
  posted_at: string;
  shares: number;
  /** Shares per hour over the post's first week (shares so far / 168 for younger posts). */
  share_velocity: number;
  /** The typical share velocity it is compared with: the author's median, else the platform's. */
  baseline_velocity: number;
  baseline: "author" | "platform";
  /** share_velocity / baseline_velocity; null when the baseline is 0. */
  multiple: number | null;
  /** Modified z-score of the post's log share velocity against its baseline. */
  z: number;
}

export interface ViralOptions {
  /** Modified z-score from which a post is an outlier (default 3.5, Iglewicz and Hoaglin). */
  threshold?: number;
  /** Posts by an author before their own median is the baseline (default 3). */
  minAuthorPosts?: number;
  /** Fewer shares than this is never "viral", whatever the ratio (default 10). */
  minShares?: number;
  windowHours?: number;
}

/**
 * Posts whose share velocity is an outlier for their author. Velocity is shares per hour over a
 * post's first week; posts younger than a week are measured on their shares so far, which can
 * only understate them, so a fresh post flagged here really is spreading fast. A mega creator's ordinary post gets
 * more shares than a nano creator's best one, so each post is compared with its author's median
 * share velocity (the platform's median for authors with few posts). Comparison is on the log of
 * the shares, so "5× the usual" counts the same for big and small accounts, and scored with a modified
 * z-score (median and MAD of all posts' log-ratios), which the outliers themselves cannot inflate.
 * Strongest outliers first.
 *
 * @example viralPosts(posts, now).map((p) => [p.id, p.multiple]) // [["p-17", 14.2], …]
 */
export function viralPosts(
  posts: readonly ContentPost[],
  now: Date,
  options: ViralOptions = {},
): ViralPost[] {
  const threshold = options.threshold ?? 3.5;
  const minAuthorPosts = options.minAuthorPosts ?? 3;
  const minShares = options.minShares ?? 10;
  const window = options.windowHours ?? VELOCITY_WINDOW_HOURS;
  // Every post is measured over the same full window: a post younger than that is measured on its
  // shares so far, which can only understate its speed. Dividing by its shorter age instead would
  // make every fresh post look 7× faster than a settled one (counts rise fastest early on).
  // Compared on log(1 + shares in the window): ratios, not differences, so 10 → 50 shares weighs
  // like 1,000 → 5,000.
  const logShares = (v: number) => Math.log1p(v * window);
  const scored = posts
    .filter((post) => velocity(post.shares, post.posted_at, now, window) !== null)
    .map((post) => ({ post, v: post.shares / window }));
  // Each group's median is computed once, not once per post in it (a copy and a sort each).
  const baselinesBy = (key: (p: ContentPost) => string) => {
    const logs = new Map<string, number[]>();
    for (const s of scored) {
      const k = key(s.post);
      const list = logs.get(k) ?? [];
      list.push(logShares(s.v));
      logs.set(k, list);
    }
    return new Map([...logs].map(([k, list]) => [k, { posts: list.length, median: median(list) }]));
  };
  const byAuthor = baselinesBy((p) => `${p.platform}\u0000${p.author_handle}`);
  const byPlatform = baselinesBy((p) => p.platform);
  const residuals = scored.map((s) => {
    const own = byAuthor.get(`${s.post.platform}\u0000${s.post.author_handle}`);
    const useAuthor = (own?.posts ?? 0) >= minAuthorPosts;
    const base = (useAuthor ? own : byPlatform.get(s.post.platform))?.median ?? Number.NaN;
    return {
      ...s,
      base,
      baseline: useAuthor ? ("author" as const) : ("platform" as const),
      r: logShares(s.v) - base,
    };
  });
  const all = residuals.map((r) => r.r);
  const center = median(all);
  const mad = medianAbsoluteDeviation(all, center);
  if (!(mad > 0)) return [];
  const out: ViralPost[] = [];
  for (const r of residuals) {
    const z = (MAD_TO_Z * (r.r - center)) / mad;
    if (z < threshold || r.post.shares < minShares) continue;
    const baselineVelocity = Math.expm1(r.base) / window;
    out.push({
      id: r.post.id,
      platform: r.post.platform,
      author_handle: r.post.author_handle,
      posted_at: r.post.posted_at,
      shares: r.post.shares,
      share_velocity: r.v,
      baseline_velocity: baselineVelocity,
      baseline: r.baseline,
      multiple: baselineVelocity > 0 ? r.v / baselineVelocity : null,
      z,
    });
  }
  return out.sort((a, b) => b.z - a.z || (a.id < b.id ? -1 : 1));
}
