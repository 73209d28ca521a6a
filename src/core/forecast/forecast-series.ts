import { fitHoltWinters } from "./fit-holt-winters";
import { forecastHoltWinters, type HoltWintersParams } from "./holt-winters";
import { forecastErrorSd, residualSd, Z_BY_LEVEL } from "./prediction-interval";

export interface ForecastOptions {
  horizon: number;
  /** Steps per season: 7 for a weekly pattern in daily data. */
  seasonLength?: number;
  /** Prediction interval level, percent (default 80). */
  level?: 80 | 95;
  /** Lowest possible value (0 for counts and money): forecasts and bounds are clipped to it. */
  floor?: number;
}

export interface SeriesForecast {
  params: HoltWintersParams;
  seasonLength: number;
  level: 80 | 95;
  /** One-step error standard deviation on the history. */
  sigma: number;
  point: number[];
  lower: number[];
  upper: number[];
  /** One-step-ahead fitted values over the history (for drawing the fit). */
  fitted: number[];
}

/** Fewest seasons of history a forecast is made from. */
export const MIN_SEASONS = 3;

/**
 * Forecasts `horizon` steps of an equally spaced series with additive damped Holt-Winters fitted
 * by least squares, and a prediction interval that widens with the horizon.
 *
 * @example
 * const f = forecastSeries(dailySpend, { horizon: 14, seasonLength: 7, floor: 0 });
 * f.point[0]; f.lower[0]; f.upper[0];
 */
export function forecastSeries(
  values: readonly number[],
  options: ForecastOptions,
): SeriesForecast {
  const m = options.seasonLength ?? 7;
  const level = options.level ?? 80;
  if (!Number.isInteger(options.horizon) || options.horizon < 1) {
    throw new RangeError(`horizon must be a whole number ≥ 1, got ${options.horizon}`);
  }
  if (values.length < MIN_SEASONS * m) {
    throw new RangeError(
      `forecastSeries needs ${MIN_SEASONS * m} values (${MIN_SEASONS} seasons), got ${values.length}`,
    );
  }
  const run = fitHoltWinters(values, m);
  const sigma = residualSd(run.residuals, m);
  const sds = forecastErrorSd(run.state.params, m, sigma, options.horizon);
  const clip = (n: number) => (options.floor === undefined ? n : Math.max(options.floor, n));
  const raw = forecastHoltWinters(run.state, options.horizon);
  const z = Z_BY_LEVEL[level];
  return {
    params: run.state.params,
    seasonLength: m,
    level,
    sigma,
    point: raw.map(clip),
    lower: raw.map((p, i) => clip(p - z * (sds[i] as number))),
    upper: raw.map((p, i) => clip(p + z * (sds[i] as number))),
    fitted: run.fitted,
  };
}
