import type { Kysely } from "kysely";
import type {
  Campaign,
  CampaignStatus,
  CampaignType,
  Database,
  NewCampaign,
  Platform,
} from "./schema";

export interface CampaignFilter {
  platform?: Platform;
  type?: CampaignType;
  status?: CampaignStatus;
  ids?: readonly string[];
}

// PostgreSQL caps a statement at 65,535 parameters; 12 columns × 1,000 rows stays well below.
const INSERT_CHUNK = 1000;

export class CampaignsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(tenantId: string, filter: CampaignFilter = {}): Promise<Campaign[]> {
    let query = this.db.selectFrom("campaigns").selectAll().where("tenant_id", "=", tenantId);
    if (filter.platform) query = query.where("platform", "=", filter.platform);
    if (filter.type) query = query.where("type", "=", filter.type);
    if (filter.status) query = query.where("status", "=", filter.status);
    if (filter.ids) {
      if (filter.ids.length === 0) return [];
      query = query.where("id", "in", filter.ids);
    }
    return query.orderBy("name").execute();
  }

  async get(tenantId: string, id: string): Promise<Campaign | undefined> {
    return this.db
      .selectFrom("campaigns")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  async count(tenantId: string): Promise<number> {
    const row = await this.db
      .selectFrom("campaigns")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("tenant_id", "=", tenantId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Inserts or replaces campaigns by (tenant, id). */
  async upsertMany(rows: readonly NewCampaign[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await this.db
        .insertInto("campaigns")
        .values(rows.slice(i, i + INSERT_CHUNK))
        .onConflict((oc) =>
          oc.columns(["tenant_id", "id"]).doUpdateSet((eb) => ({
            name: eb.ref("excluded.name"),
            platform: eb.ref("excluded.platform"),
            type: eb.ref("excluded.type"),
            start_date: eb.ref("excluded.start_date"),
            end_date: eb.ref("excluded.end_date"),
            budget: eb.ref("excluded.budget"),
            target_conversions: eb.ref("excluded.target_conversions"),
            status: eb.ref("excluded.status"),
            updated_at: eb.ref("excluded.updated_at"),
          })),
        )
        .execute();
    }
  }
}
