import type { Chart, ChartType, Plugin } from "chart.js";
import { palette } from "../palette";
import { cssFont, fontSizes } from "../theme";

/** Options of the heatmap plugin: every cell's paint and text, precomputed by the builder. */
export interface HeatmapPluginOptions {
  /** Fill per `[row][column]`; null paints an empty (hatched) cell. */
  colors: (string | null)[][];
  /** Text per cell; null or "" draws none. Drawn only where it fits. */
  texts: (string | null)[][];
  textColors: string[][];
  /** The colour key drawn right of the grid. */
  key: {
    title: string;
    stops: [number, string][];
    /** Labels at the bottom (min), middle and top (max) of the key. */
    minLabel: string;
    midLabel: string;
    maxLabel: string;
    /** Shown under the key with an empty swatch when some cells are empty. */
    emptyLabel?: string;
  };
}

declare module "chart.js" {
  interface PluginOptionsByType<TType extends ChartType> {
    adpulseHeatmap?: HeatmapPluginOptions;
  }
}

/** Room right of the plot for the colour key; the builder reserves it in the layout padding. */
export const HEATMAP_KEY_WIDTH = 170;
const GAP = 2;
const KEY_BAR = 18;

/**
 * Paints a matrix (heatmap) on a chart whose x and y axes are category scales: one rectangle per
 * cell, coloured and labelled from the options, plus a colour key. chart.js has no matrix type
 * (that is a plugin package adpulse does not ship), and painting cells from the category scales
 * keeps axis titles, ticks and layout chart.js's own.
 *
 * @example
 * options.plugins.adpulseHeatmap = { colors: [["#EFF3FF"]], texts: [["2.1%"]], textColors: [["#1F2933"]], key };
 */
export const heatmapCellsPlugin: Plugin<"scatter", HeatmapPluginOptions> = {
  id: "adpulseHeatmap",
  beforeDatasetsDraw(chart, _args, options) {
    const x = chart.scales.x;
    const y = chart.scales.y;
    if (!x || !y) return;
    const rows = options.colors.length;
    const columns = options.colors[0]?.length ?? 0;
    if (rows === 0 || columns === 0) return;
    const { ctx } = chart;
    const cellW = x.width / columns;
    const cellH = y.height / rows;
    ctx.save();
    ctx.font = cssFont(fontSizes.label, "bold");
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        const cx = x.getPixelForValue(c);
        const cy = y.getPixelForValue(r);
        const left = cx - cellW / 2 + GAP / 2;
        const top = cy - cellH / 2 + GAP / 2;
        const w = cellW - GAP;
        const h = cellH - GAP;
        const color = options.colors[r]?.[c] ?? null;
        if (color === null) {
          paintEmpty(ctx, left, top, w, h);
          continue;
        }
        ctx.fillStyle = color;
        ctx.fillRect(left, top, w, h);
        const text = options.texts[r]?.[c];
        if (text && ctx.measureText(text).width + 4 <= w && fontSizes.label + 2 <= h) {
          ctx.fillStyle = options.textColors[r]?.[c] ?? palette.text;
          ctx.fillText(text, cx, cy);
        }
      }
    }
    ctx.restore();
  },
  afterDraw(chart, _args, options) {
    const { ctx, chartArea } = chart;
    const { key } = options;
    const left = chartArea.right + 28;
    const room = chart.width - left - 8;
    const lineHeight = fontSizes.label + 3;
    ctx.save();
    ctx.font = cssFont(fontSizes.label, "bold");
    ctx.fillStyle = palette.text;
    ctx.textAlign = "left";
    ctx.textBaseline = "top";
    const titleLines = wrap(ctx, key.title, room);
    titleLines.forEach((line, i) => {
      ctx.fillText(line, left, chartArea.top + i * lineHeight);
    });
    const top = chartArea.top + titleLines.length * lineHeight + 10;
    const height = Math.max(60, Math.min(220, chartArea.bottom - top - (key.emptyLabel ? 48 : 0)));
    // Highest values on top, like every value axis.
    const gradient = ctx.createLinearGradient(0, top + height, 0, top);
    for (const [at, color] of key.stops) gradient.addColorStop(at, color);
    ctx.fillStyle = gradient;
    ctx.fillRect(left, top, KEY_BAR, height);
    ctx.strokeStyle = palette.axisLine;
    ctx.lineWidth = 1;
    ctx.strokeRect(left, top, KEY_BAR, height);
    ctx.font = cssFont(fontSizes.label);
    ctx.fillStyle = palette.mutedText;
    ctx.textBaseline = "middle";
    ctx.fillText(key.maxLabel, left + KEY_BAR + 6, top + 6);
    ctx.fillText(key.midLabel, left + KEY_BAR + 6, top + height / 2);
    ctx.fillText(key.minLabel, left + KEY_BAR + 6, top + height - 6);
    if (key.emptyLabel) {
      const y = top + height + 16;
      paintEmpty(ctx, left, y, KEY_BAR, KEY_BAR);
      ctx.fillStyle = palette.mutedText;
      const lines = wrap(ctx, key.emptyLabel, room - KEY_BAR - 6);
      lines.forEach((line, i) => {
        ctx.fillText(line, left + KEY_BAR + 6, y + KEY_BAR / 2 + i * (fontSizes.label + 3));
      });
    }
    ctx.restore();
  },
};

/** Splits text into lines that fit `width` at the context's current font (words are not cut). */
function wrap(ctx: Chart["ctx"], text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(candidate).width > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** An empty cell: white with a light diagonal hatch, so "no data" never reads as "low". */
function paintEmpty(ctx: Chart["ctx"], left: number, top: number, w: number, h: number): void {
  ctx.save();
  ctx.fillStyle = "#FFFFFF";
  ctx.fillRect(left, top, w, h);
  ctx.beginPath();
  ctx.rect(left, top, w, h);
  ctx.clip();
  ctx.strokeStyle = palette.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let d = -h; d < w; d += 8) {
    ctx.moveTo(left + d, top + h);
    ctx.lineTo(left + d + h, top);
  }
  ctx.stroke();
  ctx.restore();
  ctx.save();
  ctx.strokeStyle = palette.grid;
  ctx.strokeRect(left + 0.5, top + 0.5, w - 1, h - 1);
  ctx.restore();
}
