import type { ReplyChart } from "../bot/reply";
import { comparisonBarChart, rankingBarChart } from "../charts/builders/index";
import { count, percent } from "../charts/measure";
import type { AllModelsResult } from "../core/attribution/models";
import {
  ATTRIBUTION_MODELS,
  type AttributionModelName,
  type AttributionResult,
} from "../core/attribution/result";
import type { Period } from "../core/period";

/** How each model is named on charts and in tables. */
export const MODEL_LABELS: Readonly<Record<AttributionModelName, string>> = {
  first_touch: "First touch",
  last_touch: "Last touch",
  linear: "Linear",
  time_decay: "Time decay",
  position_based: "Position based",
  markov: "Markov",
  shapley: "Shapley",
};

/**
 * All seven models side by side: channels along the x axis, one coloured bar per model, so for
 * each channel the spread between models is visible at a glance (how much credit depends on the
 * model chosen).
 */
export function attributionComparisonChart(
  results: AllModelsResult,
  channels: readonly string[],
  period: Period,
): ReplyChart {
  return comparisonBarChart({
    id: "attribution-models",
    title: `Attributed conversions by model — ${period.label}`,
    groupTitle: "Model",
    // comparisonBarChart puts metrics of one unit on the x axis and groups as series: here the
    // "metrics" are the channels and the "groups" the models.
    groups: ATTRIBUTION_MODELS.map((m) => MODEL_LABELS[m]),
    metrics: channels.map((channel) => ({
      measure: count(channel),
      values: ATTRIBUTION_MODELS.map((m) => results[m].conversions[channel] ?? 0),
    })),
    xTitle: "Channel",
    yTitle: "Attributed conversions (count)",
  });
}

/** Markov removal effects: the share of conversions lost if a channel disappeared. */
export function removalEffectsChart(
  effects: Readonly<Record<string, number>>,
  order: number,
  period: Period,
): ReplyChart {
  return rankingBarChart({
    id: "markov-removal-effects",
    title: `Removal effect per channel (Markov order ${order}) — ${period.label}`,
    category: "Channel",
    measure: percent("Removal effect"),
    items: Object.entries(effects).map(([channel, effect]) => ({
      label: channel,
      value: effect * 100,
    })),
  });
}

/** One model's credit per channel, largest first. */
export function modelCreditChart(result: AttributionResult, period: Period): ReplyChart {
  return rankingBarChart({
    id: `attribution-${result.model.replace(/_/g, "-")}`,
    title: `${MODEL_LABELS[result.model]} attribution — ${period.label}`,
    category: "Channel",
    measure: count("Attributed conversions"),
    items: result.channels.map((channel) => ({
      label: channel,
      value: result.conversions[channel] ?? 0,
    })),
  });
}
