import type { ChartConfiguration } from "chart.js";
import type { ReplyChart } from "../../bot/reply";
import { formatValue } from "../format";
import { axisTitle, type Measure } from "../measure";
import type { ChartMeta } from "../meta";
import { palette, signColor } from "../palette";
import { backgroundPlugin } from "../plugins/background";
import { valueLabelsPlugin } from "../plugins/value-labels";
import { zeroLinePlugin } from "../plugins/zero-line";
import { baseOptions, DEFAULT_CHART_HEIGHT, scaleOptions } from "../theme";
import { type ChartBaseInput, listForAltText, toReplyChart, truncateLabel } from "./chart-base";

export interface RankingItem {
  label: string;
  /** null when the figure is undefined (e.g. ROI with zero spend). */
  value: number | null;
}

export interface RankingBarChartInput extends ChartBaseInput {
  /** What is ranked, singular: "Campaign". Titles the category axis and names items in altText. */
  category: string;
  measure: Measure;
  items: readonly RankingItem[];
  /**
   * Items without a value: `"skip"` (default) leaves them out, `"zero"` draws them at 0 with
   * "(no data)" after the label. Either way altText names them.
   */
  nulls?: "skip" | "zero";
  /** `"desc"` (default) puts the highest value on top; `"asc"` suits "lower is better" (CPA). */
  order?: "desc" | "asc";
  /** Most bars drawn (default 15); altText says how many were left out. */
  limit?: number;
  /**
   * Value axis title replacing the measure's own, e.g. "Score (0–100)" where "Score (count)"
   * would mislead; alt text still uses the measure.
   */
  xTitle?: string;
}

const ROW_HEIGHT = 30;
const CHROME_HEIGHT = 150;

/**
 * Horizontal bars ranking items by one measure, e.g. ROI by campaign. Positive bars are green,
 * negative bars red, each bar carries its value, and a dark rule marks zero.
 *
 * @example
 * rankingBarChart({
 *   id: "roi-ranking", title: "ROI by campaign, last 30 days", category: "Campaign",
 *   measure: percent("ROI"),
 *   items: [{ label: "Campaign B", value: 240 }, { label: "Campaign A", value: 12 }],
 * });
 */
export function rankingBarChart(input: RankingBarChartInput): ReplyChart {
  const { measure, category } = input;
  const order = input.order ?? "desc";
  const limit = Math.max(1, input.limit ?? 15);
  const missing = input.items.filter((item) => item.value === null || !Number.isFinite(item.value));
  const present = input.items.filter(
    (item): item is { label: string; value: number } =>
      item.value !== null && Number.isFinite(item.value),
  );
  const sorted = [...present].sort((a, b) =>
    order === "desc" ? b.value - a.value : a.value - b.value,
  );
  const shown = sorted.slice(0, limit);
  const omitted = sorted.length - shown.length;
  // Items without data go last: they carry no rank.
  const zeroed = input.nulls === "zero" ? missing.slice(0, Math.max(0, limit - shown.length)) : [];

  const rows = [
    ...shown.map((item) => ({ label: item.label, value: item.value, hasValue: true })),
    ...zeroed.map((item) => ({ label: item.label, value: 0, hasValue: false })),
  ];
  const display = rows.map((row) => (row.hasValue ? formatValue(row.value, measure) : null));
  const valueTitle = axisTitle(measure);
  const negatives = shown.filter((item) => item.value < 0).length;

  const meta: ChartMeta = {
    kind: "ranking",
    labels: rows.map((row) => row.label),
    display: [display],
  };
  const config: ChartConfiguration<"bar"> = {
    type: "bar",
    data: {
      labels: rows.map((row) =>
        row.hasValue ? truncateLabel(row.label) : `${truncateLabel(row.label, 22)} (no data)`,
      ),
      datasets: [
        {
          label: valueTitle,
          data: rows.map((row) => row.value),
          backgroundColor: rows.map((row) =>
            row.hasValue ? signColor(row.value) : palette.neutral,
          ),
          borderWidth: 0,
          maxBarThickness: 36,
          categoryPercentage: 0.8,
          barPercentage: 0.9,
        },
      ],
    },
    options: {
      ...baseOptions(input.title, { legend: false }),
      indexAxis: "y",
      scales: {
        // grace leaves room at the bar ends for the value labels.
        x: scaleOptions(input.xTitle ?? valueTitle, {
          type: "linear" as const,
          beginAtZero: true,
          grace: "12%",
        }),
        y: scaleOptions(category, { grid: { display: false } }),
      },
    },
    plugins: [backgroundPlugin, zeroLinePlugin, valueLabelsPlugin],
  };
  const plugins = config.options?.plugins;
  if (plugins) {
    plugins.adpulse = meta;
    plugins.adpulseValueLabels = { labels: [display], color: palette.text };
    plugins.adpulseZeroLine = { scales: ["x"], color: palette.axisLine };
  }

  const height = Math.max(DEFAULT_CHART_HEIGHT, CHROME_HEIGHT + rows.length * ROW_HEIGHT);
  return toReplyChart(
    input,
    rankingAltText(input, shown, missing, omitted, negatives),
    config,
    height,
  );
}

function rankingAltText(
  input: RankingBarChartInput,
  shown: readonly { label: string; value: number }[],
  missing: readonly RankingItem[],
  omitted: number,
  negatives: number,
): string {
  const noun = input.category.toLowerCase();
  const order = (input.order ?? "desc") === "desc" ? "highest first" : "lowest first";
  const describe = (item: { label: string; value: number }) =>
    `${item.label} ${formatValue(item.value, input.measure)}`;
  const parts = [`Horizontal bar chart of ${axisTitle(input.measure)} by ${noun}, ${order}.`];
  if (shown.length === 0) {
    parts.push(`No ${noun} has a value to rank.`);
  } else {
    parts.push(`Top: ${listForAltText(shown.slice(0, 3).map(describe))}.`);
    if (shown.length > 3)
      parts.push(`Last shown: ${describe(shown.at(-1) as { label: string; value: number })}.`);
  }
  if (negatives > 0) parts.push(`${negatives} below zero.`);
  if (omitted > 0) parts.push(`${omitted} more not shown.`);
  if (missing.length > 0) {
    const how = input.nulls === "zero" ? "shown as 0" : "not shown";
    parts.push(
      `No data (${how}): ${listForAltText(
        missing.map((item) => item.label),
        5,
      )}.`,
    );
  }
  return parts.join(" ");
}
