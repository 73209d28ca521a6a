import type { Reply } from "../../bot/reply";
import { renderChartForTerminal } from "../../charts/terminal";

export interface TextRenderOptions {
  /** Terminal width for tables and charts. */
  width?: number;
  /** Bold and dim with ANSI escapes (only on a TTY). */
  ansi?: boolean;
  /** Where each chart's PNG was written, by chart id. */
  chartFiles?: Map<string, string>;
}

/**
 * A Reply as terminal text: title, text, aligned fields, table, a text rendering of each chart
 * and the path of its PNG.
 */
export function renderReplyAsText(reply: Reply, options: TextRenderOptions = {}): string {
  const width = Math.max(40, Math.min(options.width ?? 80, 120));
  const bold = (s: string) => (options.ansi ? `\x1b[1m${s}\x1b[0m` : s);
  const dim = (s: string) => (options.ansi ? `\x1b[2m${s}\x1b[0m` : s);
  const out: string[] = [bold(reply.title)];

  if (reply.text) out.push(stripMarkdown(reply.text, bold));
  if (reply.fields?.length) {
    const labelWidth = Math.max(...reply.fields.map((f) => f.label.length));
    out.push(
      reply.fields
        .map((f) => `  ${f.label.padEnd(labelWidth)}  ${f.value.replace(/\n/g, " ")}`)
        .join("\n"),
    );
  }
  if (reply.table) out.push(renderTable(reply.table.columns, reply.table.rows, width));
  for (const chart of reply.charts ?? []) {
    out.push(renderChartForTerminal(chart, Math.min(width - 20, 60)));
    const file = options.chartFiles?.get(chart.id);
    if (file) out.push(dim(`chart: ${file}`));
    else if (chart.renderError) out.push(dim(`chart could not be drawn: ${chart.renderError}`));
  }
  for (const file of reply.files ?? []) {
    const path = options.chartFiles?.get(`file:${file.name}`);
    out.push(dim(path ? `file: ${path}` : `file: ${file.name} (${file.content.length} bytes)`));
  }
  if (reply.actions?.length) {
    out.push(reply.actions.map((a) => `[${a.label}]`).join(" "));
  }
  if (reply.context) out.push(dim(reply.context));
  return out.join("\n\n");
}

function stripMarkdown(text: string, bold: (s: string) => string): string {
  return text.replace(/\*\*([^*]+)\*\*/g, (_, s: string) => bold(s)).replace(/`([^`]+)`/g, "$1");
}

function renderTable(columns: string[], rows: (string | number | null)[][], width: number): string {
  const cells = [columns, ...rows.map((r) => r.map((c) => (c === null ? "—" : String(c))))];
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const total = widths.reduce((a, b) => a + b + 2, 0);
  // The first column (names) gives way when the table is wider than the terminal.
  if (total > width && widths[0] !== undefined) {
    widths[0] = Math.max(12, widths[0] - (total - width));
  }
  const line = (r: string[]) =>
    r
      .map((c, i) => {
        const w = widths[i] ?? 0;
        const cut = c.length > w ? `${c.slice(0, w - 1)}…` : c;
        return i === 0 ? cut.padEnd(w) : cut.padStart(w);
      })
      .join("  ");
  const [head, ...body] = cells;
  return [line(head ?? []), line(widths.map((w) => "─".repeat(w))), ...body.map(line)].join("\n");
}
