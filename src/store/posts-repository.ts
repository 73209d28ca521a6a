import { type Kysely, sql } from "kysely";
import type { InstantRange } from "./journeys-repository";
import type { Database, Post } from "./schema";

export interface PostFilter {
  platform?: string;
  /** Only posts by these author handles. */
  authors?: readonly string[];
}

// 19 columns × 500 rows = 9,500 parameters per statement (PostgreSQL allows 65,535).
const INSERT_CHUNK = 500;

/** Social posts (influencers' and the brand's). Every method is scoped by tenant. */
export class PostsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Inserts or replaces posts by (tenant, id). */
  async upsertMany(rows: readonly Post[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await this.db
        .insertInto("posts")
        .values(rows.slice(i, i + INSERT_CHUNK))
        .onConflict((oc) =>
          oc.columns(["tenant_id", "id"]).doUpdateSet({
            platform: sql`excluded.platform`,
            author_handle: sql`excluded.author_handle`,
            posted_at: sql`excluded.posted_at`,
            content_type: sql`excluded.content_type`,
            category: sql`excluded.category`,
            hashtags: sql`excluded.hashtags`,
            impressions: sql`excluded.impressions`,
            reach: sql`excluded.reach`,
            likes: sql`excluded.likes`,
            comments: sql`excluded.comments`,
            shares: sql`excluded.shares`,
            saves: sql`excluded.saves`,
            clicks: sql`excluded.clicks`,
            conversions: sql`excluded.conversions`,
            revenue: sql`excluded.revenue`,
            cost: sql`excluded.cost`,
          }),
        )
        .execute();
    }
  }

  /** Posts published in `range` (UTC instants, `to` excluded), oldest first. */
  async listBetween(
    tenantId: string,
    range: InstantRange,
    filter: PostFilter = {},
  ): Promise<Post[]> {
    let query = this.db
      .selectFrom("posts")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("posted_at", ">=", range.from)
      .where("posted_at", "<", range.to);
    if (filter.platform) query = query.where("platform", "=", filter.platform);
    if (filter.authors) {
      if (filter.authors.length === 0) return [];
      query = query.where("author_handle", "in", filter.authors);
    }
    const rows = await query.orderBy("posted_at").orderBy("id").execute();
    return rows.map((r) => ({
      ...r,
      impressions: Number(r.impressions),
      reach: Number(r.reach),
      revenue: Number(r.revenue),
      cost: r.cost === null ? null : Number(r.cost),
    }));
  }

  async count(tenantId: string): Promise<number> {
    const row = await this.db
      .selectFrom("posts")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("tenant_id", "=", tenantId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
