import type { ChartConfiguration, ChartDataset, LegendItem, Plugin } from "chart.js";
import type { ReplyChart } from "../../bot/reply";
import { formatValue } from "../format";
import { withLegendLabels } from "../legend";
import { axisTitle, type Measure, unitLabel } from "../measure";
import type { ChartMeta } from "../meta";
import { colorsFor } from "../palette";
import { backgroundPlugin } from "../plugins/background";
import { baseOptions, scaleOptions } from "../theme";
import { periodAxis } from "./axes";
import { type ChartBaseInput, listForAltText, toReplyChart } from "./chart-base";

export interface BarSeries {
  name: string;
  /** One value per label; null leaves the bar out. */
  values: readonly (number | null)[];
  color?: string;
}

export interface BarLineChartInput extends ChartBaseInput {
  labels: readonly string[];
  /** Title of the category axis, e.g. "Month" or "Date (daily)". */
  xTitle: string;
  /** What the bars measure (one unit for all bar series). */
  measure: Measure;
  bars: readonly BarSeries[];
  /** Stack the bar series (parts of one whole, e.g. new + existing active users). */
  stacked?: boolean;
  /**
   * An optional line over the bars, e.g. the running points balance. In another unit than the
   * bars, or with `rightAxis`, it gets its own axis on the right.
   */
  line?: BarSeries & { measure: Measure; rightAxis?: boolean; dashed?: boolean };
}

/**
 * Bars per period (grouped or stacked) with an optional line, e.g. active users split into new and
 * existing with new sign-ups as a line, or points earned vs redeemed with the outstanding balance
 * on a right-hand axis. For the terminal it is a trend (a sparkline per series).
 *
 * @example
 * barLineChart({
 *   id: "users-activity", title: "Active users", xTitle: "Month", measure: count("Users"),
 *   labels: ["2026-09", "2026-10"], stacked: true,
 *   bars: [{ name: "Existing", values: [300, 320] }, { name: "New", values: [40, 55] }],
 *   line: { name: "Sign-ups", values: [60, 70], measure: count("Users") },
 * });
 */
export function barLineChart(input: BarLineChartInput): ReplyChart {
  const { labels, bars, line, measure } = input;
  for (const s of [...bars, ...(line ? [line] : [])]) {
    if (s.values.length !== labels.length) {
      throw new RangeError(
        `barLineChart: series ${s.name} has ${s.values.length} values for ${labels.length} labels`,
      );
    }
  }
  const names = [...bars.map((b) => b.name), ...(line ? [line.name] : [])];
  const colors = colorsFor(names);
  const lineOnRight = !!line && (line.rightAxis || unitLabel(line.measure) !== unitLabel(measure));
  const format = (m: Measure) => (v: number | null) => (v === null ? null : formatValue(v, m));
  const display = [
    ...bars.map((b) => b.values.map(format(measure))),
    ...(line ? [line.values.map(format(line.measure))] : []),
  ];
  const meta: ChartMeta = { kind: "trend", labels: [...labels], display };
  const datasets: ChartDataset<"bar" | "line", (number | null)[]>[] = bars.map((b, i) => ({
    type: "bar" as const,
    label: b.name,
    data: [...b.values],
    backgroundColor: b.color ?? (colors[i] as string),
    borderWidth: 0,
    maxBarThickness: 72,
    categoryPercentage: 0.8,
    barPercentage: 0.9,
    order: 2,
    ...(input.stacked ? { stack: "bars" } : {}),
  }));
  if (line) {
    const color = line.color ?? (colors[bars.length] as string);
    datasets.push({
      type: "line" as const,
      label: line.name,
      data: [...line.values],
      borderColor: color,
      backgroundColor: color,
      borderWidth: 3,
      borderDash: line.dashed ? [8, 6] : [],
      pointRadius: labels.length <= 31 ? 3 : 0,
      tension: 0,
      fill: false,
      order: 1,
      yAxisID: lineOnRight ? "y1" : "y",
    });
  }
  const scales: Record<string, object> = {
    x: periodAxis(input.xTitle, { stacked: !!input.stacked }),
    y: scaleOptions(axisTitle(measure), {
      type: "linear" as const,
      beginAtZero: true,
      grace: "8%",
      stacked: !!input.stacked,
    }),
  };
  if (line && lineOnRight) {
    scales.y1 = scaleOptions(axisTitle(line.measure), {
      type: "linear" as const,
      position: "right" as const,
      beginAtZero: true,
      grid: { drawOnChartArea: false },
    });
  }
  const config = {
    type: "bar",
    data: { labels: [...labels], datasets },
    options: {
      ...withLegendLabels(baseOptions(input.title, { legend: names.length > 1 }), {
        // In dataset order: chart.js sorts by draw `order`, which would put the line first.
        sort: (a: LegendItem, b: LegendItem) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0),
      }),
      scales,
    },
    plugins: [backgroundPlugin as Plugin<"bar">],
  } as ChartConfiguration<"bar">;
  const plugins = config.options?.plugins;
  if (plugins) plugins.adpulse = meta;
  return toReplyChart(input, barLineAltText(input), config);
}

function barLineAltText({ labels, bars, line, measure, stacked }: BarLineChartInput): string {
  const span = labels.length ? ` from ${labels[0]} to ${labels.at(-1)}` : "";
  const parts = [
    `${stacked ? "Stacked bar" : "Bar"} chart of ${axisTitle(measure)}${span}: ${listForAltText(
      bars.map((b) => b.name),
      4,
    )}` +
      (line ? `, with ${line.name} as a line (${axisTitle(line.measure)})` : "") +
      ".",
  ];
  for (const s of [...bars, ...(line ? [line] : [])]) {
    const m = s === line ? line.measure : measure;
    const values = s.values.filter((v): v is number => v !== null);
    if (values.length === 0) continue;
    parts.push(
      `${s.name}: ${formatValue(values[0] as number, m)} to ${formatValue(values.at(-1) as number, m)}, high ${formatValue(Math.max(...values), m)}.`,
    );
  }
  return parts.join(" ");
}
