import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrations } from "../../migrations/index";
import { migratorFor } from "../../src/store/migrate";
import type { Campaign, NewBudgetRecommendation } from "../../src/store/schema";
import type { Store } from "../../src/store/store";
import { engines } from "../support/test-stores";

const NOW = new Date("2026-11-22T10:00:00.000Z");
const LATER = new Date("2026-11-22T10:05:00.000Z");
const TENANT = "slack:T1";

function campaign(id: string, budget: number, status: Campaign["status"] = "active"): Campaign {
  return {
    tenant_id: TENANT,
    id,
    name: `Campaign ${id.toUpperCase()}`,
    platform: "facebook",
    type: "conversion",
    start_date: "2026-10-01",
    end_date: null,
    budget,
    target_conversions: null,
    status,
    created_at: NOW.toISOString(),
    updated_at: NOW.toISOString(),
  };
}

function recommendation(
  id: string,
  fields: Partial<NewBudgetRecommendation> = {},
): NewBudgetRecommendation {
  return {
    id,
    tenant_id: TENANT,
    batch_id: "bb-1",
    position: 1,
    created_at: NOW.toISOString(),
    expires_at: new Date(NOW.getTime() + 72 * 3_600_000).toISOString(),
    requested_by: "slack:UASKER",
    goal: "revenue",
    from_campaign: "a",
    to_campaign: "b",
    amount: 2000,
    expected_gain: 4400,
    gain_low: 3100,
    gain_high: 5600,
    from_marginal: 0.12,
    to_marginal: 2.4,
    budget_floor: 1000,
    reason: "B returns about $2.40 per extra dollar at its current spend, A only $0.12.",
    batch_summary: "{}",
    status: "pending",
    ...fields,
  };
}

describe.each(engines)("budget recommendations on $name", (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await engine.open();
    await store.tenants.ensure({ id: TENANT, name: "T1", timezone: "UTC", currency: "USD" }, NOW);
    await store.tenants.ensure(
      { id: "slack:T2", name: "T2", timezone: "UTC", currency: "USD" },
      NOW,
    );
    await store.campaigns.upsertMany([
      campaign("a", 10_000),
      campaign("b", 5_000),
      campaign("c", 8_000),
    ]);
  });
  afterEach(async () => {
    await store.close();
  });

  async function budgets(): Promise<Record<string, number>> {
    const rows = await store.campaigns.list(TENANT);
    return Object.fromEntries(rows.map((c) => [c.id, c.budget]));
  }

  it("approves once: budgets move by the stored amount, with before/after rows and one audit row", async () => {
    await store.budget.createBatch([recommendation("br-1")]);
    const first = await store.budget.decide({
      tenantId: TENANT,
      id: "br-1",
      decision: "approved",
      by: "slack:UBOSS",
      byName: "boss",
      now: LATER,
    });
    expect(first.outcome).toBe("decided");
    expect(await budgets()).toEqual({ a: 8_000, b: 7_000, c: 8_000 });
    if (first.outcome !== "decided") return;
    expect(first.changes.map((c) => [c.campaign_id, c.before, c.after])).toEqual([
      ["a", 10_000, 8_000],
      ["b", 5_000, 7_000],
    ]);

    const again = await store.budget.decide({
      tenantId: TENANT,
      id: "br-1",
      decision: "approved",
      by: "slack:UOTHER",
      now: LATER,
    });
    expect(again.outcome).toBe("already_decided");
    if (again.outcome === "already_decided") {
      expect(again.recommendation).toMatchObject({
        status: "approved",
        decided_by: "slack:UBOSS",
        decided_by_name: "boss",
        decided_at: LATER.toISOString(),
      });
    }
    expect(await budgets()).toEqual({ a: 8_000, b: 7_000, c: 8_000 });
    const audit = await store.audit.list(TENANT, { action: "budget." });
    expect(audit.map((a) => [a.action, a.actor, a.subject])).toEqual([
      ["budget.approve", "slack:UBOSS", "br-1"],
    ]);
    const [decision] = await store.budget.decisions(TENANT);
    expect(decision?.changes).toHaveLength(2);
  });

  it("20 concurrent approvals apply exactly one change", async () => {
    await store.budget.createBatch([recommendation("br-1")]);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.budget.decide({
          tenantId: TENANT,
          id: "br-1",
          decision: "approved",
          by: `slack:UM${String(i).padStart(2, "0")}`,
          now: LATER,
        }),
      ),
    );
    expect(results.filter((r) => r.outcome === "decided")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "already_decided")).toHaveLength(19);
    expect(await budgets()).toEqual({ a: 8_000, b: 7_000, c: 8_000 });
    expect(await store.budget.changesFor(TENANT, ["br-1"])).toHaveLength(2);
    expect(await store.audit.list(TENANT, { action: "budget.approve" })).toHaveLength(1);
    // Everyone who lost is told the same winner.
    const winner = results.find((r) => r.outcome === "decided");
    const named = new Set(
      results.map((r) => ("recommendation" in r ? r.recommendation.decided_by : undefined)),
    );
    expect(named.size).toBe(1);
    expect(
      winner && "recommendation" in winner && named.has(winner.recommendation.decided_by),
    ).toBe(true);
  });

  it("refuses an expired recommendation and marks it expired", async () => {
    await store.budget.createBatch([recommendation("br-1", { expires_at: NOW.toISOString() })]);
    const result = await store.budget.decide({
      tenantId: TENANT,
      id: "br-1",
      decision: "approved",
      by: "slack:UBOSS",
      now: LATER,
    });
    expect(result.outcome).toBe("expired");
    expect((await store.budget.get(TENANT, "br-1"))?.status).toBe("expired");
    expect(await budgets()).toEqual({ a: 10_000, b: 5_000, c: 8_000 });
  });

  it("applies nothing when a campaign was paused or the giver would drop below its floor", async () => {
    await store.budget.createBatch([
      recommendation("br-1"),
      recommendation("br-2", {
        batch_id: "bb-2",
        from_campaign: "c",
        to_campaign: "b",
        budget_floor: 7_500,
      }),
    ]);
    await store.campaigns.upsertMany([campaign("b", 5_000, "paused")]);
    const paused = await store.budget.decide({
      tenantId: TENANT,
      id: "br-1",
      decision: "approved",
      by: "slack:UBOSS",
      now: LATER,
    });
    expect(paused.outcome).toBe("stale");
    expect((await store.budget.get(TENANT, "br-1"))?.status).toBe("superseded");

    await store.campaigns.upsertMany([campaign("b", 5_000, "active")]);
    const floor = await store.budget.decide({
      tenantId: TENANT,
      id: "br-2",
      decision: "approved",
      by: "slack:UBOSS",
      now: LATER,
    });
    expect(floor.outcome).toBe("stale");
    expect(await budgets()).toEqual({ a: 10_000, b: 5_000, c: 8_000 });
    expect(await store.budget.changesFor(TENANT, ["br-1", "br-2"])).toEqual([]);
    expect(await store.audit.list(TENANT, { action: "budget." })).toEqual([]);
  });

  it("supersedes other messages' pending moves on the same campaigns, not its own batch's", async () => {
    await store.budget.createBatch([
      recommendation("br-1"),
      recommendation("br-2", { position: 2, from_campaign: "c", to_campaign: "a" }),
      recommendation("br-3", { batch_id: "bb-2", from_campaign: "c", to_campaign: "b" }),
      recommendation("br-4", {
        batch_id: "bb-2",
        position: 2,
        from_campaign: "c",
        to_campaign: "a",
      }),
    ]);
    await store.budget.decide({
      tenantId: TENANT,
      id: "br-1",
      decision: "approved",
      by: "slack:UBOSS",
      now: LATER,
    });
    const status = async (id: string) => (await store.budget.get(TENANT, id))?.status;
    expect(await status("br-2")).toBe("pending");
    expect(await status("br-3")).toBe("superseded");
    expect(await status("br-4")).toBe("superseded");
  });

  it("rejects without touching budgets, audited; other tenants see nothing", async () => {
    await store.budget.createBatch([recommendation("br-1")]);
    expect(
      (
        await store.budget.decide({
          tenantId: "slack:T2",
          id: "br-1",
          decision: "approved",
          by: "slack:UX",
          now: LATER,
        })
      ).outcome,
    ).toBe("not_found");
    const result = await store.budget.decide({
      tenantId: TENANT,
      id: "br-1",
      decision: "rejected",
      by: "slack:UBOSS",
      now: LATER,
    });
    expect(result.outcome).toBe("decided");
    expect(await budgets()).toEqual({ a: 10_000, b: 5_000, c: 8_000 });
    expect((await store.audit.list(TENANT)).map((a) => a.action)).toEqual(["budget.reject"]);
    expect((await store.budget.decisions(TENANT)).map((d) => d.recommendation.status)).toEqual([
      "rejected",
    ]);
  });

  it("remembers where a batch was posted, first click wins", async () => {
    await store.budget.createBatch([
      recommendation("br-1"),
      recommendation("br-2", { position: 2 }),
    ]);
    await store.budget.recordMessage(TENANT, "bb-1", {
      platform: "slack",
      channelId: "C1",
      messageId: "1.2",
    });
    await store.budget.recordMessage(TENANT, "bb-1", {
      platform: "slack",
      channelId: "C9",
      messageId: "9.9",
    });
    const batch = await store.budget.listBatch(TENANT, "bb-1");
    expect(batch.map((r) => [r.id, r.message_channel, r.message_id])).toEqual([
      ["br-1", "C1", "1.2"],
      ["br-2", "C1", "1.2"],
    ]);
  });

  it("its migration survives down → up", async () => {
    const m = await migratorFor(store.db);
    const names = Object.keys(migrations);
    const previous = names[
      names.indexOf("202611220400-create-budget-recommendations") - 1
    ] as string;
    const down = await m.migrateTo(previous);
    expect(down.error).toBeUndefined();
    const tables = async () => (await store.db.introspection.getTables()).map((t) => t.name);
    expect(await tables()).not.toContain("budget_recommendations");
    const up = await m.migrateToLatest();
    expect(up.error).toBeUndefined();
    expect(await tables()).toEqual(
      expect.arrayContaining(["budget_recommendations", "budget_changes"]),
    );
  });
});
