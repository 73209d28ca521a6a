import type { ReplyChart } from "../bot/reply";

/**
 * Renames the axis titles of a builder's chart where the builder's generic title does not say
 * enough: a grouped bar chart of channels reads "Metric" / "Value (count)", and a 0–100 score is
 * not a "count". Returns a copy; the builder's config is not changed.
 *
 * @example retitleAxes(chart, { x: "Channel", y: "Attributed conversions (count)" })
 */
export function retitleAxes(
  chart: ReplyChart,
  titles: Readonly<Record<string, string>>,
): ReplyChart {
  const options = chart.config.options as
    | { scales?: Record<string, { title?: { text?: string } }> }
    | undefined;
  const scales = { ...(options?.scales ?? {}) };
  for (const [axis, text] of Object.entries(titles)) {
    const scale = scales[axis];
    if (scale?.title) scales[axis] = { ...scale, title: { ...scale.title, text } };
  }
  return {
    ...chart,
    config: {
      ...chart.config,
      options: { ...chart.config.options, scales },
    } as ReplyChart["config"],
  };
}
