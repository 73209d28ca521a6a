import type { ArcElement, Plugin } from "chart.js";
import { cssFont, fontSizes } from "../theme";
import type { GaugeCenterPluginOptions } from "./options";

/**
 * Writes the percentage and "value of target" inside a half doughnut, and the 0 / target labels
 * under the arc ends. chart.js has no built-in centre text.
 *
 * @example
 * options.plugins.adpulseGauge = { headline: "70 %", caption: "420 of 600", minLabel: "0", maxLabel: "600", color, captionColor };
 */
export const gaugeCenterPlugin: Plugin<"doughnut", GaugeCenterPluginOptions> = {
  id: "adpulseGauge",
  afterDatasetsDraw(chart, _args, options) {
    const arc = chart.getDatasetMeta(0).data[0] as ArcElement | undefined;
    if (!arc) return;
    const { x, y, innerRadius, outerRadius } = arc.getProps(
      ["x", "y", "innerRadius", "outerRadius"],
      true,
    ) as { x: number; y: number; innerRadius: number; outerRadius: number };
    const { ctx } = chart;
    // Sized from the hole so the text fits whatever canvas size the chart was given.
    const headlineSize = Math.max(24, Math.round(innerRadius * 0.3));
    const captionSize = Math.max(fontSizes.axisTitle, Math.round(innerRadius * 0.07));
    ctx.save();
    ctx.textAlign = "center";
    ctx.textBaseline = "alphabetic";
    ctx.fillStyle = options.captionColor;
    ctx.font = cssFont(captionSize);
    ctx.fillText(options.caption, x, y - 6);
    ctx.fillStyle = options.color;
    ctx.font = cssFont(headlineSize, "bold");
    ctx.fillText(options.headline, x, y - 6 - captionSize - Math.round(headlineSize * 0.25));
    // The arc ends sit on the centre line; their labels go just below it, centred on the band.
    ctx.fillStyle = options.captionColor;
    ctx.font = cssFont(fontSizes.tick);
    ctx.textBaseline = "top";
    const band = (innerRadius + outerRadius) / 2;
    ctx.fillText(options.minLabel, x - band, y + 6);
    ctx.fillText(options.maxLabel, x + band, y + 6);
    ctx.restore();
  },
};
