import { type ChooseKOptions, chooseK, type KScore } from "./choose-k";
import { type BehaviourFeature, buildFeatureMatrix } from "./feature-matrix";
import { profileSegments, type SegmentProfile } from "./segment-profiles";
import { standardize } from "./standardize";

export interface Segmentation<T> {
  k: number;
  /** Silhouette per k tried. */
  scores: KScore[];
  silhouette: number;
  profiles: SegmentProfile[];
  /** Each item with its segment number (matching `profiles[].segment`). */
  members: { item: T; segment: number }[];
}

/**
 * Behavioural segmentation end to end: features → log where asked → z-scores → k-means for k in
 * 3–7 → the k with the best silhouette → readable profiles, largest segment first.
 *
 * @example
 * const s = segmentItems(users, USER_FEATURES);
 * s.profiles.map((p) => `${p.name}: ${p.size}`); // ["Rare · low points: 410", "Frequent · high points: 120", …]
 */
export function segmentItems<T>(
  items: readonly T[],
  features: readonly BehaviourFeature<T>[],
  options: ChooseKOptions = {},
): Segmentation<T> {
  const { raw, model } = buildFeatureMatrix(items, features);
  const z = standardize(model).rows;
  const chosen = chooseK(z, options);
  const { best } = chosen;
  const profiles = profileSegments(raw, z, best.assignments, best.k, features);
  const numberOf = new Map(profiles.map((p) => [p.cluster, p.segment]));
  return {
    k: best.k,
    scores: chosen.scores,
    silhouette: chosen.scores.find((s) => s.k === best.k)?.silhouette ?? 0,
    profiles,
    members: items.map((item, i) => ({
      item,
      segment: numberOf.get(best.assignments[i] as number) ?? 0,
    })),
  };
}
