/**
 * `adpulse import campaigns` on 1,000,000 rows (2,000 campaigns × 500 days, Meta Ads Manager
 * headers) into a fresh SQLite file: rows/s, peak RSS growth during the import, and the same
 * rows through a raw better-sqlite3 prepared-insert loop in one transaction (the floor any
 * import pays for this schema: primary key, covering index and foreign key per row).
 * Goal (issue: data import): ≥ 100,000 rows/s and RSS growth < 200 MB.
 *
 * Run: `npx tsx bench/import.ts`. Knobs: BENCH_CAMPAIGNS, BENCH_DAYS, BENCH_PARALLEL=0 (parse
 * on the main thread), BENCH_REIMPORT=1 (also time re-importing the same file: all unchanged).
 */

import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { fixedClock } from "../src/bot/clock";
import { addDays } from "../src/core/days";
import { importFromFile } from "../src/import/run-import";
import { openStore } from "../src/store/store";

const CAMPAIGNS = Number(process.env.BENCH_CAMPAIGNS ?? 2000);
const DAYS = Number(process.env.BENCH_DAYS ?? 500);
const PARALLEL = process.env.BENCH_PARALLEL !== "0";
const END = "2026-11-20";
const TENANT = "bench";
const HEADER = [
  "Campaign ID",
  "Campaign name",
  "Day",
  "Amount spent (USD)",
  "Impressions",
  "Reach",
  "Link clicks",
  "Post engagements",
  "Results",
  "Purchase conversion value",
];

/** The figures of one campaign-day, the same for the CSV and the raw loop. */
function figures(c: number, d: number): [number, number, number, number, number, number, number] {
  const impressions = 5000 + ((c * 7919 + d * 104729) % 20000);
  const clicks = Math.floor(impressions * (0.005 + (c % 13) / 1000));
  const spend = Math.round(clicks * (40 + (c % 37))) / 100;
  const conversions = Math.floor(clicks * (0.01 + (d % 5) / 100));
  return [
    spend,
    impressions,
    Math.floor(impressions * 0.8),
    clicks,
    clicks * 2,
    conversions,
    Math.round(conversions * 4599) / 100,
  ];
}

async function writeCsv(path: string, days: string[]): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${HEADER.map((h) => `"${h}"`).join(",")}\n`);
  for (let d = 0; d < days.length; d++) {
    let chunk = "";
    for (let c = 0; c < CAMPAIGNS; c++) {
      const f = figures(c, d);
      chunk += `cmp-${c},"Campaign ${c} — ${c % 3 === 0 ? "Prospecting" : "Retargeting"}",${days[d]},${f.join(",")}\n`;
    }
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "adpulse-import-bench-"));
  const days = Array.from({ length: DAYS }, (_, i) => addDays(END, i - DAYS + 1));
  const rows = CAMPAIGNS * DAYS;
  const csv = join(dir, "meta-1m.csv");
  let t = performance.now();
  await writeCsv(csv, days);
  console.log(
    `generated ${rows.toLocaleString("en-US")} rows (${(statSync(csv).size / 1e6).toFixed(0)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  // ---- adpulse import ----------------------------------------------------------------------
  const store = await openStore(`sqlite:${join(dir, "import.db")}`);
  const clock = fixedClock(`${END}T12:00:00Z`);
  const tenant = await store.tenants.ensure(
    { id: TENANT, name: "Bench", timezone: "UTC", currency: "USD" },
    clock.now(),
  );
  const ctx = { store, tenant, user: { id: "local:bench" }, clock, managers: [] };
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  t = performance.now();
  const summary = await importFromFile(ctx, "campaigns", csv, {
    platform: "facebook",
    parallel: PARALLEL,
  });
  const importMs = performance.now() - t;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  if (summary.status !== "imported" || summary.counts.inserted !== rows) {
    throw new Error(
      `import did not insert every row: ${JSON.stringify({ status: summary.status, counts: summary.counts, errors: summary.errors.slice(0, 3) })}`,
    );
  }
  const weekly = await store.db
    .selectFrom("campaign_weekly_metrics")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const importRate = rows / (importMs / 1000);
  console.log(
    `import:  ${(importMs / 1000).toFixed(2)} s, ${Math.round(importRate).toLocaleString("en-US")} rows/s, peak RSS +${((peak - baseline) / 1e6).toFixed(0)} MB (${PARALLEL ? "parsing on a worker thread" : "parsing on the main thread"}); ${Number(weekly.n).toLocaleString("en-US")} weekly rollup rows`,
  );

  if (process.env.BENCH_REIMPORT === "1") {
    t = performance.now();
    const again = await importFromFile(ctx, "campaigns", csv, {
      platform: "facebook",
      parallel: PARALLEL,
    });
    const ms = performance.now() - t;
    console.log(
      `re-import: ${(ms / 1000).toFixed(2)} s, ${Math.round(rows / (ms / 1000)).toLocaleString("en-US")} rows/s (${JSON.stringify(again.counts)})`,
    );
  }
  await store.close();

  // ---- raw better-sqlite3 loop -------------------------------------------------------------
  const rawStore = await openStore(`sqlite:${join(dir, "raw.db")}`);
  await rawStore.tenants.ensure(
    { id: TENANT, name: "Bench", timezone: "UTC", currency: "USD" },
    clock.now(),
  );
  await rawStore.campaigns.upsertMany(
    Array.from({ length: CAMPAIGNS }, (_, c) => ({
      tenant_id: TENANT,
      id: `cmp-${c}`,
      name: `Campaign ${c}`,
      platform: "facebook" as const,
      type: "conversion" as const,
      start_date: days[0] as string,
      end_date: null,
      budget: 0,
      target_conversions: null,
      status: "active" as const,
      created_at: "x",
      updated_at: "x",
    })),
  );
  await rawStore.close();
  const raw = new SQLite(join(dir, "raw.db"));
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = NORMAL");
  raw.pragma("foreign_keys = ON");
  const insert = raw.prepare(
    "insert into campaign_daily_metrics (tenant_id, campaign_id, day, spend, impressions, reach, clicks, engagements, conversions, revenue) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const ids = Array.from({ length: CAMPAIGNS }, (_, c) => `cmp-${c}`);
  t = performance.now();
  raw.transaction(() => {
    for (let d = 0; d < DAYS; d++) {
      for (let c = 0; c < CAMPAIGNS; c++) insert.run(TENANT, ids[c], days[d], ...figures(c, d));
    }
  })();
  const rawMs = performance.now() - t;
  raw.close();
  const rawRate = rows / (rawMs / 1000);
  console.log(
    `raw:     ${(rawMs / 1000).toFixed(2)} s, ${Math.round(rawRate).toLocaleString("en-US")} rows/s (prepared insert loop, one transaction, no parsing, no rollup)`,
  );
  console.log(`ratio:   import / raw = ${(importRate / rawRate).toFixed(2)}`);
  console.log(
    `goal:    ≥ 100,000 rows/s ${importRate >= 100_000 ? "met" : "NOT met"}; RSS growth < 200 MB ${peak - baseline < 200e6 ? "met" : "NOT met"}`,
  );
  rmSync(dir, { recursive: true, force: true });
}

await main();
