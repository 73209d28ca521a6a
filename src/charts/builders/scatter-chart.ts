import type { ChartConfiguration } from "chart.js";
import type { ReplyChart } from "../../bot/reply";
import { formatValue } from "../format";
import { axisTitle, type Measure } from "../measure";
import type { ChartMeta } from "../meta";
import { colorsFor, palette, withAlpha } from "../palette";
import { backgroundPlugin } from "../plugins/background";
import { pointLabelsPlugin } from "../plugins/point-labels";
import { zeroLinePlugin } from "../plugins/zero-line";
import { baseOptions, scaleOptions } from "../theme";
import { type ChartBaseInput, listForAltText, toReplyChart, truncateLabel } from "./chart-base";

export interface ScatterPoint {
  label: string;
  x: number | null;
  y: number | null;
  /** Colour group, e.g. the campaign's platform; points without one share a single series. */
  group?: string;
}

export interface ScatterChartInput extends ChartBaseInput {
  x: Measure;
  y: Measure;
  points: readonly ScatterPoint[];
  /** Name points next to their dot; default: only when there are at most 20 (beyond that they overlap). */
  pointLabels?: boolean;
}

const MAX_AUTO_LABELLED_POINTS = 20;
const UNGROUPED = "All";

/**
 * Points with names, e.g. spend vs ROI per campaign, coloured by group (platform colours when the
 * groups are platforms) with a legend. Points missing either coordinate are left out and named
 * in altText.
 *
 * @example
 * scatterChart({
 *   id: "spend-vs-roi", title: "Spend vs ROI", x: money("Spend", "USD"), y: percent("ROI"),
 *   points: [{ label: "Campaign B", x: 1200, y: 240, group: "google" }],
 * });
 */
export function scatterChart(input: ScatterChartInput): ReplyChart {
  const { x, y } = input;
  const plotted = input.points.filter(
    (p): p is ScatterPoint & { x: number; y: number } =>
      p.x !== null && p.y !== null && Number.isFinite(p.x) && Number.isFinite(p.y),
  );
  const groups = [...new Set(plotted.map((p) => p.group ?? UNGROUPED))];
  const colors = colorsFor(groups);
  const byGroup = groups.map((group) => plotted.filter((p) => (p.group ?? UNGROUPED) === group));
  const display = byGroup.map((points) =>
    points.map((p) => `${formatValue(p.x, x)}, ${formatValue(p.y, y)}`),
  );
  const labelPoints = input.pointLabels ?? plotted.length <= MAX_AUTO_LABELLED_POINTS;
  const meta: ChartMeta = { kind: "scatter", labels: groups, display };

  const config: ChartConfiguration<"scatter"> = {
    type: "scatter",
    data: {
      datasets: byGroup.map((points, index) => {
        const color = colors[index] as string;
        return {
          label: groups[index] as string,
          // `label` rides along on each point for the point-labels plugin; chart.js reads x/y only.
          data: points.map((p) => ({ x: p.x, y: p.y, label: truncateLabel(p.label, 24) })),
          backgroundColor: withAlpha(color, 0.85),
          borderColor: color,
          borderWidth: 1,
          pointRadius: 7,
          pointHoverRadius: 7,
        };
      }),
    },
    options: {
      ...baseOptions(input.title, { legend: groups.length > 1 || groups[0] !== UNGROUPED }),
      scales: {
        // grace keeps the outermost points (and their names) off the plot edge.
        x: scaleOptions(axisTitle(x), { type: "linear" as const, grace: "8%" }),
        y: scaleOptions(axisTitle(y), { type: "linear" as const, grace: "8%" }),
      },
    },
    plugins: [backgroundPlugin, zeroLinePlugin, pointLabelsPlugin],
  };
  const plugins = config.options?.plugins;
  if (plugins) {
    plugins.adpulse = meta;
    plugins.adpulsePointLabels = { display: labelPoints, color: palette.text };
    plugins.adpulseZeroLine = { scales: ["x", "y"], color: palette.axisLine };
  }
  return toReplyChart(input, scatterAltText(input, plotted, groups), config);
}

function scatterAltText(
  input: ScatterChartInput,
  plotted: readonly (ScatterPoint & { x: number; y: number })[],
  groups: readonly string[],
): string {
  const { x, y } = input;
  const grouped = groups.length > 1 || groups[0] !== UNGROUPED;
  const parts = [
    `Scatter plot of ${axisTitle(y)} against ${axisTitle(x)} for ${plotted.length} point${plotted.length === 1 ? "" : "s"}` +
      (grouped
        ? ` in ${groups.length} group${groups.length === 1 ? "" : "s"} (${listForAltText(groups, 5)}).`
        : "."),
  ];
  const describe = (p: ScatterPoint & { x: number; y: number }) =>
    `${p.label} (${x.name} ${formatValue(p.x, x)}, ${y.name} ${formatValue(p.y, y)})`;
  if (plotted.length > 0) {
    const top = plotted.reduce((a, b) => (b.y > a.y ? b : a));
    const bottom = plotted.reduce((a, b) => (b.y < a.y ? b : a));
    parts.push(`Highest ${y.name}: ${describe(top)}.`);
    if (plotted.length > 1) parts.push(`Lowest ${y.name}: ${describe(bottom)}.`);
  }
  const missing = input.points.filter(
    (p) => !plotted.includes(p as ScatterPoint & { x: number; y: number }),
  );
  if (missing.length > 0) {
    parts.push(
      `Not shown for lack of data: ${listForAltText(
        missing.map((p) => p.label),
        5,
      )}.`,
    );
  }
  return parts.join(" ");
}
