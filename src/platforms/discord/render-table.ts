import { monospaceTableLines, plainCellText } from "../../bot/monospace-table";
import type { ReplyTable, TableCell } from "../../bot/reply";
import { truncate } from "./discord-text";

/** Embeds are narrow (and narrower on phones): wider cells are cut so rows do not wrap. */
const MAX_CELL_WIDTH = 24;
const FENCE = "```";

/**
 * A table as a monospace code block (Discord has no tables), at most `maxChars` long: rows that
 * do not fit are dropped and counted in a last line. Numeric columns are right-aligned. Returns
 * "" when not even the header fits.
 *
 * @example renderTableCodeBlock({ columns: ["#", "Campaign"], rows: [[1, "Spring"]] }, 500)
 * // "```\n#  Campaign\n─  ────────\n1  Spring\n```"
 */
export function renderTableCodeBlock(table: ReplyTable, maxChars: number): string {
  // Fences, their newlines and room for a "… N more rows" line.
  const frame = 2 * FENCE.length + 2;
  const budget = maxChars - frame - 24;
  const lines = monospaceTableLines(table, { cell: cellText, header: cellText }, budget);
  const headerAndRule = lines.slice(0, 2).join("\n");
  if (headerAndRule.length > budget) return "";
  return `${FENCE}\n${lines.join("\n")}\n${FENCE}`;
}

function cellText(cell: TableCell): string {
  // A backtick run would close the code block early.
  return truncate(plainCellText(cell).trim().replace(/`/g, "'"), MAX_CELL_WIDTH);
}
