/**
 * Seeded pseudo-random numbers for demo data and tests: same seed, same sequence, on every
 * machine. Not for anything secret.
 */

/**
 * mulberry32: a 32-bit state generator, fast and well distributed for simulations.
 *
 * @example const next = mulberry32(42); next(); // 0.6011037519201636, always
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  float(min: number, max: number): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Gaussian (Box–Muller). */
  normal(mean?: number, sd?: number): number;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/**
 * Convenience draws over {@link mulberry32}.
 *
 * @example const rng = createRng(7); rng.int(1, 6); rng.pick(["a", "b"]);
 */
export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    next,
    float: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor((max - min + 1) * next()),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError("pick from an empty list");
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    normal: (mean = 0, sd = 1) => {
      // 1 − next() is in (0, 1], so the logarithm stays finite.
      const u = 1 - next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]];
      }
      return out;
    },
  };
  return rng;
}

/**
 * An index drawn with probability proportional to its weight (weights need not sum to 1).
 *
 * @example weightedIndex(createRng(7), [1, 3]); // 1 three times out of four
 */
export function weightedIndex(rng: Rng, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] as number;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/**
 * A random factor with mean 1, lognormal: `exp(N(0, sd) − sd²/2)`. Multiplying an expected value
 * by it adds realistic, never-negative noise without moving the average (the −sd²/2 cancels the
 * skew's upward pull).
 *
 * @example 90 * meanOneLognormal(createRng(7), 0.45) // an order value around 90
 */
export function meanOneLognormal(rng: Rng, sd: number): number {
  return Math.exp(rng.normal(0, sd) - (sd * sd) / 2);
}
