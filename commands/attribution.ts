import { defineCommand } from "../src/bot/command";
import { periodOption } from "../src/bot/common-options";
import { UserError } from "../src/bot/errors";
import { choiceError, echo } from "../src/bot/option-values";
import type { ReplyField, ReplyTable } from "../src/bot/reply";
import type { MarkovResult } from "../src/core/attribution/markov";
import { CONVERSION_STATE, NULL_STATE, START_STATE } from "../src/core/attribution/markov-chain";
import { type AllModelsResult, runAllModels, runModel } from "../src/core/attribution/models";
import {
  ATTRIBUTION_MODELS,
  type AttributionModelName,
  type AttributionResult,
} from "../src/core/attribution/result";
import { formatCount, formatMoney, formatPercent } from "../src/core/format";
import type { Period } from "../src/core/period";
import {
  attributionComparisonChart,
  MODEL_LABELS,
  modelCreditChart,
  removalEffectsChart,
} from "../src/reports/attribution-charts";
import { type JourneyData, loadJourneyData } from "../src/reports/journey-data";
import { contextLine, periodData } from "../src/reports/reply-parts";
import type { Tenant } from "../src/store/schema";

const MODEL_CHOICES = [...ATTRIBUTION_MODELS, "compare"] as const;
/** Beyond this many states the Markov transition matrix is listed sparsely, largest first. */
const DENSE_MATRIX_STATES = 40;
const MAX_LISTED_TRANSITIONS = 500;

export default defineCommand({
  name: "attribution",
  description: "Credit conversions to channels: one attribution model, or all seven compared",
  examples: [
    "attribution compare last 30d",
    "attribution markov 2 last 90d",
    "attribution shapley last quarter",
  ],
  options: [
    {
      name: "model",
      kind: "choice",
      description: `${ATTRIBUTION_MODELS.join(", ")} or compare (default: compare all)`,
      choices: MODEL_CHOICES,
    },
    periodOption,
    // Free text on purpose: a mistyped model name lands here and is answered with the valid
    // models, where a typed integer option would leave it as an unexplained leftover word.
    { name: "order", kind: "text", description: "Markov order 1–4 (default 1), e.g. `markov 2`" },
  ] as const,
  async run(ctx, { model, period, order: orderText }) {
    const order = parseOrder(orderText, model);
    const data = await loadJourneyData(ctx, period);
    if (data.folded.totals.conversions <= 0) {
      throw new UserError(`No conversions among the journeys of ${period.label}.`, "no_data", [
        "Attribution shares out conversions: try a longer period, e.g. `last 90d`.",
      ]);
    }
    const options = { markovOrder: order };
    return !model || model === "compare"
      ? compareReply(runAllModels(data.folded, options), data, period, order, ctx.tenant)
      : singleReply(
          runModel(model as AttributionModelName, data.folded, options),
          data,
          period,
          ctx.tenant,
        );
  },
});

function parseOrder(text: string | undefined, model: string | undefined): number {
  if (text === undefined || text.trim() === "") return 1;
  const word = text.trim();
  if (!/^\d+$/.test(word)) {
    if (!model) throw choiceError("model", word, MODEL_CHOICES);
    throw new UserError(`I didn't understand "${echo(word)}".`, "unexpected_argument", [
      "Usage: `/campaign attribution [model] [order] [period]`, e.g. `/campaign attribution markov 2 last 90d`.",
    ]);
  }
  const order = Number(word);
  if (order < 1 || order > 4) {
    throw new UserError("The Markov order must be 1, 2, 3 or 4.", "invalid_order", [
      "Order 1 looks at the previous channel only; 2–4 at that many previous channels.",
    ]);
  }
  if (model && model !== "markov" && model !== "compare") {
    throw new UserError(
      `An order only applies to markov (and compare), not ${model}.`,
      "invalid_order",
      ["Example: `/campaign attribution markov 2`."],
    );
  }
  return order;
}

function compareReply(
  results: AllModelsResult,
  data: JourneyData,
  period: Period,
  order: number,
  tenant: Tenant,
) {
  const { folded } = data;
  const currency = tenant.currency;
  const markov = results.markov;
  const channels = [...folded.channels].sort(
    (a, b) => (markov.conversions[b] ?? 0) - (markov.conversions[a] ?? 0) || (a < b ? -1 : 1),
  );
  const byModel = (pick: (r: AttributionResult) => Readonly<Record<string, number>>) =>
    Object.fromEntries(ATTRIBUTION_MODELS.map((m) => [m, ordered(pick(results[m]), channels)]));
  const leader = channels[0] as string;
  const spread = channels
    .map((channel) => {
      const values = ATTRIBUTION_MODELS.map((m) => results[m].conversions[channel] ?? 0);
      return { channel, low: Math.min(...values), high: Math.max(...values) };
    })
    .sort((a, b) => b.high - b.low - (a.high - a.low))[0];
  const lines = [
    `**${formatCount(folded.totals.conversions)}** conversions (${formatMoney(folded.totals.value, currency)}) from ${formatCount(folded.totals.journeys)} journeys over ${folded.channels.length} channels.`,
    `Markov (order ${order}) credits **${leader}** most: ${credit(markov.conversions[leader])} conversions; removing it would lose ${formatPercent((markov.removalEffects[leader] ?? 0) * 100)} of conversions.`,
  ];
  if (spread && spread.high - spread.low > 0) {
    lines.push(
      `The models disagree most on **${spread.channel}**: ${credit(spread.low)} to ${credit(spread.high)} conversions depending on the model.`,
    );
  }
  lines.push(...sourceNotes(data));
  const table: ReplyTable = {
    columns: ["Channel", ...ATTRIBUTION_MODELS.map((m) => MODEL_LABELS[m]), "Removal effect"],
    rows: channels.map((channel) => [
      channel,
      ...ATTRIBUTION_MODELS.map((m) => credit(results[m].conversions[channel])),
      formatPercent((markov.removalEffects[channel] ?? 0) * 100),
    ]),
  };
  return {
    title: `Attribution — all models — ${period.label}`,
    text: lines.join("\n"),
    fields: totalsFields(data, currency, markov),
    table,
    charts: [
      attributionComparisonChart(results, channels, period),
      removalEffectsChart(markov.removalEffects, order, period),
    ],
    context: `${contextLine(period, undefined, tenant)} · journeys from ${data.source}`,
    data: {
      period: periodData(period),
      source: data.source,
      totals: totalsData(data),
      channels,
      markov_order: order,
      models: byModel((r) => r.conversions),
      values: byModel((r) => r.value),
      removal_effects: ordered(markov.removalEffects, channels),
      removal_effects_value: ordered(markov.valueRemovalEffects, channels),
      conversion_probability: markov.conversionProbability,
    },
  };
}

function singleReply(result: AttributionResult, data: JourneyData, period: Period, tenant: Tenant) {
  const currency = tenant.currency;
  const markov = result.model === "markov" ? (result as MarkovResult) : undefined;
  const channels = [...result.channels].sort(
    (a, b) => (result.conversions[b] ?? 0) - (result.conversions[a] ?? 0) || (a < b ? -1 : 1),
  );
  const total = result.totalConversions;
  const top = channels[0] as string;
  const name = markov ? `Markov (order ${markov.order})` : MODEL_LABELS[result.model];
  const lines = [
    `${name} credits **${top}** most: ${credit(result.conversions[top])} of ${formatCount(total)} conversions (${formatPercent(((result.conversions[top] ?? 0) / total) * 100)}).`,
    ...sourceNotes(data, result.model),
  ];
  const table: ReplyTable = {
    columns: ["Channel", "Conversions", "Share", "Value", ...(markov ? ["Removal effect"] : [])],
    rows: channels.map((channel) => [
      channel,
      credit(result.conversions[channel]),
      formatPercent(((result.conversions[channel] ?? 0) / total) * 100),
      formatMoney(result.value[channel] ?? 0, currency),
      ...(markov ? [formatPercent((markov.removalEffects[channel] ?? 0) * 100)] : []),
    ]),
  };
  return {
    title: `Attribution — ${name} — ${period.label}`,
    text: lines.join("\n"),
    fields: totalsFields(data, currency, markov),
    table,
    charts: [
      modelCreditChart(result, period),
      ...(markov ? [removalEffectsChart(markov.removalEffects, markov.order, period)] : []),
    ],
    context: `${contextLine(period, undefined, tenant)} · journeys from ${data.source}`,
    data: {
      period: periodData(period),
      source: data.source,
      totals: totalsData(data),
      channels,
      model: result.model,
      models: { [result.model]: ordered(result.conversions, channels) },
      values: { [result.model]: ordered(result.value, channels) },
      ...(markov
        ? {
            markov_order: markov.order,
            removal_effects: ordered(markov.removalEffects, channels),
            removal_effects_value: ordered(markov.valueRemovalEffects, channels),
            conversion_probability: markov.conversionProbability,
            transition_matrix: transitionMatrix(markov),
          }
        : {}),
    },
  };
}

function totalsFields(data: JourneyData, currency: string, markov?: MarkovResult): ReplyField[] {
  const { totals } = data.folded;
  return [
    { label: "Conversions", value: formatCount(totals.conversions) },
    { label: "Conversion value", value: formatMoney(totals.value, currency) },
    { label: "Journeys", value: formatCount(totals.journeys) },
    { label: "Distinct paths", value: formatCount(data.folded.pathCount) },
    ...(markov
      ? [
          {
            label: "P(conversion), Markov",
            value: formatPercent(markov.conversionProbability * 100),
          },
        ]
      : []),
  ];
}

function totalsData(data: JourneyData) {
  const { totals } = data.folded;
  return {
    conversions: totals.conversions,
    value: totals.value,
    journeys: totals.journeys,
    nulls: totals.nulls,
    distinct_paths: data.folded.pathCount,
  };
}

function sourceNotes(data: JourneyData, model?: AttributionModelName): string[] {
  if (data.source === "touchpoints") return [];
  // Path exports carry no timestamps: say how time decay was computed rather than hide it.
  return !model || model === "time_decay"
    ? [
        "_Path exports carry no timestamps: time decay treats touches as one day apart (half-life 7 days)._",
      ]
    : [];
}

/**
 * The Markov transition matrix: dense rows (from → to probabilities, absorbing states last) for
 * small chains, otherwise the most travelled transitions as a list.
 */
function transitionMatrix(markov: MarkovResult) {
  const states = [...markov.states, CONVERSION_STATE, NULL_STATE];
  if (states.length <= DENSE_MATRIX_STATES) {
    const index = new Map(states.map((s, i) => [s, i]));
    const matrix = states.map((s) =>
      states.map((t) => (s === t && (s === CONVERSION_STATE || s === NULL_STATE) ? 1 : 0)),
    );
    for (const t of markov.transitions) {
      const row = matrix[index.get(t.from) as number] as number[];
      row[index.get(t.to) as number] = t.probability;
    }
    return { states, matrix };
  }
  const listed = [...markov.transitions]
    .sort((a, b) => b.count - a.count)
    .slice(0, MAX_LISTED_TRANSITIONS);
  return {
    states: states.length,
    start: START_STATE,
    transitions: listed,
    truncated: markov.transitions.length - listed.length,
  };
}

/** A record re-keyed in display order. */
function ordered(
  record: Readonly<Record<string, number>>,
  keys: readonly string[],
): Record<string, number> {
  return Object.fromEntries(keys.map((k) => [k, record[k] ?? 0]));
}

/** Attributed conversions are fractional: one decimal below a thousand. */
function credit(n: number | undefined): string {
  const value = n ?? 0;
  return Math.abs(value) >= 1000 ? formatCount(value) : value.toFixed(1);
}
