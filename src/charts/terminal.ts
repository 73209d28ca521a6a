import type { ChartConfiguration } from "chart.js";
import type { ReplyChart } from "../bot/reply";
import { formatProgress } from "./format";
import { type ChartKind, type ChartMeta, readChartMeta } from "./meta";
import { sparkline } from "./sparkline";
import { type BarRow, cellWidth, progressBar, renderBarRows } from "./terminal-bars";
import { forecastLines, heatmapLines, waterfallLines } from "./terminal-extra";

/*
 * The console has no images, so charts are drawn with Unicode blocks. Plain text only: no ANSI
 * colours, so output can be piped, logged and compared in tests as is. Builder charts carry a
 * meta block (names, formatted values); hand-made configs fall back to the raw config data.
 */

const MIN_WIDTH = 30;

/**
 * A text rendering of a chart for a terminal, at most `width` cells per line (labels permitting):
 * bars for bar, doughnut and gauge charts, a sparkline per series for line charts, a list for
 * scatter charts. The first line is the chart's title.
 *
 * @example
 * console.log(renderChartForTerminal(rankingBarChart({ ... }), 60));
 * // ROI by campaign, last 30 days
 * // ROI (%)
 * // Campaign B       │████████████████████████████████████ 240%
 * // Campaign D ▐█████│                                     -35.0%
 */
export function renderChartForTerminal(chart: ReplyChart, width = 60): string {
  const cells = Math.max(MIN_WIDTH, Math.floor(width));
  const meta = readChartMeta(chart.config);
  const kind = meta?.kind ?? guessKind(chart.config);
  const lines = [chart.title];
  switch (kind) {
    case "ranking":
    case "comparison":
      lines.push(...barChartLines(chart.config, meta, cells));
      break;
    case "trend":
      lines.push(...lineChartLines(chart.config, meta, cells));
      break;
    case "scatter":
      lines.push(...scatterLines(chart.config, meta));
      break;
    case "doughnut":
      lines.push(...doughnutLines(chart.config, meta, cells));
      break;
    case "gauge":
      lines.push(...gaugeLines(chart.config, meta, cells));
      break;
    case "heatmap":
      lines.push(...(meta ? heatmapLines(meta, cells) : []));
      break;
    case "waterfall":
      lines.push(...(meta ? waterfallLines(chart.config, meta, cells) : []));
      break;
    case "forecast":
      lines.push(...(meta ? forecastLines(chart.config, meta, cells) : []));
      break;
  }
  return lines.join("\n");
}

function guessKind(config: ChartConfiguration): ChartKind {
  const options = config.options as { circumference?: number } | undefined;
  switch (config.type) {
    case "line":
      return "trend";
    case "scatter":
    case "bubble":
      return "scatter";
    case "doughnut":
    case "pie":
    case "polarArea":
      return options?.circumference === 180 ? "gauge" : "doughnut";
    default:
      return "comparison";
  }
}

interface DatasetLike {
  label?: string;
  data: unknown[];
  yAxisID?: string;
}

function datasets(config: ChartConfiguration): DatasetLike[] {
  return (config.data.datasets ?? []) as unknown as DatasetLike[];
}

function categoryLabels(config: ChartConfiguration, meta: ChartMeta | undefined): string[] {
  return meta?.labels ?? (config.data.labels ?? []).map(String);
}

function numberAt(data: unknown[], index: number): number | null {
  const value = data[index];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function displayAt(
  meta: ChartMeta | undefined,
  datasetIndex: number,
  index: number,
  value: number | null,
) {
  const text = meta?.display[datasetIndex]?.[index];
  if (text !== undefined && text !== null) return text;
  return value === null ? "—" : value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/** Axis titles as chart.js holds them: `options.scales[id].title.text`. */
function axisTitles(config: ChartConfiguration): Record<string, string> {
  const scales = (
    config.options as { scales?: Record<string, { title?: { text?: unknown } }> } | undefined
  )?.scales;
  const titles: Record<string, string> = {};
  for (const [id, scale] of Object.entries(scales ?? {})) {
    if (typeof scale.title?.text === "string" && scale.title.text) titles[id] = scale.title.text;
  }
  return titles;
}

function subtitle(config: ChartConfiguration): string | undefined {
  const text = (config.options?.plugins?.subtitle as { text?: unknown } | undefined)?.text;
  return typeof text === "string" && text ? text : undefined;
}

function barChartLines(
  config: ChartConfiguration,
  meta: ChartMeta | undefined,
  width: number,
): string[] {
  const titles = axisTitles(config);
  const horizontal = (config.options as { indexAxis?: string } | undefined)?.indexAxis === "y";
  const valueAxes = horizontal ? [titles.x] : [titles.y, titles.y1];
  const header = valueAxes.filter((t): t is string => t !== undefined).join(" · ");
  const labels = categoryLabels(config, meta);
  const sets = datasets(config);
  const lines = header ? [header] : [];
  if (sets.length === 1) {
    const data = (sets[0] as DatasetLike).data;
    const rows = labels.map((label, i): BarRow => {
      const value = numberAt(data, i);
      return { label, value, display: displayAt(meta, 0, i, value) };
    });
    return [...lines, ...renderBarRows(rows, width)];
  }
  // Several series: one block per category, one bar per series, scaled per axis so a USD series
  // and a % series are each proportional within themselves.
  const rows: BarRow[] = [];
  const starts: number[] = [];
  labels.forEach((_, i) => {
    starts.push(rows.length);
    sets.forEach((set, d) => {
      const value = numberAt(set.data, i);
      rows.push({
        label: set.label ?? `series ${d + 1}`,
        value,
        display: displayAt(meta, d, i, value),
        scaleKey: set.yAxisID ?? "y",
      });
    });
  });
  const rendered = renderBarRows(rows, width, "  ");
  labels.forEach((label, i) => {
    lines.push(label, ...rendered.slice(starts[i], (starts[i] as number) + sets.length));
  });
  return lines;
}

function lineChartLines(
  config: ChartConfiguration,
  meta: ChartMeta | undefined,
  width: number,
): string[] {
  const titles = axisTitles(config);
  const labels = categoryLabels(config, meta);
  const span = labels.length > 0 ? `, ${labels[0]} … ${labels.at(-1)}` : "";
  const lines = [`${titles.y ?? "Value"} by ${titles.x ?? "period"}${span}`];
  const sets = datasets(config);
  const nameCells = Math.min(Math.max(0, ...sets.map((s) => cellWidth(s.label ?? ""))), 20);
  for (const [d, set] of sets.entries()) {
    const values = labels.map((_, i) => numberAt(set.data, i));
    const present = values
      .map((value, index) => ({ value, index }))
      .filter((p): p is { value: number; index: number } => p.value !== null);
    const name = (set.label ?? `series ${d + 1}`).slice(0, nameCells).padEnd(nameCells);
    if (present.length === 0) {
      lines.push(`${name} (no data)`);
      continue;
    }
    const min = present.reduce((a, b) => (b.value < a.value ? b : a));
    const max = present.reduce((a, b) => (b.value > a.value ? b : a));
    const spark = sparkline(values, Math.max(8, width - nameCells - 1));
    lines.push(
      `${name} ${spark}`,
      `${" ".repeat(nameCells)} min ${displayAt(meta, d, min.index, min.value)} (${labels[min.index]})` +
        ` · max ${displayAt(meta, d, max.index, max.value)} (${labels[max.index]})`,
    );
  }
  return lines;
}

function scatterLines(config: ChartConfiguration, meta: ChartMeta | undefined): string[] {
  const titles = axisTitles(config);
  const lines = [`x: ${titles.x ?? "x"} · y: ${titles.y ?? "y"}`];
  const sets = datasets(config);
  const grouped = sets.length > 1;
  const points = sets.flatMap((set, d) =>
    set.data.map((raw, i) => {
      const point = raw as { x?: number; y?: number; label?: string };
      const display =
        meta?.display[d]?.[i] ??
        `${point.x?.toLocaleString("en-US") ?? "—"}, ${point.y?.toLocaleString("en-US") ?? "—"}`;
      const name = point.label ?? `point ${i + 1}`;
      return {
        y: point.y ?? Number.NEGATIVE_INFINITY,
        text: grouped ? `${name} (${set.label})` : name,
        display,
      };
    }),
  );
  if (points.length === 0) return [...lines, "(no data)"];
  // Highest y first: the usual question is "which campaign does best on this measure".
  points.sort((a, b) => b.y - a.y);
  const nameCells = Math.min(Math.max(...points.map((p) => cellWidth(p.text))), 36);
  for (const p of points) lines.push(`• ${p.text.padEnd(nameCells)}  ${p.display}`);
  return lines;
}

function doughnutLines(
  config: ChartConfiguration,
  meta: ChartMeta | undefined,
  width: number,
): string[] {
  const labels = categoryLabels(config, meta);
  const data = (datasets(config)[0]?.data ?? []) as unknown[];
  const values = labels.map((_, i) => numberAt(data, i));
  const total = values.reduce<number>((sum, v) => sum + (v !== null && v > 0 ? v : 0), 0);
  const rows = labels.map((label, i): BarRow => {
    const value = values[i] ?? null;
    const share = total > 0 && value !== null ? (value / total) * 100 : null;
    const fallback =
      share === null ? "—" : `${share.toLocaleString("en-US", { maximumFractionDigits: 1 })} %`;
    return { label, value: share, display: meta?.display[0]?.[i] ?? fallback };
  });
  const header = subtitle(config);
  return [...(header ? [header] : []), ...renderBarRows(rows, width)];
}

function gaugeLines(
  config: ChartConfiguration,
  meta: ChartMeta | undefined,
  width: number,
): string[] {
  let percent: number | null;
  let caption: string;
  if (meta?.gauge) {
    percent = meta.gauge.percent;
    caption = meta.display[0]?.[0] ?? "";
  } else {
    const data = datasets(config)[0]?.data ?? [];
    const reached = numberAt(data, 0) ?? 0;
    const remaining = numberAt(data, 1) ?? 0;
    percent = reached + remaining > 0 ? (reached / (reached + remaining)) * 100 : null;
    caption = `${reached.toLocaleString("en-US")} of ${(reached + remaining).toLocaleString("en-US")}`;
  }
  const percentText = formatProgress(percent);
  const header = subtitle(config);
  return [
    ...(header ? [header] : []),
    `${progressBar(percent, width - cellWidth(percentText) - 1)} ${percentText}`,
    caption,
  ];
}
