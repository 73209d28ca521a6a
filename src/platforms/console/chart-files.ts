import { mkdir, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import type { Reply } from "../../bot/reply";

/**
 * Writes each rendered chart of a reply as `<prefix><id>.png` in `dir`, and each attached file
 * (an export) under its own name; returns chart id → path, and `file:<name>` → path for files.
 * Charts that failed to render are skipped (the reply says so).
 */
export async function writeChartFiles(
  reply: Reply,
  dir: string,
  prefix = "",
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const charts = (reply.charts ?? []).filter((c) => c.png);
  const attached = reply.files ?? [];
  if (charts.length === 0 && attached.length === 0) return files;
  await mkdir(dir, { recursive: true });
  for (const chart of charts) {
    const path = resolve(join(dir, `${prefix}${chart.id}.png`));
    await writeFile(path, chart.png as Buffer);
    files.set(chart.id, path);
  }
  for (const file of attached) {
    // basename only: a file name never chooses the folder.
    const path = resolve(join(dir, `${prefix}${basename(file.name)}`));
    await writeFile(path, file.content);
    files.set(`file:${file.name}`, path);
  }
  return files;
}
