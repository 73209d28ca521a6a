import type { ChartConfiguration, Plugin } from "chart.js";
import type { ReplyChart } from "../../bot/reply";
import { quantile } from "../../core/stats";
import {
  type ColorScaleKind,
  colorFor,
  colorScaleFor,
  colorStops,
  textColorOn,
} from "../color-scale";
import { formatValue } from "../format";
import { axisTitle, type Measure } from "../measure";
import type { ChartMeta } from "../meta";
import { palette } from "../palette";
import { backgroundPlugin } from "../plugins/background";
import { HEATMAP_KEY_WIDTH, heatmapCellsPlugin } from "../plugins/heatmap-cells";
import { baseOptions, DEFAULT_CHART_HEIGHT, DEFAULT_CHART_WIDTH, scaleOptions } from "../theme";
import { type ChartBaseInput, toReplyChart, truncateLabel } from "./chart-base";

export interface HeatmapChartInput extends ChartBaseInput {
  /** Row names, drawn top to bottom (weekdays, cohorts, segments). */
  rows: readonly string[];
  /** Column names, left to right (hours, months since signup, features). */
  columns: readonly string[];
  rowTitle: string;
  columnTitle: string;
  /** `values[row][column]`; null for "no data" (drawn hatched, never as a low value). */
  values: readonly (readonly (number | null)[])[];
  /** What the colour encodes; titles the key and formats cell texts by default. */
  measure: Measure;
  /** Light → dark blue (default) or red ← white → blue around `domain.mid` (default 0). */
  scale?: ColorScaleKind;
  /** Fixed colour domain, e.g. 0–100 for retention; default: the data's range. */
  domain?: { min?: number; max?: number; mid?: number };
  /** Text per cell instead of the formatted value (null for none). Drawn only where it fits. */
  cellTexts?: readonly (readonly (string | null)[])[];
  /** What an empty cell means, for the key, e.g. "fewer than 3 posts". */
  emptyLabel?: string;
  /**
   * Colour between the 5th and 95th percentile of the cells instead of min and max, so one freak
   * cell (three lucky posts) does not wash every other cell out; the key then reads "≤ …" / "≥ …".
   */
  robust?: boolean;
  /** Key title and its bottom/middle/top labels, when the measure's own do not fit (z-scores). */
  keyTitle?: string;
  keyLabels?: readonly [string, string, string];
}

const ROW_HEIGHT = 44;
const CHROME_HEIGHT = 170;

/**
 * A matrix of values as coloured cells with a colour key, e.g. engagement rate by posting weekday
 * and hour, or retention by signup month and months since. Each cell carries its value as text
 * when it fits; empty cells are hatched. Drawn as a chart.js scatter on two category axes with a
 * plugin painting the cells (chart.js has no matrix type).
 *
 * @example
 * heatmapChart({
 *   id: "best-hours", title: "Engagement rate by posting time", rowTitle: "Weekday", columnTitle: "Hour",
 *   rows: ["Mon", "Tue"], columns: ["09:00", "18:00"], measure: percent("Engagement rate"),
 *   values: [[2.1, 3.4], [null, 4.2]], emptyLabel: "no posts",
 * });
 */
export function heatmapChart(input: HeatmapChartInput): ReplyChart {
  const { rows, columns, values, measure } = input;
  if (values.length !== rows.length || values.some((row) => row.length !== columns.length)) {
    throw new RangeError(
      `heatmapChart: values must be ${rows.length} rows × ${columns.length} columns`,
    );
  }
  const kind = input.scale ?? "sequential";
  const finite = values.flat().filter((v): v is number => v !== null && Number.isFinite(v));
  const robust = input.robust === true && finite.length >= 10;
  const sorted = robust ? [...finite].sort((a, b) => a - b) : [];
  const scale = colorScaleFor(
    values.flat(),
    kind,
    robust
      ? { min: quantile(sorted, 0.05), max: quantile(sorted, 0.95), ...input.domain }
      : input.domain,
  );
  const colors = values.map((row) =>
    row.map((v) => (v === null || !Number.isFinite(v) ? null : colorFor(v, scale))),
  );
  const display = values.map((row, r) =>
    row.map((v, c) => {
      const custom = input.cellTexts?.[r]?.[c];
      if (custom !== undefined) return custom;
      return v === null ? null : formatValue(v, measure);
    }),
  );
  const hasEmpty = colors.some((row) => row.includes(null));
  const meta: ChartMeta = {
    kind: "heatmap",
    labels: [...rows],
    display,
    heatmap: { rows: [...rows], columns: [...columns], values: values.map((row) => [...row]) },
  };
  const base = baseOptions(input.title, { legend: false });
  // Characters that fit under one column: the plot is the canvas minus the row labels (≈ 230 px)
  // and the colour key, at ≈ 8 px per character of tick text.
  const plotWidth = (input.width ?? DEFAULT_CHART_WIDTH) - HEATMAP_KEY_WIDTH - 250;
  const columnChars = Math.max(6, Math.floor(plotWidth / columns.length / 8.5));
  const config: ChartConfiguration<"scatter"> = {
    type: "scatter",
    data: {
      datasets: [
        {
          label: axisTitle(measure),
          // Invisible anchor points: they make chart.js lay out both category axes.
          data: rows.flatMap((row, r) =>
            columns.map((column, c) => ({ x: c, y: r, label: `${row} · ${column}` })),
          ) as unknown as { x: number; y: number }[],
          pointRadius: 0,
          pointHoverRadius: 0,
        },
      ],
    },
    options: {
      ...base,
      layout: { padding: { ...base.layout.padding, right: HEATMAP_KEY_WIDTH } },
      scales: {
        x: scaleOptions(input.columnTitle, {
          type: "category" as const,
          // Few columns (features, months): every one named, long names on two lines. Many
          // (hours): short names, thinned by chart.js when they would collide.
          labels: columns.map((c) =>
            columns.length <= 12 ? wrapLabel(c, columnChars, 3) : [truncateLabel(c, 18)],
          ),
          offset: true,
          grid: { display: false },
          ticks: { maxRotation: 0, autoSkip: columns.length > 12, autoSkipPadding: 8 },
        }),
        y: scaleOptions(input.rowTitle, {
          type: "category" as const,
          labels: rows.map((r) => wrapLabel(r, 26)),
          offset: true,
          grid: { display: false },
        }),
      },
    },
    plugins: [backgroundPlugin as Plugin<"scatter">, heatmapCellsPlugin],
  };
  const plugins = config.options?.plugins;
  if (plugins) {
    plugins.adpulse = meta;
    plugins.adpulseHeatmap = {
      colors,
      texts: display,
      textColors: colors.map((row) => row.map((c) => (c ? textColorOn(c) : palette.text))),
      key: {
        title: input.keyTitle ?? axisTitle(measure),
        stops: colorStops(scale),
        minLabel: input.keyLabels?.[0] ?? `${robust ? "≤ " : ""}${formatValue(scale.min, measure)}`,
        midLabel:
          input.keyLabels?.[1] ??
          formatValue(kind === "diverging" ? scale.mid : (scale.min + scale.max) / 2, measure),
        maxLabel: input.keyLabels?.[2] ?? `${robust ? "≥ " : ""}${formatValue(scale.max, measure)}`,
        emptyLabel: hasEmpty ? (input.emptyLabel ?? "no data") : undefined,
      },
    };
  }
  return toReplyChart(
    input,
    heatmapAltText(input),
    config,
    Math.max(DEFAULT_CHART_HEIGHT, CHROME_HEIGHT + rows.length * ROW_HEIGHT),
  );
}

/**
 * A category label as up to `lines` lines of about `width` characters (chart.js draws an array of
 * strings as lines), the last cut with "…" if it still does not fit.
 *
 * @example wrapLabel("Points redeemed (% of earned)", 16) // ["Points redeemed", "(% of earned)"]
 */
export function wrapLabel(text: string, width: number, lines = 2): string[] {
  const out: string[] = [];
  const words = text.split(" ");
  while (words.length > 0 && out.length < lines - 1) {
    let line = words.shift() as string;
    while (words.length > 0 && `${line} ${words[0]}`.length <= width)
      line = `${line} ${words.shift()}`;
    out.push(truncateLabel(line, width));
  }
  if (words.length > 0) out.push(truncateLabel(words.join(" "), width));
  return out;
}

function heatmapAltText({
  rows,
  columns,
  values,
  measure,
  rowTitle,
  columnTitle,
}: HeatmapChartInput): string {
  const cells = values.flatMap((row, r) =>
    row
      .map((v, c) => ({ v, at: `${rows[r]} · ${columns[c]}` }))
      .filter((x): x is { v: number; at: string } => x.v !== null),
  );
  const parts = [
    `Heatmap of ${axisTitle(measure)} by ${rowTitle.toLowerCase()} (${rows.length} rows) and ${columnTitle.toLowerCase()} (${columns.length} columns).`,
  ];
  if (cells.length === 0) {
    parts.push("No cell has data.");
    return parts.join(" ");
  }
  const sorted = [...cells].sort((a, b) => b.v - a.v);
  const high = sorted.slice(0, 3).map((x) => `${x.at} ${formatValue(x.v, measure)}`);
  const low = sorted.at(-1) as { v: number; at: string };
  parts.push(`Highest: ${high.join(", ")}. Lowest: ${low.at} ${formatValue(low.v, measure)}.`);
  const empty = rows.length * columns.length - cells.length;
  if (empty > 0) parts.push(`${empty} cells without data.`);
  return parts.join(" ");
}
