import type { ChartType, Plugin } from "chart.js";
import { cssFont, fontSizes } from "../theme";

/** Options of the forecast divider: where history ends. */
export interface ForecastDividerOptions {
  /** Index of the last history label. */
  index: number;
  color: string;
  text: string;
}

declare module "chart.js" {
  interface PluginOptionsByType<TType extends ChartType> {
    adpulseForecastDivider?: ForecastDividerOptions;
  }
}

/**
 * A dotted vertical rule at the last actual value with a caption ("forecast →"), so nobody reads
 * the forecast as data.
 *
 * @example options.plugins.adpulseForecastDivider = { index: 55, color: "#52606D", text: "forecast →" };
 */
export const forecastDividerPlugin: Plugin<"line", ForecastDividerOptions> = {
  id: "adpulseForecastDivider",
  beforeDatasetsDraw(chart, _args, options) {
    const x = chart.scales.x;
    if (!x || options.index < 0) return;
    const { ctx, chartArea } = chart;
    const at = x.getPixelForValue(options.index);
    ctx.save();
    ctx.strokeStyle = options.color;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([2, 4]);
    ctx.beginPath();
    ctx.moveTo(at, chartArea.top);
    ctx.lineTo(at, chartArea.bottom);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.font = cssFont(fontSizes.label, "bold");
    ctx.fillStyle = options.color;
    ctx.textAlign = "left";
    ctx.textBaseline = "top";
    ctx.fillText(options.text, at + 6, chartArea.top + 4);
    ctx.restore();
  },
};
