import type { FoldedPaths } from "../attribution/fold-paths";
import { pathChannels } from "../attribution/fold-paths";
import { formatPath } from "../attribution/path-text";

export interface PathSummary {
  /** `facebook > email > google`. */
  path: string;
  channels: string[];
  conversions: number;
  value: number;
  /** Conversions + nulls. */
  journeys: number;
  /** conversions / journeys · 100; null without journeys. */
  conversion_rate: number | null;
  /** This path's share of all conversions, percent. */
  share: number;
}

/**
 * The paths that converted most, best first (ties: more value, then path text).
 *
 * @example topPaths(folded, 3)[0] // { path: "facebook > google", conversions: 41, share: 12.5, … }
 */
export function topPaths(folded: FoldedPaths, limit = 10): PathSummary[] {
  const order: number[] = [];
  for (let p = 0; p < folded.pathCount; p++)
    if ((folded.conversions[p] as number) > 0) order.push(p);
  const text = (p: number) => formatPath(pathChannels(folded, p));
  order.sort(
    (a, b) =>
      (folded.conversions[b] as number) - (folded.conversions[a] as number) ||
      (folded.value[b] as number) - (folded.value[a] as number) ||
      (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0),
  );
  const total = folded.totals.conversions;
  return order.slice(0, Math.max(0, limit)).map((p) => {
    const conversions = folded.conversions[p] as number;
    const journeys = conversions + (folded.nulls[p] as number);
    const channels = pathChannels(folded, p);
    return {
      path: formatPath(channels),
      channels,
      conversions,
      value: folded.value[p] as number,
      journeys,
      conversion_rate: journeys > 0 ? (conversions / journeys) * 100 : null,
      share: total > 0 ? (conversions / total) * 100 : 0,
    };
  });
}
