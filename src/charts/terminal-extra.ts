import type { ChartConfiguration } from "chart.js";
import type { ChartMeta } from "./meta";
import { sparkline } from "./sparkline";
import { type BarRow, cellWidth, renderBarRows } from "./terminal-bars";

/*
 * Text renderings of the heatmap, waterfall and forecast charts for the console (see terminal.ts):
 * plain Unicode, no colours, built from each chart's meta.
 */

/** Light to dark: a cell's value against the grid's range. Empty cells are `·`. */
const SHADES = ["░", "▒", "▓", "█"] as const;
const EMPTY = "·";

/**
 * A heatmap as a grid of shade characters, one per cell, with a key and the top cells spelled out.
 *
 * @example
 * heatmapLines(meta, 80);
 * // Mon ░░▒▒▓█…
 * // ░ 1.2% … █ 8.5% · "·" no data
 */
export function heatmapLines(meta: ChartMeta, width: number): string[] {
  const grid = meta.heatmap;
  if (!grid) return ["(no data)"];
  const values = grid.values.flat().filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length === 0) return ["(no data)"];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const shade = (v: number | null) => {
    if (v === null || !Number.isFinite(v)) return EMPTY;
    const t = max > min ? (v - min) / (max - min) : 1;
    return SHADES[Math.min(SHADES.length - 1, Math.floor(t * SHADES.length))] as string;
  };
  const labelCells = Math.min(16, Math.max(...grid.rows.map(cellWidth)));
  // Wide cells when they fit (2 characters per column reads as a square), else one.
  const perCell = labelCells + 1 + grid.columns.length * 2 <= width ? 2 : 1;
  const pad = (text: string) => [...text].slice(0, labelCells).join("").padEnd(labelCells);
  const lines = [
    `${" ".repeat(labelCells)} ${grid.columns[0] ?? ""} … ${grid.columns.at(-1) ?? ""} (${grid.columns.length} columns)`,
  ];
  grid.rows.forEach((row, r) => {
    const cells = (grid.values[r] ?? []).map((v) => shade(v).repeat(perCell)).join("");
    lines.push(`${pad(row)} ${cells}`);
  });
  const lowText = textAt(meta, grid.values, min);
  const highText = textAt(meta, grid.values, max);
  lines.push(
    `${SHADES.join("")} ${lowText} … ${highText}${values.length < grid.rows.length * grid.columns.length ? ` · ${EMPTY} no data` : ""}`,
  );
  const top = grid.values
    .flatMap((row, r) => row.map((v, c) => ({ v, r, c })))
    .filter((x): x is { v: number; r: number; c: number } => x.v !== null)
    .sort((a, b) => b.v - a.v)
    .slice(0, 3)
    .map((x) => `${grid.rows[x.r]} ${grid.columns[x.c]} ${meta.display[x.r]?.[x.c] ?? x.v}`);
  lines.push(`Highest: ${top.join(" · ")}`);
  return lines;
}

function textAt(meta: ChartMeta, values: (number | null)[][], target: number): string {
  for (const [r, row] of values.entries()) {
    const c = row.indexOf(target);
    if (c >= 0) return meta.display[r]?.[c] ?? String(target);
  }
  return String(target);
}

/**
 * A waterfall as signed bars per step (green/red in the image), the total last. The steps are the
 * chart's floating `[from, to]` bars.
 *
 * @example waterfallLines(chart.config, meta, 60);
 */
export function waterfallLines(
  config: ChartConfiguration,
  meta: ChartMeta,
  width: number,
): string[] {
  const data = (config.data.datasets[0]?.data ?? []) as unknown[];
  const rows = meta.labels.map((label, i): BarRow => {
    const pair = data[i];
    const value = Array.isArray(pair) ? (pair[1] as number) - (pair[0] as number) : null;
    return { label, value, display: meta.display[0]?.[i] ?? "—" };
  });
  return renderBarRows(rows, width);
}

/**
 * A forecast as one sparkline over history and forecast (with a `│` where the forecast starts),
 * then the last actual and the forecast's last point with its interval.
 *
 * @example forecastLines(chart.config, meta, 60);
 */
export function forecastLines(
  config: ChartConfiguration,
  meta: ChartMeta,
  width: number,
): string[] {
  const history = meta.forecast?.history ?? meta.labels.length;
  const level = meta.forecast?.level ?? 80;
  const series = (d: number) =>
    ((config.data.datasets[d]?.data ?? []) as unknown[]).map((v) =>
      typeof v === "number" ? v : null,
    );
  // One scale for actuals and forecast, so a jump at the divider is real, not a rescale.
  const combined = [...series(0).slice(0, history), ...series(1).slice(history)];
  const cells = Math.max(4, Math.min(width - 1, combined.length));
  const line = sparkline(combined, cells);
  const split = Math.round((cells * history) / Math.max(1, combined.length));
  const lines = [`${[...line].slice(0, split).join("")}│${[...line].slice(split).join("")}`];
  const lastPast = meta.display[0]?.[history - 1];
  const end = meta.labels.length - 1;
  const lastForecast = meta.display[1]?.[end];
  const band = meta.display[2]?.[end];
  if (lastPast) lines.push(`Last actual (${meta.labels[history - 1]}): ${lastPast}`);
  if (lastForecast)
    lines.push(
      `Forecast for ${meta.labels[end]}: ${lastForecast} (${level}% interval ${band ?? "—"})`,
    );
  return lines;
}
