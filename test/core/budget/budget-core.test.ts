import { describe, expect, it } from "vitest";
import {
  type CampaignInput,
  type CampaignModel,
  centralRange,
  curveMarginal,
  curveValue,
  DEFAULT_GUARDRAILS,
  fitResponseCurve,
  formatReturn,
  horizonValue,
  modelCampaigns,
  moveGain,
  moveGainRange,
  moveLimit,
  moveReason,
  planAllocation,
  proposeMoves,
  roiRules,
  roundDownToStep,
  type SpendPoint,
} from "../../../src/core/budget/index";

const TODAY = "2026-11-22";

/** 28 days whose spend cycles through `spends` and whose value follows `value(spend)`. */
function days(spends: number[], value: (spend: number) => number, n = 28): SpendPoint[] {
  return Array.from({ length: n }, (_, i) => {
    const spend = spends[i % spends.length] as number;
    return { spend, value: value(spend) };
  });
}

function campaign(id: string, fields: Partial<CampaignInput> & { rate?: number }): CampaignInput {
  const rate = fields.rate ?? 1;
  const weekly = fields.weeklySpend ?? 700;
  return {
    id,
    name: id.toUpperCase(),
    status: "active",
    endDate: null,
    budget: 100_000,
    spentToDate: 10_000,
    days: days([weekly / 7 - 20, weekly / 7, weekly / 7 + 20], (s) => rate * s),
    weeklySpend: weekly,
    ...fields,
  };
}

describe("response curves", () => {
  it("evaluates the log curve and its marginal return (hand-checked)", () => {
    const curve = { kind: "log", a: 1000, b: 500 } as const;
    expect(curveValue(curve, 500)).toBeCloseTo(1000 * Math.LN2, 9); // 693.147…
    expect(curveMarginal(curve, 500)).toBe(1); // 1000 / (500 + 500)
    expect(curveMarginal(curve, 0)).toBe(2); // a / b: the first dollar
    // A week at $3,500 is 7 days at $500.
    expect(horizonValue(curve, 3500)).toBeCloseTo(7 * 1000 * Math.LN2, 9);
    expect(horizonValue({ kind: "linear", rate: 2.5 }, 700)).toBe(1750);
  });

  it("recovers a saturating curve from its own days", () => {
    const truth = { a: 800, b: 300 };
    const fit = fitResponseCurve(
      days([100, 200, 300, 450, 600, 800, 250], (s) => truth.a * Math.log1p(s / truth.b)),
    );
    expect(fit?.method).toBe("curve");
    expect(fit?.curve.kind).toBe("log");
    if (fit?.curve.kind !== "log") return;
    expect(fit.curve.a).toBeCloseTo(800, 0);
    expect(fit.curve.b).toBeCloseTo(300, 0);
  });

  it("falls back to the average return when data is thin, flat or straight", () => {
    const thin = fitResponseCurve(days([100, 200], (s) => 3 * s, 6));
    expect(thin).toMatchObject({
      method: "average",
      reason: "thin",
      curve: { kind: "linear", rate: 3 },
    });

    const flat = fitResponseCurve(days([500, 502, 498], (s) => 2 * s));
    expect(flat).toMatchObject({ method: "average", reason: "flat" });

    // The fallback rate is Σ value / Σ spend: what each dollar actually earned.
    const straight = fitResponseCurve(days([100, 300, 500, 700], (s) => 1.5 * s));
    expect(straight).toMatchObject({ method: "average", reason: "no_better" });
    expect(straight?.average).toBeCloseTo(1.5, 12);

    expect(fitResponseCurve([{ spend: 0, value: 10 }])).toBeUndefined();
  });
});

describe("campaign models and guardrails", () => {
  it("excludes paused, ended and non-spending campaigns", () => {
    const models = modelCampaigns(
      [
        campaign("a", {}),
        campaign("p", { status: "paused" }),
        campaign("e", { endDate: "2026-11-01" }),
        campaign("z", { weeklySpend: 0 }),
        campaign("n", { days: [] }),
      ],
      DEFAULT_GUARDRAILS,
      TODAY,
    );
    expect(models.map((m) => [m.id, m.excluded])).toEqual([
      ["a", undefined],
      ["p", "status"],
      ["e", "ended"],
      ["z", "no_recent_spend"],
      ["n", "no_data"],
    ]);
  });

  it("limits a move by ±maxChangePct of both weekly spends and the giver's spare budget", () => {
    const [from, to] = modelCampaigns(
      [
        campaign("from", { weeklySpend: 1000, budget: 10_000, spentToDate: 9_500 }),
        campaign("to", { weeklySpend: 2000 }),
      ],
      DEFAULT_GUARDRAILS,
      TODAY,
    ) as [CampaignModel, CampaignModel];
    // min(30 % of 1,000, 30 % of 2,000, 10,000 − max(500, 9,500)) = 300
    expect(moveLimit(from, to, DEFAULT_GUARDRAILS)).toBe(300);
    expect(moveLimit(from, to, { ...DEFAULT_GUARDRAILS, maxChangePct: 60 })).toBe(500);
    expect(roundDownToStep(1234.5, 10)).toBe(1230);
    expect(roundDownToStep(30.000000000004, 10)).toBe(30);
  });

  it("moves from the lowest to the highest marginal return, once per campaign (hand-checked)", () => {
    const models = modelCampaigns(
      [
        campaign("low", { rate: 0.5, weeklySpend: 1000 }),
        campaign("high", { rate: 3, weeklySpend: 2000 }),
        campaign("mid", { rate: 1.2, weeklySpend: 1000 }),
        campaign("mid2", { rate: 1, weeklySpend: 1000 }),
        campaign("paused", { rate: 9, status: "paused" }),
      ],
      DEFAULT_GUARDRAILS,
      TODAY,
    );
    const moves = proposeMoves(models, DEFAULT_GUARDRAILS);
    // Straight lines: the whole limit, 30 % of the smaller weekly spend. low → high first
    // (300 · (3 − 0.5) = 750), then mid2 → mid (300 · 0.2 = 60).
    expect(moves.map((m) => [m.fromId, m.toId, m.amount])).toEqual([
      ["low", "high", 300],
      ["mid2", "mid", 300],
    ]);
    expect(moves[0]?.gain).toBeCloseTo(750, 9);
    expect(moves[1]?.gain).toBeCloseTo(60, 9);
    expect(moves.flatMap((m) => [m.fromId, m.toId])).not.toContain("paused");

    const capped = proposeMoves(models, DEFAULT_GUARDRAILS, { totalCap: 450 });
    expect(capped.map((m) => m.amount)).toEqual([300, 150]);
  });

  it("stops a saturating receiver where its marginal return meets the giver's", () => {
    const log = { a: 700, b: 100 }; // marginal at daily s: 700 / (100 + s)
    const models = modelCampaigns(
      [
        campaign("giver", { rate: 1, weeklySpend: 7000 }),
        campaign("sat", {
          weeklySpend: 2100, // $300 a day: marginal 700 / 400 = 1.75
          days: days([150, 250, 300, 350, 450, 600, 200], (s) => log.a * Math.log1p(s / log.b)),
        }),
      ],
      { ...DEFAULT_GUARDRAILS, maxChangePct: 100 },
      TODAY,
    );
    const [move] = proposeMoves(models, { ...DEFAULT_GUARDRAILS, maxChangePct: 100 });
    // Marginals meet at daily s = 600 (700 / 700 = 1): a week at +$2,100 — rounded down to $10.
    expect(move?.toId).toBe("sat");
    expect(move?.amount).toBeGreaterThan(2000);
    expect(move?.amount).toBeLessThanOrEqual(2100);
    expect(move?.gain).toBeGreaterThan(0);
    const [giver, sat] = models as [CampaignModel, CampaignModel];
    expect(moveGain(giver, sat, move?.amount ?? 0)).toBeCloseTo(move?.gain ?? 0, 9);
  });

  it("brackets a move's gain with a seeded bootstrap range", () => {
    const models = modelCampaigns(
      [
        campaign("low", { rate: 0.5, days: noisy(0.5, 1) }),
        campaign("high", { rate: 3, days: noisy(3, 2) }),
      ],
      DEFAULT_GUARDRAILS,
      TODAY,
    ) as [CampaignModel, CampaignModel];
    const range = moveGainRange(models[0], models[1], 200);
    const again = moveGainRange(models[0], models[1], 200);
    expect(range).toEqual(again);
    expect(range?.low).toBeLessThan(moveGain(models[0], models[1], 200));
    expect(range?.high).toBeGreaterThan(moveGain(models[0], models[1], 200));
    expect(centralRange([1, 2, 3, 4, 5], 0.5)).toEqual({ low: 2, high: 4 });
  });
});

describe("plan", () => {
  it("splits an amount toward the better return within ±maxChangePct of the proportional split", () => {
    const models = modelCampaigns(
      [
        campaign("one", { rate: 1, weeklySpend: 1000 }),
        campaign("two", { rate: 2, weeklySpend: 1000 }),
      ],
      DEFAULT_GUARDRAILS,
      TODAY,
    );
    const plan = planAllocation(models, 2000, DEFAULT_GUARDRAILS);
    const byId = Object.fromEntries(plan.lines.map((l) => [l.id, l.proposed]));
    expect(byId.one).toBeCloseTo(700, 6);
    expect(byId.two).toBeCloseTo(1300, 6);
    expect(plan.expected).toBeCloseTo(700 + 2600, 6);
    expect(plan.baselineExpected).toBeCloseTo(3000, 6);
  });

  it("equalises marginal returns of saturating campaigns", () => {
    const same = (id: string) =>
      campaign(id, {
        weeklySpend: 2100,
        days: days([150, 250, 300, 350, 450], (s) => 500 * Math.log1p(s / 200)),
      });
    const models = modelCampaigns([same("a"), same("b")], DEFAULT_GUARDRAILS, TODAY);
    const plan = planAllocation(models, 5000, DEFAULT_GUARDRAILS);
    expect(plan.lines[0]?.proposed).toBeCloseTo(2500, 3);
    expect(plan.expected).toBeCloseTo(plan.baselineExpected, 6);
  });
});

describe("rules of thumb and reasons", () => {
  it("flags ROI under 50 % to cut and over 200 % to scale", () => {
    const rules = roiRules([
      { id: "a", name: "A", spend: 100, revenue: 112 }, // 12 %
      { id: "b", name: "B", spend: 100, revenue: 340 }, // 240 %
      { id: "c", name: "C", spend: 100, revenue: 150 }, // 50 %: neither
      { id: "d", name: "D", spend: 100, revenue: 20 }, // −80 %
      { id: "e", name: "E", spend: 0, revenue: 50 }, // no ROI
    ]);
    expect(rules.cut.map((f) => [f.id, Math.round(f.roi)])).toEqual([
      ["d", -80],
      ["a", 12],
    ]);
    expect(rules.scale.map((f) => [f.id, Math.round(f.roi)])).toEqual([["b", 240]]);
  });

  it("says in one sentence where the next dollar earns more", () => {
    expect(
      moveReason({
        fromName: "Campaign A",
        toName: "Campaign B",
        fromMarginal: 0.8,
        toMarginal: 3.1,
        goal: "revenue",
        currency: "USD",
      }),
    ).toBe(
      "Campaign B returns about $3.10 per extra dollar at its current spend, Campaign A only $0.80.",
    );
    const both = moveReason({
      fromName: "A",
      toName: "B",
      fromMarginal: 0.012,
      toMarginal: 0.031,
      goal: "conversions",
      currency: "USD",
      fromFallback: "thin",
      toFallback: "thin",
    });
    expect(both).toBe(
      "B brings about 0.031 conversions per extra dollar at its current spend, A only 0.012 conversions (both on their average return: too few days for a curve).",
    );
    expect(both.match(/\./g)?.length).toBe(3); // decimals only: one sentence
    expect(formatReturn(46.2, "conversions", "USD")).toBe("46 conversions");
    expect(formatReturn(4400, "revenue", "USD")).toBe("$4,400");
  });
});

/** 28 days of `rate`·spend with ±20 % noise, seeded by hand (no RNG needed). */
function noisy(rate: number, phase: number): SpendPoint[] {
  return Array.from({ length: 28 }, (_, i) => {
    const spend = 80 + ((i * 37 + phase * 11) % 60);
    const wobble = 1 + 0.2 * Math.sin(i * 1.7 + phase);
    return { spend, value: rate * spend * wobble };
  });
}
