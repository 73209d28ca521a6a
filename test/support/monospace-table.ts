/**
 * The last column (ROI in a ranking) of a monospace table as the adapters render it: the rows
 * under its `──` rule, up to a blank line or a closing code fence, "…" rows left out.
 */
export function lastColumn(table: string): string[] {
  const lines = table.split("\n");
  const rule = lines.findIndex((l) => l.includes("─") && /^[─\s]+$/.test(l));
  const rows: string[] = [];
  for (const line of lines.slice(rule + 1)) {
    if (!line.trim() || line.startsWith("```")) break;
    if (!line.startsWith("…"))
      rows.push(
        line
          .trim()
          .split(/\s{2,}/)
          .at(-1) ?? "",
      );
  }
  return rows;
}
