import type { Kysely } from "kysely";
import type { Database, Influencer, InfluencerScoreWeightsRow } from "./schema";

export interface InfluencerFilter {
  platform?: string;
  tier?: string;
}

/** The five weights as stored (see `ScoreWeights` in src/core/influencers). */
export type StoredScoreWeights = Pick<
  InfluencerScoreWeightsRow,
  "engagement" | "authenticity" | "conversion" | "roi" | "brand"
>;

// 9 columns × 1,000 rows stays far below PostgreSQL's parameter limit.
const INSERT_CHUNK = 1000;

/** Influencers and the tenant's influencer score weights. Every method is scoped by tenant. */
export class InfluencersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Inserts or replaces influencers by (tenant, platform, handle). */
  async upsertMany(rows: readonly Influencer[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await this.db
        .insertInto("influencers")
        .values(rows.slice(i, i + INSERT_CHUNK))
        .onConflict((oc) =>
          oc.columns(["tenant_id", "platform", "handle"]).doUpdateSet((eb) => ({
            name: eb.ref("excluded.name"),
            followers: eb.ref("excluded.followers"),
            tier: eb.ref("excluded.tier"),
            cost_per_post: eb.ref("excluded.cost_per_post"),
            fake_follower_share: eb.ref("excluded.fake_follower_share"),
            brand_fit: eb.ref("excluded.brand_fit"),
          })),
        )
        .execute();
    }
  }

  /** The tenant's influencers, by platform then handle. */
  async list(tenantId: string, filter: InfluencerFilter = {}): Promise<Influencer[]> {
    let query = this.db.selectFrom("influencers").selectAll().where("tenant_id", "=", tenantId);
    if (filter.platform) query = query.where("platform", "=", filter.platform);
    if (filter.tier) query = query.where("tier", "=", filter.tier);
    const rows = await query.orderBy("platform").orderBy("handle").execute();
    return rows.map(numeric);
  }

  async get(tenantId: string, platform: string, handle: string): Promise<Influencer | undefined> {
    const row = await this.db
      .selectFrom("influencers")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("platform", "=", platform)
      .where("handle", "=", handle)
      .executeTakeFirst();
    return row && numeric(row);
  }

  async count(tenantId: string): Promise<number> {
    const row = await this.db
      .selectFrom("influencers")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("tenant_id", "=", tenantId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The tenant's score weights, or undefined when it uses the defaults. */
  async scoreWeights(tenantId: string): Promise<InfluencerScoreWeightsRow | undefined> {
    return this.db
      .selectFrom("influencer_score_weights")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .executeTakeFirst();
  }

  /** Sets the tenant's score weights (validate them first: the table only checks ≥ 0, sum > 0). */
  async setScoreWeights(
    tenantId: string,
    weights: StoredScoreWeights,
    updatedBy: string,
    now: Date,
  ): Promise<void> {
    const row = {
      tenant_id: tenantId,
      ...pickWeights(weights),
      updated_at: now.toISOString(),
      updated_by: updatedBy,
    };
    await this.db
      .insertInto("influencer_score_weights")
      .values(row)
      .onConflict((oc) =>
        oc.column("tenant_id").doUpdateSet({
          engagement: row.engagement,
          authenticity: row.authenticity,
          conversion: row.conversion,
          roi: row.roi,
          brand: row.brand,
          updated_at: row.updated_at,
          updated_by: row.updated_by,
        }),
      )
      .execute();
  }

  /** Back to the default weights. */
  async resetScoreWeights(tenantId: string): Promise<void> {
    await this.db
      .deleteFrom("influencer_score_weights")
      .where("tenant_id", "=", tenantId)
      .execute();
  }
}

function pickWeights(w: StoredScoreWeights): StoredScoreWeights {
  return {
    engagement: w.engagement,
    authenticity: w.authenticity,
    conversion: w.conversion,
    roi: w.roi,
    brand: w.brand,
  };
}

// SQLite returns numbers; PostgreSQL's bigint comes back as a number through the pool's parser.
// Coerce anyway so callers can rely on the type whatever the driver configuration.
function numeric(row: Influencer): Influencer {
  return {
    ...row,
    followers: Number(row.followers),
    cost_per_post: Number(row.cost_per_post),
    fake_follower_share: Number(row.fake_follower_share),
    brand_fit: Number(row.brand_fit),
  };
}
