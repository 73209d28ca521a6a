/**
 * One realistic chart of each kind, shared by the chart benchmark and for eyeballing the output:
 *
 *   npx tsx bench/charts-samples.ts [dir]   # writes <dir>/<id>.png (default /tmp/adpulse-charts)
 *                                           # and prints the terminal rendering of each
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ReplyChart } from "../src/bot/reply";
import {
  comparisonBarChart,
  doughnutChart,
  gaugeChart,
  rankingBarChart,
  scatterChart,
  trendLineChart,
} from "../src/charts/builders/index";
import { count, money, percent } from "../src/charts/measure";
import { createChartRasterizer } from "../src/charts/rasterizer";
import { renderChartForTerminal } from "../src/charts/terminal";

export type SampleKind = "ranking" | "comparison" | "trend" | "scatter" | "doughnut" | "gauge";

const days = Array.from({ length: 30 }, (_, i) => `2024-05-${String(i + 1).padStart(2, "0")}`);
const wave = (base: number, amp: number, phase: number) =>
  days.map((_, i) => Math.round(base + amp * Math.sin(i / 4 + phase) + i * 3));

export function sampleCharts(): Record<SampleKind, ReplyChart> {
  return {
    ranking: rankingBarChart({
      id: "roi-ranking",
      title: "ROI by campaign, last 30 days",
      category: "Campaign",
      measure: percent("ROI"),
      items: [
        { label: "Summer sale – retargeting", value: 240.4 },
        { label: "Brand search", value: 131.2 },
        { label: "Lookalike 3 %", value: 64.9 },
        { label: "Spring launch", value: 12.3 },
        { label: "TikTok creators", value: -8.5 },
        { label: "LinkedIn lead gen", value: -35.1 },
        { label: "Display prospecting", value: null },
      ],
    }),
    comparison: comparisonBarChart({
      id: "platform-comparison",
      title: "Platforms compared, last 30 days",
      groupTitle: "Platform",
      groups: ["facebook", "instagram", "tiktok", "google", "linkedin"],
      metrics: [
        { measure: percent("CTR"), values: [1.4, 1.1, 2.3, 4.2, 0.6] },
        { measure: percent("Conversion rate"), values: [3.1, 2.4, 1.2, 5.6, 2.9] },
      ],
    }),
    trend: trendLineChart({
      id: "spend-trend",
      title: "Daily spend, May 2024",
      granularity: "day",
      measure: money("Spend", "USD"),
      labels: days,
      series: [
        { name: "facebook", values: wave(420, 80, 0) },
        { name: "google", values: wave(610, 60, 1.5).map((v, i) => (i === 12 ? null : v)) },
        { name: "tiktok", values: wave(180, 40, 3) },
        {
          name: "Budget pace",
          values: days.map((_, i) => 1300 + i * 10),
          dashed: true,
          color: "#7B8794",
        },
      ],
    }),
    scatter: scatterChart({
      id: "spend-vs-roi",
      title: "Spend vs ROI per campaign, last 30 days",
      x: money("Spend", "USD"),
      y: percent("ROI"),
      points: [
        { label: "Summer sale", x: 4200, y: 240, group: "facebook" },
        { label: "Lookalike 3 %", x: 2600, y: 65, group: "facebook" },
        { label: "Stories reach", x: 1800, y: 22, group: "instagram" },
        { label: "Creators", x: 3100, y: -8, group: "tiktok" },
        { label: "Brand search", x: 5200, y: 131, group: "google" },
        { label: "Display", x: 2200, y: 4, group: "google" },
        { label: "Lead gen", x: 3900, y: -35, group: "linkedin" },
        { label: "No spend yet", x: 0, y: null, group: "linkedin" },
      ],
    }),
    doughnut: doughnutChart({
      id: "spend-share",
      title: "Spend by platform, last 30 days",
      measure: money("Spend", "USD"),
      slices: [
        { label: "facebook", value: 12600 },
        { label: "instagram", value: 5400 },
        { label: "tiktok", value: 6100 },
        { label: "google", value: 18300 },
        { label: "linkedin", value: 3900 },
      ],
    }),
    gauge: gaugeChart({
      id: "conversions-target",
      title: "Conversions vs May target",
      measure: count("Conversions"),
      value: 420,
      target: 600,
    }),
  };
}

async function main(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const charts = await createChartRasterizer().renderAll(Object.values(sampleCharts()));
  for (const chart of charts) {
    if (!chart.png) throw new Error(`${chart.id}: ${chart.renderError}`);
    const file = join(dir, `${chart.id}.png`);
    await writeFile(file, chart.png);
    console.log(`${file} (${chart.width}×${chart.height}, ${chart.png.length} bytes)`);
    console.log(`alt: ${chart.altText}\n`);
    console.log(`${renderChartForTerminal(chart, 72)}\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await main(process.argv[2] ?? "/tmp/adpulse-charts");
}
