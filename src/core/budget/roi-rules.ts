/**
 * The plain rules teams already use, shown beside the curve-based moves: ROI under 50 % → cut,
 * over 200 % → scale. They ignore diminishing returns (a 240 % campaign may be saturated), which
 * is why they are advice next to the recommendations rather than the recommendations.
 */
export const ROI_RULES = Object.freeze({ cutBelow: 50, scaleAbove: 200 });

export interface RoiRow {
  id: string;
  name: string;
  spend: number;
  revenue: number;
}

export interface RoiFlag {
  id: string;
  name: string;
  /** Percent: `(revenue − spend) / spend · 100`. */
  roi: number;
}

/**
 * Campaigns to cut (ROI below `cutBelow`, worst first) and to scale (above `scaleAbove`, best
 * first). Rows without spend have no ROI and are never flagged.
 *
 * @example roiRules([{ id: "a", name: "A", spend: 100, revenue: 112 }]).cut // [{ id: "a", name: "A", roi: 12 }]
 */
export function roiRules(
  rows: readonly RoiRow[],
  rules: { cutBelow: number; scaleAbove: number } = ROI_RULES,
): { cut: RoiFlag[]; scale: RoiFlag[] } {
  const flagged = rows
    .filter((r) => r.spend > 0)
    .map((r) => ({ id: r.id, name: r.name, roi: ((r.revenue - r.spend) / r.spend) * 100 }));
  return {
    cut: flagged.filter((f) => f.roi < rules.cutBelow).sort((a, b) => a.roi - b.roi),
    scale: flagged.filter((f) => f.roi > rules.scaleAbove).sort((a, b) => b.roi - a.roi),
  };
}
