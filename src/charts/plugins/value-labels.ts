import type { BarElement, Plugin } from "chart.js";
import { cssFont, fontSizes } from "../theme";
import type { ValueLabelsPluginOptions } from "./options";

const GAP = 6;

/**
 * Writes each bar's value at its end ("240%"), because reading a value off a gridline is slow at
 * preview size. Texts are precomputed by the builder so the plugin stays dumb and the config
 * stays data. Negative bars get their label on the negative side.
 *
 * @example
 * options.plugins.adpulseValueLabels = { labels: [["240%", "-12.0%"]], color: "#1F2933" };
 */
export const valueLabelsPlugin: Plugin<"bar", ValueLabelsPluginOptions> = {
  id: "adpulseValueLabels",
  afterDatasetsDraw(chart, _args, options) {
    const labels = options.labels ?? [];
    const horizontal = chart.options.indexAxis === "y";
    const { ctx } = chart;
    ctx.save();
    ctx.font = cssFont(fontSizes.label, "bold");
    ctx.fillStyle = options.color;
    labels.forEach((datasetLabels, datasetIndex) => {
      if (!chart.isDatasetVisible(datasetIndex)) return;
      const elements = chart.getDatasetMeta(datasetIndex).data as unknown as BarElement[];
      datasetLabels.forEach((text, index) => {
        const bar = elements[index] as (BarElement & { base: number }) | undefined;
        if (!text || !bar) return;
        const { x, y, base } = bar.getProps(["x", "y", "base"], true) as {
          x: number;
          y: number;
          base: number;
        };
        if (horizontal) {
          const negative = x < base;
          ctx.textAlign = negative ? "right" : "left";
          ctx.textBaseline = "middle";
          ctx.fillText(text, negative ? x - GAP : x + GAP, y);
        } else {
          const negative = y > base;
          ctx.textAlign = "center";
          ctx.textBaseline = negative ? "top" : "bottom";
          ctx.fillText(text, x, negative ? y + GAP : y - GAP);
        }
      });
    });
    ctx.restore();
  },
};
