import { describe, expect, it } from "vitest";
import { funnelSteps, weakestStep } from "../../../src/core/funnel/funnel-steps";
import { revenueWaterfall } from "../../../src/core/funnel/waterfall";

describe("funnelSteps", () => {
  it("walks impressions → clicks → conversions → revenue with the rate of each step", () => {
    const steps = funnelSteps({ impressions: 10_000, clicks: 200, conversions: 10, revenue: 450 });
    expect(
      steps.map((s) => [
        s.step,
        s.value,
        s.rate?.name ?? null,
        s.rate?.value ?? null,
        s.ofImpressions,
      ]),
    ).toEqual([
      ["impressions", 10_000, null, null, 100],
      ["clicks", 200, "ctr", 2, 2],
      ["conversions", 10, "conversion_rate", 5, 0.1],
      ["revenue", 450, "revenue_per_conversion", 45, null],
    ]);
  });

  it("gives null rates, never Infinity, when a step has nothing to divide by", () => {
    const steps = funnelSteps({ impressions: 0, clicks: 0, conversions: 0, revenue: 0 });
    expect(steps.map((s) => s.rate?.value ?? null)).toEqual([null, null, null, null]);
    expect(steps[0]?.ofImpressions).toBeNull();
  });

  it("names the step that falls furthest behind a reference funnel", () => {
    const mine = funnelSteps({ impressions: 1000, clicks: 10, conversions: 1, revenue: 50 });
    const all = funnelSteps({ impressions: 1000, clicks: 20, conversions: 1, revenue: 50 });
    // CTR 1 % vs 2 % (0.5×); conversion rate 10 % vs 5 % (2×); revenue per conversion equal.
    expect(weakestStep(mine, all)).toEqual({ step: "clicks", ratio: 0.5 });
  });
});

describe("revenueWaterfall", () => {
  it("stacks gains biggest first, then losses, then the total, each bar floating from the running sum", () => {
    const steps = revenueWaterfall([
      { label: "A", value: 50 },
      { label: "B", value: -20 },
      { label: "C", value: 30 },
    ]);
    expect(steps.map((s) => [s.label, s.start, s.end, s.kind])).toEqual([
      ["A", 0, 50, "increase"],
      ["C", 50, 80, "increase"],
      ["B", 80, 60, "decrease"],
      ["Total", 0, 60, "total"],
    ]);
    // Shares of the total: 50/60, 30/60, −20/60.
    expect(steps.map((s) => Math.round((s.share ?? 0) * 10) / 10)).toEqual([83.3, 50, -33.3, 100]);
  });

  it("groups the smallest movers into one Other step and still ends at the total", () => {
    const steps = revenueWaterfall(
      [
        { label: "A", value: 100 },
        { label: "B", value: 5 },
        { label: "C", value: -40 },
        { label: "D", value: 2 },
        { label: "E", value: 0 },
      ],
      { limit: 2 },
    );
    expect(steps.map((s) => [s.label, s.value, s.start, s.end, s.members])).toEqual([
      ["A", 100, 0, 100, 1],
      ["C", -40, 100, 60, 1],
      ["Other (3)", 7, 60, 67, 3],
      ["Total", 67, 0, 67, 5],
    ]);
  });
});
