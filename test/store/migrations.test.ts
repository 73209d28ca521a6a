import { NO_MIGRATIONS, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { migrations } from "../../migrations/index";
import { migratorFor } from "../../src/store/migrate";
import type { Store } from "../../src/store/store";
import { engines } from "../support/test-stores";

describe.each(engines)("migrations on $name", (engine) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  async function tableNames(s: Store): Promise<string[]> {
    const tables = await s.db.introspection.getTables();
    return tables.map((t) => t.name).sort();
  }

  it("creates every table, and survives up → down → up", async () => {
    store = await engine.open();
    const expected = [
      "alert_incidents",
      "alert_rules",
      "app_users",
      "audience_daily_metrics",
      "audit_log",
      "budget_changes",
      "budget_recommendations",
      "campaign_daily_metrics",
      "campaign_weekly_metrics",
      "campaigns",
      "deliveries",
      "influencer_score_weights",
      "influencers",
      "job_runs",
      "journey_paths",
      "journey_touchpoints",
      "member_roles",
      "posts",
      "subscriptions",
      "tenants",
      "user_events",
    ];
    expect(await tableNames(store)).toEqual(expected);

    const m = await migratorFor(store.db);
    const down = await m.migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    expect(await tableNames(store)).toEqual([]);

    const up = await m.migrateToLatest();
    expect(up.error).toBeUndefined();
    expect(up.results?.map((r) => r.migrationName)).toEqual(Object.keys(migrations));
    expect(await tableNames(store)).toEqual(expected);
  });

  it("rejects values outside the enums", async () => {
    store = await engine.open();
    await store.tenants.ensure(
      { id: "t1", name: "T1", timezone: "UTC", currency: "USD" },
      new Date("2026-01-01T00:00:00Z"),
    );
    const insert = sql`insert into campaigns (tenant_id, id, name, platform, type, start_date, budget, status, created_at, updated_at)
      values ('t1', 'c1', 'X', 'myspace', 'awareness', '2026-01-01', 0, 'active', 'now', 'now')`;
    await expect(insert.execute(store.db)).rejects.toThrow();
  });
});
