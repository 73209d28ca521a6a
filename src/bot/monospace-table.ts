import type { ReplyTable, TableCell } from "./reply";

const NUMBER_FORMAT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** How one platform writes a table inside its code block. */
export interface MonospaceTableStyle {
  /** A cell's text, cut to the platform's width and made safe inside its code block. */
  cell: (cell: TableCell) => string;
  /** A column header's text, likewise. */
  header: (column: string) => string;
  /** Escapes a finished line; widths are measured on the text before it. */
  escape?: (line: string) => string;
}

/**
 * A table laid out for a monospace block (neither Slack messages nor Discord embeds have tables):
 * header, rule and as many rows as fit `budget` characters, then a "… N more rows" line for the
 * rest. Numeric columns are right-aligned so figures line up. The header and rule always come
 * first, even when they alone are over the budget: the caller decides what to do then.
 *
 * @example
 * monospaceTableLines({ columns: ["#", "Campaign"], rows: [[1, "Spring"]] }, style, 500);
 * // ["#  Campaign", "─  ────────", "1  Spring"]
 */
export function monospaceTableLines(
  table: ReplyTable,
  style: MonospaceTableStyle,
  budget: number,
): string[] {
  const escapeLine = style.escape ?? ((line: string) => line);
  const rows = table.rows.map((row) => table.columns.map((_, i) => style.cell(row[i] ?? null)));
  const header = table.columns.map((column) => style.header(column));
  const numeric = table.columns.map((_, i) =>
    table.rows.every((row) => row[i] === null || row[i] === undefined || isNumericCell(row[i])),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    escapeLine(
      cells
        .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
        .join("  ")
        .trimEnd(),
    );

  const lines = [line(header), escapeLine(widths.map((w) => "─".repeat(w)).join("  "))];
  let used = lines.join("\n").length;
  let shown = 0;
  for (const row of rows) {
    const text = line(row);
    if (used + 1 + text.length > budget) break;
    lines.push(text);
    used += 1 + text.length;
    shown += 1;
  }
  if (shown < rows.length) lines.push(`… ${rows.length - shown} more rows`);
  return lines;
}

/**
 * A cell's plain text before a platform cuts or escapes it: `—` for no value, numbers with at
 * most two decimals, white space folded to single spaces (a newline would break the row).
 *
 * @example
 * plainCellText(1234.5678); // "1,234.57"
 */
export function plainCellText(cell: TableCell): string {
  if (cell === null) return "—";
  return typeof cell === "number" ? NUMBER_FORMAT.format(cell) : cell.replace(/\s+/g, " ");
}

/**
 * Whether a cell reads as a figure. Pre-formatted figures such as "142.3 %", "$1,200", "-4.2"
 * align like numbers.
 *
 * @example
 * isNumericCell("$1,200"); // true
 */
export function isNumericCell(cell: TableCell | undefined): boolean {
  if (typeof cell === "number") return true;
  return typeof cell === "string" && /^[-+]?[$€£]?\s?[\d.,]+\s?(%|[kKmMx×])?$/.test(cell.trim());
}
