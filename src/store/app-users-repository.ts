import { type Kysely, sql } from "kysely";
import type { InstantRange } from "./journeys-repository";
import type { AppUser, Database, UserEvent } from "./schema";

// 6–7 columns × 1,000 rows stays far below PostgreSQL's 65,535 parameters per statement.
const CHUNK = 1000;

/** Loyalty programme members (`app_users`) and their activity (`user_events`), per tenant. */
export class AppUsersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Inserts or replaces users by (tenant, id). */
  async upsertUsers(rows: readonly AppUser[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await this.db
        .insertInto("app_users")
        .values(rows.slice(i, i + CHUNK))
        .onConflict((oc) =>
          oc.columns(["tenant_id", "id"]).doUpdateSet({
            signup_date: sql`excluded.signup_date`,
            gender: sql`excluded.gender`,
            age_group: sql`excluded.age_group`,
            segment: sql`excluded.segment`,
          }),
        )
        .execute();
    }
  }

  /** Inserts or replaces events by (tenant, user, instant, type); their users must exist. */
  async upsertEvents(rows: readonly UserEvent[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await this.db
        .insertInto("user_events")
        .values(rows.slice(i, i + CHUNK))
        .onConflict((oc) =>
          oc.columns(["tenant_id", "user_id", "occurred_at", "event_type"]).doUpdateSet({
            points_earned: sql`excluded.points_earned`,
            points_redeemed: sql`excluded.points_redeemed`,
          }),
        )
        .execute();
    }
  }

  /**
   * Replaces every event of the users in `userIds` by `rows` (one transaction, joining the
   * caller's): for data sets regenerated as a whole, whose instants move between loads.
   */
  async replaceEvents(
    tenantId: string,
    userIds: readonly string[],
    rows: readonly UserEvent[],
  ): Promise<void> {
    if (!this.db.isTransaction) {
      await this.db
        .transaction()
        .execute((trx) => new AppUsersRepository(trx).replaceEvents(tenantId, userIds, rows));
      return;
    }
    for (let i = 0; i < userIds.length; i += CHUNK) {
      await this.db
        .deleteFrom("user_events")
        .where("tenant_id", "=", tenantId)
        .where("user_id", "in", userIds.slice(i, i + CHUNK))
        .execute();
    }
    await this.upsertEvents(rows);
  }

  /** The tenant's users by id. */
  async listUsers(tenantId: string): Promise<AppUser[]> {
    return this.db
      .selectFrom("app_users")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .orderBy("id")
      .execute();
  }

  /** Which of `ids` are known users of the tenant. */
  async existingUserIds(tenantId: string, ids: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom("app_users")
        .select("id")
        .where("tenant_id", "=", tenantId)
        .where("id", "in", ids.slice(i, i + CHUNK))
        .execute();
      for (const row of rows) found.add(row.id);
    }
    return found;
  }

  async countUsers(tenantId: string): Promise<number> {
    const row = await this.db
      .selectFrom("app_users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("tenant_id", "=", tenantId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async countEvents(tenantId: string): Promise<number> {
    const row = await this.db
      .selectFrom("user_events")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("tenant_id", "=", tenantId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Events in `range` (UTC instants, `to` excluded), oldest first. */
  async eventsBetween(tenantId: string, range: InstantRange): Promise<UserEvent[]> {
    const rows = await this.db
      .selectFrom("user_events")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("occurred_at", ">=", range.from)
      .where("occurred_at", "<", range.to)
      .orderBy("occurred_at")
      .orderBy("user_id")
      .orderBy("event_type")
      .execute();
    return rows.map((r) => ({
      ...r,
      points_earned: Number(r.points_earned),
      points_redeemed: Number(r.points_redeemed),
    }));
  }
}
