import { describe, expect, it } from "vitest";
import { generateDemoAppUsers } from "../../src/core/demo-app-users";

describe("generateDemoAppUsers", () => {
  const demo = generateDemoAppUsers({ tenantId: "local", endDay: "2026-11-22" });

  it("is deterministic", () => {
    expect(generateDemoAppUsers({ tenantId: "local", endDay: "2026-11-22" })).toEqual(demo);
    expect(
      generateDemoAppUsers({ tenantId: "local", endDay: "2026-11-22", seed: 2 }).events,
    ).not.toEqual(demo.events);
  });

  it("has members in every segment and activity of every kind", () => {
    expect(demo.users).toHaveLength(400);
    expect(new Set(demo.users.map((u) => u.segment))).toEqual(
      new Set(["bronze", "silver", "gold"]),
    );
    expect(new Set(demo.events.map((e) => e.event_type))).toEqual(
      new Set(["signup", "app_open", "offer_viewed", "purchase", "redeem", "referral"]),
    );
  });

  it("never lies in the future, never repeats a key, never overdraws points", () => {
    expect(demo.events.every((e) => e.occurred_at < "2026-11-22T00:00:00.000Z")).toBe(true);
    const keys = new Set(demo.events.map((e) => `${e.user_id}|${e.occurred_at}|${e.event_type}`));
    expect(keys.size).toBe(demo.events.length);
    const ids = new Set(demo.users.map((u) => u.id));
    expect(demo.events.every((e) => ids.has(e.user_id))).toBe(true);
    for (const user of demo.users) {
      const events = demo.events.filter((e) => e.user_id === user.id);
      const signup = events.find((e) => e.event_type === "signup");
      if (signup) expect(signup.occurred_at.slice(0, 10)).toBe(user.signup_date);
      // Members from before the window bring at most 400 points into it.
      let balance = signup ? 0 : 400;
      for (const e of events) {
        balance += e.points_earned - e.points_redeemed;
        expect(balance).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it("rejects a malformed end day", () => {
    expect(() => generateDemoAppUsers({ tenantId: "local", endDay: "2026-02-30" })).toThrow(
      RangeError,
    );
  });
});
