import { type Kysely, sql } from "kysely";
import { normalizePath } from "../core/attribution/path-text";
import type { Database, JourneyPathRow, JourneyTouchpoint } from "./schema";

/** A span of time as UTC instants: `from` included, `to` excluded (ISO text, toISOString form). */
export interface InstantRange {
  from: string;
  to: string;
}

/** Inclusive day range, ISO dates. */
export interface DayRange {
  from: string;
  to: string;
}

// 7 columns × 1,000 rows stays far below PostgreSQL's 65,535 parameters per statement.
const INSERT_CHUNK = 1000;

/**
 * Journeys: event-level touchpoints (`journey_touchpoints`) and path-level aggregates
 * (`journey_paths`). Every method is scoped by tenant.
 */
export class JourneysRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Inserts touchpoints, replacing a touch with the same (tenant, journey, time, channel). Use
   * {@link replaceJourneys} when a journey's whole history is being (re)loaded.
   */
  async upsertTouchpoints(rows: readonly JourneyTouchpoint[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await this.db
        .insertInto("journey_touchpoints")
        .values(rows.slice(i, i + INSERT_CHUNK))
        .onConflict((oc) =>
          oc.columns(["tenant_id", "journey_id", "touched_at", "channel"]).doUpdateSet({
            campaign_id: sql`excluded.campaign_id`,
            is_conversion: sql`excluded.is_conversion`,
            conversion_value: sql`excluded.conversion_value`,
          }),
        )
        .execute();
    }
  }

  /**
   * Replaces every journey that appears in `rows`: its old touches are deleted and the given ones
   * written, in one transaction (joining the caller's). Reloading a journey whose timestamps moved
   * therefore never leaves stale touches behind.
   */
  async replaceJourneys(rows: readonly JourneyTouchpoint[]): Promise<void> {
    if (!this.db.isTransaction) {
      await this.db
        .transaction()
        .execute((trx) => new JourneysRepository(trx).replaceJourneys(rows));
      return;
    }
    const byTenant = new Map<string, Set<string>>();
    for (const row of rows) {
      const ids = byTenant.get(row.tenant_id) ?? new Set<string>();
      ids.add(row.journey_id);
      byTenant.set(row.tenant_id, ids);
    }
    for (const [tenantId, ids] of byTenant) {
      const list = [...ids];
      for (let i = 0; i < list.length; i += INSERT_CHUNK) {
        await this.db
          .deleteFrom("journey_touchpoints")
          .where("tenant_id", "=", tenantId)
          .where("journey_id", "in", list.slice(i, i + INSERT_CHUNK))
          .execute();
      }
    }
    await this.upsertTouchpoints(rows);
  }

  /**
   * Every touch of the journeys that ended in `range`, ordered by journey and time. A journey
   * ends at its last conversion, or at its last touch when it did not convert.
   */
  async touchpointsOfJourneysEnding(
    tenantId: string,
    range: InstantRange,
  ): Promise<JourneyTouchpoint[]> {
    const ending = this.db
      .selectFrom("journey_touchpoints")
      .select("journey_id")
      .where("tenant_id", "=", tenantId)
      .groupBy("journey_id")
      .having(
        sql`coalesce(max(case when is_conversion = 1 then touched_at end), max(touched_at))`,
        ">=",
        range.from,
      )
      .having(
        sql`coalesce(max(case when is_conversion = 1 then touched_at end), max(touched_at))`,
        "<",
        range.to,
      );
    return this.db
      .selectFrom("journey_touchpoints")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("journey_id", "in", ending)
      .orderBy("journey_id")
      .orderBy("touched_at")
      .orderBy("channel")
      .execute();
  }

  /** How many touchpoints the tenant has (0: use path aggregates, if any). */
  async countTouchpoints(tenantId: string): Promise<number> {
    const row = await this.db
      .selectFrom("journey_touchpoints")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("tenant_id", "=", tenantId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Inserts or replaces path aggregates by (tenant, day, path). Paths are normalised first
   * (`Facebook>Email` → `facebook > email`); rows that become the same path on the same day are
   * added up, as identical paths are. An empty path is an error.
   */
  async upsertPaths(rows: readonly JourneyPathRow[]): Promise<void> {
    const merged = new Map<string, JourneyPathRow>();
    for (const row of rows) {
      const path = normalizePath(row.path);
      if (path === "") {
        throw new RangeError(`journey path for ${row.tenant_id} on ${row.day} has no channel`);
      }
      const key = `${row.tenant_id}\u0000${row.day}\u0000${path}`;
      const seen = merged.get(key);
      if (seen) {
        seen.conversions += row.conversions;
        seen.conversion_value += row.conversion_value;
        seen.nulls += row.nulls;
      } else {
        merged.set(key, { ...row, path });
      }
    }
    const list = [...merged.values()];
    for (let i = 0; i < list.length; i += INSERT_CHUNK) {
      await this.db
        .insertInto("journey_paths")
        .values(list.slice(i, i + INSERT_CHUNK))
        .onConflict((oc) =>
          oc.columns(["tenant_id", "day", "path"]).doUpdateSet({
            conversions: sql`excluded.conversions`,
            conversion_value: sql`excluded.conversion_value`,
            nulls: sql`excluded.nulls`,
          }),
        )
        .execute();
    }
  }

  /** Path aggregates of the export days in `range`, summed per path (most conversions first). */
  async pathTotals(
    tenantId: string,
    range: DayRange,
  ): Promise<Omit<JourneyPathRow, "tenant_id" | "day">[]> {
    const rows = await this.db
      .selectFrom("journey_paths")
      .select((eb) => [
        "path",
        eb.fn.sum<number>("conversions").as("conversions"),
        eb.fn.sum<number>("conversion_value").as("conversion_value"),
        eb.fn.sum<number>("nulls").as("nulls"),
      ])
      .where("tenant_id", "=", tenantId)
      .where("day", ">=", range.from)
      .where("day", "<=", range.to)
      .groupBy("path")
      .orderBy("conversions", "desc")
      .orderBy("path")
      .execute();
    return rows.map((r) => ({
      path: r.path,
      conversions: Number(r.conversions),
      conversion_value: Number(r.conversion_value),
      nulls: Number(r.nulls),
    }));
  }
}
