import type { FoldedPaths } from "./fold-paths";
import { type AttributionResult, splitByWeights } from "./result";

export interface TimeDecayOptions {
  /** A touch this many days before the conversion gets half the weight of one at conversion time. */
  halfLifeDays?: number;
  /**
   * Days assumed between consecutive touches when the paths carry no timestamps (path-level
   * exports): touch `i` of `n` then counts as `(n − 1 − i) × stepDays` days before conversion.
   */
  stepDays?: number;
}

export const DEFAULT_HALF_LIFE_DAYS = 7;

/**
 * Credit decays with time before the conversion: weight `2^(−days / halfLifeDays)`, normalised
 * per path.
 *
 * Days come from the folded paths' `daysBefore` (the conversion-weighted mean per position when
 * event-level journeys were folded). Path-level aggregates carry no timestamps: positions are
 * then taken as `stepDays` (default 1) apart, the last touch at the conversion.
 *
 * @example
 * // Untimed "a > b", half-life 1 day: a is one step (1 day) earlier, so it weighs 1/2 of b.
 * timeDecay(foldPaths([{ path: "a > b", conversions: 3 }]), { halfLifeDays: 1 }).conversions
 * // { a: 1, b: 2 }
 */
export function timeDecay(folded: FoldedPaths, options: TimeDecayOptions = {}): AttributionResult {
  const halfLife = options.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS;
  const step = options.stepDays ?? 1;
  if (!(halfLife > 0) || !Number.isFinite(halfLife)) {
    throw new RangeError(`halfLifeDays must be a positive number (got ${halfLife})`);
  }
  if (!(step >= 0) || !Number.isFinite(step)) {
    throw new RangeError(`stepDays must be ≥ 0 (got ${step})`);
  }
  const days = folded.daysBefore;
  return splitByWeights("time_decay", folded, (p, n, w) => {
    const first = folded.offsets[p] as number;
    // Weights are relative within a path, so measuring from the last touch (not the conversion)
    // changes nothing and keeps 2^x away from underflow on long journeys.
    const timed = days !== undefined && !Number.isNaN(days[first] as number);
    const lastDays = timed ? (days[first + n - 1] as number) : 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const before = timed ? (days[first + i] as number) - lastDays : (n - 1 - i) * step;
      const weight = 2 ** (-Math.max(0, before) / halfLife);
      w[i] = weight;
      sum += weight;
    }
    return sum;
  });
}
