import type { FoldedPaths } from "./fold-paths";
import { type AttributionResult, splitByWeights } from "./result";

/**
 * Equal credit to every touch; a channel touched twice in a path gets two shares.
 *
 * @example linear(foldPaths([{ path: "a > a > b", conversions: 3 }])).conversions // { a: 2, b: 1 }
 */
export function linear(folded: FoldedPaths): AttributionResult {
  return splitByWeights("linear", folded, (_p, n, w) => {
    w.fill(1, 0, n);
    return n;
  });
}
