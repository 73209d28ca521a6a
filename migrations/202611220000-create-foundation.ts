import { type Kysely, sql } from "kysely";

// Frozen in time: uses Kysely<any> and never imports application code, so later schema changes
// cannot rewrite history. Column types are chosen to behave the same on SQLite and PostgreSQL:
// days are ISO text, money is double precision, counts are 32-bit integers per day.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("tenants")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("timezone", "text", (c) => c.notNull().defaultTo("UTC"))
    .addColumn("currency", "text", (c) => c.notNull().defaultTo("USD"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("campaigns")
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("platform", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("end_date", "text")
    .addColumn("budget", "double precision", (c) => c.notNull().defaultTo(0))
    .addColumn("target_conversions", "integer")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("active"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("campaigns_pk", ["tenant_id", "id"])
    .addCheckConstraint(
      "campaigns_platform_check",
      sql`platform in ('facebook','instagram','tiktok','google','linkedin')`,
    )
    .addCheckConstraint(
      "campaigns_type_check",
      sql`type in ('awareness','engagement','conversion')`,
    )
    .addCheckConstraint(
      "campaigns_status_check",
      sql`status in ('active','paused','ended','draft')`,
    )
    .execute();
  await db.schema
    .createIndex("campaigns_tenant_name_idx")
    .on("campaigns")
    .columns(["tenant_id", "name"])
    .execute();
  await db.schema
    .createIndex("campaigns_tenant_platform_type_idx")
    .on("campaigns")
    .columns(["tenant_id", "platform", "type"])
    .execute();

  await db.schema
    .createTable("campaign_daily_metrics")
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("campaign_id", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("spend", "double precision", (c) => c.notNull().defaultTo(0))
    .addColumn("impressions", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("reach", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("clicks", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("engagements", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("conversions", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("revenue", "double precision", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("campaign_daily_metrics_pk", ["tenant_id", "campaign_id", "day"])
    .addForeignKeyConstraint(
      "campaign_daily_metrics_campaign_fk",
      ["tenant_id", "campaign_id"],
      "campaigns",
      ["tenant_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
  // Period queries ("all campaigns, last 90 days") read by day first; the index carries every
  // metric so SQLite answers from the index alone instead of visiting each table row.
  await db.schema
    .createIndex("campaign_daily_metrics_tenant_day_idx")
    .on("campaign_daily_metrics")
    .columns([
      "tenant_id",
      "day",
      "campaign_id",
      "spend",
      "impressions",
      "reach",
      "clicks",
      "engagements",
      "conversions",
      "revenue",
    ])
    .execute();

  // Pre-summed ISO weeks (Monday start) of campaign_daily_metrics, rewritten whenever a day in the
  // week changes: a 90-day sum reads ~13 rows per campaign instead of 90.
  await db.schema
    .createTable("campaign_weekly_metrics")
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("campaign_id", "text", (c) => c.notNull())
    .addColumn("week_start", "text", (c) => c.notNull())
    .addColumn("spend", "double precision", (c) => c.notNull().defaultTo(0))
    .addColumn("impressions", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("reach", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("clicks", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("engagements", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("conversions", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("revenue", "double precision", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("campaign_weekly_metrics_pk", [
      "tenant_id",
      "campaign_id",
      "week_start",
    ])
    .addForeignKeyConstraint(
      "campaign_weekly_metrics_campaign_fk",
      ["tenant_id", "campaign_id"],
      "campaigns",
      ["tenant_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("campaign_weekly_metrics_tenant_week_idx")
    .on("campaign_weekly_metrics")
    .columns([
      "tenant_id",
      "week_start",
      "campaign_id",
      "spend",
      "impressions",
      "reach",
      "clicks",
      "engagements",
      "conversions",
      "revenue",
    ])
    .execute();

  await db.schema
    .createTable("audience_daily_metrics")
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("campaign_id", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("gender", "text", (c) => c.notNull())
    .addColumn("age_group", "text", (c) => c.notNull())
    .addColumn("impressions", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("clicks", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("spend", "double precision", (c) => c.notNull().defaultTo(0))
    .addColumn("conversions", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("audience_daily_metrics_pk", [
      "tenant_id",
      "campaign_id",
      "day",
      "gender",
      "age_group",
    ])
    .addForeignKeyConstraint(
      "audience_daily_metrics_campaign_fk",
      ["tenant_id", "campaign_id"],
      "campaigns",
      ["tenant_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("audience_daily_metrics_tenant_day_idx")
    .on("audience_daily_metrics")
    .columns(["tenant_id", "day"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("audience_daily_metrics").execute();
  await db.schema.dropTable("campaign_weekly_metrics").execute();
  await db.schema.dropTable("campaign_daily_metrics").execute();
  await db.schema.dropTable("campaigns").execute();
  await db.schema.dropTable("tenants").execute();
}
