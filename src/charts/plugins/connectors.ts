import type { BarElement, ChartType, Plugin } from "chart.js";

/** Options of the waterfall connector plugin. */
export interface ConnectorPluginOptions {
  color: string;
}

declare module "chart.js" {
  interface PluginOptionsByType<TType extends ChartType> {
    adpulseConnectors?: ConnectorPluginOptions;
  }
}

/**
 * Joins each floating bar of a horizontal waterfall to the next with a thin dashed rule at the
 * running total, so the eye can follow the sum from step to step.
 *
 * @example options.plugins.adpulseConnectors = { color: "#9AA5B1" };
 */
export const connectorsPlugin: Plugin<"bar", ConnectorPluginOptions> = {
  id: "adpulseConnectors",
  afterDatasetsDraw(chart, _args, options) {
    const bars = chart.getDatasetMeta(0).data as unknown as BarElement[];
    const data = chart.data.datasets[0]?.data as unknown as ([number, number] | null)[] | undefined;
    const x = chart.scales.x;
    if (!data || !x || bars.length < 2) return;
    const { ctx } = chart;
    ctx.save();
    ctx.strokeStyle = options.color;
    ctx.lineWidth = 1;
    ctx.setLineDash([4, 3]);
    for (let i = 0; i + 1 < bars.length; i++) {
      const range = data[i];
      const here = bars[i] as BarElement & { height: number };
      const next = bars[i + 1] as BarElement & { height: number };
      if (!range) continue;
      const at = x.getPixelForValue(range[1]);
      const a = here.getProps(["y", "height"], true) as { y: number; height: number };
      const b = next.getProps(["y", "height"], true) as { y: number; height: number };
      ctx.beginPath();
      ctx.moveTo(at, a.y + a.height / 2);
      ctx.lineTo(at, b.y - b.height / 2);
      ctx.stroke();
    }
    ctx.restore();
  },
};
