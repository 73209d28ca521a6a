import type { ReplyChart } from "../bot/reply";
import { forecastChart } from "../charts/builders/index";
import { kpiMeasure, type MetricName } from "../charts/measure";
import type { SeriesForecast } from "../core/forecast/forecast-series";

/** Weeks of history drawn before the forecast: enough to see the weekly rhythm and the trend. */
const HISTORY_SHOWN = 56;

export function metricForecastChart(
  metric: string,
  title: string,
  history: { days: readonly string[]; values: readonly number[] },
  futureDays: readonly string[],
  forecast: SeriesForecast,
  currency: string,
): ReplyChart {
  const shown = Math.min(HISTORY_SHOWN, history.days.length);
  return forecastChart({
    id: `forecast-${metric}`,
    title,
    measure: kpiMeasure(metric as MetricName, currency),
    xTitle: "Date (daily)",
    level: forecast.level,
    historyLabels: history.days.slice(-shown),
    history: history.values.slice(-shown),
    forecastLabels: futureDays,
    forecast: forecast.point,
    lower: forecast.lower,
    upper: forecast.upper,
  });
}
