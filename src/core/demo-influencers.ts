import type { Influencer, Post } from "../store/schema";
import { addDays, isIsoDay, isoWeekdayOfEpoch, MS_PER_DAY } from "./days";
import {
  INFLUENCER_TIERS,
  type InfluencerTier,
  TIER_MIN_FOLLOWERS,
  tierForFollowers,
} from "./influencers/tiers";
import { createRng, meanOneLognormal, type Rng, weightedIndex } from "./random";

/**
 * Platforms of the demo influencers. They are ad platforms too, so the `platform:` filter every
 * command shares selects them (YouTube creators would need a platform the filter knows).
 */
export const DEMO_INFLUENCER_PLATFORMS = ["instagram", "tiktok", "facebook", "linkedin"] as const;
type DemoPlatform = (typeof DEMO_INFLUENCER_PLATFORMS)[number];

export interface DemoInfluencersOptions {
  tenantId: string;
  /** Posts are published before this day (nothing in the future). */
  endDay: string;
  days?: number;
  seed?: number;
  /** Number of posts (default 2,000). */
  posts?: number;
}

export interface DemoInfluencers {
  influencers: Influencer[];
  posts: Post[];
}

/** Creators per platform (60 in all). */
const PLATFORM_COUNTS: Readonly<Record<DemoPlatform, number>> = {
  instagram: 24,
  tiktok: 20,
  facebook: 8,
  linkedin: 8,
};
/** Share of creators per tier, nano first: most brand deals are with small creators. */
const TIER_MIX = [25, 35, 22, 12, 6] as const;
const TIER_MAX_FOLLOWERS: Readonly<Record<InfluencerTier, number>> = {
  nano: 9_999,
  micro: 49_999,
  mid: 499_999,
  macro: 999_999,
  mega: 4_000_000,
};
/** Share of followers a post reaches organically, by tier: big accounts reach a smaller share. */
const REACH_RATE: Readonly<Record<InfluencerTier, number>> = {
  nano: 0.32,
  micro: 0.22,
  mid: 0.13,
  macro: 0.08,
  mega: 0.05,
};
/** Engagements per reached person, by tier (published benchmarks: smaller creators engage more). */
const ENGAGEMENT_RATE: Readonly<Record<InfluencerTier, number>> = {
  nano: 0.065,
  micro: 0.045,
  mid: 0.028,
  macro: 0.019,
  mega: 0.013,
};
const PLATFORM_PROFILE: Readonly<
  Record<
    DemoPlatform,
    {
      engagement: number;
      ctr: number;
      costPerThousandFollowers: number;
      posts: number;
      contentTypes: readonly string[];
      categories: readonly string[];
      /** Relative posting activity Monday … Sunday. */
      weekdays: readonly number[];
      /** Relative posting activity by UTC hour. */
      hours: readonly number[];
    }
  >
> = {
  instagram: {
    engagement: 1,
    ctr: 0.009,
    costPerThousandFollowers: 10,
    posts: 1.2,
    contentTypes: ["reel", "carousel", "image", "story"],
    categories: ["beauty", "fashion", "fitness", "food", "travel", "parenting"],
    weekdays: [0.9, 1, 1, 1, 1.1, 1.3, 1.25],
    hours: evening(),
  },
  tiktok: {
    engagement: 1.6,
    ctr: 0.007,
    costPerThousandFollowers: 7,
    posts: 1.6,
    contentTypes: ["video"],
    categories: ["beauty", "fitness", "food", "gaming", "fashion", "tech"],
    weekdays: [0.9, 0.95, 1, 1, 1.15, 1.35, 1.3],
    hours: evening(),
  },
  facebook: {
    engagement: 0.6,
    ctr: 0.011,
    costPerThousandFollowers: 6,
    posts: 0.8,
    contentTypes: ["video", "image", "link"],
    categories: ["food", "parenting", "travel", "home"],
    weekdays: [1, 1, 1, 1, 1, 1.1, 1.05],
    hours: hoursPeaking([12, 13, 19, 20]),
  },
  linkedin: {
    engagement: 0.8,
    ctr: 0.013,
    costPerThousandFollowers: 25,
    posts: 0.7,
    contentTypes: ["article", "image", "video", "document"],
    categories: ["tech", "finance", "marketing", "leadership"],
    weekdays: [1.2, 1.4, 1.4, 1.3, 0.9, 0.25, 0.2],
    hours: hoursPeaking([7, 8, 12]),
  },
};
const FIRST_NAMES = [
  "mia",
  "leo",
  "ava",
  "noah",
  "zoe",
  "liam",
  "emma",
  "omar",
  "nina",
  "raj",
  "sofia",
  "kai",
  "lena",
  "theo",
  "ines",
  "yuki",
  "amara",
  "luca",
  "chloe",
  "sami",
  "maya",
  "jonas",
  "elif",
  "diego",
  "hana",
  "felix",
  "iris",
  "arjun",
  "clara",
  "tomas",
];
const LAST_NAMES = [
  "stone",
  "rivera",
  "kim",
  "novak",
  "okafor",
  "berg",
  "santos",
  "chen",
  "weber",
  "dubois",
  "haddad",
  "costa",
  "larsen",
  "mehta",
  "fischer",
  "moreau",
  "ito",
  "nkemelu",
  "silva",
  "park",
];
const HANDLE_WORDS: Readonly<Record<string, readonly string[]>> = {
  beauty: ["glow", "glam", "skin"],
  fashion: ["style", "looks", "wears"],
  fitness: ["fit", "moves", "strong"],
  food: ["eats", "kitchen", "bakes"],
  travel: ["travels", "roams", "away"],
  parenting: ["family", "mama", "dad"],
  gaming: ["plays", "gg", "arcade"],
  tech: ["tech", "codes", "gadgets"],
  home: ["home", "nest", "diy"],
  finance: ["money", "invests", "cents"],
  marketing: ["growth", "brands", "ads"],
  leadership: ["leads", "ceo", "teams"],
};
const HASHTAGS: Readonly<Record<string, readonly string[]>> = {
  beauty: ["skincare", "makeup", "glowup", "beautytips", "selfcare"],
  fashion: ["ootd", "streetstyle", "fashion", "outfitideas", "styleinspo"],
  fitness: ["fitness", "workout", "gymlife", "homeworkout", "healthy"],
  food: ["foodie", "recipe", "homecooking", "easyrecipes", "yum"],
  travel: ["travel", "wanderlust", "weekendtrip", "travelgram", "explore"],
  parenting: ["momlife", "parenting", "familytime", "kidsactivities", "dadlife"],
  gaming: ["gaming", "gamer", "twitch", "esports", "setup"],
  tech: ["tech", "gadgets", "productivity", "ai", "unboxing"],
  home: ["homedecor", "diy", "interiordesign", "organizing", "cozyhome"],
  finance: ["personalfinance", "investing", "budgeting", "fintech", "money"],
  marketing: ["marketing", "growth", "b2b", "branding", "contentstrategy"],
  leadership: ["leadership", "careers", "management", "futureofwork", "hiring"],
};
const BRAND_TAGS = ["ad", "sponsored", "partner", "springsale", "newin", "brandlove"];

/**
 * A deterministic influencer roster (60 creators across instagram, tiktok, facebook and linkedin,
 * every tier) and about 2,000 of their posts over the window: posting times with day-of-week and
 * hour patterns per platform, content types and hashtags, tier-typical reach and engagement,
 * per-creator quality (so there are clear High and Low performers), a few creators with many fake
 * followers, and some viral outliers with 8–40× the usual reach.
 *
 * @example generateDemoInfluencers({ tenantId: "local", endDay: "2026-11-22" }).posts.length // 2000
 */
export function generateDemoInfluencers(options: DemoInfluencersOptions): DemoInfluencers {
  const { tenantId, endDay, days = 180, seed = 777, posts: postCount = 2000 } = options;
  if (!isIsoDay(endDay))
    throw new RangeError(`endDay "${endDay}" must be a day written YYYY-MM-DD`);
  const rng = createRng(seed);
  const creators = planCreators(rng, tenantId);
  const weights = creators.map((c) => PLATFORM_PROFILE[c.platform].posts * c.activity);
  const windowStart = Date.parse(`${addDays(endDay, 1 - days)}T00:00:00.000Z`);
  const posts: Post[] = [];
  for (let i = 0; i < postCount; i++) {
    const creator = creators[weightedIndex(rng, weights)] as Creator;
    posts.push(simulatePost(rng, creator, tenantId, i, windowStart, days));
  }
  posts.sort((a, b) => (a.posted_at < b.posted_at ? -1 : a.posted_at > b.posted_at ? 1 : 0));
  posts.forEach((post, i) => {
    post.id = `demo-p-${String(i + 1).padStart(4, "0")}`;
  });
  return { influencers: creators.map((c) => c.row), posts };
}

interface Creator {
  row: Influencer;
  platform: DemoPlatform;
  tier: InfluencerTier;
  category: string;
  /** Latent creative quality (standard normal): drives engagement, clicks and conversions. */
  quality: number;
  activity: number;
}

function planCreators(rng: Rng, tenantId: string): Creator[] {
  const creators: Creator[] = [];
  const handles = new Set<string>();
  for (const platform of DEMO_INFLUENCER_PLATFORMS) {
    const profile = PLATFORM_PROFILE[platform];
    for (let n = 0; n < PLATFORM_COUNTS[platform]; n++) {
      // Spread tiers evenly through each platform's roster rather than leaving them to chance.
      const tier = INFLUENCER_TIERS[tierSlot(n, PLATFORM_COUNTS[platform])] as InfluencerTier;
      const low = Math.max(1_000, TIER_MIN_FOLLOWERS[tier]);
      const high = TIER_MAX_FOLLOWERS[tier];
      const followers = Math.round(Math.exp(rng.float(Math.log(low), Math.log(high))));
      const category = rng.pick(profile.categories);
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      const handle = uniqueHandle(rng, first, last, category, handles);
      // A handful of accounts bought followers: high fake share, weak real engagement.
      const suspicious = rng.chance(0.1);
      const quality = rng.normal(suspicious ? -0.8 : 0, 1);
      const fake = suspicious ? rng.float(0.3, 0.48) : rng.float(0.02, 0.16);
      const tierDiscount =
        tier === "mega" ? 0.6 : tier === "macro" ? 0.75 : tier === "nano" ? 1.4 : 1;
      const cost = Math.max(
        50,
        Math.round(
          ((followers / 1000) *
            profile.costPerThousandFollowers *
            tierDiscount *
            rng.float(0.75, 1.3)) /
            10,
        ) * 10,
      );
      creators.push({
        platform,
        tier,
        category,
        quality,
        activity: rng.float(0.5, 1.6),
        row: {
          tenant_id: tenantId,
          platform,
          handle,
          name: `${capitalize(first)} ${capitalize(last)}`,
          followers,
          tier: tierForFollowers(followers),
          cost_per_post: cost,
          fake_follower_share: round(fake, 3),
          brand_fit: round(Math.min(0.98, Math.max(0.2, rng.normal(0.65, 0.18))), 2),
        },
      });
    }
  }
  return creators;
}

function simulatePost(
  rng: Rng,
  creator: Creator,
  tenantId: string,
  index: number,
  windowStart: number,
  days: number,
): Post {
  const profile = PLATFORM_PROFILE[creator.platform];
  const { tier, quality, row } = creator;
  const dayIndex = weightedDay(rng, windowStart, days - 1, profile.weekdays);
  const at =
    windowStart +
    dayIndex * MS_PER_DAY +
    weightedIndex(rng, profile.hours) * 3_600_000 +
    rng.int(0, 59) * 60_000;
  const lift = Math.exp(0.35 * quality);
  const viral = rng.chance(0.015) ? rng.float(8, 40) : 1;
  const fakeDrag = 1 - row.fake_follower_share;
  const reach = Math.max(
    50,
    Math.round(row.followers * REACH_RATE[tier] * fakeDrag * meanOneLognormal(rng, 0.35) * viral),
  );
  const impressions = Math.round(reach * rng.float(1.1, 1.6));
  const engaged =
    reach * ENGAGEMENT_RATE[tier] * profile.engagement * lift * meanOneLognormal(rng, 0.25);
  const contentType = rng.pick(profile.contentTypes);
  const likes = Math.round(engaged * 0.86);
  const comments = Math.round(engaged * 0.05 * (contentType === "article" ? 2 : 1));
  const shares = Math.round(engaged * (creator.platform === "tiktok" ? 0.06 : 0.035));
  const saves = Math.round(engaged * (contentType === "carousel" ? 0.08 : 0.03));
  const clicks = Math.round(reach * profile.ctr * lift * meanOneLognormal(rng, 0.3));
  const cvr = Math.min(0.12, 0.03 * Math.exp(0.45 * quality) * meanOneLognormal(rng, 0.3));
  const conversions = Math.min(clicks, Math.round(clicks * cvr));
  const aov = creator.platform === "linkedin" ? 160 : 70;
  const revenue = conversions > 0 ? round(conversions * aov * meanOneLognormal(rng, 0.2), 2) : 0;
  const sponsored = rng.chance(0.85);
  const tags = rng.shuffle(HASHTAGS[creator.category] ?? []).slice(0, rng.int(2, 5));
  if (sponsored) tags.push(rng.pick(BRAND_TAGS));
  return {
    tenant_id: tenantId,
    id: `p${index}`,
    platform: creator.platform,
    author_handle: row.handle,
    posted_at: new Date(at).toISOString(),
    content_type: contentType,
    category: rng.chance(0.92) ? creator.category : null,
    hashtags: tags.join(" "),
    impressions,
    reach,
    likes,
    comments,
    shares,
    saves,
    clicks,
    conversions,
    revenue,
    // Gifted or barter posts have no invoice: the influencer's rate applies.
    cost: sponsored && rng.chance(0.9) ? Math.round(row.cost_per_post * rng.float(0.9, 1.1)) : null,
  };
}

function tierSlot(n: number, total: number): number {
  const position = ((n + 0.5) / total) * TIER_MIX.reduce((a, b) => a + b, 0);
  let sum = 0;
  for (let i = 0; i < TIER_MIX.length; i++) {
    sum += TIER_MIX[i] as number;
    if (position < sum) return i;
  }
  return TIER_MIX.length - 1;
}

function uniqueHandle(
  rng: Rng,
  first: string,
  last: string,
  category: string,
  taken: Set<string>,
): string {
  const words = HANDLE_WORDS[category] ?? ["daily"];
  const candidates = [
    `${first}.${rng.pick(words)}`,
    `${first}${last}`,
    `${rng.pick(words)}with${first}`,
    `${first}.${last}`,
  ];
  for (const candidate of candidates) {
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
  for (let n = 2; ; n++) {
    const candidate = `${first}.${last}${n}`;
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
}

/** A day index in [0, days) weighted by weekday (Monday = weekdays[0]). */
function weightedDay(
  rng: Rng,
  windowStart: number,
  days: number,
  weekdays: readonly number[],
): number {
  for (;;) {
    const day = rng.int(0, days - 1);
    const epochDay = Math.floor((windowStart + day * MS_PER_DAY) / MS_PER_DAY);
    const max = Math.max(...weekdays);
    if (rng.next() * max < (weekdays[isoWeekdayOfEpoch(epochDay) - 1] as number)) return day;
  }
}

function evening(): number[] {
  return hoursPeaking([18, 19, 20, 21]);
}

function hoursPeaking(peaks: readonly number[]): number[] {
  return Array.from({ length: 24 }, (_, h) => {
    const distance = Math.min(...peaks.map((p) => Math.min(Math.abs(h - p), 24 - Math.abs(h - p))));
    return h >= 1 && h <= 5 ? 0.1 : Math.max(0.3, 4 - distance);
  });
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
