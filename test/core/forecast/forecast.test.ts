import { describe, expect, it } from "vitest";
import { coverage, mape, seasonalNaive } from "../../../src/core/forecast/accuracy";
import { backtest } from "../../../src/core/forecast/backtest";
import { fitHoltWinters } from "../../../src/core/forecast/fit-holt-winters";
import { forecastSeries } from "../../../src/core/forecast/forecast-series";
import {
  forecastHoltWinters,
  initialState,
  runHoltWinters,
} from "../../../src/core/forecast/holt-winters";
import { forecastErrorSd, residualSd } from "../../../src/core/forecast/prediction-interval";

const WEEK = [0, 5, -3, 2, 8, -6, -6];
/** 10 + 2t plus a weekly pattern: no noise, so a correct model predicts it exactly. */
const clean = (n: number) =>
  Array.from({ length: n }, (_, t) => 10 + 2 * t + (WEEK[t % 7] as number));

describe("Holt-Winters (additive, damped trend)", () => {
  it("starts from the first two seasons, detrended", () => {
    expect(initialState([1, 2, 3, 4, 5, 6], 3)).toEqual({ level: 2, trend: 1, season: [0, 0, 0] });
    expect(initialState([10, 20, 12, 22], 2)).toEqual({ level: 15, trend: 1, season: [-4.5, 4.5] });
    expect(() => initialState([1, 2, 3], 2)).toThrow(/two full seasons/);
  });

  it("matches a hand-computed run on a tiny series with one shock", () => {
    // Season 2, α = β = γ = 0.5, φ = 1. The first four values are exactly trend + season; the
    // fifth jumps to 20 where 14 was expected (error 6):
    //   level 0.5·(20 + 4.5) + 0.5·18.5 = 21.5, trend 0.5·(21.5 − 17.5) + 0.5·1 = 2.5,
    //   season 0.5·(20 − 18.5) + 0.5·(−4.5) = −1.5.
    // The sixth is predicted at 21.5 + 2.5 + 4.5 = 28.5 and comes in at 24 (error −4.5):
    //   level 0.5·(24 − 4.5) + 0.5·24 = 21.75, trend 0.5·0.25 + 0.5·2.5 = 1.375,
    //   season 0.5·(24 − 24) + 0.5·4.5 = 2.25.
    const run = runHoltWinters([10, 20, 12, 22, 20, 24], 2, {
      alpha: 0.5,
      beta: 0.5,
      gamma: 0.5,
      phi: 1,
    });
    expect(run.fitted).toEqual([10, 20, 12, 22, 14, 28.5]);
    expect(run.residuals).toEqual([0, 0, 0, 0, 6, -4.5]);
    expect(run.sse).toBe(56.25); // first season left out
    expect(run.state).toMatchObject({ level: 21.75, trend: 1.375, season: [-1.5, 2.25] });
    // 21.75 + 1.375 − 1.5 and 21.75 + 2·1.375 + 2.25.
    expect(forecastHoltWinters(run.state, 3)).toEqual([21.625, 26.75, 24.375]);
  });

  it("damps the trend: each step adds φ^h of it", () => {
    const state = {
      level: 100,
      trend: 10,
      season: [0],
      seasonLength: 1,
      params: { alpha: 0.5, beta: 0.1, gamma: 0, phi: 0.5 },
    };
    expect(forecastHoltWinters(state, 3)).toEqual([105, 107.5, 108.75]);
  });

  it("fits and forecasts a clean trend + weekly season exactly", () => {
    const history = clean(56);
    const run = fitHoltWinters(history, 7);
    expect(run.sse).toBeCloseTo(0, 6);
    const truth = clean(70).slice(56);
    const f = forecastSeries(history, { horizon: 14, floor: 0 });
    f.point.forEach((p, i) => {
      expect(p).toBeCloseTo(truth[i] as number, 4);
    });
  });

  it("widens the interval with the horizon and clips it at the floor", () => {
    const noisy = clean(56).map((v, t) => Math.max(0, 80 - v + (t % 3) * 4));
    const f = forecastSeries(noisy, { horizon: 10, floor: 0 });
    const widths = f.upper.map((u, i) => u - (f.lower[i] as number));
    for (const v of [...f.point, ...f.lower]) expect(v).toBeGreaterThanOrEqual(0);
    expect(f.sigma).toBeGreaterThan(0);
    expect(widths.at(-1)).toBeGreaterThanOrEqual(widths[0] as number);
  });
});

describe("prediction interval and accuracy", () => {
  it("computes h-step error sd from the one-step sd", () => {
    // c_j = α = 0.5 each step: sd·√1, sd·√1.25, sd·√1.5.
    const sds = forecastErrorSd({ alpha: 0.5, beta: 0, gamma: 0, phi: 1 }, 7, 10, 3);
    expect(sds.map((s) => Math.round(s * 100) / 100)).toEqual([10, 11.18, 12.25]);
    // A season later the seasonal term adds (1 − α)γ: c_2 = 0.5 + 0.5·0.2 = 0.6 with m = 2.
    const seasonal = forecastErrorSd({ alpha: 0.5, beta: 0, gamma: 0.2, phi: 1 }, 2, 1, 3);
    expect(seasonal[2]).toBeCloseTo(Math.sqrt(1 + 0.25 + 0.36), 10);
    expect(residualSd([9, -9, 1, -1, 2, -2], 2)).toBeCloseTo(Math.sqrt(2.5), 10);
  });

  it("scores forecasts with MAPE, skipping zero actuals", () => {
    expect(mape([100, 200, 0], [110, 180, 5])).toBeCloseTo(10, 10);
    expect(mape([0, 0], [1, 2])).toBeNull();
    expect(seasonalNaive([1, 2, 3, 4, 5, 6, 7, 8], 7, 3)).toEqual([2, 3, 4]);
    expect(coverage([5, 9], [4, 4], [6, 6])).toBe(50);
  });

  it("backtests on a holdout of the horizon", () => {
    const result = backtest(clean(70), { horizon: 14, floor: 0 });
    expect(result?.holdout).toBe(14);
    expect(result?.actual).toEqual(clean(70).slice(56));
    expect(result?.mape).toBeCloseTo(0, 4);
    // Same weekday last week misses the trend: 14 per week on values around 140.
    expect(result?.naive_mape).toBeGreaterThan(5);
    expect(backtest(clean(30), { horizon: 14 })).toBeNull();
  });
});
