import type { ChartConfiguration, ChartDataset } from "chart.js";
import type { ReplyChart } from "../../bot/reply";
import { toPlatform } from "../../core/platforms";
import { formatValue } from "../format";
import { axisTitle, type Measure, unitLabel } from "../measure";
import type { ChartMeta } from "../meta";
import { categoricalColor, colorsFor, palette } from "../palette";
import { backgroundPlugin } from "../plugins/background";
import { valueLabelsPlugin } from "../plugins/value-labels";
import { zeroLinePlugin } from "../plugins/zero-line";
import { baseOptions, scaleOptions } from "../theme";
import { type ChartBaseInput, listForAltText, toReplyChart, truncateLabel } from "./chart-base";

export interface ComparisonMetric {
  measure: Measure;
  /** One value per group, in `groups` order; null where undefined. */
  values: readonly (number | null)[];
}

export interface ComparisonBarChartInput extends ChartBaseInput {
  /** What the groups are, singular: "Platform", "Campaign type", "Campaign". */
  groupTitle: string;
  groups: readonly string[];
  metrics: readonly ComparisonMetric[];
  /**
   * Axis titles replacing the layout's own, for when the "metrics" are really categories
   * (channels, campaigns) and "Metric" / "Value (count)" would say nothing. Alt text still
   * describes the measures.
   */
  xTitle?: string;
  yTitle?: string;
}

/** Above this many bars the value labels collide, so the axis has to do. */
const MAX_LABELLED_BARS = 12;

/**
 * Grouped vertical bars comparing groups across one or more metrics. The layout follows the units,
 * because bars only compare honestly on a shared axis:
 * - one metric: a bar per group, in platform colours when the groups are platforms;
 * - several metrics in one unit (CTR, CVR, ROI — all %): the metrics along the x axis and a
 *   coloured series per group (platform colours again), with a legend;
 * - metrics in two units (spend in USD and ROI in %): the groups along the x axis, a series per
 *   metric, the second unit on a right-hand axis. More than two units throws: split the chart.
 *
 * @example
 * comparisonBarChart({
 *   id: "platforms", title: "Platforms, last 30 days", groupTitle: "Platform",
 *   groups: ["facebook", "google"],
 *   metrics: [{ measure: percent("CTR"), values: [1.2, 3.4] }, { measure: percent("ROI"), values: [80, 140] }],
 * });
 */
export function comparisonBarChart(input: ComparisonBarChartInput): ReplyChart {
  const { groups, metrics } = input;
  for (const metric of metrics) {
    if (metric.values.length !== groups.length) {
      throw new RangeError(
        `comparisonBarChart: ${metric.measure.name} has ${metric.values.length} values for ${groups.length} groups`,
      );
    }
  }
  const units = [...new Set(metrics.map((metric) => unitLabel(metric.measure)))];
  if (units.length > 2) {
    throw new RangeError(
      `comparisonBarChart: ${units.length} units (${units.join(", ")}) cannot share one chart; split it`,
    );
  }
  const layout =
    metrics.length === 1
      ? byGroupSingle(input)
      : units.length === 1
        ? byMetric(input)
        : byGroupDualAxis(input, units);

  const display = layout.datasets.map((dataset) => dataset.display);
  const barCount = display.reduce((sum, values) => sum + values.length, 0);
  const meta: ChartMeta = { kind: "comparison", labels: layout.labels, display };
  const scaleIds = Object.keys(layout.scales).filter((id) => id !== "x");
  const config: ChartConfiguration<"bar"> = {
    type: "bar",
    data: {
      labels: layout.labels.map((label) => truncateLabel(label, 24)),
      datasets: layout.datasets.map((dataset) => dataset.chart),
    },
    options: {
      ...baseOptions(input.title, { legend: layout.legend }),
      scales: layout.scales,
    },
    plugins: [backgroundPlugin, zeroLinePlugin, valueLabelsPlugin],
  };
  const plugins = config.options?.plugins;
  if (plugins) {
    plugins.adpulse = meta;
    plugins.adpulseValueLabels = {
      labels: barCount <= MAX_LABELLED_BARS ? display : [],
      color: palette.text,
    };
    plugins.adpulseZeroLine = { scales: scaleIds, color: palette.axisLine };
  }
  return toReplyChart(input, comparisonAltText(input), config);
}

interface Layout {
  labels: string[];
  datasets: { chart: ChartDataset<"bar", (number | null)[]>; display: (string | null)[] }[];
  // chart.js's per-scale option types are a deep union; the builders' shapes are checked by tests.
  scales: Record<string, ReturnType<typeof scaleOptions>>;
  legend: boolean;
}

const BAR_STYLE = {
  borderWidth: 0,
  maxBarThickness: 72,
  categoryPercentage: 0.8,
  barPercentage: 0.9,
};

function valueScale(title: string, extra: object = {}) {
  return scaleOptions(title, {
    type: "linear" as const,
    beginAtZero: true,
    grace: "10%",
    ...extra,
  });
}

function groupScale(title: string) {
  return scaleOptions(title, { grid: { display: false } });
}

function byGroupSingle({
  groups,
  metrics,
  groupTitle,
  xTitle,
  yTitle,
}: ComparisonBarChartInput): Layout {
  const metric = metrics[0] as ComparisonMetric;
  return {
    labels: [...groups],
    datasets: [
      {
        chart: {
          ...BAR_STYLE,
          label: axisTitle(metric.measure),
          data: [...metric.values],
          // Colour carries meaning only for platforms; other groups share one colour so no bar
          // looks singled out (or "good"/"bad").
          backgroundColor: groups.some((group) => toPlatform(group))
            ? colorsFor(groups)
            : groups.map(() => categoricalColor(0)),
        },
        display: metric.values.map((value) =>
          value === null ? null : formatValue(value, metric.measure),
        ),
      },
    ],
    scales: {
      x: groupScale(xTitle ?? groupTitle),
      y: valueScale(yTitle ?? axisTitle(metric.measure)),
    },
    legend: false,
  };
}

function byMetric({ groups, metrics, xTitle, yTitle }: ComparisonBarChartInput): Layout {
  const colors = colorsFor(groups);
  const first = (metrics[0] as ComparisonMetric).measure;
  const names = metrics.map((metric) => metric.measure.name);
  const valueTitle =
    names.length <= 3
      ? `${names.join(" / ")} (${unitLabel(first)})`
      : `Value (${unitLabel(first)})`;
  return {
    labels: names,
    datasets: groups.map((group, groupIndex) => ({
      chart: {
        ...BAR_STYLE,
        label: group,
        data: metrics.map((metric) => metric.values[groupIndex] ?? null),
        backgroundColor: colors[groupIndex],
      },
      display: metrics.map((metric) => {
        const value = metric.values[groupIndex] ?? null;
        return value === null ? null : formatValue(value, metric.measure);
      }),
    })),
    scales: { x: groupScale(xTitle ?? "Metric"), y: valueScale(yTitle ?? valueTitle) },
    legend: true,
  };
}

function byGroupDualAxis(
  { groups, metrics, groupTitle, xTitle, yTitle }: ComparisonBarChartInput,
  units: string[],
): Layout {
  const axisFor = (metric: ComparisonMetric) =>
    unitLabel(metric.measure) === units[0] ? "y" : "y1";
  const titleFor = (axis: "y" | "y1") => {
    const onAxis = metrics.filter((metric) => axisFor(metric) === axis);
    const unit = unitLabel((onAxis[0] as ComparisonMetric).measure);
    return `${onAxis.map((metric) => metric.measure.name).join(" / ")} (${unit})`;
  };
  return {
    labels: [...groups],
    datasets: metrics.map((metric, index) => ({
      chart: {
        ...BAR_STYLE,
        label: axisTitle(metric.measure),
        data: [...metric.values],
        backgroundColor: categoricalColor(index),
        yAxisID: axisFor(metric),
      },
      display: metric.values.map((value) =>
        value === null ? null : formatValue(value, metric.measure),
      ),
    })),
    scales: {
      x: groupScale(xTitle ?? groupTitle),
      y: valueScale(yTitle ?? titleFor("y"), { position: "left" }),
      // Right-hand grid lines would not line up with the left ones: draw only the left set.
      y1: valueScale(titleFor("y1"), { position: "right", grid: { drawOnChartArea: false } }),
    },
    legend: true,
  };
}

function comparisonAltText({ groups, metrics, groupTitle }: ComparisonBarChartInput): string {
  const noun = groupTitle.toLowerCase();
  const parts = [
    `Grouped bar chart comparing ${groups.length} ${noun}${groups.length === 1 ? "" : "s"} (${listForAltText([...groups], 5)}) on ${listForAltText(
      metrics.map((metric) => axisTitle(metric.measure)),
      5,
    )}.`,
  ];
  for (const metric of metrics) {
    const valued = groups
      .map((group, index) => ({ group, value: metric.values[index] ?? null }))
      .filter((entry): entry is { group: string; value: number } => entry.value !== null);
    if (valued.length === 0) {
      parts.push(`${metric.measure.name}: no data.`);
      continue;
    }
    const best = valued.reduce((a, b) => (b.value > a.value ? b : a));
    const worst = valued.reduce((a, b) => (b.value < a.value ? b : a));
    const missing = groups.length - valued.length;
    parts.push(
      `${metric.measure.name}: highest ${best.group} ${formatValue(best.value, metric.measure)}` +
        (valued.length > 1
          ? `, lowest ${worst.group} ${formatValue(worst.value, metric.measure)}`
          : "") +
        (missing > 0 ? `, ${missing} without data` : "") +
        ".",
    );
  }
  return parts.join(" ");
}
