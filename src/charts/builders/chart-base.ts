import type { ChartConfiguration } from "chart.js";
import type { ReplyChart } from "../../bot/reply";
import { DEFAULT_CHART_HEIGHT, DEFAULT_CHART_WIDTH } from "../theme";

/** Fields every builder input shares. */
export interface ChartBaseInput {
  /** Stable file stem, e.g. `roi-ranking`. */
  id: string;
  /** Drawn at the top of the image and used as the reply chart's title. */
  title: string;
  /** Canvas size in px; defaults to 1000 × 500, Slack's preview-friendly size. */
  width?: number;
  height?: number;
}

/**
 * Wraps a finished config as a `ReplyChart` (without `png`: the rasterizer adds it).
 * `config` is typed per chart type inside each builder; `ReplyChart` holds the wider union type.
 */
export function toReplyChart(
  input: ChartBaseInput,
  altText: string,
  config:
    | ChartConfiguration<"bar">
    | ChartConfiguration<"line">
    | ChartConfiguration<"scatter">
    | ChartConfiguration<"bubble">
    | ChartConfiguration<"doughnut">,
  defaultHeight = DEFAULT_CHART_HEIGHT,
): ReplyChart {
  return {
    id: input.id,
    title: input.title,
    altText,
    config: config as ChartConfiguration,
    width: input.width ?? DEFAULT_CHART_WIDTH,
    height: input.height ?? defaultHeight,
  };
}

/**
 * Shortens a category label for drawing; the full name stays in altText and meta.
 *
 * @example
 * truncateLabel("Summer sale – retargeting – lookalike 3 %", 24); // "Summer sale – retargeti…"
 */
export function truncateLabel(label: string, max = 32): string {
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}

/**
 * "a, b and c" with a "and N more" tail, for altText lists that must stay short.
 *
 * @example
 * listForAltText(["A", "B", "C", "D"], 2); // "A, B and 2 more"
 */
export function listForAltText(items: readonly string[], max = 3): string {
  if (items.length === 0) return "";
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(", ")} and ${rest} more`;
  if (shown.length === 1) return shown[0] as string;
  return `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
}
