import type { Plugin } from "chart.js";
import type { ZeroLinePluginOptions } from "./options";

/**
 * Draws a dark rule where a value axis crosses zero. With negative ROI the zero gridline is the
 * one that matters, and chart.js draws it as faintly as every other gridline.
 *
 * @example
 * options.plugins.adpulseZeroLine = { scales: ["x"], color: "#9AA5B1" };
 */
export const zeroLinePlugin: Plugin<"bar" | "scatter", ZeroLinePluginOptions> = {
  id: "adpulseZeroLine",
  beforeDatasetsDraw(chart, _args, options) {
    const { ctx, chartArea } = chart;
    for (const id of options.scales ?? []) {
      const scale = chart.scales[id];
      if (!scale || scale.min >= 0 || scale.max <= 0) continue;
      const at = scale.getPixelForValue(0);
      ctx.save();
      ctx.strokeStyle = options.color;
      ctx.lineWidth = 2;
      ctx.beginPath();
      if (scale.isHorizontal()) {
        ctx.moveTo(at, chartArea.top);
        ctx.lineTo(at, chartArea.bottom);
      } else {
        ctx.moveTo(chartArea.left, at);
        ctx.lineTo(chartArea.right, at);
      }
      ctx.stroke();
      ctx.restore();
    }
  },
};
