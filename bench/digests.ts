import { performance } from "node:perf_hooks";
import digest from "../jobs/digest";
import { randomIds, systemClock } from "../src/bot/clock";
import type { Reply } from "../src/bot/reply";
import { createChartRasterizer } from "../src/charts/rasterizer";
import { silentLogger } from "../src/logger";
import { buildDigest } from "../src/reports/digest-report";
import { ChannelPacer, realSleep } from "../src/scheduler/channel-pacer";
import type { ChannelPoster } from "../src/scheduler/channel-poster";
import type { JobDependencies } from "../src/scheduler/slot-job";
import type { SubscriptionOptions } from "../src/store/schema";
import { seedDemo } from "../src/store/seed-demo";
import { openBenchStore } from "./bench-store";

const positional = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const total = Number(positional[0] ?? 1000);
const tenantCount = Number(positional[1] ?? 5);
const useSlack = process.argv.includes("--slack");
const SLOT = new Date("2026-11-23T08:00:00.000Z"); // 09:00 Paris; demo data ends 2026-11-22

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
const f = (n: number, digits = 1) => n.toFixed(digits);

const VARIANTS: SubscriptionOptions[] = [
  {},
  { platform: "facebook" },
  { type: "conversion" },
  { metric: "cpa" },
  { platform: "google", metric: "roas" },
];

const instantPoster: ChannelPoster = {
  platform: "slack",
  minIntervalMs: 0,
  post: async (_channel: string, reply: Reply) => ({
    messageId: "m",
    chartsShown: (reply.charts ?? []).filter((c) => c.png).length,
  }),
  notifyUser: async () => ({ messageId: "n", chartsShown: 0 }),
};

async function main() {
  const bench = await openBenchStore();
  const { store } = bench;
  let closeSlack = async () => {};
  try {
    process.stdout.write(`Seeding ${tenantCount} demo tenants and ${total} subscriptions…\n`);
    const tenants = Array.from({ length: tenantCount }, (_, i) => `slack:TBENCH${i}`);
    for (const id of tenants) await seedDemo(store, id, new Date("2026-11-22T10:00:00Z"));
    for (let i = 0; i < total; i += 1) {
      await store.subscriptions.create({
        id: `dg-bench-${String(i).padStart(5, "0")}`,
        tenant_id: tenants[i % tenantCount] as string,
        kind: "digest",
        platform: "slack",
        channel_id: `C${String(i).padStart(6, "0")}`,
        owner_id: "slack:U0BENCH",
        cadence: "daily",
        time: "09:00",
        day: null,
        timezone: "Europe/Paris",
        options: JSON.stringify(VARIANTS[i % VARIANTS.length]),
        late_policy: "once",
        paused: 0,
        active_from: "2026-11-01T00:00:00.000Z",
        created_at: "2026-11-01T00:00:00.000Z",
        updated_at: "2026-11-01T00:00:00.000Z",
      });
    }

    let poster = instantPoster;
    if (useSlack) {
      const { startSlackApiStandin } = await import("../test/support/slack-api-standin");
      const { createSlackChannelPoster } = await import(
        "../src/platforms/slack/slack-channel-poster"
      );
      const slack = await startSlackApiStandin();
      poster = createSlackChannelPoster({
        botToken: slack.botToken,
        apiUrl: slack.apiUrl,
        log: silentLogger(),
      });
      closeSlack = () => slack.close();
    }

    let chartWallMs = 0;
    let charts = 0;
    const rasterizer = createChartRasterizer({
      onRender: (t) => {
        chartWallMs += t.totalMs;
        charts += 1;
      },
    });
    const deps: JobDependencies = {
      store,
      clock: systemClock,
      ids: randomIds,
      log: silentLogger(),
      rasterizer,
      posters: { slack: poster },
      owner: "bench:1:x",
      pacer: new ChannelPacer(systemClock, realSleep),
    };

    // 1. The whole job for one slot.
    const rssBefore = process.memoryUsage().rss;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const summary = await digest.run(deps, SLOT);
    const wall = performance.now() - t0;
    const cpu = cpuMs(process.cpuUsage(cpu0));
    const rssAfter = process.memoryUsage().rss;

    // 2. The report alone (queries, KPIs, ranking, anomalies, recommendations), sequentially.
    const subs = (await store.subscriptions.listActive("digest", ["slack"])).slice(0, 200);
    const reportCpu0 = process.cpuUsage();
    const reportT0 = performance.now();
    let lastReply: Reply | undefined;
    for (const s of subs) {
      const tenant = await store.tenants.get(s.tenant_id);
      if (!tenant) continue;
      const ctx = {
        store,
        tenant,
        user: { id: s.owner_id },
        platform: "slack" as const,
        clock: systemClock,
        ids: randomIds,
        log: silentLogger(),
      };
      const options = JSON.parse(s.options) as SubscriptionOptions;
      lastReply = await buildDigest(ctx, {
        cadence: "daily",
        slot: SLOT,
        timezone: s.timezone,
        options,
      });
    }
    const reportCpu = cpuMs(process.cpuUsage(reportCpu0)) / subs.length;
    const reportWall = (performance.now() - reportT0) / subs.length;

    // 3. The chart alone, sequentially.
    const jobCharts = charts;
    const jobChartWallMs = chartWallMs;
    const chart = lastReply?.charts?.[0];
    let chartCpu = 0;
    if (chart) {
      const chartCpu0 = process.cpuUsage();
      for (let i = 0; i < 50; i += 1) await rasterizer.render(chart);
      chartCpu = cpuMs(process.cpuUsage(chartCpu0)) / 50;
    }

    // 4. A scheduler tick when nothing is due (every minute, all day long).
    const ticks = 20;
    const tickCpu0 = process.cpuUsage();
    const tickT0 = performance.now();
    for (let i = 1; i <= ticks; i += 1)
      await digest.run(deps, new Date(SLOT.getTime() + i * 60_000));
    const tickWall = (performance.now() - tickT0) / ticks;
    const tickCpu = cpuMs(process.cpuUsage(tickCpu0)) / ticks;

    process.stdout.write(
      [
        "",
        `digest job: ${total} subscriptions over ${tenantCount} tenants, ${useSlack ? "Slack stand-in (HTTP, files v2 upload)" : "instant poster"}, pacing removed`,
        `  sent ${summary.sent}, failed ${summary.failed}, charts rendered ${jobCharts} (${f(jobChartWallMs / Math.max(1, jobCharts))} ms wall each, in parallel)`,
        `  total wall time          ${f(wall / 1000, 2)} s (${f(wall / total)} ms per digest; 4 runs at a time)`,
        `  CPU time per digest      ${f(cpu / total)} ms (user + system, all threads), of which:`,
        `    report alone           ${f(reportCpu)} ms CPU (${f(reportWall)} ms wall, 200 sampled)`,
        `    chart alone            ${f(chartCpu)} ms CPU (${chart?.width}×${chart?.height}, draw + PNG encode)`,
        `    ledger, delivery, etc. ${f(cpu / total - reportCpu - chartCpu)} ms CPU (the rest)`,
        `  RSS                      ${Math.round(rssBefore / 2 ** 20)} → ${Math.round(rssAfter / 2 ** 20)} MB`,
        `scheduler tick, nothing due, ${total} subscriptions: ${f(tickWall)} ms wall, ${f(tickCpu)} ms CPU`,
        "",
      ].join("\n"),
    );
  } finally {
    await closeSlack();
    await bench.dispose();
  }
}

await main();
