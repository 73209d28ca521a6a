import type { Kysely } from "kysely";
import type { ChannelPlatform, Database, DeliveryRow } from "./schema";

export interface NewDelivery {
  id: string;
  run_key: string;
  tenant_id: string;
  platform: ChannelPlatform;
  channel_id: string;
}

/**
 * One row per channel post of a run: pending → sent (with the platform's message id) or failed
 * (with the last error). Transitions are conditional on the row still being pending, so a
 * delivery is marked sent or failed exactly once.
 */
export class DeliveriesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Inserts pending rows; a (run, channel) that already has one keeps it. */
  async insertPending(rows: readonly NewDelivery[], now: Date): Promise<void> {
    if (rows.length === 0) return;
    const at = now.toISOString();
    await this.db
      .insertInto("deliveries")
      .values(
        rows.map((r) => ({
          ...r,
          status: "pending" as const,
          attempts: 0,
          owner_notified: 0,
          created_at: at,
          updated_at: at,
        })),
      )
      .onConflict((oc) => oc.columns(["run_key", "channel_id"]).doNothing())
      .execute();
  }

  async listForRun(runKey: string): Promise<DeliveryRow[]> {
    return this.db
      .selectFrom("deliveries")
      .selectAll()
      .where("run_key", "=", runKey)
      .orderBy("channel_id")
      .execute();
  }

  /** Counts one more call about to start (before it starts: a crash mid-call still shows it). */
  async recordAttempt(id: string, now: Date): Promise<void> {
    await this.db
      .updateTable("deliveries")
      .set((eb) => ({ attempts: eb("attempts", "+", 1), updated_at: now.toISOString() }))
      .where("id", "=", id)
      .execute();
  }

  /** Remembers a retryable error while the delivery stays pending. */
  async recordError(id: string, error: string, now: Date): Promise<void> {
    await this.db
      .updateTable("deliveries")
      .set({ last_error: error.slice(0, 500), updated_at: now.toISOString() })
      .where("id", "=", id)
      .execute();
  }

  async markSent(id: string, messageId: string, now: Date): Promise<boolean> {
    const at = now.toISOString();
    const result = await this.db
      .updateTable("deliveries")
      .set({ status: "sent", platform_message_id: messageId, sent_at: at, updated_at: at })
      .where("id", "=", id)
      .where("status", "=", "pending")
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async markFailed(id: string, error: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable("deliveries")
      .set({ status: "failed", last_error: error.slice(0, 500), updated_at: now.toISOString() })
      .where("id", "=", id)
      .where("status", "=", "pending")
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** True for the one call that gets to tell the owner about this failure. */
  async claimOwnerNotice(id: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable("deliveries")
      .set({ owner_notified: 1, updated_at: now.toISOString() })
      .where("id", "=", id)
      .where("owner_notified", "=", 0)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
