import type { FontSpec } from "chart.js";
import { palette } from "./palette";

/**
 * Shared look of every chart. Sizes are chosen for Slack's and Discord's previews, which show a
 * 1000 px wide image at roughly half size: chart.js's defaults (12 px text) become unreadable there.
 */

/** The family font.ts registers; naming it everywhere means Skia never falls back to a font that is not there. */
export const CHART_FONT_FAMILY = "DejaVu Sans";

export const DEFAULT_CHART_WIDTH = 1000;
export const DEFAULT_CHART_HEIGHT = 500;

export const fontSizes = {
  title: 22,
  axisTitle: 16,
  tick: 14,
  legend: 14,
  /** Value labels next to bars and points. */
  label: 13,
} as const;

/**
 * A complete chart.js font spec in the chart family.
 *
 * @example
 * chartFont(fontSizes.title, "bold"); // { family: "DejaVu Sans", size: 22, weight: "bold", ... }
 */
export function chartFont(size: number, weight: "normal" | "bold" = "normal"): FontSpec {
  return { family: CHART_FONT_FAMILY, size, weight, style: "normal", lineHeight: 1.2 };
}

/**
 * The same font as a CSS shorthand, for plugins that draw on the 2D context directly.
 *
 * @example
 * cssFont(13); // "normal 13px \"DejaVu Sans\""
 */
export function cssFont(size: number, weight: "normal" | "bold" = "normal"): string {
  return `${weight} ${size}px "${CHART_FONT_FAMILY}"`;
}

/**
 * Options every chart shares: no animation and no responsiveness (there is no DOM and no second
 * frame on a server canvas), device pixel ratio 1 (width × height is the PNG size), a bold title,
 * a readable legend, no tooltips (nobody hovers a PNG).
 *
 * @example
 * const options = { ...baseOptions("ROI by campaign", { legend: false }), indexAxis: "y" };
 */
export function baseOptions(
  title: string,
  { legend, legendPosition = "top" }: { legend: boolean; legendPosition?: "top" | "right" },
) {
  return {
    responsive: false,
    maintainAspectRatio: false,
    animation: false as const,
    devicePixelRatio: 1,
    color: palette.text,
    font: chartFont(fontSizes.tick),
    layout: { padding: { top: 8, right: 24, bottom: 12, left: 16 } },
    plugins: {
      title: {
        display: title.length > 0,
        text: title,
        color: palette.text,
        font: chartFont(fontSizes.title, "bold"),
        padding: { top: 4, bottom: 16 },
      },
      legend: {
        display: legend,
        position: legendPosition,
        labels: {
          color: palette.text,
          font: chartFont(fontSizes.legend),
          boxWidth: 18,
          boxHeight: 14,
          padding: 16,
        },
      },
      tooltip: { enabled: false },
      adpulseBackground: { color: palette.background },
    },
  };
}

/**
 * A scale with a titled axis, themed ticks and light grid lines. `ticks` and `grid` in `extra` are
 * merged into the themed ones rather than replacing them.
 *
 * @example
 * scaleOptions("ROI (%)", { type: "linear", beginAtZero: true, grid: { display: false } });
 */
export function scaleOptions<T extends object>(
  title: string,
  extra?: T & { ticks?: object; grid?: object },
) {
  const { ticks, grid, ...rest } = extra ?? ({} as T & { ticks?: object; grid?: object });
  return {
    title: {
      display: true,
      text: title,
      color: palette.text,
      font: chartFont(fontSizes.axisTitle, "bold"),
      padding: { top: 8, bottom: 8 },
    },
    ticks: { color: palette.mutedText, font: chartFont(fontSizes.tick), ...ticks },
    grid: { color: palette.grid, ...grid },
    border: { color: palette.axisLine },
    ...rest,
  };
}

/**
 * A muted line under the title for what the title cannot carry: a gauge's measure, what a
 * bubble's area stands for, a figure in another unit than the bars.
 *
 * @example
 * plugins.subtitle = subtitleOptions("Bubble area: Reach (count)");
 */
export function subtitleOptions(text: string, { bottomPadding = 8 } = {}) {
  return {
    display: true,
    text,
    color: palette.mutedText,
    font: chartFont(fontSizes.axisTitle),
    padding: { bottom: bottomPadding },
    align: "center" as const,
    position: "top" as const,
    fullSize: true,
  };
}
