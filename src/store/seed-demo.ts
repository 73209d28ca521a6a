import { DateTime } from "luxon";
import { generateDemoData } from "../core/demo-data";
import type { Store } from "./store";

export interface SeedSummary {
  tenantId: string;
  campaigns: number;
  dailyRows: number;
  audienceRows: number;
  from: string;
  to: string;
}

/**
 * Writes the deterministic demo data set for `tenantId`, ending today in the tenant's timezone.
 * Re-running replaces the same rows (upserts), so seeding twice does not duplicate anything.
 */
export async function seedDemo(store: Store, tenantId: string, now: Date): Promise<SeedSummary> {
  const tenant = await store.tenants.ensure(
    {
      id: tenantId,
      name: tenantId === "local" ? "Demo team" : tenantId,
      timezone: "UTC",
      currency: "USD",
    },
    now,
  );
  const endDay = DateTime.fromJSDate(now, { zone: tenant.timezone }).toISODate() as string;
  const demo = generateDemoData({ tenantId, endDay });
  await store.transaction(async (trx) => {
    await trx.campaigns.upsertMany(demo.campaigns);
    await trx.metrics.upsertDaily(demo.daily);
    await trx.metrics.upsertAudience(demo.audience);
  });
  const days = demo.daily.map((d) => d.day).sort();
  return {
    tenantId,
    campaigns: demo.campaigns.length,
    dailyRows: demo.daily.length,
    audienceRows: demo.audience.length,
    from: days[0] ?? endDay,
    to: days.at(-1) ?? endDay,
  };
}
