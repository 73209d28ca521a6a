/** Left-aligned partial blocks, 1/8 to 7/8 of a cell: positive bars grow rightwards. */
const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"] as const;
const FULL = "█";
/** Right-aligned halves exist only as ▐ (1/2) and ▕ (1/8), so negative bars use half cells. */
const RIGHT_HALF = "▐";
const RIGHT_EIGHTH = "▕";
const AXIS = "│";

/** One bar: `display` is the text printed after it ("142%"). */
export interface BarRow {
  label: string;
  value: number | null;
  display: string;
  /** Rows with the same key share one scale (one per chart axis). */
  scaleKey?: string;
}

/**
 * A positive bar `cells` wide (fractional), drawn with eighth blocks.
 *
 * @example
 * positiveBar(2.5); // "██▌"
 */
export function positiveBar(cells: number): string {
  if (!(cells > 0)) return "";
  const eighths = Math.max(1, Math.round(cells * 8));
  return FULL.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/**
 * A negative bar `cells` wide, growing leftwards (right-aligned glyphs), in half cells.
 *
 * @example
 * negativeBar(2.5); // "▐██"
 */
export function negativeBar(cells: number): string {
  if (!(cells > 0)) return "";
  const halves = Math.round(cells * 2);
  if (halves === 0) return RIGHT_EIGHTH;
  return (halves % 2 === 1 ? RIGHT_HALF : "") + FULL.repeat(Math.floor(halves / 2));
}

/** Visible width of a string in a monospace terminal, counting each code point as one cell. */
export function cellWidth(text: string): number {
  return [...text].length;
}

function padOrCut(text: string, width: number): string {
  const chars = [...text];
  if (chars.length > width) return `${chars.slice(0, Math.max(0, width - 1)).join("")}…`;
  return text + " ".repeat(width - chars.length);
}

interface Scale {
  /** Cells per unit of value. */
  perUnit: number;
  /** Cells left of the zero axis (0 when nothing is negative). */
  negativeCells: number;
  hasNegative: boolean;
}

function scaleFor(rows: readonly BarRow[], barCells: number): Scale {
  const values = rows
    .map((row) => row.value)
    .filter((v): v is number => v !== null && Number.isFinite(v));
  const maxPositive = Math.max(0, ...values);
  const maxNegative = Math.max(0, ...values.map((v) => -v));
  const hasNegative = maxNegative > 0;
  // One cell goes to the zero axis when both signs are present, so bars of either sign share units.
  const usable = hasNegative ? barCells - 1 : barCells;
  const span = maxPositive + maxNegative;
  if (span === 0) return { perUnit: 0, negativeCells: 0, hasNegative };
  // The negative side is a whole number of cells; shrink the unit so the longest positive bar
  // still fits in what is left instead of being cut off.
  const negativeCells = hasNegative ? Math.ceil((maxNegative / span) * usable) : 0;
  const perUnit = Math.min(
    usable / span,
    maxPositive > 0 ? (usable - negativeCells) / maxPositive : Number.POSITIVE_INFINITY,
  );
  return { perUnit, negativeCells, hasNegative };
}

/**
 * Labelled horizontal bars, proportional to the values, with negative values growing left of a
 * zero axis. Rows with the same `scaleKey` share a scale; lines are at most `width` cells.
 *
 * @example
 * renderBarRows([{ label: "A", value: 2, display: "2 %" }, { label: "B", value: 1, display: "1 %" }], 20);
 * // ["A ██████████████ 2 %",
 * //  "B ███████        1 %"]
 */
export function renderBarRows(rows: readonly BarRow[], width: number, indent = ""): string[] {
  if (rows.length === 0) return [`${indent}(no data)`];
  const labelCells = Math.min(
    Math.max(...rows.map((row) => cellWidth(row.label))),
    Math.max(6, Math.floor(width * 0.35)),
  );
  const valueCells = Math.max(...rows.map((row) => cellWidth(row.display)));
  const barCells = Math.max(8, width - cellWidth(indent) - labelCells - valueCells - 2);
  const scales = new Map<string, Scale>();
  for (const key of new Set(rows.map((row) => row.scaleKey ?? ""))) {
    scales.set(
      key,
      scaleFor(
        rows.filter((row) => (row.scaleKey ?? "") === key),
        barCells,
      ),
    );
  }
  return rows.map((row) => {
    const scale = scales.get(row.scaleKey ?? "") as Scale;
    const value = row.value !== null && Number.isFinite(row.value) ? row.value : 0;
    let bar: string;
    if (scale.hasNegative) {
      const left = value < 0 ? negativeBar(-value * scale.perUnit) : "";
      const right = value > 0 ? positiveBar(value * scale.perUnit) : "";
      const positiveCells = barCells - scale.negativeCells - 1;
      bar = `${" ".repeat(Math.max(0, scale.negativeCells - cellWidth(left)))}${left}${AXIS}${padOrCut(right, positiveCells)}`;
    } else {
      bar = padOrCut(positiveBar(value * scale.perUnit), barCells);
    }
    return `${indent}${padOrCut(row.label, labelCells)} ${bar} ${row.display}`.trimEnd();
  });
}

/**
 * A progress bar in brackets, full at 100 % and beyond.
 *
 * @example
 * progressBar(50, 10); // "[████    ]" — 8 cells inside the brackets, half filled
 */
export function progressBar(percent: number | null, width: number): string {
  const inner = Math.max(4, width - 2);
  const fraction = percent === null ? 0 : Math.min(1, Math.max(0, percent / 100));
  return `[${padOrCut(positiveBar(fraction * inner), inner)}]`;
}
