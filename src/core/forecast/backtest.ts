import { coverage, mape, seasonalNaive } from "./accuracy";
import { type ForecastOptions, forecastSeries, MIN_SEASONS } from "./forecast-series";

export interface Backtest {
  /** Points held out: the last `horizon` values of the history. */
  holdout: number;
  actual: number[];
  forecast: number[];
  /** The model's prediction interval over the holdout. */
  lower: number[];
  upper: number[];
  /** MAPE of the model on the holdout, percent. */
  mape: number | null;
  /** MAPE of the seasonal naive forecast (same weekday last week) on the same holdout. */
  naive_mape: number | null;
  /** Share of held-out actuals inside the model's prediction interval, percent. */
  coverage: number | null;
}

/**
 * Holdout backtest: fits the model on all but the last `horizon` values, forecasts them and
 * scores the forecast (MAPE), next to the seasonal naive baseline and the interval's coverage.
 * Null when the history is too short to hold anything out and still fit.
 *
 * @example backtest(dailySpend, { horizon: 14, floor: 0 })?.mape // 6.8
 */
export function backtest(values: readonly number[], options: ForecastOptions): Backtest | null {
  const m = options.seasonLength ?? 7;
  const h = options.horizon;
  if (values.length - h < MIN_SEASONS * m) return null;
  const train = values.slice(0, values.length - h);
  const actual = values.slice(values.length - h);
  const f = forecastSeries(train, options);
  return {
    holdout: h,
    actual,
    forecast: f.point,
    lower: f.lower,
    upper: f.upper,
    mape: mape(actual, f.point),
    naive_mape: mape(actual, seasonalNaive(train, m, h)),
    coverage: coverage(actual, f.lower, f.upper),
  };
}
