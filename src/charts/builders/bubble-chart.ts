import type { ChartConfiguration, Plugin, PointElement } from "chart.js";
import type { ReplyChart } from "../../bot/reply";
import { formatValue } from "../format";
import { axisTitle, type Measure } from "../measure";
import type { ChartMeta } from "../meta";
import { colorsFor, palette, withAlpha } from "../palette";
import { backgroundPlugin } from "../plugins/background";
import { zeroLinePlugin } from "../plugins/zero-line";
import {
  baseOptions,
  chartFont,
  cssFont,
  DEFAULT_CHART_HEIGHT,
  DEFAULT_CHART_WIDTH,
  fontSizes,
  scaleOptions,
} from "../theme";
import { type ChartBaseInput, listForAltText, truncateLabel } from "./chart-base";

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
  /** Radius in px of the largest bubble (default 30) and of a zero-size one (default 4). */
  maxRadius?: number;
  minRadius?: number;
}

const MAX_AUTO_LABELLED_POINTS = 20;
const UNGROUPED = "All";

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
    (p): p is BubblePoint & { x: number; y: number } =>
      p.x !== null &&
      p.y !== null &&
      Number.isFinite(p.x) &&
      Number.isFinite(p.y) &&
      (!input.logX || p.x > 0),
  );
  const sizeOf = (p: BubblePoint) =>
    p.size !== null && Number.isFinite(p.size) && p.size > 0 ? p.size : 0;
  const largest = Math.max(0, ...plotted.map(sizeOf));
  const radius = (p: BubblePoint) =>
    largest > 0 ? minRadius + (maxRadius - minRadius) * Math.sqrt(sizeOf(p) / largest) : minRadius;
  const groups = [...new Set(plotted.map((p) => p.group ?? UNGROUPED))];
  const colors = colorsFor(groups);
  const byGroup = groups.map((group) => plotted.filter((p) => (p.group ?? UNGROUPED) === group));
  const display = byGroup.map((points) =>
    points.map(
      (p) =>
        `${formatValue(p.x, x)}, ${formatValue(p.y, y)} · ${size.name} ${formatValue(p.size, size)}`,
    ),
  );
  const labelPoints = input.pointLabels ?? plotted.length <= MAX_AUTO_LABELLED_POINTS;
  const meta: ChartMeta = { kind: "scatter", labels: groups, display };

  const config: ChartConfiguration<"bubble"> = {
    type: "bubble",
    data: {
      datasets: byGroup.map((points, index) => {
        const color = colors[index] as string;
        return {
          label: groups[index] as string,
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
      ...baseOptions(input.title, { legend: groups.length > 1 || groups[0] !== UNGROUPED }),
      scales: {
        // Generous grace: a big bubble at the edge of the data would otherwise be cut in half.
        x: input.logX
          ? scaleOptions(`${axisTitle(x)}, log scale`, { type: "logarithmic" as const })
          : scaleOptions(axisTitle(x), { type: "linear" as const, grace: "12%" }),
        y: scaleOptions(axisTitle(y), { type: "linear" as const, grace: "12%" }),
      },
    },
    plugins: [
      backgroundPlugin as Plugin<"bubble">,
      zeroLinePlugin as Plugin<"bubble">,
      ...(labelPoints ? [bubbleLabelsPlugin] : []),
    ],
  };
  const plugins = config.options?.plugins;
  if (plugins) {
    plugins.adpulse = meta;
    plugins.adpulseZeroLine = { scales: input.logX ? ["y"] : ["x", "y"], color: palette.axisLine };
    plugins.subtitle = {
      display: true,
      text: `Bubble area: ${axisTitle(size)}`,
      color: palette.mutedText,
      font: chartFont(fontSizes.axisTitle),
      padding: { bottom: 8 },
      align: "center",
      position: "top",
      fullSize: true,
    };
  }
  return {
    id: input.id,
    title: input.title,
    altText: bubbleAltText(input, plotted, groups),
    // ReplyChart holds chart.js's wide configuration type; the bubble config is one of them.
    config: config as unknown as ReplyChart["config"],
    width: input.width ?? DEFAULT_CHART_WIDTH,
    height: input.height ?? Math.max(DEFAULT_CHART_HEIGHT, 560),
  };
}

/**
 * Names each bubble beside its edge (the scatter labels plugin uses a fixed offset, which big
 * bubbles would cover). Flips to the left near the right edge so names are not clipped.
 */
const bubbleLabelsPlugin: Plugin<"bubble"> = {
  id: "adpulseBubbleLabels",
  afterDatasetsDraw(chart) {
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.font = cssFont(fontSizes.label);
    ctx.fillStyle = palette.text;
    ctx.textBaseline = "middle";
    chart.data.datasets.forEach((dataset, datasetIndex) => {
      if (!chart.isDatasetVisible(datasetIndex)) return;
      const elements = chart.getDatasetMeta(datasetIndex).data as unknown as PointElement[];
      dataset.data.forEach((raw, index) => {
        const point = raw as { label?: unknown; r?: number } | null;
        const element = elements[index];
        if (typeof point?.label !== "string" || !element) return;
        const { x, y } = element.getProps(["x", "y"], true) as { x: number; y: number };
        const offset = (point.r ?? 0) + 6;
        const width = ctx.measureText(point.label).width;
        const right = x + offset + width <= chartArea.right;
        ctx.textAlign = right ? "left" : "right";
        ctx.fillText(point.label, right ? x + offset : x - offset, y);
      });
    });
    ctx.restore();
  },
};

function bubbleAltText(
  input: BubbleChartInput,
  plotted: readonly (BubblePoint & { x: number; y: number })[],
  groups: readonly string[],
): string {
  const { x, y, size } = input;
  const grouped = groups.length > 1 || groups[0] !== UNGROUPED;
  const parts = [
    `Bubble chart of ${axisTitle(y)} against ${axisTitle(x)} for ${plotted.length} point${plotted.length === 1 ? "" : "s"}` +
      (grouped
        ? ` in ${groups.length} group${groups.length === 1 ? "" : "s"} (${listForAltText(groups, 5)})`
        : "") +
      `; bubble area shows ${axisTitle(size)}.`,
  ];
  const describe = (p: BubblePoint & { x: number; y: number }) =>
    `${p.label} (${x.name} ${formatValue(p.x, x)}, ${y.name} ${formatValue(p.y, y)}, ${size.name} ${formatValue(p.size, size)})`;
  if (plotted.length > 0) {
    const top = plotted.reduce((a, b) => (b.y > a.y ? b : a));
    const biggest = plotted.reduce((a, b) => ((b.size ?? 0) > (a.size ?? 0) ? b : a));
    parts.push(`Highest ${y.name}: ${describe(top)}.`);
    if (biggest !== top) parts.push(`Largest ${size.name}: ${describe(biggest)}.`);
  }
  const missing = input.points.filter(
    (p) => !plotted.includes(p as BubblePoint & { x: number; y: number }),
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

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
