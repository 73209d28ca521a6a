import { describe, expect, it } from "vitest";
import { sparkline } from "../../src/charts/sparkline";

describe("sparkline", () => {
  it("maps the minimum to ▁, the maximum to █ and steps in between", () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe("▁▂▃▄▅▆▇█");
    expect(sparkline([8, 1, 8])).toBe("█▁█");
  });

  it("handles negative values like any other", () => {
    expect(sparkline([-10, 0, 10])).toBe("▁▅█");
  });

  it("keeps gaps for nulls and draws a flat series mid-height", () => {
    expect(sparkline([3, null, 5])).toBe("▁ █");
    expect(sparkline([2, 2, 2])).toBe("▄▄▄");
    expect(sparkline([null, null])).toBe("  ");
  });

  it("averages long series into at most maxCells cells", () => {
    const line = sparkline([1, 1, 2, 2, 3, 3, 4, 4], 4);
    expect(line).toBe("▁▃▆█");
  });
});
