import type { ChartConfiguration } from "chart.js";
import type { ReplyChart } from "../../bot/reply";
import { formatShare, formatValue } from "../format";
import { axisTitle, type Measure } from "../measure";
import type { ChartMeta } from "../meta";
import { colorsFor, palette } from "../palette";
import { backgroundPlugin } from "../plugins/background";
import { baseOptions, subtitleOptions } from "../theme";
import { type ChartBaseInput, listForAltText, toReplyChart, truncateLabel } from "./chart-base";

export interface DoughnutSlice {
  label: string;
  value: number | null;
}

export interface DoughnutChartInput extends ChartBaseInput {
  measure: Measure;
  slices: readonly DoughnutSlice[];
  /** Most slices drawn (default 6); the rest are summed into a grey "Other". */
  maxSlices?: number;
}

const OTHER = "Other";

/**
 * Shares of a whole, e.g. spend by platform or clicks by gender, with the percentage and value of
 * each slice in the legend (the legend is the only place a PNG can carry them). Null, zero and
 * negative values cannot be a share: they are left out and named in altText. Past `maxSlices` the
 * smallest slices become "Other", because the categorical palette would start repeating colours.
 *
 * @example
 * doughnutChart({
 *   id: "spend-share", title: "Spend by platform", measure: money("Spend", "USD"),
 *   slices: [{ label: "facebook", value: 4200 }, { label: "google", value: 5800 }],
 * });
 */
export function doughnutChart(input: DoughnutChartInput): ReplyChart {
  const { measure } = input;
  const maxSlices = Math.max(2, input.maxSlices ?? 6);
  const positive = input.slices.filter(
    (s): s is { label: string; value: number } =>
      s.value !== null && Number.isFinite(s.value) && s.value > 0,
  );
  const excluded = input.slices.filter(
    (s) => !positive.includes(s as { label: string; value: number }),
  );
  const slices = foldSmallSlices(positive, maxSlices);
  const total = slices.reduce((sum, s) => sum + s.value, 0);
  const shares = slices.map((s) => (total > 0 ? s.value / total : 0));
  const display = slices.map(
    (s, i) => `${formatValue(s.value, measure)} (${formatShare(shares[i] as number)})`,
  );
  const named = slices.filter((s) => s.label !== OTHER).map((s) => s.label);
  const namedColors = colorsFor(named);
  const colors = slices.map((s) =>
    s.label === OTHER ? palette.neutral : (namedColors[named.indexOf(s.label)] as string),
  );
  const meta: ChartMeta = {
    kind: "doughnut",
    labels: slices.map((s) => s.label),
    display: [display],
  };

  const config: ChartConfiguration<"doughnut"> = {
    type: "doughnut",
    data: {
      // chart.js builds legend items from these labels; putting the share in them keeps the
      // config free of a label callback.
      labels: slices.map((s, i) => `${truncateLabel(s.label, 24)}  ${display[i]}`),
      datasets: [
        {
          label: axisTitle(measure),
          data: slices.map((s) => s.value),
          backgroundColor: colors,
          borderColor: palette.background,
          borderWidth: 2,
        },
      ],
    },
    options: {
      ...baseOptions(input.title, { legend: true, legendPosition: "right" }),
      cutout: "55%",
    },
    plugins: [backgroundPlugin],
  };
  const plugins = config.options?.plugins;
  if (plugins) {
    plugins.adpulse = meta;
    const subtitle = `${axisTitle(measure)} · total ${formatValue(total, measure)}`;
    plugins.subtitle = subtitleOptions(subtitle, { bottomPadding: 12 });
  }
  return toReplyChart(input, doughnutAltText(input, slices, shares, total, excluded), config);
}

function foldSmallSlices(
  slices: readonly { label: string; value: number }[],
  maxSlices: number,
): { label: string; value: number }[] {
  if (slices.length <= maxSlices) return [...slices];
  const sorted = [...slices].sort((a, b) => b.value - a.value);
  const kept = sorted.slice(0, maxSlices - 1);
  const rest = sorted.slice(maxSlices - 1).reduce((sum, s) => sum + s.value, 0);
  return [...kept, { label: OTHER, value: rest }];
}

function doughnutAltText(
  input: DoughnutChartInput,
  slices: readonly { label: string; value: number }[],
  shares: readonly number[],
  total: number,
  excluded: readonly DoughnutSlice[],
): string {
  const { measure } = input;
  if (slices.length === 0) {
    return `Doughnut chart of ${axisTitle(measure)} shares: nothing to show, no positive values.`;
  }
  const ranked = slices
    .map((s, i) => ({ ...s, share: shares[i] as number }))
    .sort((a, b) => b.value - a.value)
    .map((s) => `${s.label} ${formatShare(s.share)} (${formatValue(s.value, measure)})`);
  const parts = [
    `Doughnut chart of ${axisTitle(measure)} shares, total ${formatValue(total, measure)}: ${listForAltText(ranked, 6)}.`,
  ];
  if (excluded.length > 0) {
    parts.push(
      `Left out (no positive value): ${listForAltText(
        excluded.map((s) => s.label),
        5,
      )}.`,
    );
  }
  return parts.join(" ");
}
