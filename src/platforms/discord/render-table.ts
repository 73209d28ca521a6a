import type { ReplyTable, TableCell } from "../../bot/reply";
import { truncate } from "./discord-text";

/** Embeds are narrow (and narrower on phones): wider cells are cut so rows do not wrap. */
const MAX_CELL_WIDTH = 24;
const FENCE = "```";
const NUMBER_FORMAT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/**
 * A table as a monospace code block (Discord has no tables), at most `maxChars` long: rows that
 * do not fit are dropped and counted in a last line. Numeric columns are right-aligned. Returns
 * "" when not even the header fits.
 *
 * @example renderTableCodeBlock({ columns: ["#", "Campaign"], rows: [[1, "Spring"]] }, 500)
 * // "```\n#  Campaign\n─  ────────\n1  Spring\n```"
 */
export function renderTableCodeBlock(table: ReplyTable, maxChars: number): string {
  const rows = table.rows.map((row) => table.columns.map((_, i) => cellText(row[i] ?? null)));
  const header = table.columns.map((c) => cellText(c));
  const numeric = table.columns.map((_, i) =>
    table.rows.every((row) => row[i] === null || row[i] === undefined || isNumeric(row[i])),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();

  const lines = [line(header), widths.map((w) => "─".repeat(w)).join("  ")];
  // Fences, their newlines and room for a "… N more rows" line.
  const frame = 2 * FENCE.length + 2;
  const budget = maxChars - frame - 24;
  if (lines.join("\n").length > budget) return "";
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
  return `${FENCE}\n${lines.join("\n")}\n${FENCE}`;
}

function cellText(cell: TableCell): string {
  if (cell === null) return "—";
  const text =
    typeof cell === "number" ? NUMBER_FORMAT.format(cell) : cell.replace(/\s+/g, " ").trim();
  // A backtick run would close the code block early.
  return truncate(text.replace(/`/g, "'"), MAX_CELL_WIDTH);
}

function isNumeric(cell: TableCell | undefined): boolean {
  if (typeof cell === "number") return true;
  // Pre-formatted figures such as "142.3 %", "$1,200", "-4.2" align like numbers.
  return typeof cell === "string" && /^[-+]?[$€£]?\s?[\d.,]+\s?(%|[kKmMx×])?$/.test(cell.trim());
}
