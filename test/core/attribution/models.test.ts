import { describe, expect, it } from "vitest";
import {
  type FoldedPaths,
  foldPaths,
  type PathRow,
} from "../../../src/core/attribution/fold-paths";
import { solveDense } from "../../../src/core/attribution/linear-solver";
import { isAttributionModel, runAllModels, runModel } from "../../../src/core/attribution/models";
import { positionBased } from "../../../src/core/attribution/position-based";
import { ATTRIBUTION_MODELS } from "../../../src/core/attribution/result";
import { shapley } from "../../../src/core/attribution/shapley";
import { timeDecay } from "../../../src/core/attribution/time-decay";
import { createRng } from "../../../src/core/random";

function randomPaths(seed: number, channels: number, count: number): PathRow[] {
  const rng = createRng(seed);
  const names = Array.from({ length: channels }, (_, i) => `ch${i}`);
  return Array.from({ length: count }, () => ({
    path: Array.from({ length: rng.int(1, 10) }, () => rng.pick(names)),
    conversions: rng.chance(0.4) ? rng.int(1, 5) : 0,
    value: rng.float(0, 300),
    nulls: rng.int(0, 8),
  }));
}

const sum = (record: Readonly<Record<string, number>>) =>
  Object.values(record).reduce((a, b) => a + b, 0);

/** The textbook Shapley value: Σ over coalitions S ∌ i of |S|!(n−|S|−1)!/n! · (v(S ∪ i) − v(S)). */
function bruteForceShapley(folded: FoldedPaths): number[] {
  const n = folded.channels.length;
  const sets: { mask: number; conversions: number }[] = [];
  for (let p = 0; p < folded.pathCount; p++) {
    let mask = 0;
    for (let t = folded.offsets[p] as number; t < (folded.offsets[p + 1] as number); t++) {
      mask |= 1 << (folded.touches[t] as number);
    }
    sets.push({ mask, conversions: folded.conversions[p] as number });
  }
  const v = (coalition: number) =>
    sets.reduce((a, s) => ((s.mask & ~coalition) === 0 ? a + s.conversions : a), 0);
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  const bits = (m: number) => m.toString(2).split("1").length - 1;
  return Array.from({ length: n }, (_, i) => {
    let phi = 0;
    for (let s = 0; s < 1 << n; s++) {
      if (s & (1 << i)) continue;
      const size = bits(s);
      phi +=
        ((factorial(size) * factorial(n - size - 1)) / factorial(n)) * (v(s | (1 << i)) - v(s));
    }
    return phi;
  });
}

describe("every model", () => {
  const folded = foldPaths(randomPaths(5, 8, 600));
  const all = runAllModels(folded, { markovOrder: 2 });

  it("attributes conversions and value that sum to the totals", () => {
    for (const model of ATTRIBUTION_MODELS) {
      expect(Math.abs(sum(all[model].conversions) - folded.totals.conversions), model).toBeLessThan(
        1e-9,
      );
      expect(
        Math.abs(sum(all[model].value) - folded.totals.value) / folded.totals.value,
        model,
      ).toBeLessThan(1e-12);
      expect(Object.keys(all[model].conversions).sort()).toEqual([...folded.channels].sort());
    }
  });

  it("never gives a channel negative credit", () => {
    for (const model of ATTRIBUTION_MODELS) {
      for (const value of Object.values(all[model].conversions))
        expect(value, model).toBeGreaterThanOrEqual(0);
    }
  });

  it("is found by name in the registry", () => {
    expect(isAttributionModel("shapley")).toBe(true);
    expect(isAttributionModel("u_shaped")).toBe(false);
    expect(runModel("linear", folded).model).toBe("linear");
    expect(all.markov.order).toBe(2);
  });
});

describe("shapley", () => {
  it("equals the textbook coalition formula (6 channels, 64 coalitions)", () => {
    const folded = foldPaths(randomPaths(9, 6, 200));
    const exact = bruteForceShapley(folded);
    const fast = shapley(folded);
    folded.channels.forEach((channel, i) => {
      expect(fast.conversions[channel]).toBeCloseTo(exact[i] as number, 9);
    });
  });

  it("needs no approximation with 40 channels: exact, symmetric and summing to the total", () => {
    const names = Array.from({ length: 40 }, (_, i) => `c${i}`);
    // Every channel appears once in a single 40-touch path: by symmetry each gets 1/40 of it.
    const folded = foldPaths([
      { path: names, conversions: 8 },
      { path: ["c0", "c1"], conversions: 2 },
    ]);
    const result = shapley(folded);
    expect(result.conversions.c0).toBeCloseTo(8 / 40 + 1, 12);
    expect(result.conversions.c39).toBeCloseTo(8 / 40, 12);
    expect(sum(result.conversions)).toBeCloseTo(10, 12);
  });
});

describe("position_based", () => {
  it("splits two-touch paths by first : last (50/50 with the defaults) and takes custom weights", () => {
    const folded = foldPaths([
      { path: "a > b", conversions: 2 },
      { path: "a > b > c > d", conversions: 1 },
    ]);
    const defaults = positionBased(folded).conversions;
    for (const [channel, value] of Object.entries({ a: 1 + 0.4, b: 1 + 0.1, c: 0.1, d: 0.4 })) {
      expect(defaults[channel], channel).toBeCloseTo(value, 12);
    }
    const custom = positionBased(folded, { first: 0.3, last: 0.6 }).conversions;
    // a > b: 0.3 : 0.6 → 1/3, 2/3 of 2; a > b > c > d: 0.3, 0.05, 0.05, 0.6.
    expect(custom.a).toBeCloseTo(2 / 3 + 0.3, 12);
    expect(custom.b).toBeCloseTo(4 / 3 + 0.05, 12);
    expect(custom.d).toBeCloseTo(0.6, 12);
    expect(() => positionBased(folded, { first: 0.7, last: 0.5 })).toThrow(/first \+ last ≤ 1/);
  });
});

describe("time_decay", () => {
  it("uses the mean days before conversion when journeys carried timestamps", () => {
    const folded = foldPaths([{ path: ["a", "b"], conversions: 3, daysBefore: [7, 0] }]);
    // a is one half-life (7 days) before the conversion: weights 1/2 and 1.
    expect(timeDecay(folded).conversions).toEqual({ a: 1, b: 2 });
  });

  it("treats untimed touches as one step (default one day) apart", () => {
    const folded = foldPaths([{ path: "a > b > c", conversions: 7 }]);
    // half-life 1, steps of 1 day: weights 1/4, 1/2, 1 (sum 7/4).
    expect(timeDecay(folded, { halfLifeDays: 1 }).conversions).toEqual({ a: 1, b: 2, c: 4 });
    // steps of 2 days: weights 1/16, 1/4, 1 (sum 21/16).
    const spaced = timeDecay(folded, { halfLifeDays: 1, stepDays: 2 }).conversions;
    expect(spaced.a).toBeCloseTo(7 / 21, 12);
    expect(spaced.c).toBeCloseTo(7 * (16 / 21), 12);
    expect(() => timeDecay(folded, { halfLifeDays: 0 })).toThrow(/halfLifeDays/);
  });
});

describe("solveDense", () => {
  it("solves with partial pivoting and several right-hand sides", () => {
    // [[0, 2], [1, 1]] needs a row swap: x + y = 3, 2y = 4 ⇒ x = 1, y = 2.
    const a = Float64Array.from([0, 2, 1, 1]);
    const b1 = Float64Array.from([4, 3]);
    const b2 = Float64Array.from([2, 2]);
    solveDense(a, 2, [b1, b2]);
    expect([...b1]).toEqual([1, 2]);
    expect([...b2]).toEqual([1, 1]);
  });

  it("says when the matrix is singular", () => {
    expect(() =>
      solveDense(Float64Array.from([1, 2, 2, 4]), 2, [Float64Array.from([1, 2])]),
    ).toThrow(/singular/);
  });
});
