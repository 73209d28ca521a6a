import type { ChartConfiguration } from "chart.js";
import type { ReplyChart } from "../../bot/reply";
import { formatValue } from "../format";
import { colorLegendItems, withLegendLabels } from "../legend";
import { axisTitle, type Measure } from "../measure";
import type { ChartMeta } from "../meta";
import { categoricalColor, palette } from "../palette";
import { backgroundPlugin } from "../plugins/background";
import { connectorsPlugin } from "../plugins/connectors";
import { valueLabelsPlugin } from "../plugins/value-labels";
import { zeroLinePlugin } from "../plugins/zero-line";
import { baseOptions, DEFAULT_CHART_HEIGHT, scaleOptions } from "../theme";
import { type ChartBaseInput, listForAltText, toReplyChart, truncateLabel } from "./chart-base";

export interface WaterfallStepInput {
  label: string;
  /** Running total before and after the step (the total bar runs from 0). */
  start: number;
  end: number;
  kind: "increase" | "decrease" | "total";
}

export interface WaterfallChartInput extends ChartBaseInput {
  /** What the steps are, singular: "Campaign". */
  category: string;
  measure: Measure;
  steps: readonly WaterfallStepInput[];
}

const COLORS = {
  increase: palette.good,
  decrease: palette.bad,
  total: categoricalColor(0),
} as const;
const NAMES = { increase: "Adds", decrease: "Subtracts", total: "Total" } as const;
const ROW_HEIGHT = 34;
const CHROME_HEIGHT = 170;

/**
 * A horizontal waterfall: each step a floating bar from the running total before it to the one
 * after (green adds, red subtracts), dashed rules joining them, and the total as a full bar at the
 * bottom. Each bar carries its signed contribution.
 *
 * @example
 * waterfallChart({
 *   id: "revenue-contribution", title: "Revenue by campaign", category: "Campaign",
 *   measure: money("Revenue", "USD"),
 *   steps: [{ label: "A", start: 0, end: 50, kind: "increase" }, { label: "Total", start: 0, end: 50, kind: "total" }],
 * });
 */
export function waterfallChart(input: WaterfallChartInput): ReplyChart {
  const { steps, measure } = input;
  const display = steps.map((s) => {
    if (s.kind === "total") return formatValue(s.end, measure);
    const delta = s.end - s.start;
    return `${delta >= 0 ? "+" : ""}${formatValue(delta, measure)}`;
  });
  const meta: ChartMeta = {
    kind: "waterfall",
    labels: steps.map((s) => s.label),
    display: [display],
  };
  const kinds = [...new Set(steps.map((s) => s.kind))];
  const config: ChartConfiguration<"bar"> = {
    type: "bar",
    data: {
      labels: steps.map((s) => truncateLabel(s.label, 30)),
      datasets: [
        {
          label: axisTitle(measure),
          // Floating bars: [from, to] per step.
          data: steps.map((s) => [s.start, s.end]) as unknown as number[],
          backgroundColor: steps.map((s) => COLORS[s.kind]),
          borderWidth: 0,
          maxBarThickness: 30,
          categoryPercentage: 0.85,
          barPercentage: 0.9,
        },
      ],
    },
    options: {
      // One entry per kind of step present: one dataset cannot name its colours itself.
      ...withLegendLabels(baseOptions(input.title, { legend: true }), {
        generateLabels: () =>
          colorLegendItems(kinds.map((kind) => ({ text: NAMES[kind], color: COLORS[kind] }))),
      }),
      indexAxis: "y",
      scales: {
        x: scaleOptions(axisTitle(measure), {
          type: "linear" as const,
          beginAtZero: true,
          grace: "14%",
        }),
        y: scaleOptions(input.category, { grid: { display: false } }),
      },
    },
    plugins: [backgroundPlugin, zeroLinePlugin, connectorsPlugin, valueLabelsPlugin],
  };
  const plugins = config.options?.plugins;
  if (plugins) {
    plugins.adpulse = meta;
    plugins.adpulseValueLabels = { labels: [display], color: palette.text };
    plugins.adpulseZeroLine = { scales: ["x"], color: palette.axisLine };
    plugins.adpulseConnectors = { color: palette.axisLine };
  }
  const height = Math.max(DEFAULT_CHART_HEIGHT, CHROME_HEIGHT + steps.length * ROW_HEIGHT);
  return toReplyChart(input, waterfallAltText(input, display), config, height);
}

function waterfallAltText(input: WaterfallChartInput, display: readonly string[]): string {
  const { steps, measure } = input;
  const total = steps.find((s) => s.kind === "total");
  const movers = steps.filter((s) => s.kind !== "total");
  const parts = [
    `Waterfall chart of ${axisTitle(measure)} by ${input.category.toLowerCase()}, ${movers.length} steps${total ? ` adding up to ${formatValue(total.end, measure)}` : ""}.`,
  ];
  const named = steps
    .map((s, i) => `${s.label} ${display[i]}`)
    .filter((_, i) => steps[i]?.kind !== "total");
  if (named.length) parts.push(`Steps: ${listForAltText(named, 5)}.`);
  const losses = movers.filter((s) => s.kind === "decrease").length;
  if (losses > 0) parts.push(`${losses} step${losses === 1 ? "" : "s"} subtract.`);
  return parts.join(" ");
}
