/**
 * Invocation → rendered Reply for `roi` and `kpis` over 90 days on a store of 1,000,000 daily
 * metric rows (2,000 campaigns × 500 days), on SQLite (and PostgreSQL when BENCH_DATABASE_URL is
 * set). Goal (issue: bot foundation): p95 under 300 ms. Run: `npx tsx bench/commands.ts`.
 */
import commands from "../commands/index";
import { fixedClock, sequentialIds } from "../src/bot/clock";
import { createDispatcher } from "../src/bot/dispatcher";
import { createChartRasterizer } from "../src/charts/rasterizer";
import { addDays, isoWeekday } from "../src/core/days";
import { createRng } from "../src/core/random";
import { silentLogger } from "../src/logger";
import { CAMPAIGN_TYPES, type DailyMetricRow, PLATFORMS } from "../src/store/schema";
import { openBenchStore } from "./bench-store";

const CAMPAIGNS = Number(process.env.BENCH_CAMPAIGNS ?? 2000);
const DAYS = Number(process.env.BENCH_DAYS ?? 500);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const END = "2026-11-22";
const TENANT = "bench";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function main() {
  const bench = await openBenchStore();
  const { store } = bench;
  const now = new Date(`${END}T12:00:00Z`);
  await store.tenants.ensure({ id: TENANT, name: "Bench", timezone: "UTC", currency: "USD" }, now);

  const t0 = performance.now();
  const rng = createRng(7);
  const start = addDays(END, -(DAYS - 1));
  await store.campaigns.upsertMany(
    Array.from({ length: CAMPAIGNS }, (_, i) => ({
      tenant_id: TENANT,
      id: `c${i}`,
      name: `Campaign ${String(i).padStart(4, "0")}`,
      platform: PLATFORMS[i % PLATFORMS.length] as (typeof PLATFORMS)[number],
      type: CAMPAIGN_TYPES[i % CAMPAIGN_TYPES.length] as (typeof CAMPAIGN_TYPES)[number],
      start_date: start,
      end_date: null,
      budget: 100_000,
      target_conversions: 1000,
      status: "active" as const,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })),
  );
  // A week of days per transaction, so each weekly rollup row is written once.
  let rows: DailyMetricRow[] = [];
  for (let d = 0; d < DAYS; d++) {
    const day = addDays(start, d);
    for (let c = 0; c < CAMPAIGNS; c++) {
      const impressions = Math.round(5000 + rng.next() * 20000);
      const clicks = Math.round(impressions * (0.005 + rng.next() * 0.015));
      const conversions = Math.round(clicks * (0.02 + rng.next() * 0.03));
      const spend = clicks * (0.5 + rng.next() * 1.5);
      rows.push({
        tenant_id: TENANT,
        campaign_id: `c${c}`,
        day,
        spend,
        impressions,
        reach: Math.round(impressions * 0.7),
        clicks,
        engagements: clicks * 2,
        conversions,
        revenue: conversions * (20 + rng.next() * 60),
      });
    }
    if (isoWeekday(day) === 7 || d === DAYS - 1) {
      const batch = rows;
      await store.transaction((trx) => trx.metrics.upsertDaily(batch));
      rows = [];
    }
  }
  const loadSeconds = (performance.now() - t0) / 1000;

  const rasterizer = createChartRasterizer();
  const chartTimes = new Map<string, number[]>();
  const timedRasterizer = {
    async renderAll(charts: Parameters<typeof rasterizer.renderAll>[0]) {
      const out = [];
      for (const chart of charts) {
        const s = performance.now();
        const [done] = await rasterizer.renderAll([chart]);
        const list = chartTimes.get(chart.id) ?? [];
        list.push(performance.now() - s);
        chartTimes.set(chart.id, list);
        if (done) out.push(done);
      }
      return out;
    },
  };
  const dispatcher = createDispatcher({
    store,
    commands,
    rasterizer: timedRasterizer,
    clock: fixedClock(now.toISOString()),
    ids: sequentialIds(),
    log: silentLogger(),
    defaultTimezone: "UTC",
  });

  const { engine } = bench;
  console.log(
    `store: ${engine}, ${CAMPAIGNS} campaigns × ${DAYS} days = ${CAMPAIGNS * DAYS} daily rows (loaded in ${loadSeconds.toFixed(1)} s)`,
  );
  for (const text of ["roi last 90d", "kpis last 90d"]) {
    const times: number[] = [];
    for (let i = 0; i < RUNS + 3; i++) {
      const s = performance.now();
      const reply = await dispatcher.dispatch({
        platform: "console",
        tenantId: TENANT,
        userId: "bench",
        text,
      });
      if (reply.data.error) throw new Error(`${text}: ${JSON.stringify(reply.data.error)}`);
      if (i >= 3) times.push(performance.now() - s); // the first runs warm caches and the JIT
    }
    times.sort((a, b) => a - b);
    console.log(
      `${text.padEnd(14)} invocation → rendered reply: p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms, max ${times.at(-1)?.toFixed(0)} ms (${RUNS} runs)`,
    );
  }
  for (const [id, times] of chartTimes) {
    times.sort((a, b) => a - b);
    console.log(
      `chart ${id.padEnd(14)} render: p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms`,
    );
  }
  await bench.dispose();
}

await main();
