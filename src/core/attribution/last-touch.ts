import type { FoldedPaths } from "./fold-paths";
import { type AttributionResult, splitByWeights } from "./result";

/**
 * All credit to the last touch of each path (the one before the conversion).
 *
 * @example lastTouch(foldPaths([{ path: "a > b", conversions: 2 }])).conversions // { a: 0, b: 2 }
 */
export function lastTouch(folded: FoldedPaths): AttributionResult {
  return splitByWeights("last_touch", folded, (_p, n, w) => {
    w.fill(0, 0, n);
    w[n - 1] = 1;
    return 1;
  });
}
