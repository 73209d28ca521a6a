import { describe, expect, it } from "vitest";
import { centralRange } from "../../src/core/budget/uncertainty";
import { median, medianAbsoluteDeviation, quantile } from "../../src/core/stats";

describe("shared order statistics", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("measures spread around a given centre", () => {
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 10])).toBe(1);
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 10], 0)).toBe(3);
  });

  it("interpolates quantiles of a sorted list between neighbouring ranks", () => {
    const sorted = [1, 2, 3, 4, 5];
    expect(quantile(sorted, 0)).toBe(1);
    expect(quantile(sorted, 1)).toBe(5);
    expect(quantile(sorted, 0.25)).toBe(2);
    expect(quantile(sorted, 0.1)).toBeCloseTo(1.4, 12);
    expect(quantile([7], 0.9)).toBe(7);
    // centralRange is the same quantile at both tails of the level.
    expect(centralRange([5, 3, 1, 4, 2], 0.8)).toEqual({
      low: quantile(sorted, 0.1),
      high: quantile(sorted, 0.9),
    });
  });
});
