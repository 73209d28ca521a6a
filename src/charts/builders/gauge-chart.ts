import type { ChartConfiguration } from "chart.js";
import type { ReplyChart } from "../../bot/reply";
import { formatProgress, formatValue } from "../format";
import { axisTitle, type Measure } from "../measure";
import type { ChartMeta } from "../meta";
import { palette } from "../palette";
import { backgroundPlugin } from "../plugins/background";
import { gaugeCenterPlugin } from "../plugins/gauge-center";
import { baseOptions, subtitleOptions } from "../theme";
import { type ChartBaseInput, toReplyChart } from "./chart-base";

export interface GaugeChartInput extends ChartBaseInput {
  measure: Measure;
  value: number;
  target: number;
}

/**
 * Percent of target reached, or null when there is no positive target to measure against.
 *
 * @example
 * gaugePercent(420, 600); // 70
 * gaugePercent(5, 0);     // null
 */
export function gaugePercent(value: number, target: number): number | null {
  if (!Number.isFinite(value) || !Number.isFinite(target) || target <= 0) return null;
  return (value / target) * 100;
}

/**
 * Progress colour: bad under 50%, neutral until the target, good from 100%.
 *
 * @example
 * gaugeColor(70); // palette.neutral
 */
export function gaugeColor(percent: number | null): string {
  if (percent === null) return palette.neutral;
  if (percent >= 100) return palette.good;
  if (percent < 50) return palette.bad;
  return palette.neutral;
}

/**
 * Progress towards a target as a half doughnut (180°, starting at -90°) with the percent and
 * "value of target" written in the middle. Over-target values fill the whole arc.
 *
 * @example
 * gaugeChart({ id: "conversions-target", title: "Conversions vs target, May",
 *   measure: count("Conversions"), value: 420, target: 600 });
 */
export function gaugeChart(input: GaugeChartInput): ReplyChart {
  const { measure, value, target } = input;
  const percent = gaugePercent(value, target);
  const color = gaugeColor(percent);
  const filled = percent === null ? 0 : Math.min(Math.max(value, 0), target);
  const remaining = percent === null ? 1 : Math.max(target - Math.max(value, 0), 0);
  const caption = `${formatValue(value, measure)} of ${formatValue(target, measure)} target`;
  const meta: ChartMeta = {
    kind: "gauge",
    labels: [measure.name],
    display: [[`${caption} (${formatProgress(percent)})`]],
    gauge: { value, target, percent },
  };

  const config: ChartConfiguration<"doughnut"> = {
    type: "doughnut",
    data: {
      labels: ["Reached", "Remaining"],
      datasets: [
        {
          label: axisTitle(measure),
          data: [filled, remaining],
          backgroundColor: [color, palette.track],
          borderWidth: 0,
        },
      ],
    },
    options: {
      ...baseOptions(input.title, { legend: false }),
      circumference: 180,
      rotation: -90,
      cutout: "68%",
      // Room under the arc's ends for the 0 / target labels the plugin draws.
      layout: { padding: { top: 8, right: 24, bottom: 36, left: 24 } },
    },
    plugins: [backgroundPlugin, gaugeCenterPlugin],
  };
  const plugins = config.options?.plugins;
  if (plugins) {
    plugins.adpulse = meta;
    plugins.subtitle = subtitleOptions(axisTitle(measure), { bottomPadding: 12 });
    plugins.adpulseGauge = {
      headline: formatProgress(percent),
      caption,
      minLabel: formatValue(0, measure),
      maxLabel: formatValue(target, measure),
      color,
      captionColor: palette.text,
    };
  }
  return toReplyChart(input, gaugeAltText(input, percent), config);
}

function gaugeAltText({ measure, value, target }: GaugeChartInput, percent: number | null): string {
  const base = `Gauge of ${axisTitle(measure)}: ${formatValue(value, measure)} of ${formatValue(target, measure)} target`;
  if (percent === null) return `${base}; no positive target, so no percentage.`;
  if (percent >= 100) {
    return `${base}, ${formatProgress(percent)} reached; target exceeded by ${formatValue(value - target, measure)}.`;
  }
  return `${base}, ${formatProgress(percent)} reached; ${formatValue(target - value, measure)} to go.`;
}
