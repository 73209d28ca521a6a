import type { LegendItem } from "chart.js";
import { palette } from "./palette";
import type { baseOptions } from "./theme";

type BaseOptions = ReturnType<typeof baseOptions>;

/**
 * The shared options with `labels` merged into the themed legend labels, so a builder can change
 * how its legend reads (swatch shape, order, its own entries) without restating the theme.
 *
 * @example
 * withLegendLabels(baseOptions("Spend", { legend: true }), { usePointStyle: true });
 */
export function withLegendLabels<T extends object>(options: BaseOptions, labels: T) {
  const { legend } = options.plugins;
  return {
    ...options,
    plugins: {
      ...options.plugins,
      legend: { ...legend, labels: { ...legend.labels, ...labels } },
    },
  };
}

/**
 * Legend entries for the colours inside one dataset (a waterfall's adds and subtracts, bars
 * coloured by platform): chart.js names datasets, not the colours of one dataset's bars.
 *
 * @example
 * colorLegendItems([{ text: "Adds", color: palette.good }]);
 */
export function colorLegendItems(
  entries: readonly { text: string; color: string | undefined }[],
): LegendItem[] {
  return entries.map(({ text, color }) => ({
    text,
    fillStyle: color,
    strokeStyle: color,
    lineWidth: 0,
    fontColor: palette.text,
    hidden: false,
    datasetIndex: 0,
  }));
}
