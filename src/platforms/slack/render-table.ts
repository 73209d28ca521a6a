import { monospaceTableLines, plainCellText } from "../../bot/monospace-table";
import type { ReplyTable } from "../../bot/reply";
import { escapeMrkdwn, truncate } from "./mrkdwn";

/** Wider cells are cut: on a phone a code block wraps, and a wrapped table is unreadable. */
const MAX_CELL_WIDTH = 28;
const FENCE = "```";

/**
 * A table as a monospace code block (Block Kit has no table for messages), at most `maxChars`
 * long: rows that do not fit are dropped and counted in a last line. Numeric columns are right-
 * aligned so figures line up. The result is escaped mrkdwn.
 */
export function renderTableMrkdwn(table: ReplyTable, maxChars: number): string {
  // Room for the fences, newlines and a "… N more rows" line.
  const budget = maxChars - 2 * FENCE.length - 2 - 40;
  const lines = monospaceTableLines(
    table,
    {
      cell: (cell) => truncate(plainCellText(cell), MAX_CELL_WIDTH),
      header: (column) => truncate(column, MAX_CELL_WIDTH),
      escape: escapeMrkdwn,
    },
    budget,
  );
  let body = lines.join("\n");
  // Only a header wider than the whole budget gets here.
  if (body.length > maxChars - 2 * FENCE.length - 2) {
    body = truncate(body, maxChars - 2 * FENCE.length - 2, { entities: true });
  }
  return `${FENCE}\n${body}\n${FENCE}`;
}
