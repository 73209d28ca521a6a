import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readChartMeta } from "../../src/charts/meta";
import { generateDemoAppUsers } from "../../src/core/demo-app-users";
import { type DemoServices, openDemoServices } from "../support/demo-services";

const demo = generateDemoAppUsers({ tenantId: "local", endDay: "2026-11-22" });
const FROM = "2026-10-24";
const TO = "2026-11-22";
/** The demo tenant is on UTC: an event's day is its instant's date. */
const day = (instant: string) => instant.slice(0, 10);
const inPeriod = demo.events.filter((e) => day(e.occurred_at) >= FROM && day(e.occurred_at) <= TO);

let services: DemoServices;
beforeAll(async () => {
  services = await openDemoServices();
});
afterAll(() => services.close());

describe("users overview", () => {
  it("counts new and active users, split into new and existing, from the demo's own events", async () => {
    const reply = await services.ask("users last 30d");
    const signups = demo.users.filter(
      (u) => u.signup_date && u.signup_date >= FROM && u.signup_date <= TO,
    );
    const active = new Set(inPeriod.map((e) => e.user_id));
    const activeNew = [...active].filter((id) => signups.some((u) => u.id === id)).length;
    expect(reply.data).toMatchObject({
      grain: "day",
      users: demo.users.length,
      sign_ups: signups.length,
      active_users: active.size,
      active_new: activeNew,
      active_existing: active.size - activeNew,
    });
    const activity = reply.data.activity as {
      label: string;
      new_users: number;
      active_users: number;
    }[];
    expect(activity).toHaveLength(30);
    expect(activity.reduce((a, d) => a + d.new_users, 0)).toBe(signups.length);
    const lastDay = activity.find((d) => d.label === "2026-11-21");
    expect(lastDay?.active_users).toBe(
      new Set(demo.events.filter((e) => day(e.occurred_at) === "2026-11-21").map((e) => e.user_id))
        .size,
    );
  });

  it("builds monthly retention cohorts that match a hand count", async () => {
    const reply = await services.ask("users monthly last 180d");
    const { cohorts } = reply.data.cohorts as {
      cohorts: { cohort: string; size: number; retained: (number | null)[] }[];
    };
    const july = cohorts.find((c) => c.cohort === "2026-07");
    const members = demo.users.filter((u) => u.signup_date?.startsWith("2026-07"));
    expect(july?.size).toBe(members.length);
    const activeIn = (month: string) =>
      members.filter((u) =>
        demo.events.some((e) => e.user_id === u.id && e.occurred_at.startsWith(month)),
      ).length;
    expect(july?.retained.slice(0, 5)).toEqual([
      members.length,
      activeIn("2026-08"),
      activeIn("2026-09"),
      activeIn("2026-10"),
      activeIn("2026-11"),
    ]);
    expect(july?.retained[5]).toBeNull(); // December has not happened yet
    const chart = reply.charts?.find((c) => c.id === "retention-cohorts");
    expect(readChartMeta(chart?.config as never)?.heatmap?.rows).toHaveLength(cohorts.length);
  });

  it("reports points earned and redeemed, a non-negative balance, segments and demographics", async () => {
    const reply = await services.ask("users last 30d");
    const points = reply.data.points as {
      earned: number;
      redeemed: number;
      opening_balance: number;
      closing_balance: number;
      series: { balance: number }[];
    };
    expect(points.earned).toBe(inPeriod.reduce((a, e) => a + e.points_earned, 0));
    expect(points.redeemed).toBe(inPeriod.reduce((a, e) => a + e.points_redeemed, 0));
    expect(points.closing_balance).toBe(points.opening_balance + points.earned - points.redeemed);
    for (const b of points.series) expect(b.balance).toBeGreaterThanOrEqual(0);
    const segments = reply.data.by_segment as { key: string; count: number }[];
    expect(segments.reduce((a, s) => a + s.count, 0)).toBe(demo.users.length);
    expect(Object.fromEntries(segments.map((s) => [s.key, s.count]))).toEqual(
      Object.fromEntries(
        ["bronze", "silver", "gold"].map((k) => [
          k,
          demo.users.filter((u) => u.segment === k).length,
        ]),
      ),
    );
    const genders = reply.data.by_gender as { key: string; count: number }[];
    expect(genders.map((g) => g.key)).toEqual(["female", "male", "other", "unknown"]);
    const churn = reply.data.churn_risk as Record<string, number>;
    expect((churn.high ?? 0) + (churn.medium ?? 0) + (churn.low ?? 0)).toBe(demo.users.length);
    expect(reply.charts?.map((c) => c.id)).toEqual([
      "users-activity",
      "retention-cohorts",
      "loyalty-points",
      "users-demographics",
      "users-segments",
    ]);
    expect(reply.charts?.every((c) => c.png && !c.renderError)).toBe(true);
  });
});

describe("users churn and profile", () => {
  it("lists users by churn risk band", async () => {
    const reply = await services.ask("users churn");
    const bands = reply.data.bands as Record<string, number>;
    expect((bands.high ?? 0) + (bands.medium ?? 0) + (bands.low ?? 0)).toBe(demo.users.length);
    expect(bands.high).toBeGreaterThan(0);
    const atRisk = reply.data.at_risk as { band: string; days_since_last: number | null }[];
    expect(atRisk[0]?.band).toBe("high");
    expect(atRisk.every((r) => r.band !== "low")).toBe(true);
    expect(reply.charts?.map((c) => c.id)).toEqual(["churn-by-segment"]);
  });

  it("shows one user's profile by id", async () => {
    const reply = await services.ask("users u-00042");
    const own = demo.events.filter((e) => e.user_id === "u-00042");
    const user = reply.data.user as {
      id: string;
      events: number;
      points_earned: number;
      points_redeemed: number;
      points_balance: number;
      last_active: string;
    };
    expect(user).toMatchObject({
      id: "u-00042",
      events: own.length,
      points_earned: own.reduce((a, e) => a + e.points_earned, 0),
      points_redeemed: own.reduce((a, e) => a + e.points_redeemed, 0),
      last_active: day(own.at(-1)?.occurred_at as string),
    });
    expect(user.points_balance).toBeGreaterThanOrEqual(0);
    expect(reply.charts?.map((c) => c.id)).toEqual(["user-history"]);
  });

  it("answers an unknown id with the closest ids", async () => {
    const reply = await services.ask("users u-0042x");
    expect(reply.ephemeral).toBe(true);
    expect((reply.data.error as { code: string }).code).toBe("unknown_user");
    expect(reply.text).toContain("`u-00042`");
  });
});
