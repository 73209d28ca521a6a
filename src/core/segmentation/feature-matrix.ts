import { median } from "../stats";
import type { FeatureSpec } from "./segment-profiles";

/** A behavioural feature: how to read it off an item and whether to compare it on a log scale. */
export interface BehaviourFeature<T> extends FeatureSpec {
  /** The raw figure; null when unknown (it is then imputed with the feature's median). */
  value: (item: T) => number | null;
  /**
   * Compare on log(1 + x): for heavy-tailed counts (followers, points) where 1,000 vs 10,000
   * matters as much as 10,000 vs 100,000.
   */
  log?: boolean;
  /** Any other transform applied before clustering (raw values are still what profiles show). */
  transform?: (x: number) => number;
}

export interface FeatureMatrix {
  /** Raw values, nulls replaced by the feature's median: what profiles report. */
  raw: number[][];
  /** Values as clustered: raw, log-transformed where the feature says so (not yet standardised). */
  model: number[][];
}

/**
 * One row per item, one column per feature. Unknown values take the feature's median, so an
 * influencer without clicks is neither the best nor the worst converter.
 *
 * @example buildFeatureMatrix(users, USER_FEATURES).model[0] // [2.3, 14, 6.9, 0.4, 120]
 */
export function buildFeatureMatrix<T>(
  items: readonly T[],
  features: readonly BehaviourFeature<T>[],
): FeatureMatrix {
  const columns = features.map((f) => {
    const values = items.map((item) => {
      const v = f.value(item);
      return v !== null && Number.isFinite(v) ? v : null;
    });
    const known = values.filter((v): v is number => v !== null);
    const fill = known.length > 0 ? median(known) : 0;
    return values.map((v) => v ?? fill);
  });
  const raw = items.map((_, i) => columns.map((col) => col[i] as number));
  const model = raw.map((row) =>
    row.map((x, j) => {
      const f = features[j] as BehaviourFeature<T>;
      if (f.transform) return f.transform(x);
      return f.log ? Math.log1p(Math.max(0, x)) : x;
    }),
  );
  return { raw, model };
}
