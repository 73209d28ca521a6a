import type { ChartConfiguration, Plugin } from "chart.js";
import type { ReplyChart } from "../../bot/reply";
import { formatValue } from "../format";
import { axisTitle, type Measure } from "../measure";
import type { ChartMeta } from "../meta";
import { palette, withAlpha } from "../palette";
import { backgroundPlugin } from "../plugins/background";
import { pointLabelsPlugin } from "../plugins/point-labels";
import { zeroLinePlugin } from "../plugins/zero-line";
import { baseOptions, DEFAULT_CHART_HEIGHT, scaleOptions, subtitleOptions } from "../theme";
import { type AxisBounds, paddedPointAxis } from "./axes";
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

export interface BubblePoint {
  label: string;
  x: number | null;
  y: number | null;
  /** Drawn as the bubble's area; null or negative draws the smallest bubble. */
  size: number | null;
  /** Colour group, e.g. the platform; points without one share a single series. */
  group?: string;
}

export interface BubbleChartInput extends ChartBaseInput {
  x: Measure;
  y: Measure;
  /** What the bubble area stands for, e.g. count("Reach"). */
  size: Measure;
  points: readonly BubblePoint[];
  /** Name bubbles next to them; default: only when there are at most 20 (beyond that they overlap). */
  pointLabels?: boolean;
  /**
   * A logarithmic x axis, for figures spanning orders of magnitude (influencer fees run from $50
   * to $100,000). Points with x ≤ 0 cannot be placed on it: they are left out and named in altText.
   */
  logX?: boolean;
  /** Limits of the y figure (a 0–100 score): the axis padding stops there. */
  yBounds?: AxisBounds;
  /** Radius in px of the largest bubble (default 30) and of a zero-size one (default 4). */
  maxRadius?: number;
  minRadius?: number;
  /**
   * Axis titles replacing the measures' own (log-scale note included), e.g. "Score (0–100)"
   * where "Score (count)" would mislead; alt text still uses the measures.
   */
  xTitle?: string;
  yTitle?: string;
}

/** Share of the data's span added at each end of a linear axis: room for the biggest bubbles. */
const EDGE_PADDING = 0.06;

/**
 * A scatter plot whose bubbles carry a third figure as their area, e.g. cost vs score per
 * influencer sized by reach, coloured by group (platform colours when groups are platforms).
 * Area, not radius, is proportional to `size` (radius ∝ √size), because eyes compare areas: a
 * bubble for twice the reach looks twice as big. Points missing x or y are left out and named in
 * altText. For the terminal the meta is a scatter list, each line with all three figures.
 *
 * @example
 * bubbleChart({
 *   id: "influencers-cost-vs-score", title: "Cost vs score",
 *   x: money("Cost", "USD"), y: count("Score"), size: count("Reach"),
 *   points: [{ label: "@mia.glow", x: 1200, y: 72, size: 150_000, group: "instagram" }],
 * });
 */
export function bubbleChart(input: BubbleChartInput): ReplyChart {
  const { x, y, size } = input;
  const maxRadius = input.maxRadius ?? 30;
  const minRadius = Math.min(input.minRadius ?? 4, maxRadius);
  const plotted = input.points.filter(
    (p): p is Placed<BubblePoint> => hasCoordinates(p) && (!input.logX || p.x > 0),
  );
  const sizeOf = (p: BubblePoint) =>
    p.size !== null && Number.isFinite(p.size) && p.size > 0 ? p.size : 0;
  const largest = Math.max(0, ...plotted.map(sizeOf));
  const radius = (p: BubblePoint) =>
    largest > 0 ? minRadius + (maxRadius - minRadius) * Math.sqrt(sizeOf(p) / largest) : minRadius;
  const groups = groupPoints(plotted);
  const xs = plotted.map((p) => p.x);
  const ys = plotted.map((p) => p.y);
  const display = groups.points.map((points) =>
    points.map(
      (p) =>
        `${formatValue(p.x, x)}, ${formatValue(p.y, y)} · ${size.name} ${formatValue(p.size, size)}`,
    ),
  );
  const meta: ChartMeta = { kind: "scatter", labels: groups.names, display };

  const config: ChartConfiguration<"bubble"> = {
    type: "bubble",
    data: {
      datasets: groups.points.map((points, index) => {
        const color = groups.colors[index] as string;
        return {
          label: groups.names[index] as string,
          // `label` rides along on each point for the labels plugin; chart.js reads x/y/r only.
          data: points.map((p) => ({
            x: p.x,
            y: p.y,
            r: round1(radius(p)),
            label: truncateLabel(p.label, 24),
          })),
          backgroundColor: withAlpha(color, 0.55),
          borderColor: color,
          borderWidth: 1.5,
        };
      }),
    },
    options: {
      ...baseOptions(input.title, { legend: groups.grouped }),
      scales: {
        // Generous padding: a big bubble at the edge of the data would otherwise be cut in half.
        x: input.logX
          ? scaleOptions(input.xTitle ?? `${axisTitle(x)}, log scale`, {
              type: "logarithmic" as const,
            })
          : paddedPointAxis(input.xTitle ?? axisTitle(x), xs, EDGE_PADDING),
        y: paddedPointAxis(input.yTitle ?? axisTitle(y), ys, EDGE_PADDING, input.yBounds),
      },
    },
    plugins: [
      backgroundPlugin as Plugin<"bubble">,
      zeroLinePlugin as Plugin<"bubble">,
      pointLabelsPlugin as Plugin<"bubble">,
    ],
  };
  const plugins = config.options?.plugins;
  if (plugins) {
    plugins.adpulse = meta;
    plugins.adpulsePointLabels = {
      display: namesPoints(input.pointLabels, plotted.length),
      color: palette.text,
    };
    plugins.adpulseZeroLine = { scales: input.logX ? ["y"] : ["x", "y"], color: palette.axisLine };
    plugins.subtitle = subtitleOptions(`Bubble area: ${axisTitle(size)}`);
  }
  return toReplyChart(
    input,
    bubbleAltText(input, plotted, groups),
    config,
    Math.max(DEFAULT_CHART_HEIGHT, 560),
  );
}

function bubbleAltText(
  input: BubbleChartInput,
  plotted: readonly Placed<BubblePoint>[],
  groups: PointGroups<unknown>,
): string {
  const { x, y, size } = input;
  const parts = [
    `Bubble chart of ${axisTitle(y)} against ${axisTitle(x)} ${pointsPhrase(plotted.length, groups)}; bubble area shows ${axisTitle(size)}.`,
  ];
  const describe = (p: Placed<BubblePoint>) =>
    `${p.label} (${x.name} ${formatValue(p.x, x)}, ${y.name} ${formatValue(p.y, y)}, ${size.name} ${formatValue(p.size, size)})`;
  if (plotted.length > 0) {
    const top = plotted.reduce((a, b) => (b.y > a.y ? b : a));
    const biggest = plotted.reduce((a, b) => ((b.size ?? 0) > (a.size ?? 0) ? b : a));
    parts.push(`Highest ${y.name}: ${describe(top)}.`);
    if (biggest !== top) parts.push(`Largest ${size.name}: ${describe(biggest)}.`);
  }
  const unplotted = unplottedNote(input.points, plotted);
  if (unplotted) parts.push(unplotted);
  return parts.join(" ");
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
