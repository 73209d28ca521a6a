import type { ChartConfiguration } from "chart.js";
import type { ReplyChart } from "../../bot/reply";
import { formatValue } from "../format";
import { withLegendLabels } from "../legend";
import { axisTitle, type Measure } from "../measure";
import type { ChartMeta } from "../meta";
import { colorsFor } from "../palette";
import { backgroundPlugin } from "../plugins/background";
import { baseOptions, scaleOptions } from "../theme";
import { periodAxis, startsAtZero } from "./axes";
import { type ChartBaseInput, listForAltText, toReplyChart } from "./chart-base";

export interface TrendSeries {
  name: string;
  /** One value per label; null leaves a gap (no data that day) rather than a fake zero. */
  values: readonly (number | null)[];
  /** Dashed line: forecasts, targets, the previous period. */
  dashed?: boolean;
  /** Overrides the palette, e.g. to draw a forecast in its actual series' colour. */
  color?: string;
}

export type TrendGranularity = "day" | "week" | "month";

export interface TrendLineChartInput extends ChartBaseInput {
  /** Period labels in order, e.g. ISO dates "2024-05-01" or "2024-W18" or "May 2024". */
  labels: readonly string[];
  granularity: TrendGranularity;
  measure: Measure;
  series: readonly TrendSeries[];
}

const X_TITLES: Readonly<Record<TrendGranularity, string>> = {
  day: "Date (daily)",
  week: "Week starting (weekly)",
  month: "Month (monthly)",
};

/** Past this many points the markers merge into a blob; the line alone reads better. */
const MAX_POINTS_WITH_MARKERS = 31;

/**
 * One or more series over time, e.g. daily spend per platform with a dashed forecast. Series named
 * after platforms get platform colours. Money and counts start the axis at zero; rates do not, so a
 * CTR moving from 2.1 % to 2.4 % stays visible.
 *
 * @example
 * trendLineChart({
 *   id: "spend-trend", title: "Daily spend", granularity: "day", measure: money("Spend", "USD"),
 *   labels: ["2024-05-01", "2024-05-02"],
 *   series: [{ name: "facebook", values: [120, 140] }, { name: "forecast", values: [130, 150], dashed: true }],
 * });
 */
export function trendLineChart(input: TrendLineChartInput): ReplyChart {
  const { labels, measure, series } = input;
  for (const s of series) {
    if (s.values.length !== labels.length) {
      throw new RangeError(
        `trendLineChart: series ${s.name} has ${s.values.length} values for ${labels.length} labels`,
      );
    }
  }
  const colors = colorsFor(series.map((s) => s.name));
  const markers = labels.length <= MAX_POINTS_WITH_MARKERS;
  const display = series.map((s) =>
    s.values.map((value) => (value === null ? null : formatValue(value, measure))),
  );
  const meta: ChartMeta = { kind: "trend", labels: [...labels], display };

  const config: ChartConfiguration<"line"> = {
    type: "line",
    data: {
      labels: [...labels],
      datasets: series.map((s, index) => {
        const color = s.color ?? (colors[index] as string);
        return {
          label: s.dashed ? `${s.name} (dashed)` : s.name,
          data: [...s.values],
          borderColor: color,
          backgroundColor: color,
          borderWidth: 3,
          borderDash: s.dashed ? [8, 6] : [],
          pointRadius: markers ? 3 : 0,
          pointHoverRadius: 0,
          tension: 0,
          fill: false,
          spanGaps: false,
        };
      }),
    },
    options: {
      // Swatches drawn as short lines, so a dashed series shows a dashed swatch.
      ...withLegendLabels(baseOptions(input.title, { legend: series.length > 1 }), {
        usePointStyle: true,
        pointStyle: "line" as const,
        pointStyleWidth: 32,
      }),
      scales: {
        x: periodAxis(X_TITLES[input.granularity]),
        y: scaleOptions(axisTitle(measure), {
          type: "linear" as const,
          beginAtZero: startsAtZero(measure),
        }),
      },
    },
    plugins: [backgroundPlugin],
  };
  const plugins = config.options?.plugins;
  if (plugins) plugins.adpulse = meta;
  return toReplyChart(input, trendAltText(input), config);
}

function trendAltText({ labels, measure, series, granularity }: TrendLineChartInput): string {
  const span = labels.length > 0 ? `, ${labels[0]} to ${labels.at(-1)}` : "";
  const parts = [
    `Line chart of ${axisTitle(measure)} by ${granularity}${span}, ${series.length} series: ${listForAltText(
      series.map((s) => s.name),
      5,
    )}.`,
  ];
  for (const s of series.slice(0, 5)) {
    const points = s.values
      .map((value, index) => ({ value, label: labels[index] as string }))
      .filter((point): point is { value: number; label: string } => point.value !== null);
    const name = s.dashed ? `${s.name} (dashed)` : s.name;
    if (points.length === 0) {
      parts.push(`${name}: no data.`);
      continue;
    }
    const first = points[0] as { value: number; label: string };
    const last = points.at(-1) as { value: number; label: string };
    const min = points.reduce((a, b) => (b.value < a.value ? b : a));
    const max = points.reduce((a, b) => (b.value > a.value ? b : a));
    const gaps = s.values.length - points.length;
    parts.push(
      `${name}: ${formatValue(first.value, measure)} to ${formatValue(last.value, measure)}` +
        `, low ${formatValue(min.value, measure)} (${min.label}), high ${formatValue(max.value, measure)} (${max.label})` +
        (gaps > 0 ? `, ${gaps} ${granularity}${gaps === 1 ? "" : "s"} without data` : "") +
        ".",
    );
  }
  return parts.join(" ");
}
