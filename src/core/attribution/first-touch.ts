import type { FoldedPaths } from "./fold-paths";
import { type AttributionResult, splitByWeights } from "./result";

/**
 * All credit to the first touch of each path.
 *
 * @example firstTouch(foldPaths([{ path: "a > b", conversions: 2 }])).conversions // { a: 2, b: 0 }
 */
export function firstTouch(folded: FoldedPaths): AttributionResult {
  return splitByWeights("first_touch", folded, (_p, n, w) => {
    w.fill(0, 0, n);
    w[0] = 1;
    return 1;
  });
}
