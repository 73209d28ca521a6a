import type { ContentPost } from "../../../src/core/content/post-totals";

let n = 0;

/** A post with round numbers; engagements = likes + comments + shares + saves. */
export function post(overrides: Partial<ContentPost> & { posted_at: string }): ContentPost {
  n++;
  return {
    id: `p${n}`,
    platform: "instagram",
    author_handle: "mia",
    content_type: "reel",
    category: "beauty",
    hashtags: "",
    impressions: 1500,
    reach: 1000,
    likes: 40,
    comments: 5,
    shares: 3,
    saves: 2,
    clicks: 10,
    conversions: 1,
    revenue: 50,
    ...overrides,
  };
}
