import { type Kysely, sql } from "kysely";

// Frozen in time: Kysely<any>, no application imports. Scheduled digests and alerts.
//
// How replicas agree: a slot (job + subject + scheduled-for instant) is claimed by inserting its
// run_key into job_runs with ON CONFLICT DO NOTHING; whoever inserted the row runs it. Each channel
// post of a run is one deliveries row (unique per run and channel) moving pending → sent | failed,
// so a resumed run posts only what is still pending. Booleans are 0/1 integers (SQLite has none).
// Instants are ISO-8601 UTC text (`2026-11-23T08:00:00.000Z`): they sort as text on both engines.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("subscriptions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    // What is posted: `digest` now; later kinds (weekly budget posts) reuse the same scheduling.
    .addColumn("kind", "text", (c) => c.notNull().defaultTo("digest"))
    .addColumn("platform", "text", (c) => c.notNull())
    .addColumn("channel_id", "text", (c) => c.notNull())
    .addColumn("owner_id", "text", (c) => c.notNull())
    .addColumn("cadence", "text", (c) => c.notNull())
    .addColumn("time", "text", (c) => c.notNull())
    // weekly: ISO weekday (1 = Monday); monthly: day of month; null for daily.
    .addColumn("day", "integer")
    .addColumn("timezone", "text", (c) => c.notNull())
    .addColumn("options", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("late_policy", "text", (c) => c.notNull().defaultTo("once"))
    .addColumn("paused", "integer", (c) => c.notNull().defaultTo(0))
    // Slots before this instant never run (set on creation, on resume and on reschedule).
    .addColumn("active_from", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint(
      "subscriptions_platform_check",
      sql`platform in ('slack','discord','console')`,
    )
    .addCheckConstraint("subscriptions_cadence_check", sql`cadence in ('daily','weekly','monthly')`)
    .addCheckConstraint("subscriptions_late_policy_check", sql`late_policy in ('skip','once')`)
    .addCheckConstraint("subscriptions_paused_check", sql`paused in (0, 1)`)
    .execute();
  await db.schema
    .createIndex("subscriptions_tenant_channel_idx")
    .on("subscriptions")
    .columns(["tenant_id", "channel_id"])
    .execute();
  await db.schema
    .createIndex("subscriptions_kind_paused_idx")
    .on("subscriptions")
    .columns(["kind", "paused", "platform"])
    .execute();

  await db.schema
    .createTable("job_runs")
    // `<job>:<subject id>:<scheduled_for ISO>`: the unique key replicas race to insert.
    .addColumn("run_key", "text", (c) => c.primaryKey())
    .addColumn("job", "text", (c) => c.notNull())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    // The subscription (or alert rule) the slot belongs to. No foreign key: history outlives it.
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("scheduled_for", "text", (c) => c.notNull())
    .addColumn("late", "integer", (c) => c.notNull().defaultTo(0))
    // Earlier slots collapsed into this one by the late policy (never posted).
    .addColumn("missed", "integer", (c) => c.notNull().defaultTo(0))
    // claimed → prepared (delivery rows written) → done; or skipped.
    .addColumn("status", "text", (c) => c.notNull())
    // sent | partial | failed | nothing | cancelled, once done.
    .addColumn("outcome", "text")
    .addColumn("claimed_by", "text", (c) => c.notNull())
    .addColumn("claimed_at", "text", (c) => c.notNull())
    .addColumn("heartbeat_at", "text", (c) => c.notNull())
    // How many times another process took the run over from a dead or silent one.
    .addColumn("takeovers", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("finished_at", "text")
    .addCheckConstraint(
      "job_runs_status_check",
      sql`status in ('claimed','prepared','done','skipped')`,
    )
    .execute();
  await db.schema
    .createIndex("job_runs_job_subject_slot_idx")
    .on("job_runs")
    .columns(["job", "subject_id", "scheduled_for"])
    .execute();
  await db.schema
    .createIndex("job_runs_job_status_idx")
    .on("job_runs")
    .columns(["job", "status"])
    .execute();
  await db.schema
    .createIndex("job_runs_tenant_slot_idx")
    .on("job_runs")
    .columns(["tenant_id", "scheduled_for"])
    .execute();

  await db.schema
    .createTable("deliveries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("run_key", "text", (c) =>
      c.notNull().references("job_runs.run_key").onDelete("cascade"),
    )
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("platform", "text", (c) => c.notNull())
    .addColumn("channel_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
    // Calls started; counted before each call so a crash mid-call still shows the attempt.
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("platform_message_id", "text")
    .addColumn("sent_at", "text")
    // The owner was told about the failure (once).
    .addColumn("owner_notified", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("deliveries_run_channel_unique", ["run_key", "channel_id"])
    .addCheckConstraint("deliveries_status_check", sql`status in ('pending','sent','failed')`)
    .execute();
  await db.schema
    .createIndex("deliveries_tenant_channel_idx")
    .on("deliveries")
    .columns(["tenant_id", "channel_id", "created_at"])
    .execute();

  await db.schema
    .createTable("alert_rules")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("platform", "text", (c) => c.notNull())
    .addColumn("channel_id", "text", (c) => c.notNull())
    .addColumn("owner_id", "text", (c) => c.notNull())
    // threshold: `metric op value` over `window_days`; anomaly: automatic detection.
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("metric", "text")
    .addColumn("op", "text")
    .addColumn("value", "double precision")
    .addColumn("window_days", "integer", (c) => c.notNull().defaultTo(1))
    // JSON: { platform?, type?, campaign_id?, campaign_name? }
    .addColumn("scope", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("paused", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint("alert_rules_kind_check", sql`kind in ('threshold','anomaly')`)
    .addCheckConstraint(
      "alert_rules_platform_check",
      sql`platform in ('slack','discord','console')`,
    )
    .addCheckConstraint("alert_rules_op_check", sql`op is null or op in ('>','>=','<','<=')`)
    .execute();
  await db.schema
    .createIndex("alert_rules_tenant_channel_idx")
    .on("alert_rules")
    .columns(["tenant_id", "channel_id"])
    .execute();

  await db.schema
    .createTable("alert_incidents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("rule_id", "text", (c) =>
      c.notNull().references("alert_rules.id").onDelete("cascade"),
    )
    // What is breached: the metric name (anomaly rules watch several).
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    // The data day that breached first, and the latest one evaluated.
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("last_day", "text", (c) => c.notNull())
    .addColumn("value", "double precision")
    .addColumn("expected", "double precision")
    .addColumn("score", "double precision")
    .addColumn("opened_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("resolved_at", "text")
    .addColumn("resolved_value", "double precision")
    // The runs whose message announced the opening / the resolution (rebuilt from these rows).
    .addColumn("opened_run_key", "text")
    .addColumn("resolved_run_key", "text")
    .addColumn("resolve_notified", "integer", (c) => c.notNull().defaultTo(0))
    .addCheckConstraint("alert_incidents_status_check", sql`status in ('open','resolved')`)
    .execute();
  await db.schema
    .createIndex("alert_incidents_rule_key_idx")
    .on("alert_incidents")
    .columns(["rule_id", "key", "opened_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("alert_incidents").execute();
  await db.schema.dropTable("alert_rules").execute();
  await db.schema.dropTable("deliveries").execute();
  await db.schema.dropTable("job_runs").execute();
  await db.schema.dropTable("subscriptions").execute();
}
