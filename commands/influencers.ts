import { defineCommand } from "../src/bot/command";
import { periodOption, platformOption } from "../src/bot/common-options";
import type { Context } from "../src/bot/context";
import { UserError } from "../src/bot/errors";
import { echo } from "../src/bot/option-values";
import type { Reply } from "../src/bot/reply";
import { formatCount, formatKpi, formatMoney, formatPercent } from "../src/core/format";
import { closestNames } from "../src/core/fuzzy";
import { HIGH_FROM, MEDIUM_FROM, PERFORMER_SEGMENTS } from "../src/core/influencers/segments";
import {
  DEFAULT_SCORE_WEIGHTS,
  FACTOR_LABELS,
  parseWeightAssignments,
  SCORE_FACTORS,
  type ScoreWeights,
  validateWeights,
  weightShares,
} from "../src/core/influencers/weights";
import type { Period } from "../src/core/period";
import {
  influencerBubbleChart,
  influencerFactorsChart,
  influencerRankingChart,
} from "../src/reports/influencer-charts";
import {
  loadInfluencerReport,
  type ScoredInfluencer,
  tenantScoreWeights,
} from "../src/reports/influencer-report";
import { capitalize, contextLine, periodData } from "../src/reports/reply-parts";
import type { Platform } from "../src/store/schema";

const DEFAULT_TOP = 10;
const MAX_TOP = 50;

export default defineCommand({
  name: "influencers",
  description: "Score influencers 0–100 (engagement, authenticity, conversions, ROI, brand fit)",
  examples: [
    "influencers top 10 last 90d",
    "influencers @mia.glow",
    "influencers top 5 platform:tiktok",
    "influencers weights conversion=40 roi=10",
  ],
  options: [
    {
      name: "mode",
      kind: "choice",
      description: "top (default) or weights (show; admins set them from the console)",
      choices: ["top", "weights"],
    },
    {
      name: "n",
      kind: "integer",
      description: `How many (1–${MAX_TOP}, default ${DEFAULT_TOP})`,
      min: 1,
      max: MAX_TOP,
    },
    periodOption,
    platformOption,
    {
      name: "handle",
      kind: "text",
      description: "@handle of one influencer (with weights: factor=number …)",
    },
  ] as const,
  async run(ctx, { mode, n, period, platform, handle }) {
    if (mode === "weights") return weightsReply(ctx, handle);
    const text = handle?.trim();
    if (text && mode === "top") {
      // "top abc": the number did not parse, so it reached the free-text option.
      throw new UserError(
        `N must be a whole number from 1 to ${MAX_TOP} (got "${echo(text)}").`,
        "invalid_n",
        ["Example: `/campaign influencers top 10`."],
      );
    }
    const report = await loadInfluencerReport(ctx, period);
    if (report.scored.length === 0 && report.idle.length === 0) {
      throw new UserError(`${ctx.tenant.name} has no influencers yet.`, "no_data", [
        "Import influencers and posts with `adpulse import`, or load demo data with `adpulse seed --demo`.",
      ]);
    }
    if (text) {
      const idle = report.idle.map((i) => i.handle);
      return profileReply(ctx, report.scored, idle, report.weights.weights, text, period, platform);
    }
    return rankingReply(ctx, report, n ?? DEFAULT_TOP, period, platform);
  },
});

function rankingReply(
  ctx: Context,
  report: Awaited<ReturnType<typeof loadInfluencerReport>>,
  n: number,
  period: Period,
  platform: Platform | undefined,
): Reply {
  const currency = ctx.tenant.currency;
  const pool = report.scored.filter((r) => !platform || r.influencer.platform === platform);
  if (pool.length === 0) {
    throw new UserError(
      `No ${platform ? `${platform} ` : ""}influencer posted in ${period.label}.`,
      "no_data",
      ["Try a longer period, e.g. `last 90d`, or another platform."],
    );
  }
  const top = pool.slice(0, n);
  const segments = Object.fromEntries(
    PERFORMER_SEGMENTS.map((s) => [s, pool.filter((r) => r.result.segment === s).length]),
  );
  const best = top[0] as ScoredInfluencer;
  const title = `Top ${top.length} influencers${platform ? ` on ${platform}` : ""} — ${period.label}`;
  return {
    title,
    text: [
      `Best: **@${best.influencer.handle}** (${best.influencer.platform}, ${best.influencer.tier}) scores **${score(best)}**.`,
      `${pool.length} influencers posted: ${PERFORMER_SEGMENTS.map((s) => `${segments[s]} ${s}`).join(", ")} performers (High ≥ ${HIGH_FROM}, Medium ≥ ${MEDIUM_FROM}).`,
      weightsLine(report.weights.weights, report.weights.custom),
    ].join("\n"),
    table: {
      columns: [
        "#",
        "Influencer",
        "Platform",
        "Tier",
        "Score",
        "Segment",
        "Eng. quality",
        "Conv. rate",
        "ROI",
        "Cost",
      ],
      rows: top.map((r, i) => [
        i + 1,
        `@${r.influencer.handle}`,
        r.influencer.platform,
        r.influencer.tier,
        score(r),
        r.result.segment ?? "—",
        formatPercent(r.factors.engagement),
        formatKpi("conversion_rate", r.factors.conversion),
        formatKpi("roi", r.factors.roi),
        formatMoney(r.totals.cost, currency),
      ]),
    },
    charts: [influencerRankingChart(top, title), influencerBubbleChart(pool, currency, period)],
    context: `${contextLine(period, undefined, ctx.tenant)}${platform ? ` · ${platform}` : ""}`,
    data: {
      period: periodData(period),
      filters: { platform: platform ?? null },
      weights: report.weights.weights,
      custom_weights: report.weights.custom,
      segments,
      scored: pool.length,
      not_scored: report.idle.filter((i) => !platform || i.platform === platform).length,
      influencers: top.map((r, i) => influencerData(r, i + 1)),
    },
  };
}

function profileReply(
  ctx: Context,
  scored: readonly ScoredInfluencer[],
  idleHandles: readonly string[],
  weights: ScoreWeights,
  text: string,
  period: Period,
  platform: Platform | undefined,
): Reply {
  const wanted = text.replace(/^@/, "").trim().toLowerCase();
  const matches = scored.filter(
    (r) => r.influencer.handle === wanted && (!platform || r.influencer.platform === platform),
  );
  if (matches.length === 0) {
    const handles = [...new Set([...scored.map((r) => r.influencer.handle), ...idleHandles])];
    const suggestions = closestNames(
      wanted,
      handles.map((h) => ({ id: h, name: h })),
      3,
    ).map((c) => `@${c.name}`);
    const idle = idleHandles.includes(wanted);
    throw new UserError(
      idle
        ? `@${echo(wanted)} did not post in ${period.label}.`
        : `No influencer @${echo(wanted)}.`,
      idle ? "no_data" : "unknown_influencer",
      idle
        ? ["Try a longer period, e.g. `last 90d`."]
        : [
            ...(suggestions.length ? [`Closest handles: ${suggestions.join(", ")}.`] : []),
            "List them with `/campaign influencers top 50`.",
          ],
    );
  }
  if (matches.length > 1) {
    throw new UserError(
      `@${echo(wanted)} is on ${matches.map((m) => m.influencer.platform).join(" and ")}.`,
      "ambiguous_influencer",
      [
        `Add a platform, e.g. \`/campaign influencers @${wanted} platform:${matches[0]?.influencer.platform}\`.`,
      ],
    );
  }
  const row = matches[0] as ScoredInfluencer;
  const { influencer, totals, factors, result } = row;
  const currency = ctx.tenant.currency;
  const rank = scored.indexOf(row) + 1;
  const shares = weightShares(weights);
  const raw: Record<(typeof SCORE_FACTORS)[number], string> = {
    engagement:
      factors.engagement === null
        ? "—"
        : `${formatPercent(factors.engagement)} weighted engagement`,
    authenticity: `${formatPercent(factors.authenticity ?? 0)} real followers`,
    conversion: formatKpi("conversion_rate", factors.conversion),
    roi: formatKpi("roi", factors.roi),
    brand: `${formatPercent(factors.brand ?? 0)} fit`,
  };
  return {
    title: `@${influencer.handle} — ${capitalize(influencer.platform)} — ${period.label}`,
    text: [
      `**${influencer.name}**, ${influencer.tier} (${formatCount(influencer.followers)} followers): score **${score(row)}**, ${result.segment ?? "—"} performer, #${rank} of ${scored.length}.`,
      `Compared with ${result.comparedWith}; 50 is the peers' median on each factor.`,
    ].join("\n"),
    fields: [
      {
        label: "Score",
        value: score(row),
        tone: result.segment === "High" ? "good" : result.segment === "Low" ? "bad" : "neutral",
      },
      { label: "Posts", value: formatCount(totals.posts) },
      { label: "Reach", value: formatCount(totals.reach) },
      { label: "Cost", value: formatMoney(totals.cost, currency) },
      { label: "Revenue", value: formatMoney(totals.revenue, currency) },
    ],
    table: {
      columns: ["Factor", "Value", "Factor score", "Weight"],
      rows: SCORE_FACTORS.map((f) => [
        FACTOR_LABELS[f],
        raw[f],
        result.factorScores[f] === null ? "—" : (result.factorScores[f] as number).toFixed(0),
        formatPercent(shares[f]),
      ]),
    },
    charts: [influencerFactorsChart(row)],
    context: contextLine(period, undefined, ctx.tenant),
    data: { period: periodData(period), weights, influencer: influencerData(row, rank) },
  };
}

async function weightsReply(ctx: Context, text: string | undefined): Promise<Reply> {
  const current = await tenantScoreWeights(ctx);
  const words = text?.trim() ?? "";
  if (words === "") return showWeights(current.weights, current.custom, "Influencer score weights");
  if (ctx.platform !== "console") {
    // No role model reaches commands yet: weights change for the whole tenant, so only whoever
    // runs the installation (the console / `adpulse ask`) may set them.
    throw new UserError(
      "Only an admin can change the score weights, from the adpulse console.",
      "not_allowed",
      [
        `Admin: \`adpulse ask --tenant ${ctx.tenant.id} "/campaign influencers weights ${echo(words, 60)}"\`.`,
      ],
    );
  }
  if (/^(reset|default|defaults)$/i.test(words)) {
    await ctx.store.influencers.resetScoreWeights(ctx.tenant.id);
    return showWeights(
      DEFAULT_SCORE_WEIGHTS,
      false,
      "Influencer score weights reset to the defaults",
    );
  }
  let weights: ScoreWeights;
  try {
    weights = validateWeights({ ...current.weights, ...parseWeightAssignments(words) });
  } catch (error) {
    throw new UserError(error instanceof Error ? error.message : String(error), "invalid_weights", [
      `Factors: ${SCORE_FACTORS.join(", ")}. Example: \`/campaign influencers weights conversion=40 roi=10\`.`,
    ]);
  }
  await ctx.store.influencers.setScoreWeights(ctx.tenant.id, weights, ctx.user.id, ctx.clock.now());
  return showWeights(weights, true, "Influencer score weights updated");
}

function showWeights(weights: ScoreWeights, custom: boolean, title: string): Reply {
  const shares = weightShares(weights);
  return {
    title,
    text: `${weightsLine(weights, custom)}\nAdmins change them from the console: \`/campaign influencers weights conversion=40 roi=10\` (or \`reset\`).`,
    table: {
      columns: ["Factor", "Weight", "Share"],
      rows: SCORE_FACTORS.map((f) => [FACTOR_LABELS[f], weights[f], formatPercent(shares[f])]),
    },
    data: { weights, shares, custom },
  };
}

function weightsLine(weights: ScoreWeights, custom: boolean): string {
  const shares = weightShares(weights);
  return `Weights (${custom ? "this team's" : "defaults"}): ${SCORE_FACTORS.map((f) => `${f} ${formatPercent(shares[f])}`).join(", ")}.`;
}

function score(row: ScoredInfluencer): string {
  return row.result.score === null ? "—" : row.result.score.toFixed(1);
}

function influencerData(r: ScoredInfluencer, rank: number) {
  return {
    rank,
    handle: r.influencer.handle,
    name: r.influencer.name,
    platform: r.influencer.platform,
    tier: r.influencer.tier,
    followers: r.influencer.followers,
    score: r.result.score,
    segment: r.result.segment,
    compared_with: r.result.comparedWith,
    factors: r.factors,
    factor_scores: r.result.factorScores,
    posts: r.totals.posts,
    reach: r.totals.reach,
    impressions: r.totals.impressions,
    clicks: r.totals.clicks,
    conversions: r.totals.conversions,
    revenue: r.totals.revenue,
    cost: r.totals.cost,
  };
}
