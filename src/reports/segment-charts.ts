import type { ReplyChart } from "../bot/reply";
import { doughnutChart, heatmapChart } from "../charts/builders/index";
import { count } from "../charts/measure";
import type { FeatureSpec, SegmentProfile } from "../core/segmentation/segment-profiles";

/** z-scores beyond ±2 SD all read as "far from average": the colours stop there. */
const Z_CAP = 2;

/**
 * Segment profiles as a diverging heatmap: one row per segment, one column per feature, coloured
 * by how far the segment's average sits from everyone's (blue above, red below), each cell
 * labelled with the segment's actual average.
 */
export function segmentProfileChart(
  profiles: readonly SegmentProfile[],
  features: readonly FeatureSpec[],
  formatMean: (key: string, value: number) => string,
  title: string,
): ReplyChart {
  return heatmapChart({
    id: "segment-profiles",
    title,
    rows: profiles.map((p) => `${p.segment}. ${p.name} (${p.size})`),
    columns: features.map((f) => f.label),
    rowTitle: "Segment (size)",
    columnTitle: "Behaviour (cells: the segment's average)",
    measure: count("Difference from average"),
    scale: "diverging",
    domain: { min: -Z_CAP, max: Z_CAP, mid: 0 },
    values: profiles.map((p) =>
      features.map((f) => Math.max(-Z_CAP, Math.min(Z_CAP, p.z[f.key] ?? 0))),
    ),
    cellTexts: profiles.map((p) => features.map((f) => formatMean(f.key, p.means[f.key] ?? 0))),
    keyTitle: "Against the average (standard deviations)",
    keyLabels: [`−${Z_CAP} SD, below`, "average", `+${Z_CAP} SD, above`],
    width: 1100,
    height: Math.max(500, 200 + profiles.length * 60),
  });
}

/** How many members each segment has. */
export function segmentSizeChart(
  profiles: readonly SegmentProfile[],
  noun: string,
  title: string,
): ReplyChart {
  return doughnutChart({
    id: "segment-sizes",
    title,
    measure: count(noun),
    slices: profiles.map((p) => ({ label: `${p.segment}. ${p.name}`, value: p.size })),
  });
}
