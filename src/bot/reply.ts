import type { ChartConfiguration } from "chart.js";

/** How a figure moved: adapters colour it (Discord embed colour, Slack emoji). */
export type Tone = "good" | "bad" | "neutral";

/** One labelled figure, e.g. `{ label: "ROI", value: "142.3 %" }`. */
export interface ReplyField {
  label: string;
  value: string;
  tone?: Tone;
}

export type TableCell = string | number | null;

export interface ReplyTable {
  columns: string[];
  rows: TableCell[][];
}

/**
 * A chart as data. Commands build `config` (pure chart.js configuration); the dispatcher
 * rasterizes it once into `png` before any adapter sees the reply.
 */
export interface ReplyChart {
  /** Stable file stem, e.g. `roi-ranking`. */
  id: string;
  title: string;
  /** Alternative text: what the chart shows, for screen readers and text-only surfaces. */
  altText: string;
  config: ChartConfiguration;
  width: number;
  height: number;
  png?: Buffer;
  /** Set when rendering failed: the reply still goes out without the image. */
  renderError?: string;
}

/**
 * A file that goes with an answer (a CSV export). Adapters attach it where the platform can
 * (Slack files v2, Discord attachments); the console writes it next to its charts.
 */
export interface ReplyFile {
  /** File name shown to the user, e.g. `roi-2026-10-24-2026-11-22.csv`. */
  name: string;
  contentType: string;
  content: Buffer;
  /** One line on what it holds (alt text on Discord, title on Slack). */
  description: string;
}

export interface ReplyAction {
  /** Opaque id routed back to the command's action handler (never trusted for amounts). */
  id: string;
  label: string;
  style?: "primary" | "danger";
  value: string;
}

/**
 * What every command returns: plain data that each platform adapter renders within its limits.
 * `text` is markdown with `**bold**`, `_italic_`, `` `code` `` and `- ` lists only, which every
 * surface can show.
 */
export interface Reply {
  title: string;
  text?: string;
  fields?: ReplyField[];
  table?: ReplyTable;
  charts?: ReplyChart[];
  /** Files to attach (exports); not shown in private answers, which cannot carry files. */
  files?: ReplyFile[];
  actions?: ReplyAction[];
  /** A footer line: period, filters, data freshness. */
  context?: string;
  tone?: Tone;
  /** Only the invoking user sees it (user errors, help). */
  ephemeral?: boolean;
  /** Machine-readable figures behind what is shown (a contract: see DESIGN.md). */
  data: Record<string, unknown>;
}
