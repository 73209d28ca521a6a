import { DateTime } from "luxon";
import { generateDemoAppUsers } from "../core/demo-app-users";
import { generateDemoData } from "../core/demo-data";
import { generateDemoInfluencers } from "../core/demo-influencers";
import { generateDemoJourneys } from "../core/demo-journeys";
import type { Store } from "./store";
import { defaultTenantName } from "./tenants-repository";

export interface SeedSummary {
  tenantId: string;
  campaigns: number;
  dailyRows: number;
  audienceRows: number;
  /** Demo journeys (event-level) and their touchpoints. */
  journeys: number;
  touchpoints: number;
  influencers: number;
  posts: number;
  /** Loyalty programme members and their events. */
  appUsers: number;
  userEvents: number;
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
      name: defaultTenantName(tenantId),
      timezone: "UTC",
      currency: "USD",
    },
    now,
  );
  const endDay = DateTime.fromJSDate(now, { zone: tenant.timezone }).toISODate() as string;
  const demo = generateDemoData({ tenantId, endDay });
  const touchpoints = generateDemoJourneys({ tenantId, endDay, campaigns: demo.campaigns });
  const social = generateDemoInfluencers({ tenantId, endDay });
  const loyalty = generateDemoAppUsers({ tenantId, endDay });
  await store.transaction(async (trx) => {
    await trx.campaigns.upsertMany(demo.campaigns);
    await trx.metrics.upsertDaily(demo.daily);
    await trx.metrics.upsertAudience(demo.audience);
    // Replacing (not upserting) journeys: a re-seed on a later day moves every touch in time.
    await trx.journeys.replaceJourneys(touchpoints);
    await trx.influencers.upsertMany(social.influencers);
    await trx.posts.upsertMany(social.posts);
    // Replaced like journeys: a re-seed on a later day moves every event in time.
    await trx.appUsers.upsertUsers(loyalty.users);
    await trx.appUsers.replaceEvents(
      tenantId,
      loyalty.users.map((u) => u.id),
      loyalty.events,
    );
  });
  const days = demo.daily.map((d) => d.day).sort();
  return {
    tenantId,
    campaigns: demo.campaigns.length,
    dailyRows: demo.daily.length,
    audienceRows: demo.audience.length,
    journeys: new Set(touchpoints.map((t) => t.journey_id)).size,
    touchpoints: touchpoints.length,
    influencers: social.influencers.length,
    posts: social.posts.length,
    appUsers: loyalty.users.length,
    userEvents: loyalty.events.length,
    from: days[0] ?? endDay,
    to: days.at(-1) ?? endDay,
  };
}
