import type { FoldedPaths } from "../attribution/fold-paths";

export interface PathLengthBucket {
  /** `"1"` … `"9"`, then `"10+"` (the last bucket is open-ended). */
  length: string;
  journeys: number;
  conversions: number;
  /** conversions / journeys · 100; null for an empty bucket. */
  conversion_rate: number | null;
}

/**
 * Journeys and conversions by number of touches, `1` to `maxLength − 1`, then `maxLength+`.
 * Every bucket is present, empty ones with zeros, so charts keep a steady axis.
 *
 * @example pathLengthDistribution(folded, 4).map((b) => b.length) // ["1", "2", "3", "4+"]
 */
export function pathLengthDistribution(folded: FoldedPaths, maxLength = 10): PathLengthBucket[] {
  if (!Number.isInteger(maxLength) || maxLength < 2) {
    throw new RangeError(`maxLength must be a whole number ≥ 2 (got ${maxLength})`);
  }
  const journeys = new Float64Array(maxLength);
  const conversions = new Float64Array(maxLength);
  for (let p = 0; p < folded.pathCount; p++) {
    const length = (folded.offsets[p + 1] as number) - (folded.offsets[p] as number);
    const bucket = Math.min(length, maxLength) - 1;
    const c = folded.conversions[p] as number;
    conversions[bucket] = (conversions[bucket] as number) + c;
    journeys[bucket] = (journeys[bucket] as number) + c + (folded.nulls[p] as number);
  }
  return Array.from({ length: maxLength }, (_, i) => {
    const n = journeys[i] as number;
    const c = conversions[i] as number;
    return {
      length: i === maxLength - 1 ? `${maxLength}+` : String(i + 1),
      journeys: n,
      conversions: c,
      conversion_rate: n > 0 ? (c / n) * 100 : null,
    };
  });
}
