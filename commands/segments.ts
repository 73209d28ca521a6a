import { defineCommand } from "../src/bot/command";
import { periodOption, platformOption } from "../src/bot/common-options";
import type { Context } from "../src/bot/context";
import { UserError } from "../src/bot/errors";
import type { Reply } from "../src/bot/reply";
import { formatCount, formatMoney, formatPercent } from "../src/core/format";
import type { Period } from "../src/core/period";
import {
  INFLUENCER_FEATURES,
  type InfluencerBehaviour,
  USER_FEATURES,
  userBehaviour,
} from "../src/core/segmentation/behaviour-features";
import type { BehaviourFeature } from "../src/core/segmentation/feature-matrix";
import { type Segmentation, segmentItems } from "../src/core/segmentation/segment-items";
import { loadInfluencerReport } from "../src/reports/influencer-report";
import { contextLine, periodData } from "../src/reports/reply-parts";
import { segmentProfileChart, segmentSizeChart } from "../src/reports/segment-charts";
import { loadUserData } from "../src/reports/user-data";
import type { Platform } from "../src/store/schema";

/** Fewer than this and "segments" are just individuals. */
const MIN_ITEMS = 12;
/** Users' behaviour is read over at least this many days (a week says little about habits). */
const MIN_WINDOW_DAYS = 28;

export default defineCommand({
  name: "segments",
  description:
    "Group app users or influencers by behaviour (k-means, k by silhouette) with profiles",
  examples: [
    "segments users",
    "segments users last 90d",
    "segments influencers last 90d platform:instagram",
  ],
  options: [
    {
      name: "who",
      kind: "choice",
      description: "users or influencers",
      required: true,
      choices: ["users", "influencers"],
    },
    periodOption,
    platformOption,
  ] as const,
  async run(ctx, { who, period, platform }) {
    if (who === "influencers") return influencerSegments(ctx, period, platform);
    if (platform) {
      throw new UserError(
        "App users have no platform: `platform:` only applies to influencers.",
        "unknown_filter",
        [
          "Try `/campaign segments users last 90d` or `/campaign segments influencers platform:tiktok`.",
        ],
      );
    }
    return userSegments(ctx, period);
  },
});

async function userSegments(ctx: Context, period: Period): Promise<Reply> {
  const data = await loadUserData(ctx, period.to);
  const { asOf, known: users } = data;
  if (users.length < MIN_ITEMS) {
    throw new UserError(
      `Segmenting needs at least ${MIN_ITEMS} app users; ${ctx.tenant.name} has ${users.length}.`,
      "no_data",
      [
        "Import users with `adpulse import users <file>` or load demo data with `adpulse seed --demo`.",
      ],
    );
  }
  const window = Math.max(MIN_WINDOW_DAYS, period.days);
  const behaviour = userBehaviour(users, data.events, asOf, window, data.pointsBeforeRecords);
  const features = USER_FEATURES.map((f) =>
    f.key === "events" || f.key === "points_earned"
      ? { ...f, label: f.label.replace("90 days", `${window} days`) }
      : f,
  );
  const seg = segmentItems(behaviour, features);
  const format = (key: string, v: number) => {
    if (key === "redeemed_share") return formatPercent(v);
    if (key === "days_since_last" || key === "tenure_days") return `${Math.round(v)} d`;
    return formatCount(v);
  };
  return segmentReply(ctx, period, seg, features, format, {
    noun: "users",
    title: `App user segments — behaviour over ${window} days to ${asOf}`,
    members: seg.members.map((m) => ({ id: m.item.id, segment: m.segment })),
    context: `Behaviour over the ${window} days to ${asOf} · days in ${ctx.tenant.timezone}`,
  });
}

async function influencerSegments(
  ctx: Context,
  period: Period,
  platform: Platform | undefined,
): Promise<Reply> {
  const report = await loadInfluencerReport(ctx, period);
  const pool = report.scored.filter((r) => !platform || r.influencer.platform === platform);
  if (pool.length < MIN_ITEMS) {
    throw new UserError(
      `Segmenting needs at least ${MIN_ITEMS} influencers who posted${platform ? ` on ${platform}` : ""} in ${period.label}; found ${pool.length}.`,
      "no_data",
      ["Try a longer period, e.g. `last 90d`, or leave out the platform."],
    );
  }
  const items: InfluencerBehaviour[] = pool.map((r) => ({
    handle: r.influencer.handle,
    platform: r.influencer.platform,
    followers: r.influencer.followers,
    posts: r.totals.posts,
    engagement_rate: r.totals.reach > 0 ? (r.totals.engagements / r.totals.reach) * 100 : null,
    conversion_rate: r.factors.conversion,
    roi: r.factors.roi,
    cost_per_post: r.totals.posts > 0 ? r.totals.cost / r.totals.posts : r.influencer.cost_per_post,
    fake_followers: r.influencer.fake_follower_share * 100,
  }));
  const seg = segmentItems(items, INFLUENCER_FEATURES);
  const currency = ctx.tenant.currency;
  const format = (key: string, v: number) => {
    if (key === "cost_per_post") return formatMoney(v, currency);
    if (key === "followers" || key === "posts") return formatCount(v);
    return formatPercent(v);
  };
  return segmentReply(ctx, period, seg, INFLUENCER_FEATURES, format, {
    noun: "influencers",
    title: `Influencer segments${platform ? ` on ${platform}` : ""} — ${period.label}`,
    members: seg.members.map((m) => ({
      handle: m.item.handle,
      platform: m.item.platform,
      segment: m.segment,
    })),
    context: `${contextLine(period, undefined, ctx.tenant)}${platform ? ` · ${platform}` : ""}`,
  });
}

function segmentReply<T>(
  _ctx: Context,
  period: Period,
  seg: Segmentation<T>,
  features: readonly BehaviourFeature<T>[],
  format: (key: string, value: number) => string,
  view: { noun: string; title: string; members: Record<string, unknown>[]; context: string },
): Reply {
  const tried = seg.scores.map((s) => `k=${s.k}: ${s.silhouette.toFixed(2)}`).join(", ");
  // Rousseeuw's reading of the mean silhouette.
  const strength =
    seg.silhouette > 0.7
      ? "strong"
      : seg.silhouette > 0.5
        ? "clear"
        : seg.silhouette > 0.25
          ? "moderate"
          : "weak";
  const short = (label: string) => label.replace(/ \(.*\)$/, "").toLowerCase();
  const lines = [
    `${formatCount(seg.members.length)} ${view.noun} fall into **${seg.k} segments** (k-means on standardised behaviour, k chosen by silhouette: ${tried}; ${strength} separation).`,
    ...seg.profiles.map((p) => {
      const traits = features.map((f) => `${short(f.label)} ${format(f.key, p.means[f.key] ?? 0)}`);
      return `**${p.segment}. ${p.name}** — ${p.size} (${formatPercent(p.share)}): ${traits.join(", ")}.`;
    }),
  ];
  return {
    title: view.title,
    text: lines.join("\n"),
    fields: [
      { label: "Segments", value: String(seg.k) },
      { label: "Silhouette", value: seg.silhouette.toFixed(2) },
      {
        label: view.noun.charAt(0).toUpperCase() + view.noun.slice(1),
        value: formatCount(seg.members.length),
      },
    ],
    table: {
      columns: ["#", "Segment", "Size", "Share", ...features.map((f) => f.label)],
      rows: seg.profiles.map((p) => [
        p.segment,
        p.name,
        p.size,
        formatPercent(p.share),
        ...features.map((f) => format(f.key, p.means[f.key] ?? 0)),
      ]),
    },
    charts: [
      segmentProfileChart(seg.profiles, features, format, `${view.title}: segment profiles`),
      segmentSizeChart(
        seg.profiles,
        view.noun.charAt(0).toUpperCase() + view.noun.slice(1),
        `${view.noun.charAt(0).toUpperCase() + view.noun.slice(1)} per segment`,
      ),
    ],
    context: view.context,
    data: {
      period: periodData(period),
      k: seg.k,
      silhouette: seg.silhouette,
      silhouette_by_k: seg.scores,
      features: features.map((f) => ({
        key: f.key,
        label: f.label,
        log_scaled: !!f.log || !!f.transform,
      })),
      segments: seg.profiles.map(({ cluster: _cluster, ...p }) => p),
      members: view.members,
    },
  };
}
