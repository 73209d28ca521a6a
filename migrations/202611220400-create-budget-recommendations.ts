import { type Kysely, sql } from "kysely";

// Frozen in time: Kysely<any>, no application imports. Budget recommendations and their decisions.
//
// - budget_recommendations: one proposed move of `amount` from one campaign to another, posted
//   with Approve / Reject buttons. Recommendations posted together share a `batch_id` (one
//   message). Deciding is one conditional update `status = 'pending' → 'approved' | 'rejected'`
//   (with `expires_at` still ahead), so double clicks, retried deliveries and concurrent managers
//   decide once: whoever's update changed the row decided, the others read who did. The amount
//   applied is this row's, never a button's. `requested_by` is null for the weekly job's posts.
//   `budget_floor` is the least the giving campaign's budget may drop to (min budget, or what it
//   had spent), checked again when the decision is applied. The message refs say where the
//   recommendation was posted, so its message can be updated later; `batch_summary` is the rest
//   of the batch's message (JSON), so a decision re-renders the message exactly.
// - budget_changes: append-only before/after of each campaign budget a decision changed.
// Instants are ISO-8601 UTC text (sortable on both engines); money is double precision.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("budget_recommendations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("batch_id", "text", (c) => c.notNull())
    // Order within the batch (1 = the move shown first).
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("requested_by", "text")
    .addColumn("goal", "text", (c) => c.notNull().defaultTo("revenue"))
    .addColumn("from_campaign", "text", (c) => c.notNull())
    .addColumn("to_campaign", "text", (c) => c.notNull())
    .addColumn("amount", "double precision", (c) => c.notNull())
    .addColumn("expected_gain", "double precision", (c) => c.notNull())
    .addColumn("gain_low", "double precision")
    .addColumn("gain_high", "double precision")
    .addColumn("from_marginal", "double precision", (c) => c.notNull())
    .addColumn("to_marginal", "double precision", (c) => c.notNull())
    .addColumn("budget_floor", "double precision", (c) => c.notNull().defaultTo(0))
    .addColumn("reason", "text", (c) => c.notNull())
    // JSON: what the batch's message shows besides the moves (fitted days, ROI rules of thumb),
    // the same on every row of a batch, so the message re-renders identically after a decision.
    .addColumn("batch_summary", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("decided_by", "text")
    .addColumn("decided_by_name", "text")
    .addColumn("decided_at", "text")
    // Why a recommendation left `pending` without a decision (superseded, budgets changed).
    .addColumn("status_note", "text")
    .addColumn("message_platform", "text")
    .addColumn("message_channel", "text")
    .addColumn("message_id", "text")
    .addCheckConstraint(
      "budget_recommendations_status_check",
      sql`status in ('pending','approved','rejected','expired','superseded')`,
    )
    .addCheckConstraint("budget_recommendations_goal_check", sql`goal in ('revenue','conversions')`)
    .addCheckConstraint("budget_recommendations_amount_check", sql`amount > 0`)
    .addCheckConstraint("budget_recommendations_campaigns_check", sql`from_campaign <> to_campaign`)
    .execute();
  await db.schema
    .createIndex("budget_recommendations_tenant_batch_idx")
    .on("budget_recommendations")
    .columns(["tenant_id", "batch_id"])
    .execute();
  await db.schema
    .createIndex("budget_recommendations_tenant_status_idx")
    .on("budget_recommendations")
    .columns(["tenant_id", "status", "decided_at"])
    .execute();

  await db.schema
    .createTable("budget_changes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("recommendation_id", "text", (c) =>
      c.notNull().references("budget_recommendations.id").onDelete("cascade"),
    )
    .addColumn("campaign_id", "text", (c) => c.notNull())
    .addColumn("before", "double precision", (c) => c.notNull())
    .addColumn("after", "double precision", (c) => c.notNull())
    .addColumn("changed_by", "text", (c) => c.notNull())
    .addColumn("changed_at", "text", (c) => c.notNull())
    .addUniqueConstraint("budget_changes_recommendation_campaign_unique", [
      "recommendation_id",
      "campaign_id",
    ])
    .execute();
  await db.schema
    .createIndex("budget_changes_tenant_at_idx")
    .on("budget_changes")
    .columns(["tenant_id", "changed_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("budget_changes").execute();
  await db.schema.dropTable("budget_recommendations").execute();
}
