import { describe, expect, it } from "vitest";
import { fitHoltWinters } from "../../../src/core/forecast/fit-holt-winters";
import {
  holtWintersSse,
  initialState,
  runHoltWinters,
} from "../../../src/core/forecast/holt-winters";
import { createRng } from "../../../src/core/random";

const rng = createRng(5);
const series = Array.from(
  { length: 60 },
  (_, i) => 80 + i + 12 * Math.sin((2 * Math.PI * i) / 7) + rng.normal(0, 4),
);

describe("Holt-Winters error-only runs", () => {
  it("score a parameter set exactly as the full run does", () => {
    const init = initialState(series, 7);
    for (const params of [
      { alpha: 0.2, beta: 0, gamma: 0.1, phi: 0.9 },
      { alpha: 0.9, beta: 0.2, gamma: 0.5, phi: 1 },
      { alpha: 0.05, beta: 0.01, gamma: 0, phi: 0.8 },
    ]) {
      expect(holtWintersSse(series, 7, params, init)).toBe(runHoltWinters(series, 7, params).sse);
    }
  });

  it("leave the fitted run identical to a plain run with the winning parameters", () => {
    const fit = fitHoltWinters(series, 7);
    expect(fit).toEqual(runHoltWinters(series, 7, fit.state.params));
    expect(() => fitHoltWinters([1, 2, 3], 7)).toThrow(/two full seasons/);
  });
});
