import type { ReplyChart } from "../../bot/reply";
import { DISCORD_LIMITS as L } from "./discord-limits";
import { oneLine, truncate } from "./discord-text";

/** A file uploaded with the message; an embed shows it as `attachment://<name>`. */
export interface DiscordFile {
  name: string;
  data: Buffer;
  /** Alt text, read by screen readers. */
  description: string;
}

export interface AttachedChart {
  chart: ReplyChart;
  file: DiscordFile;
}

export interface DescribedChart {
  chart: ReplyChart;
  /** Why there is no picture: `render failed`, `over 10 MiB`, `too many charts`, … */
  reason: string;
}

export interface ChartAttachments {
  attached: AttachedChart[];
  described: DescribedChart[];
}

/**
 * Chooses which chart PNGs travel as attachments: rendered ones, within Discord's per-file size
 * and per-message count (at most `max`, by default one per embed). The others are described in
 * words by the renderer, so the answer stays complete. File names are the chart ids made safe
 * for `attachment://` references (letters, digits, `-`, `_`) and unique within the message.
 *
 * @example chartAttachments([roiChart]).attached[0].file.name // "roi-ranking.png"
 */
export function chartAttachments(
  charts: readonly ReplyChart[],
  max: number = L.embedsPerMessage,
): ChartAttachments {
  const attached: AttachedChart[] = [];
  const described: DescribedChart[] = [];
  const names = new Set<string>();
  for (const chart of charts) {
    if (!chart.png || chart.renderError) {
      described.push({ chart, reason: chart.renderError ? "render failed" : "not rendered" });
    } else if (chart.png.length > L.fileBytes) {
      described.push({ chart, reason: "over 10 MiB" });
    } else if (attached.length >= Math.min(max, L.filesPerMessage)) {
      described.push({ chart, reason: "too many charts for one message" });
    } else {
      const name = uniqueName(chart.id, names);
      names.add(name);
      attached.push({
        chart,
        file: {
          name,
          data: chart.png,
          description: truncate(
            oneLine(chart.altText) || oneLine(chart.title) || chart.id,
            L.attachmentDescription,
          ),
        },
      });
    }
  }
  return { attached, described };
}

function uniqueName(id: string, taken: ReadonlySet<string>): string {
  const stem =
    id
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "chart";
  let name = `${stem}.png`;
  for (let n = 2; taken.has(name); n += 1) name = `${stem}-${n}.png`;
  return name;
}
