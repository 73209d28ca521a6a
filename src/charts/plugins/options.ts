import type { ChartType } from "chart.js";
import type { ChartMeta } from "../meta";

/** Options of the background plugin: the fill behind the chart. */
export interface BackgroundPluginOptions {
  color: string;
}

/** Options of the value-labels plugin: the text drawn at the end of each bar. */
export interface ValueLabelsPluginOptions {
  /** Text per dataset per bar; null draws nothing. */
  labels: (string | null)[][];
  color: string;
}

/** Options of the gauge-centre plugin. */
export interface GaugeCenterPluginOptions {
  /** Big text in the middle, e.g. "70.0%". */
  headline: string;
  /** Smaller line under it, e.g. "420 of 600 conversions". */
  caption: string;
  /** Labels at the two ends of the arc, e.g. "0" and "600". */
  minLabel: string;
  maxLabel: string;
  color: string;
  captionColor: string;
}

/** Options of the point-labels plugin: scatter points carry `{ x, y, label }`. */
export interface PointLabelsPluginOptions {
  display: boolean;
  color: string;
}

/** Options of the zero-line plugin: a darker rule where the value axis crosses zero. */
export interface ZeroLinePluginOptions {
  /** Scale ids to mark, e.g. ["x"] for horizontal bars. */
  scales: string[];
  color: string;
}

// Documented chart.js extension point: custom plugin option namespaces are declared on
// PluginOptionsByType so configs stay typed (https://www.chartjs.org/docs/latest/developers/plugins.html#typescript-typings).
declare module "chart.js" {
  interface PluginOptionsByType<TType extends ChartType> {
    adpulse?: ChartMeta;
    adpulseBackground?: BackgroundPluginOptions;
    adpulseValueLabels?: ValueLabelsPluginOptions;
    adpulseGauge?: GaugeCenterPluginOptions;
    adpulsePointLabels?: PointLabelsPluginOptions;
    adpulseZeroLine?: ZeroLinePluginOptions;
  }
}
