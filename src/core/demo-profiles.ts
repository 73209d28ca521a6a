import type { CampaignType, Platform } from "../store/schema";

/**
 * How each ad platform behaves in the demo data set. Figures are typical of published industry
 * benchmarks, squeezed into the ranges demo users can sanity-check (CTR 0.5–2 %, CPC 0.5–2,
 * conversion rate 2–5 %), with the differences marketers expect: LinkedIn dear per click and
 * quiet at weekends, TikTok cheap, young and engaging, Google search high-intent.
 */
export interface PlatformProfile {
  label: string;
  /** Click-through rate, percent. */
  ctr: number;
  /** Cost per click, currency units. */
  cpc: number;
  /** Conversions per click, percent. */
  cvr: number;
  /** Engagements other than clicks (likes, shares, video views) per impression. */
  engagementPerImpression: number;
  /** Impressions per person reached, per day. */
  frequency: number;
  /** Typical daily spend range for one campaign. */
  dailySpend: readonly [number, number];
  /** Saturday/Sunday multipliers: B2B audiences log off, social scrolling goes up. */
  weekend: { spend: number; ctr: number; cvr: number };
  /** Share of impressions per AGE_GROUPS entry (18-24 … 65+). */
  ages: readonly number[];
  /** Share of impressions per GENDERS entry (female, male, unknown). */
  genders: readonly number[];
  /** Relative click propensity per age group. */
  clickSkew: readonly number[];
  /** Relative conversion propensity per age group: older buyers convert more once they click. */
  conversionSkew: readonly number[];
}

export const PLATFORM_PROFILES: Readonly<Record<Platform, PlatformProfile>> = {
  facebook: {
    label: "Facebook",
    ctr: 1.0,
    cpc: 0.95,
    cvr: 3.4,
    engagementPerImpression: 0.025,
    frequency: 1.35,
    dailySpend: [180, 650],
    weekend: { spend: 1.08, ctr: 1.05, cvr: 0.95 },
    ages: [0.12, 0.24, 0.22, 0.18, 0.14, 0.1],
    genders: [0.52, 0.44, 0.04],
    clickSkew: [1.05, 1.05, 1, 1, 0.95, 0.9],
    conversionSkew: [0.8, 1, 1.1, 1.15, 1.1, 1],
  },
  instagram: {
    label: "Instagram",
    ctr: 0.9,
    cpc: 1.1,
    cvr: 3.0,
    engagementPerImpression: 0.04,
    frequency: 1.4,
    dailySpend: [150, 550],
    weekend: { spend: 1.15, ctr: 1.07, cvr: 0.95 },
    ages: [0.28, 0.34, 0.19, 0.1, 0.06, 0.03],
    genders: [0.55, 0.41, 0.04],
    clickSkew: [1.15, 1.1, 1, 0.9, 0.85, 0.8],
    conversionSkew: [0.8, 1, 1.1, 1.15, 1.1, 1],
  },
  tiktok: {
    label: "TikTok",
    ctr: 1.35,
    cpc: 0.7,
    cvr: 2.7,
    engagementPerImpression: 0.075,
    frequency: 1.5,
    dailySpend: [150, 500],
    weekend: { spend: 1.2, ctr: 1.08, cvr: 0.95 },
    ages: [0.38, 0.32, 0.15, 0.08, 0.05, 0.02],
    genders: [0.56, 0.4, 0.04],
    clickSkew: [1.2, 1.1, 1, 0.9, 0.8, 0.7],
    conversionSkew: [0.75, 1, 1.15, 1.2, 1.1, 1],
  },
  google: {
    label: "Google",
    ctr: 1.7,
    cpc: 1.35,
    cvr: 4.2,
    engagementPerImpression: 0.004,
    frequency: 1.2,
    dailySpend: [220, 800],
    weekend: { spend: 0.8, ctr: 0.97, cvr: 0.92 },
    ages: [0.14, 0.24, 0.22, 0.18, 0.13, 0.09],
    genders: [0.48, 0.47, 0.05],
    clickSkew: [1, 1, 1, 1, 1, 1],
    conversionSkew: [0.85, 1, 1.1, 1.1, 1.05, 1],
  },
  linkedin: {
    label: "LinkedIn",
    ctr: 0.65,
    cpc: 1.8,
    cvr: 2.6,
    engagementPerImpression: 0.015,
    frequency: 1.6,
    dailySpend: [200, 600],
    weekend: { spend: 0.45, ctr: 0.9, cvr: 0.85 },
    ages: [0.05, 0.25, 0.3, 0.23, 0.13, 0.04],
    genders: [0.44, 0.52, 0.04],
    clickSkew: [0.9, 1, 1.05, 1.05, 1, 0.9],
    conversionSkew: [0.7, 1, 1.15, 1.2, 1.1, 0.9],
  },
};

/** Multipliers by objective: awareness buys cheap reach, engagement buys interactions. */
export const TYPE_PROFILES: Readonly<
  Record<CampaignType, { ctr: number; cvr: number; engagement: number; frequency: number }>
> = {
  awareness: { ctr: 0.85, cvr: 0.85, engagement: 1, frequency: 0.9 },
  engagement: { ctr: 1.1, cvr: 0.9, engagement: 1.6, frequency: 1.05 },
  conversion: { ctr: 1, cvr: 1.15, engagement: 0.8, frequency: 1.15 },
};

/** How many campaigns of each type a platform gets (48 in all), as a marketing team would run. */
export const CAMPAIGN_MIX: Readonly<Record<Platform, Readonly<Record<CampaignType, number>>>> = {
  facebook: { conversion: 5, awareness: 3, engagement: 3 },
  instagram: { conversion: 3, awareness: 3, engagement: 4 },
  tiktok: { conversion: 2, awareness: 3, engagement: 4 },
  google: { conversion: 7, awareness: 2, engagement: 1 },
  linkedin: { conversion: 4, awareness: 2, engagement: 2 },
};

/**
 * Return on investment targets (0.5 = +50 %). Conversion campaigns walk a ladder so every seed
 * has clear winners (> 200 %) and losers (< 0); upper-funnel campaigns rarely pay back directly.
 */
export const CONVERSION_ROI_LADDER = [
  -0.45, 3.2, -0.3, 0.2, 2.6, 0.5, -0.1, 0.8, 3.8, 1.1, 1.5,
] as const;
export const UPPER_FUNNEL_ROI: Readonly<
  Record<"awareness" | "engagement", readonly [number, number]>
> = {
  awareness: [-0.9, -0.5],
  engagement: [-0.7, 0.3],
};
