import { type Kysely, sql } from "kysely";

// Frozen in time: uses Kysely<any> and never imports application code. Same conventions as the
// foundation: days are ISO text, instants are ISO text in UTC written exactly as
// `YYYY-MM-DDTHH:MM:SS.sssZ` (JavaScript's toISOString), so text order is time order on SQLite
// and PostgreSQL alike; money is double precision.

const ISO_INSTANT = "____-__-__T__:__:__.___Z";
const ISO_DAY = "____-__-__";

export async function up(db: Kysely<any>): Promise<void> {
  // Event-level journeys: one row per touch. A journey's touches share journey_id; the touch at
  // which it converted has is_conversion = 1 and carries the conversion value.
  await db.schema
    .createTable("journey_touchpoints")
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("journey_id", "text", (c) => c.notNull())
    .addColumn("touched_at", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("campaign_id", "text")
    .addColumn("is_conversion", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("conversion_value", "double precision", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("journey_touchpoints_pk", [
      "tenant_id",
      "journey_id",
      "touched_at",
      "channel",
    ])
    .addCheckConstraint("journey_touchpoints_conversion_check", sql`is_conversion in (0, 1)`)
    .addCheckConstraint(
      "journey_touchpoints_touched_at_check",
      sql`touched_at like ${sql.lit(ISO_INSTANT)}`,
    )
    .addCheckConstraint("journey_touchpoints_channel_check", sql`channel <> ''`)
    .execute();
  // Period queries find the journeys with a touch in a time range first.
  await db.schema
    .createIndex("journey_touchpoints_tenant_time_idx")
    .on("journey_touchpoints")
    .columns(["tenant_id", "touched_at"])
    .execute();

  // Path-level aggregates, as attribution exports give them: one row per distinct path and export
  // day, e.g. "facebook > email > google" with its conversions, value and non-converting count.
  await db.schema
    .createTable("journey_paths")
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("path", "text", (c) => c.notNull())
    .addColumn("conversions", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("conversion_value", "double precision", (c) => c.notNull().defaultTo(0))
    .addColumn("nulls", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("journey_paths_pk", ["tenant_id", "day", "path"])
    .addCheckConstraint("journey_paths_day_check", sql`day like ${sql.lit(ISO_DAY)}`)
    .addCheckConstraint("journey_paths_path_check", sql`path <> ''`)
    .addCheckConstraint("journey_paths_counts_check", sql`conversions >= 0 and nulls >= 0`)
    .execute();

  await db.schema
    .createTable("influencers")
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("platform", "text", (c) => c.notNull())
    .addColumn("handle", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("followers", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("tier", "text", (c) => c.notNull())
    .addColumn("cost_per_post", "double precision", (c) => c.notNull().defaultTo(0))
    .addColumn("fake_follower_share", "double precision", (c) => c.notNull().defaultTo(0))
    .addColumn("brand_fit", "double precision", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("influencers_pk", ["tenant_id", "platform", "handle"])
    .addCheckConstraint(
      "influencers_tier_check",
      sql`tier in ('nano', 'micro', 'mid', 'macro', 'mega')`,
    )
    .addCheckConstraint(
      "influencers_shares_check",
      sql`fake_follower_share >= 0 and fake_follower_share <= 1 and brand_fit >= 0 and brand_fit <= 1`,
    )
    .addCheckConstraint("influencers_counts_check", sql`followers >= 0 and cost_per_post >= 0`)
    .addCheckConstraint("influencers_handle_check", sql`handle <> ''`)
    .execute();

  // Social posts (influencers' and the brand's own); author_handle joins influencers on
  // (tenant_id, platform, author_handle) when the author is a tracked influencer.
  await db.schema
    .createTable("posts")
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("platform", "text", (c) => c.notNull())
    .addColumn("author_handle", "text", (c) => c.notNull())
    .addColumn("posted_at", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("category", "text")
    .addColumn("hashtags", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("impressions", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("reach", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("likes", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("comments", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("shares", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("saves", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("clicks", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("conversions", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("revenue", "double precision", (c) => c.notNull().defaultTo(0))
    .addColumn("cost", "double precision")
    .addPrimaryKeyConstraint("posts_pk", ["tenant_id", "id"])
    .addCheckConstraint("posts_posted_at_check", sql`posted_at like ${sql.lit(ISO_INSTANT)}`)
    .addCheckConstraint(
      "posts_counts_check",
      sql`impressions >= 0 and reach >= 0 and likes >= 0 and comments >= 0 and shares >= 0 and saves >= 0 and clicks >= 0 and conversions >= 0`,
    )
    .execute();
  await db.schema
    .createIndex("posts_tenant_posted_at_idx")
    .on("posts")
    .columns(["tenant_id", "posted_at"])
    .execute();

  // Per-tenant weights of the influencer score; a tenant without a row uses the defaults.
  await db.schema
    .createTable("influencer_score_weights")
    .addColumn("tenant_id", "text", (c) =>
      c.primaryKey().references("tenants.id").onDelete("cascade"),
    )
    .addColumn("engagement", "double precision", (c) => c.notNull())
    .addColumn("authenticity", "double precision", (c) => c.notNull())
    .addColumn("conversion", "double precision", (c) => c.notNull())
    .addColumn("roi", "double precision", (c) => c.notNull())
    .addColumn("brand", "double precision", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addCheckConstraint(
      "influencer_score_weights_check",
      sql`engagement >= 0 and authenticity >= 0 and conversion >= 0 and roi >= 0 and brand >= 0 and engagement + authenticity + conversion + roi + brand > 0`,
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("influencer_score_weights").execute();
  await db.schema.dropTable("posts").execute();
  await db.schema.dropTable("influencers").execute();
  await db.schema.dropTable("journey_paths").execute();
  await db.schema.dropTable("journey_touchpoints").execute();
}
