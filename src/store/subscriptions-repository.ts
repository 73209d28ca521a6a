import type { Kysely } from "kysely";
import type { ChannelPlatform, Database, NewSubscription, Subscription } from "./schema";

export type SubscriptionChanges = Partial<
  Pick<
    Subscription,
    "cadence" | "time" | "day" | "timezone" | "options" | "late_policy" | "paused" | "active_from"
  >
>;

/**
 * Digest (and other scheduled post) subscriptions. Methods named for a tenant take its id first;
 * `listActive` and `byId` are for the scheduler, which works across tenants by nature.
 */
export class SubscriptionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(row: NewSubscription): Promise<Subscription> {
    await this.db.insertInto("subscriptions").values(row).execute();
    const created = await this.get(row.tenant_id, row.id);
    if (!created) throw new Error(`subscription ${row.id} vanished right after being created`);
    return created;
  }

  async get(tenantId: string, id: string): Promise<Subscription | undefined> {
    return this.db
      .selectFrom("subscriptions")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  /** The tenant's subscriptions of a kind, optionally in one channel, oldest first. */
  async list(
    tenantId: string,
    filter: { kind?: string; channelId?: string } = {},
  ): Promise<Subscription[]> {
    let query = this.db.selectFrom("subscriptions").selectAll().where("tenant_id", "=", tenantId);
    if (filter.kind) query = query.where("kind", "=", filter.kind);
    if (filter.channelId) query = query.where("channel_id", "=", filter.channelId);
    return query.orderBy("created_at").orderBy("id").execute();
  }

  async update(
    tenantId: string,
    id: string,
    changes: SubscriptionChanges,
    now: Date,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable("subscriptions")
      .set({ ...changes, updated_at: now.toISOString() })
      .where("tenant_id", "=", tenantId)
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async remove(tenantId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom("subscriptions")
      .where("tenant_id", "=", tenantId)
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  /** Scheduler: every unpaused subscription of `kind` on the given platforms, all tenants. */
  async listActive(kind: string, platforms: readonly ChannelPlatform[]): Promise<Subscription[]> {
    if (platforms.length === 0) return [];
    return this.db
      .selectFrom("subscriptions")
      .selectAll()
      .where("kind", "=", kind)
      .where("paused", "=", 0)
      .where("platform", "in", platforms)
      .orderBy("id")
      .execute();
  }

  /** Scheduler: one subscription by id, whatever its tenant (resuming a run). */
  async byId(id: string): Promise<Subscription | undefined> {
    return this.db.selectFrom("subscriptions").selectAll().where("id", "=", id).executeTakeFirst();
  }
}

/** Parses a subscription's `options` JSON; a corrupt value reads as no options. */
export function parseJsonObject<T extends object>(text: string): T {
  try {
    const value: unknown = JSON.parse(text);
    return (value && typeof value === "object" && !Array.isArray(value) ? value : {}) as T;
  } catch {
    return {} as T;
  }
}
