import type { ChartConfiguration } from "chart.js";

/** The chart kinds the builders produce. */
export type ChartKind =
  | "ranking"
  | "comparison"
  | "trend"
  | "scatter"
  | "doughnut"
  | "gauge"
  | "heatmap"
  | "waterfall"
  | "forecast";

/**
 * What a chart means, as plain JSON, stored at `config.options.plugins.adpulse`.
 *
 * chart.js ignores option namespaces of plugins it does not know, so the meta rides along in the
 * config without affecting drawing; surfaces that cannot show the image (the terminal) read it
 * instead of reverse-engineering labels such as "Facebook 42.1%".
 */
export interface ChartMeta {
  kind: ChartKind;
  /** Category names as given, without decorations (doughnut legends append percentages). */
  labels: string[];
  /** Display text per dataset per point, e.g. "142%"; null where there is no value. */
  display: (string | null)[][];
  /** Gauge only: the raw figures behind the arc (the arc itself is capped at the target). */
  gauge?: { value: number; target: number; percent: number | null };
  /** Heatmap only: the matrix behind the colours (`display` holds each cell's text, row by row). */
  heatmap?: { rows: string[]; columns: string[]; values: (number | null)[][] };
  /** Forecast only: how many labels are history (the rest are forecast) and the interval level. */
  forecast?: { history: number; level: number };
}

/**
 * Reads the meta the builders stored, if the chart came from a builder.
 *
 * @example
 * readChartMeta(rankingBarChart({ ... }).config)?.kind; // "ranking"
 */
export function readChartMeta(config: ChartConfiguration): ChartMeta | undefined {
  const plugins = config.options?.plugins as { adpulse?: ChartMeta } | undefined;
  return plugins?.adpulse;
}
