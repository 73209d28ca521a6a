import type { ReplyTable, TableCell } from "../../bot/reply";
import { escapeMrkdwn, truncate } from "./mrkdwn";

/** Wider cells are cut: on a phone a code block wraps, and a wrapped table is unreadable. */
const MAX_CELL_WIDTH = 28;
const FENCE = "```";
const NUMBER_FORMAT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/**
 * A table as a monospace code block (Block Kit has no table for messages), at most `maxChars`
 * long: rows that do not fit are dropped and counted in a last line. Numeric columns are right-
 * aligned so figures line up. The result is escaped mrkdwn.
 */
export function renderTableMrkdwn(table: ReplyTable, maxChars: number): string {
  const rows = table.rows.map((row) => table.columns.map((_, i) => cellText(row[i] ?? null)));
  const header = table.columns.map((c) => truncate(c, MAX_CELL_WIDTH));
  const numeric = table.columns.map((_, i) =>
    table.rows.every((row) => row[i] === null || row[i] === undefined || isNumeric(row[i])),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    escapeMrkdwn(
      cells
        .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
        .join("  ")
        .trimEnd(),
    );

  const lines = [line(header), escapeMrkdwn(widths.map((w) => "─".repeat(w)).join("  "))];
  // Room for the fences, newlines and a "… N more rows" line.
  const budget = maxChars - 2 * FENCE.length - 2 - 40;
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
  let body = lines.join("\n");
  // Only a header wider than the whole budget gets here.
  if (body.length > maxChars - 2 * FENCE.length - 2) {
    body = truncate(body, maxChars - 2 * FENCE.length - 2, { entities: true });
  }
  return `${FENCE}\n${body}\n${FENCE}`;
}

function cellText(cell: TableCell): string {
  if (cell === null) return "—";
  const text = typeof cell === "number" ? NUMBER_FORMAT.format(cell) : cell.replace(/\s+/g, " ");
  return truncate(text, MAX_CELL_WIDTH);
}

function isNumeric(cell: TableCell | undefined): boolean {
  if (typeof cell === "number") return true;
  // Pre-formatted figures such as "142.3 %", "$1,200", "-4.2" align like numbers.
  return typeof cell === "string" && /^[-+]?[$€£]?\s?[\d.,]+\s?(%|[kKmMx×])?$/.test(cell.trim());
}
