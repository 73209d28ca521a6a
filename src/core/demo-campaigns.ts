import type { CampaignStatus, CampaignType, Platform } from "../store/schema";
import { CAMPAIGN_TYPES, PLATFORMS } from "../store/schema";
import { addDays, daysBetween } from "./days";
import {
  CAMPAIGN_MIX,
  CONVERSION_ROI_LADDER,
  PLATFORM_PROFILES,
  TYPE_PROFILES,
  UPPER_FUNNEL_ROI,
} from "./demo-profiles";
import type { Rng } from "./random";

/** Everything the simulator needs to know about one demo campaign. */
export interface CampaignPlan {
  id: string;
  name: string;
  platform: Platform;
  type: CampaignType;
  status: CampaignStatus;
  start_date: string;
  end_date: string | null;
  /** Last day with delivery: end date, pause day or the data set's last day. */
  lastDataDay: string;
  budget: number;
  target_conversions: number | null;
  dailySpend: number;
  /** Base rates before weekday, trend and noise: percent, currency, percent. */
  ctr: number;
  cpc: number;
  cvr: number;
  /** Revenue per conversion, chosen so the campaign lands near its ROI target. */
  revenuePerConversion: number;
  engagementPerImpression: number;
  frequency: number;
  /** Relative change across the window (0.2 = +20 % from the first day to the last). */
  spendTrend: number;
  ctrTrend: number;
  /** Share of impressions per GENDERS × AGE_GROUPS segment, gender-major. */
  segmentWeights: number[];
}

type Role = "ended" | "active" | "paused";
const ROLES: readonly Role[] = [
  ...Array<Role>(17).fill("ended"),
  ...Array<Role>(3).fill("paused"),
  ...Array<Role>(28).fill("active"),
];

const SEASONAL_THEMES: readonly (readonly [string, string])[] = [
  ["New Year Reset", "January Clearance"],
  ["Valentine's Edit", "Winter Warmers"],
  ["Spring Sale", "Spring Refresh"],
  ["Easter Collection", "Spring Sale"],
  ["Mother's Day Gifts", "Memorial Day Deals"],
  ["Summer Launch", "Father's Day Gifts"],
  ["Mid-Year Sale", "Summer Essentials"],
  ["Back to School", "Late Summer Clearance"],
  ["Fall Preview", "Back to Work"],
  ["Halloween Drop", "Autumn Edit"],
  ["Black Friday", "Cyber Week"],
  ["Holiday Gifting", "Last-Minute Gifts"],
];

const EVERGREEN_THEMES: Readonly<Record<CampaignType, readonly string[]>> = {
  awareness: ["Brand Lift Q{q}", "Always-On Brand", "Aurora Launch", "New Store Openings"],
  engagement: ["Community Month", "Always-On Social", "Aurora Launch", "Loyalty Rewards"],
  conversion: ["Always-On", "New Customer Offer", "Loyalty Rewards", "Free Shipping Week"],
};

// B2B buyers do not shop Halloween drops: LinkedIn campaigns get pipeline themes.
const LINKEDIN_THEMES: readonly string[] = [
  "Q{q} Pipeline",
  "Webinar Series",
  "Enterprise Demo",
  "State of Marketing Report",
  "Free Trial Drive",
  "Brand Lift Q{q}",
];

const TACTICS: Readonly<Record<Platform, Readonly<Record<CampaignType, readonly string[]>>>> = {
  facebook: {
    conversion: [
      "Retargeting",
      "Prospecting",
      "Lookalike 1%",
      "Advantage+ Shopping",
      "Catalog Sales",
    ],
    awareness: ["Video Views", "Reach", "Brand Awareness"],
    engagement: ["Page Engagement", "Carousel", "Event Responses"],
  },
  instagram: {
    conversion: ["Shop Retargeting", "Story Ads", "Collection Ads"],
    awareness: ["Reels Reach", "Story Reach", "Brand Awareness"],
    engagement: ["Reels Boost", "Stories Polls", "Creator Collab", "UGC Contest"],
  },
  tiktok: {
    conversion: ["Spark Ads Shop", "Catalog Ads"],
    awareness: ["TopView", "Reach & Frequency", "In-Feed Reach"],
    engagement: ["Hashtag Challenge", "Creator Collab", "Spark Ads", "Duet Challenge"],
  },
  google: {
    conversion: [
      "Search Brand",
      "Search Generic",
      "Shopping",
      "Performance Max",
      "Display Retargeting",
      "Search Competitors",
      "Demand Gen",
    ],
    awareness: ["YouTube Bumpers", "Display Reach"],
    engagement: ["YouTube In-Stream"],
  },
  linkedin: {
    conversion: ["Lead Gen Forms", "Sponsored Content ABM", "Conversation Ads", "Retargeting"],
    awareness: ["Thought Leadership", "Brand Awareness"],
    engagement: ["Document Ads", "Event Promotion"],
  },
};

/**
 * Plans the demo account's 48 campaigns: platform/type mix, flights (some ended, most active, a
 * few paused), budgets, base rates and audience skews. Ids follow start dates, as an ad platform
 * numbers campaigns in creation order.
 */
export function planCampaigns(rng: Rng, endDay: string, days: number): CampaignPlan[] {
  const windowStart = addDays(endDay, 1 - days);
  const slots = PLATFORMS.flatMap((platform) =>
    CAMPAIGN_TYPES.flatMap((type) =>
      Array.from({ length: CAMPAIGN_MIX[platform][type] }, () => ({ platform, type })),
    ),
  );
  const roles = rng.shuffle(ROLES);
  const ladder = rng.shuffle(CONVERSION_ROI_LADDER);
  const tacticUse = new Map<string, number>();
  const names = new Set<string>();
  let conversionIndex = 0;

  const plans = slots.map(({ platform, type }, i) => {
    const role = roles[i] ?? "active";
    const flight = planFlight(rng, role, windowStart, endDay, days);
    const profile = PLATFORM_PROFILES[platform];
    const typeProfile = TYPE_PROFILES[type];

    // Campaign-level spread, clamped so per-campaign rates stay believable once weekday, trend
    // and daily noise are layered on top.
    const ctr = clamp(profile.ctr * typeProfile.ctr * rng.float(0.85, 1.15), 0.7, 1.75);
    const cpc = clamp(profile.cpc * rng.float(0.85, 1.15), 0.65, 1.8);
    const cvr = clamp(profile.cvr * typeProfile.cvr * rng.float(0.9, 1.1), 2.5, 4.5);
    const roiTarget =
      type === "conversion"
        ? (ladder[conversionIndex++ % ladder.length] as number) + rng.float(-0.08, 0.08)
        : rng.float(...UPPER_FUNNEL_ROI[type]);
    // ROI = revenue/spend − 1 and spend per conversion = CPC / conversion rate.
    const revenuePerConversion = ((1 + roiTarget) * cpc) / (cvr / 100);

    const dailySpend = rng.float(...profile.dailySpend);
    const budget = Math.ceil((dailySpend * flight.plannedDays * rng.float(1.05, 1.2)) / 100) * 100;
    const targetConversions =
      type === "conversion"
        ? Math.max(
            10,
            Math.round(((budget / (cpc / (cvr / 100))) * rng.float(0.85, 1.2)) / 10) * 10,
          )
        : null;

    return {
      id: "",
      name: uniqueName(rng, platform, type, flight.start_date, names, tacticUse),
      platform,
      type,
      ...flight,
      budget,
      target_conversions: targetConversions,
      dailySpend,
      ctr,
      cpc,
      cvr,
      revenuePerConversion,
      engagementPerImpression:
        profile.engagementPerImpression * typeProfile.engagement * rng.float(0.85, 1.15),
      frequency: profile.frequency * typeProfile.frequency * rng.float(0.92, 1.08),
      spendTrend: rng.float(-0.2, 0.3),
      ctrTrend: rng.float(-0.08, 0.05),
      segmentWeights: segmentWeights(rng, platform),
    };
  });

  plans.sort((a, b) => (a.start_date < b.start_date ? -1 : a.start_date > b.start_date ? 1 : 0));
  plans.forEach((p, i) => {
    p.id = `cmp-${String(i + 1).padStart(3, "0")}`;
  });
  return plans;
}

interface Flight {
  status: CampaignStatus;
  start_date: string;
  end_date: string | null;
  lastDataDay: string;
  /** Flight length the budget was planned for. */
  plannedDays: number;
}

function planFlight(
  rng: Rng,
  role: Role,
  windowStart: string,
  endDay: string,
  days: number,
): Flight {
  if (role === "ended") {
    // Ends inside the window, at least a week before its last day, after enough delivery to judge.
    const end = addDays(windowStart, between(rng, Math.round(days * 0.15), days - 8));
    const length = rng.int(28, 100);
    const start = addDays(end, 1 - length);
    return {
      status: "ended",
      start_date: start,
      end_date: end,
      lastDataDay: end,
      plannedDays: length,
    };
  }
  const start = addDays(windowStart, between(rng, -60, days - (role === "paused" ? 60 : 21)));
  if (role === "paused") {
    // Paused a week or more ago and left open-ended, as teams do while they rethink creative.
    let pausedAfter = addDays(endDay, -rng.int(7, 25));
    if (pausedAfter < start) pausedAfter = start;
    const ran = daysBetween(start, pausedAfter) + 1;
    return {
      status: "paused",
      start_date: start,
      end_date: null,
      lastDataDay: pausedAfter,
      plannedDays: ran + 30,
    };
  }
  const scheduledEnd = rng.chance(0.45) ? addDays(endDay, rng.int(10, 90)) : null;
  const plannedDays = scheduledEnd
    ? daysBetween(start, scheduledEnd) + 1
    : Math.max(90, daysBetween(start, endDay) + 31);
  return {
    status: "active",
    start_date: start,
    end_date: scheduledEnd,
    lastDataDay: endDay,
    plannedDays,
  };
}

function uniqueName(
  rng: Rng,
  platform: Platform,
  type: CampaignType,
  startDate: string,
  names: Set<string>,
  tacticUse: Map<string, number>,
): string {
  const month = Number(startDate.slice(5, 7));
  const quarter = Math.ceil(month / 3);
  const themes =
    platform === "linkedin"
      ? LINKEDIN_THEMES
      : rng.chance(0.6)
        ? (SEASONAL_THEMES[month - 1] ?? SEASONAL_THEMES[0] ?? [])
        : EVERGREEN_THEMES[type];
  const tactics = TACTICS[platform][type];
  // Rotate tactics so a platform's campaigns of one type do not all share a name suffix.
  const key = `${platform}:${type}`;
  const used = tacticUse.get(key) ?? 0;
  tacticUse.set(key, used + 1);
  const tactic = tactics[used % tactics.length] as string;

  const start = rng.int(0, themes.length - 1);
  for (let k = 0; k < themes.length; k++) {
    const theme = (themes[(start + k) % themes.length] as string).replace("{q}", String(quarter));
    const name = `${theme} — ${tactic}`;
    if (!names.has(name)) {
      names.add(name);
      return name;
    }
  }
  for (let n = 2; ; n++) {
    const name = `${(themes[start] as string).replace("{q}", String(quarter))} — ${tactic} ${n}`;
    if (!names.has(name)) {
      names.add(name);
      return name;
    }
  }
}

function segmentWeights(rng: Rng, platform: Platform): number[] {
  const profile = PLATFORM_PROFILES[platform];
  // Each campaign targets a little differently from its platform's average audience.
  const genders = profile.genders.map((g) => g * rng.float(0.9, 1.1));
  const ages = profile.ages.map((a) => a * rng.float(0.8, 1.25));
  return genders.flatMap((g) => ages.map((a) => g * a));
}

function between(rng: Rng, min: number, max: number): number {
  return max < min ? min : rng.int(min, max);
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}
