import { describe, expect, it } from "vitest";
import {
  type CampaignInput,
  type CampaignModel,
  DEFAULT_GUARDRAILS,
  expectedAt,
  type Guardrails,
  modelCampaigns,
  moveLimit,
  planAllocation,
  proposeMoves,
  type SpendPoint,
} from "../../../src/core/budget/index";
import { createRng, type Rng } from "../../../src/core/random";
import { CAMPAIGN_STATUSES } from "../../../src/store/schema";

// Property test without a property-testing library: a seeded generator of random campaign sets
// (saturating, linear, noisy, thin, flat, paused, ended, broke) and random guardrails, checked
// over many cases. A failure names its seed, so it replays exactly.

const TODAY = "2026-11-22";
const CASES = 400;

interface Case {
  seed: number;
  inputs: CampaignInput[];
  guardrails: Guardrails;
  totalCap?: number;
}

function randomDays(rng: Rng): SpendPoint[] {
  const level = rng.float(20, 2000);
  const spread = rng.pick([0, 0.02, 0.2, 0.5, 0.9]);
  const n = rng.pick([0, 3, 9, 14, 28, 28, 28]);
  const shape = rng.pick(["log", "log", "linear", "noise"] as const);
  const a = rng.float(0.2, 6) * level;
  const b = rng.float(0.05, 5) * level;
  const rate = rng.float(0, 6);
  return Array.from({ length: n }, () => {
    const spend = rng.chance(0.05) ? 0 : Math.max(0, level * (1 + spread * rng.float(-1, 1)));
    const clean =
      shape === "log"
        ? a * Math.log1p(spend / b)
        : shape === "linear"
          ? rate * spend
          : rate * level;
    const noise = 1 + rng.float(-0.3, 0.3) * (shape === "noise" ? 3 : 1);
    return { spend, value: Math.max(0, clean * noise) };
  });
}

function randomCase(seed: number): Case {
  const rng = createRng(seed);
  const count = rng.int(0, 24);
  const inputs = Array.from({ length: count }, (_, i): CampaignInput => {
    const days = randomDays(rng);
    const weeklySpend = days.slice(-7).reduce((sum, d) => sum + d.spend, 0);
    const spentToDate = weeklySpend * rng.float(1, 30);
    return {
      id: `c${i}`,
      name: `Campaign ${i}`,
      status: rng.chance(0.75) ? "active" : rng.pick(CAMPAIGN_STATUSES),
      endDate: rng.chance(0.2) ? rng.pick(["2026-10-01", "2026-11-22", "2026-12-31"]) : null,
      budget: spentToDate + rng.pick([0, 100, 1000, 50_000]) * rng.next(),
      spentToDate,
      days,
      weeklySpend,
    };
  });
  const guardrails: Guardrails = {
    ...DEFAULT_GUARDRAILS,
    maxChangePct: rng.pick([5, 10, 30, 50, 100]),
    minBudget: rng.pick([0, 500, 5000]),
    step: rng.pick([1, 10, 50]),
    minAmount: rng.pick([0, 100]),
    minGainPct: rng.pick([0, 1, 5]),
    maxMoves: rng.int(1, 6),
  };
  return { seed, inputs, guardrails, totalCap: rng.chance(0.3) ? rng.float(50, 5000) : undefined };
}

/** Expected return of every campaign at its current spend plus `delta`, on the fitted curves. */
function total(models: readonly CampaignModel[], delta: ReadonlyMap<string, number>): number {
  return models.reduce((sum, m) => sum + expectedAt(m, m.weeklySpend + (delta.get(m.id) ?? 0)), 0);
}

describe("budget optimizer properties", () => {
  it(`moves never lower the expected return, respect every guardrail and conserve the total (${CASES} seeded cases)`, () => {
    let withMoves = 0;
    for (let seed = 1; seed <= CASES; seed += 1) {
      const { inputs, guardrails, totalCap } = randomCase(seed);
      const models = modelCampaigns(inputs, guardrails, TODAY);
      const byId = new Map(models.map((m) => [m.id, m]));
      const moves = proposeMoves(models, guardrails, { totalCap });
      const at = `seed ${seed}`;
      if (moves.length > 0) withMoves += 1;

      expect(moves.length, at).toBeLessThanOrEqual(guardrails.maxMoves);
      const seen = new Set<string>();
      const delta = new Map<string, number>();
      for (const move of moves) {
        const from = byId.get(move.fromId) as CampaignModel;
        const to = byId.get(move.toId) as CampaignModel;
        // Eligible campaigns only: allowed status, not ended, spending, fitted.
        for (const m of [from, to]) {
          expect(m.excluded, at).toBeUndefined();
          expect(guardrails.statuses, at).toContain(m.status);
          expect(m.endDate === null || m.endDate >= TODAY, at).toBe(true);
          expect(seen.has(m.id), `${at}: ${m.id} in two moves`).toBe(false);
          seen.add(m.id);
        }
        // Amounts: positive, on the step, at least the minimum, within the move limit.
        expect(move.amount, at).toBeGreaterThan(0);
        expect(move.amount, at).toBeGreaterThanOrEqual(guardrails.minAmount);
        expect(
          Math.abs(move.amount / guardrails.step - Math.round(move.amount / guardrails.step)),
          at,
        ).toBeLessThan(1e-6);
        expect(move.amount, at).toBeLessThanOrEqual(moveLimit(from, to, guardrails) + 1e-9);
        expect(move.amount, at).toBeLessThanOrEqual(
          (guardrails.maxChangePct / 100) * from.weeklySpend + 1e-9,
        );
        expect(move.amount, at).toBeLessThanOrEqual(
          (guardrails.maxChangePct / 100) * to.weeklySpend + 1e-9,
        );
        expect(from.budget - move.amount, at).toBeGreaterThanOrEqual(
          Math.max(guardrails.minBudget, from.spentToDate) - 1e-9,
        );
        // Low to high marginal return, and a real gain on the fitted curves.
        expect(move.toMarginal, at).toBeGreaterThan(move.fromMarginal);
        expect(move.gain, at).toBeGreaterThan(0);
        expect(move.gain, at).toBeGreaterThanOrEqual(
          (guardrails.minGainPct / 100) * move.amount - 1e-9,
        );
        delta.set(from.id, (delta.get(from.id) ?? 0) - move.amount);
        delta.set(to.id, (delta.get(to.id) ?? 0) + move.amount);
      }
      const moved = moves.reduce((sum, m) => sum + m.amount, 0);
      if (totalCap !== undefined) expect(moved, at).toBeLessThanOrEqual(totalCap + 1e-9);
      // Conservation: what leaves one campaign reaches another.
      expect(
        [...delta.values()].reduce((a, b) => a + b, 0),
        at,
      ).toBeCloseTo(0, 9);
      // Never lower the expected return on the data the curves were fitted to.
      const before = total(models, new Map());
      const after = total(models, delta);
      expect(after, at).toBeGreaterThanOrEqual(before - 1e-9 * Math.max(1, Math.abs(before)));
      expect(after - before, at).toBeCloseTo(
        moves.reduce((sum, m) => sum + m.gain, 0),
        6,
      );
    }
    // The generator must actually exercise the optimizer.
    expect(withMoves).toBeGreaterThan(CASES / 4);
  });

  it(`plans spend exactly the amount, stay within the guardrails and never expect less than the proportional split (${CASES} seeded cases)`, () => {
    let planned = 0;
    for (let seed = 1; seed <= CASES; seed += 1) {
      const { inputs, guardrails } = randomCase(seed + 10_000);
      const models = modelCampaigns(inputs, guardrails, TODAY);
      const amount = createRng(seed).float(100, 50_000);
      const plan = planAllocation(models, amount, guardrails);
      const at = `seed ${seed + 10_000}`;
      if (plan.lines.length === 0) continue;
      planned += 1;
      const byId = new Map(models.map((m) => [m.id, m]));
      const share = guardrails.maxChangePct / 100;
      for (const line of plan.lines) {
        expect(byId.get(line.id)?.excluded, at).toBeUndefined();
        expect(line.proposed, at).toBeGreaterThanOrEqual(line.baseline * (1 - share) - 1e-6);
        expect(line.proposed, at).toBeLessThanOrEqual(line.baseline * (1 + share) + 1e-6);
      }
      const spent = plan.lines.reduce((sum, l) => sum + l.proposed, 0);
      expect(spent, at).toBeCloseTo(amount, 6);
      expect(plan.expected, at).toBeGreaterThanOrEqual(
        plan.baselineExpected - 1e-9 * Math.max(1, plan.baselineExpected),
      );
    }
    expect(planned).toBeGreaterThan(CASES / 2);
  });
});
