import { palette } from "./palette";

/**
 * Colour scales for charts that encode a value as colour (heatmaps). Both come from ColorBrewer,
 * whose Blues and RdBu schemes stay readable for the common forms of colour blindness and in
 * grey-scale print: a sequential light → dark blue for "more is more" (engagement rate, retention)
 * and a diverging red ← white → blue for "below / above a middle" (a segment's distance from the
 * average).
 */
const BLUES = ["#EFF3FF", "#C6DBEF", "#9ECAE1", "#6BAED6", "#3182BD", "#08519C"] as const;
const RED_BLUE = [
  "#B2182B",
  "#EF8A62",
  "#FDDBC7",
  "#F7F7F7",
  "#D1E5F0",
  "#67A9CF",
  "#2166AC",
] as const;

/** What an empty cell (no data) is painted with: clearly not the lightest colour of the scale. */
export const EMPTY_CELL_COLOR = "#FFFFFF";
export const EMPTY_CELL_PATTERN = palette.grid;

export type ColorScaleKind = "sequential" | "diverging";

export interface ColorScale {
  kind: ColorScaleKind;
  min: number;
  max: number;
  /** Diverging scales: the value drawn white. */
  mid: number;
}

/**
 * A colour scale over the finite values given (or a fixed domain). A diverging scale is made
 * symmetric around `mid`, so equal distances above and below look equally strong.
 *
 * @example colorScaleFor([1, 5, 9], "sequential") // { kind: "sequential", min: 1, max: 9, mid: 5 }
 */
export function colorScaleFor(
  values: readonly (number | null)[],
  kind: ColorScaleKind,
  domain: { min?: number; max?: number; mid?: number } = {},
): ColorScale {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  let min = domain.min ?? (finite.length ? Math.min(...finite) : 0);
  let max = domain.max ?? (finite.length ? Math.max(...finite) : 1);
  if (kind === "diverging") {
    const mid = domain.mid ?? 0;
    const reach = Math.max(Math.abs(max - mid), Math.abs(mid - min), 1e-9);
    return { kind, min: mid - reach, max: mid + reach, mid };
  }
  if (max <= min) {
    max = min + 1;
    min = Math.min(min, max - 1);
  }
  return { kind, min, max, mid: (min + max) / 2 };
}

/**
 * The colour of a value on a scale (values outside the domain take the end colours).
 *
 * @example colorFor(9, { kind: "sequential", min: 1, max: 9, mid: 5 }) // "#08519C"
 */
export function colorFor(value: number, scale: ColorScale): string {
  const stops = scale.kind === "sequential" ? BLUES : RED_BLUE;
  const t = Math.min(1, Math.max(0, (value - scale.min) / (scale.max - scale.min || 1)));
  return interpolate(stops, t);
}

/**
 * Black or white text, whichever reads better on `hex` (WCAG relative luminance).
 *
 * @example textColorOn("#08519C") // "#FFFFFF"
 */
export function textColorOn(hex: string): string {
  const [r, g, b] = rgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.33 ? palette.text : "#FFFFFF";
}

/** The scale's stops as `[position 0–1, colour]`, for drawing a key. */
export function colorStops(scale: ColorScale): [number, string][] {
  const stops = scale.kind === "sequential" ? BLUES : RED_BLUE;
  return stops.map((c, i) => [i / (stops.length - 1), c]);
}

function interpolate(stops: readonly string[], t: number): string {
  const scaled = t * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(scaled));
  const f = scaled - i;
  const a = rgb(stops[i] as string);
  const b = rgb(stops[i + 1] as string);
  return `#${a
    .map((c, k) =>
      Math.round(c + ((b[k] as number) - c) * f)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")
    .toUpperCase()}`;
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
