import type { ReplyChart } from "../bot/reply";
import { bubbleChart, comparisonBarChart, rankingBarChart } from "../charts/builders/index";
import { count, money } from "../charts/measure";
import { FACTOR_LABELS, SCORE_FACTORS } from "../core/influencers/weights";
import type { Period } from "../core/period";
import type { ScoredInfluencer } from "./influencer-report";

/** Scores are points out of 100, not a count: the axes say so. */
const SCORE_AXIS = "Score (0–100)";

export function influencerRankingChart(
  rows: readonly ScoredInfluencer[],
  title: string,
): ReplyChart {
  return rankingBarChart({
    id: "influencer-ranking",
    title,
    category: "Influencer",
    measure: count("Score"),
    items: rows.map((r) => ({ label: `@${r.influencer.handle}`, value: r.result.score })),
    limit: 20,
    xTitle: SCORE_AXIS,
  });
}

/** Cost against score, one bubble per influencer sized by reach, coloured by platform. */
export function influencerBubbleChart(
  rows: readonly ScoredInfluencer[],
  currency: string,
  period: Period,
): ReplyChart {
  return bubbleChart({
    id: "influencer-cost-vs-score",
    title: `Cost vs score per influencer — ${period.label}`,
    x: money("Cost", currency),
    y: count("Score"),
    yBounds: { min: 0, max: 100 },
    size: count("Reach"),
    // Fees span $50 to six figures: on a linear axis every small creator sits on the y axis.
    logX: true,
    points: rows.map((r) => ({
      label: `@${r.influencer.handle}`,
      x: r.totals.cost,
      y: r.result.score,
      size: r.totals.reach,
      group: r.influencer.platform,
    })),
    yTitle: SCORE_AXIS,
  });
}

/** One influencer's factor scores (50 = the median of their peers). */
export function influencerFactorsChart(row: ScoredInfluencer): ReplyChart {
  return comparisonBarChart({
    id: "influencer-factors",
    title: `@${row.influencer.handle}: factor scores against peers (${row.result.comparedWith})`,
    groupTitle: "Factor",
    groups: SCORE_FACTORS.map((f) => FACTOR_LABELS[f]),
    metrics: [
      {
        measure: count("Factor score"),
        values: SCORE_FACTORS.map((f) => row.result.factorScores[f]),
      },
    ],
    yTitle: "Factor score (0–100, peers' median = 50)",
  });
}
