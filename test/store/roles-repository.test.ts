import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { can } from "../../src/core/permissions";
import type { MemberRole } from "../../src/store/schema";
import type { Store } from "../../src/store/store";
import { engines } from "../support/test-stores";

const NOW = new Date("2026-11-22T10:00:00.000Z");

describe.each(engines)("roles and audit log on $name", (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await engine.open();
    for (const id of ["slack:T1", "slack:T2"]) {
      await store.tenants.ensure({ id, name: id, timezone: "UTC", currency: "USD" }, NOW);
    }
  });
  afterEach(() => store.close());

  it("grants once, audits each change, and keeps tenants apart", async () => {
    expect(await store.roles.grant("slack:T1", "slack:U2", "importer", "slack:U1", NOW)).toBe(true);
    expect(await store.roles.grant("slack:T1", "slack:U2", "importer", "slack:U1", NOW)).toBe(
      false,
    );
    expect(await store.roles.grant("slack:T1", "slack:U2", "manager", "slack:U1", NOW)).toBe(true);
    expect(await store.roles.rolesOf("slack:T1", "slack:U2")).toEqual(["importer", "manager"]);
    expect(await store.roles.rolesOf("slack:T2", "slack:U2")).toEqual([]);
    expect(await store.roles.revoke("slack:T1", "slack:U2", "manager", "slack:U1", NOW)).toBe(true);
    expect(await store.roles.revoke("slack:T1", "slack:U2", "manager", "slack:U1", NOW)).toBe(
      false,
    );
    expect(await store.roles.list("slack:T1")).toEqual([
      {
        tenant_id: "slack:T1",
        user_id: "slack:U2",
        role: "importer",
        granted_by: "slack:U1",
        granted_at: NOW.toISOString(),
      },
    ]);
    const audit = await store.audit.list("slack:T1");
    expect(audit.map((a) => [a.action, a.subject, JSON.parse(a.details).role])).toEqual(
      expect.arrayContaining([
        ["role.grant", "slack:U2", "importer"],
        ["role.grant", "slack:U2", "manager"],
        ["role.revoke", "slack:U2", "manager"],
      ]),
    );
    expect(audit).toHaveLength(3);
    expect(await store.audit.list("slack:T2")).toEqual([]);
    expect(await store.audit.list("slack:T1", { action: "role.revoke" })).toHaveLength(1);
    expect(await store.audit.list("slack:T1", { action: "role." })).toHaveLength(3);
  });

  it("rejects roles outside the list", async () => {
    await expect(
      store.db
        .insertInto("member_roles")
        .values({
          tenant_id: "slack:T1",
          user_id: "slack:U2",
          role: "admin" as MemberRole,
          granted_by: "x",
          granted_at: "x",
        })
        .execute(),
    ).rejects.toThrow();
  });

  it("feeds the permission check", async () => {
    await store.roles.grant("slack:T1", "slack:U3", "importer", "slack:U1", NOW);
    const actor = async (userId: string) => ({
      userId,
      tenantId: "slack:T1",
      granted: await store.roles.rolesOf("slack:T1", userId),
      bootstrapManagers: [],
    });
    expect(can(await actor("slack:U3"), "import")).toBe(true);
    expect(can(await actor("slack:U3"), "approve_budget")).toBe(false);
    expect(can(await actor("slack:U4"), "import")).toBe(false);
  });
});

describe.each(engines)("app users on $name", (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await engine.open();
    await store.tenants.ensure(
      { id: "local", name: "Demo", timezone: "UTC", currency: "USD" },
      NOW,
    );
  });
  afterEach(() => store.close());

  it("upserts users and events, and replaces a user's events as a whole", async () => {
    await store.appUsers.upsertUsers([
      {
        tenant_id: "local",
        id: "u1",
        signup_date: "2026-01-02",
        gender: "female",
        age_group: "25-34",
        segment: "gold",
      },
      {
        tenant_id: "local",
        id: "u2",
        signup_date: null,
        gender: "unknown",
        age_group: "unknown",
        segment: null,
      },
    ]);
    const event = (user: string, at: string, type: string, earned = 0) => ({
      tenant_id: "local",
      user_id: user,
      occurred_at: at,
      event_type: type,
      points_earned: earned,
      points_redeemed: 0,
    });
    await store.appUsers.upsertEvents([
      event("u1", "2026-03-01T10:00:00.000Z", "purchase", 30),
      event("u2", "2026-03-01T11:00:00.000Z", "app_open"),
    ]);
    await store.appUsers.upsertEvents([event("u1", "2026-03-01T10:00:00.000Z", "purchase", 35)]);
    expect(await store.appUsers.countEvents("local")).toBe(2);
    await store.appUsers.replaceEvents(
      "local",
      ["u1"],
      [event("u1", "2026-03-05T10:00:00.000Z", "redeem")],
    );
    const events = await store.appUsers.eventsBetween("local", {
      from: "2026-03-01T00:00:00.000Z",
      to: "2026-04-01T00:00:00.000Z",
    });
    expect(events.map((e) => [e.user_id, e.event_type, e.points_earned])).toEqual([
      ["u2", "app_open", 0],
      ["u1", "redeem", 0],
    ]);
    expect(await store.appUsers.existingUserIds("local", ["u1", "u9"])).toEqual(new Set(["u1"]));
    expect((await store.appUsers.listUsers("local")).map((u) => u.id)).toEqual(["u1", "u2"]);
  });

  it("refuses events of unknown users and malformed instants", async () => {
    const bad = (user: string, at: string) =>
      store.appUsers.upsertEvents([
        {
          tenant_id: "local",
          user_id: user,
          occurred_at: at,
          event_type: "x",
          points_earned: 0,
          points_redeemed: 0,
        },
      ]);
    await expect(bad("ghost", "2026-03-01T10:00:00.000Z")).rejects.toThrow();
    await store.appUsers.upsertUsers([
      {
        tenant_id: "local",
        id: "u1",
        signup_date: null,
        gender: "male",
        age_group: "18-24",
        segment: null,
      },
    ]);
    await expect(bad("u1", "2026-03-01 10:00")).rejects.toThrow();
  });
});
