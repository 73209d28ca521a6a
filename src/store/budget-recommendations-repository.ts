import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { AuditLogRepository } from "./audit-log-repository";
import type {
  BudgetChange,
  BudgetRecommendation,
  Database,
  NewBudgetRecommendation,
} from "./schema";

export type BudgetDecision = "approved" | "rejected";

export interface DecideRequest {
  tenantId: string;
  id: string;
  decision: BudgetDecision;
  /** Who decided, platform-qualified. */
  by: string;
  byName?: string;
  now: Date;
}

/**
 * What came of a decision:
 * - `decided`: this call moved the recommendation out of `pending` (and, for an approval, changed
 *   both budgets, wrote the before/after rows and the audit row, all in one transaction);
 * - `already_decided`: someone decided first (or it was superseded): the row says who and when;
 * - `expired`: it was still pending but past `expires_at` — now marked `expired`;
 * - `stale`: the giving campaign would drop below its floor, or a campaign is no longer active —
 *   nothing was applied and it is marked `superseded`;
 * - `not_found`: no such recommendation in this tenant.
 */
export type DecideResult =
  | { outcome: "decided"; recommendation: BudgetRecommendation; changes: BudgetChange[] }
  | { outcome: "already_decided"; recommendation: BudgetRecommendation }
  | { outcome: "expired"; recommendation: BudgetRecommendation }
  | { outcome: "stale"; recommendation: BudgetRecommendation; note: string }
  | { outcome: "not_found" };

export interface MessageRef {
  platform: string;
  channelId: string;
  messageId: string;
}

export interface DecisionRecord {
  recommendation: BudgetRecommendation;
  changes: BudgetChange[];
}

class StaleRecommendation extends Error {}

/**
 * Budget recommendations and the budget changes their approvals made. Deciding is exactly-once:
 * one conditional update (`status = 'pending' AND expires_at > now`) in the same transaction as
 * the budget updates, the before/after rows and the audit row. Whatever the number of clicks,
 * deliveries or managers, one update wins; the others get `already_decided` with the winner's
 * name and time. Amounts always come from the stored row.
 */
export class BudgetRecommendationsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async createBatch(rows: readonly NewBudgetRecommendation[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db
      .insertInto("budget_recommendations")
      .values([...rows])
      .execute();
  }

  async get(tenantId: string, id: string): Promise<BudgetRecommendation | undefined> {
    return this.db
      .selectFrom("budget_recommendations")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  /** The recommendations posted together, in the order they were shown. */
  async listBatch(tenantId: string, batchId: string): Promise<BudgetRecommendation[]> {
    return this.db
      .selectFrom("budget_recommendations")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("batch_id", "=", batchId)
      .orderBy("position")
      .orderBy("id")
      .execute();
  }

  /** Remembers where a batch was posted (first writer wins; later clicks change nothing). */
  async recordMessage(tenantId: string, batchId: string, ref: MessageRef): Promise<void> {
    await this.db
      .updateTable("budget_recommendations")
      .set({
        message_platform: ref.platform,
        message_channel: ref.channelId,
        message_id: ref.messageId,
      })
      .where("tenant_id", "=", tenantId)
      .where("batch_id", "=", batchId)
      .where("message_id", "is", null)
      .execute();
  }

  /** Decides a recommendation exactly once; see {@link DecideResult}. */
  async decide(request: DecideRequest): Promise<DecideResult> {
    const now = request.now.toISOString();
    let won: DecideResult | undefined;
    try {
      won = await this.db.transaction().execute(async (trx) => {
        // The conditional update is the first write: on SQLite it takes the lock, on PostgreSQL a
        // concurrent one waits for this transaction and then finds the row no longer pending.
        const row = await trx
          .updateTable("budget_recommendations")
          .set({
            status: request.decision,
            decided_by: request.by,
            decided_by_name: request.byName ?? null,
            decided_at: now,
          })
          .where("tenant_id", "=", request.tenantId)
          .where("id", "=", request.id)
          .where("status", "=", "pending")
          .where("expires_at", ">", now)
          .returningAll()
          .executeTakeFirst();
        if (!row) return undefined;
        const audit = new AuditLogRepository(trx);
        if (request.decision === "rejected") {
          await audit.append({
            tenantId: request.tenantId,
            actor: request.by,
            action: "budget.reject",
            subject: row.id,
            details: { from: row.from_campaign, to: row.to_campaign, amount: row.amount },
            at: request.now,
          });
          return { outcome: "decided" as const, recommendation: row, changes: [] };
        }
        const changes = await applyMove(trx, row, request);
        await audit.append({
          tenantId: request.tenantId,
          actor: request.by,
          action: "budget.approve",
          subject: row.id,
          details: {
            amount: row.amount,
            changes: changes.map((c) => ({
              campaign: c.campaign_id,
              before: c.before,
              after: c.after,
            })),
          },
          at: request.now,
        });
        // Recommendations from other messages were computed on the old budgets of these two
        // campaigns: approving them too would move the same money twice.
        await trx
          .updateTable("budget_recommendations")
          .set({
            status: "superseded",
            decided_at: now,
            status_note: `superseded by ${row.id}, approved first`,
          })
          .where("tenant_id", "=", request.tenantId)
          .where("status", "=", "pending")
          .where("batch_id", "<>", row.batch_id)
          .where((eb) =>
            eb.or([
              eb("from_campaign", "in", [row.from_campaign, row.to_campaign]),
              eb("to_campaign", "in", [row.from_campaign, row.to_campaign]),
            ]),
          )
          .execute();
        return { outcome: "decided" as const, recommendation: row, changes };
      });
    } catch (error) {
      if (!(error instanceof StaleRecommendation)) throw error;
      const note = error.message;
      await this.db
        .updateTable("budget_recommendations")
        .set({ status: "superseded", decided_at: now, status_note: note })
        .where("tenant_id", "=", request.tenantId)
        .where("id", "=", request.id)
        .where("status", "=", "pending")
        .execute();
      const current = await this.get(request.tenantId, request.id);
      return current
        ? { outcome: "stale", recommendation: current, note }
        : { outcome: "not_found" };
    }
    if (won) return won;

    const current = await this.get(request.tenantId, request.id);
    if (!current) return { outcome: "not_found" };
    if (current.status !== "pending")
      return { outcome: "already_decided", recommendation: current };
    await this.expire(request.tenantId, request.id, request.now);
    const expired = (await this.get(request.tenantId, request.id)) ?? current;
    return expired.status === "expired"
      ? { outcome: "expired", recommendation: expired }
      : { outcome: "already_decided", recommendation: expired };
  }

  /** Marks a pending recommendation past its expiry as `expired`; false when it was not. */
  async expire(tenantId: string, id: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable("budget_recommendations")
      .set({ status: "expired", decided_at: now.toISOString(), status_note: "expired unanswered" })
      .where("tenant_id", "=", tenantId)
      .where("id", "=", id)
      .where("status", "=", "pending")
      .where("expires_at", "<=", now.toISOString())
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Approved and rejected recommendations, newest decision first, with the budgets they changed. */
  async decisions(tenantId: string, limit = 20): Promise<DecisionRecord[]> {
    const recommendations = await this.db
      .selectFrom("budget_recommendations")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("status", "in", ["approved", "rejected"])
      .orderBy("decided_at", "desc")
      .orderBy("id")
      .limit(limit)
      .execute();
    const changes = await this.changesFor(
      tenantId,
      recommendations.map((r) => r.id),
    );
    return recommendations.map((recommendation) => ({
      recommendation,
      changes: changes.filter((c) => c.recommendation_id === recommendation.id),
    }));
  }

  /** Budget changes made by these recommendations. */
  async changesFor(
    tenantId: string,
    recommendationIds: readonly string[],
  ): Promise<BudgetChange[]> {
    if (recommendationIds.length === 0) return [];
    return this.db
      .selectFrom("budget_changes")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("recommendation_id", "in", [...recommendationIds])
      .orderBy("changed_at")
      .orderBy("campaign_id")
      .execute();
  }
}

/**
 * Moves the stored amount between the two campaigns inside the deciding transaction. Each update
 * is conditional (still active; the giver stays at or above its floor), so a budget edited or a
 * campaign paused since the recommendation was made cannot be overdrawn: the whole decision rolls
 * back instead.
 */
async function applyMove(
  trx: Kysely<Database>,
  row: BudgetRecommendation,
  request: DecideRequest,
): Promise<BudgetChange[]> {
  const now = request.now.toISOString();
  const amount = Number(row.amount);
  const giver = await trx
    .updateTable("campaigns")
    .set((eb) => ({ budget: eb("budget", "-", amount), updated_at: now }))
    .where("tenant_id", "=", row.tenant_id)
    .where("id", "=", row.from_campaign)
    .where("status", "=", "active")
    .where((eb) => eb(eb("budget", "-", amount), ">=", Number(row.budget_floor)))
    .returning(["budget"])
    .executeTakeFirst();
  if (!giver) {
    throw new StaleRecommendation(
      `${row.from_campaign} is no longer active or its budget would drop below its floor`,
    );
  }
  const receiver = await trx
    .updateTable("campaigns")
    .set((eb) => ({ budget: eb("budget", "+", amount), updated_at: now }))
    .where("tenant_id", "=", row.tenant_id)
    .where("id", "=", row.to_campaign)
    .where("status", "=", "active")
    .returning(["budget"])
    .executeTakeFirst();
  if (!receiver) throw new StaleRecommendation(`${row.to_campaign} is no longer active`);
  const changes: BudgetChange[] = [
    change(row, row.from_campaign, Number(giver.budget) + amount, Number(giver.budget), request),
    change(
      row,
      row.to_campaign,
      Number(receiver.budget) - amount,
      Number(receiver.budget),
      request,
    ),
  ];
  await trx.insertInto("budget_changes").values(changes).execute();
  return changes;
}

function change(
  row: BudgetRecommendation,
  campaignId: string,
  before: number,
  after: number,
  request: DecideRequest,
): BudgetChange {
  return {
    id: randomUUID(),
    tenant_id: row.tenant_id,
    recommendation_id: row.id,
    campaign_id: campaignId,
    before,
    after,
    changed_by: request.by,
    changed_at: request.now.toISOString(),
  };
}
