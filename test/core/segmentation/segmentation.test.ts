import { describe, expect, it } from "vitest";
import { createRng } from "../../../src/core/random";
import { chooseK } from "../../../src/core/segmentation/choose-k";
import { buildFeatureMatrix } from "../../../src/core/segmentation/feature-matrix";
import { kMeans } from "../../../src/core/segmentation/kmeans";
import { segmentItems } from "../../../src/core/segmentation/segment-items";
import { profileSegments } from "../../../src/core/segmentation/segment-profiles";
import { silhouette } from "../../../src/core/segmentation/silhouette";
import { squaredDistance, standardize } from "../../../src/core/segmentation/standardize";

/** Three tight blobs far apart: (0, 0), (10, 0) and (0, 10), 6 points each. */
function blobs(): number[][] {
  const offsets = [
    [0, 0],
    [0.3, 0.1],
    [-0.2, 0.2],
    [0.1, -0.3],
    [-0.1, -0.1],
    [0.2, 0.3],
  ];
  return [
    [0, 0],
    [10, 0],
    [0, 10],
  ].flatMap(([cx, cy]) =>
    offsets.map(([dx, dy]) => [(cx as number) + (dx as number), (cy as number) + (dy as number)]),
  );
}

describe("standardize", () => {
  it("centres and scales each column; a constant column becomes 0", () => {
    const s = standardize([
      [1, 10],
      [3, 10],
    ]);
    expect(s.rows).toEqual([
      [-1, 0],
      [1, 0],
    ]);
    expect(s.means).toEqual([2, 10]);
    expect(s.sds).toEqual([1, 1]);
    expect(squaredDistance([0, 0], [3, 4])).toBe(25);
  });
});

describe("kMeans", () => {
  it("separates well-separated blobs, the same way for the same seed", () => {
    const points = blobs();
    const a = kMeans(points, 3, createRng(7));
    const b = kMeans(points, 3, createRng(7));
    expect(a.assignments).toEqual(b.assignments);
    // Each blob is one cluster, and the three clusters differ.
    const labels = [0, 6, 12].map((start) => new Set(a.assignments.slice(start, start + 6)));
    for (const set of labels) expect(set.size).toBe(1);
    expect(new Set(labels.map((s) => [...s][0])).size).toBe(3);
    const centre = a.centroids[a.assignments[6] as number] as number[];
    expect(centre[0]).toBeCloseTo(10 + (0.3 - 0.2 + 0.1 - 0.1 + 0.2) / 6, 10);
  });

  it("refuses k larger than the number of points", () => {
    expect(() => kMeans([[0], [1]], 3, createRng(1))).toThrow(/k must be/);
  });
});

describe("silhouette", () => {
  it("matches the hand computation on four points", () => {
    // Point 0: a = 1, b = (10 + 11) / 2 = 10.5 → 9.5 / 10.5; point 1: a = 1, b = 9.5 → 8.5 / 9.5;
    // points 2 and 3 mirror them.
    const expected = (2 * (9.5 / 10.5) + 2 * (8.5 / 9.5)) / 4;
    expect(silhouette([[0], [1], [10], [11]], [0, 0, 1, 1])).toBeCloseTo(expected, 12);
    // A point alone in its cluster counts 0.
    expect(silhouette([[0], [1], [10]], [0, 0, 1])).toBeCloseTo((1 - 1 / 10 + (1 - 1 / 9)) / 3, 12);
  });

  it("picks k = 3 for three blobs when trying 3 to 7", () => {
    const chosen = chooseK(blobs());
    expect(chosen.scores.map((s) => s.k)).toEqual([3, 4, 5, 6, 7]);
    expect(chosen.best.k).toBe(3);
    expect(chosen.scores[0]?.silhouette).toBeGreaterThan(0.9);
  });
});

describe("segment profiles", () => {
  const features = [
    { key: "events", label: "Events", high: "frequent", low: "rare" },
    { key: "points", label: "Points", high: "big earners", low: "small earners" },
  ];

  it("names segments by their most distinctive traits, largest first", () => {
    const raw = [
      [1, 10],
      [2, 20],
      [1, 15],
      [20, 300],
    ];
    const z = standardize(raw).rows;
    const profiles = profileSegments(raw, z, [1, 1, 1, 0], 2, features);
    expect(profiles.map((p) => [p.segment, p.cluster, p.size, p.share])).toEqual([
      [1, 1, 3, 75],
      [2, 0, 1, 25],
    ]);
    expect(profiles[0]?.means).toEqual({ events: 4 / 3, points: 15 });
    // The big one sits below average on both (z ≈ −0.58 each), the outlier far above.
    expect(profiles[0]?.name).toMatch(/^(Rare · small earners|Small earners · rare)$/);
    expect(profiles[1]?.name).toMatch(/^(Frequent · big earners|Big earners · frequent)$/);
  });

  it("imputes unknown values with the median and logs heavy-tailed ones", () => {
    const m = buildFeatureMatrix(
      [{ v: 1 }, { v: null }, { v: 9 }, { v: 3 }],
      [
        {
          key: "v",
          label: "V",
          high: "h",
          low: "l",
          value: (x: { v: number | null }) => x.v,
          log: true,
        },
      ],
    );
    expect(m.raw.map((r) => r[0])).toEqual([1, 3, 9, 3]);
    expect(m.model[2]?.[0]).toBeCloseTo(Math.log(10), 12);
  });

  it("segments items end to end with members numbered like their profiles", () => {
    const items = blobs().map(([x, y], i) => ({ id: i, x: x as number, y: y as number }));
    const s = segmentItems(items, [
      { key: "x", label: "X", high: "east", low: "west", value: (p) => p.x },
      { key: "y", label: "Y", high: "north", low: "south", value: (p) => p.y },
    ]);
    expect(s.k).toBe(3);
    expect(s.profiles.map((p) => p.size)).toEqual([6, 6, 6]);
    const east = s.profiles.find((p) => p.name.startsWith("East"));
    expect(s.members.filter((m) => m.segment === east?.segment).map((m) => m.item.id)).toEqual([
      6, 7, 8, 9, 10, 11,
    ]);
  });
});
