import { describe, expect, it } from "vitest";
import { foldPaths } from "../../../src/core/attribution/fold-paths";
import { runAllModels } from "../../../src/core/attribution/models";
import { ATTRIBUTION_MODELS } from "../../../src/core/attribution/result";

/*
 * The 3-channel example, every model computed by hand.
 *
 *   path           conversions  value  nulls   journeys
 *   a > b > c           2         300     1        3
 *   a > a > c           1         100     1        2
 *   b                   1          50     3        4
 *   c > a               0           0     2        2
 *   total               4         450     7       11
 */
const folded = foldPaths([
  { path: "A > B > C", conversions: 2, value: 300, nulls: 1 },
  { path: "A > A > C", conversions: 1, value: 100, nulls: 1 },
  { path: "B", conversions: 1, value: 50, nulls: 3 },
  { path: "C > A", conversions: 0, value: 0, nulls: 2 },
]);
const results = runAllModels(folded);

function expectCredit(actual: Readonly<Record<string, number>>, expected: Record<string, number>) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [channel, value] of Object.entries(expected)) {
    expect(actual[channel], channel).toBeCloseTo(value, 10);
  }
}

describe("the hand-checked 3-channel example", () => {
  it("folds to normalised channels and the totals above", () => {
    expect([...folded.channels]).toEqual(["a", "b", "c"]);
    expect(folded.totals).toEqual({ conversions: 4, value: 450, nulls: 7, journeys: 11 });
  });

  it("first touch: a gets paths 1 and 2 (3), b path 3 (1)", () => {
    expectCredit(results.first_touch.conversions, { a: 3, b: 1, c: 0 });
    expectCredit(results.first_touch.value, { a: 400, b: 50, c: 0 });
  });

  it("last touch: c gets paths 1 and 2 (3), b path 3 (1)", () => {
    expectCredit(results.last_touch.conversions, { a: 0, b: 1, c: 3 });
    expectCredit(results.last_touch.value, { a: 0, b: 50, c: 400 });
  });

  it("linear: a = 2/3 + 2·(1/3), b = 2/3 + 1, c = 2/3 + 1/3 (the repeated a counts twice)", () => {
    expectCredit(results.linear.conversions, { a: 4 / 3, b: 5 / 3, c: 1 });
    // value: path 1 gives 100 each, path 2 gives a 2·100/3 and c 100/3, path 3 gives b 50.
    expectCredit(results.linear.value, { a: 100 + 200 / 3, b: 150, c: 100 + 100 / 3 });
  });

  it("position based 40/20/40: path 1 a .8 b .4 c .8; path 2 a .4+.2 c .4; path 3 b 1", () => {
    expectCredit(results.position_based.conversions, { a: 1.4, b: 1.4, c: 1.2 });
    expectCredit(results.position_based.value, { a: 120 + 60, b: 60 + 50, c: 120 + 40 });
  });

  it("time decay, no timestamps: touches one day apart, weight 2^(−days/7)", () => {
    const d = 2 ** (-1 / 7); // one day before conversion
    const s = 1 + d + d * d; // weights of a three-touch path: d², d, 1
    expectCredit(results.time_decay.conversions, {
      a: (2 * d * d) / s + (d * d + d) / s,
      b: (2 * d) / s + 1,
      c: 2 / s + 1 / s,
    });
  });

  it("shapley: v(S) from the table below; φ by the subset formula matches the dividends", () => {
    // v(∅)=v(a)=v(c)=0, v(b)=v(ab)=v(ac)=v(bc)=1, v(abc)=4.
    // φa = 1/3·0 + 1/6·[(v(ab)−v(b)) + (v(ac)−v(c))] + 1/3·(v(abc)−v(bc)) = 1/6 + 1 = 7/6
    // φb = 1/3·1 + 1/6·[(v(ab)−v(a)) + (v(bc)−v(c))] + 1/3·(v(abc)−v(ac)) = 1/3 + 1/3 + 1 = 5/3
    // φc = 1/3·0 + 1/6·[(v(ac)−v(a)) + (v(bc)−v(b))] + 1/3·(v(abc)−v(ab)) = 1/6 + 1 = 7/6
    expectCredit(results.shapley.conversions, { a: 7 / 6, b: 5 / 3, c: 7 / 6 });
    expectCredit(results.shapley.value, { a: 150, b: 150, c: 150 });
    expect(results.shapley.observedSubsets).toBe(3);
  });

  it("markov: the absorbing chain solved by hand", () => {
    // Transitions (journeys): start→a 5, start→b 4, start→c 2; a→b 3, a→a 2, a→c 2, a→null 2;
    // b→c 3, b→conv 1, b→null 3; c→conv 3, c→null 2, c→a 2. Folding a's self-loop:
    // x_a = 3/7 x_b + 2/7 x_c, x_b = 1/7 + 3/7 x_c, x_c = 3/7 + 2/7 x_a
    // ⇒ x_c = 17/33, x_a = 10/33, x_b = 4/11, P(conv) = 5/11·10/33 + 4/11·12/33 + 2/11·17/33 = 4/11.
    const m = results.markov;
    expect(m.conversionProbability).toBeCloseTo(4 / 11, 14);
    // Without a: x_c = 3/7, x_b = 16/49, P = 106/539 → RE = 1 − (106/539)/(4/11) = 45/98.
    // Without b: x_c = 7/15, x_a = 2/15, P = 8/55 → RE = 3/5.
    // Without c: x_b = 1/7, x_a = 3/49, P = 43/539 → RE = 153/196.
    expectCredit(m.removalEffects, { a: 45 / 98, b: 3 / 5, c: 153 / 196 });
    // Scaled to 4 conversions: Σ RE = 1803/980.
    expectCredit(m.conversions, { a: 1800 / 1803, b: 2352 / 1803, c: 3060 / 1803 });
    // Value chain: rewards 400/7 at c, 50/7 at b; expected value 450/11 per journey.
    expectCredit(m.valueRemovalEffects, { a: 205 / 441, b: 71 / 135, c: 398 / 441 });
    expectCredit(m.value, { a: 691875 / 6262, b: 782775 / 6262, c: 671625 / 3131 });
  });

  it("every model's attributed conversions and value sum to the totals", () => {
    for (const model of ATTRIBUTION_MODELS) {
      const r = results[model];
      const sum = (record: Readonly<Record<string, number>>) =>
        Object.values(record).reduce((a, b) => a + b, 0);
      expect(sum(r.conversions), model).toBeCloseTo(4, 12);
      expect(sum(r.value), model).toBeCloseTo(450, 10);
      expect(r.totalConversions).toBe(4);
      expect(r.totalValue).toBe(450);
    }
  });
});
