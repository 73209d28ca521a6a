import type { FoldedPaths } from "../attribution/fold-paths";

export const CHANNEL_ROLES = ["introducer", "assister", "closer"] as const;
export type ChannelRole = (typeof CHANNEL_ROLES)[number];

export interface ChannelRoleCounts {
  channel: string;
  /** Conversions whose path started with this channel. */
  introducer: number;
  /** Touches in the middle of converting paths (neither first nor last), weighted by conversions. */
  assister: number;
  /** Conversions whose path ended with this channel. */
  closer: number;
  /** Single-touch conversions, already counted as both introducer and closer. */
  solo: number;
  /**
   * The role in which this channel is most over-represented: its share of all introductions,
   * assists or closes, whichever is largest (ties: introducer, assister, closer). Comparing shares
   * rather than counts matters because every path has one introducer and one closer but any
   * number of assists. Null for a channel with no converting touch.
   */
  primary: ChannelRole | null;
}

/**
 * Introducer / assister / closer credit per channel over converting paths, weighted by
 * conversions. A one-touch path's channel both introduces and closes (and counts as `solo`).
 *
 * @example
 * channelRoles(foldPaths([{ path: "tiktok > email > google", conversions: 2 }]))
 * // [{ channel: "tiktok", introducer: 2, … primary: "introducer" }, { channel: "email", assister: 2, … }, …]
 */
export function channelRoles(folded: FoldedPaths): ChannelRoleCounts[] {
  const rows: ChannelRoleCounts[] = folded.channels.map((channel) => ({
    channel,
    introducer: 0,
    assister: 0,
    closer: 0,
    solo: 0,
    primary: null,
  }));
  const totals = { introducer: 0, assister: 0, closer: 0 };
  for (let p = 0; p < folded.pathCount; p++) {
    const c = folded.conversions[p] as number;
    if (!(c > 0)) continue;
    const first = folded.offsets[p] as number;
    const last = (folded.offsets[p + 1] as number) - 1;
    const starter = rows[folded.touches[first] as number] as ChannelRoleCounts;
    const finisher = rows[folded.touches[last] as number] as ChannelRoleCounts;
    starter.introducer += c;
    finisher.closer += c;
    totals.introducer += c;
    totals.closer += c;
    if (first === last) starter.solo += c;
    for (let t = first + 1; t < last; t++) {
      (rows[folded.touches[t] as number] as ChannelRoleCounts).assister += c;
      totals.assister += c;
    }
  }
  for (const row of rows) {
    let best = 0;
    for (const role of CHANNEL_ROLES) {
      const share = totals[role] > 0 ? row[role] / totals[role] : 0;
      if (share > best) {
        best = share;
        row.primary = role;
      }
    }
  }
  return rows;
}
