import type { Kysely } from "kysely";
import type { AlertRule, ChannelPlatform, Database, NewAlertRule } from "./schema";

/** Alert rules; `listActive` and `byId` are for the scheduler (all tenants). */
export class AlertRulesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(row: NewAlertRule): Promise<AlertRule> {
    await this.db.insertInto("alert_rules").values(row).execute();
    const created = await this.get(row.tenant_id, row.id);
    if (!created) throw new Error(`alert rule ${row.id} vanished right after being created`);
    return created;
  }

  async get(tenantId: string, id: string): Promise<AlertRule | undefined> {
    return this.db
      .selectFrom("alert_rules")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  async list(tenantId: string, filter: { channelId?: string } = {}): Promise<AlertRule[]> {
    let query = this.db.selectFrom("alert_rules").selectAll().where("tenant_id", "=", tenantId);
    if (filter.channelId) query = query.where("channel_id", "=", filter.channelId);
    return query.orderBy("created_at").orderBy("id").execute();
  }

  async remove(tenantId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom("alert_rules")
      .where("tenant_id", "=", tenantId)
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  async listActive(platforms: readonly ChannelPlatform[]): Promise<AlertRule[]> {
    if (platforms.length === 0) return [];
    return this.db
      .selectFrom("alert_rules")
      .selectAll()
      .where("paused", "=", 0)
      .where("platform", "in", platforms)
      .orderBy("id")
      .execute();
  }

  async byId(id: string): Promise<AlertRule | undefined> {
    return this.db.selectFrom("alert_rules").selectAll().where("id", "=", id).executeTakeFirst();
  }
}
