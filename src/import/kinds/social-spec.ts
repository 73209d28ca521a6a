import { INFLUENCER_TIERS, tierForFollowers } from "../../core/influencers/tiers";
import type { Influencer, Post } from "../../store/schema";
import type { CellReader } from "../cell-reader";
import type { FieldSpec, KindSpec } from "../fields";
import { requireOneOf } from "../mapping";
import {
  CONTENT_TYPES,
  expected,
  readContentType,
  readHandle,
  readHashtags,
  readSocialPlatform,
  SOCIAL_PLATFORMS,
} from "../values";
import type { KeyedRowReader } from "./keyed-rows";

/**
 * Influencer rosters (agency sheets, audit tools such as HypeAuditor or Modash, public "top
 * creators" sets with `485.2M` followers) and post-level exports (Instagram/TikTok insights,
 * creator reports).
 */
const PLATFORM: FieldSpec = {
  key: "platform",
  label: "platform",
  type: "enum",
  names: [["Platform", "Social network", "Network", "Social platform", "Channel"]],
};

export const influencersSpec: KindSpec = {
  kind: "influencers",
  fields: [
    {
      key: "handle",
      label: "handle",
      type: "text",
      names: [
        [
          "Handle",
          "Username",
          "User name",
          "Account",
          "Instagram handle",
          "TikTok handle",
          "Creator handle",
          "Screen name",
          "Profile",
          "Profile URL",
        ],
        ["Influencer", "Creator", "Channel name"],
      ],
    },
    {
      key: "name",
      label: "name",
      type: "text",
      names: [["Name", "Full name", "Display name", "Influencer name", "Creator name"]],
    },
    PLATFORM,
    {
      key: "followers",
      label: "followers",
      type: "count",
      names: [
        [
          "Followers",
          "Follower count",
          "Followers count",
          "Subscribers",
          "Fans",
          "Audience size",
          "Total followers",
        ],
      ],
    },
    {
      key: "tier",
      label: "tier",
      type: "enum",
      names: [["Tier", "Influencer tier", "Creator tier", "Size"]],
    },
    {
      key: "cost_per_post",
      label: "cost per post",
      type: "money",
      names: [
        [
          "Cost per post",
          "Price per post",
          "Fee per post",
          "Rate per post",
          "Post rate",
          "Cost",
          "Fee",
          "Rate",
          "Price",
        ],
      ],
    },
    {
      key: "fake_follower_share",
      label: "fake-follower share",
      type: "share",
      names: [
        [
          "Fake followers",
          "Fake follower share",
          "Fake followers share",
          "Fake follower rate",
          "Fake followers (%)",
          "Suspicious followers",
        ],
      ],
    },
    {
      key: "authenticity",
      label: "audience authenticity",
      type: "share",
      names: [
        [
          "Audience authenticity",
          "Authenticity",
          "Authentic followers",
          "Real followers",
          "Audience quality",
          "Authentic audience",
        ],
      ],
    },
    {
      key: "brand_fit",
      label: "brand fit",
      type: "share",
      names: [["Brand fit", "Brand fit score", "Fit", "Fit score", "Relevance", "Brand relevance"]],
    },
  ],
  requirements: [
    requireOneOf(() => influencersSpec, ["handle"], "the influencer's handle"),
    requireOneOf(() => influencersSpec, ["platform"], "the platform"),
  ],
};

export type InfluencerRow = Omit<Influencer, "tenant_id">;

export function influencerRowReader(): KeyedRowReader<InfluencerRow> {
  let retiered = 0;
  return {
    table: "influencers",
    keyField: "handle",
    key: (row) => `${row.platform}\u0000${row.handle}`,
    describe: (row) => `${row.platform} influencer @${row.handle}`,
    notes: () =>
      retiered
        ? [
            `${retiered} rows gave a tier that does not match their followers: the tier was set from the follower count`,
          ]
        : [],
    read(r: CellReader): InfluencerRow | undefined {
      const rawHandle = r.required("handle", "handle");
      const handle = rawHandle === undefined ? undefined : readHandle(rawHandle);
      if (rawHandle !== undefined && !handle) r.report("handle", "handle is empty", rawHandle);
      const platform = r.choice(
        "platform",
        "platform",
        readSocialPlatform,
        expected(SOCIAL_PLATFORMS),
      );
      if (platform === undefined) r.report("platform", "platform is empty");
      const followers = r.count("followers", "followers", { abbreviated: true });
      const tier = r.choice("tier", "tier", readTier, expected(INFLUENCER_TIERS));
      const cost = r.nonNegative("cost_per_post", "cost per post");
      const fake = r.share("fake_follower_share", "fake-follower share");
      const authentic = r.has("fake_follower_share")
        ? undefined
        : r.share("authenticity", "audience authenticity");
      const fit = r.share("brand_fit", "brand fit");
      if (
        !handle ||
        !platform ||
        followers === null ||
        tier === null ||
        cost === null ||
        fake === null ||
        authentic === null ||
        fit === null
      ) {
        return undefined;
      }
      const computed = tierForFollowers(followers ?? 0);
      if (tier && tier !== computed) retiered += 1;
      return {
        platform,
        handle,
        name: r.text("name") ?? handle,
        followers: followers ?? 0,
        tier: computed,
        cost_per_post: cost ?? 0,
        fake_follower_share: fake ?? (authentic === undefined ? 0 : round4(1 - authentic)),
        brand_fit: fit ?? 0,
      };
    },
  };
}

function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

function readTier(text: string): string | undefined {
  const w = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]*(tier|influencers?)$/, "")
    .replace(/[\s_-]+/g, "");
  if ((INFLUENCER_TIERS as readonly string[]).includes(w)) return w;
  if (w === "midtier" || w === "middle") return "mid";
  return undefined;
}

export const postsSpec: KindSpec = {
  kind: "posts",
  fields: [
    {
      key: "id",
      label: "post id",
      type: "text",
      names: [
        ["Post ID", "Media ID", "Video ID", "Content ID", "Tweet ID", "Post"],
        ["ID", "Permalink", "Post URL", "URL"],
      ],
    },
    PLATFORM,
    {
      key: "author",
      label: "author",
      type: "text",
      names: [
        [
          "Author",
          "Author handle",
          "Handle",
          "Username",
          "Account",
          "Creator",
          "Influencer",
          "Posted by",
          "Owner",
          "Author username",
        ],
      ],
    },
    {
      key: "posted_at",
      label: "posted at",
      type: "instant",
      names: [
        [
          "Posted at",
          "Posted",
          "Post date",
          "Post time",
          "Date posted",
          "Published",
          "Published at",
          "Publish time",
          "Publish date",
          "Created at",
          "Timestamp",
          "Date",
          "Time",
        ],
      ],
    },
    {
      key: "content_type",
      label: "content type",
      type: "enum",
      names: [["Content type", "Media type", "Post type", "Format", "Type", "Media product type"]],
    },
    {
      key: "category",
      label: "category",
      type: "text",
      names: [["Category", "Niche", "Topic", "Vertical"]],
    },
    { key: "hashtags", label: "hashtags", type: "text", names: [["Hashtags", "Hashtag", "Tags"]] },
    {
      key: "impressions",
      label: "impressions",
      type: "count",
      names: [["Impressions", "Views", "Video views", "Plays", "Impr"]],
    },
    {
      key: "reach",
      label: "reach",
      type: "count",
      names: [["Reach", "Accounts reached", "Unique viewers"]],
    },
    {
      key: "likes",
      label: "likes",
      type: "count",
      names: [["Likes", "Like count", "Hearts", "Reactions"]],
    },
    {
      key: "comments",
      label: "comments",
      type: "count",
      names: [["Comments", "Comment count", "Replies"]],
    },
    {
      key: "shares",
      label: "shares",
      type: "count",
      names: [["Shares", "Share count", "Reposts", "Retweets", "Sends"]],
    },
    {
      key: "saves",
      label: "saves",
      type: "count",
      names: [["Saves", "Save count", "Saved", "Bookmarks"]],
    },
    {
      key: "clicks",
      label: "clicks",
      type: "count",
      names: [["Clicks", "Link clicks", "Website clicks", "Link taps", "Swipe ups"]],
    },
    {
      key: "conversions",
      label: "conversions",
      type: "decimal",
      names: [["Conversions", "Purchases", "Orders", "Results", "Sales count"]],
    },
    {
      key: "revenue",
      label: "revenue",
      type: "money",
      names: [["Revenue", "Sales", "Conversion value", "Purchase value", "Order value"]],
    },
    {
      key: "cost",
      label: "cost",
      type: "money",
      names: [["Cost", "Spend", "Fee", "Amount spent", "Paid", "Post cost"]],
    },
  ],
  requirements: [
    requireOneOf(() => postsSpec, ["id"], "the post id"),
    requireOneOf(() => postsSpec, ["platform"], "the platform"),
    requireOneOf(() => postsSpec, ["author"], "the author"),
    requireOneOf(() => postsSpec, ["posted_at"], "when it was posted"),
  ],
};

export type PostRow = Omit<Post, "tenant_id">;

const POST_COUNTS = [
  "impressions",
  "reach",
  "likes",
  "comments",
  "shares",
  "saves",
  "clicks",
] as const;

export const postRowReader: KeyedRowReader<PostRow> = {
  table: "posts",
  keyField: "id",
  key: (row) => row.id,
  describe: (row) => `post "${row.id}"`,
  read(r: CellReader): PostRow | undefined {
    const id = r.required("id", "post id");
    const platform = r.choice(
      "platform",
      "platform",
      readSocialPlatform,
      expected(SOCIAL_PLATFORMS),
    );
    if (platform === undefined) r.report("platform", "platform is empty");
    const rawAuthor = r.required("author", "author");
    const postedAt = r.instant("posted_at", "posted at");
    if (postedAt === undefined) r.report("posted_at", "posted at is empty");
    const contentType = r.choice(
      "content_type",
      "content type",
      readContentType,
      expected(CONTENT_TYPES),
    );
    const counts: Record<string, number> = {};
    let bad = false;
    for (const field of POST_COUNTS) {
      const v = r.count(field, field, { abbreviated: true });
      if (v === null) bad = true;
      counts[field] = v ?? 0;
    }
    const conversions = r.count("conversions", "conversions", { round: true });
    const revenue = r.nonNegative("revenue", "revenue");
    const cost = r.nonNegative("cost", "cost");
    if (
      !bad &&
      r.has("clicks") &&
      r.has("impressions") &&
      (counts.clicks as number) > (counts.impressions as number)
    ) {
      r.report("clicks", `clicks (${counts.clicks}) exceed impressions (${counts.impressions})`);
      bad = true;
    }
    if (
      id === undefined ||
      !platform ||
      rawAuthor === undefined ||
      !postedAt ||
      contentType === null ||
      bad
    )
      return undefined;
    if (conversions === null || revenue === null || cost === null) return undefined;
    return {
      id,
      platform,
      author_handle: readHandle(rawAuthor),
      posted_at: postedAt,
      content_type: contentType ?? "image",
      category: r.text("category")?.toLowerCase() ?? null,
      hashtags: readHashtags(r.text("hashtags") ?? ""),
      impressions: counts.impressions as number,
      reach: counts.reach as number,
      likes: counts.likes as number,
      comments: counts.comments as number,
      shares: counts.shares as number,
      saves: counts.saves as number,
      clicks: counts.clicks as number,
      conversions: conversions ?? 0,
      revenue: revenue ?? 0,
      cost: cost ?? null,
    };
  },
};
