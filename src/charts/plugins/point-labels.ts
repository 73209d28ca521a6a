import type { Plugin, PointElement } from "chart.js";
import { cssFont, fontSizes } from "../theme";
import type { PointLabelsPluginOptions } from "./options";

/** Space between a point's edge and its name. */
const LABEL_GAP = 4;

/**
 * Names each scatter point or bubble ("Campaign B") next to it: a spend-vs-ROI plot is only useful
 * if you can tell which dot is which campaign. Points are `{ x, y, label }` objects; chart.js
 * parses x/y (and a bubble's r) and leaves `label` alone, so the data stays JSON.
 *
 * @example
 * data.datasets[0].data = [{ x: 1200, y: 140, label: "Campaign B" }];
 */
export const pointLabelsPlugin: Plugin<"scatter", PointLabelsPluginOptions> = {
  id: "adpulsePointLabels",
  afterDatasetsDraw(chart, _args, options) {
    if (!options.display) return;
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.font = cssFont(fontSizes.label);
    ctx.fillStyle = options.color;
    ctx.textBaseline = "middle";
    chart.data.datasets.forEach((dataset, datasetIndex) => {
      if (!chart.isDatasetVisible(datasetIndex)) return;
      const elements = chart.getDatasetMeta(datasetIndex).data as unknown as PointElement[];
      dataset.data.forEach((raw, index) => {
        const label = (raw as { label?: unknown } | null)?.label;
        const point = elements[index];
        if (typeof label !== "string" || !point) return;
        const { x, y } = point.getProps(["x", "y"], true) as { x: number; y: number };
        // From the drawn edge, not the centre: a big bubble would cover a name at a fixed offset.
        const offset = (point.options?.radius ?? 0) + LABEL_GAP;
        // Flip to the left of the point near the right edge so the name is not clipped.
        const width = ctx.measureText(label).width;
        const right = x + offset + width <= chartArea.right;
        ctx.textAlign = right ? "left" : "right";
        ctx.fillText(label, right ? x + offset : x - offset, y);
      });
    });
    ctx.restore();
  },
};
