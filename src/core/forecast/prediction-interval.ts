import type { HoltWintersParams } from "./holt-winters";

/** Two-sided normal quantiles for the interval levels adpulse draws. */
export const Z_BY_LEVEL: Readonly<Record<80 | 95, number>> = { 80: 1.2816, 95: 1.96 };

/**
 * Standard deviation of the h-step forecast error, h = 1 … horizon, for additive damped
 * Holt-Winters (Hyndman et al., Forecasting with Exponential Smoothing, 2008, table 6.1, class 1):
 *
 *   Var(h) = σ²·(1 + Σ_{j=1}^{h−1} c_j²),  c_j = α + αβ·(φ + … + φ^j) + (1 − α)γ·[j mod m = 0]
 *
 * where σ is the one-step error's standard deviation. Errors compound with the horizon, so the
 * band widens the further out the forecast goes.
 *
 * @example forecastErrorSd({ alpha: 0.5, beta: 0, gamma: 0, phi: 1 }, 7, 10, 3) // [10, 11.18, 12.25]
 */
export function forecastErrorSd(
  params: HoltWintersParams,
  seasonLength: number,
  sigma: number,
  horizon: number,
): number[] {
  const { alpha, beta, gamma, phi } = params;
  const out: number[] = [];
  let sum = 0;
  let damp = 0;
  let power = 1;
  for (let h = 1; h <= horizon; h++) {
    out.push(sigma * Math.sqrt(1 + sum));
    // c_h joins the sum for the next horizon.
    power *= phi;
    damp += power;
    const c = alpha + alpha * beta * damp + (h % seasonLength === 0 ? (1 - alpha) * gamma : 0);
    sum += c * c;
  }
  return out;
}

/**
 * One-step error standard deviation from residuals, leaving out the warm-up season.
 *
 * @example residualSd([9, -9, 1, -1, 2, -2], 2) // 1.58
 */
export function residualSd(residuals: readonly number[], warmUp: number): number {
  const used = residuals.slice(warmUp);
  if (used.length === 0) return 0;
  return Math.sqrt(used.reduce((a, e) => a + e * e, 0) / used.length);
}
