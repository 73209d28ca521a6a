import { toPlatform } from "../core/platforms";
import {
  AGE_GROUPS,
  type AgeGroup,
  type AppUserAgeGroup,
  type AppUserGender,
  CAMPAIGN_TYPES,
  type CampaignStatus,
  type CampaignType,
  type Gender,
  PLATFORMS,
  type Platform,
} from "../store/schema";

/**
 * Enumerated values as exports spell them → what the store keeps. Each reader returns the value
 * or undefined (the caller reports "unknown value, expected …" with {@link expected}).
 */

function words(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[_\-\s]+/g, " ");
}

/** Ad platforms, including Meta's publisher platforms and Google's networks by name. */
export function readPlatform(text: string): Platform | undefined {
  const direct = toPlatform(text);
  if (direct) return direct;
  const w = words(text);
  if (w === "audience network" || w === "messenger" || w === "meta audience network")
    return "facebook";
  if (
    w === "youtube" ||
    w === "google search" ||
    w === "search network" ||
    w === "display network"
  ) {
    return "google";
  }
  return undefined;
}

const OBJECTIVES: Readonly<Record<string, CampaignType>> = {
  awareness: "awareness",
  "brand awareness": "awareness",
  reach: "awareness",
  brand: "awareness",
  impressions: "awareness",
  display: "awareness",
  video: "awareness",
  "awareness and consideration": "awareness",
  engagement: "engagement",
  engage: "engagement",
  "post engagement": "engagement",
  "page likes": "engagement",
  "video views": "engagement",
  traffic: "engagement",
  "link clicks": "engagement",
  messages: "engagement",
  "website visits": "engagement",
  consideration: "engagement",
  conversion: "conversion",
  conversions: "conversion",
  "website conversions": "conversion",
  sales: "conversion",
  leads: "conversion",
  "lead generation": "conversion",
  "app promotion": "conversion",
  "app installs": "conversion",
  "catalog sales": "conversion",
  "product catalog sales": "conversion",
  search: "conversion",
  shopping: "conversion",
  "performance max": "conversion",
  pmax: "conversion",
  performance: "conversion",
};

/**
 * Campaign objectives (Meta `OUTCOME_SALES`, TikTok "Traffic", Google channel types) → type.
 *
 * @example readCampaignType("OUTCOME_SALES") // "conversion"
 * @example readCampaignType("Brand awareness") // "awareness"
 */
export function readCampaignType(text: string): CampaignType | undefined {
  const w = words(text).replace(/^outcome /, "");
  if ((CAMPAIGN_TYPES as readonly string[]).includes(w)) return w as CampaignType;
  return OBJECTIVES[w];
}

/**
 * Delivery statuses vary by platform ("Eligible (Limited)", "Not delivering", "Removed"): read
 * them by their telling words.
 *
 * @example readStatus("Eligible (Limited)") // "active"
 * @example readStatus("Removed") // "ended"
 */
export function readStatus(text: string): CampaignStatus | undefined {
  const w = words(text);
  if (/draft|pending|review|scheduled|not started/.test(w)) return "draft";
  if (/pause|inactive|off|on hold|not delivering/.test(w)) return "paused";
  if (/remov|ended|complet|archiv|delet|stopped|finished|expired/.test(w)) return "ended";
  if (/activ|enabl|eligib|running|deliver|limited|learning|^on$|live|serving/.test(w))
    return "active";
  return undefined;
}

/** Ad audience genders: unknown takes "undetermined", "unknown" and similar. */
export function readAudienceGender(text: string): Gender | undefined {
  const w = words(text);
  if (["female", "f", "women", "woman", "w"].includes(w)) return "female";
  if (["male", "m", "men", "man"].includes(w)) return "male";
  if (
    ["unknown", "undetermined", "u", "other", "not specified", "unspecified", "all"].includes(w)
  ) {
    return "unknown";
  }
  return undefined;
}

/**
 * Ad audience age ranges as `18-24` … `65+`. `null` for ranges the store does not keep
 * ("Undetermined", "13-17"): their figures count toward the campaign's totals only.
 *
 * @example readAgeGroup("18 - 24") // "18-24"
 * @example readAgeGroup("65 or more") // "65+"
 * @example readAgeGroup("Undetermined") // null
 */
export function readAgeGroup(text: string): AgeGroup | null | undefined {
  const w = text.trim().toLowerCase().replace(/\s+/g, " ");
  const range = /^(\d{2})\s*(?:-|–|to)\s*(\d{2})$/.exec(w);
  if (range) {
    const key = `${range[1]}-${range[2]}`;
    if ((AGE_GROUPS as readonly string[]).includes(key)) return key as AgeGroup;
    if (key === "13-17") return null;
    return undefined;
  }
  if (/^65\s*(\+|plus|or more|and over|and older|or older)$/.test(w) || w === "over 65")
    return "65+";
  if (["unknown", "undetermined", "not specified", "unspecified", "u"].includes(w)) return null;
  return undefined;
}

/** App users' gender (loyalty data sets: F/M/O, "non-binary"). */
export function readUserGender(text: string): AppUserGender | undefined {
  const w = words(text);
  if (["female", "f", "woman", "w"].includes(w)) return "female";
  if (["male", "m", "man"].includes(w)) return "male";
  if (["other", "o", "non binary", "nonbinary", "diverse", "x", "d"].includes(w)) return "other";
  if (
    ["unknown", "u", "undisclosed", "prefer not to say", "not specified", "unspecified"].includes(w)
  ) {
    return "unknown";
  }
  return undefined;
}

/**
 * App users' age group from a range (`25-34`) or an age in years. Ages outside 18–110 (some
 * public data sets write 118 for "unknown") are unknown.
 *
 * @example readUserAgeGroup("41") // "35-44"
 * @example readUserAgeGroup("118") // "unknown"
 */
export function readUserAgeGroup(text: string): AppUserAgeGroup | undefined {
  const w = text.trim();
  if (/^\d{1,3}$/.test(w)) {
    const age = Number(w);
    if (age < 18 || age > 110) return "unknown";
    if (age >= 65) return "65+";
    const bands: [number, AppUserAgeGroup][] = [
      [24, "18-24"],
      [34, "25-34"],
      [44, "35-44"],
      [54, "45-54"],
      [64, "55-64"],
    ];
    return (bands.find(([max]) => age <= max) as [number, AppUserAgeGroup])[1];
  }
  const group = readAgeGroup(w);
  if (group === null) return "unknown";
  return group;
}

/**
 * Yes/no cells: 1/0, true/false, yes/no, y/n, converted. Empty is no.
 *
 * @example readFlag("TRUE") // true
 */
export function readFlag(text: string): boolean | undefined {
  const w = words(text);
  if (["1", "true", "yes", "y", "t", "x", "converted", "conversion"].includes(w)) return true;
  if (["0", "false", "no", "n", "f", "", "not converted", "none"].includes(w)) return false;
  return undefined;
}

/** Social platforms influencers and posts live on (ad platforms and the creator-only ones). */
export const SOCIAL_PLATFORMS = [
  ...PLATFORMS,
  "youtube",
  "x",
  "twitch",
  "pinterest",
  "snapchat",
  "threads",
] as const;

const SOCIAL_ALIASES: Readonly<Record<string, string>> = {
  yt: "youtube",
  "you tube": "youtube",
  twitter: "x",
  "x twitter": "x",
  "twitter x": "x",
  snap: "snapchat",
  pin: "pinterest",
};

/**
 * @example readSocialPlatform("IG") // "instagram"
 * @example readSocialPlatform("Twitter") // "x"
 */
export function readSocialPlatform(text: string): string | undefined {
  const w = words(text);
  if ((SOCIAL_PLATFORMS as readonly string[]).includes(w)) return w;
  if (SOCIAL_ALIASES[w]) return SOCIAL_ALIASES[w];
  // YouTube is a creator platform here, not Google's ad network.
  const platform = w === "youtube" ? undefined : toPlatform(text);
  return platform;
}

/**
 * A handle without `@`, lower case; a profile URL gives its last path segment.
 *
 * @example readHandle(" @Glow.With.Mia ") // "glow.with.mia"
 * @example readHandle("https://www.instagram.com/glowwithmia/") // "glowwithmia"
 */
export function readHandle(text: string): string {
  let t = text.trim();
  if (/^https?:\/\//i.test(t)) {
    const segments = t
      .replace(/[?#].*$/, "")
      .split("/")
      .filter(Boolean);
    t = segments.at(-1) ?? "";
  }
  return t.replace(/^@+/, "").toLowerCase();
}

/**
 * Hashtags in any separator style → `a b c` (lower case, no `#`, no repeats).
 *
 * @example readHashtags("#SummerGlow, #ad;skincare") // "summerglow ad skincare"
 */
export function readHashtags(text: string): string {
  const seen = new Set<string>();
  for (const part of text.split(/[\s,;|]+/)) {
    const tag = part.replace(/^#+/, "").toLowerCase();
    if (tag) seen.add(tag);
  }
  return [...seen].join(" ");
}

export const CONTENT_TYPES = [
  "reel",
  "video",
  "short",
  "carousel",
  "image",
  "story",
  "article",
  "link",
  "document",
  "text",
  "live",
] as const;

const CONTENT_ALIASES: Readonly<Record<string, string>> = {
  reels: "reel",
  photo: "image",
  picture: "image",
  pic: "image",
  "carousel album": "carousel",
  album: "carousel",
  stories: "story",
  igtv: "video",
  shorts: "short",
  pdf: "document",
  status: "text",
  tweet: "text",
  livestream: "live",
  "live video": "live",
};

/** @example readContentType("CAROUSEL_ALBUM") // "carousel" */
export function readContentType(text: string): string | undefined {
  const w = words(text);
  if ((CONTENT_TYPES as readonly string[]).includes(w)) return w;
  return CONTENT_ALIASES[w];
}

/** Event types as stored: lower case, spaces as `_`. */
export function readEventType(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

const expectedText = new WeakMap<readonly string[], string>();

/** "expected one of …" for unknown-value messages (built once per list: rows call it often). */
export function expected(values: readonly string[]): string {
  let text = expectedText.get(values);
  if (text === undefined) {
    text = `expected one of ${values.join(", ")}`;
    expectedText.set(values, text);
  }
  return text;
}
