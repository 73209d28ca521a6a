import type { ChartConfiguration, LegendItem, Plugin } from "chart.js";
import type { ReplyChart } from "../../bot/reply";
import { formatValue } from "../format";
import { withLegendLabels } from "../legend";
import { axisTitle, type Measure } from "../measure";
import type { ChartMeta } from "../meta";
import { categoricalColor, palette, withAlpha } from "../palette";
import { backgroundPlugin } from "../plugins/background";
import { forecastDividerPlugin } from "../plugins/forecast-divider";
import { baseOptions, scaleOptions } from "../theme";
import { periodAxis, startsAtZero } from "./axes";
import { type ChartBaseInput, toReplyChart } from "./chart-base";

export interface ForecastChartInput extends ChartBaseInput {
  /** Actual values, oldest first, one per `historyLabels` entry. */
  historyLabels: readonly string[];
  history: readonly (number | null)[];
  /** Forecast values and their interval, one per `forecastLabels` entry. */
  forecastLabels: readonly string[];
  forecast: readonly number[];
  lower: readonly number[];
  upper: readonly number[];
  /** Interval level in percent, e.g. 80: named in the legend. */
  level: number;
  measure: Measure;
  /** Title of the time axis, e.g. "Date (daily)". */
  xTitle: string;
  /** Colour of the actuals and the forecast (default the first categorical colour). */
  color?: string;
}

/**
 * History as a solid line, the forecast as a dashed continuation and its prediction interval as a
 * shaded band that widens with the horizon, with a dotted rule where the data ends. The forecast
 * and band start at the last actual so the lines join.
 *
 * @example
 * forecastChart({
 *   id: "forecast-spend", title: "Spend forecast", measure: money("Spend", "USD"), level: 80,
 *   xTitle: "Date (daily)", historyLabels: ["2026-11-20", "2026-11-21"], history: [120, 130],
 *   forecastLabels: ["2026-11-22"], forecast: [128], lower: [110], upper: [146],
 * });
 */
export function forecastChart(input: ForecastChartInput): ReplyChart {
  const { historyLabels, history, forecastLabels, forecast, lower, upper, measure } = input;
  if (history.length !== historyLabels.length) {
    throw new RangeError(
      `forecastChart: ${history.length} history values for ${historyLabels.length} labels`,
    );
  }
  if ([forecast, lower, upper].some((s) => s.length !== forecastLabels.length)) {
    throw new RangeError(
      `forecastChart: forecast, lower and upper need ${forecastLabels.length} values each`,
    );
  }
  const labels = [...historyLabels, ...forecastLabels];
  const h = historyLabels.length;
  const last = history.at(-1) ?? null;
  const pad = (n: number) => Array.from({ length: n }, () => null as number | null);
  // The band and the dashed line start at the last actual, so they join the solid line.
  const future = (values: readonly number[]) => [
    ...pad(Math.max(0, h - 1)),
    ...(h > 0 ? [last] : []),
    ...values,
  ];
  const color = input.color ?? categoricalColor(0);
  const bandLabel = `${input.level}% prediction interval`;
  const none = (n: number) => Array.from({ length: n }, () => null as string | null);
  const display = [
    [
      ...history.map((v) => (v === null ? null : formatValue(v, measure))),
      ...none(forecast.length),
    ],
    [...none(h), ...forecast.map((v) => formatValue(v, measure))],
    [
      ...none(h),
      ...lower.map(
        (v, i) => `${formatValue(v, measure)}–${formatValue(upper[i] as number, measure)}`,
      ),
    ],
  ];
  const meta: ChartMeta = {
    kind: "forecast",
    labels,
    display,
    forecast: { history: h, level: input.level },
  };
  const config: ChartConfiguration<"line"> = {
    type: "line",
    data: {
      labels,
      datasets: [
        {
          label: "Actual",
          pointStyle: "line",
          data: [...history, ...pad(forecast.length)],
          borderColor: color,
          backgroundColor: color,
          borderWidth: 3,
          pointRadius: 0,
          tension: 0,
          fill: false,
        },
        {
          label: "Forecast (dashed)",
          pointStyle: "line",
          data: future(forecast),
          borderColor: color,
          backgroundColor: color,
          borderWidth: 3,
          borderDash: [8, 6],
          pointRadius: 0,
          tension: 0,
          fill: false,
        },
        {
          label: bandLabel,
          pointStyle: "rect",
          data: future(upper),
          borderColor: withAlpha(color, 0.35),
          backgroundColor: withAlpha(color, 0.18),
          borderWidth: 1,
          pointRadius: 0,
          tension: 0,
          // Fill down to the next dataset (the lower bound): the band.
          fill: "+1",
        },
        {
          label: "",
          data: future(lower),
          borderColor: withAlpha(color, 0.35),
          backgroundColor: withAlpha(color, 0.18),
          borderWidth: 1,
          pointRadius: 0,
          tension: 0,
          fill: false,
        },
      ],
    },
    options: {
      ...withLegendLabels(baseOptions(input.title, { legend: true }), {
        // The lower bound is half of the band, not a series of its own.
        filter: (item: LegendItem) => item.text !== "",
        // Lines as short strokes (dashed for the forecast), the band as a box.
        usePointStyle: true,
        pointStyleWidth: 32,
      }),
      scales: {
        x: periodAxis(input.xTitle),
        y: scaleOptions(axisTitle(measure), {
          type: "linear" as const,
          beginAtZero: startsAtZero(measure),
        }),
      },
    },
    plugins: [backgroundPlugin as Plugin<"line">, forecastDividerPlugin],
  };
  const plugins = config.options?.plugins;
  if (plugins) {
    plugins.adpulse = meta;
    plugins.adpulseForecastDivider = { index: h - 1, color: palette.mutedText, text: "forecast →" };
  }
  return toReplyChart(input, forecastAltText(input), config);
}

function forecastAltText(input: ForecastChartInput): string {
  const { measure, forecastLabels, forecast, lower, upper, historyLabels, history } = input;
  const parts = [
    `Line chart of ${axisTitle(measure)}: ${historyLabels.length} actual values (${historyLabels[0] ?? "—"} to ${historyLabels.at(-1) ?? "—"}) and a ${forecast.length}-step forecast with its ${input.level}% prediction interval shaded.`,
  ];
  const lastActual = history.at(-1);
  if (lastActual !== undefined && lastActual !== null)
    parts.push(`Last actual ${formatValue(lastActual, measure)}.`);
  const end = forecast.length - 1;
  if (end >= 0) {
    parts.push(
      `Forecast for ${forecastLabels[end]}: ${formatValue(forecast[end] as number, measure)} (${formatValue(lower[end] as number, measure)} to ${formatValue(upper[end] as number, measure)}).`,
    );
  }
  return parts.join(" ");
}
