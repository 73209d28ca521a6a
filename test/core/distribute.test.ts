import { describe, expect, it } from "vitest";
import { distributeInteger } from "../../src/core/distribute";

describe("distributeInteger", () => {
  it("gives remainders to the largest fractions, ties to the earlier index", () => {
    expect(distributeInteger(10, [1, 1, 1])).toEqual([4, 3, 3]);
    // Quotas 3.5, 2.1, 1.4 → floors 3, 2, 1 → the last unit goes to 0.5.
    expect(distributeInteger(7, [5, 3, 2])).toEqual([4, 2, 1]);
    expect(distributeInteger(100, [0.5, 0.3, 0.2])).toEqual([50, 30, 20]);
    expect(distributeInteger(0, [1, 2])).toEqual([0, 0]);
  });

  it("always sums to the total", () => {
    const weights = [0.13, 0.29, 0.07, 0.31, 0.2];
    for (const total of [1, 2, 3, 17, 999, 123_457]) {
      const parts = distributeInteger(total, weights);
      expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
      expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
    }
  });

  it("splits evenly when all weights are zero", () => {
    expect(distributeInteger(7, [0, 0])).toEqual([4, 3]);
  });

  it("respects caps and passes the excess on by weight", () => {
    // Quotas 3.75 and 1.25, but the first part holds at most 2.
    expect(distributeInteger(5, [3, 1], [2, 10])).toEqual([2, 3]);
    expect(distributeInteger(6, [10, 1, 1], [1, 10, 10])).toEqual([1, 3, 2]);
    expect(distributeInteger(3, [1, 1, 1], [0, 3, 0])).toEqual([0, 3, 0]);
  });

  it("rejects impossible requests", () => {
    expect(() => distributeInteger(5, [1, 1], [2, 2])).toThrow(RangeError);
    expect(() => distributeInteger(-1, [1])).toThrow(RangeError);
    expect(() => distributeInteger(1.5, [1])).toThrow(RangeError);
    expect(() => distributeInteger(1, [])).toThrow(RangeError);
  });
});
