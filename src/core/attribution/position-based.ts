import type { FoldedPaths } from "./fold-paths";
import { type AttributionResult, splitByWeights } from "./result";

/** Shares of the first and last touch; the middle touches split what is left equally. */
export interface PositionWeights {
  first: number;
  last: number;
}

/** The usual "U-shaped" 40 / 20 / 40. */
export const DEFAULT_POSITION_WEIGHTS: PositionWeights = { first: 0.4, last: 0.4 };

/**
 * U-shaped credit: `first` to the first touch, `last` to the last, the rest split over the middle
 * touches. A one-touch path gives that touch everything; a two-touch path has no middle, so the
 * two ends share in proportion `first : last` (50 / 50 with the defaults).
 *
 * @example
 * positionBased(foldPaths([{ path: "a > b > c", conversions: 1 }])).conversions
 * // { a: 0.4, b: 0.2, c: 0.4 }
 */
export function positionBased(
  folded: FoldedPaths,
  weights: PositionWeights = DEFAULT_POSITION_WEIGHTS,
): AttributionResult {
  const { first, last } = weights;
  if (!(first >= 0 && last >= 0 && first + last <= 1 + 1e-12)) {
    throw new RangeError(
      `position weights need first ≥ 0, last ≥ 0 and first + last ≤ 1 (got ${first}, ${last})`,
    );
  }
  const middle = Math.max(0, 1 - first - last);
  return splitByWeights("position_based", folded, (_p, n, w) => {
    if (n === 1) {
      w[0] = 1;
      return 1;
    }
    if (n === 2) {
      // No middle touch to hold the middle share: the ends keep their relative weights.
      const ends = first + last;
      w[0] = ends > 0 ? first : 1;
      w[1] = ends > 0 ? last : 1;
      return w[0] + w[1];
    }
    w[0] = first;
    w[n - 1] = last;
    const each = middle / (n - 2);
    w.fill(each, 1, n - 1);
    return first + last + middle;
  });
}
