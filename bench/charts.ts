/**
 * Chart rendering benchmark (not part of the test suite):
 *
 *   npx tsx bench/charts.ts [renders-per-kind=30] [memory-renders=300]
 *
 * Prints, per chart kind at 1000×500: total render time (draw + PNG encode) and the part of it
 * that blocked the event loop (chart.js drawing; encoding runs on the libuv pool), as
 * mean / p50 / p95 ms; the worst event-loop stall seen by a monitor; and RSS before and after a
 * long run of renders, to check memory stays flat.
 */
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import type { ReplyChart } from "../src/bot/reply";
import { type ChartRenderTiming, createChartRasterizer } from "../src/charts/rasterizer";
import { type SampleKind, sampleCharts } from "./charts-samples";

const perKind = Number(process.argv[2] ?? 30);
const memoryRenders = Number(process.argv[3] ?? 300);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (value: number) => value.toFixed(1).padStart(6);

function stats(values: readonly number[]): { mean: number; p50: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { mean: values.reduce((a, b) => a + b, 0) / values.length, p50: at(0.5), p95: at(0.95) };
}

let last: ChartRenderTiming | undefined;
const rasterizer = createChartRasterizer({
  onRender: (timing) => {
    last = timing;
  },
});
const charts = sampleCharts();
const kinds = Object.keys(charts) as SampleKind[];

async function timed(chart: ReplyChart): Promise<ChartRenderTiming> {
  last = undefined;
  await rasterizer.render(chart);
  if (!last) throw new Error(`no timing for ${chart.id}`);
  return last;
}

const rssStart = process.memoryUsage().rss;

// Cold start: font registration, chart.js registration and Skia warm-up land on the first chart.
const coldStart = performance.now();
await rasterizer.render(charts.ranking);
const coldMs = performance.now() - coldStart;
for (const kind of kinds) await rasterizer.render(charts[kind]);

console.log(
  `node ${process.version}, ${perKind} renders per kind at 1000×500 (first render, cold: ${coldMs.toFixed(0)} ms)\n`,
);
console.log(
  "kind          total mean   p50    p95 | draw (loop blocked) mean   p50    p95 | PNG bytes",
);
const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();
const allDraw: number[] = [];
const allTotal: number[] = [];
for (const kind of kinds) {
  const chart = charts[kind];
  const timings: ChartRenderTiming[] = [];
  for (let i = 0; i < perKind; i++) timings.push(await timed(chart));
  const total = stats(timings.map((t) => t.totalMs));
  const draw = stats(timings.map((t) => t.drawMs));
  allDraw.push(...timings.map((t) => t.drawMs));
  allTotal.push(...timings.map((t) => t.totalMs));
  const bytes = (await rasterizer.render(chart)).length;
  console.log(
    `${kind.padEnd(12)} ${ms(total.mean)} ${ms(total.p50)} ${ms(total.p95)} |` +
      `                     ${ms(draw.mean)} ${ms(draw.p50)} ${ms(draw.p95)} | ${bytes}`,
  );
}
loop.disable();
const drawShare = allDraw.reduce((a, b) => a + b, 0) / allTotal.reduce((a, b) => a + b, 0);
console.log(
  `\nall kinds: draw (event loop blocked) is ${(drawShare * 100).toFixed(0)} % of render time;` +
    ` worst event-loop stall seen by monitorEventLoopDelay: ${(loop.max / 1e6).toFixed(1)} ms`,
);

const rssBefore = process.memoryUsage().rss;
let rssPeak = rssBefore;
const memoryStart = performance.now();
for (let i = 0; i < memoryRenders; i++) {
  await rasterizer.render(charts[kinds[i % kinds.length] as SampleKind]);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
}
const memorySeconds = (performance.now() - memoryStart) / 1000;
const rssAfter = process.memoryUsage().rss;
console.log(
  `\nRSS: ${mb(rssStart)} at start, ${mb(rssBefore)} before ${memoryRenders} renders, ` +
    `${mb(rssAfter)} after (peak ${mb(rssPeak)}); ${(memoryRenders / memorySeconds).toFixed(1)} charts/s sequentially`,
);
