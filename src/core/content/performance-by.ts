import { type ContentPost, type PostTotals, sumPosts } from "./post-totals";

export interface GroupPerformance extends PostTotals {
  key: string;
  /** Average engagements per post: what one more post of this kind can be expected to earn. */
  engagements_per_post: number;
}

/** What posts without a category are grouped under. */
export const UNCATEGORISED = "uncategorised";

/**
 * Post performance grouped by a key (content type, category, platform), highest engagement rate
 * first; groups with no rate go last. Ties keep the key's alphabetical order, so output is stable.
 *
 * @example performanceBy(posts, (p) => p.content_type)[0]?.key // "carousel"
 * @example performanceBy(posts, (p) => p.category ?? UNCATEGORISED)
 */
export function performanceBy(
  posts: readonly ContentPost[],
  keyOf: (post: ContentPost) => string,
): GroupPerformance[] {
  const groups = new Map<string, ContentPost[]>();
  for (const post of posts) {
    const key = keyOf(post);
    const list = groups.get(key);
    if (list) list.push(post);
    else groups.set(key, [post]);
  }
  return [...groups]
    .map(([key, list]) => {
      const totals = sumPosts(list);
      return { key, ...totals, engagements_per_post: totals.engagements / totals.posts };
    })
    .sort(
      (a, b) => (b.engagement_rate ?? -1) - (a.engagement_rate ?? -1) || (a.key < b.key ? -1 : 1),
    );
}
