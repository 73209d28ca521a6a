import type { Scale } from "chart.js";
import type { Measure } from "../measure";
import { scaleOptions } from "../theme";

/**
 * The x axis of a chart over time: labels stay flat and are thinned where they would collide
 * (a year of days cannot all be written), and there are no vertical grid lines to fight the bars
 * and lines.
 *
 * @example
 * periodAxis("Month", { stacked: true });
 */
export function periodAxis<T extends object>(title: string, extra?: T) {
  return scaleOptions(title, {
    ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 16 },
    grid: { display: false },
    ...extra,
  });
}

/**
 * Whether a value axis starts at zero: money and counts do (a bar or line's height is the
 * amount); rates do not, so a CTR moving from 2.1% to 2.4% stays visible.
 *
 * @example
 * startsAtZero(percent("CTR")); // false
 */
export function startsAtZero(measure: Measure): boolean {
  return measure.unit === "money" || measure.unit === "count";
}

/**
 * A linear axis of a point chart, padded by `padding` of the data's span at both ends so the
 * outermost points (a big bubble, a name beside a dot) are not cut by the plot edge. The padding
 * never takes an axis of non-negative figures (spend, reach, a score) below zero: "-$500" on a
 * cost axis describes nothing in the data — nor past the `bounds` of a bounded figure (a 0–100
 * score never reads 110).
 *
 * @example
 * paddedPointAxis("Cost (USD)", [250, 1000, 4000], 0.06);
 * paddedPointAxis("Score (0–100)", scores, 0.06, { min: 0, max: 100 });
 */
export function paddedPointAxis(
  title: string,
  values: readonly number[],
  padding: number,
  bounds: AxisBounds = {},
) {
  const floor = bounds.min ?? (values.every((v) => v >= 0) ? 0 : Number.NEGATIVE_INFINITY);
  const ceiling = bounds.max ?? Number.POSITIVE_INFINITY;
  return scaleOptions(title, {
    type: "linear" as const,
    // chart.js's `grace` pads past zero; padding here, after the data limits, can stop there.
    afterDataLimits: (scale: Scale) => {
      const pad = (scale.max - scale.min) * padding;
      scale.min = Math.max(floor, scale.min - pad);
      scale.max = Math.min(ceiling, scale.max + pad);
    },
  });
}

/** Limits a figure cannot pass, e.g. `{ min: 0, max: 100 }` for a score. */
export interface AxisBounds {
  min?: number;
  max?: number;
}
