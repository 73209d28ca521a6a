import { firstTouch } from "./first-touch";
import type { FoldedPaths } from "./fold-paths";
import { lastTouch } from "./last-touch";
import { linear } from "./linear";
import { type MarkovResult, markov } from "./markov";
import { type PositionWeights, positionBased } from "./position-based";
import { ATTRIBUTION_MODELS, type AttributionModelName, type AttributionResult } from "./result";
import { type ShapleyResult, shapley } from "./shapley";
import { timeDecay } from "./time-decay";

/** Every model's tuning knobs, each with its documented default. */
export interface AttributionOptions {
  /** time_decay: half-life in days (default 7). */
  halfLifeDays?: number;
  /** time_decay: days between touches when paths carry no timestamps (default 1). */
  stepDays?: number;
  /** position_based: first / last shares (default 0.4 / 0.4, the middle gets the rest). */
  positionWeights?: PositionWeights;
  /** markov: order 1–4 (default 1). */
  markovOrder?: number;
}

export interface AllModelsResult {
  first_touch: AttributionResult;
  last_touch: AttributionResult;
  linear: AttributionResult;
  time_decay: AttributionResult;
  position_based: AttributionResult;
  markov: MarkovResult;
  shapley: ShapleyResult;
}

/**
 * Whether a word names a model.
 *
 * @example isAttributionModel("markov") // true
 */
export function isAttributionModel(name: string): name is AttributionModelName {
  return (ATTRIBUTION_MODELS as readonly string[]).includes(name);
}

/**
 * Runs one model by name.
 *
 * @example runModel("time_decay", folded, { halfLifeDays: 3 }).conversions
 */
export function runModel<M extends AttributionModelName>(
  model: M,
  folded: FoldedPaths,
  options: AttributionOptions = {},
): AllModelsResult[M] {
  const run: { [K in AttributionModelName]: () => AllModelsResult[K] } = {
    first_touch: () => firstTouch(folded),
    last_touch: () => lastTouch(folded),
    linear: () => linear(folded),
    time_decay: () =>
      timeDecay(folded, { halfLifeDays: options.halfLifeDays, stepDays: options.stepDays }),
    position_based: () => positionBased(folded, options.positionWeights),
    markov: () => markov(folded, { order: options.markovOrder }),
    shapley: () => shapley(folded),
  };
  return run[model]();
}

/**
 * All seven models over the same folded paths, keyed by model name.
 *
 * @example runAllModels(folded).markov.removalEffects
 */
export function runAllModels(
  folded: FoldedPaths,
  options: AttributionOptions = {},
): AllModelsResult {
  return {
    first_touch: runModel("first_touch", folded, options),
    last_touch: runModel("last_touch", folded, options),
    linear: runModel("linear", folded, options),
    time_decay: runModel("time_decay", folded, options),
    position_based: runModel("position_based", folded, options),
    markov: runModel("markov", folded, options),
    shapley: runModel("shapley", folded, options),
  };
}
