import { afterAll, beforeAll, describe, expect, it } from "vitest";
import commands from "../../commands/index";
import budgetWeekly from "../../jobs/budget-weekly";
import { findJob } from "../../jobs/index";
import { createActionDispatcher } from "../../src/bot/action-dispatcher";
import { fixedClock, sequentialIds } from "../../src/bot/clock";
import { createDispatcher } from "../../src/bot/dispatcher";
import { silentLogger } from "../../src/logger";
import type { Store } from "../../src/store/store";
import {
  fakeRasterizer,
  jobDeps,
  ManualClock,
  RecordingPoster,
  SEED_NOW,
  seed,
  TENANT,
} from "../scheduler/fixtures";
import { engines } from "../support/test-stores";

const SLOT = "2026-11-23T08:00:00.000Z"; // Monday 09:00 in Paris
const CHANNEL = "C0BUDGET";

describe.each(engines)("weekly budget job on $name", (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await engine.open();
    await seed(store);
  });
  afterAll(async () => {
    await store.close();
  });

  it("posts recommendations with buttons to subscribed channels once per week, and any manager may approve them", async () => {
    expect(findJob("budget-weekly")).toBe(budgetWeekly);
    const dispatcher = createDispatcher({
      store,
      commands,
      rasterizer: fakeRasterizer,
      clock: fixedClock(SEED_NOW.toISOString()),
      ids: sequentialIds(),
      log: silentLogger(),
      defaultTimezone: "UTC",
    });
    const subscribed = await dispatcher.dispatch({
      platform: "slack",
      tenantId: TENANT,
      userId: "slack:U0OWNER",
      channelId: CHANNEL,
      text: "budget subscribe monday 09:00 Europe/Paris",
    });
    expect(subscribed.title).toBe("Weekly budget review scheduled");
    expect(subscribed.data.next_at).toBe(SLOT);

    const clock = new ManualClock("2026-11-23T08:00:05Z");
    const poster = new RecordingPoster(clock);
    const deps = jobDeps(store, clock, { slack: poster });
    const summary = await budgetWeekly.run(deps, new Date(SLOT));
    expect(summary).toMatchObject({ claimed: 1, sent: 1, failed: 0 });
    const [post] = poster.postsIn(CHANNEL);
    expect(post?.reply.title).toMatch(/^Budget recommendations — \d moves?/);
    expect(post?.reply.text).toContain("Posted by the weekly budget review.");
    const runKey = summary.runs[0]?.runKey as string;
    expect(post?.reply.data.batch).toBe(runKey);
    const batch = await store.budget.listBatch(TENANT, runKey);
    expect(batch.length).toBeGreaterThan(0);
    expect(batch.every((r) => r.requested_by === null && r.status === "pending")).toBe(true);
    expect(post?.reply.actions?.map((a) => a.value)).toContain(batch[0]?.id);

    // The same slot again, from this or another process: nothing new is posted or stored.
    const again = await budgetWeekly.run(deps, new Date(SLOT));
    expect(again).toMatchObject({ claimed: 0, sent: 0 });
    expect(poster.posts).toHaveLength(1);
    const rows = await store.db
      .selectFrom("budget_recommendations")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("tenant_id", "=", TENANT)
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(batch.length);

    // No requester: any manager (here one from ADPULSE_MANAGERS) may approve.
    const actions = createActionDispatcher({
      store,
      commands,
      clock,
      ids: sequentialIds(),
      log: silentLogger(),
      defaultTimezone: "UTC",
      managers: ["slack:U0OWNER"],
    });
    const outcome = await actions.act({
      platform: "slack",
      tenantId: TENANT,
      userId: "slack:U0OWNER",
      userName: "owner",
      channelId: CHANNEL,
      messageId: "m1",
      actionId: "budget.approve.1",
      value: batch[0]?.id as string,
    });
    expect(outcome.reply).toBeUndefined();
    expect(outcome.update?.text).toContain("Approved by @owner");
    const decided = await store.budget.get(TENANT, batch[0]?.id as string);
    expect(decided).toMatchObject({
      status: "approved",
      message_channel: CHANNEL,
      message_id: "m1",
    });
  });
});
