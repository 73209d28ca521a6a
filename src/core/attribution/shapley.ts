import type { FoldedPaths } from "./fold-paths";
import { type AttributionResult, toResult } from "./result";

export interface ShapleyResult extends AttributionResult {
  model: "shapley";
  /** How many distinct channel sets the converting paths show (the game's observed coalitions). */
  observedSubsets: number;
}

/**
 * Shapley values of the "observed subsets" game: the worth of a set of channels S is
 *
 *   v(S) = conversions of the paths whose channel set is a subset of S
 *        = Σ_{T ⊆ S} conv(T),  conv(T) = conversions of the paths whose channel set is exactly T.
 *
 * So v = Σ_T conv(T) · u_T, where u_T(S) = [T ⊆ S] is the unanimity game of T. Shapley values are
 * linear in the game, and the Shapley value of u_T gives 1/|T| to each member of T and 0 to the
 * rest. Hence, exactly and for any number of channels:
 *
 *   φ_i = Σ_{T ∋ i} conv(T) / |T|
 *
 * (conv(T) are the game's Harsanyi dividends). The textbook sum over all 2^(n−1) coalitions gives
 * the same numbers (the tests check it) but costs exponential time, which is why implementations
 * that enumerate coalitions approximate beyond ~15 channels; this one needs no approximation and
 * costs one pass over the distinct paths. Repeated touches of a channel do not add credit: only
 * the set of channels on a path counts. Conversion value is split the same way (v(S) summing
 * value instead of conversions).
 *
 * @example
 * shapley(foldPaths([{ path: "a > b > a", conversions: 2 }, { path: "b", conversions: 1 }]))
 *   .conversions // { a: 1, b: 2 }
 */
export function shapley(folded: FoldedPaths): ShapleyResult {
  const k = folded.channels.length;
  const { offsets, touches } = folded;
  // Dividends per distinct channel set first: each set's members then share it once.
  // Up to 30 channels a set is a bit mask (a number key hashes far faster than a string).
  const masks = k <= 30;
  const subsets = new Map<
    number | string,
    { members: number[]; conversions: number; value: number }
  >();
  const seen = new Int32Array(k).fill(-1);
  const members: number[] = [];
  for (let p = 0; p < folded.pathCount; p++) {
    const c = folded.conversions[p] as number;
    const v = folded.value[p] as number;
    if (c === 0 && v === 0) continue;
    members.length = 0;
    for (let t = offsets[p] as number; t < (offsets[p + 1] as number); t++) {
      const channel = touches[t] as number;
      if (seen[channel] !== p) {
        seen[channel] = p;
        members.push(channel);
      }
    }
    let key: number | string;
    if (masks) {
      key = 0;
      for (const channel of members) key |= 1 << channel;
    } else {
      members.sort((a, b) => a - b);
      key = String.fromCharCode(...members);
    }
    const subset = subsets.get(key);
    if (subset) {
      subset.conversions += c;
      subset.value += v;
    } else {
      subsets.set(key, { members: [...members], conversions: c, value: v });
    }
  }
  const conversions = new Float64Array(k);
  const value = new Float64Array(k);
  for (const subset of subsets.values()) {
    const size = subset.members.length;
    for (const channel of subset.members) {
      conversions[channel] = (conversions[channel] as number) + subset.conversions / size;
      value[channel] = (value[channel] as number) + subset.value / size;
    }
  }
  return {
    ...toResult("shapley", folded, conversions, value),
    model: "shapley",
    observedSubsets: subsets.size,
  };
}
