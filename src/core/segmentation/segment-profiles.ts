/** How a behavioural feature is described in a segment's profile. */
export interface FeatureSpec {
  key: string;
  /** Axis/table label with its unit: `Events (90 days)`. */
  label: string;
  /** Words for a segment well above / below average: `frequent` / `rare`. */
  high: string;
  low: string;
}

export interface SegmentTrait {
  key: string;
  direction: "high" | "low";
  /** The segment's mean in standard deviations from the overall mean. */
  z: number;
}

export interface SegmentProfile {
  /** 1-based, largest segment first. */
  segment: number;
  /** The cluster index in `assignments` this profile describes. */
  cluster: number;
  /** `Frequent · high points`: its two most distinctive traits (`Typical` when none stands out). */
  name: string;
  size: number;
  /** Percent of all points. */
  share: number;
  /** Mean raw feature value per feature key. */
  means: Record<string, number>;
  /** Mean z-score per feature key (0 = overall average). */
  z: Record<string, number>;
  /** Features at least TRAIT_Z from the average, most distinctive first. */
  traits: SegmentTrait[];
}

/** A feature counts as a trait when the segment's mean is this many SDs from the average. */
export const TRAIT_Z = 0.5;

/**
 * Readable profiles of clusters: size, share, raw means, how far each feature sits from the
 * overall average and a name made of the most distinctive traits. Segments are renumbered largest
 * first; two segments that would get the same name are told apart by their next trait.
 *
 * @example
 * profileSegments(raw, z, assignments, 2, [{ key: "events", label: "Events", high: "frequent", low: "rare" }])
 * // [{ segment: 1, name: "Rare", size: 80, … }, { segment: 2, name: "Frequent", size: 20, … }]
 */
export function profileSegments(
  raw: readonly (readonly number[])[],
  z: readonly (readonly number[])[],
  assignments: readonly number[],
  k: number,
  features: readonly FeatureSpec[],
): SegmentProfile[] {
  const n = raw.length;
  const clusters = Array.from({ length: k }, (_, c) =>
    assignments.flatMap((a, i) => (a === c ? [i] : [])),
  );
  const mean = (rows: readonly (readonly number[])[], idx: number[], j: number) =>
    idx.length ? idx.reduce((s, i) => s + ((rows[i] as number[])[j] as number), 0) / idx.length : 0;
  const profiles = clusters
    .map((idx, cluster) => ({ idx, cluster }))
    .filter(({ idx }) => idx.length > 0)
    .map(({ idx, cluster }) => {
      const zMeans = features.map((_, j) => mean(z, idx, j));
      const allTraits = features
        .map(
          (f, j): SegmentTrait => ({
            key: f.key,
            direction: (zMeans[j] as number) >= 0 ? "high" : "low",
            z: zMeans[j] as number,
          }),
        )
        .sort((a, b) => Math.abs(b.z) - Math.abs(a.z));
      return {
        cluster,
        size: idx.length,
        share: n > 0 ? (idx.length / n) * 100 : 0,
        means: Object.fromEntries(features.map((f, j) => [f.key, mean(raw, idx, j)])),
        z: Object.fromEntries(features.map((f, j) => [f.key, zMeans[j] as number])),
        allTraits,
        traits: allTraits.filter((t) => Math.abs(t.z) >= TRAIT_Z),
      };
    })
    .sort((a, b) => b.size - a.size || a.cluster - b.cluster);
  const word = (t: SegmentTrait) => {
    const f = features.find((x) => x.key === t.key) as FeatureSpec;
    return t.direction === "high" ? f.high : f.low;
  };
  const used = new Set<string>();
  return profiles.map(({ allTraits, ...p }, i) => {
    let count = Math.min(2, p.traits.length);
    let name = nameOf(p.traits.slice(0, count).map(word));
    // Same name as a bigger segment: add traits (even weak ones) until it differs.
    while (used.has(name) && count < allTraits.length) {
      count++;
      name = nameOf(allTraits.slice(0, count).map(word));
    }
    if (used.has(name)) name = `${name} (${i + 1})`;
    used.add(name);
    return { segment: i + 1, name, ...p };
  });
}

function nameOf(words: readonly string[]): string {
  if (words.length === 0) return "Typical";
  const text = words.join(" · ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
