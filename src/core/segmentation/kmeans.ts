import { type Rng, weightedIndex } from "../random";
import { squaredDistance } from "./standardize";

export interface KMeansResult {
  k: number;
  centroids: number[][];
  /** Cluster index per point. */
  assignments: number[];
  /** Sum of squared distances of points to their centroid. */
  inertia: number;
  iterations: number;
}

export interface KMeansOptions {
  /** Independent seedings; the lowest inertia wins (default 5). */
  restarts?: number;
  maxIterations?: number;
}

/**
 * k-means (Lloyd's algorithm) with k-means++ seeding drawn from `rng`, so the same points, k and
 * seed always give the same clusters. Runs `restarts` seedings and keeps the tightest. A cluster
 * that empties takes the point farthest from its centroid, so exactly k clusters come back.
 *
 * @example
 * kMeans([[0, 0], [0, 1], [10, 10], [10, 11]], 2, createRng(1)).assignments // [0, 0, 1, 1] (or [1, 1, 0, 0])
 */
export function kMeans(
  points: readonly (readonly number[])[],
  k: number,
  rng: Rng,
  options: KMeansOptions = {},
): KMeansResult {
  if (!Number.isInteger(k) || k < 1 || k > points.length) {
    throw new RangeError(
      `k must be a whole number from 1 to the number of points (${points.length}), got ${k}`,
    );
  }
  const restarts = Math.max(1, options.restarts ?? 5);
  let best: KMeansResult | undefined;
  for (let r = 0; r < restarts; r++) {
    const run = lloyd(points, seedPlusPlus(points, k, rng), options.maxIterations ?? 100);
    if (!best || run.inertia < best.inertia - 1e-9) best = run;
  }
  return best as KMeansResult;
}

/** k-means++: each next centre is drawn with probability proportional to squared distance. */
function seedPlusPlus(points: readonly (readonly number[])[], k: number, rng: Rng): number[][] {
  const centroids = [[...(points[Math.floor(rng.next() * points.length)] as number[])]];
  const nearest = points.map((p) => squaredDistance(p, centroids[0] as number[]));
  while (centroids.length < k) {
    const total = nearest.reduce((a, b) => a + b, 0);
    // Every point sitting on a centre already (duplicate points) leaves no weight: take any.
    const index = total > 0 ? weightedIndex(rng, nearest) : Math.floor(rng.next() * points.length);
    const centre = [...(points[index] as number[])];
    centroids.push(centre);
    points.forEach((p, i) => {
      nearest[i] = Math.min(nearest[i] as number, squaredDistance(p, centre));
    });
  }
  return centroids;
}

function lloyd(
  points: readonly (readonly number[])[],
  start: number[][],
  maxIterations: number,
): KMeansResult {
  const k = start.length;
  const d = points[0]?.length ?? 0;
  let centroids = start;
  const assignments = new Array<number>(points.length).fill(-1);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    let moved = false;
    points.forEach((p, i) => {
      const c = closest(p, centroids);
      if (c !== assignments[i]) {
        assignments[i] = c;
        moved = true;
      }
    });
    if (!moved && iterations > 0) break;
    const sums = Array.from({ length: k }, () => new Array<number>(d).fill(0));
    const counts = new Array<number>(k).fill(0);
    points.forEach((p, i) => {
      const c = assignments[i] as number;
      counts[c] = (counts[c] as number) + 1;
      const sum = sums[c] as number[];
      for (let j = 0; j < d; j++) sum[j] = (sum[j] as number) + (p[j] as number);
    });
    centroids = sums.map((sum, c) => sum.map((s) => s / Math.max(counts[c] as number, 1)));
    // Refill an empty cluster with the point that fits its own cluster worst.
    for (let c = 0; c < k; c++) {
      if (counts[c] !== 0) continue;
      let far = 0;
      let farDistance = -1;
      points.forEach((p, i) => {
        const dist = squaredDistance(p, centroids[assignments[i] as number] as number[]);
        if (dist > farDistance) {
          farDistance = dist;
          far = i;
        }
      });
      centroids[c] = [...(points[far] as number[])];
      assignments[far] = c;
    }
  }
  const inertia = points.reduce(
    (s, p, i) => s + squaredDistance(p, centroids[assignments[i] as number] as number[]),
    0,
  );
  return { k, centroids, assignments, inertia, iterations };
}

function closest(point: readonly number[], centroids: readonly number[][]): number {
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  centroids.forEach((c, i) => {
    const dist = squaredDistance(point, c);
    if (dist < bestDistance) {
      bestDistance = dist;
      best = i;
    }
  });
  return best;
}
