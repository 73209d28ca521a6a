/**
 * Attribution over 1,000,000 synthetic journeys (8 channels, 1–10 touches): time to fold them
 * into distinct paths, time of each of the seven models, the total, and peak RSS. Goal (issue:
 * attribution, journeys and influencer scoring): all models together, folding included, under
 * 2 s and 500 MB. Markov orders 2–4 are timed too (not part of the total).
 *
 * Then a sanity run on the reference export /work/shared/data/attribution/journeys_small.csv
 * (path, total_conversions, total_conversion_value, total_null; 12 channels) when it is there,
 * read in place (never copied into the repository).
 *
 * Run: `npx tsx bench/attribution.ts` (BENCH_JOURNEYS, BENCH_SEED and ATTRIBUTION_CSV override).
 */
import { existsSync, readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { type FoldedPaths, PathFolder } from "../src/core/attribution/fold-paths";
import { markov } from "../src/core/attribution/markov";
import { type AllModelsResult, runModel } from "../src/core/attribution/models";
import { ATTRIBUTION_MODELS, type AttributionModelName } from "../src/core/attribution/result";
import { createRng } from "../src/core/random";

const JOURNEYS = Number(process.env.BENCH_JOURNEYS ?? 1_000_000);
const SEED = Number(process.env.BENCH_SEED ?? 11);
const CSV = process.env.ATTRIBUTION_CSV ?? "/work/shared/data/attribution/journeys_small.csv";
const CHANNELS = [
  "facebook",
  "instagram",
  "tiktok",
  "google",
  "linkedin",
  "email",
  "organic_search",
  "direct",
];

interface Synthetic {
  touches: Uint8Array;
  offsets: Uint32Array;
  conversions: Uint8Array;
  value: Float64Array;
}

/**
 * Journeys as flat arrays (what a streaming reader of touchpoints would hand the folder). Lengths
 * 1–10, skewed short as real journeys are; channels follow first / middle / last preferences with
 * repeats, so the number of distinct paths is realistic (hundreds of thousands, not a handful).
 */
function synthesize(count: number, seed: number): Synthetic {
  const rng = createRng(seed);
  const lengthWeights = [22, 20, 16, 12, 9, 7, 5, 4, 3, 2];
  const first = [22, 20, 16, 13, 8, 5, 12, 4];
  const middle = [13, 14, 8, 15, 5, 22, 13, 6];
  const last = [6, 5, 3, 30, 3, 21, 16, 16];
  const pickFrom = (weights: number[]) => {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = rng.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] as number;
      if (r < 0) return i;
    }
    return weights.length - 1;
  };
  const offsets = new Uint32Array(count + 1);
  const touches = new Uint8Array(count * 10);
  const conversions = new Uint8Array(count);
  const value = new Float64Array(count);
  let at = 0;
  for (let j = 0; j < count; j++) {
    const length = 1 + pickFrom(lengthWeights);
    let previous = -1;
    let p = 0.08 + 0.04 * Math.min(length - 1, 4);
    for (let i = 0; i < length; i++) {
      const channel =
        previous >= 0 && rng.chance(0.12)
          ? previous
          : pickFrom(i === 0 ? first : i === length - 1 ? last : middle);
      touches[at++] = channel;
      previous = channel;
      if (channel === 5) p += 0.02; // email
    }
    if (previous === 3 || previous === 7) p += 0.05; // google / direct close
    offsets[j + 1] = at;
    if (rng.chance(Math.min(0.8, p))) {
      conversions[j] = 1;
      value[j] = Math.round(90 * Math.exp(rng.normal(0, 0.4)) * 100) / 100;
    }
  }
  return { touches: touches.slice(0, at), offsets, conversions, value };
}

function fold(data: Synthetic): FoldedPaths {
  const folder = new PathFolder();
  for (const name of CHANNELS) folder.channelId(name);
  const { touches, offsets, conversions, value } = data;
  for (let j = 0; j < offsets.length - 1; j++) {
    const converted = conversions[j] as number;
    folder.addIds(
      touches,
      offsets[j] as number,
      offsets[j + 1] as number,
      converted,
      value[j] as number,
      1 - converted,
    );
  }
  return folder.finish();
}

function ms(since: number): string {
  return `${(performance.now() - since).toFixed(0).padStart(6)} ms`;
}

function rssMb(): string {
  // resourceUsage().maxRSS is the process's peak resident set, in kilobytes.
  return `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`;
}

function checkSums(results: Partial<AllModelsResult>, folded: FoldedPaths): string {
  const worst = Object.values(results).reduce((max, r) => {
    const conv = Object.values(r.conversions).reduce((a, b) => a + b, 0);
    const value = Object.values(r.value).reduce((a, b) => a + b, 0);
    const relConv =
      Math.abs(conv - folded.totals.conversions) / Math.max(1, folded.totals.conversions);
    const relValue =
      Math.abs(value - folded.totals.value) / Math.max(1, Math.abs(folded.totals.value));
    return Math.max(max, relConv, relValue);
  }, 0);
  return `largest relative gap between attributed sums and totals: ${worst.toExponential(1)}`;
}

function runAll(folded: FoldedPaths, label: string): Partial<AllModelsResult> {
  const results: Partial<Record<AttributionModelName, unknown>> = {};
  let total = 0;
  for (const model of ATTRIBUTION_MODELS) {
    const started = performance.now();
    results[model] = runModel(model, folded);
    const took = performance.now() - started;
    total += took;
    console.log(`  ${model.padEnd(16)} ${took.toFixed(0).padStart(6)} ms`);
  }
  console.log(`  ${"all seven".padEnd(16)} ${total.toFixed(0).padStart(6)} ms  (${label})`);
  return results as Partial<AllModelsResult>;
}

async function main() {
  console.log(`Synthesizing ${JOURNEYS.toLocaleString("en-US")} journeys (seed ${SEED}) …`);
  let started = performance.now();
  const data = synthesize(JOURNEYS, SEED);
  console.log(
    `  generated in ${ms(started)}, ${data.touches.length.toLocaleString("en-US")} touches`,
  );

  started = performance.now();
  const endToEnd = started;
  const folded = fold(data);
  console.log(
    `Fold: ${ms(started)} → ${folded.pathCount.toLocaleString("en-US")} distinct paths, ${folded.totals.conversions.toLocaleString("en-US")} conversions`,
  );
  console.log("Models (default options: markov order 1, time decay half-life 7 days):");
  const results = runAll(folded, "models only");
  console.log(`End to end (fold + all seven): ${ms(endToEnd)}; peak RSS ${rssMb()}`);
  console.log(`  ${checkSums(results, folded)}`);

  console.log("Markov at higher orders (not in the total):");
  for (const order of [2, 3, 4]) {
    started = performance.now();
    const result = markov(folded, { order });
    console.log(
      `  order ${order}: ${ms(started)}, ${result.states.length.toLocaleString("en-US")} states, largest cycle ${result.solver.largestBlock} states, ${result.solver.sweeps} Gauss–Seidel sweeps, residual ${result.solver.residual.toExponential(1)}`,
    );
  }
  console.log(`Peak RSS so far: ${rssMb()}`);

  if (!existsSync(CSV)) {
    console.log(`\nReference export ${CSV} not found: sanity run skipped.`);
    return;
  }
  console.log(`\nSanity run on ${CSV}`);
  started = performance.now();
  const rows = parse(readFileSync(CSV), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const folder = new PathFolder();
  for (const row of rows) {
    folder.addText(
      row.path ?? "",
      Number(row.total_conversions),
      Number(row.total_conversion_value),
      Number(row.total_null),
    );
  }
  const reference = folder.finish();
  console.log(
    `  ${rows.length.toLocaleString("en-US")} rows → ${reference.pathCount.toLocaleString("en-US")} distinct paths over ${reference.channels.length} channels, ${reference.totals.conversions} conversions, value ${reference.totals.value.toFixed(2)}, ${reference.totals.nulls} nulls (${ms(started)})`,
  );
  const referenceResults = runAll(reference, "reference export");
  console.log(`  ${checkSums(referenceResults, reference)}`);
  const m = referenceResults.markov;
  if (m) {
    const top = Object.entries(m.removalEffects).sort((a, b) => b[1] - a[1]);
    console.log(
      `  P(conversion) ${m.conversionProbability.toFixed(4)}; removal effects: ${top.map(([c, e]) => `${c} ${e.toFixed(3)}`).join(", ")}`,
    );
    console.log(
      `  attributed (markov): ${Object.entries(m.conversions)
        .sort((a, b) => b[1] - a[1])
        .map(([c, v]) => `${c} ${v.toFixed(1)}`)
        .join(", ")}`,
    );
    const sh = referenceResults.shapley;
    if (sh)
      console.log(
        `  attributed (shapley): ${Object.entries(sh.conversions)
          .sort((a, b) => b[1] - a[1])
          .map(([c, v]) => `${c} ${v.toFixed(1)}`)
          .join(", ")}`,
      );
  }
  for (const order of [2, 3, 4]) {
    started = performance.now();
    const result = markov(reference, { order });
    const sum = Object.values(result.conversions).reduce((a, b) => a + b, 0);
    console.log(
      `  markov order ${order}: ${ms(started)}, ${result.states.length.toLocaleString("en-US")} states, largest cycle ${result.solver.largestBlock}, sweeps ${result.solver.sweeps}, residual ${result.solver.residual.toExponential(1)}, attributed sum ${sum.toFixed(6)}`,
    );
  }
  console.log(`Peak RSS: ${rssMb()}`);
}

await main();
