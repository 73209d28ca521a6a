import {
  type HoltWintersParams,
  type HoltWintersRun,
  holtWintersSse,
  initialState,
  runHoltWinters,
} from "./holt-winters";

const ALPHAS = [0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const BETAS = [0, 0.01, 0.03, 0.05, 0.1, 0.2];
const GAMMAS = [0, 0.05, 0.1, 0.2, 0.3, 0.5];
const PHIS = [0.8, 0.9, 0.95, 0.98, 1];

/**
 * Fits Holt-Winters by least squares: every combination of a grid of α, β, γ and φ (2,000 or so
 * runs, a few milliseconds for a year of days) and the one with the smallest one-step-ahead
 * squared error wins; ties go to the earlier, smoother candidate. A grid rather than a numeric
 * optimiser because it is deterministic, cannot wander outside 0–1, and is fast enough.
 *
 * The starting state depends on the series alone, so it is computed once; candidates are scored
 * on their error only, and the winner is run once more in full for its fitted values and state.
 *
 * @example fitHoltWinters(dailySpend, 7).state.params // { alpha: 0.2, beta: 0, gamma: 0.1, phi: 0.9 }
 */
export function fitHoltWinters(values: readonly number[], seasonLength: number): HoltWintersRun {
  const init = initialState(values, seasonLength);
  let best: { params: HoltWintersParams; sse: number } | undefined;
  for (const phi of PHIS) {
    for (const alpha of ALPHAS) {
      for (const beta of BETAS) {
        for (const gamma of GAMMAS) {
          const params: HoltWintersParams = { alpha, beta, gamma, phi };
          const sse = holtWintersSse(values, seasonLength, params, init);
          if (Number.isFinite(sse) && (!best || sse < best.sse - 1e-9 * Math.abs(best.sse))) {
            best = { params, sse };
          }
        }
      }
    }
  }
  if (!best)
    throw new RangeError("Holt-Winters could not be fitted: the series has non-finite values");
  return runHoltWinters(values, seasonLength, best.params, init);
}
