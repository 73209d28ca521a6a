import type { FoldedPaths } from "./fold-paths";

/** The attribution models, by their DESIGN.md names (a stable contract). */
export const ATTRIBUTION_MODELS = [
  "first_touch",
  "last_touch",
  "linear",
  "time_decay",
  "position_based",
  "markov",
  "shapley",
] as const;
export type AttributionModelName = (typeof ATTRIBUTION_MODELS)[number];

/**
 * Credit per channel. Over all channels, `conversions` sums to `totalConversions` and `value` to
 * `totalValue` (up to floating-point rounding), whatever the model.
 */
export interface AttributionResult {
  model: AttributionModelName;
  /** Every channel of the folded paths, in their order. */
  channels: readonly string[];
  conversions: Readonly<Record<string, number>>;
  value: Readonly<Record<string, number>>;
  totalConversions: number;
  totalValue: number;
}

/**
 * Wraps per-channel-id sums as a result. Records are built with `Object.fromEntries`, so a channel
 * called `__proto__` is an ordinary key.
 */
export function toResult(
  model: AttributionModelName,
  folded: FoldedPaths,
  conversions: Float64Array,
  value: Float64Array,
): AttributionResult {
  return {
    model,
    channels: folded.channels,
    conversions: Object.fromEntries(folded.channels.map((c, i) => [c, conversions[i] ?? 0])),
    value: Object.fromEntries(folded.channels.map((c, i) => [c, value[i] ?? 0])),
    totalConversions: folded.totals.conversions,
    totalValue: folded.totals.value,
  };
}

/**
 * Shared loop of the rule-based models: each path's conversions and value are split over its
 * touches by `weights` (which fills `w[0 .. n)` for a path of `n` touches and returns their sum).
 */
export function splitByWeights(
  model: AttributionModelName,
  folded: FoldedPaths,
  weights: (path: number, n: number, w: Float64Array) => number,
): AttributionResult {
  const k = folded.channels.length;
  const conversions = new Float64Array(k);
  const value = new Float64Array(k);
  let w = new Float64Array(16);
  const { offsets, touches } = folded;
  for (let p = 0; p < folded.pathCount; p++) {
    const c = folded.conversions[p] as number;
    const v = folded.value[p] as number;
    if (c === 0 && v === 0) continue;
    const first = offsets[p] as number;
    const n = (offsets[p + 1] as number) - first;
    if (n > w.length) w = new Float64Array(n * 2);
    const sum = weights(p, n, w);
    for (let i = 0; i < n; i++) {
      const share = (w[i] as number) / sum;
      const channel = touches[first + i] as number;
      conversions[channel] = (conversions[channel] as number) + c * share;
      value[channel] = (value[channel] as number) + v * share;
    }
  }
  return toResult(model, folded, conversions, value);
}
