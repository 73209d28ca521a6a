import type { Reply, ReplyField } from "../bot/reply";
import { formatCount } from "../core/format";
import { formatIssue, type ImportIssue } from "./issues";
import type { ImportKind } from "./kinds";
import type { WriteCounts } from "./writers/write-counts";

export type ImportStatus = "imported" | "dry_run" | "invalid";

/**
 * What an import did, as data: the CLI prints it (or its JSON), chat adapters show it through
 * {@link summaryReply}. A contract for scripts (`adpulse import … --json`).
 */
export interface ImportSummary {
  status: ImportStatus;
  kind: ImportKind | null;
  tenantId: string;
  file: string | null;
  /** How the file was read; null when it could not be read at all. */
  format: {
    delimiter: string;
    encoding: string;
    bom: boolean;
    headerLine: number;
    preambleLines: number;
    decimal: "." | ",";
    decimalFrom: "sample" | "default";
    dayOrder: "mdy" | "dmy";
    dayOrderFrom: "sample" | "option" | "default";
    currency: string | null;
  } | null;
  /** Every column: its letter, header and the field it was imported as (null: ignored). */
  columns: { column: string; header: string; field: string | null; note?: string }[];
  rows: {
    /** Data rows in the file (header, empty and total rows excluded). */
    read: number;
    skipped: { total: number; empty: number };
    /** Rows added up into another (breakdown sub-rows). */
    merged: number;
  };
  counts: WriteCounts;
  /** Campaign imports: campaigns created / renamed or re-typed, audience rows written. */
  campaigns?: { created: number; updated: number };
  audienceRows?: number;
  period: { from: string; to: string } | null;
  /** Kind-specific facts: export recognised, date source, journey shape. */
  facts: Record<string, string | boolean | string[]>;
  notes: string[];
  /** The first 20 problems, by line. */
  errors: ImportIssue[];
  errorCount: number;
  ms: number;
}

const KIND_NOUN: Readonly<Record<ImportKind, string>> = {
  campaigns: "campaign-day",
  journeys: "journey",
  influencers: "influencer",
  posts: "post",
  users: "user",
  "user-events": "event",
};

function rows(kind: ImportKind | null, n: number, shape?: unknown): string {
  let noun = kind ? KIND_NOUN[kind] : "row";
  if (kind === "journeys") noun = shape === "path-level" ? "path" : "touchpoint";
  return `${formatCount(n)} ${noun} row${n === 1 ? "" : "s"}`;
}

/**
 * The summary as a Reply, the same on every surface. Failed imports are private to whoever
 * imported (they list the problems to fix); successful ones are posted for the channel to see.
 *
 * @example summaryReply(summary).title // "Imported 1,250 campaign-day rows from meta.csv"
 */
export function summaryReply(summary: ImportSummary): Reply {
  const file = summary.file ? ` from ${summary.file}` : "";
  const written = summary.counts.inserted + summary.counts.updated + summary.counts.unchanged;
  const shape = summary.facts.shape;
  const fields: ReplyField[] = [];
  const lines: string[] = [];

  if (summary.status === "invalid") {
    const n = summary.errorCount;
    lines.push(
      `**Nothing was imported**: fix ${n === 1 ? "this problem" : `these ${formatCount(n)} problems`} and import the file again.`,
    );
    for (const error of summary.errors) lines.push(`- ${formatIssue(error)}`);
    if (n > summary.errors.length)
      lines.push(`- …and ${formatCount(n - summary.errors.length)} more`);
  } else {
    const c = summary.counts;
    fields.push(
      { label: "Inserted", value: formatCount(c.inserted) },
      { label: "Updated", value: formatCount(c.updated) },
      { label: "Unchanged", value: formatCount(c.unchanged) },
    );
    if (summary.period)
      fields.push({ label: "Period", value: `${summary.period.from} → ${summary.period.to}` });
    if (summary.campaigns) {
      fields.push({ label: "Campaigns created", value: formatCount(summary.campaigns.created) });
      if (summary.campaigns.updated)
        fields.push({ label: "Campaigns updated", value: formatCount(summary.campaigns.updated) });
    }
    if (summary.audienceRows)
      fields.push({ label: "Audience rows", value: formatCount(summary.audienceRows) });
    if (summary.status === "dry_run")
      lines.push("**Dry run**: the file is valid; nothing was written.");
  }

  const mapped = summary.columns.filter((c) => c.field);
  const ignored = summary.columns.filter((c) => !c.field && c.header !== "");
  if (mapped.length) {
    lines.push(`Columns: ${mapped.map((c) => `${c.header} → \`${c.field}\``).join(", ")}.`);
  }
  if (ignored.length)
    lines.push(
      `Ignored: ${ignored.map((c) => (c.note ? `${c.header} (${c.note})` : c.header)).join(", ")}.`,
    );
  const read = summary.format;
  const skipped = summary.rows.skipped;
  const extra = [
    skipped.total
      ? `${formatCount(skipped.total)} total row${skipped.total === 1 ? "" : "s"} skipped`
      : "",
    summary.rows.merged ? `${formatCount(summary.rows.merged)} breakdown rows added up` : "",
  ].filter(Boolean);
  if (extra.length) lines.push(`${capitalize(extra.join(", "))}.`);
  for (const note of summary.notes) lines.push(`- ${note}`);

  const title =
    summary.status === "invalid"
      ? `Nothing imported${file}: ${formatCount(summary.errorCount)} problem${summary.errorCount === 1 ? "" : "s"}`
      : summary.status === "dry_run"
        ? `Dry run: ${rows(summary.kind, written, shape)} would import${file}`
        : `Imported ${rows(summary.kind, written, shape)}${file}`;

  const context = read
    ? [
        `${describeDelimiter(read.delimiter)}-separated`,
        read.decimal === "," ? "decimal commas" : "decimal points",
        read.dayOrder === "dmy" ? "day/month dates" : "month/day dates",
        summary.facts.export ? `${summary.facts.export} export` : "",
        read.currency ? `amounts in ${read.currency}` : "",
        `${summary.ms} ms`,
      ]
        .filter(Boolean)
        .join(" · ")
    : undefined;

  return {
    title,
    text: lines.join("\n"),
    fields,
    ...(context ? { context } : {}),
    tone: summary.status === "invalid" ? "bad" : "good",
    ephemeral: summary.status !== "imported",
    data: {
      import: summary,
      ...(summary.status === "invalid"
        ? {
            error: {
              code: "invalid_import",
              message: `${summary.errorCount} problems`,
              hints: summary.errors.map(formatIssue),
            },
          }
        : {}),
    },
  };
}

function describeDelimiter(delimiter: string): string {
  return (
    { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" }[delimiter] ?? `"${delimiter}"`
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
