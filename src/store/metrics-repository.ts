import { type ExpressionBuilder, type Kysely, type RawBuilder, sql } from "kysely";
import { addDays, startOfIsoWeek } from "../core/days";
import { TOTAL_NAMES } from "../core/kpis";
import { splitIntoWeeks } from "../core/week-split";
import type {
  AgeGroup,
  AudienceRow,
  DailyMetricRow,
  Database,
  Gender,
  MetricTotals,
} from "./schema";

/** Inclusive day range, ISO dates. */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * Which campaigns to read. Platform and type filters are resolved to ids by the caller (it lists
 * the campaigns anyway to name them), which keeps every metrics query a single-table range scan.
 */
export interface MetricsScope {
  campaignIds?: readonly string[];
}

export type CampaignTotalsRow = MetricTotals & { campaign_id: string };
export type DayTotalsRow = MetricTotals & { day: string };
export type AudienceTotalsRow = {
  gender: Gender;
  age_group: AgeGroup;
  impressions: number;
  clicks: number;
  spend: number;
  conversions: number;
};

const INSERT_CHUNK = 500;

/** The campaign metric columns: the seven totals of the KPI contract. */
const METRIC_COLUMNS = TOTAL_NAMES;

type MetricsEb = ExpressionBuilder<Database, "campaign_daily_metrics">;

/** `ON CONFLICT … DO UPDATE SET` of every campaign metric to the incoming row's value. */
const REPLACE_METRICS = Object.fromEntries(
  METRIC_COLUMNS.map((column) => [column, sql<number>`excluded.${sql.ref(column)}`]),
) as Record<(typeof METRIC_COLUMNS)[number], RawBuilder<number>>;

function sumAll(eb: MetricsEb) {
  return [
    eb.fn.sum<number>("spend").as("spend"),
    eb.fn.sum<number>("impressions").as("impressions"),
    eb.fn.sum<number>("reach").as("reach"),
    eb.fn.sum<number>("clicks").as("clicks"),
    eb.fn.sum<number>("engagements").as("engagements"),
    eb.fn.sum<number>("conversions").as("conversions"),
    eb.fn.sum<number>("revenue").as("revenue"),
  ];
}

function toTotals<T extends Record<string, unknown>>(row: T): T & MetricTotals {
  const n = (v: unknown) => Number(v ?? 0);
  return {
    ...row,
    spend: n(row.spend),
    impressions: n(row.impressions),
    reach: n(row.reach),
    clicks: n(row.clicks),
    engagements: n(row.engagements),
    conversions: n(row.conversions),
    revenue: n(row.revenue),
  };
}

export class MetricsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private daily(tenantId: string, range: DayRange, scope: MetricsScope) {
    let query = this.db
      .selectFrom("campaign_daily_metrics")
      .where("tenant_id", "=", tenantId)
      .where("day", ">=", range.from)
      .where("day", "<=", range.to);
    if (scope.campaignIds) {
      // An empty scope must match nothing, not everything.
      query = query.where("campaign_id", "in", scope.campaignIds.length ? scope.campaignIds : [""]);
    }
    return query;
  }

  /**
   * Sums per campaign over the range (campaigns with no rows are absent). Whole ISO weeks come from
   * the weekly rollup and only the edge days from the daily table: a 90-day period over 2,000
   * campaigns reads ~50k rows instead of 180k.
   */
  async totalsByCampaign(
    tenantId: string,
    range: DayRange,
    scope: MetricsScope = {},
  ): Promise<CampaignTotalsRow[]> {
    const union = this.periodRows(tenantId, range, scope);
    if (!union) return [];
    const rows = await this.db
      .selectFrom(union.as("u"))
      .select((eb) => [
        "u.campaign_id",
        ...METRIC_COLUMNS.map((c) => eb.fn.sum<number>(`u.${c}`).as(c)),
      ])
      .groupBy("u.campaign_id")
      .execute();
    return rows.map((r) => toTotals(r) as CampaignTotalsRow);
  }

  /** One set of sums over the range and scope (zeros when nothing was delivered). */
  async totals(tenantId: string, range: DayRange, scope: MetricsScope = {}): Promise<MetricTotals> {
    const union = this.periodRows(tenantId, range, scope);
    if (!union) return toTotals({});
    const row = await this.db
      .selectFrom(union.as("u"))
      .select((eb) => METRIC_COLUMNS.map((c) => eb.fn.sum<number>(`u.${c}`).as(c)))
      .executeTakeFirst();
    return toTotals(row ?? {});
  }

  /** The rows that add up to a period: rollup weeks plus loose edge days, or undefined if empty. */
  private periodRows(tenantId: string, range: DayRange, scope: MetricsScope) {
    const split = splitIntoWeeks(range.from, range.to);
    const ids = scope.campaignIds && (scope.campaignIds.length ? scope.campaignIds : [""]);
    const parts = [];
    if (split.weeks) {
      let weeks = this.db
        .selectFrom("campaign_weekly_metrics")
        .select(["campaign_id", ...METRIC_COLUMNS])
        .where("tenant_id", "=", tenantId)
        .where("week_start", ">=", split.weeks.first)
        .where("week_start", "<=", split.weeks.last);
      if (ids) weeks = weeks.where("campaign_id", "in", ids);
      parts.push(weeks);
    }
    for (const loose of split.loose) {
      let days = this.db
        .selectFrom("campaign_daily_metrics")
        .select(["campaign_id", ...METRIC_COLUMNS])
        .where("tenant_id", "=", tenantId)
        .where("day", ">=", loose.from)
        .where("day", "<=", loose.to);
      if (ids) days = days.where("campaign_id", "in", ids);
      parts.push(days);
    }
    const [first, ...rest] = parts;
    return first && rest.reduce((acc, part) => acc.unionAll(part), first);
  }

  /** Sums per day over the range, ordered by day (days with no rows are absent). */
  async totalsByDay(
    tenantId: string,
    range: DayRange,
    scope: MetricsScope = {},
  ): Promise<DayTotalsRow[]> {
    const rows = await this.daily(tenantId, range, scope)
      .select((eb) => ["day", ...sumAll(eb)])
      .groupBy("day")
      .orderBy("day")
      .execute();
    return rows.map((r) => toTotals(r) as DayTotalsRow);
  }

  /**
   * The daily rows themselves, per campaign and day (budget curves are fitted on them), ordered by
   * campaign then day.
   */
  async dailyRows(
    tenantId: string,
    range: DayRange,
    scope: MetricsScope = {},
  ): Promise<DailyMetricRow[]> {
    const rows = await this.daily(tenantId, range, scope)
      .selectAll()
      .orderBy("campaign_id")
      .orderBy("day")
      .execute();
    return rows.map((r) => toTotals(r) as DailyMetricRow);
  }

  /** Sums per (gender, age group) over the range. */
  async audienceTotals(
    tenantId: string,
    range: DayRange,
    scope: MetricsScope = {},
  ): Promise<AudienceTotalsRow[]> {
    let query = this.db
      .selectFrom("audience_daily_metrics")
      .where("tenant_id", "=", tenantId)
      .where("day", ">=", range.from)
      .where("day", "<=", range.to);
    if (scope.campaignIds) {
      query = query.where("campaign_id", "in", scope.campaignIds.length ? scope.campaignIds : [""]);
    }
    const rows = await query
      .select((eb) => [
        "gender",
        "age_group",
        eb.fn.sum<number>("impressions").as("impressions"),
        eb.fn.sum<number>("clicks").as("clicks"),
        eb.fn.sum<number>("spend").as("spend"),
        eb.fn.sum<number>("conversions").as("conversions"),
      ])
      .groupBy(["gender", "age_group"])
      .execute();
    return rows.map((r) => ({
      gender: r.gender,
      age_group: r.age_group,
      impressions: Number(r.impressions),
      clicks: Number(r.clicks),
      spend: Number(r.spend),
      conversions: Number(r.conversions),
    }));
  }

  /** First and last day with data, or undefined for an empty tenant. */
  async dataRange(tenantId: string): Promise<DayRange | undefined> {
    const row = await this.db
      .selectFrom("campaign_daily_metrics")
      .select((eb) => [eb.fn.min("day").as("from"), eb.fn.max("day").as("to")])
      .where("tenant_id", "=", tenantId)
      .executeTakeFirst();
    return row?.from && row.to ? { from: String(row.from), to: String(row.to) } : undefined;
  }

  /**
   * Inserts or replaces daily rows by (tenant, campaign, day) and rewrites the weekly sums of every
   * week touched, in one transaction (joining the caller's when there is one).
   */
  async upsertDaily(rows: readonly DailyMetricRow[]): Promise<void> {
    if (!this.db.isTransaction) {
      await this.db.transaction().execute((trx) => new MetricsRepository(trx).upsertDaily(rows));
      return;
    }
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await this.db
        .insertInto("campaign_daily_metrics")
        .values(rows.slice(i, i + INSERT_CHUNK))
        .onConflict((oc) =>
          oc.columns(["tenant_id", "campaign_id", "day"]).doUpdateSet(REPLACE_METRICS),
        )
        .execute();
    }
    const weeks = new Map<string, Set<string>>();
    for (const row of rows) {
      const set = weeks.get(row.tenant_id) ?? new Set<string>();
      set.add(startOfIsoWeek(row.day));
      weeks.set(row.tenant_id, set);
    }
    for (const [tenantId, starts] of weeks) {
      for (const week of starts) await this.refreshWeek(tenantId, week);
    }
  }

  /**
   * Recomputes one tenant-week of the weekly rollup from the daily rows — for every campaign, or
   * only `campaignIds` (the CSV import refreshes just the campaigns a file touched).
   */
  async refreshWeek(
    tenantId: string,
    weekStart: string,
    campaignIds?: readonly string[],
  ): Promise<void> {
    await this.db
      .insertInto("campaign_weekly_metrics")
      .columns(["tenant_id", "campaign_id", "week_start", ...METRIC_COLUMNS])
      .expression(
        this.db
          .selectFrom("campaign_daily_metrics")
          .select((eb) => [
            "tenant_id",
            "campaign_id",
            sql<string>`${weekStart}`.as("week_start"),
            ...sumAll(eb),
          ])
          .where("tenant_id", "=", tenantId)
          .$if(campaignIds !== undefined, (qb) =>
            qb.where("campaign_id", "in", campaignIds as readonly string[]),
          )
          .where("day", ">=", weekStart)
          .where("day", "<=", addDays(weekStart, 6))
          .groupBy(["tenant_id", "campaign_id"]),
      )
      .onConflict((oc) =>
        oc.columns(["tenant_id", "campaign_id", "week_start"]).doUpdateSet(REPLACE_METRICS),
      )
      .execute();
  }

  /** Inserts or replaces audience rows by (tenant, campaign, day, gender, age group). */
  async upsertAudience(rows: readonly AudienceRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await this.db
        .insertInto("audience_daily_metrics")
        .values(rows.slice(i, i + INSERT_CHUNK))
        .onConflict((oc) =>
          oc.columns(["tenant_id", "campaign_id", "day", "gender", "age_group"]).doUpdateSet({
            impressions: sql`excluded.impressions`,
            clicks: sql`excluded.clicks`,
            spend: sql`excluded.spend`,
            conversions: sql`excluded.conversions`,
          }),
        )
        .execute();
    }
  }
}
