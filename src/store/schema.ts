import type { Insertable, Selectable } from "kysely";

/**
 * The store's tables as the application sees them. Migrations in migrations/ create them and are
 * frozen in time; this file follows the latest migration. Every table is tenant-scoped.
 *
 * Days are ISO strings (`YYYY-MM-DD`) in the tenant's timezone: they sort, compare and group the
 * same way on SQLite and PostgreSQL. Money is a plain number in the tenant's currency.
 */
export interface Database {
  tenants: TenantsTable;
  campaigns: CampaignsTable;
  campaign_daily_metrics: CampaignDailyMetricsTable;
  campaign_weekly_metrics: CampaignWeeklyMetricsTable;
  audience_daily_metrics: AudienceDailyMetricsTable;
}

export const PLATFORMS = ["facebook", "instagram", "tiktok", "google", "linkedin"] as const;
export type Platform = (typeof PLATFORMS)[number];

export const CAMPAIGN_TYPES = ["awareness", "engagement", "conversion"] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

export const CAMPAIGN_STATUSES = ["active", "paused", "ended", "draft"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const GENDERS = ["female", "male", "unknown"] as const;
export type Gender = (typeof GENDERS)[number];

export const AGE_GROUPS = ["18-24", "25-34", "35-44", "45-54", "55-64", "65+"] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export interface TenantsTable {
  /** `slack:T…`, `discord:<guild>` or `local`. */
  id: string;
  name: string;
  /** IANA zone, e.g. `Europe/Paris`. */
  timezone: string;
  /** ISO 4217 code, e.g. `USD`. */
  currency: string;
  created_at: string;
}

export interface CampaignsTable {
  tenant_id: string;
  /** The tenant's own id for the campaign (from the ad platform export, or generated). */
  id: string;
  name: string;
  platform: Platform;
  type: CampaignType;
  start_date: string;
  /** Null while open-ended. */
  end_date: string | null;
  /** Total budget for the campaign's flight, in the tenant's currency. */
  budget: number;
  target_conversions: number | null;
  status: CampaignStatus;
  created_at: string;
  updated_at: string;
}

/** Shared by campaign_daily_metrics rows and every aggregate over them. */
export interface MetricTotals {
  spend: number;
  impressions: number;
  reach: number;
  clicks: number;
  engagements: number;
  conversions: number;
  revenue: number;
}

export interface CampaignDailyMetricsTable extends MetricTotals {
  tenant_id: string;
  campaign_id: string;
  day: string;
}

/** ISO-week sums of campaign_daily_metrics, kept in step by the metrics repository. */
export interface CampaignWeeklyMetricsTable extends MetricTotals {
  tenant_id: string;
  campaign_id: string;
  /** The Monday starting the week. */
  week_start: string;
}

export interface AudienceDailyMetricsTable {
  tenant_id: string;
  campaign_id: string;
  day: string;
  gender: Gender;
  age_group: AgeGroup;
  impressions: number;
  clicks: number;
  spend: number;
  conversions: number;
}

export type Tenant = Selectable<TenantsTable>;
export type Campaign = Selectable<CampaignsTable>;
export type NewCampaign = Insertable<CampaignsTable>;
export type DailyMetricRow = Selectable<CampaignDailyMetricsTable>;
export type AudienceRow = Selectable<AudienceDailyMetricsTable>;
