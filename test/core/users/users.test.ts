import { describe, expect, it } from "vitest";
import { churnRisk } from "../../../src/core/users/churn-risk";
import { shareBy } from "../../../src/core/users/distribution";
import {
  inferredOpeningBalances,
  loyaltyPoints,
  openingBalance,
} from "../../../src/core/users/loyalty-points";
import { addMonths, monthRange, retentionCohorts } from "../../../src/core/users/retention-cohorts";
import { returnShare } from "../../../src/core/users/return-share";
import { userActivity } from "../../../src/core/users/user-activity";
import { userProfile } from "../../../src/core/users/user-profile";
import {
  activeDaysByUser,
  type LocalEvent,
  localizeEvents,
  type UserRow,
} from "../../../src/core/users/user-rows";

const user = (id: string, signup_date: string | null, extra: Partial<UserRow> = {}): UserRow => ({
  id,
  signup_date,
  gender: "unknown",
  age_group: "unknown",
  segment: null,
  ...extra,
});
const event = (
  user_id: string,
  day: string,
  points_earned = 0,
  points_redeemed = 0,
): LocalEvent => ({
  user_id,
  day,
  event_type: points_redeemed > 0 ? "redeem" : "purchase",
  points_earned,
  points_redeemed,
});

const TODAY = "2026-03-15";
const users = [
  user("u1", "2026-01-05", { gender: "female", segment: "gold" }),
  user("u2", "2026-01-15", { gender: "male" }),
  user("u3", "2026-01-31", { gender: "female" }),
  user("u4", "2026-02-10"),
  user("u5", "2026-02-20"),
];
const events = [
  event("u1", "2026-01-05", 100),
  event("u1", "2026-01-20", 0, 50),
  event("u1", "2026-02-03"),
  event("u1", "2026-03-10", 20),
  event("u2", "2026-01-15", 30),
  event("u2", "2026-03-01"),
  event("u4", "2026-02-10", 200),
  event("u4", "2026-02-11"),
  event("u4", "2026-03-05", 0, 150),
  event("u5", "2026-02-20"),
];
const activeDays = activeDaysByUser(events);

describe("retentionCohorts", () => {
  it("builds the signup-month triangle with hand-counted retention", () => {
    const result = retentionCohorts(users, activeDays, "2026-01", TODAY);
    expect(result.offsets).toBe(3);
    expect(result.current_month).toBe("2026-03");
    const [jan, feb, mar] = result.cohorts;
    // January: u1, u2, u3. February: only u1 active. March: u1 (10th) and u2 (1st).
    expect(jan).toMatchObject({ cohort: "2026-01", size: 3, retained: [3, 1, 2] });
    expect(jan?.rates.map((r) => (r === null ? null : Math.round(r * 100) / 100))).toEqual([
      100, 33.33, 66.67,
    ]);
    // February: u4 and u5; in March only u4.
    expect(feb).toMatchObject({
      cohort: "2026-02",
      size: 2,
      retained: [2, 1, null],
      rates: [100, 50, null],
    });
    // March: nobody signed up yet.
    expect(mar).toMatchObject({ size: 0, retained: [0, null, null], rates: [null, null, null] });
  });

  it("lists months across a year end", () => {
    expect(monthRange("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthRange("2026-02", "2026-01")).toEqual([]);
    expect(addMonths("2026-02", -3)).toBe("2025-11");
    expect(addMonths("2025-12", 1)).toBe("2026-01");
  });
});

describe("userActivity", () => {
  it("splits monthly active users into new (signed up that month) and existing", () => {
    const months = userActivity(users, events, { from: "2026-01-01", to: TODAY }, "month");
    expect(
      months.map((m) => [
        m.label,
        m.new_users,
        m.active_users,
        m.active_new,
        m.active_existing,
        m.events,
      ]),
    ).toEqual([
      ["2026-01", 3, 2, 2, 0, 3],
      ["2026-02", 2, 3, 2, 1, 4],
      ["2026-03", 0, 3, 0, 3, 3],
    ]);
    expect(months[2]).toMatchObject({ from: "2026-03-01", to: TODAY });
  });

  it("works per day too", () => {
    const days = userActivity(users, events, { from: "2026-02-10", to: "2026-02-11" }, "day");
    expect(days.map((d) => [d.label, d.new_users, d.active_new, d.active_existing])).toEqual([
      ["2026-02-10", 1, 1, 0],
      ["2026-02-11", 0, 0, 1],
    ]);
  });
});

describe("returnShare", () => {
  it("counts users active on a later day than their signup, per window only once it has passed", () => {
    const r = returnShare(
      users,
      activeDays,
      { from: "2026-01-01", to: "2026-02-28" },
      TODAY,
      [7, 30],
    );
    // u1 (back on Jan 20), u2 (Mar 1) and u4 (Feb 11) came back; u3 and u5 did not.
    expect([r.signed_up, r.returned, r.share]).toEqual([5, 3, 60]);
    expect(r.windows).toEqual([
      // Only u4 came back within a week.
      { days: 7, eligible: 5, returned: 1, share: 20 },
      // u5's 30 days are not over (Feb 20 + 30 = Mar 22); u1 and u4 came back within 30 days.
      { days: 30, eligible: 4, returned: 2, share: 50 },
    ]);
  });
});

describe("loyaltyPoints", () => {
  it("carries the outstanding balance from before the range through each month", () => {
    const opening = openingBalance(events, "2026-02-01");
    expect(opening).toBe(80); // 100 − 50 + 30
    const months = loyaltyPoints(events, { from: "2026-02-01", to: TODAY }, "month", opening);
    expect(months.map((m) => [m.label, m.earned, m.redeemed, m.net, m.balance])).toEqual([
      ["2026-02", 200, 0, 200, 280],
      ["2026-03", 20, 150, -130, 150],
    ]);
  });
});

describe("inferredOpeningBalances", () => {
  it("infers the points a user held before their first record from redemptions that exceed it", () => {
    const opening = inferredOpeningBalances([
      // Redeems 250 with nothing recorded: held at least 250 before.
      event("a", "2026-03-01", 0, 250),
      event("a", "2026-03-02", 100),
      // Then spends 300 with 100 recorded: the running balance bottoms at −450 → 450 before.
      event("a", "2026-03-03", 0, 300),
      // Never below zero: nothing inferred.
      event("b", "2026-03-01", 100),
      event("b", "2026-03-02", 0, 100),
      // Earned and redeemed the same day: netted, so no dip.
      event("c", "2026-03-01", 250),
      event("c", "2026-03-01", 0, 250),
    ]);
    expect(Object.fromEntries(opening)).toEqual({ a: 450, b: 0, c: 0 });
  });
});

describe("churnRisk", () => {
  const risk = (days: string[], signup = "2026-01-01") =>
    churnRisk({ signup_date: signup }, [...new Set(days)].sort(), days, TODAY);

  it("is low for a user active within their usual gap", () => {
    // Gaps 15, 14, 35 → usual 15 days; silent 5.
    const r = risk(["2026-01-05", "2026-01-20", "2026-02-03", "2026-03-10"]);
    expect(r).toMatchObject({
      band: "low",
      days_since_last: 5,
      typical_gap: 15,
      recent_events: 1,
      prior_events: 2,
      trend: "steady",
    });
  });

  it("is high for a weekly user silent for six weeks", () => {
    const r = risk(["2026-01-01", "2026-01-08", "2026-01-15", "2026-01-22", "2026-01-29"]);
    expect(r.band).toBe("high");
    expect(r.typical_gap).toBe(7);
    expect(r.days_since_last).toBe(45);
    expect(r.overdue).toBeCloseTo(45 / 7, 10);
  });

  it("is medium when silent 1.5 usual gaps or when activity falls by half", () => {
    // One active day: the default 14-day gap; 23 days silent = 1.64 gaps.
    expect(risk(["2026-02-20"]).band).toBe("medium");
    // Weekly, then only once in the last 28 days: 4 events before vs 1 → falling.
    const falling = risk(["2026-01-20", "2026-01-27", "2026-02-03", "2026-02-10", "2026-03-10"]);
    expect(falling).toMatchObject({
      band: "medium",
      trend: "falling",
      recent_events: 1,
      prior_events: 4,
    });
  });

  it("is high for a user never active two weeks after signing up", () => {
    expect(risk([], "2026-01-31")).toMatchObject({ band: "high", days_since_last: 43 });
    expect(risk([], "2026-03-10").band).toBe("medium");
  });
});

describe("userProfile", () => {
  it("sums one user's activity and points", () => {
    const p = userProfile(users[0] as UserRow, events, TODAY);
    expect(p).toMatchObject({
      id: "u1",
      segment: "gold",
      events: 4,
      active_days: 4,
      first_active: "2026-01-05",
      last_active: "2026-03-10",
      points_earned: 120,
      points_redeemed: 50,
      points_balance: 70,
    });
    expect(p.event_types).toEqual([
      { type: "purchase", count: 3 },
      { type: "redeem", count: 1 },
    ]);
    expect(p.churn.band).toBe("low");
  });
});

describe("shareBy and localizeEvents", () => {
  it("keeps the listed order, zeros included", () => {
    expect(shareBy(users, (u) => u.gender, ["female", "male", "other", "unknown"])).toEqual([
      { key: "female", count: 2, share: 40 },
      { key: "male", count: 1, share: 20 },
      { key: "other", count: 0, share: 0 },
      { key: "unknown", count: 2, share: 40 },
    ]);
  });

  it("puts events on the tenant's calendar", () => {
    const [e] = localizeEvents(
      [
        {
          user_id: "u1",
          occurred_at: "2026-03-02T03:00:00.000Z",
          event_type: "purchase",
          points_earned: 5,
          points_redeemed: 0,
        },
      ],
      "America/New_York",
    );
    expect(e?.day).toBe("2026-03-01");
  });
});
