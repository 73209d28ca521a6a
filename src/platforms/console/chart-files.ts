import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Reply } from "../../bot/reply";

/**
 * Writes each rendered chart of a reply as `<prefix><id>.png` in `dir`; returns chart id → path.
 * Charts that failed to render are skipped (the reply says so).
 */
export async function writeChartFiles(
  reply: Reply,
  dir: string,
  prefix = "",
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const charts = (reply.charts ?? []).filter((c) => c.png);
  if (charts.length === 0) return files;
  await mkdir(dir, { recursive: true });
  for (const chart of charts) {
    const path = resolve(join(dir, `${prefix}${chart.id}.png`));
    await writeFile(path, chart.png as Buffer);
    files.set(chart.id, path);
  }
  return files;
}
