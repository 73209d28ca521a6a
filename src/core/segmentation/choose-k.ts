import { createRng } from "../random";
import { type KMeansResult, kMeans } from "./kmeans";
import { silhouette } from "./silhouette";

export interface KScore {
  k: number;
  silhouette: number;
  inertia: number;
}

export interface ChosenClustering {
  best: KMeansResult;
  /** Silhouette and inertia per k tried, in k order. */
  scores: KScore[];
  /** Points the silhouette was measured on (all of them, or a seeded sample of large sets). */
  silhouetteSample: number;
}

export interface ChooseKOptions {
  kMin?: number;
  kMax?: number;
  seed?: number;
  /** Silhouette is O(n²): above this many points it is measured on a seeded sample (default 1500). */
  maxSilhouettePoints?: number;
}

/**
 * k-means for every k from `kMin` to `kMax` (default 3–7, capped at n − 1) and the k with the
 * highest mean silhouette; a tie goes to the smaller k, which is easier to act on. Seeded, so a
 * rerun on the same data gives the same segments.
 *
 * @example chooseK(standardizedRows).best.k // 4
 */
export function chooseK(
  points: readonly (readonly number[])[],
  options: ChooseKOptions = {},
): ChosenClustering {
  const kMin = options.kMin ?? 3;
  const kMax = Math.min(options.kMax ?? 7, points.length - 1);
  if (kMax < kMin) {
    throw new RangeError(
      `chooseK needs more than ${kMin} points to try k from ${kMin}, got ${points.length}`,
    );
  }
  const seed = options.seed ?? 20261122;
  const sample = sampleIndexes(points.length, options.maxSilhouettePoints ?? 1500, seed);
  const sampled = sample.map((i) => points[i] as number[]);
  const scores: KScore[] = [];
  let best: { run: KMeansResult; score: number } | undefined;
  for (let k = kMin; k <= kMax; k++) {
    const run = kMeans(points, k, createRng(seed + k));
    const score = silhouette(
      sampled,
      sample.map((i) => run.assignments[i] as number),
    );
    scores.push({ k, silhouette: score, inertia: run.inertia });
    if (!best || score > best.score + 1e-9) best = { run, score };
  }
  return { best: (best as { run: KMeansResult }).run, scores, silhouetteSample: sample.length };
}

function sampleIndexes(n: number, max: number, seed: number): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (n <= max) return all;
  return createRng(seed)
    .shuffle(all)
    .slice(0, max)
    .sort((a, b) => a - b);
}
