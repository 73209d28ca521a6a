import type { Plugin } from "chart.js";
import type { BackgroundPluginOptions } from "./options";

/**
 * Fills the canvas before chart.js draws anything. A server canvas starts transparent, and a
 * transparent PNG shows black-on-dark-grey in Slack's and Discord's dark themes.
 *
 * @example
 * const config = { type: "bar", data, options: { plugins: { adpulseBackground: { color: "#fff" } } }, plugins: [backgroundPlugin] };
 */
export const backgroundPlugin: Plugin<
  "bar" | "line" | "scatter" | "doughnut",
  BackgroundPluginOptions
> = {
  id: "adpulseBackground",
  beforeDraw(chart, _args, options) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = options.color ?? "#FFFFFF";
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};
