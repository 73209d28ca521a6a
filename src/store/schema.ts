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

// ── Journeys, influencers and posts (migration 202611220100-create-journeys-and-influencers) ──
// Declared as an extension of `Database` (interface merging) so the tables above stay untouched.

export interface Database {
  journey_touchpoints: JourneyTouchpointsTable;
  journey_paths: JourneyPathsTable;
  influencers: InfluencersTable;
  posts: PostsTable;
  influencer_score_weights: InfluencerScoreWeightsTable;
}

/**
 * Event-level journeys, one row per touch. A journey's touches share `journey_id`; the touch at
 * which it converted has `is_conversion` 1 and the conversion value. Periods select journeys by
 * when they ended (their last conversion, else their last touch).
 */
export interface JourneyTouchpointsTable {
  tenant_id: string;
  /** The tenant's id for the journey (user or session id from the analytics export). */
  journey_id: string;
  /** UTC instant written exactly as `YYYY-MM-DDTHH:MM:SS.sssZ` (`Date.toISOString()`). */
  touched_at: string;
  /** Normalised channel name (`normalizeChannel`: lower case, spaces as `_`), e.g. `organic_search`. */
  channel: string;
  /** The campaign behind the touch, when known (not enforced: journeys can predate imports). */
  campaign_id: string | null;
  /** 0 or 1. */
  is_conversion: number;
  /** Value of the conversion at this touch; 0 on other touches. */
  conversion_value: number;
}

/**
 * Path-level aggregates (attribution exports): per export day, each distinct path with its
 * conversions, value and non-converting journeys. Rows of different days are added up, so each
 * day should hold the journeys that ended that day (re-importing a day replaces its rows).
 */
export interface JourneyPathsTable {
  tenant_id: string;
  /** The as-of day of the export, `YYYY-MM-DD`. */
  day: string;
  /** Normalised path text (`normalizePath`), e.g. `facebook > email > google`. */
  path: string;
  conversions: number;
  conversion_value: number;
  /** Journeys on this path that did not convert. */
  nulls: number;
}

export interface InfluencersTable {
  tenant_id: string;
  /** Where they post: `instagram`, `tiktok`, … (lower case). */
  platform: string;
  /** Without the `@`, lower case. */
  handle: string;
  name: string;
  followers: number;
  /** `tierForFollowers(followers)`: nano, micro, mid, macro or mega. */
  tier: string;
  /** Agreed fee per post, in the tenant's currency (used when a post's own cost is unknown). */
  cost_per_post: number;
  /** Share of followers judged fake by an audit tool, 0–1. */
  fake_follower_share: number;
  /** How well their content fits the brand, 0–1 (set by the marketing team). */
  brand_fit: number;
}

export interface PostsTable {
  tenant_id: string;
  id: string;
  platform: string;
  /** Joins `influencers.handle` (with the platform) when the author is a tracked influencer. */
  author_handle: string;
  /** UTC instant, `YYYY-MM-DDTHH:MM:SS.sssZ`. */
  posted_at: string;
  /** `reel`, `video`, `carousel`, `image`, `story`, `article`, … */
  content_type: string;
  category: string | null;
  /** Space-separated, lower case, without `#`: `skincare summerglow ad`. */
  hashtags: string;
  impressions: number;
  reach: number;
  likes: number;
  comments: number;
  shares: number;
  saves: number;
  clicks: number;
  conversions: number;
  revenue: number;
  /** What the post cost; null when unknown (the influencer's cost_per_post applies). */
  cost: number | null;
}

/** A tenant's influencer score weights; tenants without a row use DEFAULT_SCORE_WEIGHTS. */
export interface InfluencerScoreWeightsTable {
  tenant_id: string;
  engagement: number;
  authenticity: number;
  conversion: number;
  roi: number;
  brand: number;
  updated_at: string;
  /** Who set them (platform-qualified user id). */
  updated_by: string;
}

export type JourneyTouchpoint = Selectable<JourneyTouchpointsTable>;
export type JourneyPathRow = Selectable<JourneyPathsTable>;
export type Influencer = Selectable<InfluencersTable>;
export type Post = Selectable<PostsTable>;
export type InfluencerScoreWeightsRow = Selectable<InfluencerScoreWeightsTable>;

// ---- Scheduled digests and alerts (migration 202611220300) ----------------------------------

/** Tables of the scheduler: subscriptions, the run/delivery ledger, alert rules and incidents. */
export interface Database {
  subscriptions: SubscriptionsTable;
  job_runs: JobRunsTable;
  deliveries: DeliveriesTable;
  alert_rules: AlertRulesTable;
  alert_incidents: AlertIncidentsTable;
}

/** Where a subscription or alert posts (a chat platform adapter). */
export type ChannelPlatform = "slack" | "discord" | "console";

export interface SubscriptionsTable {
  /** `dg-…`: short, typed by people in `digest pause <id>`. */
  id: string;
  tenant_id: string;
  /** What is posted; `digest` for now (other scheduled posts reuse the table). */
  kind: string;
  platform: ChannelPlatform;
  /** The channel as its platform names it (Slack `C…`, a Discord channel snowflake, `console`). */
  channel_id: string;
  /** Who subscribed, platform-qualified (`slack:U123`); told privately when a delivery fails. */
  owner_id: string;
  cadence: "daily" | "weekly" | "monthly";
  /** Local `HH:MM`. */
  time: string;
  /** weekly: ISO weekday (1 = Monday); monthly: day of month; null for daily. */
  day: number | null;
  /** IANA zone. */
  timezone: string;
  /** JSON of {@link SubscriptionOptions}. */
  options: string;
  late_policy: "skip" | "once";
  /** 0 or 1 (SQLite has no boolean). */
  paused: number;
  /** Slots before this instant never run (creation, resume, reschedule). */
  active_from: string;
  created_at: string;
  updated_at: string;
}

/** Report options of a digest subscription, stored as JSON. */
export interface SubscriptionOptions {
  platform?: Platform;
  type?: CampaignType;
  /** Metric ranking top/bottom campaigns (default `roi`). */
  metric?: string;
}

export type JobRunStatus = "claimed" | "prepared" | "done" | "skipped";
export type JobRunOutcome = "sent" | "partial" | "failed" | "nothing" | "cancelled";

export interface JobRunsTable {
  /** `<job>:<subject id>:<scheduled_for ISO>`, unique: inserting it is claiming the slot. */
  run_key: string;
  job: string;
  tenant_id: string;
  /** The subscription or alert rule the slot belongs to. */
  subject_id: string;
  /** The slot, ISO-8601 UTC. */
  scheduled_for: string;
  /** 0/1: run after its time (downtime) and marked late. */
  late: number;
  /** Earlier slots collapsed into this one by the late policy. */
  missed: number;
  status: JobRunStatus;
  outcome: JobRunOutcome | null;
  /** `host:pid:token` of the process running it. */
  claimed_by: string;
  claimed_at: string;
  heartbeat_at: string;
  takeovers: number;
  finished_at: string | null;
}

export type DeliveryStatus = "pending" | "sent" | "failed";

export interface DeliveriesTable {
  id: string;
  run_key: string;
  tenant_id: string;
  platform: ChannelPlatform;
  channel_id: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  platform_message_id: string | null;
  sent_at: string | null;
  /** 0/1: the subscription's owner was told it failed. */
  owner_notified: number;
  created_at: string;
  updated_at: string;
}

export interface AlertRulesTable {
  /** `al-…`. */
  id: string;
  tenant_id: string;
  platform: ChannelPlatform;
  channel_id: string;
  owner_id: string;
  kind: "threshold" | "anomaly";
  /** Threshold rules: the metric; null for anomaly rules (they watch several). */
  metric: string | null;
  op: ">" | ">=" | "<" | "<=" | null;
  value: number | null;
  /** Days the metric is computed over, ending with the last complete day. */
  window_days: number;
  /** JSON of {@link AlertScope}. */
  scope: string;
  paused: number;
  created_at: string;
}

/** Which campaigns an alert rule watches, stored as JSON. */
export interface AlertScope {
  platform?: Platform;
  type?: CampaignType;
  campaign_id?: string;
  campaign_name?: string;
}

export interface AlertIncidentsTable {
  id: string;
  tenant_id: string;
  rule_id: string;
  /** The metric breached. */
  key: string;
  status: "open" | "resolved";
  day: string;
  last_day: string;
  value: number | null;
  expected: number | null;
  score: number | null;
  opened_at: string;
  last_seen_at: string;
  resolved_at: string | null;
  resolved_value: number | null;
  opened_run_key: string | null;
  resolved_run_key: string | null;
  resolve_notified: number;
}

export type Subscription = Selectable<SubscriptionsTable>;
export type NewSubscription = Insertable<SubscriptionsTable>;
export type JobRun = Selectable<JobRunsTable>;
export type DeliveryRow = Selectable<DeliveriesTable>;
export type AlertRule = Selectable<AlertRulesTable>;
export type NewAlertRule = Insertable<AlertRulesTable>;
export type AlertIncident = Selectable<AlertIncidentsTable>;

// ── Roles, audit log and app users (migration 202611220200-create-roles-and-app-users) ──

export interface Database {
  member_roles: MemberRolesTable;
  audit_log: AuditLogTable;
  app_users: AppUsersTable;
  user_events: UserEventsTable;
}

/** Roles a member can be granted in a tenant (bootstrap managers come from ADPULSE_MANAGERS). */
export const MEMBER_ROLES = ["manager", "importer"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface MemberRolesTable {
  tenant_id: string;
  /** Platform-qualified: `slack:U123`, `discord:456`, `local:alice`. */
  user_id: string;
  role: MemberRole;
  granted_by: string;
  granted_at: string;
}

/** Append-only: privileged actions (grants, imports, budget decisions). Never updated. */
export interface AuditLogTable {
  /** A UUID. */
  id: string;
  tenant_id: string;
  /** UTC instant, `YYYY-MM-DDTHH:MM:SS.sssZ`. */
  at: string;
  /** Who did it, platform-qualified. */
  actor: string;
  /** Dotted verb, e.g. `role.grant`, `import.campaigns`. */
  action: string;
  /** What it was done to: a user id, a file name, a recommendation id. */
  subject: string;
  /** JSON object text. */
  details: string;
}

export const APP_USER_GENDERS = ["female", "male", "other", "unknown"] as const;
export type AppUserGender = (typeof APP_USER_GENDERS)[number];
export const APP_USER_AGE_GROUPS = [...AGE_GROUPS, "unknown"] as const;
export type AppUserAgeGroup = (typeof APP_USER_AGE_GROUPS)[number];

/** Members of the app's loyalty programme. */
export interface AppUsersTable {
  tenant_id: string;
  id: string;
  /** `YYYY-MM-DD`, null when unknown. */
  signup_date: string | null;
  gender: AppUserGender;
  age_group: AppUserAgeGroup;
  /** Free-form, lower case (`gold`, `new`, …); null when unknown. */
  segment: string | null;
}

/** Loyalty activity: one row per (user, instant, event type). */
export interface UserEventsTable {
  tenant_id: string;
  user_id: string;
  /** UTC instant, `YYYY-MM-DDTHH:MM:SS.sssZ`. */
  occurred_at: string;
  /** Lower case, spaces as `_`: `purchase`, `offer_viewed`, `redeem`. */
  event_type: string;
  points_earned: number;
  points_redeemed: number;
}

export type MemberRoleRow = Selectable<MemberRolesTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type AppUser = Selectable<AppUsersTable>;
export type UserEvent = Selectable<UserEventsTable>;

// ── Budget recommendations (migration 202611220400-create-budget-recommendations) ──

export interface Database {
  budget_recommendations: BudgetRecommendationsTable;
  budget_changes: BudgetChangesTable;
}

export const RECOMMENDATION_STATUSES = [
  "pending",
  "approved",
  "rejected",
  "expired",
  "superseded",
] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/**
 * One proposed budget move, posted with Approve / Reject buttons. Leaves `pending` exactly once
 * (a conditional update); `approved` ones changed the stored budgets (see budget_changes).
 */
export interface BudgetRecommendationsTable {
  /** `br-…`: the button value points here; everything else is read from this row. */
  id: string;
  tenant_id: string;
  /** Recommendations posted in one message share it. */
  batch_id: string;
  /** Order within the batch, from 1. */
  position: number;
  created_at: string;
  /** Approvals after this instant are refused. */
  expires_at: string;
  /** Who asked (platform-qualified); null when the weekly job posted it. May not approve it. */
  requested_by: string | null;
  goal: "revenue" | "conversions";
  from_campaign: string;
  to_campaign: string;
  /** Budget moved, in the tenant's currency (spend over the next 7 days). */
  amount: number;
  /** Expected extra return over the horizon, in the goal's unit, with its bootstrap range. */
  expected_gain: number;
  gain_low: number | null;
  gain_high: number | null;
  from_marginal: number;
  to_marginal: number;
  /** The giving campaign's budget may not drop below this when the move is applied. */
  budget_floor: number;
  /** One sentence. */
  reason: string;
  /** JSON: the rest of the batch's message (same on every row of a batch). */
  batch_summary: string;
  status: RecommendationStatus;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  /** Why it left `pending` without a decision: superseded, budgets changed, expired. */
  status_note: string | null;
  /** Where it was posted (learnt from the first click): platform, channel, message ts / id. */
  message_platform: string | null;
  message_channel: string | null;
  message_id: string | null;
}

/** Append-only: one row per campaign budget an approved recommendation changed. */
export interface BudgetChangesTable {
  id: string;
  tenant_id: string;
  recommendation_id: string;
  campaign_id: string;
  before: number;
  after: number;
  changed_by: string;
  changed_at: string;
}

export type BudgetRecommendation = Selectable<BudgetRecommendationsTable>;
export type NewBudgetRecommendation = Insertable<BudgetRecommendationsTable>;
export type BudgetChange = Selectable<BudgetChangesTable>;
