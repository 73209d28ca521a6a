import type { ChartConfiguration } from "chart.js";
import type { ReplyChart } from "../../bot/reply";
import { formatCount } from "../../core/format";
import { formatValue } from "../format";
import { colorLegendItems, withLegendLabels } from "../legend";
import { axisTitle, type Measure } from "../measure";
import type { ChartMeta } from "../meta";
import { categoricalColor, colorsFor, palette } from "../palette";
import { backgroundPlugin } from "../plugins/background";
import { valueLabelsPlugin } from "../plugins/value-labels";
import { baseOptions, DEFAULT_CHART_HEIGHT, scaleOptions, subtitleOptions } from "../theme";
import { type ChartBaseInput, listForAltText, toReplyChart, truncateLabel } from "./chart-base";

export interface LabelledBar {
  label: string;
  value: number | null;
  /** Colour group, e.g. the platform; bars of a group share a colour and a legend entry. */
  group?: string;
  /** Text at the bar's end instead of the formatted value, e.g. "1.2M · 2.0% CTR". */
  text?: string;
}

export interface LabelledBarChartInput extends ChartBaseInput {
  /** What the bars are, singular: "Funnel step", "Posting slot". */
  category: string;
  measure: Measure;
  /** Drawn top to bottom in the given order (no sorting: a funnel has its own order). */
  bars: readonly LabelledBar[];
  /** A logarithmic value axis, for values spanning orders of magnitude (impressions vs conversions). */
  logScale?: boolean;
  /** A line under the title, e.g. the figure that does not fit the bars' unit. */
  subtitle?: string;
  /**
   * Value axis title replacing the measure's own (log-scale note included), for when the
   * measure's short name says too little; alt text still uses the measure.
   */
  xTitle?: string;
}

const ROW_HEIGHT = 40;
const CHROME_HEIGHT = 160;

/**
 * Horizontal bars in the order given, each with its own text at the end and an optional colour
 * group (platform colours for platforms), e.g. a funnel (impressions → clicks → conversions on a
 * log axis, with the step rates as texts) or the best posting slots per platform.
 *
 * @example
 * labelledBarChart({
 *   id: "funnel", title: "Funnel", category: "Step", measure: count("People"), logScale: true,
 *   bars: [{ label: "Impressions", value: 1e6 }, { label: "Clicks", value: 2e4, text: "20K · CTR 2.0%" }],
 * });
 */
export function labelledBarChart(input: LabelledBarChartInput): ReplyChart {
  const { bars, measure } = input;
  const groups = [...new Set(bars.map((b) => b.group).filter((g): g is string => g !== undefined))];
  const groupColors = new Map(groups.map((g, i) => [g, colorsFor(groups)[i] as string]));
  const colors = bars.map((b) =>
    b.group ? (groupColors.get(b.group) as string) : categoricalColor(0),
  );
  const display = bars.map(
    (b) => b.text ?? (b.value === null ? null : formatValue(b.value, measure)),
  );
  const positives = bars.map((b) => b.value ?? 0).filter((v) => v > 0);
  if (positives.length === 0) positives.push(1);
  const meta: ChartMeta = { kind: "ranking", labels: bars.map((b) => b.label), display: [display] };
  const config: ChartConfiguration<"bar"> = {
    type: "bar",
    data: {
      labels: bars.map((b) => truncateLabel(b.label, 30)),
      datasets: [
        {
          label: axisTitle(measure),
          data: bars.map((b) =>
            b.value === null || (input.logScale && b.value <= 0) ? null : b.value,
          ),
          backgroundColor: colors,
          borderWidth: 0,
          maxBarThickness: 40,
          categoryPercentage: 0.8,
          barPercentage: 0.9,
        },
      ],
    },
    options: {
      ...withLegendLabels(baseOptions(input.title, { legend: groups.length > 0 }), {
        generateLabels: () =>
          colorLegendItems(groups.map((g) => ({ text: g, color: groupColors.get(g) }))),
      }),
      indexAxis: "y",
      scales: {
        x: input.logScale
          ? scaleOptions(input.xTitle ?? `${axisTitle(measure)}, log scale`, {
              type: "logarithmic" as const,
              // Powers of ten only: log axes otherwise label 2, 3, … 9 of every decade.
              ticks: {
                maxRotation: 0,
                callback: (value: number | string) => {
                  const n = Number(value);
                  return Number.isInteger(Math.log10(n)) ? formatCount(n) : null;
                },
              },
              // Room right of the longest bar for its text: a log axis has no `grace`.
              max: 10 ** Math.ceil(Math.log10(Math.max(1, ...positives) * 30)),
              // A decade below the smallest bar, so it still shows a length.
              min: 10 ** (Math.floor(Math.log10(Math.min(...positives))) - 1),
            })
          : scaleOptions(input.xTitle ?? axisTitle(measure), {
              type: "linear" as const,
              beginAtZero: true,
              grace: `${Math.round(textRoom(display) * 100)}%`,
            }),
        y: scaleOptions(input.category, { grid: { display: false } }),
      },
    },
    plugins: [backgroundPlugin, valueLabelsPlugin],
  };
  const plugins = config.options?.plugins;
  if (plugins) {
    plugins.adpulse = meta;
    plugins.adpulseValueLabels = { labels: [display], color: palette.text };
    if (input.subtitle) plugins.subtitle = subtitleOptions(input.subtitle);
  }
  const height = Math.max(DEFAULT_CHART_HEIGHT, CHROME_HEIGHT + bars.length * ROW_HEIGHT);
  return toReplyChart(input, labelledAltText(input, display), config, height);
}

/**
 * How much to extend the value axis past the longest bar so its text fits: the text's width
 * (≈ 8 px per character at the label font) over a ≈ 700 px plot, as a share of the axis.
 */
function textRoom(texts: readonly (string | null)[]): number {
  const longest = Math.max(0, ...texts.map((t) => t?.length ?? 0));
  const share = Math.min(0.6, (longest * 8 + 16) / 700);
  return Math.max(0.15, share / (1 - share));
}

function labelledAltText(
  input: LabelledBarChartInput,
  display: readonly (string | null)[],
): string {
  const items = input.bars.map(
    (b, i) => `${b.label}${b.group ? ` (${b.group})` : ""} ${display[i] ?? "no data"}`,
  );
  const sub = input.subtitle ? ` ${input.subtitle}.` : "";
  return `Horizontal bar chart of ${axisTitle(input.measure)} by ${input.category.toLowerCase()}${input.logScale ? " on a log scale" : ""}: ${listForAltText(items, 8)}.${sub}`;
}
