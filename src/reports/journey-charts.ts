import type { ReplyChart } from "../bot/reply";
import { comparisonBarChart } from "../charts/builders/index";
import { count, percent } from "../charts/measure";
import type { ChannelRoleCounts } from "../core/journeys/channel-roles";
import type { PathLengthBucket } from "../core/journeys/path-lengths";
import type { TimeToConversion } from "../core/journeys/time-to-conversion";

/** Conversions (left axis) and conversion rate (right axis) by number of touches. */
export function pathLengthChart(buckets: readonly PathLengthBucket[]): ReplyChart {
  return comparisonBarChart({
    id: "journeys-path-length",
    title: "Conversions and conversion rate by path length",
    groupTitle: "Touches",
    groups: buckets.map((b) => b.length),
    metrics: [
      { measure: count("Conversions"), values: buckets.map((b) => b.conversions) },
      { measure: percent("Conversion rate"), values: buckets.map((b) => b.conversion_rate) },
    ],
  });
}

export function timeToConversionChart(time: TimeToConversion): ReplyChart {
  return comparisonBarChart({
    id: "journeys-time-to-conversion",
    title: "Time from first touch to conversion",
    groupTitle: "Time to conversion",
    groups: time.buckets.map((b) => b.label),
    metrics: [{ measure: count("Conversions"), values: time.buckets.map((b) => b.conversions) }],
  });
}

/** Introducer / assister / closer credit per channel: channels on the x axis, a bar per role. */
export function channelRolesChart(roles: readonly ChannelRoleCounts[]): ReplyChart {
  return comparisonBarChart({
    id: "journeys-channel-roles",
    title: "Channel roles in converting journeys",
    groupTitle: "Role",
    groups: ["Introducer", "Assister", "Closer"],
    metrics: roles.map((r) => ({
      measure: count(r.channel),
      values: [r.introducer, r.assister, r.closer],
    })),
    xTitle: "Channel",
    yTitle: "Conversions (count)",
  });
}
