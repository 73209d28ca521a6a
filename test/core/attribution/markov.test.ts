import { describe, expect, it } from "vitest";
import { absorb } from "../../../src/core/attribution/absorbing-chain";
import { foldPaths, type PathRow } from "../../../src/core/attribution/fold-paths";
import { type MarkovResult, markov } from "../../../src/core/attribution/markov";
import { buildMarkovChain, CONVERSION_STATE } from "../../../src/core/attribution/markov-chain";
import { createRng } from "../../../src/core/random";

/** Journeys with loops (channels revisited), so the chains have real cycles to solve. */
function loopyPaths(seed: number, channels: string[], count: number): PathRow[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => {
    const length = rng.int(1, 8);
    const path = Array.from({ length }, () => rng.pick(channels));
    return { path, conversions: rng.int(0, 3), value: rng.float(0, 500), nulls: rng.int(0, 6) };
  });
}

/**
 * The closed form, written independently of the production solver: B = (I − Q)⁻¹ R over the
 * transient states, from the transition probabilities the model reports (self-loops included),
 * with Gauss–Jordan inversion. `removed` states absorb into null.
 */
function closedForm(
  result: MarkovResult,
  removed: (state: string) => boolean = () => false,
): number {
  const states = result.states.filter((s, i) => i === 0 || !removed(s));
  const index = new Map(states.map((s, i) => [s, i]));
  const n = states.length;
  // Augmented [I − Q | I]; Gauss–Jordan turns it into [I | N].
  const m: number[][] = states.map((_, i) =>
    Array.from({ length: 2 * n }, (_, j) => (j === i || j === n + i ? 1 : 0)),
  );
  const r = new Array<number>(n).fill(0);
  for (const t of result.transitions) {
    const i = index.get(t.from);
    if (i === undefined) continue;
    const row = m[i] as number[];
    if (t.to === CONVERSION_STATE) r[i] = (r[i] as number) + t.probability;
    const j = index.get(t.to);
    if (j !== undefined) row[j] = (row[j] as number) - t.probability;
  }
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) {
      if (
        Math.abs((m[row] as number[])[col] as number) >
        Math.abs((m[pivot] as number[])[col] as number)
      )
        pivot = row;
    }
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    const top = m[col] as number[];
    const p = top[col] as number;
    for (let j = 0; j < 2 * n; j++) top[j] = (top[j] as number) / p;
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const target = m[row] as number[];
      const f = target[col] as number;
      for (let j = 0; j < 2 * n; j++) target[j] = (target[j] as number) - f * (top[j] as number);
    }
  }
  // P(conversion | start) = Σ_j N[start][j] · r[j]
  const first = m[0] as number[];
  return r.reduce((sum, rj, j) => sum + (first[n + j] as number) * rj, 0);
}

const containsChannel = (channel: string) => (state: string) =>
  state.split(" > ").includes(channel);

function expectRelative(actual: number, expected: number, tolerance = 1e-9) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    tolerance * Math.max(Math.abs(expected), 1e-300),
  );
}

describe("markov removal effects equal the closed-form absorbing-chain values", () => {
  const folded = foldPaths(loopyPaths(3, ["search", "social", "email", "display", "video"], 400));

  for (const order of [1, 2, 3]) {
    it(`order ${order}, to 1e-9 relative`, () => {
      const result = markov(folded, { order });
      const base = closedForm(result);
      expectRelative(result.conversionProbability, base);
      for (const channel of folded.channels) {
        const without = closedForm(result, containsChannel(channel));
        expectRelative(result.removalEffects[channel] as number, 1 - without / base);
      }
    });
  }

  it("gives the same answer by direct elimination and by Gauss–Seidel iteration", () => {
    const direct = markov(folded, { order: 3, solver: "direct" });
    const iterative = markov(folded, { order: 3, solver: "iterative" });
    expect(direct.solver.sweeps).toBe(0);
    expect(iterative.solver.sweeps).toBeGreaterThan(0);
    expect(iterative.solver.residual).toBeLessThan(1e-12);
    for (const channel of folded.channels) {
      expectRelative(
        iterative.removalEffects[channel] as number,
        direct.removalEffects[channel] as number,
        1e-10,
      );
    }
  });

  it("reports transition probabilities that sum to 1 out of every transient state", () => {
    const result = markov(folded, { order: 2 });
    const out = new Map<string, number>();
    for (const t of result.transitions) out.set(t.from, (out.get(t.from) ?? 0) + t.probability);
    expect(out.size).toBe(result.states.length);
    for (const [state, sum] of out) expect(sum, state).toBeCloseTo(1, 12);
  });
});

describe("markov order 2 on a case where order matters", () => {
  // a then b always converts; b then a never does. Order 1 cannot tell them apart.
  const folded = foldPaths([
    { path: "a > b", conversions: 10 },
    { path: "b > a", nulls: 10 },
  ]);

  it("order 1 sees b→conversion half the time and credits b twice as much as a", () => {
    // x_b = 1/2 + 1/2·x_a, x_a = 1/2·x_b ⇒ x_a = 1/3, x_b = 2/3, P = 1/2.
    // Without a: P = 1/2·1/2 = 1/4 (RE 1/2); without b: P = 0 (RE 1). Scaled to 10: 10/3, 20/3.
    const m = markov(folded, { order: 1 });
    expect(m.conversionProbability).toBeCloseTo(0.5, 14);
    expect(m.removalEffects.a).toBeCloseTo(0.5, 14);
    expect(m.removalEffects.b).toBeCloseTo(1, 14);
    expect(m.conversions.a).toBeCloseTo(10 / 3, 12);
    expect(m.conversions.b).toBeCloseTo(20 / 3, 12);
  });

  it("order 2 knows (a, b) converts and (b, a) does not: both channels are indispensable", () => {
    const m = markov(folded, { order: 2 });
    expect(m.states).toEqual(["(start)", "a", "a > b", "b", "b > a"]);
    expect(m.conversionProbability).toBeCloseTo(0.5, 14);
    expect(m.removalEffects).toEqual({ a: 1, b: 1 });
    expect(m.conversions).toEqual({ a: 5, b: 5 });
  });

  it("keeps the full chain of order 2 for the 3-channel example: a DAG, each removal 3/4", () => {
    const example = foldPaths([
      { path: "a > b > c", conversions: 2, value: 300, nulls: 1 },
      { path: "a > a > c", conversions: 1, value: 100, nulls: 1 },
      { path: "b", conversions: 1, value: 50, nulls: 3 },
      { path: "c > a", nulls: 2 },
    ]);
    // Without any one channel only the journeys avoiding it convert: 1 of 4 conversions remains
    // (path "b" for a and c; path "a > a > c" for b), so every removal effect is 3/4.
    const m = markov(example, { order: 2 });
    expect(m.conversionProbability).toBeCloseTo(4 / 11, 14);
    for (const channel of ["a", "b", "c"]) expect(m.removalEffects[channel]).toBeCloseTo(0.75, 14);
    expect(m.conversions.a).toBeCloseTo(4 / 3, 12);
  });
});

describe("markov edge cases", () => {
  it("credits nothing when nothing converted, and sums still match the (zero) total", () => {
    const m = markov(foldPaths([{ path: "a > b", nulls: 3 }]));
    expect(m.conversions).toEqual({ a: 0, b: 0 });
    expect(m.conversionProbability).toBe(0);
  });

  it("gives a lone channel everything", () => {
    const m = markov(foldPaths([{ path: "a > a", conversions: 3, value: 30, nulls: 1 }]));
    expect(m.conversions).toEqual({ a: 3 });
    expect(m.value).toEqual({ a: 30 });
    expect(m.removalEffects).toEqual({ a: 1 });
  });

  it("rejects orders outside 1–4", () => {
    const folded = foldPaths([{ path: "a", conversions: 1 }]);
    expect(() => markov(folded, { order: 5 })).toThrow(/order must be 1, 2, 3 or 4/);
    expect(() => markov(folded, { order: 0 })).toThrow(RangeError);
  });

  it("folds self-loops without changing absorption (a state revisited 90% of the time)", () => {
    const folded = foldPaths([
      { path: ["a", ...Array(9).fill("a"), "b"], conversions: 1 },
      { path: "a > b", nulls: 1 },
    ]);
    // a → a 9/11, a → b 2/11; b → conversion 1/2: x_a = x_b = 1/2, whatever the loop on a.
    const chain = buildMarkovChain(folded, 1);
    expect(absorb(chain.transient, 0).values[0]).toBeCloseTo(0.5, 14);
    const m = markov(folded);
    expect(m.conversionProbability).toBeCloseTo(0.5, 14);
    expect(m.transitions.find((t) => t.from === "a" && t.to === "a")?.probability).toBeCloseTo(
      9 / 11,
      14,
    );
  });
});
