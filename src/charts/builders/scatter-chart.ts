import type { ChartConfiguration } from "chart.js";
import type { ReplyChart } from "../../bot/reply";
import { formatValue } from "../format";
import { axisTitle, type Measure } from "../measure";
import type { ChartMeta } from "../meta";
import { palette, withAlpha } from "../palette";
import { backgroundPlugin } from "../plugins/background";
import { pointLabelsPlugin } from "../plugins/point-labels";
import { zeroLinePlugin } from "../plugins/zero-line";
import { baseOptions } from "../theme";
import { paddedPointAxis } from "./axes";
import { type ChartBaseInput, toReplyChart, truncateLabel } from "./chart-base";
import {
  groupPoints,
  hasCoordinates,
  namesPoints,
  type Placed,
  type PointGroups,
  pointsPhrase,
  unplottedNote,
} from "./point-chart";

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

/** Share of the data's span added at each end of both axes. */
const EDGE_PADDING = 0.04;

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
  const plotted = input.points.filter(hasCoordinates);
  const groups = groupPoints(plotted);
  const xs = plotted.map((p) => p.x);
  const ys = plotted.map((p) => p.y);
  const display = groups.points.map((points) =>
    points.map((p) => `${formatValue(p.x, x)}, ${formatValue(p.y, y)}`),
  );
  const meta: ChartMeta = { kind: "scatter", labels: groups.names, display };

  const config: ChartConfiguration<"scatter"> = {
    type: "scatter",
    data: {
      datasets: groups.points.map((points, index) => {
        const color = groups.colors[index] as string;
        return {
          label: groups.names[index] as string,
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
      ...baseOptions(input.title, { legend: groups.grouped }),
      scales: {
        // Padding keeps the outermost points (and their names) off the plot edge.
        x: paddedPointAxis(axisTitle(x), xs, EDGE_PADDING),
        y: paddedPointAxis(axisTitle(y), ys, EDGE_PADDING),
      },
    },
    plugins: [backgroundPlugin, zeroLinePlugin, pointLabelsPlugin],
  };
  const plugins = config.options?.plugins;
  if (plugins) {
    plugins.adpulse = meta;
    plugins.adpulsePointLabels = {
      display: namesPoints(input.pointLabels, plotted.length),
      color: palette.text,
    };
    plugins.adpulseZeroLine = { scales: ["x", "y"], color: palette.axisLine };
  }
  return toReplyChart(input, scatterAltText(input, plotted, groups), config);
}

function scatterAltText(
  input: ScatterChartInput,
  plotted: readonly Placed<ScatterPoint>[],
  groups: PointGroups<unknown>,
): string {
  const { x, y } = input;
  const parts = [
    `Scatter plot of ${axisTitle(y)} against ${axisTitle(x)} ${pointsPhrase(plotted.length, groups)}.`,
  ];
  const describe = (p: Placed<ScatterPoint>) =>
    `${p.label} (${x.name} ${formatValue(p.x, x)}, ${y.name} ${formatValue(p.y, y)})`;
  if (plotted.length > 0) {
    const top = plotted.reduce((a, b) => (b.y > a.y ? b : a));
    const bottom = plotted.reduce((a, b) => (b.y < a.y ? b : a));
    parts.push(`Highest ${y.name}: ${describe(top)}.`);
    if (plotted.length > 1) parts.push(`Lowest ${y.name}: ${describe(bottom)}.`);
  }
  const unplotted = unplottedNote(input.points, plotted);
  if (unplotted) parts.push(unplotted);
  return parts.join(" ");
}
