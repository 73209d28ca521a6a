import { describe, expect, it } from "vitest";
import { daysAfter, fillGaps, trimLeading } from "../../src/reports/forecast-data";

describe("forecast series preparation", () => {
  it("drops the days before the first delivery", () => {
    expect(trimLeading({ days: ["a", "b", "c", "d"], values: [0, null, 5, 0] })).toEqual({
      days: ["c", "d"],
      values: [5, 0],
    });
    expect(trimLeading({ days: ["a"], values: [0] })).toEqual({ days: [], values: [] });
  });

  it("interpolates undefined ratio days between their neighbours", () => {
    expect(fillGaps([1, null, 3, null])).toEqual([1, 2, 3, 3]);
    expect(fillGaps([null, 4, null, null, 10])).toEqual([4, 4, 6, 8, 10]);
    expect(fillGaps([null, null])).toEqual([0, 0]);
  });

  it("lists the forecast days after the last complete day", () => {
    expect(daysAfter("2026-11-21", 3)).toEqual(["2026-11-22", "2026-11-23", "2026-11-24"]);
  });
});
