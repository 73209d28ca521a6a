import { defineCommand } from "../src/bot/command";
import { periodOption, platformOption, typeOption } from "../src/bot/common-options";
import type { TableCell } from "../src/bot/reply";
import { formatCount } from "../src/core/format";
import { type CsvCell, csvHeader, csvRows } from "../src/import/export-csv";
import { EXPORT_VIEWS, type ExportView, exportView } from "../src/import/export-views";
import { periodData } from "../src/reports/reply-parts";

/** Rows a chat export carries (Discord uploads stop at 10 MiB); the CLI has no limit. */
const CHAT_ROWS = 10_000;
const PREVIEW_ROWS = 10;

/**
 * `/campaign export <view> [period] [platform:…] [type:…]`: a view as CSV. The reply shows a
 * preview table and carries the file in `files` for the adapter to attach (and in `data.export`
 * for `adpulse ask --json`); formula-like text cells are neutralised, numbers stay numbers.
 */
export default defineCommand({
  name: "export",
  description: `Download a view as CSV: ${EXPORT_VIEWS.join(", ")}`,
  examples: ["export roi last 30d", "export daily last 7d platform:tiktok", "export campaigns"],
  options: [
    {
      name: "view",
      kind: "choice",
      description: "What to export",
      choices: EXPORT_VIEWS,
      required: true,
    },
    periodOption,
    platformOption,
    typeOption,
  ] as const,
  async run(ctx, { view, period, platform, type }) {
    const table = await exportView({
      store: ctx.store,
      tenant: ctx.tenant,
      view: view as ExportView,
      period,
      platform,
      type,
    });
    const rows: CsvCell[][] = [];
    let total = 0;
    for await (const chunk of table.rows) {
      total += chunk.length;
      for (const row of chunk) if (rows.length < CHAT_ROWS) rows.push(row);
    }
    const csv = `\uFEFF${csvHeader(table.columns)}${csvRows(table.columns, rows)}`;
    const truncated = total > rows.length;
    const scope = [platform, type].filter(Boolean).join(" · ");
    const cliPeriod = `${period.from}..${period.to}`;
    return {
      files: [
        {
          name: table.filename,
          contentType: "text/csv; charset=utf-8",
          content: Buffer.from(csv, "utf8"),
          description: `${view} export, ${formatCount(rows.length)} rows`,
        },
      ],
      title: `Export — ${view}${view === "campaigns" ? "" : ` — ${period.label}`}`,
      text: [
        `**${formatCount(rows.length)} rows** in \`${table.filename}\` (${formatBytes(Buffer.byteLength(csv))}).`,
        truncated
          ? `Chat exports stop at ${formatCount(CHAT_ROWS)} rows (${formatCount(total)} in all): \`adpulse export ${view} --period ${cliPeriod}\` writes them all.`
          : "",
        "Text that a spreadsheet would run as a formula starts with `'`; numbers stay numbers.",
      ]
        .filter(Boolean)
        .join("\n"),
      table: {
        columns: table.columns.map((c) => c.name),
        rows: rows.slice(0, PREVIEW_ROWS).map((r) => r.map(previewCell)),
      },
      context: `${view === "campaigns" ? "all campaigns" : `${period.from} → ${period.to}`}${scope ? ` · ${scope}` : ""} · ${ctx.tenant.currency}`,
      data: {
        view,
        period: periodData(period),
        filters: { platform: platform ?? null, type: type ?? null },
        export: {
          filename: table.filename,
          contentType: "text/csv; charset=utf-8",
          rows: rows.length,
          totalRows: total,
          truncated,
          csv,
        },
      },
    };
  },
});

function previewCell(value: CsvCell): TableCell {
  if (value === undefined || value === null) return null;
  if (typeof value === "number") return Number.isInteger(value) ? value : Number(value.toFixed(2));
  return value;
}

function formatBytes(n: number): string {
  return n < 1024
    ? `${n} B`
    : n < 1024 * 1024
      ? `${(n / 1024).toFixed(1)} KB`
      : `${(n / 1024 / 1024).toFixed(1)} MB`;
}
